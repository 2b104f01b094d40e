// Measures recommendations on a demo house (gavel demo --out FILE --customers N):
// - loading the house into memory (RecommendationData) and building a Recommender for a
//   sale of --lots lots (TF-IDF vectors precomputed once per sale);
// - one customer against that sale: profile + ranking of every lot + reasons for the top 50,
//   for a sample of customers (the busiest first), median / 95th percentile / worst;
// - one customer end to end through SQL (RecommendationStore::recommend, what the dialog and
//   `gavel recommend` do) against the house's next upcoming sale;
// - every customer against a sale of --batch-lots lots (the campaign batch), on --threads.
// The large sales are made of the house's most recent past lots (a demo's upcoming sales
// hold at most 250). docs/benchmarks.md records its figures.
//
//   bench_recommend --database FILE [--lots 5000] [--batch-lots 2000] [--threads 2] [--sample 200]

#include "customerprofile.h"
#include "database.h"
#include "recommendationbatch.h"
#include "recommendationdata.h"
#include "recommendationstore.h"
#include "recommender.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <cstdio>
#include <ctime>
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

// The `count` most recent lots of the house (by sale start, then lot order), as one sale.
std::vector<LotFeatures> recentLots(const RecommendationData &data, int count)
{
    std::vector<std::pair<qint64, qint64>> sales;
    for (auto it = data.sales().cbegin(); it != data.sales().cend(); ++it) {
        sales.emplace_back(it->startsAt, it->id);
    }
    std::sort(sales.begin(), sales.end(), std::greater<>());
    std::vector<LotFeatures> lots;
    for (const auto &[startsAt, id] : sales) {
        for (const LotFeatures &lot : data.saleLots(id)) {
            if (static_cast<int>(lots.size()) >= count) {
                return lots;
            }
            lots.push_back(lot);
        }
    }
    return lots;
}

