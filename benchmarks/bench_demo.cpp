// Measures the demo generator: rows per second per table and overall, file size and peak
// memory. docs/benchmarks.md records its figures.
//
//   bench_demo --out FILE --customers N [--seed S] [--anchor YYYY-MM-DD] [--catalogue CSV]
//   bench_demo --postgres CONNINFO --customers N [...]   (an empty database on that server)

#include "database.h"
#include "demogenerator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

#include <cstdio>

using namespace Gavel::Models;

namespace {

/// Peak resident memory of this process, from /proc (Linux); -1 elsewhere.
qint64 peakRssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly | QIODevice::Text)) {
        return -1;
    }
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmHWM:")) {
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
        }
    }
    return -1;
}

QString grouped(qint64 value)
{
    QString digits = QString::number(value);
    for (qsizetype at = digits.size() - 3; at > 0; at -= 3) {
        digits.insert(at, u',');
    }
    return digits;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Generates the demo auction house and prints how fast."));
    parser.addHelpOption();
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("SQLite file to create (must not exist)."),
                                 QStringLiteral("file"));
    const QCommandLineOption postgres(
        QStringLiteral("postgres"), QStringLiteral("libpq conninfo of an empty database."), QStringLiteral("conninfo"));
    const QCommandLineOption customers(QStringLiteral("customers"), QStringLiteral("Number of customers."),
                                       QStringLiteral("n"), QStringLiteral("2000"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Seed."), QStringLiteral("s"),
                                  QStringLiteral("1"));
    const QCommandLineOption anchor(QStringLiteral("anchor"), QStringLiteral("The house's today."),
                                    QStringLiteral("date"), QStringLiteral("2025-06-30"));
    const QCommandLineOption catalogue(QStringLiteral("catalogue"), QStringLiteral("The Tate artworks.csv."),
                                       QStringLiteral("csv"), QStringLiteral(GAVEL_DEMO_CATALOGUE));
    parser.addOptions({out, postgres, customers, seed, anchor, catalogue});
    parser.process(app);

    QTextStream err(stderr);
    ConnectionSpec spec;
    if (parser.isSet(postgres)) {
        auto parsed = ConnectionSpec::fromConninfo(parser.value(postgres));
        if (!parsed) {
            err << parsed.error().fullText() << Qt::endl;
            return 2;
        }
        spec = *parsed;
    } else if (parser.isSet(out)) {
        if (QFileInfo::exists(parser.value(out))) {
            err << "bench_demo: " << parser.value(out) << " exists; remove it first." << Qt::endl;
            return 2;
        }
        spec = ConnectionSpec::sqlite(parser.value(out));
    } else {
        parser.showHelp(2);
    }

    auto database = Database::open(spec, QStringLiteral("bench"));
    if (!database) {
        err << database.error().fullText() << Qt::endl;
        return 1;
    }
    DemoOptions options;
    options.customers = parser.value(customers).toInt();
    options.seed = parser.value(seed).toULongLong();
    options.anchorDate = QDate::fromString(parser.value(anchor), Qt::ISODate);
    options.cataloguePath = parser.value(catalogue);
    DemoGenerator generator(**database, options);

    QElapsedTimer timer;
    timer.start();
    qint64 lastPrint = -10000;
    QString lastStage;
    const Status status = generator.generate([&](qint64 done, qint64 total, const QString &stage) {
        if (stage != lastStage || timer.elapsed() - lastPrint > 5000) {
            err << QStringLiteral("[%1 s] %2 (%3%)")
                       .arg(timer.elapsed() / 1000.0, 0, 'f', 1)
                       .arg(stage)
                       .arg(100.0 * static_cast<double>(done) / static_cast<double>(std::max<qint64>(1, total)), 0, 'f',
                            1)
                << Qt::endl;
            lastPrint = timer.elapsed();
            lastStage = stage;
        }
        return true;
    });
    if (!status) {
        err << status.error().fullText() << Qt::endl;
        return 1;
    }
    const DemoStats stats = generator.stats();
    database->reset();

    QTextStream outStream(stdout);
    outStream << "engine: " << (spec.engine == Engine::Sqlite ? "SQLite" : "PostgreSQL")
              << ", customers: " << grouped(stats.customers) << ", seed: " << options.seed
              << ", anchor: " << options.anchorDate.toString(Qt::ISODate) << Qt::endl;
    outStream << QStringLiteral("%1 %2 %3 %4")
                     .arg(QStringLiteral("table"), -22)
                     .arg(QStringLiteral("rows"), 13)
                     .arg(QStringLiteral("write s"), 9)
                     .arg(QStringLiteral("rows/s"), 11)
              << Qt::endl;
    for (const DemoTableStats &table : stats.tables) {
        const double rate = table.writeSeconds > 0 ? static_cast<double>(table.rows) / table.writeSeconds : 0;
        outStream << QStringLiteral("%1 %2 %3 %4")
                         .arg(table.table, -22)
                         .arg(grouped(table.rows), 13)
                         .arg(table.writeSeconds, 9, 'f', 2)
                         .arg(grouped(static_cast<qint64>(rate)), 11)
                  << Qt::endl;
    }
    outStream << "sales " << grouped(stats.sales) << ", lots " << grouped(stats.lots) << ", bids "
              << grouped(stats.bids) << ", invoices " << grouped(stats.invoices) << ", events " << grouped(stats.events)
              << Qt::endl;
    outStream << "total rows: " << grouped(stats.totalRows) << Qt::endl;
    outStream << QStringLiteral("seconds: %1").arg(stats.seconds, 0, 'f', 1) << Qt::endl;
    outStream << "rows/s overall: "
              << grouped(static_cast<qint64>(static_cast<double>(stats.totalRows) / stats.seconds)) << Qt::endl;
    if (spec.engine == Engine::Sqlite) {
        const qint64 size =
            QFileInfo(spec.sqlitePath).size() + QFileInfo(spec.sqlitePath + QStringLiteral("-wal")).size();
        outStream << "file size: " << grouped(size / (1024 * 1024)) << " MiB" << Qt::endl;
    }
    outStream << "peak RSS: " << grouped(peakRssKiB() / 1024) << " MiB" << Qt::endl;
    return 0;
}
