#pragma once

#include "activityevent.h"
#include "dialect.h"
#include "result.h"

#include <QSqlDatabase>

#include <optional>

namespace Gavel::Models {

class Database;

/// Which events of a timeline to show: some categories, and words that must each appear in
/// the event's name, its free text or the names of what it refers to.
class ActivityFilter final
{
public:
    /// Every category, no words.
    ActivityFilter();
    static ActivityFilter only(EventCategory category);

    bool includes(EventCategory category) const;
    void setIncluded(EventCategory category, bool included);
    void includeAll();
    void includeNone();
    bool includesAll() const;
    bool includesNone() const;
    /// The categories included, in display order.
    QList<EventCategory> categories() const;

    /// Words separated by spaces; case-insensitive (for non-ASCII letters only on PostgreSQL).
    QString text() const { return m_text; }
    void setText(const QString &text) { m_text = text.simplified(); }
    bool hasText() const { return !m_text.isEmpty(); }

    friend bool operator==(const ActivityFilter &a, const ActivityFilter &b)
    {
        return a.m_mask == b.m_mask && a.m_text == b.m_text;
    }
    friend bool operator!=(const ActivityFilter &a, const ActivityFilter &b) { return !(a == b); }

private:
    quint32 m_mask = 0;
    QString m_text;
};

/// A position in a timeline, newest first: pages continue with the events strictly older
/// than (ts, id). Equal timestamps are ordered by id, so no event is skipped or repeated
/// at a page boundary.
struct ActivityCursor
{
    qint64 ts = 0;
    qint64 id = 0;

    friend bool operator==(const ActivityCursor &a, const ActivityCursor &b) { return a.ts == b.ts && a.id == b.id; }
};

/// One read of a timeline.
struct ActivityPage
{
    QList<ActivityEvent> events;
    /// Where the next page starts; empty when the history has no more events.
    std::optional<ActivityCursor> next;
    /// True when a text search stopped at its scan bound before filling the page: `next`
    /// then says how far back it looked, and reading on searches further.
    bool partial = false;

    bool atEnd() const { return !next.has_value(); }
};

/// All SQL about a customer's timeline (the events table). A page is one keyset range scan of
/// the table's primary key (customer_id, ts, id) with the names of the referenced campaign,
/// lot, sale and invoice joined by primary key, so that its cost does not grow with the
/// length of the history.
class ActivityStore final
{
public:
    explicit ActivityStore(const Database &database);

    /// Events of `customerId` older than `after` (from the newest when empty) that pass
    /// `filter`, newest first, at most `limit`.
    ///
    /// Without words this reads until the page is full. With words, one call examines at
    /// most scanWindow() events of the history, so that a rare word cannot make it read a
    /// whole long history at once: the page may come back partial (fewer events, not at the
    /// end) and the caller reads on from `next`.
    Result<ActivityPage> page(qint64 customerId, const ActivityFilter &filter,
                              const std::optional<ActivityCursor> &after, int limit);

    /// Like page(), but repeats a partial text search until the page is full, the history
    /// ends, or `budgetMs` milliseconds have passed (then the result is partial).
    Result<ActivityPage> fill(qint64 customerId, const ActivityFilter &filter,
                              const std::optional<ActivityCursor> &after, int limit, int budgetMs);

    /// Events of one customer about one campaign from `fromTs` to `toTs` (inclusive), oldest
    /// first: the opens and clicks a campaign page lists for the customer it was opened from.
    Result<QList<ActivityEvent>> campaignEvents(qint64 customerId, qint64 campaignId, qint64 fromTs, qint64 toTs,
                                                int limit);

    /// How many events a text search examines per call of page().
    int scanWindow() const { return m_scanWindow; }
    void setScanWindow(int events) { m_scanWindow = qMax(1, events); }

    static constexpr int kDefaultScanWindow = 5000;

private:
    Result<std::optional<ActivityCursor>> scanBound(qint64 customerId, const std::optional<ActivityCursor> &after);

    QSqlDatabase m_db;
    Dialect m_dialect;
    int m_scanWindow = kDefaultScanWindow;
};

} // namespace Gavel::Models
