#include "recordtableview.h"

#include "recordtablemodel.h"
#include "roles.h"

#include <QHeaderView>
#include <QPainter>
#include <QPalette>
#include <QSortFilterProxyModel>

namespace Gavel::Ui {

/// Sorts by Models::SortRole and greys muted rows.
class RecordSortProxy final : public QSortFilterProxyModel
{
public:
    explicit RecordSortProxy(QWidget *view) : QSortFilterProxyModel(view), m_view(view)
    {
        setSortRole(Models::SortRole);
        setSortCaseSensitivity(Qt::CaseInsensitive);
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::ForegroundRole && QSortFilterProxyModel::data(index, Models::MutedRole).toBool()) {
            return m_view->palette().brush(QPalette::Disabled, QPalette::Text);
        }
        return QSortFilterProxyModel::data(index, role);
    }

private:
    QWidget *m_view;
};

RecordTableView::RecordTableView(QWidget *parent) : QTableView(parent)
{
    m_records = new Models::RecordTableModel(this);
    m_proxy = new RecordSortProxy(this);
    m_proxy->setSourceModel(m_records);
    setModel(m_proxy);
    // Fitting columns measures this many rows, not all of them: a customer with hundreds of
    // invoices must not hold the window while every cell's text is measured.
    horizontalHeader()->setResizeContentsPrecision(100);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    // The order the rows came in (newest first) until a heading is clicked.
    horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    setSortingEnabled(true);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setTabKeyNavigation(false); // Tab leaves the table, as in a form
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setHighlightSections(false);

    connect(this, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        const qint64 id = index.data(Models::IdRole).toLongLong();
        if (id != 0) {
            Q_EMIT rowActivated(id);
        }
    });
    connect(m_records, &QAbstractItemModel::modelReset, this, &RecordTableView::fitColumns);
}

void RecordTableView::setEmptyText(const QString &text)
{
    m_emptyText = text;
    viewport()->update();
}

int RecordTableView::sourceRow(int row) const
{
    return m_proxy->mapToSource(m_proxy->index(row, 0)).row();
}

int RecordTableView::viewRow(int sourceRow) const
{
    return m_proxy->mapFromSource(m_records->index(sourceRow, 0)).row();
}

void RecordTableView::setStretchColumn(int column)
{
    m_stretchColumn = column;
    fitColumns();
}

void RecordTableView::fitColumns()
{
    // A long title must not push the figures after it out of view: columns fit their
    // contents up to a limit, and one column (elided if need be) takes what is left.
    const int em = fontMetrics().horizontalAdvance(u'M');
    const int stretch = m_stretchColumn >= 0 && m_stretchColumn < m_records->columnCount() ? m_stretchColumn : -1;
    QHeaderView *header = horizontalHeader();
    header->setStretchLastSection(stretch < 0);
    for (int column = 0; column < m_records->columnCount(); ++column) {
        header->setSectionResizeMode(column, QHeaderView::Interactive);
        resizeColumnToContents(column);
        setColumnWidth(column, qMin(columnWidth(column), 24 * em));
    }
    if (stretch >= 0) {
        header->setSectionResizeMode(stretch, QHeaderView::Stretch);
    }
}

void RecordTableView::paintEvent(QPaintEvent *event)
{
    QTableView::paintEvent(event);
    if (m_records->rowCount() == 0 && !m_emptyText.isEmpty()) {
        QPainter painter(viewport());
        painter.setPen(palette().color(QPalette::Disabled, QPalette::Text));
        painter.drawText(viewport()->rect().adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap, m_emptyText);
    }
}

} // namespace Gavel::Ui
