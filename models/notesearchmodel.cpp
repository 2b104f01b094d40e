#include "notesearchmodel.h"

#include "formatting.h"
#include "roles.h"

namespace Gavel::Models {

NoteSearchModel::NoteSearchModel(QObject *parent) : QAbstractTableModel(parent) {}

int NoteSearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_result.hits.size());
}

int NoteSearchModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NoteSearchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const NoteHit &hit = m_result.hits.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case CustomerColumn:
            return role == Qt::ToolTipRole ? tr("%1 (Customer ID %2)").arg(hit.customerName, hit.customerNo)
                                           : hit.customerName;
        case NoteColumn:
            return hit.snippet;
        case AuthorColumn:
            return hit.author;
        case DateColumn:
            return formatDateTime(hit.createdAt);
        default:
            return {};
        }
    case HighlightHtmlRole:
        return index.column() == NoteColumn ? QVariant(hit.snippetHtml) : QVariant();
    case IdRole:
        return hit.noteId;
    case CustomerIdRole:
        return hit.customerId;
    case CustomerNoRole:
        return hit.customerNo;
    case MarkdownRole:
        return hit.body;
    case AuthorRole:
        return hit.author;
    case PinnedRole:
        return hit.pinned;
    case TimestampRole:
        return hit.createdAt;
    case SortRole:
        return index.row(); // the rank
    default:
        return {};
    }
}

QVariant NoteSearchModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case CustomerColumn:
        return tr("Customer");
    case NoteColumn:
        return tr("Note");
    case AuthorColumn:
        return tr("Written by");
    case DateColumn:
        return tr("Date");
    default:
        return {};
    }
}

void NoteSearchModel::setResult(const NoteSearchResult &result)
{
    beginResetModel();
    m_result = result;
    endResetModel();
}

void NoteSearchModel::clear()
{
    setResult({});
}

} // namespace Gavel::Models
