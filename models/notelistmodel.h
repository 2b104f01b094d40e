#pragma once

#include "note.h"

#include <QAbstractListModel>
#include <QList>

namespace Gavel::Models {

/// One customer's notes as NoteStore::forCustomer() lists them (pinned first, then newest),
/// for the Notes panel. Loading happens elsewhere (off the GUI thread); setNotes() shows it.
class NoteListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NoteListModel)

public:
    explicit NoteListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    void setNotes(const QList<Note> &notes);
    const QList<Note> &notes() const { return m_notes; }
    const Note &noteAt(int row) const { return m_notes.at(row); }
    /// The row of a note, or -1.
    int rowOfNote(qint64 noteId) const;

private:
    QList<Note> m_notes;
};

} // namespace Gavel::Models
