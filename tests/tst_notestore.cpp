#include "auditstore.h"
#include "eventkind.h"
#include "notestore.h"
#include "sql.h"
#include "testcustomers.h"
#include "testdatabase.h"

#include <QSqlQuery>
#include <QTest>

using namespace Gavel::Models;
using Gavel::Tests::addTestCustomer;

namespace {

QString fullText(const Error &error)
{
    return error.fullText();
}

/// Sets a note's creation time, so that ordering by time does not depend on the clock.
bool setCreatedAt(Database &db, qint64 noteId, qint64 epoch)
{
    return Sql::exec(db.connection(), QStringLiteral("UPDATE notes SET created_at = ?, updated_at = ? WHERE id = ?"),
                     {epoch, epoch, noteId}, QStringLiteral("test"))
        .ok();
}

QList<qint64> idsOf(const QList<Note> &notes)
{
    QList<qint64> ids;
    for (const Note &note : notes) {
        ids << note.id;
    }
    return ids;
}

} // namespace

class TestNoteStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addAndReadBack()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const Customer customer =
            addTestCustomer(test->db(), QStringLiteral("C-1"), QStringLiteral("Margaret"), QStringLiteral("Hughes"));
        NoteStore store(test->db());
        const QString body = QString::fromUtf8("  Rang about lot 212: the **Turner** watercolour.\n- wants a "
                                               "condition report\n- call back Tuesday — après 14h  ");
        auto added = store.add(customer.id, body);
        QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : fullText(added.error())));
        QVERIFY(added->id > 0);
        QCOMPARE(added->uuid.size(), 36);
        QCOMPARE(added->customerId, customer.id);
        QCOMPARE(added->body, body.trimmed()); // stored as typed, without the surrounding blanks
        QCOMPARE(added->author, QStringLiteral("Test Runner"));
        QCOMPARE(added->updatedBy, QStringLiteral("Test Runner"));
        QCOMPARE(added->version, 1);
        QVERIFY(added->createdAt.isValid());
        QVERIFY(qAbs(added->createdAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);
        QVERIFY(!added->isDeleted());
        QVERIFY(!added->isEdited());
        QVERIFY(!added->pinned);

        auto read = store.byId(added->id);
        QVERIFY(read.ok());
        QCOMPARE(read->body, added->body);
        auto listed = store.forCustomer(customer.id);
        QVERIFY(listed.ok());
        QCOMPARE(listed->size(), 1);
        QCOMPARE(listed->first().body, added->body);

        // The author is whoever the app says is working.
        test->db().setActor(QStringLiteral("Anna Schmidt"));
        auto second = NoteStore(test->db()).add(customer.id, QStringLiteral("Second"), /*pinned=*/true);
        QVERIFY(second.ok());
        QCOMPARE(second->author, QStringLiteral("Anna Schmidt"));
        QVERIFY(second->pinned);
    }

    void emptyNotesAndUnknownCustomersAreRefused()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const Customer customer =
            addTestCustomer(test->db(), QStringLiteral("C-1"), QStringLiteral("A"), QStringLiteral("B"));
        NoteStore store(test->db());
        auto empty = store.add(customer.id, QStringLiteral(" \n\t "));
        QVERIFY(!empty.ok());
        QCOMPARE(empty.error().kind, ErrorKind::Invalid);
        QVERIFY(empty.error().message.contains(QStringLiteral("needs some text")));

        auto orphan = store.add(customer.id + 999, QStringLiteral("Lost"));
        QVERIFY(!orphan.ok());
        QVERIFY2(orphan.error().message.contains(QStringLiteral("customer no longer exists")),
                 qPrintable(orphan.error().message));
        auto count = Sql::scalar(test->db().connection(), QStringLiteral("SELECT count(*) FROM notes"), {},
                                 QStringLiteral("test"));
        QVERIFY(count.ok());
        QCOMPARE(count->toInt(), 0);

        auto added = store.add(customer.id, QStringLiteral("Text"));
        QVERIFY(added.ok());
        auto blanked = store.edit(*added, QStringLiteral("   "));
        QVERIFY(!blanked.ok());
        QCOMPARE(blanked.error().kind, ErrorKind::Invalid);
    }

    void pinnedFirstThenNewest()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const Customer customer =
            addTestCustomer(test->db(), QStringLiteral("C-1"), QStringLiteral("A"), QStringLiteral("B"));
        const Customer other =
            addTestCustomer(test->db(), QStringLiteral("C-2"), QStringLiteral("C"), QStringLiteral("D"));
        NoteStore store(test->db());
        QList<qint64> ids;
        for (int i = 0; i < 4; ++i) {
            auto added = store.add(customer.id, QStringLiteral("Note %1").arg(i));
            QVERIFY(added.ok());
            ids << added->id;
        }
        QVERIFY(store.add(other.id, QStringLiteral("Someone else's")).ok());
        // Written on four different days, in this order: 0 oldest, 3 newest; 2 out of id order.
        QVERIFY(setCreatedAt(test->db(), ids[0], 1'700'000'000));
        QVERIFY(setCreatedAt(test->db(), ids[1], 1'700'100'000));
        QVERIFY(setCreatedAt(test->db(), ids[2], 1'700'400'000));
        QVERIFY(setCreatedAt(test->db(), ids[3], 1'700'300'000));

        auto listed = store.forCustomer(customer.id);
        QVERIFY(listed.ok());
        QCOMPARE(idsOf(*listed), (QList<qint64>{ids[2], ids[3], ids[1], ids[0]}));

        // Pinning the oldest puts it on top; pinning another keeps pinned ones newest first.
        auto pinned = store.setPinned(ids[0], true);
        QVERIFY(pinned.ok());
        QVERIFY(pinned->pinned);
        QCOMPARE(pinned->version, 2);
        listed = store.forCustomer(customer.id);
        QCOMPARE(idsOf(*listed), (QList<qint64>{ids[0], ids[2], ids[3], ids[1]}));
        QVERIFY(store.setPinned(ids[1], true).ok());
        listed = store.forCustomer(customer.id);
        QCOMPARE(idsOf(*listed), (QList<qint64>{ids[1], ids[0], ids[2], ids[3]}));
        QVERIFY(store.setPinned(ids[1], false).ok());
        listed = store.forCustomer(customer.id);
        QCOMPARE(idsOf(*listed), (QList<qint64>{ids[0], ids[2], ids[3], ids[1]}));

        // A pin is no edit of the text: the note does not say "edited".
        auto read = store.byId(ids[0]);
        QVERIFY(read.ok());
        QVERIFY(!read->isEdited());
    }

    void editKeepsAuthorAndRecordsEditor()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const Customer customer =
            addTestCustomer(test->db(), QStringLiteral("C-1"), QStringLiteral("A"), QStringLiteral("B"));
        auto added = NoteStore(test->db()).add(customer.id, QStringLiteral("Prefers phone calls."));
        QVERIFY(added.ok());
        QVERIFY(setCreatedAt(test->db(), added->id, QDateTime::currentSecsSinceEpoch() - 3600));
        auto opened = NoteStore(test->db()).byId(added->id);
        QVERIFY(opened.ok());

        test->db().setActor(QStringLiteral("Tom Baker"));
        NoteStore store(test->db());
        auto edited = store.edit(*opened, QStringLiteral("Prefers phone calls after 10am."));
        QVERIFY2(edited.ok(), qPrintable(edited.ok() ? QString() : fullText(edited.error())));
        QCOMPARE(edited->body, QStringLiteral("Prefers phone calls after 10am."));
        QCOMPARE(edited->author, QStringLiteral("Test Runner"));
        QCOMPARE(edited->updatedBy, QStringLiteral("Tom Baker"));
        QCOMPARE(edited->version, opened->version + 1);
        QVERIFY(edited->isEdited());

        // Saving the same text again changes nothing.
        auto again = store.edit(*edited, edited->body);
        QVERIFY(again.ok());
        QCOMPARE(again->version, edited->version);

        auto history = AuditStore(test->db().connection()).forCustomer(customer.id);
        QVERIFY(history.ok());
        bool found = false;
        for (const AuditEntry &entry : *history) {
            if (entry.entity == u"note" && entry.action == u"update" && entry.field == u"body") {
                QCOMPARE(entry.actor, QStringLiteral("Tom Baker"));
                QCOMPARE(entry.oldValue, QStringLiteral("Prefers phone calls."));
                QCOMPARE(entry.newValue, QStringLiteral("Prefers phone calls after 10am."));
                QCOMPARE(entry.entityId, added->id);
                QCOMPARE(entry.entityUuid, added->uuid);
                found = true;
            }
        }
        QVERIFY(found);
    }

    // Two people open the same note; the colleague saves first. The second save is refused,
    // names who changed it and when, and writes nothing; the stored version can be read.
    void conflictingEditIsRefused()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const Customer customer =
            addTestCustomer(test->db(), QStringLiteral("C-1"), QStringLiteral("A"), QStringLiteral("B"));
        auto added = NoteStore(test->db()).add(customer.id, QStringLiteral("Interested in Meissen."));
        QVERIFY(added.ok());

        auto colleagueDb = test->db().openAnother(QStringLiteral("colleague"));
        QVERIFY2(colleagueDb.ok(), qPrintable(colleagueDb.ok() ? QString() : fullText(colleagueDb.error())));
        (*colleagueDb)->setActor(QStringLiteral("Anna Schmidt"));
        NoteStore mine(test->db());
        NoteStore theirs(**colleagueDb);
        auto myCopy = mine.byId(added->id);
        auto theirCopy = theirs.byId(added->id);
        QVERIFY(myCopy.ok() && theirCopy.ok());

        auto theirSave = theirs.edit(*theirCopy, QStringLiteral("Interested in Meissen and Sèvres."));
        QVERIFY(theirSave.ok());

        auto mySave = mine.edit(*myCopy, QStringLiteral("Interested in early Meissen only."));
        QVERIFY(!mySave.ok());
        QCOMPARE(mySave.error().kind, ErrorKind::Conflict);
        QVERIFY2(mySave.error().message.contains(QStringLiteral("Anna Schmidt")), qPrintable(mySave.error().message));
        QVERIFY2(mySave.error().message.contains(QStringLiteral("changed this note")),
                 qPrintable(mySave.error().message));
        // "when": the time of their save, in the user's format.
        QVERIFY2(mySave.error().message.contains(QString::number(QDate::currentDate().year())),
                 qPrintable(mySave.error().message));

        auto stored = mine.byId(added->id);
        QVERIFY(stored.ok());
        QCOMPARE(stored->body, QStringLiteral("Interested in Meissen and Sèvres."));
        QCOMPARE(stored->updatedBy, QStringLiteral("Anna Schmidt"));

        // Saving against the version now stored goes through.
        auto resolved = mine.edit(*stored, QStringLiteral("Interested in early Meissen and Sèvres."));
        QVERIFY2(resolved.ok(), qPrintable(resolved.ok() ? QString() : fullText(resolved.error())));
        QCOMPARE(resolved->version, stored->version + 1);
    }

    // A colleague pinning the note while I edit it is no conflict with my text.
    void pinMeanwhileIsNoConflict()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const Customer customer =
            addTestCustomer(test->db(), QStringLiteral("C-1"), QStringLiteral("A"), QStringLiteral("B"));
        NoteStore store(test->db());
        auto added = store.add(customer.id, QStringLiteral("VIP preview invitation sent."));
        QVERIFY(added.ok());
        auto colleagueDb = test->db().openAnother(QStringLiteral("colleague"));
        QVERIFY(colleagueDb.ok());
        QVERIFY(NoteStore(**colleagueDb).setPinned(added->id, true).ok());

        auto saved = store.edit(*added, QStringLiteral("VIP preview invitation sent; accepted."));
        QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : fullText(saved.error())));
        QVERIFY(saved->pinned);
        QCOMPARE(saved->version, 3);
    }

    void editingADeletedNoteIsAConflict()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const Customer customer =
            addTestCustomer(test->db(), QStringLiteral("C-1"), QStringLiteral("A"), QStringLiteral("B"));
        NoteStore store(test->db());
        auto added = store.add(customer.id, QStringLiteral("Old address."));
        QVERIFY(added.ok());
        auto colleagueDb = test->db().openAnother(QStringLiteral("colleague"));
        QVERIFY(colleagueDb.ok());
        (*colleagueDb)->setActor(QStringLiteral("Anna Schmidt"));
        QVERIFY(NoteStore(**colleagueDb).remove(added->id).ok());

        auto saved = store.edit(*added, QStringLiteral("New address."));
        QVERIFY(!saved.ok());
        QCOMPARE(saved.error().kind, ErrorKind::Conflict);
        QVERIFY2(saved.error().message.contains(QStringLiteral("Anna Schmidt deleted this note")),
                 qPrintable(saved.error().message));
        auto stored = store.byId(added->id);
        QVERIFY(stored.ok());
        QVERIFY(stored->isDeleted());
        QCOMPARE(stored->body, QStringLiteral("Old address."));
    }

    void deleteIsSoftAndCanBeUndone()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const Customer customer =
            addTestCustomer(test->db(), QStringLiteral("C-1"), QStringLiteral("A"), QStringLiteral("B"));
        NoteStore store(test->db());
        auto keep = store.add(customer.id, QStringLiteral("Keep me."));
        auto gone = store.add(customer.id, QStringLiteral("Delete me."));
        QVERIFY(keep.ok() && gone.ok());

        auto removed = store.remove(gone->id);
        QVERIFY(removed.ok());
        QVERIFY(removed->isDeleted());
        QCOMPARE(removed->body, QStringLiteral("Delete me."));
        auto listed = store.forCustomer(customer.id);
        QVERIFY(listed.ok());
        QCOMPARE(idsOf(*listed), QList<qint64>{keep->id});
        // Still in the database (exports and the audit log keep it).
        auto stored = store.byId(gone->id);
        QVERIFY(stored.ok());
        QVERIFY(stored->isDeleted());
        // Deleting twice is harmless.
        QVERIFY(store.remove(gone->id).ok());

        auto restored = store.restore(gone->id);
        QVERIFY(restored.ok());
        QVERIFY(!restored->isDeleted());
        listed = store.forCustomer(customer.id);
        QCOMPARE(listed->size(), 2);

        auto history = AuditStore(test->db().connection()).forCustomer(customer.id);
        QVERIFY(history.ok());
        QStringList actions;
        for (const AuditEntry &entry : *history) {
            if (entry.entity == u"note" && entry.entityId == gone->id) {
                actions << entry.action;
            }
        }
        actions.sort();
        QCOMPARE(actions, (QStringList{QStringLiteral("create"), QStringLiteral("delete"), QStringLiteral("restore")}));
    }

    void addingPutsANoteOnTheTimeline()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const Customer customer =
            addTestCustomer(test->db(), QStringLiteral("C-1"), QStringLiteral("A"), QStringLiteral("B"));
        NoteStore store(test->db());
        auto first = store.add(customer.id, QStringLiteral("Met at the **Old Masters** preview; keen on [Dutch "
                                                           "still lifes](https://example.com/sale/12)."));
        auto second = store.add(customer.id, QStringLiteral("Second note."));
        QVERIFY(first.ok() && second.ok());
        auto query = Sql::exec(test->db().connection(),
                               QStringLiteral("SELECT kind, ref_id, info, ts, id FROM events WHERE customer_id = ?"
                                              " ORDER BY ref_id"),
                               {customer.id}, QStringLiteral("test"));
        QVERIFY(query.ok());
        QVERIFY(query->next());
        QCOMPARE(query->value(0).toInt(), int(EventKind::NoteAdded));
        QCOMPARE(query->value(1).toLongLong(), first->id);
        // The timeline shows the words, not the markup.
        QCOMPARE(query->value(2).toString(),
                 QStringLiteral("Met at the Old Masters preview; keen on Dutch still lifes."));
        QCOMPARE(query->value(3).toLongLong(), first->createdAt.toSecsSinceEpoch());
        const qint64 firstEventId = query->value(4).toLongLong();
        QVERIFY(firstEventId > 0);
        QVERIFY(query->next());
        QCOMPARE(query->value(1).toLongLong(), second->id);
        QVERIFY(query->value(4).toLongLong() > 0);
        QVERIFY(query->value(4).toLongLong() != firstEventId);
        QVERIFY(!query->next());
    }
};

QTEST_GUILESS_MAIN(TestNoteStore)
#include "tst_notestore.moc"
