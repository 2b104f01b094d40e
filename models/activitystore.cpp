#include "activitystore.h"

#include "database.h"
#include "sql.h"

#include <QElapsedTimer>
#include <QSqlQuery>

namespace Gavel::Models {

namespace {

quint32 bitOf(EventCategory category)
{
    return quint32(1) << static_cast<int>(category);
}

quint32 allCategoriesMask()
{
    quint32 mask = 0;
    for (const EventCategory category : allEventCategories()) {
        mask |= bitOf(category);
    }
    return mask;
}

QString kindList(const QList<EventKind> &kinds)
{
    QStringList numbers;
    numbers.reserve(kinds.size());
    for (const EventKind kind : kinds) {
        numbers << QString::number(static_cast<int>(kind));
    }
    return numbers.join(u',');
}

int kindNumber(EventKind kind)
{
    return static_cast<int>(kind);
}

// The columns a page reads, in the order readEvent() expects. Every join is by primary key,
// so a page costs the same whatever the history's length. The refName column depends on the
// kind: each of its joins only matches the kinds whose ref_id points at that table. The sale
// of a lot event without a sale of its own is the lot's sale.
QString selectFrom()
{
    const QString consignmentKinds = kindList({EventKind::ConsignmentReceived, EventKind::ConsignmentCatalogued,
                                               EventKind::ConsignmentSold, EventKind::ConsignmentUnsold});
    return QStringLiteral(
               "SELECT e.ts, e.id, e.kind, e.campaign_id, COALESCE(e.sale_id, l.sale_id), e.lot_id, e.invoice_id,"
               " e.ref_id, e.amount_minor, e.currency, e.info, e.details,"
               " c.name, c.channel, s.sale_no, s.title, l.lot_no, l.title, i.invoice_no,"
               " COALESCE(cat.name, t.name, co.consignment_no, co.description, p.title, pc.code,"
               " substr(n.body, 1, 300))"
               " FROM events e"
               " LEFT JOIN campaigns c ON c.id = e.campaign_id"
               " LEFT JOIN lots l ON l.id = e.lot_id"
               " LEFT JOIN sales s ON s.id = COALESCE(e.sale_id, l.sale_id)"
               " LEFT JOIN invoices i ON i.id = e.invoice_id AND i.customer_id = e.customer_id"
               " LEFT JOIN categories cat ON e.kind = %1 AND cat.id = e.ref_id"
               " LEFT JOIN tags t ON e.kind = %2 AND t.id = e.ref_id"
               " LEFT JOIN consignments co ON e.kind IN (%3) AND co.id = e.ref_id"
               " LEFT JOIN polls p ON e.kind = %4 AND p.id = e.ref_id"
               " LEFT JOIN promo_codes pc ON e.kind = %5 AND pc.id = e.ref_id"
               " LEFT JOIN notes n ON e.kind = %6 AND n.id = e.ref_id AND n.customer_id = e.customer_id"
               " AND n.deleted_at IS NULL")
        .arg(kindNumber(EventKind::CategoryViewed))
        .arg(kindNumber(EventKind::TagSet))
        .arg(consignmentKinds)
        .arg(kindNumber(EventKind::PollAnswered))
        .arg(kindNumber(EventKind::PromoCodeIssued))
        .arg(kindNumber(EventKind::NoteAdded));
}

// The columns a word of a text search is looked for in: the free text and every name the
// row shows.
const QStringList &searchedColumns()
{
    static const QStringList columns = {
        QStringLiteral("e.info"),      QStringLiteral("c.name"),      QStringLiteral("l.title"),
        QStringLiteral("l.lot_no"),    QStringLiteral("s.title"),     QStringLiteral("s.sale_no"),
        QStringLiteral("i.invoice_no"), QStringLiteral("cat.name"),   QStringLiteral("t.name"),
        QStringLiteral("co.consignment_no"), QStringLiteral("co.description"), QStringLiteral("p.title"),
        QStringLiteral("pc.code"),     QStringLiteral("n.body"),
    };
    return columns;
}

ActivityEvent readEvent(const QSqlQuery &query, qint64 customerId)
{
    ActivityEvent event;
    event.customerId = customerId;
    event.ts = query.value(0).toLongLong();
    event.id = query.value(1).toLongLong();
    event.kind = query.value(2).toInt();
    event.campaignId = query.value(3).toLongLong();
    event.saleId = query.value(4).toLongLong();
    event.lotId = query.value(5).toLongLong();
    event.invoiceId = query.value(6).toLongLong();
    event.refId = query.value(7).toLongLong();
    event.hasAmount = !query.value(8).isNull();
    event.amountMinor = query.value(8).toLongLong();
    event.currency = query.value(9).toString();
    event.info = query.value(10).toString();
    event.details = query.value(11).toString();
    event.campaignName = query.value(12).toString();
    event.campaignChannel = query.value(13).toString();
    event.saleNo = query.value(14).toString();
    event.saleTitle = query.value(15).toString();
    event.lotNo = query.value(16).toString();
    event.lotTitle = query.value(17).toString();
    event.invoiceNo = query.value(18).toString();
    event.refName = query.value(19).toString();
    return event;
}

/// The kinds a word names, in the user's language: "invoice" finds "Invoice issued" and
/// "Invoice paid" even where no other text of the row says so.
QList<EventKind> kindsNamedBy(const QString &word)
{
    QList<EventKind> kinds;
    for (const EventKind kind : allEventKinds()) {
        if (eventKindLabel(kind).contains(word, Qt::CaseInsensitive) ||
            eventCategoryLabel(categoryOf(kind)).contains(word, Qt::CaseInsensitive)) {
            kinds << kind;
        }
    }
    return kinds;
}

/// "older than `after`": ts < t, or the same second and a smaller id.
void addBefore(QStringList *conditions, QVariantList *values, const ActivityCursor &after)
{
    *conditions << QStringLiteral("e.ts <= ? AND (e.ts < ? OR e.id < ?)");
    *values << after.ts << after.ts << after.id;
}

/// "not older than `bound`" (inclusive).
void addNotBefore(QStringList *conditions, QVariantList *values, const ActivityCursor &bound)
{
    *conditions << QStringLiteral("e.ts >= ? AND (e.ts > ? OR e.id >= ?)");
    *values << bound.ts << bound.ts << bound.id;
}

void addFilter(QStringList *conditions, QVariantList *values, const ActivityFilter &filter, const Dialect &dialect)
{
    if (!filter.includesAll()) {
        QList<EventKind> kinds;
        for (const EventCategory category : filter.categories()) {
            kinds += kindsOf(category);
        }
        // Our own numbers, not input: spliced so that the planner sees constants.
        *conditions << QStringLiteral("e.kind IN (%1)").arg(kindList(kinds));
    }
    const QStringList words = filter.text().split(u' ', Qt::SkipEmptyParts);
    for (const QString &word : words) {
        QStringList alternatives;
        const QList<EventKind> named = kindsNamedBy(word);
        if (!named.isEmpty()) {
            alternatives << QStringLiteral("e.kind IN (%1)").arg(kindList(named));
        }
        const QString pattern = Dialect::likeContains(word);
        for (const QString &column : searchedColumns()) {
            alternatives << dialect.caseInsensitiveLike(column, QStringLiteral("?"));
            *values << pattern;
        }
        *conditions << u'(' + alternatives.join(QStringLiteral(" OR ")) + u')';
    }
}

} // namespace

ActivityFilter::ActivityFilter() : m_mask(allCategoriesMask())
{
}

ActivityFilter ActivityFilter::only(EventCategory category)
{
    ActivityFilter filter;
    filter.m_mask = bitOf(category);
    return filter;
}

bool ActivityFilter::includes(EventCategory category) const
{
    return (m_mask & bitOf(category)) != 0;
}

void ActivityFilter::setIncluded(EventCategory category, bool included)
{
    if (included) {
        m_mask |= bitOf(category);
    } else {
        m_mask &= ~bitOf(category);
    }
}

void ActivityFilter::includeAll()
{
    m_mask = allCategoriesMask();
}

void ActivityFilter::includeNone()
{
    m_mask = 0;
}

bool ActivityFilter::includesAll() const
{
    return m_mask == allCategoriesMask();
}

bool ActivityFilter::includesNone() const
{
    return m_mask == 0;
}

QList<EventCategory> ActivityFilter::categories() const
{
    QList<EventCategory> list;
    for (const EventCategory category : allEventCategories()) {
        if (includes(category)) {
            list << category;
        }
    }
    return list;
}

ActivityStore::ActivityStore(const Database &database) : m_db(database.connection()), m_dialect(database.dialect())
{
}

Result<std::optional<ActivityCursor>> ActivityStore::scanBound(qint64 customerId,
                                                               const std::optional<ActivityCursor> &after)
{
    // The scanWindow-th event from `after`, read from the primary key alone: a text search
    // looks no further than this in one call.
    QStringList conditions = {QStringLiteral("e.customer_id = ?")};
    QVariantList values = {customerId};
    if (after) {
        addBefore(&conditions, &values, *after);
    }
    values << m_scanWindow - 1;
    const QString statement = QStringLiteral("SELECT e.ts, e.id FROM events e WHERE %1"
                                             " ORDER BY e.ts DESC, e.id DESC LIMIT 1 OFFSET ?")
                                  .arg(conditions.join(QStringLiteral(" AND ")));
    auto query = Sql::exec(m_db, statement, values, QStringLiteral("searching the customer's activities"));
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return std::optional<ActivityCursor>();
    }
    return std::optional<ActivityCursor>(ActivityCursor{query->value(0).toLongLong(), query->value(1).toLongLong()});
}

