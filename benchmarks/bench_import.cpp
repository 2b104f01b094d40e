// Measures the import (models/importer.h) against the engines' own bulk loaders: writes a
// customers file, a lots file and a bids file, imports them into an empty Gavel database and
// times each, then times `sqlite3 .import` (or `psql \copy`) of the same bids CSV into a table
// shaped like the file. Gavel's figure includes parsing, validation, resolving the sale/lot
// and customer keys, the bids, their timeline events, and the duplicate check; the baseline
// only parses and stores text. docs/benchmarks.md records its figures.
//
//   bench_import --database FILE [--bids N] [--lots L] [--customers C]   (FILE is replaced)
//   bench_import --postgres CONNINFO [--bids N] …                        (an empty database)

#include "database.h"
#include "importer.h"
#include "sql.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>
#include <random>

#include <sys/resource.h>

using namespace Gavel::Models;

namespace {

void say(const QString &text)
{
    std::fprintf(stdout, "%s\n", qPrintable(text));
    std::fflush(stdout);
}

bool writeFiles(const QString &dir, qint64 bids, int lots, int customers)
{
    std::mt19937_64 random(42);
    QFile customerFile(dir + QStringLiteral("/customers.csv"));
    QFile lotFile(dir + QStringLiteral("/lots.csv"));
    QFile bidFile(dir + QStringLiteral("/bids.csv"));
    if (!customerFile.open(QIODevice::WriteOnly) || !lotFile.open(QIODevice::WriteOnly) ||
        !bidFile.open(QIODevice::WriteOnly)) {
        return false;
    }
    QByteArray out = "Customer ID,Email,First Name,Last Name\n";
    for (int c = 1; c <= customers; ++c) {
        out += "C-" + QByteArray::number(c) + ",buyer" + QByteArray::number(c) + "@example.com,Anna,Buyer" +
               QByteArray::number(c) + '\n';
    }
    customerFile.write(out);
    out = "Auction Number,Auction Date,Lot Number,Title,Low Estimate,High Estimate\n";
    for (int l = 1; l <= lots; ++l) {
        const int sale = (l - 1) / 200 + 1;
        out += "S-" + QByteArray::number(sale) + ",2024-0" + QByteArray::number(sale % 9 + 1) + "-15," +
               QByteArray::number(l) + ",\"Lot " + QByteArray::number(l) + ", oil on canvas\",1000,1500\n";
    }
    lotFile.write(out);
    out = "Auction Number,Lot Number,Customer Email or ID,Bid or Sold Price,Bid Date\n";
    for (qint64 b = 0; b < bids; ++b) {
        const int l = static_cast<int>(random() % lots) + 1;
        const int c = static_cast<int>(random() % customers) + 1;
        const int sale = (l - 1) / 200 + 1;
        const qint64 seconds = static_cast<qint64>(random() % 86400);
        char line[160];
        std::snprintf(line, sizeof line, "S-%d,%d,C-%d,%d,2024-0%d-15 %02lld:%02lld:%02lld\n", sale, l, c,
                      100 + static_cast<int>(random() % 50000), sale % 9 + 1, seconds / 3600, seconds / 60 % 60,
                      seconds % 60);
        out += line;
        if (out.size() > (1 << 22)) {
            bidFile.write(out);
            out.clear();
        }
    }
    bidFile.write(out);
    return true;
}

/// CPU seconds (user + system) of this process, or of its finished children: the machine
/// is shared, so wall time alone says more about the neighbours than about the import.
double cpuSeconds(int who)
{
    rusage usage{};
    getrusage(who, &usage);
    return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

Result<ImportReport> timedImport(Database &db, ImportKind kind, const QString &path)
{
    ImportOptions options;
    options.kind = kind;
    options.filePath = path;
    const double cpuBefore = cpuSeconds(RUSAGE_SELF);
    auto report = Importer::run(db, options);
    const double cpu = cpuSeconds(RUSAGE_SELF) - cpuBefore;
    if (report) {
        say(QStringLiteral("gavel import %1: %2 rows, wall %3 s = %4 rows/s, CPU %5 s = %6 rows/CPU-s (%7 new, %8 "
                           "rejected)")
                .arg(importKindKey(kind))
                .arg(report->rowsRead)
                .arg(report->seconds, 0, 'f', 2)
                .arg(static_cast<qint64>(report->rowsPerSecond()))
                .arg(cpu, 0, 'f', 2)
                .arg(static_cast<qint64>(report->rowsRead / std::max(cpu, 0.001)))
                .arg(report->created)
                .arg(report->rejected));
    }
    return report;
}

double runTool(const QString &program, const QStringList &arguments, const QByteArray &input, double &cpu)
{
    const double cpuBefore = cpuSeconds(RUSAGE_CHILDREN);
    QProcess process;
    QElapsedTimer clock;
    clock.start();
    process.start(program, arguments);
    if (!input.isEmpty()) {
        process.write(input);
    }
    process.closeWriteChannel();
    process.waitForFinished(-1);
    const double seconds = clock.nsecsElapsed() / 1e9;
    cpu = cpuSeconds(RUSAGE_CHILDREN) - cpuBefore;
    if (process.exitCode() != 0) {
        say(QStringLiteral("%1 failed (exit %2): %3 %4")
                .arg(program)
                .arg(process.exitCode())
                .arg(QString::fromLocal8Bit(process.readAllStandardError()),
                     QString::fromLocal8Bit(process.readAllStandardOutput())));
        return -1;
    }
    return seconds;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption file(QStringLiteral("database"), QStringLiteral("SQLite FILE (replaced)."),
                                  QStringLiteral("FILE"));
    const QCommandLineOption postgres(
        QStringLiteral("postgres"), QStringLiteral("libpq conninfo of an empty database."), QStringLiteral("CONNINFO"));
    const QCommandLineOption bidsOption(QStringLiteral("bids"), QStringLiteral("Bids (default 1000000)."),
                                        QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption lotsOption(QStringLiteral("lots"), QStringLiteral("Lots (default 4000)."),
                                        QStringLiteral("L"), QStringLiteral("4000"));
    const QCommandLineOption customersOption(QStringLiteral("customers"), QStringLiteral("Customers (default 20000)."),
                                             QStringLiteral("C"), QStringLiteral("20000"));
    parser.addOptions({file, postgres, bidsOption, lotsOption, customersOption});
    parser.addHelpOption();
    parser.process(app);

    ConnectionSpec spec;
    if (parser.isSet(postgres)) {
        auto parsed = ConnectionSpec::fromConninfo(parser.value(postgres));
        if (!parsed) {
            say(parsed.error().message);
            return 1;
        }
        spec = *parsed;
    } else if (parser.isSet(file)) {
        QFile::remove(parser.value(file));
        QFile::remove(parser.value(file) + QStringLiteral("-wal"));
        QFile::remove(parser.value(file) + QStringLiteral("-shm"));
        spec = ConnectionSpec::sqlite(parser.value(file));
    } else {
        parser.showHelp(2);
    }
    const qint64 bids = parser.value(bidsOption).toLongLong();
    const int lots = parser.value(lotsOption).toInt();
    const int customers = parser.value(customersOption).toInt();

    QTemporaryDir dir;
    if (!writeFiles(dir.path(), bids, lots, customers)) {
        say(QStringLiteral("cannot write the CSV files"));
        return 1;
    }
    const QString bidsPath = dir.filePath(QStringLiteral("bids.csv"));
    say(QStringLiteral("bids.csv: %1 rows, %2 MiB").arg(bids).arg(QFileInfo(bidsPath).size() / 1048576.0, 0, 'f', 1));

    auto database = Database::open(spec, QStringLiteral("bench"));
    if (!database) {
        say(database.error().fullText());
        return 1;
    }
    (*database)->setActor(QStringLiteral("bench_import"));
    for (auto [kind, name] : {std::pair{ImportKind::Customers, "customers.csv"},
                              std::pair{ImportKind::Lots, "lots.csv"}, std::pair{ImportKind::Bids, "bids.csv"}}) {
        auto report = timedImport(**database, kind, dir.filePath(QString::fromLatin1(name)));
        if (!report) {
            say(report.error().fullText());
            return 1;
        }
    }
    // The same file again: every row checked, nothing new written.
    auto again = timedImport(**database, ImportKind::Bids, bidsPath);
    if (!again) {
        say(again.error().fullText());
        return 1;
    }

    // The engine's own loader, the same CSV into a table of the file's shape.
    const QString create = QStringLiteral("CREATE TABLE bids_csv (sale_no TEXT, lot_no TEXT, customer TEXT,"
                                          " amount TEXT, placed_at TEXT)");
    double baseline = -1;
    double baselineCpu = 0;
    QString tool;
    if (spec.engine == Engine::Sqlite) {
        database->reset();
        tool = QStringLiteral("sqlite3 .import");
        const QByteArray script = (QStringLiteral("PRAGMA journal_mode=WAL;\n") + create +
                                   QStringLiteral(";\n.import --csv --skip 1 ") + bidsPath + QStringLiteral(" bids_csv\n"))
                                      .toUtf8();
        baseline = runTool(QStringLiteral("sqlite3"), {spec.sqlitePath}, script, baselineCpu);
    } else {
        auto created = Sql::exec((*database)->connection(), create, {}, QStringLiteral("bench"));
        if (!created) {
            say(created.error().fullText());
            return 1;
        }
        database->reset();
        tool = QStringLiteral("psql \\copy");
        baseline = runTool(QStringLiteral("psql"),
                           {parser.value(postgres), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                            QStringLiteral("-c"),
                            QStringLiteral("\\copy bids_csv FROM '%1' WITH (FORMAT csv, HEADER true)").arg(bidsPath)},
                           {}, baselineCpu);
    }
    if (baseline > 0) {
        // psql's CPU is the client's only: the server's share is in neither figure.
        say(QStringLiteral("%1: %2 rows, wall %3 s = %4 rows/s, CPU %5 s = %6 rows/CPU-s")
                .arg(tool)
                .arg(bids)
                .arg(baseline, 0, 'f', 2)
                .arg(static_cast<qint64>(bids / baseline))
                .arg(baselineCpu, 0, 'f', 2)
                .arg(static_cast<qint64>(bids / std::max(baselineCpu, 0.001))));
    }
    return 0;
}
