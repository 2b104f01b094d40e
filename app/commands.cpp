#include "commands.h"

#include "commandline.h"
#include "database.h"
#include "demofile.h"
#include "importer.h"
#include "importmappingstore.h"
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


int runImport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "Commands", "Imports a CSV export (or a Mailchimp audience ZIP) into the database."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("import"), {}, QStringLiteral("import"));
    parser.addPositionalArgument(QStringLiteral("FILE"), QCoreApplication::translate("Commands", "The file to import."));
    QStringList kinds;
    for (const Models::ImportKind kind : Models::allImportKinds()) {
        kinds << Models::importKindKey(kind);
    }
    parser.addOption({QStringLiteral("kind"),
                      QCoreApplication::translate("Commands", "What the file holds: %1.").arg(kinds.join(u", ")),
                      QStringLiteral("KIND")});
    parser.addOption({QStringLiteral("mapping"),
                      QCoreApplication::translate("Commands", "Use the column mapping saved under NAME."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("set"),
                      QCoreApplication::translate("Commands", "Give FIELD the VALUE on every row (e.g. sale_no=2024-05 "
                                                              "for a LiveAuctioneers catalogue); repeatable."),
                      QStringLiteral("FIELD=VALUE")});
    parser.addOption({QStringLiteral("strict"),
                      QCoreApplication::translate("Commands", "Import nothing if any row is rejected.")});
    parser.addOption({QStringLiteral("encoding"),
                      QCoreApplication::translate("Commands", "utf-8 or windows-1252 (default: detected)."),
                      QStringLiteral("E")});
    parser.addOption({QStringLiteral("delimiter"),
                      QCoreApplication::translate("Commands", "comma, semicolon or tab (default: detected)."),
                      QStringLiteral("D")});
    parser.addOption({QStringLiteral("rejects"),
                      QCoreApplication::translate("Commands", "Write the rejected rows to OUT.csv."),
                      QStringLiteral("OUT.csv")});
    addDatabaseOptions(parser, false);
    if (!parser.parse(arguments)) {
        return usage(parser, parser.errorText());
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return kOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2) {
        return usage(parser, QCoreApplication::translate("Commands", "import needs one FILE."));
    }
    const auto kind = Models::importKindFromKey(parser.value(QStringLiteral("kind")));
    if (!kind) {
        return usage(parser, QCoreApplication::translate("Commands", "import needs --kind, one of: %1.")
                                 .arg(kinds.join(u", ")));
    }
    Models::ImportOptions options;
    options.kind = *kind;
    options.filePath = positional.at(1);
    options.strict = parser.isSet(QStringLiteral("strict"));
    if (parser.isSet(QStringLiteral("encoding"))) {
        auto encoding = Models::CsvFormat::encodingFromName(parser.value(QStringLiteral("encoding")));
        if (!encoding) {
            return usage(parser, encoding.error().message);
        }
        options.encoding = *encoding;
    }
    if (parser.isSet(QStringLiteral("delimiter"))) {
        auto delimiter = Models::CsvFormat::delimiterFromName(parser.value(QStringLiteral("delimiter")));
        if (!delimiter) {
            return usage(parser, delimiter.error().message);
        }
        options.delimiter = *delimiter;
    }
    auto database = openForCommand(parser);
    if (!database) {
        return fail(database.error());
    }
    if (parser.isSet(QStringLiteral("mapping"))) {
        auto mapping = Models::ImportMappingStore(**database).load(*kind, parser.value(QStringLiteral("mapping")));
        if (!mapping) {
            return fail(mapping.error());
        }
        options.mapping = *mapping;
    }
    const QStringList fixed = parser.values(QStringLiteral("set"));
    if (!fixed.isEmpty()) {
        if (!options.mapping) {
            auto preview = Models::Importer::preview(options.filePath, options.kind, options.encoding, options.delimiter, 0);
            if (!preview) {
                return fail(preview.error());
            }
            options.mapping = Models::ImportMapping::automatic(*kind, preview->headers);
        }
        for (const QString &assignment : fixed) {
            const qsizetype equals = assignment.indexOf(u'=');
            const QString field = assignment.left(equals);
            if (equals < 1 || Models::importFieldIndex(*kind, field) < 0) {
                return usage(parser, QCoreApplication::translate("Commands", "--set needs FIELD=VALUE with a field of "
                                                                             "%1; “%2” is not one.")
                                         .arg(Models::importKindKey(*kind), assignment));
            }
            options.mapping->fixedValues.insert(field, assignment.mid(equals + 1));
        }
    }

    const bool live = stderrIsTerminal();
    QElapsedTimer clock;
    clock.start();
    qint64 lastPrinted = 0;
    auto report = Models::Importer::run(**database, options, [&](qint64 done, qint64 total, const QString &stage) {
        const qint64 ms = clock.elapsed();
        if (ms - lastPrinted < 1000) {
            return true;
        }
        lastPrinted = ms;
        const qint64 rate = ms > 0 ? done * 1000 / ms : 0;
        const QString text = QCoreApplication::translate("Commands", "%1: %2 of about %3 rows, %4 rows/s")
                                 .arg(stage, QLocale().toString(done), QLocale().toString(total),
                                      QLocale().toString(rate));
        if (live) {
            std::fprintf(stderr, "\r%-78s", qPrintable(text));
        } else {
            printErr(text);
        }
        return true;
    });
    if (live && lastPrinted > 0) {
        std::fputs("\n", stderr);
    }
    if (!report) {
        return fail(report.error());
    }
    printErr(report->summary());
    printErr(QCoreApplication::translate("Commands", "%1 s, %2 rows/s.")
                 .arg(QString::number(report->seconds, 'f', 2),
                      QLocale().toString(static_cast<qint64>(report->rowsPerSecond()))));
    if (report->rejected > 0) {
        const int shown = static_cast<int>(std::min<qsizetype>(report->rejects.size(), 10));
        for (int i = 0; i < shown; ++i) {
            const Models::RejectedRow &row = report->rejects.at(i);
            printErr(QCoreApplication::translate("Commands", "  line %1, %2: %3")
                         .arg(row.line)
                         .arg(row.column.isEmpty() ? QStringLiteral("-") : row.column, row.reason));
        }
        if (report->rejected > shown) {
            printErr(QCoreApplication::translate("Commands", "  … and %1 more.").arg(report->rejected - shown));
        }
    }
    if (parser.isSet(QStringLiteral("rejects"))) {
        QSaveFile file(parser.value(QStringLiteral("rejects")));
        if (!file.open(QIODevice::WriteOnly)) {
            return fail(Models::Error::make(Models::ErrorKind::General,
                                            QCoreApplication::translate("Commands", "Cannot write “%1”: %2")
                                                .arg(file.fileName(), file.errorString())));
        }
        if (Models::Status status = report->writeRejects(file); !status) {
            file.cancelWriting();
            return fail(status.error());
        }
        if (!file.commit()) {
            return fail(Models::Error::make(Models::ErrorKind::General,
                                            QCoreApplication::translate("Commands", "Cannot write “%1”: %2")
                                                .arg(file.fileName(), file.errorString())));
        }
    }
    if (report->outcome == Models::ImportReport::Outcome::RolledBack) {
        return kFailed;
    }
    return report->rejected > 0 ? kFailed : kOk;
}

const std::map<QString, std::function<int(const QStringList &)>> &commands()
{
    static const std::map<QString, std::function<int(const QStringList &)>> table = {
        {QStringLiteral("demo"), runDemo},
        {QStringLiteral("export"), runExport},
        {QStringLiteral("import"), runImport},
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
        "  import --kind KIND FILE [--strict] [--rejects OUT.csv]   import a CSV export\n"
        "  recommend --customer ID [--sale NO] [--top N] [--json]   lots of a sale ranked for a customer\n"
        "  evaluate-recommendations [--sales N]          hold out past sales, compare with baselines\n");
}

} // namespace Gavel::App
