#include "auditstore.h"

#include "epoch.h"
#include "sql.h"

namespace Gavel::Models {

Status AuditStore::record(const AuditEntry &entry)
{
    const QDateTime at = entry.at.isValid() ? entry.at : QDateTime::currentDateTimeUtc();
    auto query = Sql::exec(m_db,
                           QStringLiteral("INSERT INTO audit_log (at, actor, entity, entity_id, entity_uuid, customer_id,"
                                          " action, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                           {at.toSecsSinceEpoch(), entry.actor, entry.entity, Sql::intOrNull(entry.entityId),
                            Sql::textOrNull(entry.entityUuid), Sql::intOrNull(entry.customerId), entry.action,
                            Sql::textOrNull(entry.field), Sql::textOrNull(entry.oldValue),
                            Sql::textOrNull(entry.newValue)},
                           QStringLiteral("writing the audit log"));
    if (!query) {
        return query.error();
    }
    return {};
}

Result<QList<AuditEntry>> AuditStore::forCustomer(qint64 customerId, int limit)
{
    auto query = Sql::exec(m_db,
                           QStringLiteral("SELECT id, at, actor, entity, entity_id, entity_uuid, customer_id, action,"
                                          " field, old_value, new_value FROM audit_log WHERE customer_id = ?"
                                          " ORDER BY at DESC, id DESC LIMIT ?"),
                           {customerId, limit}, QStringLiteral("reading the customer's change history"));
    if (!query) {
        return query.error();
    }
    QList<AuditEntry> entries;
    while (query->next()) {
        AuditEntry entry;
        entry.id = query->value(0).toLongLong();
        entry.at = fromEpoch(query->value(1).toLongLong());
        entry.actor = query->value(2).toString();
        entry.entity = query->value(3).toString();
        entry.entityId = query->value(4).toLongLong();
        entry.entityUuid = query->value(5).toString();
        entry.customerId = query->value(6).toLongLong();
        entry.action = query->value(7).toString();
        entry.field = query->value(8).toString();
        entry.oldValue = query->value(9).toString();
        entry.newValue = query->value(10).toString();
        entries << entry;
    }
    return entries;
}

} // namespace Gavel::Models
