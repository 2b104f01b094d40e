#include "database.h"

#include "migrations.h"
#include "sql.h"

#include <QAtomicInt>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QThread>

namespace Gavel::Models {

namespace {

QAtomicInt s_connectionCounter;

QString newConnectionName(const QString &purpose)
{
    return QStringLiteral("gavel-%1-%2").arg(purpose).arg(s_connectionCounter.fetchAndAddRelaxed(1));
}

/// The first 16 bytes of every SQLite 3 database file.
bool looksLikeSqliteFile(const QString &path, QString *why)
{
    QFile file(path);
    if (!file.exists() || file.size() == 0) {
        return true; // a new database
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *why = file.errorString();
        return false;
    }
    const QByteArray header = file.read(16);
    if (header != QByteArrayLiteral("SQLite format 3\0")) {
        *why = QStringLiteral("it is not an SQLite database file");
        return false;
    }
    return true;
}

QStringList userTables(const QSqlDatabase &db, const Dialect &dialect, Error *error)
{
    const QString statement = dialect.isSqlite()
        ? QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' "
                         "ESCAPE '\\'")
        : QStringLiteral("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()");
    auto query = Sql::exec(db, statement, {}, QStringLiteral("reading the list of tables"));
    if (!query) {
        *error = query.error();
        return {};
    }
    QStringList names;
    while (query->next()) {
        names << query->value(0).toString();
    }
    return names;
}

} // namespace

int Database::currentSchemaVersion()
{
    return allMigrations().back().version;
}

Database::Database(ConnectionSpec spec, QString connectionName)
    : m_spec(std::move(spec)), m_connectionName(std::move(connectionName)), m_dialect(m_spec.engine)
{
    // Until the app says who is working, changes are signed with the operating system's
    // login name.
    m_actor = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    if (m_actor.isEmpty()) {
        m_actor = QStringLiteral("Gavel");
    }
}

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen()) {
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Result<std::unique_ptr<Database>> Database::open(const ConnectionSpec &spec, const QString &purpose, OpenMode mode)
{
    const QString driver = spec.engine == Engine::Sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL");
    if (!QSqlDatabase::isDriverAvailable(driver)) {
        return Error::make(ErrorKind::Connection,
                           QStringLiteral("The %1 database driver of Qt is not installed (package %2).")
                               .arg(spec.engine == Engine::Sqlite ? QStringLiteral("SQLite") : QStringLiteral("PostgreSQL"),
                                    spec.engine == Engine::Sqlite ? QStringLiteral("libqt6sql6-sqlite")
                                                                  : QStringLiteral("libqt6sql6-psql")));
    }

    if (spec.engine == Engine::Sqlite) {
        if (spec.sqlitePath.isEmpty()) {
            return Error::make(ErrorKind::Invalid, QStringLiteral("No database file was given."));
        }
        QString why;
        if (!looksLikeSqliteFile(spec.sqlitePath, &why)) {
            return Error::make(ErrorKind::NotGavel,
                               QStringLiteral("“%1” is not a Gavel database: %2. It was left untouched.")
                                   .arg(spec.describe(), why));
        }
    }

    std::unique_ptr<Database> database(new Database(spec, newConnectionName(purpose)));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(driver, database->m_connectionName);
        if (spec.engine == Engine::Sqlite) {
            db.setDatabaseName(spec.sqlitePath);
            // Wait for another writer (a second window, an import) instead of failing at once.
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        } else {
            db.setHostName(spec.host);
            db.setPort(spec.port);
            db.setDatabaseName(spec.databaseName);
            db.setUserName(spec.user);
            db.setPassword(spec.password);
            QString options = spec.extraOptions;
            if (!options.contains(QStringLiteral("connect_timeout"))) {
                options += QStringLiteral(" connect_timeout=10");
            }
            if (!options.contains(QStringLiteral("application_name"))) {
                options += QStringLiteral(" application_name=gavel");
            }
            db.setConnectOptions(options.trimmed());
        }
        if (!db.open()) {
            const QSqlError sqlError = db.lastError();
            const QString text = sqlError.text();
            ErrorKind kind = ErrorKind::Connection;
            QString message = QStringLiteral("Could not open the database “%1”.").arg(spec.describe());
            if (text.contains(QStringLiteral("password"), Qt::CaseInsensitive)) {
                kind = ErrorKind::Invalid; // the caller may ask for a password and try again
                message = QStringLiteral("The PostgreSQL server at “%1” needs a password, or the password was "
                                         "wrong.")
                              .arg(spec.describe());
            }
            return Error::make(kind, message, text);
        }
    }

    if (Status status = database->checkAndMigrate(mode); !status) {
        return status.error();
    }
    return database;
}

