#include "itemhistory.h"

#include "database.h"
#include "epoch.h"
#include "sql.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTime>

#include <algorithm>
#include <map>

namespace Gavel::Models {

namespace {

// The customer's lots (bid on, wishlisted, consigned, or bought: a room bid that no export
// lists still makes the buyer's lot theirs) and how each ended for them. The seven `?` are the
// customer's id; %1 is the consigned lots' second condition (consignedLotsCondition()).
// Outcome codes are ItemHistory::Outcome's values, so that sorting by outcome groups them
// in the order the enum lists them. The bids of one lot are ranked by amount (highest
// first), then time (earlier first), then id: the rule in the header.
const char *const kHistorySql =
    "WITH mine AS ("
    "  SELECT lot_id, MAX(amount_minor) AS top_bid, COUNT(*) AS bid_count"
    "  FROM bids WHERE customer_id = ? GROUP BY lot_id),"
    " wished AS (SELECT lot_id, added_at FROM wishlists WHERE customer_id = ?),"
    " consigned AS ("
    "  SELECT l.id AS lot_id, COALESCE(k.consignment_no, '') AS consignment_no, k.status"
    "  FROM consignments k JOIN lots l ON l.consignment_id = k.id WHERE k.customer_id = ? AND %1),"
    " bought AS (SELECT id AS lot_id FROM lots WHERE buyer_id = ? AND status = 'sold'),"
    " items AS (SELECT lot_id FROM mine UNION SELECT lot_id FROM wished UNION SELECT lot_id FROM consigned"
    "  UNION SELECT lot_id FROM bought),"
    " decided AS ("
    "  SELECT l.id AS lot_id,"
    "   CASE WHEN l.status = 'sold' AND l.buyer_id IS NULL THEN"
    "    (SELECT b.customer_id FROM bids b WHERE b.lot_id = l.id"
    "     ORDER BY b.amount_minor DESC, b.placed_at, b.id LIMIT 1)"
    "   ELSE l.buyer_id END AS winner"
    "  FROM items JOIN lots l ON l.id = items.lot_id),"
    " history AS ("
    "  SELECT l.id AS lot_id, s.id AS sale_id, s.sale_no, s.title AS sale_title, s.starts_at,"
    "   l.lot_no, l.lot_seq, l.title, COALESCE(l.maker, '') AS maker,"
    "   COALESCE(l.department_id, 0) AS department_id, COALESCE(dep.name, '') AS department,"
    "   l.low_estimate_minor, l.high_estimate_minor, l.currency,"
    "   mine.top_bid, COALESCE(mine.bid_count, 0) AS bid_count,"
    "   CASE WHEN l.status = 'sold' THEN l.hammer_minor END AS hammer_minor,"
    "   CASE WHEN l.status = 'withdrawn' THEN 4 WHEN l.status = 'unsold' THEN 3"
    "    WHEN l.status <> 'sold' THEN 6"
    "    WHEN d.winner = ? THEN 0"
    "    WHEN mine.lot_id IS NULL THEN 5"
    "    WHEN (SELECT b.customer_id FROM bids b"
    "          WHERE b.lot_id = l.id AND (d.winner IS NULL OR b.customer_id <> d.winner)"
    "          ORDER BY b.amount_minor DESC, b.placed_at, b.id LIMIT 1) = ? THEN 1"
    "    ELSE 2 END AS outcome,"
    "   CASE WHEN mine.lot_id IS NULL AND bought.lot_id IS NULL THEN 0 ELSE 1 END AS is_bid,"
    "   CASE WHEN wished.lot_id IS NULL THEN 0 ELSE 1 END AS is_wished,"
    "   CASE WHEN consigned.lot_id IS NULL THEN 0 ELSE 1 END AS is_consigned,"
    "   COALESCE(wished.added_at, 0) AS wished_at,"
    "   COALESCE(consigned.consignment_no, '') AS consignment_no,"
    "   COALESCE(consigned.status, '') AS consignment_status"
    "  FROM decided d JOIN lots l ON l.id = d.lot_id JOIN sales s ON s.id = l.sale_id"
    "  LEFT JOIN departments dep ON dep.id = l.department_id"
    "  LEFT JOIN mine ON mine.lot_id = l.id LEFT JOIN wished ON wished.lot_id = l.id"
    "  LEFT JOIN consigned ON consigned.lot_id = l.id LEFT JOIN bought ON bought.lot_id = l.id)"
    " SELECT lot_id, sale_id, sale_no, sale_title, starts_at, lot_no, title, maker, department_id, department,"
    "  low_estimate_minor, high_estimate_minor, currency, top_bid, bid_count, hammer_minor, outcome,"
    "  is_bid, is_wished, is_consigned, wished_at, consignment_no, consignment_status"
    " FROM history";

// The same as the join says, said again so that PostgreSQL estimates it. In a house that has no
// consignments on record (an empty `consignments`, a `lots.consignment_id` all NULL) its
// estimate of the join is every lot, and it then hashed the whole lots table twice for every
// profile: 0.35-0.5 s on 200,000 lots. An array of the customer's consignments it estimates at a
// few lots, and looks them up in the index.
QString consignedLotsCondition(const Dialect &dialect)
{
    return dialect.isSqlite()
               ? QStringLiteral("l.consignment_id IN (SELECT id FROM consignments WHERE customer_id = ?)")
               : QStringLiteral("l.consignment_id = ANY (ARRAY(SELECT id FROM consignments WHERE customer_id = ?))");
}

// The price the filter compares (Row::price()), as an expression over `history`.
const char *const kPriceSql = "COALESCE(hammer_minor, top_bid, low_estimate_minor)";

QString sortExpression(ItemHistory::SortKey key)
{
    switch (key) {
    case ItemHistory::SortKey::SaleDate:
        return QStringLiteral("starts_at");
    case ItemHistory::SortKey::Sale:
        return QStringLiteral("lower(sale_title)");
    case ItemHistory::SortKey::LotNo:
        return QStringLiteral("lot_seq");
    case ItemHistory::SortKey::Title:
        return QStringLiteral("lower(title)");
    case ItemHistory::SortKey::Department:
        return QStringLiteral("lower(department)");
    case ItemHistory::SortKey::Kind:
        return QStringLiteral("(is_bid + 2 * is_wished + 4 * is_consigned)");
    case ItemHistory::SortKey::Estimate:
        return QStringLiteral("low_estimate_minor");
    case ItemHistory::SortKey::TopBid:
        return QStringLiteral("top_bid");
    case ItemHistory::SortKey::Hammer:
        return QStringLiteral("hammer_minor");
    case ItemHistory::SortKey::Outcome:
        return QStringLiteral("outcome");
    case ItemHistory::SortKey::Consignment:
        return QStringLiteral("NULLIF(consignment_status, '')");
    }
    return QStringLiteral("starts_at");
}

qint64 localMidnight(QDate day)
{
    return QDateTime(day, QTime(0, 0)).toSecsSinceEpoch();
}

std::optional<qint64> optionalInt(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
}

QJsonValue moneyJson(const std::optional<qint64> &minor, const QString &currency)
{
    if (!minor) {
        return QJsonValue::Null;
    }
    return QJsonObject{{QStringLiteral("currency"), currency}, {QStringLiteral("minor"), *minor}};
}

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

} // namespace

std::optional<qint64> ItemHistory::Row::price() const
{
    if (hammer) {
        return hammer;
    }
    if (topBid) {
        return topBid;
    }
    return lowEstimate;
}

bool ItemHistory::Filter::isEmpty() const
{
    return *this == Filter{};
}

Result<QList<ItemHistory::Row>> ItemHistory::read(const Database &database, qint64 customerId)
{
    return read(database, customerId, Filter{}, SortKey::SaleDate, Qt::DescendingOrder);
}

Result<QList<ItemHistory::Row>> ItemHistory::read(const Database &database, qint64 customerId, const Filter &filter)
{
    return read(database, customerId, filter, SortKey::SaleDate, Qt::DescendingOrder);
}

Result<QList<ItemHistory::Row>> ItemHistory::read(const Database &database, qint64 customerId, const Filter &filter,
                                                  SortKey key, Qt::SortOrder order)
{
    const Dialect &dialect = database.dialect();
    QString sql = QString::fromLatin1(kHistorySql).arg(consignedLotsCondition(dialect));
    QVariantList values = {customerId, customerId, customerId, customerId, customerId, customerId, customerId};
    QStringList where;

    // Kinds and outcomes come from fixed lists, so they are written into the statement.
    QStringList kinds;
    if (filter.kinds & BidOn) {
        kinds << QStringLiteral("is_bid = 1");
    }
    if (filter.kinds & Wishlisted) {
        kinds << QStringLiteral("is_wished = 1");
    }
    if (filter.kinds & Consigned) {
        kinds << QStringLiteral("is_consigned = 1");
    }
    if (kinds.isEmpty()) {
        return QList<Row>();
    }
    if (kinds.size() < 3) {
        where << u'(' + kinds.join(QStringLiteral(" OR ")) + u')';
    }
    if (filter.departmentId != 0) {
        where << QStringLiteral("department_id = ?");
        values << filter.departmentId;
    }
    if (filter.saleId != 0) {
        where << QStringLiteral("sale_id = ?");
        values << filter.saleId;
    }
    if (filter.from.isValid()) {
        where << QStringLiteral("starts_at >= ?");
        values << localMidnight(filter.from);
    }
    if (filter.to.isValid()) {
        where << QStringLiteral("starts_at < ?");
        values << localMidnight(filter.to.addDays(1));
    }
    if (filter.minPrice) {
        where << QString::fromLatin1(kPriceSql) + QStringLiteral(" >= ?");
        values << *filter.minPrice;
    }
    if (filter.maxPrice) {
        where << QString::fromLatin1(kPriceSql) + QStringLiteral(" <= ?");
        values << *filter.maxPrice;
    }
    if (!filter.outcomes.isEmpty()) {
        QStringList codes;
        for (const Outcome outcome : filter.outcomes) {
            codes << QString::number(static_cast<int>(outcome));
        }
        where << QStringLiteral("outcome IN (") + codes.join(u',') + u')';
    }
    const QStringList words = filter.text.simplified().split(u' ', Qt::SkipEmptyParts);
    for (const QString &word : words) {
        QStringList any;
        for (const char *column : {"title", "maker", "lot_no", "sale_title", "sale_no"}) {
            any << dialect.caseInsensitiveLike(QString::fromLatin1(column), QStringLiteral("?"));
            values << Dialect::likeContains(word);
        }
        where << u'(' + any.join(QStringLiteral(" OR ")) + u')';
    }
    if (!where.isEmpty()) {
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    }
    const QString direction = order == Qt::AscendingOrder ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    sql += QStringLiteral(" ORDER BY ") + sortExpression(key) + direction + QStringLiteral(" NULLS LAST") +
           QStringLiteral(", starts_at DESC, sale_id DESC, lot_seq, lot_id");

    auto query = Sql::exec(database.connection(), sql, values, QStringLiteral("reading the customer's item history"));
    if (!query) {
        return query.error();
    }
    QList<Row> rows;
    while (query->next()) {
        Row row;
        row.lotId = query->value(0).toLongLong();
        row.saleId = query->value(1).toLongLong();
        row.saleNo = query->value(2).toString();
        row.saleTitle = query->value(3).toString();
        row.saleStartsAt = query->value(4).toLongLong();
        row.lotNo = query->value(5).toString();
        row.title = query->value(6).toString();
        row.maker = query->value(7).toString();
        row.departmentId = query->value(8).toLongLong();
        row.department = query->value(9).toString();
        row.lowEstimate = optionalInt(query->value(10));
        row.highEstimate = optionalInt(query->value(11));
        row.currency = query->value(12).toString();
        row.topBid = optionalInt(query->value(13));
        row.bidCount = query->value(14).toInt();
        row.hammer = optionalInt(query->value(15));
        row.outcome = static_cast<Outcome>(std::clamp(query->value(16).toInt(), 0, kOutcomeCount - 1));
        row.kinds = (query->value(17).toInt() ? BidOn : 0) | (query->value(18).toInt() ? Wishlisted : 0) |
                    (query->value(19).toInt() ? Consigned : 0);
        row.wishlistedAt = query->value(20).toLongLong();
        row.consignmentNo = query->value(21).toString();
        row.consignmentStatus = query->value(22).toString();
        rows << row;
    }
    if (query->lastError().isValid()) {
        return Sql::errorFrom(query->lastError(), QStringLiteral("reading the customer's item history"));
    }
    return rows;
}

ItemHistory::Choices ItemHistory::choicesOf(const QList<Row> &rows)
{
    Choices choices;
    std::map<qint64, QString> departments;
    std::map<qint64, Choices::SaleChoice> sales;
    for (const Row &row : rows) {
        if (row.departmentId != 0) {
            departments.emplace(row.departmentId, row.department);
        }
        sales.emplace(row.saleId, Choices::SaleChoice{row.saleId, row.saleNo, row.saleTitle, row.saleStartsAt});
    }
    for (const auto &[id, name] : departments) {
        choices.departments.append({id, name});
    }
    std::sort(choices.departments.begin(), choices.departments.end(),
              [](const auto &a, const auto &b) { return a.second.localeAwareCompare(b.second) < 0; });
    for (const auto &[id, sale] : sales) {
        choices.sales << sale;
    }
    std::sort(choices.sales.begin(), choices.sales.end(), [](const auto &a, const auto &b) {
        return a.startsAt != b.startsAt ? a.startsAt > b.startsAt : a.id > b.id;
    });
    return choices;
}

ItemHistory::Totals ItemHistory::totalsOf(const QList<Row> &rows)
{
    Totals totals;
    std::map<QString, Totals::Money> money;
    for (const Row &row : rows) {
        ++totals.lots;
        ++totals.outcomes[static_cast<std::size_t>(row.outcome)];
        totals.bidOn += (row.kinds & BidOn) ? 1 : 0;
        totals.wishlisted += (row.kinds & Wishlisted) ? 1 : 0;
        totals.consigned += (row.kinds & Consigned) ? 1 : 0;
        Totals::Money &sums = money[row.currency];
        sums.currency = row.currency;
        if (row.outcome == Outcome::Won && row.hammer) {
            sums.wonHammer += *row.hammer;
        }
        if (row.topBid) {
            sums.topBids += *row.topBid;
        }
        if ((row.kinds & Consigned) && row.hammer) {
            sums.consignedHammer += *row.hammer;
        }
    }
    for (const auto &[currency, sums] : money) {
        totals.money << sums;
    }
    return totals;
}

QString ItemHistory::outcomeKey(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Won:
        return QStringLiteral("won");
    case Outcome::Underbid:
        return QStringLiteral("underbid");
    case Outcome::Outbid:
        return QStringLiteral("outbid");
    case Outcome::Unsold:
        return QStringLiteral("unsold");
    case Outcome::Withdrawn:
        return QStringLiteral("withdrawn");
    case Outcome::Sold:
        return QStringLiteral("sold");
    case Outcome::Upcoming:
        return QStringLiteral("upcoming");
    }
    return {};
}

