#pragma once

#include <QTableView>

namespace Gavel::Models {
class RecordTableModel;
}

namespace Gavel::Ui {

class RecordSortProxy;

/// A read-only table of a profile tab (invoices, mailings, promo codes…) over a
/// Models::RecordTableModel: sortable by the raw values, whole rows selected, muted rows
/// greyed (their text says why as well), a sentence in place of an empty table, and
/// Enter or a double-click on a row that opens something emits rowActivated().
class RecordTableView final : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordTableView)

public:
    explicit RecordTableView(QWidget *parent = nullptr);

    Models::RecordTableModel *records() const { return m_records; }
    /// Shown when the table has no rows ("No invoices.").
    void setEmptyText(const QString &text);
    /// The model row (of records()) shown at view row `row`.
    int sourceRow(int row) const;
    /// The view row showing records() row `sourceRow`, or -1.
    int viewRow(int sourceRow) const;
    /// The column that takes the width the others leave (a title, a name); -1: the last one.
    void setStretchColumn(int column);
    /// Fits the columns to their contents; the stretch column takes the rest.
    void fitColumns();

Q_SIGNALS:
    /// A row with an id was opened (Enter, double-click).
    void rowActivated(qint64 id);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    Models::RecordTableModel *m_records = nullptr;
    RecordSortProxy *m_proxy = nullptr;
    QString m_emptyText;
    int m_stretchColumn = -1;
};

} // namespace Gavel::Ui