Result<ActivityPage> ActivityStore::page(qint64 customerId, const ActivityFilter &filter,
                                         const std::optional<ActivityCursor> &after, int limit)
{
    ActivityPage page;
    if (filter.includesNone()) {
        return page; // nothing can match: an empty page at the end
    }
    if (limit <= 0) {
        page.next = after;
        return page;
    }

    std::optional<ActivityCursor> bound;
    if (filter.hasText()) {
        auto found = scanBound(customerId, after);
        if (!found) {
            return found.error();
        }
        bound = *found;
    }

    QStringList conditions = {QStringLiteral("e.customer_id = ?")};
    QVariantList values = {customerId};
    if (after) {
        addBefore(&conditions, &values, *after);
    }
    if (bound) {
        addNotBefore(&conditions, &values, *bound);
    }
    addFilter(&conditions, &values, filter, m_dialect);
    // One more than asked for says whether another page follows.
    values << limit + 1;
    const QString statement = selectFrom() + QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND ")) +
        QStringLiteral(" ORDER BY e.ts DESC, e.id DESC LIMIT ?");
    auto query = Sql::exec(m_db, statement, values, QStringLiteral("reading the customer's activities"));
    if (!query) {
        return query.error();
    }
    page.events.reserve(limit + 1);
    while (query->next()) {
        page.events << readEvent(*query, customerId);
    }

    if (page.events.size() > limit) {
        page.events.resize(limit);
        const ActivityEvent &last = page.events.constLast();
        page.next = ActivityCursor{last.ts, last.id};
    } else if (bound) {
        // Everything down to the bound was examined: continue below it.
        page.next = bound;
        page.partial = page.events.size() < limit;
    }
    return page;
}