Result<std::unique_ptr<Database>> Database::openAnother(const QString &purpose) const
{
    auto other = open(m_spec, purpose, OpenMode::NoMigrate);
    if (other) {
        (*other)->setActor(m_actor);
    }
    return other;
}

Status Database::configureSqlite()
{
    const QSqlDatabase db = connection();
    // WAL lets the interface read while an import writes; NORMAL is durable at each
    // checkpoint and safe against corruption in WAL mode.
    for (const char *pragma : {"PRAGMA foreign_keys = ON", "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL",
                               "PRAGMA temp_store = MEMORY", "PRAGMA cache_size = -32000"}) {
        auto query = Sql::exec(db, QString::fromLatin1(pragma), {}, QStringLiteral("configuring the database file"));
        if (!query) {
            return query.error();
        }
    }
    return {};
}

Status Database::configurePostgres()
{
    // Every statement of Gavel's reads one customer's rows or one page of a list. JIT
    // compiling them, which the server does when it expects a big join (a customer with
    // 50,000 events), takes longer than running them: 150 ms of a 1.2 s Interests load.
    auto query = Sql::exec(connection(), QStringLiteral("SET jit = off"), {}, QStringLiteral("configuring the connection"));
    if (!query) {
        return query.error();
    }
    return {};
}

Status Database::checkAndMigrate(OpenMode mode)
{
    const QSqlDatabase db = connection();
    const QString where = m_spec.describe();

    // Look before writing anything: a foreign or newer database must stay byte for byte as it was.
    Error error;
    const QStringList tables = userTables(db, m_dialect, &error);
    if (!error.message.isEmpty()) {
        if (m_dialect.isSqlite()) {
            return Error::make(ErrorKind::NotGavel,
                               QStringLiteral("“%1” is not a Gavel database, or it is damaged. It was left untouched.")
                                   .arg(where),
                               error.detail);
        }
        return error;
    }

    int version = 0;
    if (!tables.isEmpty()) {
        if (!tables.contains(QStringLiteral("gavel_meta"))) {
            return Error::make(ErrorKind::NotGavel,
                               QStringLiteral("“%1” already holds other data and is not a Gavel database. "
                                              "It was left untouched; choose an empty database or a Gavel one.")
                                   .arg(where));
        }
        auto app = Sql::scalar(db, QStringLiteral("SELECT value FROM gavel_meta WHERE key = 'application'"), {},
                               QStringLiteral("reading the database's identity"));
        if (!app) {
            return app.error();
        }
        if (app->toString() != QLatin1String(kApplicationName)) {
            return Error::make(ErrorKind::NotGavel,
                               QStringLiteral("“%1” is not a Gavel database. It was left untouched.").arg(where));
        }
        auto stored = Sql::scalar(db, QStringLiteral("SELECT value FROM gavel_meta WHERE key = 'schema_version'"), {},
                                  QStringLiteral("reading the database's version"));
        if (!stored) {
            return stored.error();
        }
        version = stored->toInt();
    }

    const int current = currentSchemaVersion();
    if (version > current) {
        return Error::make(ErrorKind::NewerSchema,
                           QStringLiteral("“%1” was written by a newer version of Gavel (database version %2; this "
                                          "Gavel understands up to %3). It was left untouched: please update Gavel.")
                               .arg(where)
                               .arg(version)
                               .arg(current));
    }

    if (Status status = m_dialect.isSqlite() ? configureSqlite() : configurePostgres(); !status) {
        return status;
    }

    if (version == current) {
        m_schemaVersion = version;
        return {};
    }
    if (mode == OpenMode::NoMigrate) {
        return Error::make(ErrorKind::General,
                           QStringLiteral("“%1” needs to be updated before it can be used here (version %2 of %3).")
                               .arg(where)
                               .arg(version)
                               .arg(current));
    }

    if (Status status = applyMigrations(db, m_dialect, where, version, current); !status) {
        return status;
    }
    version = current;
    m_schemaVersion = version;
    return {};
}

} // namespace Gavel::Models
