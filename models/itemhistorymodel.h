#pragma once

#include "itemhistory.h"
#include "loader.h"

#include <QAbstractTableModel>

namespace Gavel::Models {

/// The Item History table of one customer. Loads run off the GUI thread through the
/// profile's Loader: load() and sort() ask for the rows again (filtered and sorted in SQL)
/// and the table is reset when they arrive; until then it keeps showing the previous rows.
/// A load for another customer drops any still under way.
///
/// Not paged: the outcome of every lot must be worked out to filter and sort by it, so the
/// first page would cost as much as all of them (see ItemHistory); the rows of a customer
/// are a few hundred bytes each.
class ItemHistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ItemHistoryModel)

public:
    enum Column
    {
        DateColumn,
        SaleColumn,
        LotColumn,
        TitleColumn,
        DepartmentColumn,
        KindColumn,
        EstimateColumn,
        TopBidColumn,
        HammerColumn,
        ResultColumn,
        ConsignmentColumn,
        ColumnCount
    };

    explicit ItemHistoryModel(Loader &loader, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    /// Sorts in SQL: reads the rows again in the new order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    /// Shows this customer's history through `filter`. A new customer also renews choices().
    void load(qint64 customerId, const ItemHistory::Filter &filter = {});
    /// Empties the table (no customer).
    void clear();

    qint64 customerId() const { return m_customerId; }
    const ItemHistory::Filter &filter() const { return m_filter; }
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    bool isLoading() const { return m_loading; }
    const QList<ItemHistory::Row> &rows() const { return m_rows; }
    const ItemHistory::Row &row(int row) const { return m_rows.at(row); }
    /// The sums of the rows shown.
    const ItemHistory::Totals &totals() const { return m_totals; }
    /// The departments and sales of the customer's whole history, for the filter bar.
    const ItemHistory::Choices &choices() const { return m_choices; }

Q_SIGNALS:
    /// New rows are in (also an empty history).
    void loaded();
    /// The departments and sales to choose from changed (a new customer).
    void choicesChanged();
    /// A load failed; the table is empty.
    void loadFailed(const Gavel::Models::Error &error);

private:
    struct Data
    {
        QList<ItemHistory::Row> rows;
        std::optional<ItemHistory::Choices> choices;
    };

    void reload(bool newCustomer);
    static ItemHistory::SortKey sortKey(int column);

    Loader &m_loader;
    LoadGeneration m_generation;
    qint64 m_customerId = 0;
    ItemHistory::Filter m_filter;
    int m_sortColumn = DateColumn;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
    bool m_loading = false;
    QList<ItemHistory::Row> m_rows;
    ItemHistory::Totals m_totals;
    ItemHistory::Choices m_choices;
};

} // namespace Gavel::Models
