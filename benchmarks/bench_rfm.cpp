// Measures the RFM recalculation and the segment recalculation over a large house: builds
// (or reuses) a database of N customers with invoices, then times Rfm::recompute alone and
// SegmentStore::recompute (RFM + every segment), each a few times. docs/benchmarks.md
// records its figures.
//
//   bench_rfm --database FILE [--customers N] [--runs R]
//   bench_rfm --postgres CONNINFO [--customers N] [--runs R]   (an empty database, or one it filled)

#include "asof.h"
#include "bulkinserter.h"
#include "database.h"
#include "rfm.h"
#include "seededrandom.h"
#include "segmentstore.h"
#include "settingsstore.h"
#include "sql.h"
#include "transaction.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QTimeZone>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Gavel::Models;

namespace {

void say(const QString &text)
{
    std::fprintf(stdout, "%s\n", qPrintable(text));
    std::fflush(stdout);
}

qint64 peakRssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly | QIODevice::Text)) {
        return -1;
    }
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:")) {
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
        }
    }
    return -1;
}

/// Writes `customers` customers; about 60 % have 1–12 invoices spread over six years, with
/// totals from £50 to £500,000 on a long tail, as an auction house's buyers do.
Status fill(Database &database, qint64 customers, qint64 now)
{
    const QSqlDatabase db = database.connection();
    const Engine engine = database.dialect().engine();
    Transaction transaction(db);
    if (Status begun = transaction.status(); !begun) {
        return begun;
    }
    const QStringList customerColumns = {QStringLiteral("id"),         QStringLiteral("uuid"),
                                         QStringLiteral("customer_no"), QStringLiteral("last_name"),
                                         QStringLiteral("sort_name"),   QStringLiteral("registered_at"),
                                         QStringLiteral("created_at"),  QStringLiteral("updated_at"),
                                         QStringLiteral("updated_by")};
    const QStringList invoiceColumns = {QStringLiteral("id"),          QStringLiteral("invoice_no"),
                                        QStringLiteral("customer_id"), QStringLiteral("issued_at"),
                                        QStringLiteral("status"),      QStringLiteral("currency"),
                                        QStringLiteral("hammer_minor"), QStringLiteral("total_minor"),
                                        QStringLiteral("updated_at"),  QStringLiteral("updated_by")};
    BulkInserter customerRows(db, engine, QStringLiteral("customers"), customerColumns);
    BulkInserter invoiceRows(db, engine, QStringLiteral("invoices"), invoiceColumns);
    SeededRandom random(20261123);
    const QString actor = QStringLiteral("bench_rfm");
    constexpr qint64 kSixYears = 6 * 365 * 86400LL;
    qint64 invoiceId = 0;
    for (qint64 id = 1; id <= customers; ++id) {
        const QString number = QStringLiteral("B-%1").arg(id, 7, 10, QLatin1Char('0'));
        customerRows << id << QUuid::createUuid().toString(QUuid::WithoutBraces) << number << number
                     << number.toLower() << now - random.between(0, kSixYears) << now << now << actor;
        if (Status written = customerRows.endRow(); !written) {
            return written;
        }
    }
    if (Status written = customerRows.finish(); !written) {
        return written;
    }
    for (qint64 id = 1; id <= customers; ++id) {
        if (!random.chance(600)) {
            continue;
        }
        const int invoices = 1 + static_cast<int>(random.below(4)) * static_cast<int>(random.below(4));
        for (int i = 0; i < invoices; ++i) {
            // A long tail: most invoices a few hundred pounds, a few six figures.
            const double tail = random.unit();
            const qint64 hammer = 5'000 + static_cast<qint64>(tail * tail * tail * tail * 50'000'000.0);
            ++invoiceId;
            invoiceRows << invoiceId << QStringLiteral("BI-%1").arg(invoiceId) << id
                        << now - random.between(0, kSixYears) << QStringLiteral("paid") << QStringLiteral("GBP")
                        << hammer << hammer + hammer / 4 << now << actor;
            if (Status written = invoiceRows.endRow(); !written) {
                return written;
            }
        }
    }
    if (Status written = invoiceRows.finish(); !written) {
        return written;
    }
    return transaction.commit();
}

struct Timing
{
    double best = 0;
    double median = 0;
};

