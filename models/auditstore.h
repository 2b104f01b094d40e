#pragma once

#include "result.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace Gavel::Models {

/// One line of the audit trail: who did what to which record, and the value before and after.
struct AuditEntry
{
    qint64 id = 0;
    QDateTime at;
    QString actor;
    QString entity;     ///< "customer", "note", "customer_tag", "subscription"…
    qint64 entityId = 0;
    QString entityUuid;
    qint64 customerId = 0;
    QString action;     ///< create, update, delete, restore, merge, import, export
    QString field;      ///< the column changed, for updates
    QString oldValue;
    QString newValue;
};

/// Writes and reads the audit log. Writes join the caller's transaction.
class AuditStore final
{
public:
    explicit AuditStore(QSqlDatabase db) : m_db(std::move(db)) {}

    Status record(const AuditEntry &entry);
    /// A customer's change history, newest first.
    Result<QList<AuditEntry>> forCustomer(qint64 customerId, int limit = 1000);

private:
    QSqlDatabase m_db;
};

} // namespace Gavel::Models
