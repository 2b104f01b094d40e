#pragma once

#include "database.h"

#include <QSqlDatabase>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace Gavel::Tests {

/// The engine this test process runs against: GAVEL_TEST_ENGINE=sqlite (default) or postgres.
Models::Engine testEngine();

/// A fresh, empty, migrated Gavel database for one test: a file in a temporary folder on
/// SQLite, or a new database on the server of GAVEL_TEST_PG on PostgreSQL, dropped again
/// when this object goes. Create one per test function so that tests never share data.
class TestDatabase final
{
public:
    /// Null with `why` set when the engine cannot be used; see GAVEL_OPEN_TEST_DATABASE.
    static std::unique_ptr<TestDatabase> create(QString *why, bool migrate = true);
    ~TestDatabase();

    Models::Database &db() { return *m_database; }
    /// The spec of the empty database, for opening further connections or reopening.
    const Models::ConnectionSpec &spec() const { return m_spec; }
    /// Closes the connection (to reopen with Database::open, say); db() is invalid after.
    void close() { m_database.reset(); }

    /// Whether a missing PostgreSQL server fails the test instead of skipping it
    /// (GAVEL_REQUIRE_POSTGRES=1, as ./run-tests.sh sets).
    static bool postgresRequired();

private:
    TestDatabase() = default;

    std::unique_ptr<Models::Database> m_database;
    Models::ConnectionSpec m_spec;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_pgName;
};

/// A plain Qt connection to a test database, without Gavel's checks or migrations: for
/// setting up old or foreign databases. Closed and removed when destroyed.
class RawConnection final
{
public:
    explicit RawConnection(const Models::ConnectionSpec &spec);
    ~RawConnection();
    RawConnection(const RawConnection &) = delete;
    RawConnection &operator=(const RawConnection &) = delete;

    QSqlDatabase db() const;
    bool ok() const { return m_ok; }
    /// Runs a constant statement; false (with a warning naming it) when it fails.
    bool exec(const QString &statement);

private:
    QString m_name;
    bool m_ok = false;
};

/// The folder of the third-party test data (../shared/testdata).
QString sharedTestData(const QString &relative = {});
/// tests/data of this repository.
QString testsData(const QString &relative = {});

} // namespace Gavel::Tests

/// Opens a fresh test database into `var`, or skips (SQLite always works; PostgreSQL
/// skips loudly when no server is configured, and fails when one is required).
#define GAVEL_OPEN_TEST_DATABASE(var)                                                                                  \
    QString var##Why;                                                                                                  \
    auto var = Gavel::Tests::TestDatabase::create(&var##Why);                                                          \
    if (!var) {                                                                                                        \
        if (Gavel::Tests::testEngine() == Gavel::Models::Engine::Postgres &&                                           \
            !Gavel::Tests::TestDatabase::postgresRequired() && var##Why.startsWith(QLatin1String("GAVEL_TEST_PG"))) {  \
            QSKIP(qPrintable(QStringLiteral("SKIPPED ON POSTGRESQL: ") + var##Why));                                   \
        }                                                                                                              \
        QFAIL(qPrintable(var##Why));                                                                                   \
    }
