#include "metricsstore.h"

#include "database.h"
#include "sql.h"

#include <QSqlQuery>

namespace Gavel::Models {

namespace {

/// A statement that computes `aggregates` over the rows of `rows` (which has a `dept`
/// column) once for all departments (reported as department 0) and once per department.
/// The pieces are constant SQL; `rowValues` are bound to `rows` and `aggregateValues` to
/// each copy of `aggregates`.
struct ByDepartment
{
    QString statement;
    QVariantList values;
};

ByDepartment byDepartment(const QString &rows, const QVariantList &rowValues, const QString &aggregates,
                          const QVariantList &aggregateValues = {})
{
    ByDepartment query;
    query.statement = QStringLiteral("WITH x AS (") + rows + QStringLiteral(") SELECT 0, ") + aggregates +
                      QStringLiteral(" FROM x UNION ALL SELECT dept, ") + aggregates +
                      QStringLiteral(" FROM x WHERE dept IS NOT NULL GROUP BY dept");
    query.values = rowValues + aggregateValues + aggregateValues;
    return query;
}

/// (sum + count / 2) / count: the mean rounded half up, in integers (amounts are positive).
qint64 roundedMean(qint64 sum, qint64 count)
{
    return sum >= 0 ? (sum + count / 2) / count : -((-sum + count / 2) / count);
}

qint64 epochDay(qint64 epoch)
{
    return epoch >= 0 ? epoch / AsOf::kDaySeconds : -((-epoch + AsOf::kDaySeconds - 1) / AsOf::kDaySeconds);
}

QDate dateOfEpoch(qint64 epoch)
{
    return QDate(1970, 1, 1).addDays(epochDay(epoch));
}

} // namespace

MetricsStore::MetricsStore(const Database &database) : m_db(database.connection()), m_database(database) {}

Result<QList<DepartmentRef>> MetricsStore::departments()
{
    auto query = Sql::exec(m_db,
                           QStringLiteral("SELECT id, code, name, color FROM departments WHERE active = 1"
                                          " ORDER BY sort_order, name, id"),
                           {}, QStringLiteral("reading the departments"));
    if (!query) {
        return query.error();
    }
    QList<DepartmentRef> list;
    while (query->next()) {
        list << DepartmentRef{query->value(0).toLongLong(), query->value(1).toString(), query->value(2).toString(),
                              query->value(3).toString()};
    }
    return list;
}

Result<std::map<qint64, KeyMetrics>> MetricsStore::keyMetrics(qint64 customerId, const AsOf &asOf,
                                                              const QString &houseCurrency)
{
    std::map<qint64, KeyMetrics> metrics;
    metrics[kAllDepartments] = {};
    for (const auto &read : {&MetricsStore::readSpend, &MetricsStore::readBidding, &MetricsStore::readConsignments}) {
        if (Status status = (this->*read)(metrics, customerId, asOf, houseCurrency); !status) {
            return status.error();
        }
    }
    if (Status status = readSales(metrics, customerId, asOf); !status) {
        return status.error();
    }
    if (Status status = readEmail(metrics, customerId, asOf); !status) {
        return status.error();
    }
    return metrics;
}

Status MetricsStore::readSpend(std::map<qint64, KeyMetrics> &metrics, qint64 customerId, const AsOf &asOf,
                               const QString &currency)
{
    const ByDepartment q = byDepartment(
        QStringLiteral("SELECT l.department_id AS dept, il.hammer_minor + il.premium_minor AS amount"
                       " FROM invoices i JOIN invoice_lines il ON il.invoice_id = i.id LEFT JOIN lots l ON l.id = il.lot_id"
                       " WHERE i.customer_id = ? AND i.currency = ? AND i.status <> 'cancelled' AND i.issued_at < ?"),
        {customerId, currency, asOf.endEpoch()}, QStringLiteral("count(*), CAST(sum(amount) AS BIGINT)"));
    auto query = Sql::exec(m_db, q.statement, q.values, QStringLiteral("adding up the customer's purchases"));
    if (!query) {
        return query.error();
    }
    while (query->next()) {
        if (query->value(1).toLongLong() > 0) {
            metrics[query->value(0).toLongLong()].totalSpentMinor = query->value(2).toLongLong();
        }
    }
    return {};
}

Status MetricsStore::readBidding(std::map<qint64, KeyMetrics> &metrics, qint64 customerId, const AsOf &asOf,
                                 const QString &currency)
{
    const QString what = QStringLiteral("reading the customer's bids");
    // A lot counts as won when the bidder is its buyer: the hammer fell to them.
    const ByDepartment bids = byDepartment(
        QStringLiteral("SELECT l.department_id AS dept, b.lot_id,"
                       " CASE WHEN l.buyer_id = b.customer_id AND l.status = 'sold' THEN 1 ELSE 0 END AS won"
                       " FROM bids b JOIN lots l ON l.id = b.lot_id WHERE b.customer_id = ? AND b.placed_at < ?"),
        {customerId, asOf.endEpoch()},
        QStringLiteral("count(*), count(DISTINCT lot_id), count(DISTINCT CASE WHEN won = 1 THEN lot_id END)"));
    auto query = Sql::exec(m_db, bids.statement, bids.values, what);
    if (!query) {
        return query.error();
    }
    while (query->next()) {
        KeyMetrics &m = metrics[query->value(0).toLongLong()];
        const qint64 count = query->value(1).toLongLong();
        if (count > 0) {
            m.bidsPlaced = count;
            m.lotsBidOn = query->value(2).toLongLong();
            m.lotsBidOnAndWon = query->value(3).toLongLong();
            m.winRate = static_cast<double>(m.lotsBidOnAndWon) / static_cast<double>(m.lotsBidOn);
        }
    }
    query->finish();

    // Lots bought, with or without a recorded bid (a room or telephone bid the platform
    // never saw); the average hammer only over those in the house currency.
    const ByDepartment won = byDepartment(
        QStringLiteral("SELECT l.department_id AS dept, CASE WHEN l.currency = ? THEN l.hammer_minor END AS hammer"
                       " FROM lots l JOIN sales s ON s.id = l.sale_id"
                       " WHERE l.buyer_id = ? AND l.status = 'sold' AND s.starts_at < ?"),
        {currency, customerId, asOf.endEpoch()}, QStringLiteral("count(*), count(hammer), CAST(sum(hammer) AS BIGINT)"));
    auto wonQuery = Sql::exec(m_db, won.statement, won.values, QStringLiteral("reading the lots the customer bought"));
    if (!wonQuery) {
        return wonQuery.error();
    }
    while (wonQuery->next()) {
        KeyMetrics &m = metrics[wonQuery->value(0).toLongLong()];
        m.lotsWon = wonQuery->value(1).toLongLong();
        const qint64 priced = wonQuery->value(2).toLongLong();
        if (priced > 0) {
            m.averageHammerMinor = roundedMean(wonQuery->value(3).toLongLong(), priced);
        }
    }
    // Bid but never bought: a real zero.
    for (auto &[department, m] : metrics) {
        Q_UNUSED(department)
        if (!m.lotsWon && m.bidsPlaced) {
            m.lotsWon = 0;
        }
        if (m.lotsWon && *m.lotsWon == 0 && !m.bidsPlaced) {
            m.lotsWon.reset();
        }
    }
    return {};
}

Status MetricsStore::readSales(std::map<qint64, KeyMetrics> &metrics, qint64 customerId, const AsOf &asOf)
{
    // A sale counts once it has started: registered for it, bid in it or bought in it.
    // Registrations take the sale's department, bids and purchases the lot's.
    const qint64 end = asOf.endEpoch();
    const ByDepartment q = byDepartment(
        QStringLiteral("SELECT r.sale_id, s.department_id AS dept FROM sale_registrations r"
                       " JOIN sales s ON s.id = r.sale_id WHERE r.customer_id = ? AND s.starts_at < ?"
                       " UNION SELECT l.sale_id, l.department_id FROM bids b JOIN lots l ON l.id = b.lot_id"
                       " JOIN sales s ON s.id = l.sale_id WHERE b.customer_id = ? AND b.placed_at < ? AND s.starts_at < ?"
                       " UNION SELECT l.sale_id, l.department_id FROM lots l JOIN sales s ON s.id = l.sale_id"
                       " WHERE l.buyer_id = ? AND l.status = 'sold' AND s.starts_at < ?"),
        {customerId, end, customerId, end, end, customerId, end}, QStringLiteral("count(DISTINCT sale_id)"));
    auto query = Sql::exec(m_db, q.statement, q.values, QStringLiteral("counting the sales the customer took part in"));
    if (!query) {
        return query.error();
    }
    while (query->next()) {
        const qint64 count = query->value(1).toLongLong();
        if (count > 0) {
            metrics[query->value(0).toLongLong()].salesParticipated = count;
        }
    }
    return {};
}

Status MetricsStore::readConsignments(std::map<qint64, KeyMetrics> &metrics, qint64 customerId, const AsOf &asOf,
                                      const QString &currency)
{
    const qint64 end = asOf.endEpoch();
    const ByDepartment q = byDepartment(
        QStringLiteral("SELECT l.department_id AS dept,"
                       " CASE WHEN l.status = 'sold' AND l.currency = ? AND s.starts_at < ? THEN l.hammer_minor END"
                       " AS sold_hammer FROM consignments c JOIN lots l ON l.consignment_id = c.id"
                       " JOIN sales s ON s.id = l.sale_id WHERE c.customer_id = ? AND c.received_at < ?"),
        {currency, end, customerId, end}, QStringLiteral("count(*), CAST(COALESCE(sum(sold_hammer), 0) AS BIGINT)"));
    auto query = Sql::exec(m_db, q.statement, q.values, QStringLiteral("reading the customer's consignments"));
    if (!query) {
        return query.error();
    }
    while (query->next()) {
        const qint64 count = query->value(1).toLongLong();
        if (count > 0) {
            KeyMetrics &m = metrics[query->value(0).toLongLong()];
            m.lotsConsigned = count;
            m.consignedSoldMinor = query->value(2).toLongLong();
        }
    }
    return {};
}

Status MetricsStore::readEmail(std::map<qint64, KeyMetrics> &metrics, qint64 customerId, const AsOf &asOf)
{
    // Received: sent to the customer (not held back as control) and not bounced by the
    // as-of day, in the 12 months up to and including it.
    const qint64 end = asOf.endEpoch();
    const qint64 start = AsOf{asOf.day.addYears(-1)}.endEpoch();
    const ByDepartment q = byDepartment(
        QStringLiteral("SELECT c.department_id AS dept,"
                       " CASE WHEN cr.opened_at IS NOT NULL AND cr.opened_at < ? THEN 1 ELSE 0 END AS opened"
                       " FROM campaign_recipients cr JOIN campaigns c ON c.id = cr.campaign_id"
                       " WHERE cr.customer_id = ? AND c.channel = 'email' AND cr.in_control = 0"
                       " AND (cr.bounced_at IS NULL OR cr.bounced_at >= ?)"
                       " AND COALESCE(cr.sent_at, c.sent_at) >= ? AND COALESCE(cr.sent_at, c.sent_at) < ?"),
        {end, customerId, end, start, end}, QStringLiteral("count(*), sum(opened)"));
    auto query = Sql::exec(m_db, q.statement, q.values, QStringLiteral("reading the customer's e-mails"));
    if (!query) {
        return query.error();
    }
    while (query->next()) {
        const qint64 received = query->value(1).toLongLong();
        if (received > 0) {
            KeyMetrics &m = metrics[query->value(0).toLongLong()];
            m.emailsReceived = received;
            m.emailsOpened = query->value(2).toLongLong();
            m.emailEngagement = static_cast<double>(m.emailsOpened) / static_cast<double>(received);
        }
    }
    return {};
}

Result<PurchaseMetrics> MetricsStore::purchaseMetrics(qint64 customerId, const AsOf &asOf, const QString &houseCurrency)
{
    const QString what = QStringLiteral("reading the customer's invoices");
    const qint64 end = asOf.endEpoch();
    PurchaseMetrics p;

    auto registered = Sql::scalar(m_db, QStringLiteral("SELECT registered_at FROM customers WHERE id = ?"), {customerId},
                                  what);
    if (!registered) {
        return registered.error();
    }
    const qint64 registeredAt = registered->toLongLong();
    if (registeredAt != 0 && registeredAt < end) {
        p.daysSinceRegistration = asOf.daysSince(registeredAt);
    }

    auto totals = Sql::exec(m_db,
                            QStringLiteral("SELECT sum(CASE WHEN currency = ? THEN 1 ELSE 0 END),"
                                           " min(CASE WHEN currency = ? THEN issued_at END),"
                                           " max(CASE WHEN currency = ? THEN issued_at END),"
                                           " CAST(sum(CASE WHEN currency = ? THEN total_minor END) AS BIGINT),"
                                           " sum(CASE WHEN currency <> ? THEN 1 ELSE 0 END)"
                                           " FROM invoices WHERE customer_id = ? AND status <> 'cancelled'"
                                           " AND issued_at < ?"),
                            {houseCurrency, houseCurrency, houseCurrency, houseCurrency, houseCurrency, customerId, end},
                            what);
    if (!totals) {
        return totals.error();
    }
    if (totals->next()) {
        p.invoiceCount = totals->value(0).toLongLong();
        p.otherCurrencyInvoices = totals->value(4).toLongLong();
        if (p.invoiceCount > 0) {
            const qint64 first = totals->value(1).toLongLong();
            const qint64 last = totals->value(2).toLongLong();
            p.firstInvoice = dateOfEpoch(first);
            p.lastInvoice = dateOfEpoch(last);
            p.daysSinceFirst = asOf.daysSince(first);
            p.daysSinceLast = asOf.daysSince(last);
            p.totalMinor = totals->value(3).toLongLong();
            p.averageInvoiceMinor = roundedMean(*p.totalMinor, p.invoiceCount);
        }
    }
    totals->finish();
    if (p.invoiceCount == 0) {
        return p;
    }

    // The latest invoice: (customer_id, issued_at) is indexed; the higher id breaks a tie.
    auto last = Sql::scalar(m_db,
                            QStringLiteral("SELECT total_minor FROM invoices WHERE customer_id = ? AND currency = ?"
                                           " AND status <> 'cancelled' AND issued_at < ?"
                                           " ORDER BY issued_at DESC, id DESC LIMIT 1"),
                            {customerId, houseCurrency, end}, what);
    if (!last) {
        return last.error();
    }
    p.lastInvoiceTotalMinor = last->toLongLong();

    auto lots = Sql::scalar(m_db,
                            QStringLiteral("SELECT count(*) FROM invoice_lines il JOIN invoices i ON i.id = il.invoice_id"
                                           " WHERE i.customer_id = ? AND i.currency = ? AND i.status <> 'cancelled'"
                                           " AND i.issued_at < ? AND il.lot_id IS NOT NULL"),
                            {customerId, houseCurrency, end}, what);
    if (!lots) {
        return lots.error();
    }
    p.averageLotsPerInvoice = static_cast<double>(lots->toLongLong()) / static_cast<double>(p.invoiceCount);
    return p;
}

Result<LoyaltyBalances> MetricsStore::loyalty(qint64 customerId, const AsOf &asOf, const QString &houseCurrency)
{
    const QString what = QStringLiteral("reading the customer's house credit");
    const qint64 end = asOf.endEpoch();
    // "Active" at the end of the day: activates_at before `end` (or none). An accrual whose
    // expiry is at or after `end` is still to lapse.
    auto query = Sql::exec(
        m_db,
        QStringLiteral(
            "SELECT count(*),"
            " CAST(COALESCE(sum(CASE WHEN kind = 'accrual' AND activates_at >= ? THEN 0 ELSE amount_minor END), 0)"
            " AS BIGINT),"
            " CAST(COALESCE(sum(CASE WHEN kind = 'accrual' AND activates_at >= ? THEN amount_minor ELSE 0 END), 0)"
            " AS BIGINT),"
            " CAST(COALESCE(sum(CASE WHEN kind = 'accrual' AND COALESCE(activates_at, 0) < ? AND expires_at >= ?"
            " THEN amount_minor ELSE 0 END), 0) AS BIGINT),"
            " min(CASE WHEN kind = 'accrual' AND COALESCE(activates_at, 0) < ? AND expires_at >= ? THEN expires_at END)"
            " FROM loyalty_ledger WHERE customer_id = ? AND currency = ? AND created_at < ?"),
        {end, end, end, end, end, end, customerId, houseCurrency, end}, what);
    if (!query) {
        return query.error();
    }
    LoyaltyBalances balances;
    if (!query->next() || query->value(0).toLongLong() == 0) {
        return balances;
    }
    balances.hasLedger = true;
    balances.activeMinor = query->value(1).toLongLong();
    balances.pendingActivationMinor = query->value(2).toLongLong();
    // Credit already spent cannot lapse: what may still expire is at most what is left.
    balances.pendingExpiryMinor = qMin(query->value(3).toLongLong(), qMax(balances.activeMinor, qint64(0)));
    const QVariant nearest = query->value(4);
    query->finish();
    if (nearest.isNull() || balances.pendingExpiryMinor <= 0) {
        return balances;
    }
    const qint64 nearestDay = epochDay(nearest.toLongLong());
    balances.nearestExpiry = dateOfEpoch(nearest.toLongLong());
    auto amount = Sql::scalar(m_db,
                              QStringLiteral("SELECT CAST(COALESCE(sum(amount_minor), 0) AS BIGINT) FROM loyalty_ledger"
                                             " WHERE customer_id = ? AND currency = ? AND created_at < ?"
                                             " AND kind = 'accrual' AND COALESCE(activates_at, 0) < ?"
                                             " AND expires_at >= ? AND expires_at >= ? AND expires_at < ?"),
                              {customerId, houseCurrency, end, end, end, nearestDay * AsOf::kDaySeconds,
                               (nearestDay + 1) * AsOf::kDaySeconds},
                              what);
    if (!amount) {
        return amount.error();
    }
    balances.nearestExpiryMinor = qMin(amount->toLongLong(), balances.pendingExpiryMinor);
    return balances;
}

Result<QList<SpendPoint>> MetricsStore::spendByYear(qint64 customerId, const AsOf &asOf, const QString &houseCurrency)
{
    const QString year = m_database.dialect().yearOfEpoch(QStringLiteral("i.issued_at"));
    auto query = Sql::exec(m_db,
                           QStringLiteral("SELECT ") + year +
                               QStringLiteral(", COALESCE(l.department_id, 0),"
                                              " CAST(sum(il.hammer_minor + il.premium_minor) AS BIGINT)"
                                              " FROM invoices i JOIN invoice_lines il ON il.invoice_id = i.id"
                                              " LEFT JOIN lots l ON l.id = il.lot_id WHERE i.customer_id = ?"
                                              " AND i.currency = ? AND i.status <> 'cancelled' AND i.issued_at < ?"
                                              " GROUP BY 1, 2 ORDER BY 1, 2"),
                           {customerId, houseCurrency, asOf.endEpoch()},
                           QStringLiteral("adding up the customer's purchases per year"));
    if (!query) {
        return query.error();
    }
    QList<SpendPoint> points;
    while (query->next()) {
        points << SpendPoint{query->value(0).toInt(), query->value(1).toLongLong(), query->value(2).toLongLong()};
    }
    return points;
}

} // namespace Gavel::Models
