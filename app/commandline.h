#pragma once

#include "connectionspec.h"
#include "result.h"

#include <QCommandLineParser>
#include <QString>

namespace Gavel::App {

/// Where the app's own files live: the default database and the demo database, under the
/// platform's application data folder.
QString defaultDatabasePath();
QString demoDatabasePath();

/// Adds --database and --postgres to a parser (and --demo for the window).
void addDatabaseOptions(QCommandLineParser &parser, bool withDemo);

/// What the user asked for: a SQLite file, a PostgreSQL server, or the demo database.
struct DatabaseChoice
{
    Models::ConnectionSpec spec;
    bool demo = false;
    bool explicitChoice = false; ///< given on the command line rather than remembered
};

/// Reads --database/--postgres/--demo; `fallback` is used when none is given.
Models::Result<DatabaseChoice> databaseChoice(const QCommandLineParser &parser, const QString &fallbackPath);

/// Parses --as-of YYYY-MM-DD; an invalid date is an error naming the value.
Models::Result<QDate> asOfDate(const QCommandLineParser &parser, const QString &optionName);

/// The name that signs changes: from the app's settings, else the operating system's login.
QString userName();

/// Reads a password from the terminal without echoing it; empty when there is no terminal.
QString readPasswordFromTerminal(const QString &prompt);

} // namespace Gavel::App