QString ItemHistory::outcomeText(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Won:
        return QCoreApplication::translate("ItemHistory", "Won");
    case Outcome::Underbid:
        return QCoreApplication::translate("ItemHistory", "Underbid");
    case Outcome::Outbid:
        return QCoreApplication::translate("ItemHistory", "Outbid");
    case Outcome::Unsold:
        return QCoreApplication::translate("ItemHistory", "Unsold");
    case Outcome::Withdrawn:
        return QCoreApplication::translate("ItemHistory", "Withdrawn");
    case Outcome::Sold:
        return QCoreApplication::translate("ItemHistory", "Sold");
    case Outcome::Upcoming:
        return QCoreApplication::translate("ItemHistory", "Upcoming");
    }
    return {};
}

QString ItemHistory::consignmentStatusText(const QString &status)
{
    static const std::pair<const char *, const char *> words[] = {
        {"received", QT_TRANSLATE_NOOP("ItemHistory", "Received")},
        {"catalogued", QT_TRANSLATE_NOOP("ItemHistory", "Catalogued")},
        {"offered", QT_TRANSLATE_NOOP("ItemHistory", "Offered")},
        {"sold", QT_TRANSLATE_NOOP("ItemHistory", "Sold")},
        {"unsold", QT_TRANSLATE_NOOP("ItemHistory", "Unsold")},
        {"returned", QT_TRANSLATE_NOOP("ItemHistory", "Returned")},
        {"withdrawn", QT_TRANSLATE_NOOP("ItemHistory", "Withdrawn")},
    };
    for (const auto &[key, text] : words) {
        if (status == QLatin1String(key)) {
            return QCoreApplication::translate("ItemHistory", text);
        }
    }
    return status;
}

