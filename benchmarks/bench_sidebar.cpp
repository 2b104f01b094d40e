// Measures what showing a profile's sidebar costs: reading the customer, checking its
// contacts (libphonenumber, the e-mail validator) on the GUI thread, and SidebarData::load
// (attributes, Top Departments, subscriptions) on the loader's thread; and how fast
// ContactValidationStore::revalidate checks every customer (rolled back). docs/benchmarks.md
// records its figures.
//
//   bench_sidebar --database FILE [--samples N]

#include "contactvalidation.h"
#include "contactvalidationstore.h"
#include "customerstore.h"
#include "database.h"
#include "sidebardata.h"
#include "sql.h"
#include "transaction.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>

using namespace Gavel::Models;

namespace {

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[std::min(values.size() - 1, size_t(p * double(values.size())))];
}

void report(const char *what, const std::vector<double> &ms)
{
    std::printf("%-44s median %7.3f ms   p95 %7.3f ms   max %7.3f ms\n", what, percentile(ms, 0.5),
                percentile(ms, 0.95), percentile(ms, 1.0));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Times the profile sidebar's reads and contact checks."));
    parser.addHelpOption();
    const QCommandLineOption file(QStringLiteral("database"), QStringLiteral("A Gavel SQLite file (a demo)."),
                                  QStringLiteral("file"));
    const QCommandLineOption samples(QStringLiteral("samples"), QStringLiteral("Customers to show (default 500)."),
                                     QStringLiteral("n"), QStringLiteral("500"));
    parser.addOption(file);
    parser.addOption(samples);
    parser.process(app);
    if (!parser.isSet(file)) {
        std::fprintf(stderr, "bench_sidebar: --database FILE is required\n");
        return 2;
    }
    auto database = Database::open(ConnectionSpec::sqlite(parser.value(file)), QStringLiteral("bench"));
    if (!database) {
        std::fprintf(stderr, "bench_sidebar: %s\n", qPrintable(database.error().fullText()));
        return 1;
    }
    Database &db = **database;
    auto ids = Sql::exec(db.connection(), QStringLiteral("SELECT id FROM customers ORDER BY id"), {},
                         QStringLiteral("listing customers"));
    if (!ids) {
        std::fprintf(stderr, "bench_sidebar: %s\n", qPrintable(ids.error().fullText()));
        return 1;
    }
    std::vector<qint64> all;
    while (ids->next()) {
        all.push_back(ids->value(0).toLongLong());
    }
    ids->finish();
    if (all.empty()) {
        std::fprintf(stderr, "bench_sidebar: no customers\n");
        return 1;
    }

    QRandomGenerator random(42);
    const int n = parser.value(samples).toInt();
    std::vector<double> readMs, checkMs, loadMs;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < n; ++i) {
        const qint64 id = all[random.bounded(quint32(all.size()))];
        QElapsedTimer timer;
        timer.start();
        auto customer = CustomerStore(db).byId(id);
        readMs.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (!customer) {
            std::fprintf(stderr, "bench_sidebar: %s\n", qPrintable(customer.error().fullText()));
            return 1;
        }
        timer.restart();
        const ContactValidation checked = validateContacts(*customer);
        checkMs.push_back(double(timer.nsecsElapsed()) / 1e6);
        Q_UNUSED(checked)
        timer.restart();
        auto data = SidebarData::load(db, id, now);
        loadMs.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (!data) {
            std::fprintf(stderr, "bench_sidebar: %s\n", qPrintable(data.error().fullText()));
            return 1;
        }
    }
    std::printf("%zu customers in the database, %d shown at random\n", all.size(), n);
    report("CustomerStore::byId", readMs);
    report("validateContacts (GUI thread)", checkMs);
    report("SidebarData::load (loader thread)", loadMs);

    Transaction transaction(db.connection());
    QElapsedTimer timer;
    timer.start();
    auto checked = ContactValidationStore(db.connection()).revalidate(ContactValidationStore::Scope::All);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    transaction.rollback();
    if (!checked) {
        std::fprintf(stderr, "bench_sidebar: %s\n", qPrintable(checked.error().fullText()));
        return 1;
    }
    std::printf("revalidate(All): %lld customers in %.2f s, %.0f customers/s (rolled back)\n",
                static_cast<long long>(*checked), seconds, double(*checked) / seconds);
    return 0;
}
