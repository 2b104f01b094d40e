#pragma once

#include "result.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace Gavel::Models {

class Database;

/// Settings the whole team shares, stored in the database (not in the user's own
/// QSettings): the house currency, the sidebar's attribute list, the interest window…
class SettingsStore final
{
public:
    explicit SettingsStore(const Database &database);

    /// Well-known keys.
    static inline const QString HouseName = QStringLiteral("house.name");
    static inline const QString HouseCurrency = QStringLiteral("house.currency");

    Result<QString> value(const QString &key, const QString &defaultValue = {});
    /// Inserts or replaces the value; the previous one goes to the audit log.
    Status setValue(const QString &key, const QString &value);

    /// The house currency, "GBP" until a house sets its own.
    QString houseCurrency();

private:
    QSqlDatabase m_db;
    QString m_actor;
};

} // namespace Gavel::Models
