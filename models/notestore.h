#pragma once

#include "note.h"
#include "result.h"

#include <QList>
#include <QSqlDatabase>

#include <functional>

namespace Gavel::Models {

class Database;

/// All SQL about notes. Every change is written to the audit log in the same transaction;
/// adding a note also puts a NoteAdded event on the customer's timeline.
///
/// Notes are never removed: remove() sets deleted_at, and restore() clears it (undo).
/// `version` counts every change, while updated_at and updated_by follow the text only, so
/// that a note shows when and by whom its words last changed; pins, deletions and
/// restorations are in the audit log.
class NoteStore final
{
public:
    explicit NoteStore(const Database &database);

    /// A customer's notes that are not deleted: pinned ones first, then newest first.
    Result<QList<Note>> forCustomer(qint64 customerId);
    /// One note, deleted or not.
    Result<Note> byId(qint64 id);

    /// Adds a note signed by the database's actor and returns it as stored.
    Result<Note> add(qint64 customerId, const QString &body, bool pinned = false);

    /// Replaces the text of `opened` (the note as the editor read it) with `body`. If the
    /// text was changed by someone else since, or the note deleted, fails with
    /// ErrorKind::Conflict and a message naming who and when, and writes nothing: read the
    /// stored note with byId() and let the user decide. A change that did not touch the text
    /// (a pin) is no conflict. Returns the stored note.
    Result<Note> edit(const Note &opened, const QString &body);

    /// Pins a note to the top of the list, or unpins it.
    Result<Note> setPinned(qint64 id, bool pinned);
    /// Deletes a note (softly: it can be restored, and it stays in exports and the audit log).
    Result<Note> remove(qint64 id);
    /// Undoes remove().
    Result<Note> restore(qint64 id);

private:
    enum class Change
    {
        None, ///< nothing to do: the note is as asked already
        Made,
    };
    /// Reads the note and runs `change` on it in one transaction; returns the note as stored
    /// afterwards (as it was, if nothing was changed). An error from `change` rolls back.
    Result<Note> changeNote(qint64 id, const std::function<Result<Change>(const Note &current)> &change);

    /// "On 3 March 2024 14:32, Anna": when and by whom `action` was last done to the note,
    /// from the audit log (else the fallbacks), to begin a message.
    QString lastActionBy(const Note &note, const QString &action, const QDateTime &fallbackTime,
                         const QString &fallbackActor);
    Status audit(const Note &note, const QString &action, const QString &field, const QString &oldValue,
                 const QString &newValue);

    QSqlDatabase m_db;
    QString m_actor;
};

} // namespace Gavel::Models
