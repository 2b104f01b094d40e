#include "notestore.h"

#include "auditstore.h"
#include "database.h"
#include "epoch.h"
#include "eventkind.h"
#include "formatting.h"
#include "notetext.h"
#include "sql.h"
#include "transaction.h"

#include <QRandomGenerator>
#include <QSqlQuery>
#include <QUuid>

namespace Gavel::Models {

namespace {

const QString kColumns = QStringLiteral(
    "id, uuid, customer_id, body, pinned, author, created_at, deleted_at, version, updated_at, updated_by");

/// How much of a note the timeline event carries, for a list of activities.
constexpr int kEventExcerptChars = 200;

Note readNote(const QSqlQuery &query)
{
    Note note;
    note.id = query.value(0).toLongLong();
    note.uuid = query.value(1).toString();
    note.customerId = query.value(2).toLongLong();
    note.body = query.value(3).toString();
    note.pinned = query.value(4).toInt() != 0;
    note.author = query.value(5).toString();
    note.createdAt = fromEpoch(query.value(6).toLongLong());
    note.deletedAt = fromEpoch(query.value(7));
    note.version = query.value(8).toInt();
    note.updatedAt = fromEpoch(query.value(9).toLongLong());
    note.updatedBy = query.value(10).toString();
    return note;
}

/// Event ids are random 63-bit integers, unique across copies of the database (see the
/// events table).
qint64 newEventId()
{
    return static_cast<qint64>(QRandomGenerator::system()->generate64() >> 1);
}

Status checkBody(const QString &body)
{
    if (body.trimmed().isEmpty()) {
        return Error::make(ErrorKind::Invalid, QStringLiteral("A note needs some text. To remove a note, delete it."));
    }
    return {};
}

const QString kNoteMissing = QStringLiteral("This note no longer exists.");

} // namespace

NoteStore::NoteStore(const Database &database) : m_db(database.connection()), m_actor(database.actor()) {}

Result<QList<Note>> NoteStore::forCustomer(qint64 customerId)
{
    auto query = Sql::exec(m_db,
                           QStringLiteral("SELECT ") + kColumns +
                               QStringLiteral(" FROM notes WHERE customer_id = ? AND deleted_at IS NULL"
                                              " ORDER BY pinned DESC, created_at DESC, id DESC"),
                           {customerId}, QStringLiteral("reading the customer's notes"));
    if (!query) {
        return query.error();
    }
    QList<Note> notes;
    while (query->next()) {
        notes << readNote(*query);
    }
    return notes;
}

Result<Note> NoteStore::byId(qint64 id)
{
    auto query = Sql::exec(m_db, QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM notes WHERE id = ?"),
                           {id}, QStringLiteral("reading the note"));
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return Error::make(ErrorKind::NotFound, kNoteMissing);
    }
    return readNote(*query);
}

Result<Note> NoteStore::add(qint64 customerId, const QString &body, bool pinned)
{
    if (Status status = checkBody(body); !status) {
        return status.error();
    }
    const QString text = body.trimmed();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);

    Transaction transaction(m_db);
    if (!transaction.isActive()) {
        return transaction.error();
    }
    auto inserted = Sql::scalar(m_db,
                                QStringLiteral("INSERT INTO notes (uuid, customer_id, body, pinned, author, created_at,"
                                               " version, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)"
                                               " RETURNING id"),
                                {uuid, customerId, text, pinned ? 1 : 0, m_actor, now, now, m_actor},
                                QStringLiteral("saving the note"));
    if (!inserted) {
        Error error = inserted.error();
        if (error.kind == ErrorKind::Invalid) {
            error.message = QStringLiteral("The note could not be saved: the customer no longer exists.");
        }
        return error;
    }
    const qint64 id = inserted->toLongLong();
    auto event = Sql::exec(m_db,
                           QStringLiteral("INSERT INTO events (customer_id, ts, id, kind, ref_id, info)"
                                          " VALUES (?, ?, ?, ?, ?, ?)"),
                           {customerId, now, newEventId(), static_cast<int>(EventKind::NoteAdded), id,
                            noteExcerpt(text, kEventExcerptChars)},
                           QStringLiteral("adding the note to the customer's timeline"));
    if (!event) {
        return event.error();
    }
    auto stored = byId(id);
    if (!stored) {
        return stored.error();
    }
    if (Status status = audit(*stored, QStringLiteral("create"), {}, {}, text); !status) {
        return status.error();
    }
    if (Status status = transaction.commit(); !status) {
        return status.error();
    }
    return stored;
}

