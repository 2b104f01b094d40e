#pragma once

#include "result.h"

#include <QStringList>

#include <memory>

class QCommandLineParser;

namespace Gavel::Models {
class Database;
}

namespace Gavel::App {

/// Whether `word` names a command-line subcommand (`gavel demo …`, `gavel export …`).
bool isCommand(const QString &word);

/// Runs `gavel COMMAND …` without a window. Returns the exit code: 0 done, 1 failed,
/// 2 the command line was wrong.
int runCommand(const QStringList &arguments);

/// Opens the database of --database/--postgres (default: the app's own), asking for a
/// PostgreSQL password on the terminal when the server wants one.
Models::Result<std::unique_ptr<Models::Database>> openForCommand(const QCommandLineParser &parser);

/// The text of `gavel --help`: the window's options and the subcommands.
QString overviewHelp();

} // namespace Gavel::App