QString ItemHistory::kindsText(int kinds, int bidCount)
{
    QStringList parts;
    if (kinds & BidOn) {
        parts << (bidCount > 1 ? QCoreApplication::translate("ItemHistory", "Bid ×%1").arg(bidCount)
                               : QCoreApplication::translate("ItemHistory", "Bid"));
    }
    if (kinds & Wishlisted) {
        parts << QCoreApplication::translate("ItemHistory", "Wishlist");
    }
    if (kinds & Consigned) {
        parts << QCoreApplication::translate("ItemHistory", "Consigned");
    }
    return parts.join(QStringLiteral(", "));
}

std::optional<ItemHistory::Outcome> ItemHistory::outcomeFromKey(const QString &key)
{
    for (int i = 0; i < kOutcomeCount; ++i) {
        if (outcomeKey(static_cast<Outcome>(i)) == key) {
            return static_cast<Outcome>(i);
        }
    }
    return std::nullopt;
}

QJsonArray ItemHistory::toJson(const QList<Row> &rows)
{
    QJsonArray array;
    for (const Row &row : rows) {
        const QDateTime saleAt = fromEpoch(row.saleStartsAt);
        const QDateTime wishedAt = fromEpoch(row.wishlistedAt);
        QJsonArray kinds;
        if (row.kinds & BidOn) {
            kinds << QStringLiteral("bid");
        }
        if (row.kinds & Wishlisted) {
            kinds << QStringLiteral("wishlist");
        }
        if (row.kinds & Consigned) {
            kinds << QStringLiteral("consigned");
        }
        array << QJsonObject{
            {QStringLiteral("saleNo"), row.saleNo},
            {QStringLiteral("saleTitle"), row.saleTitle},
            {QStringLiteral("saleStartsAt"),
             saleAt.isValid() ? QJsonValue(saleAt.toUTC().toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("lotNo"), row.lotNo},
            {QStringLiteral("title"), row.title},
            {QStringLiteral("maker"), textOrNull(row.maker)},
            {QStringLiteral("department"), textOrNull(row.department)},
            {QStringLiteral("kinds"), kinds},
            {QStringLiteral("lowEstimate"), moneyJson(row.lowEstimate, row.currency)},
            {QStringLiteral("highEstimate"), moneyJson(row.highEstimate, row.currency)},
            {QStringLiteral("topBid"), moneyJson(row.topBid, row.currency)},
            {QStringLiteral("bidCount"), row.bidCount},
            {QStringLiteral("hammer"), moneyJson(row.hammer, row.currency)},
            {QStringLiteral("result"), outcomeKey(row.outcome)},
            {QStringLiteral("wishlistedAt"),
             wishedAt.isValid() ? QJsonValue(wishedAt.toUTC().toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("consignmentNo"), textOrNull(row.consignmentNo)},
            {QStringLiteral("consignmentStatus"), textOrNull(row.consignmentStatus)},
        };
    }
    return array;
}

} // namespace Gavel::Models
