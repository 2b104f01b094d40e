#include "bulkinserter.h"
#include "deferredindexes.h"
#include "sql.h"
#include "testdatabase.h"
#include "transaction.h"

#include <QSqlQuery>
#include <QTest>

using namespace Gavel::Models;
using namespace Qt::StringLiterals;

namespace {

QStringList indexesOf(Database &db, const QString &table)
{
    const QString sql =
        db.dialect().isSqlite()
            ? u"SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name"_s
            : u"SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ?"
              " AND indexname NOT LIKE '%\\_pkey' ESCAPE '\\' AND indexname NOT LIKE '%\\_key' ESCAPE '\\'"
              " ORDER BY indexname"_s;
    auto query = Sql::exec(db.connection(), sql, {table}, u"listing indexes"_s);
    QStringList names;
    while (query && query->next()) {
        names << query->value(0).toString();
    }
    return names;
}

QVariant scalar(Database &db, const QString &sql, const QVariantList &values = {})
{
    auto value = Sql::scalar(db.connection(), sql, values, u"test"_s);
    return value ? *value : QVariant(u"error: "_s + value.error().fullText());
}

} // namespace

class TestBulkInserter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesEveryRowAndValue_data()
    {
        QTest::addColumn<int>("rowsPerStatement");
        QTest::addColumn<int>("rows");
        QTest::addColumn<bool>("skipNulls");
        QTest::newRow("engine default") << 0 << 1234 << false;
        QTest::newRow("one row per statement") << 1 << 50 << false;
        QTest::newRow("buffer with a remainder") << 7 << 52 << false;
        QTest::newRow("fewer rows than one buffer") << 1000 << 3 << false;
        QTest::newRow("nulls left out, one row per statement") << 1 << 50 << true;
        QTest::newRow("nulls left out, buffered") << 7 << 52 << true;
    }

    void writesEveryRowAndValue()
    {
        QFETCH(int, rowsPerStatement);
        QFETCH(int, rows);
        QFETCH(bool, skipNulls);
        GAVEL_OPEN_TEST_DATABASE(test);
        const QSqlDatabase db = test->db().connection();
        Transaction transaction(db);
        QVERIFY(transaction.isActive());
        BulkInserter venues(db, test->db().dialect().engine(), u"venues"_s,
                            {u"id"_s, u"code"_s, u"name"_s, u"kind"_s, u"city"_s}, rowsPerStatement);
        venues.setSkipNullColumns(skipNulls);
        for (int i = 1; i <= rows; ++i) {
            // Quotes, a backslash, a question mark (Qt's placeholder) and non-Latin text
            // must arrive as they are: values are bound, never spliced.
            const QString name = u"Zoë's \"venue\" ? \\ 名前 %1"_s.arg(i);
            venues << qint64(i) * 1000000007LL << u"V%1"_s.arg(i) << name << u"saleroom"_s
                   << (i % 3 == 0 ? QVariant() : QVariant(u"London"_s));
            Status status = venues.endRow();
            QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().fullText()));
        }
        QVERIFY(venues.finish().ok());
        QCOMPARE(venues.rowCount(), qint64(rows));
        QVERIFY(transaction.commit().ok());

        QCOMPARE(scalar(test->db(), u"SELECT count(*) FROM venues"_s).toInt(), rows);
        QCOMPARE(
            scalar(test->db(), u"SELECT name FROM venues WHERE id = ?"_s, {qint64(rows) * 1000000007LL}).toString(),
            u"Zoë's \"venue\" ? \\ 名前 %1"_s.arg(rows));
        QCOMPARE(scalar(test->db(), u"SELECT count(*) FROM venues WHERE city IS NULL"_s).toInt(), rows / 3);
    }

    void reportsTheTableAndKindOfAFailure()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const QSqlDatabase db = test->db().connection();
        Transaction transaction(db);
        BulkInserter labels(db, test->db().dialect().engine(), u"labels"_s,
                            {u"uuid"_s, u"name"_s, u"name_key"_s, u"updated_at"_s, u"updated_by"_s}, 2);
        Status status;
        for (int i = 0; i < 2 && status.ok(); ++i) {
            labels << u"same-uuid"_s << u"Label %1"_s.arg(i) << u"label %1"_s.arg(i) << qint64(1) << u"t"_s;
            status = labels.endRow();
        }
        QVERIFY(!status.ok());
        QCOMPARE(status.error().kind, ErrorKind::Duplicate);
        QVERIFY2(status.error().message.contains(u"labels"_s), qPrintable(status.error().message));

        BulkInserter incomplete(db, test->db().dialect().engine(), u"labels"_s, {u"uuid"_s, u"name"_s});
        incomplete << u"x"_s;
        QVERIFY(!incomplete.endRow().ok());
    }
};

