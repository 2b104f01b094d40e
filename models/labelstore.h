#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace Gavel::Models {

class Database;

/// A label staff put on customers ("Called before the sale", "Museum contact").
struct Label
{
    qint64 id = 0;
    QString name;
    QString color; ///< "#RRGGBB", or empty
};

/// The labels staff set by hand. Names are unique ignoring case and spacing; adding a name
/// that does not exist yet creates the label. Every change is in the audit log.
class LabelStore final
{
    Q_DECLARE_TR_FUNCTIONS(LabelStore)

public:
    explicit LabelStore(const Database &database);

    /// Longest name accepted.
    static constexpr int kMaxNameLength = 60;
    /// The key names are compared by: spacing simplified, case folded.
    static QString nameKey(const QString &name);

    /// Every label, by name.
    Result<QList<Label>> all();
    /// The customer's labels, by name.
    Result<QList<Label>> forCustomer(qint64 customerId);
    Result<std::optional<Label>> byName(const QString &name);

    /// Puts the label called `name` on the customer, creating the label if need be. Adding
    /// a label the customer already has changes nothing. Fails with ErrorKind::Invalid for
    /// an empty or too long name, ErrorKind::NotFound when the customer is gone.
    Result<Label> addToCustomer(qint64 customerId, const QString &name);
    /// Takes the label off the customer; nothing happens if it was not on.
    Status removeFromCustomer(qint64 customerId, qint64 labelId);

private:
    Result<Label> findOrCreate(const QString &name);

    QSqlDatabase m_db;
    QString m_actor;
};

} // namespace Gavel::Models
