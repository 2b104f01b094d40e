#include "rfm.h"

#include "database.h"
#include "sql.h"

#include <QSqlQuery>

namespace Gavel::Models {

namespace {

/// One RFM segment rule: the inclusive score ranges a customer must fall in.
struct Rule
{
    const char *code;
    int rMin, rMax, fMin, fMax, mMin, mMax;
};

// Tried in order; the first that matches wins. The last rules cover every score, so each
// scored customer lands in exactly one segment. (A segment may have several rules.)
constexpr Rule kRules[] = {
    {"best", 5, 5, 5, 5, 5, 5},
    {"loyal", 4, 5, 4, 5, 1, 5},
    {"big_spenders", 3, 5, 1, 5, 5, 5},
    {"new", 4, 5, 1, 1, 1, 5},
    {"promising", 4, 5, 1, 5, 1, 5},
    {"needs_attention", 3, 3, 1, 5, 1, 5},
    {"at_risk", 2, 2, 4, 5, 1, 5},
    {"at_risk", 2, 2, 1, 5, 4, 5},
    {"hibernating", 2, 2, 1, 5, 1, 5},
    {"lost", 1, 1, 1, 5, 1, 5},
};

bool matches(const Rule &rule, int r, int f, int m)
{
    return r >= rule.rMin && r <= rule.rMax && f >= rule.fMin && f <= rule.fMax && m >= rule.mMin && m <= rule.mMax;
}

/// The rules as a CASE over three score columns. Only constants of kRules are spliced in.
QString segmentCaseSql(const QString &r, const QString &f, const QString &m)
{
    QString sql = QStringLiteral("CASE");
    for (const Rule &rule : kRules) {
        sql += QStringLiteral(" WHEN %1 BETWEEN %2 AND %3 AND %4 BETWEEN %5 AND %6 AND %7 BETWEEN %8 AND %9 THEN '%10'")
                   .arg(r)
                   .arg(rule.rMin)
                   .arg(rule.rMax)
                   .arg(f)
                   .arg(rule.fMin)
                   .arg(rule.fMax)
                   .arg(m)
                   .arg(rule.mMin)
                   .arg(rule.mMax)
                   .arg(QLatin1String(rule.code));
    }
    return sql + QStringLiteral(" ELSE 'lost' END");
}

/// Per customer: recency_days, frequency, monetary_minor, and with `population` n, how
/// many customers there are. Binds: as-of day number, house currency, end of the as-of day.
QString aggregateSql(bool population)
{
    return QStringLiteral("SELECT customer_id, ? - max(issued_at) / 86400 AS recency_days, count(*) AS frequency,"
                          " CAST(sum(total_minor) AS BIGINT) AS monetary_minor") +
           (population ? QStringLiteral(", count(*) OVER () AS n") : QString()) +
           QStringLiteral(" FROM invoices WHERE currency = ? AND status <> 'cancelled' AND issued_at < ?"
                          " GROUP BY customer_id");
}

} // namespace

Rfm::Rfm(const Database &database) : m_db(database.connection()) {}

int Rfm::score(qint64 below, qint64 population)
{
    if (population <= 0) {
        return 0;
    }
    return static_cast<int>(1 + 5 * qBound(qint64(0), below, population - 1) / population);
}

QString Rfm::segmentFor(int r, int f, int m)
{
    for (const Rule &rule : kRules) {
        if (matches(rule, r, f, m)) {
            return QString::fromLatin1(rule.code);
        }
    }
    return QStringLiteral("lost");
}

const QStringList &Rfm::segmentCodes()
{
    static const QStringList codes = [] {
        QStringList list;
        for (const Rule &rule : kRules) {
            const QString code = QString::fromLatin1(rule.code);
            if (!list.contains(code)) {
                list << code;
            }
        }
        return list;
    }();
    return codes;
}

QString Rfm::segmentName(const QString &code)
{
    if (code == u"best") {
        return tr("Best buyers");
    }
    if (code == u"loyal") {
        return tr("Loyal buyers");
    }
    if (code == u"big_spenders") {
        return tr("Big spenders");
    }
    if (code == u"new") {
        return tr("New buyers");
    }
    if (code == u"promising") {
        return tr("Promising");
    }
    if (code == u"needs_attention") {
        return tr("Needs attention");
    }
    if (code == u"at_risk") {
        return tr("At risk");
    }
    if (code == u"hibernating") {
        return tr("Hibernating");
    }
    if (code == u"lost") {
        return tr("Lost");
    }
    return {};
}

QString Rfm::segmentDescription(const QString &code)
{
    if (code == u"best") {
        return tr("The most recent, most frequent and highest-spending buyers (R 5, F 5, M 5).");
    }
    if (code == u"loyal") {
        return tr("Buy often and bought recently (R 4–5, F 4–5).");
    }
    if (code == u"big_spenders") {
        return tr("Among the highest totals and not lapsed (R 3–5, M 5).");
    }
    if (code == u"new") {
        return tr("A first invoice, recently (R 4–5, F 1).");
    }
    if (code == u"promising") {
        return tr("Bought recently, not yet often (R 4–5).");
    }
    if (code == u"needs_attention") {
        return tr("Middling recency (R 3).");
    }
    if (code == u"at_risk") {
        return tr("Bought often or for a lot, but not for a while (R 2 with F 4–5 or M 4–5).");
    }
    if (code == u"hibernating") {
        return tr("Have not bought for a while (R 2).");
    }
    if (code == u"lost") {
        return tr("The longest since their last invoice (R 1).");
    }
    return {};
}

Result<qint64> Rfm::recompute(const AsOf &asOf, const QString &houseCurrency)
{
    auto cleared = Sql::exec(m_db, QStringLiteral("DELETE FROM customer_rfm"), {},
                             QStringLiteral("clearing the previous RFM scores"));
    if (!cleared) {
        return cleared.error();
    }
    cleared->finish();
    // RANK() − 1 is how many customers are strictly worse: ties share it, so they share
    // the score. Integer arithmetic throughout, the same in both engines.
    const QString statement =
        QStringLiteral("INSERT INTO customer_rfm (customer_id, as_of, recency_days, frequency, monetary_minor,"
                       " r_score, f_score, m_score, segment)"
                       " SELECT customer_id, ?, recency_days, frequency, monetary_minor, r, f, m, ") +
        segmentCaseSql(QStringLiteral("r"), QStringLiteral("f"), QStringLiteral("m")) +
        QStringLiteral(" FROM (SELECT customer_id, recency_days, frequency, monetary_minor,"
                       " 1 + 5 * (RANK() OVER (ORDER BY recency_days DESC) - 1) / n AS r,"
                       " 1 + 5 * (RANK() OVER (ORDER BY frequency) - 1) / n AS f,"
                       " 1 + 5 * (RANK() OVER (ORDER BY monetary_minor) - 1) / n AS m"
                       " FROM (") +
        aggregateSql(true) + QStringLiteral(") per_customer) ranked");
    auto inserted = Sql::exec(m_db, statement,
                              {asOf.day.toString(Qt::ISODate), asOf.dayNumber(), houseCurrency, asOf.endEpoch()},
                              QStringLiteral("computing the RFM scores"));
    if (!inserted) {
        return inserted.error();
    }
    return static_cast<qint64>(inserted->numRowsAffected());
}

Result<std::optional<RfmScore>> Rfm::stored(qint64 customerId)
{
    auto query = Sql::exec(m_db,
                           QStringLiteral("SELECT as_of, recency_days, frequency, monetary_minor, r_score, f_score,"
                                          " m_score, segment FROM customer_rfm WHERE customer_id = ?"),
                           {customerId}, QStringLiteral("reading the customer's RFM score"));
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return std::optional<RfmScore>();
    }
    RfmScore score;
    score.asOf = QDate::fromString(query->value(0).toString(), Qt::ISODate);
    score.recencyDays = query->value(1).toLongLong();
    score.frequency = query->value(2).toLongLong();
    score.monetaryMinor = query->value(3).toLongLong();
    score.r = query->value(4).toInt();
    score.f = query->value(5).toInt();
    score.m = query->value(6).toInt();
    score.segment = query->value(7).toString();
    return std::optional<RfmScore>(score);
}

