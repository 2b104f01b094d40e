#include "commands.h"

#include "commandline.h"
#include "database.h"
#include "demofile.h"
#include "profileexporter.h"
#include "profilesections.h"
#include "recommendcommands.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSaveFile>

#include <cstdio>
#include <functional>
#include <map>

#ifndef Q_OS_WIN
#include <unistd.h>
#endif

namespace Gavel::App {

using Models::Database;

namespace {

constexpr int kOk = 0;
constexpr int kFailed = 1;
constexpr int kUsage = 2;

void printOut(const QString &text)
{
    std::fputs(qPrintable(text), stdout);
    std::fflush(stdout);
}

void printErr(const QString &text)
{
    std::fputs(qPrintable(text + u'\n'), stderr);
}

int fail(const Models::Error &error)
{
    printErr(QStringLiteral("gavel: ") + error.message);
    if (!error.detail.isEmpty()) {
        printErr(QStringLiteral("  (") + error.detail + u')');
    }
    return kFailed;
}

int usage(const QCommandLineParser &parser, const QString &message)
{
    printErr(QStringLiteral("gavel: ") + message);
    printErr(parser.helpText());
    return kUsage;
}

bool stderrIsTerminal()
{
#ifdef Q_OS_WIN
    return false;
#else
    return isatty(STDERR_FILENO) != 0;
#endif
}

} // namespace

Models::Result<std::unique_ptr<Database>> openForCommand(const QCommandLineParser &parser)
{
    auto choice = databaseChoice(parser, defaultDatabasePath());
    if (!choice) {
        return choice.error();
    }
    Models::ConnectionSpec spec = choice->spec;
    if (spec.engine == Models::Engine::Sqlite && !QFileInfo::exists(spec.sqlitePath)) {
        return Models::Error::make(Models::ErrorKind::NotFound,
                                   QCoreApplication::translate("Commands", "There is no database at “%1”.")
                                       .arg(spec.sqlitePath));
    }
    auto database = Database::open(spec, QStringLiteral("cli"));
    if (!database && spec.engine == Models::Engine::Postgres && database.error().kind == Models::ErrorKind::Invalid) {
        spec.password = readPasswordFromTerminal(
            QCoreApplication::translate("Commands", "Password for %1: ").arg(spec.describe()));
        if (!spec.password.isEmpty()) {
            database = Database::open(spec, QStringLiteral("cli"));
        }
    }
    if (database) {
        (*database)->setActor(userName());
    }
    return database;
}

namespace {

int runDemo(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("Commands", "Writes a deterministic demo auction house into a new SQLite file."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("demo"), {}, QStringLiteral("demo"));
    parser.addOption({QStringLiteral("out"), QCoreApplication::translate("Commands", "The new database FILE."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("customers"),
                      QCoreApplication::translate("Commands", "How many customers (default 2000)."), QStringLiteral("N"),
                      QStringLiteral("2000")});
    parser.addOption({QStringLiteral("seed"),
                      QCoreApplication::translate("Commands", "The random seed; the same seed gives the same house "
                                                              "(default 1)."),
                      QStringLiteral("S"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("as-of"),
                      QCoreApplication::translate("Commands", "The demo's \"today\" (default: today)."),
                      QStringLiteral("YYYY-MM-DD")});
    parser.addOption({QStringLiteral("force"), QCoreApplication::translate("Commands", "Replace FILE if it exists.")});
    if (!parser.parse(arguments)) {
        return usage(parser, parser.errorText());
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return kOk;
    }
    if (!parser.isSet(QStringLiteral("out"))) {
        return usage(parser, QCoreApplication::translate("Commands", "demo needs --out FILE."));
    }
    bool ok = false;
    const int customers = parser.value(QStringLiteral("customers")).toInt(&ok);
    if (!ok || customers < 1 || customers > 10'000'000) {
        return usage(parser, QCoreApplication::translate("Commands", "--customers needs a number from 1 to 10,000,000."));
    }
    const quint64 seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
    if (!ok) {
        return usage(parser, QCoreApplication::translate("Commands", "--seed needs a whole number."));
    }
    auto anchor = asOfDate(parser, QStringLiteral("as-of"));
    if (!anchor) {
        return usage(parser, anchor.error().message);
    }
    DemoFileRequest request;
    request.path = QFileInfo(parser.value(QStringLiteral("out"))).absoluteFilePath();
    request.customers = customers;
    request.seed = seed;
    request.anchorDate = *anchor;
    request.actor = QStringLiteral("gavel demo");
    if (QFileInfo::exists(request.path) && !parser.isSet(QStringLiteral("force"))) {
        printErr(QCoreApplication::translate("Commands", "gavel: “%1” already exists; choose another name or add "
                                                         "--force to replace it.")
                     .arg(request.path));
        return kFailed;
    }

    const bool live = stderrIsTerminal();
    QString lastStage;
    auto result = writeDemoFile(request, [&](qint64 done, qint64 total, const QString &stage) {
        if (live) {
            const int percent = total > 0 ? static_cast<int>(done * 100 / total) : 0;
            std::fprintf(stderr, "\r%-40s %3d%%", qPrintable(stage), percent);
        } else if (stage != lastStage) {
            printErr(stage);
        }
        lastStage = stage;
        return true;
    });
    if (live) {
        std::fputs("\n", stderr);
    }
    if (!result) {
        return fail(result.error());
    }
    const QLocale locale = QLocale::c();
    printOut(QCoreApplication::translate("Commands", "Wrote %1 customers, %2 events, %3 rows in all, to %4 in %5 s "
                                                     "(%6 rows/s).\n")
                 .arg(locale.toString(result->customers), locale.toString(result->events),
                      locale.toString(result->totalRows), request.path, QString::number(result->seconds, 'f', 1),
                      locale.toString(static_cast<qint64>(result->totalRows / qMax(result->seconds, 0.001)))));
    return kOk;
}

int runExport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "Commands", "Writes everything the database holds about one customer (a subject-access export)."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("export"), {}, QStringLiteral("export"));
    parser.addOption({QStringLiteral("customer"), QCoreApplication::translate("Commands", "The customer's Customer ID."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("format"), QCoreApplication::translate("Commands", "The format: json."),
                      QStringLiteral("FORMAT"), QStringLiteral("json")});
    parser.addOption({QStringLiteral("out"),
                      QCoreApplication::translate("Commands", "Write to FILE instead of the standard output."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("as-of"),
                      QCoreApplication::translate("Commands", "Compute figures as of this date (default: today)."),
                      QStringLiteral("YYYY-MM-DD")});
    addDatabaseOptions(parser, false);
    if (!parser.parse(arguments)) {
        return usage(parser, parser.errorText());
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return kOk;
    }
    if (!parser.isSet(QStringLiteral("customer"))) {
        return usage(parser, QCoreApplication::translate("Commands", "export needs --customer ID."));
    }
    if (parser.value(QStringLiteral("format")) != u"json") {
        return usage(parser, QCoreApplication::translate("Commands", "The only export format is json."));
    }
    auto asOf = asOfDate(parser, QStringLiteral("as-of"));
    if (!asOf) {
        return usage(parser, asOf.error().message);
    }
    auto database = openForCommand(parser);
    if (!database) {
        return fail(database.error());
    }
    Models::ProfileExporter exporter(**database);
    Models::addProfileSections(exporter);
    Models::ExportOptions options;
    options.asOf = *asOf;
    const QString customerNo = parser.value(QStringLiteral("customer"));
    if (parser.isSet(QStringLiteral("out"))) {
        // QSaveFile: a failed export never leaves a truncated file behind.
        QSaveFile file(parser.value(QStringLiteral("out")));
        if (!file.open(QIODevice::WriteOnly)) {
            return fail(Models::Error::make(Models::ErrorKind::General,
                                            QCoreApplication::translate("Commands", "Cannot write “%1”: %2")
                                                .arg(file.fileName(), file.errorString())));
        }
        if (Models::Status status = exporter.exportJson(customerNo, file, options); !status) {
            file.cancelWriting();
            return fail(status.error());
        }
        if (!file.commit()) {
            return fail(Models::Error::make(Models::ErrorKind::General,
                                            QCoreApplication::translate("Commands", "Cannot write “%1”: %2")
                                                .arg(file.fileName(), file.errorString())));
        }
        return kOk;
    }
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly)) {
        return fail(Models::Error::make(Models::ErrorKind::General,
                                        QCoreApplication::translate("Commands", "Cannot write to the standard output.")));
    }
    if (Models::Status status = exporter.exportJson(customerNo, out, options); !status) {
        return fail(status.error());
    }
    return kOk;
}

const std::map<QString, std::function<int(const QStringList &)>> &commands()
{
    static const std::map<QString, std::function<int(const QStringList &)>> table = {
        {QStringLiteral("demo"), runDemo},
        {QStringLiteral("export"), runExport},
        {QStringLiteral("recommend"), runRecommend},
        {QStringLiteral("evaluate-recommendations"), runEvaluateRecommendations},
    };
    return table;
}

} // namespace

bool isCommand(const QString &word)
{
    return commands().count(word) == 1;
}

int runCommand(const QStringList &arguments)
{
    // arguments: program, command, options…
    const QString command = arguments.value(1);
    const auto found = commands().find(command);
    if (found == commands().end()) {
        printErr(QCoreApplication::translate("Commands", "gavel: unknown command “%1”.").arg(command));
        return kUsage;
    }
    return found->second(arguments);
}

QString overviewHelp()
{
    return QCoreApplication::translate(
        "Commands",
        "\nCommands (run without a window; `gavel COMMAND --help` for their options):\n"
        "  demo --out FILE [--customers N] [--seed S]   write a demo auction house\n"
        "  export --customer ID [--format json]          write everything about one customer\n"
        "  recommend --customer ID [--sale NO] [--top N] [--json]   lots of a sale ranked for a customer\n"
        "  evaluate-recommendations [--sales N]          hold out past sales, compare with baselines\n");
}

} // namespace Gavel::App
