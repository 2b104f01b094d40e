#pragma once

#include "notesearch.h"

#include <QAbstractTableModel>

namespace Gavel::Models {

/// The notes a search found, best first, for the Search Notes dialog. The search runs
/// elsewhere (off the GUI thread); setResult() shows its outcome.
class NoteSearchModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NoteSearchModel)

public:
    enum Column
    {
        CustomerColumn,
        NoteColumn,
        AuthorColumn,
        DateColumn,
        ColumnCount
    };

    explicit NoteSearchModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setResult(const NoteSearchResult &result);
    void clear();
    const NoteSearchResult &result() const { return m_result; }
    const NoteHit &hitAt(int row) const { return m_result.hits.at(row); }

private:
    NoteSearchResult m_result;
};

} // namespace Gavel::Models
