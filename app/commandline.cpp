#include "commandline.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QTextStream>

#include <cstdio>
#include <iostream>
#include <string>

#ifdef Q_OS_WIN
#include <windows.h>
#else
#include <termios.h>
#include <unistd.h>
#endif

namespace Gavel::App {

using Models::ConnectionSpec;
using Models::Error;
using Models::ErrorKind;

namespace {

QString dataFolder()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(folder);
    return folder;
}

} // namespace

QString defaultDatabasePath()
{
    return QDir(dataFolder()).filePath(QStringLiteral("house.gavel"));
}

QString demoDatabasePath()
{
    return QDir(dataFolder()).filePath(QStringLiteral("demo.gavel"));
}

void addDatabaseOptions(QCommandLineParser &parser, bool withDemo)
{
    parser.addOption({QStringLiteral("database"),
                      QCoreApplication::translate("CommandLine", "Open the SQLite database FILE (created if new)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("postgres"),
                      QCoreApplication::translate("CommandLine",
                                                  "Use the PostgreSQL server CONNINFO, e.g. \"host=db port=5432 "
                                                  "dbname=gavel user=anna\". The password comes from PGPASSWORD or "
                                                  "~/.pgpass, or is asked for."),
                      QStringLiteral("CONNINFO")});
    if (withDemo) {
        parser.addOption({QStringLiteral("demo"),
                          QCoreApplication::translate("CommandLine",
                                                      "Open the demo database of 2,000 customers, creating it on "
                                                      "first run.")});
    }
}

Models::Result<DatabaseChoice> databaseChoice(const QCommandLineParser &parser, const QString &fallbackPath)
{
    const bool demo = parser.optionNames().contains(QStringLiteral("demo")) && parser.isSet(QStringLiteral("demo"));
    const int given = (parser.isSet(QStringLiteral("database")) ? 1 : 0) +
                      (parser.isSet(QStringLiteral("postgres")) ? 1 : 0) + (demo ? 1 : 0);
    if (given > 1) {
        return Error::make(ErrorKind::Invalid,
                           QCoreApplication::translate("CommandLine",
                                                       "Choose one of --database, --postgres and --demo."));
    }
    DatabaseChoice choice;
    choice.explicitChoice = given == 1;
    if (demo) {
        choice.demo = true;
        choice.spec = ConnectionSpec::sqlite(demoDatabasePath());
    } else if (parser.isSet(QStringLiteral("postgres"))) {
        auto spec = ConnectionSpec::fromConninfo(parser.value(QStringLiteral("postgres")));
        if (!spec) {
            return spec.error();
        }
        choice.spec = *spec;
    } else if (parser.isSet(QStringLiteral("database"))) {
        choice.spec = ConnectionSpec::sqlite(QDir::current().absoluteFilePath(parser.value(QStringLiteral("database"))));
    } else {
        choice.spec = ConnectionSpec::sqlite(fallbackPath);
    }
    return choice;
}

Models::Result<QDate> asOfDate(const QCommandLineParser &parser, const QString &optionName)
{
    if (!parser.isSet(optionName)) {
        return QDate::currentDate();
    }
    const QString text = parser.value(optionName);
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (!date.isValid()) {
        return Error::make(ErrorKind::Invalid,
                           QCoreApplication::translate("CommandLine", "--%1 needs a date as YYYY-MM-DD, not “%2”.")
                               .arg(optionName, text));
    }
    return date;
}

QString userName()
{
    const QString configured = QSettings().value(QStringLiteral("identity/name")).toString().trimmed();
    if (!configured.isEmpty()) {
        return configured;
    }
    const QString login = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return login.isEmpty() ? QStringLiteral("Gavel") : login;
}

QString readPasswordFromTerminal(const QString &prompt)
{
#ifdef Q_OS_WIN
    HANDLE input = GetStdHandle(STD_INPUT_HANDLE);
    DWORD mode = 0;
    if (!GetConsoleMode(input, &mode)) {
        return {};
    }
    std::cerr << prompt.toLocal8Bit().constData() << std::flush;
    SetConsoleMode(input, mode & ~ENABLE_ECHO_INPUT);
    std::string line;
    std::getline(std::cin, line);
    SetConsoleMode(input, mode);
#else
    if (!isatty(STDIN_FILENO)) {
        return {};
    }
    std::cerr << prompt.toLocal8Bit().constData() << std::flush;
    termios old{};
    tcgetattr(STDIN_FILENO, &old);
    termios silent = old;
    silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    std::string line;
    std::getline(std::cin, line);
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
#endif
    std::cerr << std::endl;
    return QString::fromLocal8Bit(line.c_str());
}

} // namespace Gavel::App
