#pragma once

#include "activitystore.h"

#include <QAbstractItemModel>
#include <QDate>

namespace Gavel::Models {

class Database;

/// One customer's timeline, newest first: at the top level a heading row for each day followed
/// by that day's events, and under each event the lines of its expanded view. (Days and events
/// share the top level so that a view which fills itself by fetching until its rows cover the
/// viewport, as QTreeView does, counts rows rather than days.)
/// Read a page at a time with a keyset on (ts, id): the first
/// page is read by whoever calls load() or setFirstPage() (the panel reads it off the GUI
/// thread), later ones by fetchMore() on this model's connection, each one indexed range scan.
/// Filters are SQL filters of the one model: changing one reads a new first page.
class ActivityModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityModel)

public:
    enum class RowType
    {
        Day,
        Event,
        Detail
    };

    explicit ActivityModel(const Database &database, QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    /// Reads the first page of the customer's timeline now, on this model's connection.
    void load(qint64 customerId, const ActivityFilter &filter);
    /// Shows a first page that was read elsewhere (off the GUI thread) for this customer and filter.
    void setFirstPage(qint64 customerId, const ActivityFilter &filter, const ActivityPage &page);
    /// Shows nothing.
    void clear();

    qint64 customerId() const { return m_customerId; }
    const ActivityFilter &filter() const { return m_filter; }
    int eventCount() const { return static_cast<int>(m_rows.size()); }
    /// The event of an event row or of one of its detail lines; null for a day heading.
    const ActivityEvent *eventAt(const QModelIndex &index) const;
    RowType rowType(const QModelIndex &index) const;
    /// The row type of an index of this model or of a proxy over it (from ActivityRowRole).
    static RowType rowTypeOf(const QModelIndex &index);

    /// The last read was a text search that stopped at its bound before filling the page.
    bool isPartial() const { return m_partial; }
    /// How far back (epoch seconds) a partial search has looked; 0 when not partial.
    qint64 searchedBackTo() const { return m_partial && m_next ? m_next->ts : 0; }

    /// Events read per page (first page and each fetchMore()).
    int pageSize() const { return m_pageSize; }
    void setPageSize(int events) { m_pageSize = qMax(1, events); }
    /// How long one fetchMore() may keep searching a long history for a text (milliseconds).
    void setFetchBudget(int milliseconds) { m_fetchBudgetMs = milliseconds; }
    /// How many events one step of a text search examines (ActivityStore::setScanWindow).
    void setScanWindow(int events) { m_store.setScanWindow(events); }
    /// The day shown as "Today" (the current date unless set, for tests).
    void setToday(const QDate &today) { m_today = today; }

    static constexpr int kDefaultPageSize = 100;
    static constexpr int kDefaultFetchBudgetMs = 40;

Q_SIGNALS:
    /// A read failed; the model keeps what it had and fetches no more until reloaded.
    void errorOccurred(const Gavel::Models::Error &error);
    /// Whether more can be fetched, or how far a search has looked, may have changed.
    void pagingChanged();

private:
    struct Row
    {
        ActivityEvent event;
        QString name;
        QString timeText;
        QString description;
        QList<ActivitySegment> segments;
        QList<ActivityDetail> details;
        int topRow = 0; ///< its row at the top level
    };
    /// A top-level row: a day heading (index into m_days) or an event (index into m_rows).
    struct Entry
    {
        bool day = false;
        int index = 0;
    };

    void reset(qint64 customerId, const ActivityFilter &filter, const Result<ActivityPage> &page);
    /// Appends events; with `notify` inside begin/endInsertRows (not during a reset).
    void append(const QList<ActivityEvent> &events, bool notify);
    Row makeRow(const ActivityEvent &event) const;
    QVariant dayData(const QDate &day, int role) const;
    QVariant eventData(const Row &row, int role) const;
    QVariant detailData(const Row &row, int line, int role) const;

    ActivityStore m_store;
    qint64 m_customerId = 0;
    ActivityFilter m_filter;
    QList<Row> m_rows;      ///< the events, newest first
    QList<QDate> m_days;    ///< the days with a heading, newest first
    QList<Entry> m_entries; ///< the top level
    std::optional<ActivityCursor> m_next;
    bool m_partial = false;
    bool m_failed = false;
    bool m_fetching = false;
    int m_pageSize = kDefaultPageSize;
    int m_fetchBudgetMs = kDefaultFetchBudgetMs;
    QDate m_today;
};

} // namespace Gavel::Models
