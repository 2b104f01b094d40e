#pragma once

#include <QStringList>

namespace Gavel::App {

/// Whether `word` names a command-line subcommand (`gavel demo …`, `gavel export …`).
bool isCommand(const QString &word);

/// Runs `gavel COMMAND …` without a window. Returns the exit code: 0 done, 1 failed,
/// 2 the command line was wrong.
int runCommand(const QStringList &arguments);

/// The text of `gavel --help`: the window's options and the subcommands.
QString overviewHelp();

} // namespace Gavel::App
