#pragma once

#include "result.h"

#include <QString>
#include <QStringList>

namespace Gavel::Models {

class SettingsStore;

/// Which attributes the profile's sidebar shows below the customer's name, Customer ID and
/// VIP badge, and in which order. A team-shared setting (SettingsStore key
/// "sidebar.attributes", the keys joined by commas), so that everyone sees the same sidebar.
class SidebarAttributes final
{
public:
    static inline const QString SettingKey = QStringLiteral("sidebar.attributes");

    /// Every attribute the sidebar can show, in the default order.
    static const QStringList &allKeys();
    /// What is shown when the house has not chosen: every attribute.
    static QStringList defaultKeys() { return allKeys(); }
    /// "E-mail", "Top Departments"… (translated); empty for an unknown key.
    static QString label(const QString &key);

    /// The stored value read back: unknown keys (from a newer Gavel) and repeats are dropped.
    /// An empty value shows nothing; a value never stored shows the defaults.
    static QStringList parse(const QString &value);
    static QString serialize(const QStringList &keys);

    static Result<QStringList> load(SettingsStore &settings);
    /// Fails with ErrorKind::Invalid naming an unknown key.
    static Status save(SettingsStore &settings, const QStringList &keys);
};

} // namespace Gavel::Models