class TestDeferredIndexes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dropsOnlySecondaryIndexesAndRestoresThem()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const QStringList before = indexesOf(test->db(), u"customers"_s);
        // The list's sort and filter indexes (and, on PostgreSQL, the search index) among them.
        QVERIFY2(before.contains(u"customers_sort_name"_s) && before.contains(u"customers_vip"_s),
                 qPrintable(before.join(u", "_s)));
        const qsizetype secondary = before.size() + indexesOf(test->db(), u"bids"_s).size();
        QCOMPARE(indexesOf(test->db(), u"bids"_s).size(), 2);
        const QSqlDatabase db = test->db().connection();
        {
            Transaction transaction(db);
            auto deferred = DeferredIndexes::drop(db, test->db().dialect(), {u"customers"_s, u"bids"_s});
            QVERIFY2(deferred.ok(), qPrintable(deferred.ok() ? QString() : deferred.error().fullText()));
            QCOMPARE((*deferred)->names().size(), secondary);
            QVERIFY(indexesOf(test->db(), u"customers"_s).isEmpty());
            // The unique constraints still guard the load.
            QVERIFY(scalar(test->db(), u"SELECT count(*) FROM gavel_meta WHERE key = 'deferred_indexes'"_s).toInt() ==
                    1);
            QStringList names;
            QVERIFY((*deferred)->restore([&](const QString &name) { names << name; }).ok());
            QCOMPARE(names.size(), secondary);
            QVERIFY(transaction.commit().ok());
        }
        QCOMPARE(indexesOf(test->db(), u"customers"_s), before);
        QCOMPARE(scalar(test->db(), u"SELECT count(*) FROM gavel_meta WHERE key = 'deferred_indexes'"_s).toInt(), 0);
    }

    void rollbackAndDestructorBringThemBack()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const QStringList before = indexesOf(test->db(), u"customers"_s);
        const QSqlDatabase db = test->db().connection();
        {
            Transaction transaction(db);
            auto deferred = DeferredIndexes::drop(db, test->db().dialect(), {u"customers"_s});
            QVERIFY(deferred.ok());
            transaction.rollback();
        } // the destructor runs after the rollback: it must not fail on the indexes that are back
        QCOMPARE(indexesOf(test->db(), u"customers"_s), before);
        {
            auto deferred = DeferredIndexes::drop(db, test->db().dialect(), {u"customers"_s});
            QVERIFY(deferred.ok());
            QVERIFY(indexesOf(test->db(), u"customers"_s).isEmpty());
        } // outside a transaction: the destructor rebuilds them
        QCOMPARE(indexesOf(test->db(), u"customers"_s), before);
    }

    void restorePendingAfterACrash()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const QStringList before = indexesOf(test->db(), u"customers"_s);
        const QSqlDatabase db = test->db().connection();
        // What a crash between drop() and restore() leaves: the record, and no index.
        const QString definition =
            scalar(test->db(), test->db().dialect().isSqlite()
                                   ? u"SELECT sql FROM sqlite_master WHERE name = 'customers_email'"_s
                                   : u"SELECT indexdef FROM pg_indexes WHERE indexname = 'customers_email'"_s)
                .toString();
        QVERIFY(definition.contains(u"customers_email"_s));
        const QString record = u"[{\"name\":\"customers_email\",\"sql\":\"%1\"}]"_s.arg(definition);
        QVERIFY(
            Sql::exec(db, u"INSERT INTO gavel_meta (key, value) VALUES ('deferred_indexes', ?)"_s, {record}, {}).ok());
        QVERIFY(Sql::exec(db, u"DROP INDEX customers_email"_s, {}, {}).ok());
        QCOMPARE(indexesOf(test->db(), u"customers"_s).size(), before.size() - 1);
        QVERIFY(DeferredIndexes::restorePending(db, test->db().dialect()).ok());
        QCOMPARE(indexesOf(test->db(), u"customers"_s), before);
        QVERIFY(DeferredIndexes::restorePending(db, test->db().dialect()).ok()); // nothing left to do
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int failures = 0;
    {
        TestBulkInserter test;
        failures += QTest::qExec(&test, argc, argv);
    }
    {
        TestDeferredIndexes test;
        failures += QTest::qExec(&test, argc, argv);
    }
    return failures;
}

#include "tst_bulkinserter.moc"
