#include "notelistmodel.h"

#include "formatting.h"
#include "notetext.h"
#include "roles.h"

namespace Gavel::Models {

NoteListModel::NoteListModel(QObject *parent) : QAbstractListModel(parent) {}

int NoteListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_notes.size());
}

QVariant NoteListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Note &note = m_notes.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return notePlainText(note.body);
    case Qt::AccessibleTextRole: {
        // What a screen reader says for the row: the pin in words, who, when, what.
        const QString head = tr("Note by %1, %2").arg(note.author, formatDateTime(note.createdAt));
        return QString((note.pinned ? tr("Pinned.") + u' ' : QString()) + head + QStringLiteral(": ") +
                       notePlainText(note.body));
    }
    case IdRole:
        return note.id;
    case CustomerIdRole:
        return note.customerId;
    case MarkdownRole:
        return note.body;
    case PinnedRole:
        return note.pinned;
    case AuthorRole:
        return note.author;
    case TimestampRole:
        return note.createdAt;
    case EditedAtRole:
        return note.isEdited() ? note.updatedAt : QDateTime();
    case EditedByRole:
        return note.isEdited() ? note.updatedBy : QString();
    case SortRole:
        return note.createdAt.toSecsSinceEpoch();
    default:
        return {};
    }
}

void NoteListModel::setNotes(const QList<Note> &notes)
{
    beginResetModel();
    m_notes = notes;
    endResetModel();
}

int NoteListModel::rowOfNote(qint64 noteId) const
{
    for (qsizetype row = 0; row < m_notes.size(); ++row) {
        if (m_notes.at(row).id == noteId) {
            return int(row);
        }
    }
    return -1;
}

} // namespace Gavel::Models
