#pragma once

#include "connectionspec.h"
#include "dialect.h"
#include "result.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace Gavel::Models {

/// One open connection to a Gavel database, owned by the thread that opened it.
///
/// Qt SQL connections must stay on their thread, so a worker opens its own with
/// openAnother(). The connection is closed and unregistered when the object is destroyed;
/// every QSqlQuery on it must be gone by then.
class Database final
{
public:
    /// The schema version this build writes. Older databases are migrated on open;
    /// newer ones are refused and left untouched.
    static int currentSchemaVersion();

    enum class OpenMode {
        Migrate,   ///< create an empty database or bring an older one up to date
        NoMigrate, ///< refuse anything but the current version (worker connections)
    };

    /// Opens (and, for SQLite, creates) the database, checks that it is a Gavel database
    /// and migrates it. `purpose` names the connection in logs ("gui", "import"…).
    static Result<std::unique_ptr<Database>> open(const ConnectionSpec &spec, const QString &purpose,
                                                  OpenMode mode = OpenMode::Migrate);

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /// A second connection to the same database for another thread. Call it on the thread
    /// that will use the connection.
    Result<std::unique_ptr<Database>> openAnother(const QString &purpose) const;

    QSqlDatabase connection() const;
    const Dialect &dialect() const { return m_dialect; }
    const ConnectionSpec &spec() const { return m_spec; }
    QString connectionName() const { return m_connectionName; }
    int schemaVersion() const { return m_schemaVersion; }

    /// The name recorded in updated_by and the audit log for changes made through this
    /// connection: the person using the app, or the command that ran.
    QString actor() const { return m_actor; }
    void setActor(const QString &actor) { m_actor = actor; }

private:
    Database(ConnectionSpec spec, QString connectionName);
    Status checkAndMigrate(OpenMode mode);
    Status configureSqlite();
    Status configurePostgres();

    ConnectionSpec m_spec;
    QString m_connectionName;
    Dialect m_dialect;
    QString m_actor;
    int m_schemaVersion = 0;
};

} // namespace Gavel::Models
