#include "demowriter.h"

namespace Gavel::Models::Demo {

namespace {

constexpr qint64 kTickRows = 2048;

QVariant idOrNull(qint64 id)
{
    return id == 0 ? QVariant() : QVariant(static_cast<qlonglong>(id));
}

} // namespace

Writer::Writer(const QSqlDatabase &db, Engine engine, std::function<bool()> tick)
    : m_db(db), m_engine(engine), m_tick(std::move(tick))
{
}

BulkInserter &Writer::inserter(const QString &table, const QStringList &columns)
{
    auto found = m_inserters.find(table);
    if (found == m_inserters.end()) {
        auto inserter = std::make_unique<BulkInserter>(m_db, m_engine, table, columns);
        inserter->setSkipNullColumns(true);
        found = m_inserters.emplace(table, std::move(inserter)).first;
        m_order.push_back(table);
    }
    return *found->second;
}

Status Writer::counted()
{
    if (++m_rows % kTickRows == 0 && m_tick && !m_tick()) {
        return Error::make(ErrorKind::Cancelled, QStringLiteral("The demo database was not created: cancelled."));
    }
    return {};
}

Status Writer::write(RowBuffer &buffer)
{
    if (buffer.rowCount() == 0) {
        return {};
    }
    BulkInserter &target = inserter(buffer.table(), buffer.columns());
    const std::vector<QVariant> &values = buffer.values();
    const std::size_t width = static_cast<std::size_t>(buffer.columns().size());
    for (std::size_t row = 0; row < values.size(); row += width) {
        for (std::size_t column = 0; column < width; ++column) {
            target << values[row + column];
        }
        if (Status status = target.endRow(); !status) {
            return status;
        }
        if (Status status = counted(); !status) {
            return status;
        }
    }
    buffer.clear();
    // Rows of other tables written next may refer to these.
    return target.finish();
}

Status Writer::writeEvents(std::vector<EventRow> &events)
{
    static const QStringList columns = {
        QStringLiteral("customer_id"),  QStringLiteral("ts"),          QStringLiteral("id"),
        QStringLiteral("kind"),         QStringLiteral("campaign_id"), QStringLiteral("sale_id"),
        QStringLiteral("lot_id"),       QStringLiteral("invoice_id"),  QStringLiteral("ref_id"),
        QStringLiteral("amount_minor"), QStringLiteral("currency"),    QStringLiteral("info"),
        QStringLiteral("details")};
    static const QVariant currency(QStringLiteral("GBP"));
    BulkInserter &target = inserter(QStringLiteral("events"), columns);
    for (const EventRow &event : events) {
        target << event.customer << event.ts << event.id << event.kind << idOrNull(event.campaign)
               << idOrNull(event.sale) << idOrNull(event.lot) << idOrNull(event.invoice) << idOrNull(event.ref)
               << (event.hasAmount ? QVariant(static_cast<qlonglong>(event.amount)) : QVariant())
               << (event.hasAmount ? currency : QVariant())
               << (event.info.isEmpty() ? QVariant() : QVariant(event.info))
               << (event.details.isEmpty() ? QVariant() : QVariant(event.details));
        if (Status status = target.endRow(); !status) {
            return status;
        }
        if (Status status = counted(); !status) {
            return status;
        }
    }
    events.clear();
    return target.finish();
}

Status Writer::finish()
{
    for (auto &entry : m_inserters) {
        if (Status status = entry.second->finish(); !status) {
            return status;
        }
    }
    return {};
}

std::vector<Writer::TableStats> Writer::stats() const
{
    std::vector<TableStats> list;
    for (const QString &table : m_order) {
        const BulkInserter &inserter = *m_inserters.at(table);
        list.push_back({table, inserter.rowCount(), inserter.elapsedNanoseconds()});
    }
    return list;
}

} // namespace Gavel::Models::Demo
