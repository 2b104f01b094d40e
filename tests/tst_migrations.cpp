#include "migrations.h"
#include "sql.h"
#include "testdatabase.h"

#include <QCryptographicHash>
#include <QFile>
#include <QMutex>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <atomic>
#include <map>

using namespace Gavel::Models;
using Gavel::Tests::RawConnection;
using Gavel::Tests::TestDatabase;

namespace {

/// Every table with its columns (name and declared type), for comparing two schemas.
std::map<QString, QStringList> schemaOf(const QSqlDatabase &db, Engine engine)
{
    std::map<QString, QStringList> schema;
    QSqlQuery query(db);
    if (engine == Engine::Sqlite) {
        query.exec(QStringLiteral("SELECT m.name, p.name, p.type, p.\"notnull\", p.pk FROM sqlite_master m"
                                  " JOIN pragma_table_info(m.name) p WHERE m.type = 'table' ORDER BY m.name, p.cid"));
    } else {
        query.exec(QStringLiteral("SELECT table_name, column_name, data_type, is_nullable, ordinal_position"
                                  " FROM information_schema.columns WHERE table_schema = current_schema()"
                                  " ORDER BY table_name, ordinal_position"));
    }
    while (query.next()) {
        schema[query.value(0).toString()]
            << query.value(1).toString() + u' ' + query.value(2).toString() + u' ' + query.value(3).toString();
    }
    QSqlQuery indexes(db);
    if (engine == Engine::Sqlite) {
        indexes.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name"));
    } else {
        indexes.exec(QStringLiteral("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
                                    " ORDER BY indexname"));
    }
    while (indexes.next()) {
        schema[QStringLiteral("~indexes")] << indexes.value(0).toString();
    }
    QSqlQuery triggers(db);
    if (engine == Engine::Sqlite) {
        triggers.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name"));
    } else {
        triggers.exec(QStringLiteral("SELECT DISTINCT trigger_name FROM information_schema.triggers"
                                     " WHERE trigger_schema = current_schema() ORDER BY trigger_name"));
    }
    while (triggers.next()) {
        schema[QStringLiteral("~triggers")] << triggers.value(0).toString();
    }
    return schema;
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromEmptyReachesTheCurrentVersion()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        QCOMPARE(test->db().schemaVersion(), Database::currentSchemaVersion());
        const auto schema = schemaOf(test->db().connection(), test->spec().engine);
        for (const char *table : {"customers", "departments", "categories", "sales", "lots", "lot_tags", "bids",
                                  "wishlists", "consignments", "invoices", "invoice_lines", "campaigns",
                                  "campaign_recipients", "events", "customer_tags", "notes", "subscriptions",
                                  "subscription_categories", "promo_codes", "polls", "poll_questions", "poll_answers",
                                  "venues", "baskets", "basket_items", "loyalty_ledger", "labels", "customer_labels",
                                  "segments", "segment_members", "settings", "audit_log", "sale_registrations",
                                  "customer_rfm"}) {
            QVERIFY2(schema.count(QString::fromLatin1(table)) == 1, table);
        }
        auto application = Sql::scalar(test->db().connection(),
                                       QStringLiteral("SELECT value FROM gavel_meta WHERE key = 'application'"), {},
                                       QStringLiteral("test"));
        QVERIFY(application.ok());
        QCOMPARE(application->toString(), QStringLiteral("gavel"));
    }

