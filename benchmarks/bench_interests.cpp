// Measures what opening a profile's Interests tab costs on a real-sized house: for the most
// active customers of a demo database (the most timeline events), InterestModel::compute,
// deriving the suggested tags (CustomerTagStore::derive) and "Interest in categories", as the
// panel's load does; and BubbleLayout packing 24 bubbles. docs/benchmarks.md records its figures.
//
//   bench_interests --database FILE [--customers K] [--as-of YYYY-MM-DD]
//   (FILE from `gavel demo --out FILE --customers N` or bench_demo)

#include "charts/bubblelayout.h"
#include "customertagstore.h"
#include "database.h"
#include "interestmodel.h"
#include "sql.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Gavel;
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

QString summary(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    const auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * ms.size()))]; };
    return QStringLiteral("median %1 ms, p95 %2 ms, max %3 ms")
        .arg(at(0.5), 0, 'f', 2)
        .arg(at(0.95), 0, 'f', 2)
        .arg(ms.back(), 0, 'f', 2);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("database"), QStringLiteral("A Gavel SQLite file (a demo house)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("customers"), QStringLiteral("How many of the most active customers (200)."),
                      QStringLiteral("K"), QStringLiteral("200")});
    parser.addOption({QStringLiteral("as-of"), QStringLiteral("The day figures are reckoned as of (today)."),
                      QStringLiteral("YYYY-MM-DD")});
    parser.process(app);
    if (!parser.isSet(QStringLiteral("database"))) {
        parser.showHelp(2);
    }
    auto database = Database::open(ConnectionSpec::sqlite(parser.value(QStringLiteral("database"))), QStringLiteral("bench"));
    if (!database) {
        say(database.error().fullText());
        return 1;
    }
    Database &db = **database;
    const QDate asOf = QDate::fromString(parser.value(QStringLiteral("as-of")), Qt::ISODate);
    const int k = parser.value(QStringLiteral("customers")).toInt();

    auto top = Sql::exec(db.connection(),
                         QStringLiteral("SELECT customer_id, count(*) FROM events GROUP BY customer_id"
                                        " ORDER BY count(*) DESC, customer_id LIMIT ?"),
                         {k}, QStringLiteral("finding the most active customers"));
    if (!top) {
        say(top.error().fullText());
        return 1;
    }
    std::vector<qint64> customers;
    qint64 events = 0;
    while (top->next()) {
        customers.push_back(top->value(0).toLongLong());
        events += top->value(1).toLongLong();
    }
    top->finish();
    if (customers.empty()) {
        say(QStringLiteral("No customer with events in this database."));
        return 1;
    }
    say(QStringLiteral("%1 customers, %2 events each on average").arg(customers.size()).arg(events / qint64(customers.size())));

    std::vector<double> computeMs, deriveMs, recentMs, totalMs;
    int departments = 0;
    int tags = 0;
    for (const qint64 customer : customers) {
        QElapsedTimer timer;
        timer.start();
        auto interests = InterestModel::compute(db, customer, asOf);
        const double computed = timer.nsecsElapsed() / 1e6;
        if (!interests) {
            say(interests.error().fullText());
            return 1;
        }
        auto derived = CustomerTagStore(db).derive(customer, interests->tags);
        const double afterDerive = timer.nsecsElapsed() / 1e6;
        if (!derived) {
            say(derived.error().fullText());
            return 1;
        }
        auto recent = InterestModel::recentCategories(db, customer, asOf, InterestModel::kDefaultRecentDays);
        const double afterRecent = timer.nsecsElapsed() / 1e6;
        if (!recent) {
            say(recent.error().fullText());
            return 1;
        }
        computeMs.push_back(computed);
        deriveMs.push_back(afterDerive - computed);
        recentMs.push_back(afterRecent - afterDerive);
        totalMs.push_back(afterRecent);
        departments += static_cast<int>(interests->departments.size());
        tags += static_cast<int>(interests->tags.size());
    }
    say(QStringLiteral("departments per customer %1, tags per customer %2")
            .arg(double(departments) / customers.size(), 0, 'f', 1)
            .arg(double(tags) / customers.size(), 0, 'f', 1));
    say(QStringLiteral("InterestModel::compute: ") + summary(computeMs));
    say(QStringLiteral("CustomerTagStore::derive: ") + summary(deriveMs));
    say(QStringLiteral("recentCategories: ") + summary(recentMs));
    say(QStringLiteral("the panel's whole load: ") + summary(totalMs));

    // The bubble layout, 24 bubbles, fixed-width text (the widget measures with its font).
    Ui::TextMeasure measure;
    measure.width = [](const QString &text) { return 7.0 * text.size(); };
    measure.elide = [](const QString &text, qreal width) {
        const qsizetype keep = std::max<qsizetype>(0, static_cast<qsizetype>(width / 7.0) - 1);
        return keep > 0 ? text.left(keep) + QStringLiteral("…") : QString();
    };
    measure.lineHeight = 16;
    QList<Ui::BubbleInput> inputs;
    for (int i = 0; i < 24; ++i) {
        inputs << Ui::BubbleInput{40.0 / (1 + i), QStringLiteral("Category %1").arg(i), QStringLiteral("%1 %").arg(i)};
    }
    std::vector<double> layoutMs;
    for (int run = 0; run < 50; ++run) {
        QElapsedTimer timer;
        timer.start();
        const auto placed = Ui::BubbleLayout::layout(inputs, QRectF(0, 0, 760, 330), measure);
        layoutMs.push_back(timer.nsecsElapsed() / 1e6);
        if (placed.size() != 24) {
            say(QStringLiteral("layout lost bubbles"));
            return 1;
        }
    }
    say(QStringLiteral("BubbleLayout, 24 bubbles: ") + summary(layoutMs));
    say(QStringLiteral("peak RSS %1 MiB").arg(peakRssKiB() / 1024));
    return 0;
}
