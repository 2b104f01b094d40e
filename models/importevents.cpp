#include "importevents.h"

#include "importvalues.h"
#include "sql.h"

namespace Gavel::Models {

ImportEvents::ImportEvents(Database &database)
    : m_sink(database, QStringLiteral("events"),
             {QStringLiteral("customer_id"), QStringLiteral("ts"), QStringLiteral("id"), QStringLiteral("kind"),
              QStringLiteral("campaign_id"), QStringLiteral("sale_id"), QStringLiteral("lot_id"),
              QStringLiteral("invoice_id"), QStringLiteral("amount_minor"), QStringLiteral("currency"),
              QStringLiteral("info")})
{
}

Status ImportEvents::add(qint64 customerId, qint64 ts, EventKind kind, const QString &key, const Refs &refs)
{
    const qint64 id = ImportValues::stableId(
        QStringLiteral("%1|%2|%3|%4").arg(static_cast<int>(kind)).arg(customerId).arg(ts).arg(key));
    return m_sink.add({QVariant(static_cast<qlonglong>(customerId)), QVariant(static_cast<qlonglong>(ts)),
                       QVariant(static_cast<qlonglong>(id)), QVariant(static_cast<int>(kind)),
                       Sql::intOrNull(refs.campaign), Sql::intOrNull(refs.sale), Sql::intOrNull(refs.lot),
                       Sql::intOrNull(refs.invoice),
                       refs.amount ? QVariant(static_cast<qlonglong>(*refs.amount)) : QVariant(),
                       refs.amount ? QVariant(refs.currency) : QVariant(), Sql::textOrNull(refs.info)});
}

Result<qint64> ImportEvents::flush()
{
    if (Status status = m_sink.flush(); !status) {
        return status.error();
    }
    const qint64 added = m_sink.rowsInserted() - m_flushed;
    m_flushed = m_sink.rowsInserted();
    return added;
}

} // namespace Gavel::Models