    void reopeningChangesNothing()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const auto before = schemaOf(test->db().connection(), test->spec().engine);
        test->close();
        auto reopened = Database::open(test->spec(), QStringLiteral("again"));
        QVERIFY2(reopened.ok(), qPrintable(reopened.ok() ? QString() : reopened.error().fullText()));
        QCOMPARE(schemaOf((*reopened)->connection(), test->spec().engine), before);
    }

    // PostgreSQL connections, the first and every other one a load opens, never JIT-compile
    // (Database::configurePostgres); SQLite has no such thing.
    void postgresConnectionsDoNotCompileStatements()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        if (test->spec().engine != Engine::Postgres) {
            QSKIP("PostgreSQL only");
        }
        auto another = test->db().openAnother(QStringLiteral("loader"));
        QVERIFY2(another.ok(), qPrintable(another.ok() ? QString() : another.error().fullText()));
        for (const Database *db : {&test->db(), another->get()}) {
            auto jit = Sql::scalar(db->connection(), QStringLiteral("SHOW jit"), {}, QStringLiteral("test"));
            QVERIFY(jit.ok());
            QCOMPARE(jit->toString(), QStringLiteral("off"));
        }
    }

    // Every older version, migrated forward on open, ends with exactly the schema a new
    // database gets: the steps and the whole agree.
    void everyOlderVersionMigratesToTheSameSchema()
    {
        GAVEL_OPEN_TEST_DATABASE(reference);
        const auto expected = schemaOf(reference->db().connection(), reference->spec().engine);
        const Engine engine = reference->spec().engine;

        // The versions a database can be at: empty, or after any migration but the last.
        // (Numbers may have gaps while features land in parallel.)
        QList<int> olderVersions = {0};
        for (const Migration &migration : allMigrations()) {
            if (migration.version < Database::currentSchemaVersion()) {
                olderVersions << migration.version;
            }
        }
        for (const int version : std::as_const(olderVersions)) {
            QString why;
            auto old = TestDatabase::create(&why, /*migrate=*/false);
            QVERIFY2(old, qPrintable(why));
            {
                RawConnection raw(old->spec());
                QVERIFY(raw.ok());
                const Dialect dialect(engine);
                const Status status = applyMigrations(raw.db(), dialect, QStringLiteral("test"), 0, version);
                QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().fullText()));
                auto stored = storedSchemaVersion(raw.db(), dialect);
                QVERIFY(stored.ok());
                QCOMPARE(*stored, version);
            }
            auto opened = Database::open(old->spec(), QStringLiteral("upgrade"));
            QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().fullText()));
            QCOMPARE((*opened)->schemaVersion(), Database::currentSchemaVersion());
            QCOMPARE(schemaOf((*opened)->connection(), engine), expected);
        }
    }

    void refusesANewerDatabaseAndLeavesItUntouched()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const int newer = Database::currentSchemaVersion() + 1;
        QVERIFY(Sql::exec(test->db().connection(),
                          QStringLiteral("UPDATE gavel_meta SET value = ? WHERE key = 'schema_version'"),
                          {QString::number(newer)}, QStringLiteral("test"))
                    .ok());
        test->close();
        const bool sqlite = test->spec().engine == Engine::Sqlite;
        if (sqlite) {
            // Fold the WAL back into the file so that the file alone is the database.
            RawConnection raw(test->spec());
            QVERIFY(raw.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
            QVERIFY(raw.exec(QStringLiteral("PRAGMA journal_mode = DELETE")));
        }
        const QByteArray before = sqlite ? fileHash(test->spec().sqlitePath) : QByteArray();

        auto opened = Database::open(test->spec(), QStringLiteral("newer"));
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().kind, ErrorKind::NewerSchema);
        QVERIFY2(opened.error().message.contains(QStringLiteral("newer version of Gavel")),
                 qPrintable(opened.error().message));
        QVERIFY(opened.error().message.contains(QStringLiteral("untouched")));
        if (sqlite) {
            QCOMPARE(fileHash(test->spec().sqlitePath), before);
        } else {
            RawConnection raw(test->spec());
            auto stored = storedSchemaVersion(raw.db(), Dialect(Engine::Postgres));
            QVERIFY(stored.ok());
            QCOMPARE(*stored, newer);
        }
    }

    void refusesADatabaseThatIsNotGavels()
    {
        QString why;
        auto test = TestDatabase::create(&why, /*migrate=*/false);
        if (!test && Gavel::Tests::testEngine() == Engine::Postgres && !TestDatabase::postgresRequired()) {
            QSKIP(qPrintable(QStringLiteral("SKIPPED ON POSTGRESQL: ") + why));
        }
        QVERIFY2(test, qPrintable(why));
        const bool sqlite = test->spec().engine == Engine::Sqlite;
        {
            RawConnection raw(test->spec());
            QVERIFY(raw.exec(QStringLiteral("CREATE TABLE stock (sku TEXT, quantity INTEGER)")));
            QVERIFY(raw.exec(QStringLiteral("INSERT INTO stock VALUES ('A-1', 4)")));
        }
        const QByteArray before = sqlite ? fileHash(test->spec().sqlitePath) : QByteArray();
        auto opened = Database::open(test->spec(), QStringLiteral("foreign"));
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().kind, ErrorKind::NotGavel);
        QVERIFY2(opened.error().message.contains(QStringLiteral("not a Gavel database")),
                 qPrintable(opened.error().message));
        if (sqlite) {
            QCOMPARE(fileHash(test->spec().sqlitePath), before);
        }
        RawConnection raw(test->spec());
        QSqlQuery query(raw.db());
        QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM stock")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 1);
    }

    void refusesAFileThatIsNotADatabase()
    {
        if (Gavel::Tests::testEngine() != Engine::Sqlite) {
            QSKIP("A file on disk is a SQLite matter.");
        }
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("notes.txt"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Lot 12: call Mrs Hughes about the Turner watercolour.\n");
        file.close();
        const QByteArray before = fileHash(path);
        auto opened = Database::open(ConnectionSpec::sqlite(path), QStringLiteral("text"));
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().kind, ErrorKind::NotGavel);
        QVERIFY(opened.error().message.contains(QStringLiteral("notes.txt")));
        QCOMPARE(fileHash(path), before);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    }

    // Two people opening the same new database at the same moment: both end up on the
    // current version and neither fails half-way.
    void concurrentOpensMigrateOnce()
    {
        QString why;
        auto test = TestDatabase::create(&why, /*migrate=*/false);
        if (!test && Gavel::Tests::testEngine() == Engine::Postgres && !TestDatabase::postgresRequired()) {
            QSKIP(qPrintable(QStringLiteral("SKIPPED ON POSTGRESQL: ") + why));
        }
        QVERIFY2(test, qPrintable(why));
        std::atomic<int> succeeded = 0;
        QStringList errors;
        QMutex mutex;
        QList<QThread *> threads;
        for (int i = 0; i < 3; ++i) {
            threads << QThread::create([&, i] {
                auto opened = Database::open(test->spec(), QStringLiteral("concurrent%1").arg(i));
                if (opened && (*opened)->schemaVersion() == Database::currentSchemaVersion()) {
                    ++succeeded;
                } else if (!opened) {
                    QMutexLocker lock(&mutex);
                    errors << opened.error().fullText();
                }
            });
        }
        for (QThread *thread : threads) {
            thread->start();
        }
        for (QThread *thread : threads) {
            QVERIFY(thread->wait(60000));
            delete thread;
        }
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
        QCOMPARE(succeeded.load(), 3);
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
