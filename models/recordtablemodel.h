#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace Gavel::Models {

/// A read-only table of records already read and formatted: the small lists of a profile
/// tab (invoices, mailings, promo codes, favourite venues…). Each cell carries its text,
/// the raw value it sorts by (Models::SortRole, for a QSortFilterProxyModel) and an optional
/// tooltip; each row the id of what it opens (Models::IdRole).
class RecordTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordTableModel)

public:
    struct Cell
    {
        QString text;
        QVariant sort;          ///< the raw value (epoch, minor units); null: sort by the text
        QString toolTip;
        bool number = false;    ///< right-aligned, as figures are
    };

    struct Row
    {
        QList<Cell> cells;
        qint64 id = 0;          ///< what the row opens (an invoice, a campaign…); 0: nothing
        bool muted = false;     ///< shown greyed (a control-group row: nothing was sent)
    };

    explicit RecordTableModel(QObject *parent = nullptr);

    /// Replaces the columns and rows at once (a reset).
    void setTable(const QStringList &headers, const QList<Row> &rows);
    void clear() { setTable(m_headers, {}); }

    const Row &row(int index) const { return m_rows.at(index); }
    /// The row whose id is `id`, or -1.
    int rowOfId(qint64 id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QStringList m_headers;
    QList<Row> m_rows;
};

} // namespace Gavel::Models
