#pragma once

#include "customerfilter.h"
#include "customersearch.h"
#include "loader.h"
#include "result.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QSqlDatabase>

namespace Gavel::Models {

class Database;

/// The customer list: sorted and filtered in SQL, read a page at a time with a keyset
/// (sort value, id), so that nothing ever loads the whole table.
class CustomerListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CustomerListModel)

public:
    enum Column {
        NameColumn,
        CustomerNoColumn,
        EmailColumn,
        CityColumn,
        CountryColumn,
        VipColumn,
        LastActivityColumn,
        TotalSpentColumn,
        ColumnCount
    };

    explicit CustomerListModel(const Database &database, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    /// Words that must each match the name, Customer ID or e-mail (prefixes of the
    /// Customer ID and e-mail, any part of the name).
    void setSearchText(const QString &text);
    QString searchText() const { return m_searchText; }

    /// Shows only the customers the filter lets through (with the search words, if any).
    void setFilter(const CustomerFilter &filter);
    const CustomerFilter &filter() const { return m_filter; }

    /// Reads the first page again (after an import or an edit).
    void reload();

    /// How many customers match the current search and filter.
    qint64 matchCount() const { return m_matchCount; }
    qint64 customerIdAt(int row) const;
    /// The row of a customer among those fetched so far, or -1.
    int rowOfCustomer(qint64 customerId) const;

    /// Counts that must read many rows (a filter over a million customers) then run on the
    /// loader's thread: the page shows at once, matchCount() is -1 until the count arrives
    /// with matchCountChanged(). Without a loader every count is made on the spot.
    void setLoader(Loader *loader) { m_loader = loader; }

    /// From how many matches pages are read by walking the sort column's index rather than
    /// by sorting the matches (SQLite; 20,000 by default). Walking wins when the matches are
    /// spread over the sort order (a city, a mail domain) and loses when they bunch together
    /// (the first letters of a surname, sorted by name), so it is kept for very large sets.
    void setIndexWalkThreshold(qint64 matches) { m_indexWalkThreshold = matches; }

    /// Rows read per page.
    void setPageSize(int rows) { m_pageSize = rows; }

    /// How pages are read for the current search, filter and sort (SQLite decides; on
    /// PostgreSQL it is always Sorted, the planner's own choice).
    enum class PagePlan {
        Sorted,           ///< the matches read and sorted by the engine's own plan
        SortIndexWalk,    ///< the sort column's index walked, matches kept
        NameIndexSorted,  ///< the matches sorted by name in the slim (id, sort_name) index
    };
    PagePlan pagePlan() const;

Q_SIGNALS:
    /// The number of matches, or -1 while it is being counted.
    void matchCountChanged(qint64 count);
    /// A query failed; the list keeps what it had.
    void errorOccurred(const Gavel::Models::Error &error);

private:
    struct Row
    {
        qint64 id = 0;
        QString sortName;
        QString name;
        QString customerNo;
        QString email;
        QString city;
        QString country;
        bool vip = false;
        qint64 lastActivity = 0;
        qint64 totalSpentMinor = 0;
    };

    QString sortColumnSql() const;
    QVariant sortValueOf(const Row &row) const;
    QString whereClause(QVariantList *values) const;
    QList<Row> readPage(const Row *after, Error *error) const;
    void refreshCount();
    /// The index of the sort column (SQLite's name), or empty.
    QString sortIndexSql() const;
    /// Whether to read pages by walking the sort column's index (see the definition).
    bool walkSortIndex() const;
    /// Whether a page's matches are sorted in the (id, sort_name) index (SQLite).
    bool sortNarrowIndex() const;
    /// An estimate of the matches from index-only counts; -1 when there is none.
    qint64 matchBound();
    /// How whereClause() writes a filter's link-table clause (SQLite: the driver's as a
    /// list, the others as probes; PostgreSQL's planner turns either into the same join).
    CustomerFilter::LinkForm linkForm(CustomerFilter::Clause clause) const;
    /// `customers`, with the index the page or count must be read through, if any.
    QString customersTable() const;


    QSqlDatabase m_db;
    CustomerSearch m_search;
    bool m_sqlite = true;
    QString m_currency;
    QList<Row> m_rows;
    QString m_searchText;
    CustomerFilter m_filter;
    int m_sortColumn = NameColumn;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    int m_pageSize = 200;
    bool m_atEnd = false;
    qint64 m_matchCount = 0;
    /// What walkSortIndex() decides on: the exact count, or a bound while it is counted.
    qint64 m_planCount = 0;
    qint64 m_indexWalkThreshold = 20000;
    /// What a filtered list is read from (SQLite), chosen by matchBound(): the smallest of
    /// the search's matches and the filter's clauses. Lists: not chosen, every clause a list.
    enum class Driver { Lists, Search, Clause };
    Driver m_driver = Driver::Lists;
    CustomerFilter::Clause m_driverClause = CustomerFilter::Clause::Label;
    Loader *m_loader = nullptr;
    LoadGeneration m_countGeneration;
};

} // namespace Gavel::Models
