#include "testdatabase.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDir>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace Gavel::Tests {

using Models::ConnectionSpec;
using Models::Database;
using Models::Engine;

namespace {

QAtomicInt s_counter;

/// Runs one statement on the maintenance database named by GAVEL_TEST_PG.
bool adminExec(const ConnectionSpec &admin, const QString &statement, QString *why)
{
    const QString name = QStringLiteral("gavel-test-admin-%1").arg(s_counter.fetchAndAddRelaxed(1));
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(admin.host);
        db.setPort(admin.port);
        db.setDatabaseName(admin.databaseName);
        db.setUserName(admin.user);
        db.setPassword(admin.password);
        if (!db.open()) {
            *why = QStringLiteral("Cannot reach the PostgreSQL server of GAVEL_TEST_PG: ") + db.lastError().text();
        } else {
            QSqlQuery query(db);
            ok = query.exec(statement);
            if (!ok) {
                *why = query.lastError().text();
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

} // namespace

Engine testEngine()
{
    return qEnvironmentVariable("GAVEL_TEST_ENGINE") == u"postgres" ? Engine::Postgres : Engine::Sqlite;
}

bool TestDatabase::postgresRequired()
{
    return qEnvironmentVariable("GAVEL_REQUIRE_POSTGRES") == u"1";
}

std::unique_ptr<TestDatabase> TestDatabase::create(QString *why, bool migrate)
{
    std::unique_ptr<TestDatabase> test(new TestDatabase);
    if (testEngine() == Engine::Sqlite) {
        test->m_dir = std::make_unique<QTemporaryDir>();
        if (!test->m_dir->isValid()) {
            *why = QStringLiteral("Cannot create a temporary folder");
            return nullptr;
        }
        test->m_spec = ConnectionSpec::sqlite(test->m_dir->filePath(QStringLiteral("test.gavel")));
    } else {
        const QString conninfo = qEnvironmentVariable("GAVEL_TEST_PG");
        if (conninfo.isEmpty()) {
            *why = QStringLiteral("GAVEL_TEST_PG is not set: no PostgreSQL server to test against. "
                                  "Run ./run-tests.sh, which starts one.");
            return nullptr;
        }
        auto admin = ConnectionSpec::fromConninfo(conninfo);
        if (!admin) {
            *why = QStringLiteral("GAVEL_TEST_PG is not a valid conninfo: ") + admin.error().message;
            return nullptr;
        }
        // The name is ours, made of digits: safe to splice into CREATE DATABASE, which takes
        // no bound parameters.
        test->m_pgName = QStringLiteral("gavel_test_%1_%2")
                             .arg(QCoreApplication::applicationPid())
                             .arg(s_counter.fetchAndAddRelaxed(1));
        if (!adminExec(*admin, QStringLiteral("CREATE DATABASE ") + test->m_pgName, why)) {
            return nullptr;
        }
        test->m_spec = *admin;
        test->m_spec.databaseName = test->m_pgName;
    }
    if (migrate) {
        auto opened = Database::open(test->m_spec, QStringLiteral("test"));
        if (!opened) {
            *why = opened.error().fullText();
            return nullptr;
        }
        test->m_database = std::move(*opened);
        test->m_database->setActor(QStringLiteral("Test Runner"));
    }
    return test;
}

TestDatabase::~TestDatabase()
{
    m_database.reset();
    if (!m_pgName.isEmpty()) {
        QString why;
        auto admin = ConnectionSpec::fromConninfo(qEnvironmentVariable("GAVEL_TEST_PG"));
        if (admin &&
            !adminExec(*admin, QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_pgName), &why)) {
            qWarning("Could not drop the test database %s: %s", qPrintable(m_pgName), qPrintable(why));
        }
    }
}

RawConnection::RawConnection(const ConnectionSpec &spec)
    : m_name(QStringLiteral("raw-%1").arg(s_counter.fetchAndAddRelaxed(1)))
{
    QSqlDatabase db = QSqlDatabase::addDatabase(
        spec.engine == Engine::Sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL"), m_name);
    if (spec.engine == Engine::Sqlite) {
        db.setDatabaseName(spec.sqlitePath);
    } else {
        db.setHostName(spec.host);
        db.setPort(spec.port);
        db.setDatabaseName(spec.databaseName);
        db.setUserName(spec.user);
        db.setPassword(spec.password);
    }
    m_ok = db.open();
}

RawConnection::~RawConnection()
{
    QSqlDatabase::database(m_name, false).close();
    QSqlDatabase::removeDatabase(m_name);
}

QSqlDatabase RawConnection::db() const
{
    return QSqlDatabase::database(m_name, false);
}

bool RawConnection::exec(const QString &statement)
{
    QSqlQuery query(db());
    if (!query.exec(statement)) {
        qWarning("%s failed: %s", qPrintable(statement), qPrintable(query.lastError().text()));
        return false;
    }
    return true;
}

QString sharedTestData(const QString &relative)
{
    const QString root = qEnvironmentVariable("GAVEL_SHARED_TESTDATA", QStringLiteral(GAVEL_SHARED_TESTDATA));
    return relative.isEmpty() ? root : QDir(root).filePath(relative);
}

QString testsData(const QString &relative)
{
    const QString root = QStringLiteral(GAVEL_TESTS_DATA);
    return relative.isEmpty() ? root : QDir(root).filePath(relative);
}

} // namespace Gavel::Tests
