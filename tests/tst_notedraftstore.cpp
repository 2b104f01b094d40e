#include "notedraftstore.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Gavel::Models;

namespace {

NoteDraft newDraft(const QString &text)
{
    NoteDraft draft;
    draft.customerUuid = QStringLiteral("6f1c7a52-3c1e-4a6e-9a3b-1d2e3f405162");
    draft.customerId = 42;
    draft.text = text;
    draft.savedAt = QDateTime(QDate(2024, 3, 9), QTime(14, 32, 5), QTimeZone::utc());
    return draft;
}

} // namespace

class TestNoteDraftStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void keptInTheUsersOwnDataFolder()
    {
        const QString folder = NoteDraftStore::defaultFolder();
        QVERIFY(folder.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)));
        NoteDraftStore store(QStringLiteral("/tmp/house.gavel"));
        QVERIFY(store.filePath(QStringLiteral("c"), {}).startsWith(folder));
    }

    void saveLoadAndRemove()
    {
        QTemporaryDir dir;
        NoteDraftStore store(QStringLiteral("/srv/house.gavel"), dir.path());
        const QString text = QString::fromUtf8("Rang about lot 212 — the **Turner**.\n\n- condition report\n"
                                               "- call back 東京 office\t(tab)  ");
        QVERIFY(store.save(newDraft(text)).ok());
        auto loaded = store.load(newDraft({}).customerUuid, {});
        QVERIFY(loaded.has_value());
        QCOMPARE(loaded->text, text); // exactly as typed, blanks and all
        QVERIFY(loaded->isNew());
        QCOMPARE(loaded->customerId, 42);
        QCOMPARE(loaded->savedAt, newDraft({}).savedAt);

        // An edit of an existing note keeps the note as it was when editing began.
        NoteDraft edit = newDraft(QStringLiteral("Edited text"));
        edit.base.id = 7;
        edit.base.uuid = QStringLiteral("0b7d2e4a-1111-2222-3333-444455556666");
        edit.base.body = QStringLiteral("Original text");
        edit.base.version = 3;
        edit.base.author = QStringLiteral("Anna");
        edit.base.createdAt = QDateTime(QDate(2024, 1, 2), QTime(9, 0), QTimeZone::utc());
        edit.savedAt = edit.savedAt.addSecs(60);
        QVERIFY(store.save(edit).ok());
        const QList<NoteDraft> drafts = store.forCustomer(edit.customerUuid);
        QCOMPARE(drafts.size(), 2);
        QVERIFY(drafts.at(0).isNew()); // oldest first
        QCOMPARE(drafts.at(1).base.uuid, edit.base.uuid);
        QCOMPARE(drafts.at(1).base.body, QStringLiteral("Original text"));
        QCOMPARE(drafts.at(1).base.version, 3);
        QCOMPARE(drafts.at(1).base.id, 7);
        QCOMPARE(drafts.at(1).base.author, QStringLiteral("Anna"));
        QCOMPARE(drafts.at(1).base.createdAt, edit.base.createdAt);

        // Saving again replaces the draft of that note.
        QVERIFY(store.save(newDraft(QStringLiteral("Shorter"))).ok());
        QCOMPARE(store.load(edit.customerUuid, {})->text, QStringLiteral("Shorter"));
        QCOMPARE(store.forCustomer(edit.customerUuid).size(), 2);

        QVERIFY(store.remove(edit.customerUuid, {}).ok());
        QVERIFY(!store.load(edit.customerUuid, {}).has_value());
        QCOMPARE(store.forCustomer(edit.customerUuid).size(), 1);
        QVERIFY(store.remove(edit.customerUuid, {}).ok()); // gone already: fine
    }

    void draftsBelongToTheirDatabaseAndCustomer()
    {
        QTemporaryDir dir;
        NoteDraftStore house(QStringLiteral("/srv/house.gavel"), dir.path());
        NoteDraftStore demo(QStringLiteral("/srv/demo.gavel"), dir.path());
        QVERIFY(house.save(newDraft(QStringLiteral("For the house"))).ok());
        QVERIFY(demo.forCustomer(newDraft({}).customerUuid).isEmpty());
        QVERIFY(!demo.load(newDraft({}).customerUuid, {}).has_value());
        QVERIFY(house.forCustomer(QStringLiteral("another-customer")).isEmpty());
    }

    void aDamagedFileIsNotOffered()
    {
        QTemporaryDir dir;
        NoteDraftStore store(QStringLiteral("/srv/house.gavel"), dir.path());
        QVERIFY(store.save(newDraft(QStringLiteral("Good"))).ok());
        const QString path = store.filePath(newDraft({}).customerUuid, {});
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("{\"database\": \"/srv/hou");
        file.close();
        QVERIFY(store.forCustomer(newDraft({}).customerUuid).isEmpty());
    }

    // Names in a draft never steer where it is written.
    void pathsStayInTheFolder()
    {
        QTemporaryDir dir;
        NoteDraftStore store(QStringLiteral("x"), dir.path());
        const QString path = store.filePath(QStringLiteral("../../etc"), QStringLiteral("../passwd"));
        QVERIFY2(QDir::cleanPath(path).startsWith(QDir::cleanPath(dir.path()) + u'/'), qPrintable(path));
        QVERIFY(!path.contains(QStringLiteral("..")));
    }
};

QTEST_GUILESS_MAIN(TestNoteDraftStore)
#include "tst_notedraftstore.moc"
