#include "migrations.h"
#include "notesearch.h"
#include "notesearchmodel.h"
#include "notestore.h"
#include "roles.h"
#include "sql.h"
#include "testcustomers.h"
#include "testdatabase.h"
#include "transaction.h"

#include <QAbstractItemModelTester>
#include <QSqlDatabase>
#include <QTest>

#include <algorithm>

using namespace Gavel::Models;
using Gavel::Tests::addTestCustomer;
using Gavel::Tests::TestDatabase;

namespace {

QList<qint64> noteIdsOf(const NoteSearchResult &result)
{
    QList<qint64> ids;
    for (const NoteHit &hit : result.hits) {
        ids << hit.noteId;
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

QList<qint64> sorted(QList<qint64> ids)
{
    std::sort(ids.begin(), ids.end());
    return ids;
}

qint64 addNote(NoteStore &store, qint64 customerId, const QString &text)
{
    auto added = store.add(customerId, text);
    if (!added) {
        QTest::qFail(qPrintable(added.error().fullText()), __FILE__, __LINE__);
        return 0;
    }
    return added->id;
}

struct Fixture
{
    Customer hughes;
    Customer tanaka;
    qint64 turner = 0;
    qint64 meissen = 0;
    qint64 callback = 0;
    qint64 tanakaNote = 0;
    qint64 deleted = 0;
};

Fixture populate(Database &db)
{
    Fixture f;
    f.hughes = addTestCustomer(db, QStringLiteral("C-1001"), QStringLiteral("Margaret"), QStringLiteral("Hughes"));
    f.tanaka = addTestCustomer(db, QStringLiteral("C-1003"), QStringLiteral("Akiko"), QStringLiteral("Tanaka"));
    NoteStore store(db);
    f.turner = addNote(store, f.hughes.id,
                       QStringLiteral("Rang about the **Turner** watercolour in the June sale; wants a condition "
                                      "report."));
    f.meissen =
        addNote(store, f.hughes.id, QStringLiteral("Collects Meissen porcelain figures. Do not call before 10."));
    f.callback = addNote(store, f.hughes.id, QStringLiteral("Call back about the watercolours next week."));
    f.tanakaNote = addNote(store, f.tanaka.id,
                           QStringLiteral("Bid by phone on the Hokusai print; prefers Japanese-speaking staff."));
    f.deleted = addNote(store, f.tanaka.id, QStringLiteral("Old note about a Turner engraving (wrong customer)."));
    if (!store.remove(f.deleted)) {
        QTest::qFail("could not delete the note", __FILE__, __LINE__);
    }
    return f;
}

} // namespace

class TestNoteSearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QStringLiteral("en_GB"))); }

    void wordsOfAQuery_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("words");
        QTest::newRow("plain") << QStringLiteral("turner water")
                               << QStringList{QStringLiteral("turner"), QStringLiteral("water")};
        QTest::newRow("punctuation and operators are not syntax")
            << QStringLiteral("\"Turner\" OR -water* (NEAR)")
            << QStringList{QStringLiteral("Turner"), QStringLiteral("OR"), QStringLiteral("water"),
                           QStringLiteral("NEAR")};
        QTest::newRow("apostrophe splits")
            << QStringLiteral("O'Brien") << QStringList{QStringLiteral("O"), QStringLiteral("Brien")};
        QTest::newRow("accents and digits kept")
            << QString::fromUtf8("Sèvres 1770s") << QStringList{QString::fromUtf8("Sèvres"), QStringLiteral("1770s")};
        QTest::newRow("nothing") << QStringLiteral(" -- * ") << QStringList{};
        QTest::newRow("capped") << QStringLiteral("a b c d e f g h i j")
                                << QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
                                               QStringLiteral("d"), QStringLiteral("e"), QStringLiteral("f"),
                                               QStringLiteral("g"), QStringLiteral("h")};
    }

    void wordsOfAQuery()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, words);
        QCOMPARE(NoteSearch::words(text), words);
    }

    void snippetHighlightsMatches_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("html");
        QTest::newRow("whole word and prefix")
            << QStringLiteral("Rang about the Turner watercolour.") << QStringLiteral("turner water")
            << QStringLiteral("Rang about the <b>Turner</b> <b>watercolour</b>.");
        QTest::newRow("earlier words match whole words only")
            << QStringLiteral("Art and artists") << QStringLiteral("art x") << QStringLiteral("<b>Art</b> and artists");
        QTest::newRow("case and accents folded") << QString::fromUtf8("SÈVRES & Meissen") << QStringLiteral("sevres")
                                                 << QString::fromUtf8("<b>SÈVRES</b> &amp; Meissen");
        QTest::newRow("escaped") << QStringLiteral("<script> Turner") << QStringLiteral("turn")
                                 << QStringLiteral("&lt;script&gt; <b>Turner</b>");
        QTest::newRow("long text is cut around the match")
            << QStringLiteral("one two three four five six seven eight nine ten Turner eleven twelve thirteen "
                              "fourteen fifteen sixteen")
            << QStringLiteral("turner") << QStringLiteral("…nine ten <b>Turner</b> eleven twelve thirteen…");
    }

    void snippetHighlightsMatches()
    {
        QFETCH(QString, text);
        QFETCH(QString, query);
        QFETCH(QString, html);
        QString marked;
        const QString plain = NoteSearch::snippet(text, NoteSearch::words(query), 40, &marked);
        QCOMPARE(marked, html);
        QVERIFY(!plain.contains(u'<') || text.contains(u'<'));
    }

    void findsWordsAndPrefixes_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("expected"); // fixture fields
        QTest::newRow("one word") << QStringLiteral("Meissen") << QStringList{QStringLiteral("meissen")};
        QTest::newRow("case-insensitive") << QStringLiteral("MEISSEN") << QStringList{QStringLiteral("meissen")};
        QTest::newRow("typing: the last word is a prefix")
            << QStringLiteral("waterc") << QStringList{QStringLiteral("turner"), QStringLiteral("callback")};
        QTest::newRow("all words must occur")
            << QStringLiteral("turner waterc") << QStringList{QStringLiteral("turner")};
        QTest::newRow("earlier words are whole words") << QStringLiteral("water report") << QStringList{};
        QTest::newRow("a word inside markup") << QStringLiteral("Turner") << QStringList{QStringLiteral("turner")};
        QTest::newRow("another customer's note") << QStringLiteral("hokusai") << QStringList{QStringLiteral("tanaka")};
        QTest::newRow("hyphenated word") << QStringLiteral("japanese speaking")
                                         << QStringList{QStringLiteral("tanaka")};
        QTest::newRow("a deleted note is not found") << QStringLiteral("engraving") << QStringList{};
        QTest::newRow("no word at all") << QStringLiteral("  *** ") << QStringList{};
        QTest::newRow("operators are plain words") << QStringLiteral("NOT") << QStringList{QStringLiteral("meissen")};
        QTest::newRow("quotes do not break the query")
            << QStringLiteral("\"turner") << QStringList{QStringLiteral("turner")};
    }

    void findsWordsAndPrefixes()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, expected);
        GAVEL_OPEN_TEST_DATABASE(test);
        const Fixture f = populate(test->db());
        const QHash<QString, qint64> ids = {{QStringLiteral("turner"), f.turner},
                                            {QStringLiteral("meissen"), f.meissen},
                                            {QStringLiteral("callback"), f.callback},
                                            {QStringLiteral("tanaka"), f.tanakaNote}};
        QList<qint64> expectedIds;
        for (const QString &name : expected) {
            expectedIds << ids.value(name);
        }
        auto result = NoteSearch(test->db()).search(query);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().fullText()));
        QCOMPARE(noteIdsOf(*result), sorted(expectedIds));
        QCOMPARE(result->matchCount, int(expectedIds.size()));
        QVERIFY(!result->moreMatches);
    }

    void hitsNameTheirCustomer()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const Fixture f = populate(test->db());
        auto result = NoteSearch(test->db()).search(QStringLiteral("hokus"));
        QVERIFY(result.ok());
        QCOMPARE(result->hits.size(), 1);
        const NoteHit &hit = result->hits.first();
        QCOMPARE(hit.customerId, f.tanaka.id);
        QCOMPARE(hit.customerName, QStringLiteral("Akiko Tanaka"));
        QCOMPARE(hit.customerNo, QStringLiteral("C-1003"));
        QCOMPARE(hit.author, QStringLiteral("Test Runner"));
        QVERIFY(hit.createdAt.isValid());
        QVERIFY2(hit.snippetHtml.contains(QStringLiteral("<b>Hokusai</b>")), qPrintable(hit.snippetHtml));

        // Restoring a deleted note makes it findable again; an edit is found by its new words.
        QVERIFY(NoteStore(test->db()).restore(f.deleted).ok());
        result = NoteSearch(test->db()).search(QStringLiteral("engraving"));
        QVERIFY(result.ok());
        QCOMPARE(noteIdsOf(*result), QList<qint64>{f.deleted});
        auto note = NoteStore(test->db()).byId(f.meissen);
        QVERIFY(NoteStore(test->db()).edit(*note, QStringLiteral("Collects Sèvres now.")).ok());
        result = NoteSearch(test->db()).search(QStringLiteral("meissen"));
        QVERIFY(result.ok());
        QVERIFY(result->hits.isEmpty());
        result = NoteSearch(test->db()).search(QStringLiteral("collects"));
        QCOMPARE(noteIdsOf(*result), QList<qint64>{f.meissen});
    }

    // The better match ranks first: the note that says it twice, in fewer words.
    void resultsAreRanked()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const Customer c = addTestCustomer(test->db(), QStringLiteral("C-1"), QStringLiteral("A"), QStringLiteral("B"));
        NoteStore store(test->db());
        const qint64 weak = addNote(store, c.id,
                                    QStringLiteral("Long note about many things: frames, furniture, clocks, silver, "
                                                   "jewellery, wine and once a bronze."));
        const qint64 strong = addNote(store, c.id, QStringLiteral("Bronze. Bronze sculpture."));
        auto result = NoteSearch(test->db()).search(QStringLiteral("bronze"));
        QVERIFY(result.ok());
        QCOMPARE(result->hits.size(), 2);
        QCOMPARE(result->hits.at(0).noteId, strong);
        QCOMPARE(result->hits.at(1).noteId, weak);
    }

    // A word found in more notes than are ranked: the newest are ranked, and the result says so.
    void commonWordsAreCapped()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const Customer c = addTestCustomer(test->db(), QStringLiteral("C-1"), QStringLiteral("A"), QStringLiteral("B"));
        const QSqlDatabase db = test->db().connection();
        const int total = NoteSearch::kCandidateLimit + 50;
        {
            Transaction transaction(db);
            QVERIFY(transaction.isActive());
            for (int i = 0; i < total; ++i) {
                QVERIFY(Sql::exec(
                            db,
                            QStringLiteral("INSERT INTO notes (uuid, customer_id, body, pinned, author, created_at,"
                                           " version, updated_at, updated_by) VALUES (?, ?, ?, 0, 'x', ?, 1, ?, 'x')"),
                            {QStringLiteral("u-%1").arg(i), c.id, QStringLiteral("Catalogue sent, number %1").arg(i),
                             1'700'000'000 + i, 1'700'000'000 + i},
                            QStringLiteral("test"))
                            .ok());
            }
            QVERIFY(transaction.commit().ok());
        }
        auto result = NoteSearch(test->db()).search(QStringLiteral("catalogue"), 20);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().fullText()));
        QCOMPARE(result->hits.size(), 20);
        QCOMPARE(result->matchCount, NoteSearch::kCandidateLimit);
        QVERIFY(result->moreMatches);
        // Equal scores: newest first, and only the newest were considered.
        QVERIFY(result->hits.first().snippet.endsWith(QString::number(total - 1)));

        auto few = NoteSearch(test->db()).search(QStringLiteral("1049"));
        QVERIFY(few.ok());
        QCOMPARE(few->hits.size(), 1);
        QCOMPARE(few->matchCount, 1);
        QVERIFY(!few->moreMatches);
    }

    // Notes written before the search existed are found after the upgrade.
    void upgradeIndexesExistingNotes()
    {
        QString why;
        auto test = TestDatabase::create(&why, /*migrate=*/false);
        if (!test && Gavel::Tests::testEngine() == Engine::Postgres && !TestDatabase::postgresRequired()) {
            QSKIP(qPrintable(QStringLiteral("SKIPPED ON POSTGRESQL: ") + why));
        }
        QVERIFY2(test, qPrintable(why));
        const Engine engine = test->spec().engine;
        {
            const QString name = QStringLiteral("raw-upgrade");
            {
                QSqlDatabase raw = QSqlDatabase::addDatabase(
                    engine == Engine::Sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL"), name);
                if (engine == Engine::Sqlite) {
                    raw.setDatabaseName(test->spec().sqlitePath);
                } else {
                    raw.setHostName(test->spec().host);
                    raw.setPort(test->spec().port);
                    raw.setDatabaseName(test->spec().databaseName);
                    raw.setUserName(test->spec().user);
                }
                QVERIFY(raw.open());
                const Dialect dialect(engine);
                QVERIFY(applyMigrations(raw, dialect, QStringLiteral("test"), 0, 1).ok());
                QVERIFY(Sql::exec(raw,
                                  QStringLiteral("INSERT INTO customers (uuid, customer_no, first_name, last_name,"
                                                 " created_at, updated_at, updated_by) VALUES"
                                                 " ('c1', 'C-1', 'Ada', 'Byron', 1, 1, 'x')"),
                                  {}, QStringLiteral("test"))
                            .ok());
                QVERIFY(Sql::exec(raw,
                                  QStringLiteral("INSERT INTO notes (uuid, customer_id, body, author, created_at,"
                                                 " updated_at, updated_by) SELECT 'n1', id, 'Owns a difference engine',"
                                                 " 'x', 1, 1, 'x' FROM customers"),
                                  {}, QStringLiteral("test"))
                            .ok());
                raw.close();
            }
            QSqlDatabase::removeDatabase(name);
        }
        auto upgraded = Database::open(test->spec(), QStringLiteral("upgraded"));
        QVERIFY2(upgraded.ok(), qPrintable(upgraded.ok() ? QString() : upgraded.error().fullText()));
        auto result = NoteSearch(**upgraded).search(QStringLiteral("difference eng"));
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().fullText()));
        QCOMPARE(result->hits.size(), 1);
        QCOMPARE(result->hits.first().customerName, QStringLiteral("Ada Byron"));
    }

    void modelShowsTheHits()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const Fixture f = populate(test->db());
        NoteSearchModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto result = NoteSearch(test->db()).search(QStringLiteral("watercolour"));
        QVERIFY(result.ok());
        model.setResult(*result);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(NoteSearchModel::ColumnCount));
        for (int row = 0; row < model.rowCount(); ++row) {
            QCOMPARE(model.index(row, NoteSearchModel::CustomerColumn).data().toString(),
                     QStringLiteral("Margaret Hughes"));
            QCOMPARE(model.index(row, 0).data(CustomerIdRole).toLongLong(), f.hughes.id);
            QVERIFY(model.index(row, NoteSearchModel::NoteColumn)
                        .data(HighlightHtmlRole)
                        .toString()
                        .contains(QStringLiteral("<b>watercolour")));
            QCOMPARE(model.index(row, NoteSearchModel::AuthorColumn).data().toString(), QStringLiteral("Test Runner"));
            QVERIFY(!model.index(row, NoteSearchModel::DateColumn).data().toString().isEmpty());
        }
        QCOMPARE(model.headerData(NoteSearchModel::CustomerColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Customer"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestNoteSearch)
#include "tst_notesearch.moc"
