#pragma once

#include "result.h"

#include <QString>

namespace Gavel::Models {

enum class Engine {
    Sqlite,
    Postgres,
};

/// Everything needed to open one more connection to the same database (for a worker
/// thread, say): the engine and either a SQLite file or PostgreSQL connection parameters.
struct ConnectionSpec
{
    Engine engine = Engine::Sqlite;
    QString sqlitePath;

    QString host;
    int port = 5432;
    QString databaseName;
    QString user;
    QString password;
    /// Further libpq keywords (sslmode=require …), space separated, passed through as given.
    QString extraOptions;

    static ConnectionSpec sqlite(const QString &path);
    /// Parses a libpq conninfo string ("host=db port=5432 dbname=gavel user=anna"),
    /// including single-quoted values. Unknown keywords are kept in extraOptions.
    static Result<ConnectionSpec> fromConninfo(const QString &conninfo);

    /// A conninfo string without the password, for messages and the title bar.
    QString describe() const;
};

} // namespace Gavel::Models