Timing summarise(std::vector<double> seconds)
{
    std::sort(seconds.begin(), seconds.end());
    return {seconds.front(), seconds[seconds.size() / 2]};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Times the RFM and segment recalculation."));
    parser.addHelpOption();
    const QCommandLineOption file(QStringLiteral("database"), QStringLiteral("SQLite file (created and filled if new)."),
                                  QStringLiteral("file"));
    const QCommandLineOption postgres(QStringLiteral("postgres"), QStringLiteral("libpq conninfo."),
                                      QStringLiteral("conninfo"));
    const QCommandLineOption customersOption(QStringLiteral("customers"),
                                             QStringLiteral("Customers to create (default 1000000)."),
                                             QStringLiteral("n"), QStringLiteral("1000000"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Timed runs (default 3)."),
                                        QStringLiteral("n"), QStringLiteral("3"));
    parser.addOptions({file, postgres, customersOption, runsOption});
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
        spec = ConnectionSpec::sqlite(parser.value(file));
    } else {
        parser.showHelp(2);
    }
    auto opened = Database::open(spec, QStringLiteral("bench"));
    if (!opened) {
        say(opened.error().message + u' ' + opened.error().detail);
        return 1;
    }
    Database &database = **opened;
    const qint64 wanted = parser.value(customersOption).toLongLong();
    const int runs = std::max(1, parser.value(runsOption).toInt());
    const QDate asOfDay(2026, 11, 23);
    const qint64 now = QDateTime(asOfDay, QTime(12, 0), QTimeZone::utc()).toSecsSinceEpoch();

    auto existing = Sql::scalar(database.connection(), QStringLiteral("SELECT count(*) FROM customers"), {},
                                QStringLiteral("counting customers"));
    if (!existing) {
        say(existing.error().message);
        return 1;
    }
    if (existing->toLongLong() == 0) {
        say(QStringLiteral("Filling %1 customers…").arg(wanted));
        QElapsedTimer timer;
        timer.start();
        if (Status filled = fill(database, wanted, now); !filled) {
            say(filled.error().message + u' ' + filled.error().detail);
            return 1;
        }
        say(QStringLiteral("filled in %1 s").arg(timer.elapsed() / 1000.0, 0, 'f', 1));
    }
    auto customers = Sql::scalar(database.connection(), QStringLiteral("SELECT count(*) FROM customers"), {}, {});
    auto invoices = Sql::scalar(database.connection(), QStringLiteral("SELECT count(*) FROM invoices"), {}, {});
    if (!customers || !invoices) {
        say(QStringLiteral("Cannot count the rows."));
        return 1;
    }
    say(QStringLiteral("engine: %1, customers: %2, invoices: %3")
            .arg(database.dialect().isPostgres() ? QStringLiteral("PostgreSQL") : QStringLiteral("SQLite"))
            .arg(customers->toLongLong())
            .arg(invoices->toLongLong()));

    const AsOf asOf{asOfDay};
    std::vector<double> rfmSeconds;
    std::vector<double> segmentSeconds;
    qint64 scored = 0;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        {
            Transaction transaction(database.connection());
            auto result = Rfm(database).recompute(asOf, QStringLiteral("GBP"));
            if (!result) {
                say(result.error().message + u' ' + result.error().detail);
                return 1;
            }
            scored = *result;
            if (Status committed = transaction.commit(); !committed) {
                say(committed.error().message);
                return 1;
            }
        }
        rfmSeconds.push_back(timer.nsecsElapsed() / 1e9);

        timer.restart();
        auto summary = SegmentStore(database).recompute(asOf);
        if (!summary) {
            say(summary.error().message + u' ' + summary.error().detail);
            return 1;
        }
        segmentSeconds.push_back(timer.nsecsElapsed() / 1e9);
        say(QStringLiteral("run %1: RFM %2 s, RFM + %3 segments (%4 memberships) %5 s")
                .arg(run + 1)
                .arg(rfmSeconds.back(), 0, 'f', 2)
                .arg(summary->segments)
                .arg(summary->memberships)
                .arg(segmentSeconds.back(), 0, 'f', 2));
    }
    const Timing rfm = summarise(rfmSeconds);
    const Timing segments = summarise(segmentSeconds);
    say(QStringLiteral("customers scored: %1").arg(scored));
    say(QStringLiteral("RFM recompute: median %1 s, best %2 s").arg(rfm.median, 0, 'f', 2).arg(rfm.best, 0, 'f', 2));
    say(QStringLiteral("RFM + segments: median %1 s, best %2 s")
            .arg(segments.median, 0, 'f', 2)
            .arg(segments.best, 0, 'f', 2));
    say(QStringLiteral("peak RSS: %1 MiB").arg(peakRssKiB() / 1024));
    return 0;
}