double percentile(std::vector<double> values, double share)
{
    if (values.empty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    const auto at = static_cast<std::size_t>(share * static_cast<double>(values.size() - 1));
    return values[at];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption file(QStringLiteral("database"), QStringLiteral("A demo database FILE."),
                                  QStringLiteral("FILE"));
    const QCommandLineOption lotsOption(QStringLiteral("lots"), QStringLiteral("Lots in the single-customer sale."),
                                       QStringLiteral("N"), QStringLiteral("5000"));
    const QCommandLineOption batchLotsOption(QStringLiteral("batch-lots"), QStringLiteral("Lots in the batch sale."),
                                             QStringLiteral("N"), QStringLiteral("2000"));
    const QCommandLineOption threadsOption(QStringLiteral("threads"), QStringLiteral("Threads for the batch."),
                                           QStringLiteral("N"), QStringLiteral("2"));
    const QCommandLineOption sampleOption(QStringLiteral("sample"), QStringLiteral("Customers timed one by one."),
                                          QStringLiteral("N"), QStringLiteral("200"));
    parser.addOptions({file, lotsOption, batchLotsOption, threadsOption, sampleOption});
    parser.process(app);
    if (!parser.isSet(file)) {
        say(QStringLiteral("bench_recommend needs --database FILE (gavel demo --out FILE --customers N)."));
        return 2;
    }
    auto opened = Database::open(ConnectionSpec::sqlite(parser.value(file)), QStringLiteral("bench"));
    if (!opened) {
        say(opened.error().fullText());
        return 1;
    }
    Database &database = **opened;
    const qint64 now = QDateTime::currentSecsSinceEpoch();

    QElapsedTimer timer;
    timer.start();
    auto loaded = RecommendationData::load(database);
    if (!loaded) {
        say(loaded.error().fullText());
        return 1;
    }
    const RecommendationData &data = *loaded;
    say(QStringLiteral("house in memory: %1 customers, %2 lots, %3 sales in %4 s")
            .arg(data.customers().size())
            .arg(data.lots().size())
            .arg(data.sales().size())
            .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 2));

    // One customer against a large sale.
    const int lotCount = parser.value(lotsOption).toInt();
    timer.restart();
    Recommender big(recentLots(data, lotCount), data.names());
    say(QStringLiteral("recommender for a %1-lot sale (TF-IDF vectors): %2 ms")
            .arg(big.lots().size())
            .arg(timer.nsecsElapsed() / 1e6, 0, 'f', 1));
    std::vector<std::pair<std::size_t, qint64>> busiest;
    for (const qint64 customer : data.customers()) {
        busiest.emplace_back(data.facts(customer, now, true).interactions.size(), customer);
    }
    std::sort(busiest.begin(), busiest.end(), std::greater<>());
    const int sample = std::min<int>(parser.value(sampleOption).toInt(), static_cast<int>(busiest.size()));
    std::vector<double> rankAll;
    std::vector<double> withReasons;
    for (int i = 0; i < sample; ++i) {
        const qint64 customer = busiest[static_cast<std::size_t>(i)].second;
        QElapsedTimer one;
        one.start();
        CustomerProfile profile = CustomerProfile::build(data.facts(customer, now, true), data.lots(), now);
        RecommendationOptions options;
        options.top = 50;
        const auto list = big.rank(profile, options);
        withReasons.push_back(one.nsecsElapsed() / 1e6);
        one.restart();
        const auto top = big.topLots(profile, 50);
        rankAll.push_back(one.nsecsElapsed() / 1e6);
        if (list.empty() || top.empty()) {
            say(QStringLiteral("no ranking?"));
            return 1;
        }
    }
    say(QStringLiteral("one customer, %1 lots, profile + rank all + reasons for the top 50 (%2 busiest customers, "
                       "up to %3 lots in their history): median %4 ms, p95 %5 ms, worst %6 ms")
            .arg(big.lots().size())
            .arg(sample)
            .arg(busiest.empty() ? 0 : busiest.front().first)
            .arg(percentile(withReasons, 0.5), 0, 'f', 2)
            .arg(percentile(withReasons, 0.95), 0, 'f', 2)
            .arg(percentile(withReasons, 1.0), 0, 'f', 2));
    say(QStringLiteral("  scoring alone (topLots, no reasons): median %1 ms, worst %2 ms")
            .arg(percentile(rankAll, 0.5), 0, 'f', 2)
            .arg(percentile(rankAll, 1.0), 0, 'f', 2));

    // End to end through SQL, the next upcoming sale.
    RecommendationStore store(database);
    auto next = store.nextSale(now);
    if (next) {
        std::vector<double> times;
        for (int i = 0; i < std::min(sample, 50); ++i) {
            QElapsedTimer one;
            one.start();
            auto list = store.recommend(busiest[static_cast<std::size_t>(i)].second, next->id, {}, now);
            times.push_back(one.nsecsElapsed() / 1e6);
            if (!list) {
                say(list.error().fullText());
                return 1;
            }
        }
        say(QStringLiteral("end to end through SQL (RecommendationStore::recommend), sale %1 with %2 lots, %3 "
                           "busiest customers: median %4 ms, worst %5 ms")
                .arg(next->saleNo)
                .arg(next->lotCount)
                .arg(times.size())
                .arg(percentile(times, 0.5), 0, 'f', 1)
                .arg(percentile(times, 1.0), 0, 'f', 1));
    }

    // Every customer against the batch sale.
    const int threads = parser.value(threadsOption).toInt();
    Recommender batchSale(recentLots(data, parser.value(batchLotsOption).toInt()), data.names());
    timer.restart();
    const std::clock_t cpuStart = std::clock();
    const auto results = RecommendationBatch::run(data, batchSale, data.customers(), now, 10, threads);
    const double seconds = double(timer.elapsed()) / 1000.0;
    // CPU time of all threads: what the batch costs whatever else the machine is running.
    const double cpuSeconds = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
    qint64 lots = 0;
    for (const auto &result : results) {
        lots += static_cast<qint64>(result.lots.size());
    }
    say(QStringLiteral("batch: %1 customers x %2 lots, top 10 each, %3 threads: %4 s wall, %5 s CPU (%6 customers/s)")
            .arg(results.size())
            .arg(batchSale.lots().size())
            .arg(threads)
            .arg(seconds, 0, 'f', 1)
            .arg(cpuSeconds, 0, 'f', 1)
            .arg(static_cast<qint64>(double(results.size()) / std::max(seconds, 0.001))));
    say(QStringLiteral("peak RSS: %1 MiB").arg(peakRssKiB() / 1024));
    return lots > 0 ? 0 : 1;
}