Result<Note> NoteStore::edit(const Note &opened, const QString &body)
{
    if (Status status = checkBody(body); !status) {
        return status.error();
    }
    const QString text = body.trimmed();

    Transaction transaction(m_db);
    if (!transaction.isActive()) {
        return transaction.error();
    }
    auto current = byId(opened.id);
    if (!current) {
        return current.error();
    }
    if (current->isDeleted()) {
        return Error::make(ErrorKind::Conflict,
                           lastActionBy(*current, QStringLiteral("delete"), current->deletedAt, {}) +
                               QStringLiteral(" deleted this note after you opened it."));
    }
    if (current->body == text) {
        return current; // nothing to change (or the colleague made the very same change)
    }
    if (current->body != opened.body) {
        return Error::make(ErrorKind::Conflict,
                           lastActionBy(*current, QStringLiteral("update"), current->updatedAt, current->updatedBy) +
                               QStringLiteral(" changed this note after you opened it."));
    }

    const qint64 now = QDateTime::currentSecsSinceEpoch();
    // current->version, not opened.version: a pin in between is no reason to refuse the text.
    auto updated = Sql::exec(m_db,
                             QStringLiteral("UPDATE notes SET body = ?, version = version + 1, updated_at = ?,"
                                            " updated_by = ? WHERE id = ? AND version = ?"),
                             {text, now, m_actor, opened.id, current->version}, QStringLiteral("saving the note"));
    if (!updated) {
        return updated.error();
    }
    if (updated->numRowsAffected() != 1) {
        return Error::make(ErrorKind::Conflict, QStringLiteral("Someone else saved this note at the same moment. "
                                                               "Review their version before saving yours."));
    }
    if (Status status = audit(*current, QStringLiteral("update"), QStringLiteral("body"), current->body, text);
        !status) {
        return status.error();
    }
    auto stored = byId(opened.id);
    if (!stored) {
        return stored.error();
    }
    if (Status status = transaction.commit(); !status) {
        return status.error();
    }
    return stored;
}

Result<Note> NoteStore::changeNote(qint64 id, const std::function<Result<Change>(const Note &current)> &change)
{
    Transaction transaction(m_db);
    if (!transaction.isActive()) {
        return transaction.error();
    }
    auto current = byId(id);
    if (!current) {
        return current.error();
    }
    auto changed = change(*current);
    if (!changed) {
        return changed.error();
    }
    if (*changed == Change::None) {
        return current;
    }
    auto stored = byId(id);
    if (!stored) {
        return stored.error();
    }
    if (Status status = transaction.commit(); !status) {
        return status.error();
    }
    return stored;
}

Result<Note> NoteStore::setPinned(qint64 id, bool pinned)
{
    return changeNote(id, [this, id, pinned](const Note &current) -> Result<Change> {
        if (current.isDeleted()) {
            return Error::make(ErrorKind::NotFound, QStringLiteral("This note was deleted meanwhile."));
        }
        if (current.pinned == pinned) {
            return Change::None;
        }
        auto updated = Sql::exec(
            m_db, QStringLiteral("UPDATE notes SET pinned = ?, version = version + 1 WHERE id = ?"),
            {pinned ? 1 : 0, id}, pinned ? QStringLiteral("pinning the note") : QStringLiteral("unpinning the note"));
        if (!updated) {
            return updated.error();
        }
        if (Status status = audit(current, QStringLiteral("update"), QStringLiteral("pinned"),
                                  current.pinned ? QStringLiteral("yes") : QStringLiteral("no"),
                                  pinned ? QStringLiteral("yes") : QStringLiteral("no"));
            !status) {
            return status.error();
        }
        return Change::Made;
    });
}

Result<Note> NoteStore::remove(qint64 id)
{
    return changeNote(id, [this, id](const Note &current) -> Result<Change> {
        if (current.isDeleted()) {
            return Change::None; // deleted already (by a colleague, say): the outcome the user wanted
        }
        auto updated = Sql::exec(m_db,
                                 QStringLiteral("UPDATE notes SET deleted_at = ?, version = version + 1"
                                                " WHERE id = ? AND deleted_at IS NULL"),
                                 {QDateTime::currentSecsSinceEpoch(), id}, QStringLiteral("deleting the note"));
        if (!updated) {
            return updated.error();
        }
        if (Status status = audit(current, QStringLiteral("delete"), {}, current.body, {}); !status) {
            return status.error();
        }
        return Change::Made;
    });
}

Result<Note> NoteStore::restore(qint64 id)
{
    return changeNote(id, [this, id](const Note &current) -> Result<Change> {
        if (!current.isDeleted()) {
            return Change::None;
        }
        auto updated =
            Sql::exec(m_db, QStringLiteral("UPDATE notes SET deleted_at = NULL, version = version + 1 WHERE id = ?"),
                      {id}, QStringLiteral("restoring the note"));
        if (!updated) {
            return updated.error();
        }
        if (Status status = audit(current, QStringLiteral("restore"), {}, {}, current.body); !status) {
            return status.error();
        }
        return Change::Made;
    });
}

QString NoteStore::lastActionBy(const Note &note, const QString &action, const QDateTime &fallbackTime,
                                const QString &fallbackActor)
{
    QString actor = fallbackActor;
    QDateTime at = fallbackTime;
    auto query = Sql::exec(m_db,
                           QStringLiteral("SELECT actor, at FROM audit_log WHERE entity = 'note' AND entity_id = ?"
                                          " AND action = ? ORDER BY at DESC, id DESC LIMIT 1"),
                           {note.id, action}, QStringLiteral("reading the note's history"));
    if (query && query->next()) {
        actor = query->value(0).toString();
        at = fromEpoch(query->value(1).toLongLong());
    }
    if (actor.isEmpty()) {
        actor = QStringLiteral("Someone");
    }
    return at.isValid() ? QStringLiteral("On %1, %2").arg(formatDateTime(at), actor) : actor;
}

Status NoteStore::audit(const Note &note, const QString &action, const QString &field, const QString &oldValue,
                        const QString &newValue)
{
    return AuditStore(m_db).record({0,
                                    {},
                                    m_actor,
                                    QStringLiteral("note"),
                                    note.id,
                                    note.uuid,
                                    note.customerId,
                                    action,
                                    field,
                                    oldValue,
                                    newValue});
}

} // namespace Gavel::Models