Result<ActivityPage> ActivityStore::fill(qint64 customerId, const ActivityFilter &filter,
                                         const std::optional<ActivityCursor> &after, int limit, int budgetMs)
{
    QElapsedTimer clock;
    clock.start();
    ActivityPage result;
    std::optional<ActivityCursor> from = after;
    for (;;) {
        auto read = page(customerId, filter, from, limit - static_cast<int>(result.events.size()));
        if (!read) {
            return read.error();
        }
        result.events += read->events;
        result.next = read->next;
        result.partial = read->partial;
        if (!read->partial || clock.elapsed() >= budgetMs) {
            break;
        }
        from = read->next;
    }
    return result;
}

Result<QList<ActivityEvent>> ActivityStore::campaignEvents(qint64 customerId, qint64 campaignId, qint64 fromTs,
                                                           qint64 toTs, int limit)
{
    // A range of the customer's primary key: bounded by the campaign's dates, however long
    // the history.
    const QString statement = selectFrom() +
        QStringLiteral(" WHERE e.customer_id = ? AND e.ts >= ? AND e.ts <= ? AND e.campaign_id = ?"
                       " ORDER BY e.ts, e.id LIMIT ?");
    auto query = Sql::exec(m_db, statement, {customerId, fromTs, toTs, campaignId, limit},
                           QStringLiteral("reading the customer's opens and clicks"));
    if (!query) {
        return query.error();
    }
    QList<ActivityEvent> events;
    while (query->next()) {
        events << readEvent(*query, customerId);
    }
    return events;
}

} // namespace Gavel::Models