Result<std::optional<RfmScore>> Rfm::live(qint64 customerId, const AsOf &asOf, const QString &houseCurrency)
{
    const QString what = QStringLiteral("computing the customer's RFM score");
    // The customer's own figures first (an indexed read): most customers asked about in an
    // export without invoices need no scan at all.
    auto own = Sql::exec(m_db,
                         QStringLiteral("SELECT count(*), ? - max(issued_at) / 86400, CAST(sum(total_minor) AS BIGINT)"
                                        " FROM invoices WHERE customer_id = ? AND currency = ?"
                                        " AND status <> 'cancelled' AND issued_at < ?"),
                         {asOf.dayNumber(), customerId, houseCurrency, asOf.endEpoch()}, what);
    if (!own) {
        return own.error();
    }
    if (!own->next() || own->value(0).toLongLong() == 0) {
        return std::optional<RfmScore>();
    }
    RfmScore result;
    result.asOf = asOf.day;
    result.frequency = own->value(0).toLongLong();
    result.recencyDays = own->value(1).toLongLong();
    result.monetaryMinor = own->value(2).toLongLong();
    own->finish();

    auto ranks = Sql::exec(m_db,
                           QStringLiteral("SELECT count(*), sum(CASE WHEN recency_days > ? THEN 1 ELSE 0 END),"
                                          " sum(CASE WHEN frequency < ? THEN 1 ELSE 0 END),"
                                          " sum(CASE WHEN monetary_minor < ? THEN 1 ELSE 0 END) FROM (") +
                               aggregateSql(false) + QStringLiteral(") per_customer"),
                           {result.recencyDays, result.frequency, result.monetaryMinor, asOf.dayNumber(), houseCurrency,
                            asOf.endEpoch()},
                           what);
    if (!ranks) {
        return ranks.error();
    }
    if (!ranks->next()) {
        return std::optional<RfmScore>();
    }
    const qint64 population = ranks->value(0).toLongLong();
    result.r = score(ranks->value(1).toLongLong(), population);
    result.f = score(ranks->value(2).toLongLong(), population);
    result.m = score(ranks->value(3).toLongLong(), population);
    result.segment = segmentFor(result.r, result.f, result.m);
    return std::optional<RfmScore>(result);
}

} // namespace Gavel::Models
