// Measures the customer list and the profile on a million customers (issue 12): search,
// the first page of the list, a sort change, filters, and opening a profile until every
// panel is filled, with peak memory. Prints Markdown tables for docs/benchmarks.md.
//
//   bench_scale [--database FILE | --postgres CONNINFO] [--runs N] [--profiles N]
//
// The database is bench_timeline's (1M customers, 50M events, one customer with 50k
// events): bench_scale runs `bench_timeline --build-only` when it is not there yet. Its
// customers are called Given1 Surname1; the first run gives them once what a house has
// (invented people from the demo generator: names with diacritics, e-mail, phones, cities,
// countries; departments, subscriptions, VIP, a label) and records that in gavel_meta.
//
// Beside each figure through the app's code (the model, the profile's panels and their
// loader), "bare SQL" runs the same statement through a plain prepared QSqlQuery: the lower
// bound the app's code sits on.

#include "connectionspec.h"
#include "contactvalidationstore.h"
#include "customer.h"
#include "customerfilter.h"
#include "customerlistmodel.h"
#include "customersearch.h"
#include "database.h"
#include "demopeople.h"
#include "loader.h"
#include "migrations.h"
#include "navigator.h"
#include "profilewidget.h"
#include "seededrandom.h"
#include "benchsupport.h"
#include "sql.h"
#include "transaction.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace Gavel;
using namespace Gavel::Benchmarks;
using Models::Database;

namespace {

const QString kEnrichedKey = QStringLiteral("bench.scale");
const QString kEnrichedValue = QStringLiteral("people v1");
constexpr qint64 kHeavyCustomer = 424242; // bench_timeline's customer with 50k events

QSqlQuery run(const Database &db, const QString &statement, const QVariantList &values = {})
{
    return check(Models::Sql::exec(db.connection(), statement, values, QStringLiteral("the benchmark")), statement);
}

QVariant scalar(const Database &db, const QString &statement, const QVariantList &values = {})
{
    return check(Models::Sql::scalar(db.connection(), statement, values, QStringLiteral("the benchmark")), statement);
}

/// A prepared statement bound and run row after row.
class Statement
{
public:
    Statement(const Database &db, const QString &statement) : m_query(db.connection())
    {
        if (!m_query.prepare(statement)) {
            fail(statement, Models::Sql::errorFrom(m_query.lastError(), QStringLiteral("preparing")));
        }
    }
    void run(const QVariantList &values)
    {
        for (int i = 0; i < values.size(); ++i) {
            m_query.bindValue(i, values.at(i));
        }
        if (!m_query.exec()) {
            fail(QStringLiteral("writing"), Models::Sql::errorFrom(m_query.lastError(), QStringLiteral("writing")));
        }
    }

private:
    QSqlQuery m_query;
};

/// Peak resident memory of this process (VmHWM), in MB.
double peakMemoryMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:")) {
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
        }
    }
    return -1;
}

/// NOT NULL text columns: a null QString would bind as NULL.
QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

// --- the house's people ----------------------------------------------------------------------

/// Gives bench_timeline's placeholder customers real-looking identities, departments,
/// subscriptions, VIP and a label; deterministic (seed 12).
void enrich(const Database &db, qint64 customers)
{
    QElapsedTimer clock;
    clock.start();
    const auto &weights = Models::Demo::People::countryWeights();
    const qint64 now = 1795000000;
    {
        Models::Transaction transaction(db.connection());
        check(transaction.status(), QStringLiteral("begin"));
        // What an interrupted run left behind goes first.
        for (const char *statement :
             {"DELETE FROM customer_labels", "DELETE FROM labels WHERE name_key = 'museum contact'",
              "DELETE FROM subscriptions", "DELETE FROM subscription_categories WHERE code IN ('news', 'sales')",
              "DELETE FROM customer_departments"}) {
            run(db, QString::fromLatin1(statement));
        }
        run(db, QStringLiteral("INSERT INTO subscription_categories (code, name) VALUES ('news', 'Newsletter')"));
        run(db, QStringLiteral("INSERT INTO subscription_categories (code, name) VALUES ('sales', 'Sale alerts')"));
        run(db, QStringLiteral("INSERT INTO labels (uuid, name, name_key, updated_at, updated_by)"
                               " VALUES ('00000000-0000-4000-8000-00000000000c', 'Museum contact', 'museum contact',"
                               " 0, 'bench')"));
        check(transaction.commit(), QStringLiteral("commit"));
    }
    const qint64 news = scalar(db, QStringLiteral("SELECT id FROM subscription_categories WHERE code = 'news'")).toLongLong();
    const qint64 alerts =
        scalar(db, QStringLiteral("SELECT id FROM subscription_categories WHERE code = 'sales'")).toLongLong();
    const qint64 label = scalar(db, QStringLiteral("SELECT id FROM labels WHERE name_key = 'museum contact'")).toLongLong();
    const qint64 batch = 50'000;
    for (qint64 start = 1; start <= customers; start += batch) {
        Models::Transaction transaction(db.connection());
        check(transaction.status(), QStringLiteral("begin"));
        Statement update(db, QStringLiteral("UPDATE customers SET title = ?, first_name = ?, last_name = ?, company = ?,"
                                            " email = ?, phone = ?, sms_number = ?, address_line1 = ?, city = ?,"
                                            " region = ?, postal_code = ?, country = ?, language = ?, vip = ?,"
                                            " sort_name = ? WHERE id = ?"));
        Statement department(db, QStringLiteral("INSERT INTO customer_departments (customer_id, department_id, source,"
                                                " added_at) VALUES (?, ?, 'import', ?)"));
        Statement subscription(db, QStringLiteral("INSERT INTO subscriptions (customer_id, channel, category_id, status,"
                                                  " changed_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, 0, 'bench')"));
        Statement labelled(db, QStringLiteral("INSERT INTO customer_labels (customer_id, label_id, added_at)"
                                              " VALUES (?, ?, ?)"));
        for (qint64 id = start; id < qMin(start + batch, customers + 1); ++id) {
            auto random = Models::SeededRandom::derived(12, static_cast<quint64>(id));
            const int country = random.weighted(weights);
            const Models::Demo::Person p = Models::Demo::People::make(country, 2026, random);
            const bool vip = random.chance(20);
            update.run({text(p.title), text(p.firstName), text(p.lastName), text(p.company), text(p.email),
                        text(p.phone), text(p.smsNumber), text(p.addressLine1), text(p.city), text(p.region),
                        text(p.postalCode), text(p.country), text(p.language), vip ? 1 : 0,
                        text(Models::Customer::sortNameFor(p.firstName, p.lastName, p.company)), id});
            const qint64 first = 1 + static_cast<qint64>(random.below(10));
            department.run({id, first, now});
            if (random.chance(400)) {
                department.run({id, 1 + (first % 10), now});
            }
            if (p.canEmail() && random.chance(600)) {
                subscription.run({id, QStringLiteral("email"), news,
                                  random.chance(900) ? QStringLiteral("subscribed") : QStringLiteral("unsubscribed"),
                                  now});
            }
            if (p.canText() && random.chance(250)) {
                subscription.run({id, QStringLiteral("sms"), alerts, QStringLiteral("subscribed"), now});
            }
            if (random.chance(10)) {
                labelled.run({id, label, now});
            }
        }
        check(transaction.commit(), QStringLiteral("commit"));
        say(QStringLiteral("people: %1 of %2 after %3 s").arg(qMin(start + batch - 1, customers)).arg(customers)
                .arg(clock.elapsed() / 1000.0));
    }
}

// --- measuring -------------------------------------------------------------------------------

struct Stats
{
    int runs = 0;
    double p50 = 0;
    double p95 = 0;
    double max = 0;
};

Stats statsOf(QList<double> ms)
{
    Stats stats;
    stats.runs = static_cast<int>(ms.size());
    if (ms.isEmpty()) {
        return stats;
    }
    std::sort(ms.begin(), ms.end());
    const auto at = [&](double q) { return ms.at(qMin<qsizetype>(ms.size() - 1, static_cast<qsizetype>(q * ms.size()))); };
    stats.p50 = at(0.5);
    stats.p95 = at(0.95);
    stats.max = ms.last();
    return stats;
}

void row(const QString &name, const Stats &stats, const QString &note = {})
{
    print(QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 |")
              .arg(name)
              .arg(stats.runs)
              .arg(stats.p50, 0, 'f', 2)
              .arg(stats.p95, 0, 'f', 2)
              .arg(stats.max, 0, 'f', 2)
              .arg(note));
}

double timed(const std::function<void()> &work)
{
    QElapsedTimer clock;
    clock.start();
    work();
    return clock.nsecsElapsed() / 1e6;
}

/// What people type into the search box, taken from random customers' own details: the start
/// of a surname, a whole name, a Customer ID, an e-mail address, a phone number as it is
/// usually written (national form), its last digits, a city.
struct Searches
{
    QList<QString> surnamePrefix;
    QList<QString> fullName;
    QList<QString> customerNo;
    QList<QString> email;
    QList<QString> phone;
    QList<QString> city;
};

Searches sampleSearches(const Database &db, qint64 customers, int count)
{
    Searches searches;
    Models::SeededRandom random(99);
    QSqlQuery query(db.connection());
    query.prepare(QStringLiteral("SELECT first_name, last_name, customer_no, email, phone, city FROM customers"
                                 " WHERE id = ?"));
    while (searches.surnamePrefix.size() < count) {
        query.bindValue(0, random.between(1, customers));
        if (!query.exec() || !query.next()) {
            continue;
        }
        const QString last = query.value(1).toString();
        const QString phone = query.value(4).toString();
        const QString city = query.value(5).toString();
        if (last.size() < 3 || phone.size() < 8 || city.isEmpty()) {
            continue;
        }
        searches.surnamePrefix << last.left(3);
        searches.fullName << query.value(0).toString() + u' ' + last;
        searches.customerNo << query.value(2).toString();
        searches.email << query.value(3).toString();
        searches.phone << phone;
        searches.city << city;
    }
    return searches;
}

/// Runs the search through the list model (first page and count, as the list shows them) and
/// the same two statements bare.
void measureSearch(const Database &db, const QString &name, const QList<QString> &texts,
                   Models::CustomerListModel &model)
{
    QList<double> app;
    QList<double> bare;
    Models::CustomerSearch search(db.dialect());
    qint64 matches = 0;
    for (const QString &text : texts) {
        app << timed([&] { model.setSearchText(text); });
        matches += model.matchCount();
        QVariantList values;
        const QString condition = search.condition(text, &values);
        bare << timed([&] {
            QSqlQuery page(db.connection());
            page.prepare(QStringLiteral("SELECT id, sort_name, first_name, last_name, company, customer_no, email, city,"
                                        " country, vip, last_activity_at, total_spent_minor FROM customers WHERE %1"
                                        " ORDER BY sort_name, id LIMIT 200")
                             .arg(condition));
            for (int i = 0; i < values.size(); ++i) {
                page.bindValue(i, values.at(i));
            }
            page.exec();
            while (page.next()) {
            }
            QSqlQuery count(db.connection());
            count.prepare(QStringLiteral("SELECT count(*) FROM customers WHERE %1").arg(condition));
            for (int i = 0; i < values.size(); ++i) {
                count.bindValue(i, values.at(i));
            }
            count.exec();
            count.next();
        });
    }
    row(QStringLiteral("search: %1").arg(name), statsOf(app),
        QStringLiteral("%1 matches on average").arg(texts.isEmpty() ? 0.0 : double(matches) / texts.size(), 0, 'f', 1));
    row(QStringLiteral("search: %1, bare SQL").arg(name), statsOf(bare));
}

void measureFilter(const Database &db, const QString &placeText, Models::CustomerListModel &model,
                   Models::Loader &loader, int runs)
{
    const Models::CustomerFilter filter =
        check(Models::CustomerFilter::fromPlaceText(db, placeText), QStringLiteral("filter %1").arg(placeText));
    model.setSearchText(QString());
    QList<double> page;
    QList<double> counted;
    for (int i = 0; i < runs; ++i) {
        model.setFilter({});
        QElapsedTimer clock;
        clock.start();
        model.setFilter(filter);
        page << clock.nsecsElapsed() / 1e6;
        while (model.matchCount() < 0 || !loader.isIdle()) {
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        }
        counted << clock.nsecsElapsed() / 1e6;
    }
    row(QStringLiteral("filter: %1, first page shown").arg(placeText), statsOf(page),
        QStringLiteral("%1 customers").arg(QLocale(QLocale::English).toString(model.matchCount())));
    row(QStringLiteral("filter: %1, count shown (off the GUI thread)").arg(placeText), statsOf(counted));
    model.setFilter({});
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Customer list, search and profile on a million customers."));
    parser.addHelpOption();
    const QCommandLineOption database(QStringLiteral("database"), QStringLiteral("SQLite file (built if missing)"),
                                      QStringLiteral("file"), QStringLiteral("/work/benchdata/scale.gavel"));
    const QCommandLineOption postgres(QStringLiteral("postgres"), QStringLiteral("PostgreSQL conninfo instead"),
                                      QStringLiteral("conninfo"));
    const QCommandLineOption runs(QStringLiteral("runs"), QStringLiteral("searches per kind, runs per case"),
                                  QStringLiteral("n"), QStringLiteral("100"));
    const QCommandLineOption profiles(QStringLiteral("profiles"), QStringLiteral("random profiles to open"),
                                      QStringLiteral("n"), QStringLiteral("100"));
    const QCommandLineOption scratch(QStringLiteral("scratch"), QStringLiteral("folder for PostgreSQL's CSV files"),
                                     QStringLiteral("folder"), QStringLiteral("/work/benchdata"));
    const QCommandLineOption only(QStringLiteral("only"),
                                  QStringLiteral("parts to measure, of list,search,filter,profile (default: all)"),
                                  QStringLiteral("parts"), QStringLiteral("list,search,filter,profile"));
    parser.addOptions({database, postgres, runs, profiles, scratch, only});
    parser.process(app);
    const int runCount = parser.value(runs).toInt();
    const QStringList parts = parser.value(only).split(u',');

    Models::ConnectionSpec spec;
    QStringList target;
    if (parser.isSet(postgres)) {
        spec = check(Models::ConnectionSpec::fromConninfo(parser.value(postgres)), QStringLiteral("conninfo"));
        target = {QStringLiteral("--postgres"), parser.value(postgres), QStringLiteral("--scratch"),
                  parser.value(scratch)};
    } else {
        QDir().mkpath(QFileInfo(parser.value(database)).absolutePath());
        spec = Models::ConnectionSpec::sqlite(parser.value(database));
        target = {QStringLiteral("--database"), parser.value(database)};
    }

    // 1. bench_timeline's database, built by bench_timeline when missing.
    bool built = false;
    if (spec.engine == Models::Engine::Sqlite && !QFileInfo::exists(parser.value(database))) {
        built = false;
    } else {
        auto db = check(Database::open(spec, QStringLiteral("bench")),
                        QStringLiteral("opening the database"));
        auto stored = Models::Sql::scalar(db->connection(),
                                          QStringLiteral("SELECT value FROM gavel_meta WHERE key = 'bench.timeline'"), {},
                                          QStringLiteral("reading"));
        built = stored && !stored->toString().isEmpty();
    }
    if (!built) {
        QProcess build;
        build.setProcessChannelMode(QProcess::ForwardedChannels);
        build.start(QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("bench_timeline")),
                    target + QStringList{QStringLiteral("--build-only")});
        if (!build.waitForFinished(-1) || build.exitStatus() != QProcess::NormalExit || build.exitCode() != 0) {
            say(QStringLiteral("bench_timeline --build-only failed"));
            return 1;
        }
    }
    // 2. Its customers made people once; the contact checks see the new details.
    {
        auto db = check(Database::open(spec, QStringLiteral("bench")),
                        QStringLiteral("opening the database"));
        const QString stored =
            scalar(*db, QStringLiteral("SELECT value FROM gavel_meta WHERE key = ?"), {kEnrichedKey}).toString();
        if (stored != kEnrichedValue) {
            const qint64 customers = scalar(*db, QStringLiteral("SELECT max(id) FROM customers")).toLongLong();
            enrich(*db, customers);
            const int schema = check(Models::storedSchemaVersion(db->connection(), db->dialect()),
                                     QStringLiteral("schema version"));
            if (schema >= 3) {
                // Migration 3 already checked the placeholder contacts: check them again.
                QElapsedTimer clock;
                clock.start();
                Models::Transaction transaction(db->connection());
                check(Models::ContactValidationStore(db->connection()).revalidate(
                          Models::ContactValidationStore::Scope::All),
                      QStringLiteral("checking contacts"));
                check(transaction.commit(), QStringLiteral("commit"));
                say(QStringLiteral("contacts checked in %1 s").arg(clock.elapsed() / 1000.0));
            }
            run(*db, QStringLiteral("INSERT INTO gavel_meta (key, value) VALUES (?, ?)"), {kEnrichedKey, kEnrichedValue});
            run(*db, QString::fromLatin1(db->dialect().isSqlite() ? "ANALYZE" : "VACUUM ANALYZE"));
        }
    }
    QElapsedTimer opening;
    opening.start();
    auto db = check(Database::open(spec, QStringLiteral("bench")), QStringLiteral("opening and migrating"));
    say(QStringLiteral("opened (migrations included) in %1 s").arg(opening.elapsed() / 1000.0));
    if (db->dialect().isSqlite() &&
        scalar(*db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")).toInt() == 0) {
        QElapsedTimer clock;
        clock.start();
        run(*db, QStringLiteral("ANALYZE")); // once: the planner's statistics after a bulk load
        say(QStringLiteral("analyzed in %1 s").arg(clock.elapsed() / 1000.0));
    }

    const qint64 customers = scalar(*db, QStringLiteral("SELECT count(*) FROM customers")).toLongLong();
    const QString shape =
        scalar(*db, QStringLiteral("SELECT value FROM gavel_meta WHERE key = 'bench.timeline'")).toString();
    const qint64 heavyEvents =
        scalar(*db, QStringLiteral("SELECT count(*) FROM events WHERE customer_id = ?"), {kHeavyCustomer}).toLongLong();
    print(QStringLiteral("%1: %2 customers (bench_timeline: %3); customer %4 has %5 events")
              .arg(db->dialect().engineName())
              .arg(customers)
              .arg(shape)
              .arg(kHeavyCustomer)
              .arg(heavyEvents));
    print(QString());
    print(QStringLiteral("| case | runs | p50 ms | p95 ms | max ms | |"));
    print(QStringLiteral("|---|---:|---:|---:|---:|---|"));

    // --- the list -------------------------------------------------------------------------
    // As in the window: big filters are counted on the loader's thread.
    Models::Loader countLoader(*db);
    Models::CustomerListModel model(*db);
    model.setLoader(&countLoader);
    if (parts.contains(QStringLiteral("list"))) {
        QList<double> first;
        for (int i = 0; i < runCount; ++i) {
            first << timed([&] { model.reload(); });
        }
        row(QStringLiteral("list: first page (by name) and count"), statsOf(first),
            QStringLiteral("%1 rows shown").arg(model.rowCount()));
        QList<double> bare;
        for (int i = 0; i < runCount; ++i) {
            bare << timed([&] {
                QSqlQuery page(db->connection());
                page.prepare(QStringLiteral("SELECT id, sort_name, first_name, last_name, company, customer_no, email,"
                                            " city, country, vip, last_activity_at, total_spent_minor FROM customers"
                                            " ORDER BY sort_name, id LIMIT 200"));
                page.exec();
                while (page.next()) {
                }
                QSqlQuery count(db->connection());
                count.exec(QStringLiteral("SELECT count(*) FROM customers"));
                count.next();
            });
        }
        row(QStringLiteral("list: first page and count, bare SQL"), statsOf(bare));
        QList<double> sorts;
        const QList<int> columns = {Models::CustomerListModel::CityColumn, Models::CustomerListModel::TotalSpentColumn,
                                    Models::CustomerListModel::LastActivityColumn,
                                    Models::CustomerListModel::CustomerNoColumn, Models::CustomerListModel::NameColumn};
        for (int i = 0; i < runCount; ++i) {
            const int column = columns.at(i % columns.size());
            sorts << timed([&] { model.sort(column, i % 2 ? Qt::DescendingOrder : Qt::AscendingOrder); });
        }
        row(QStringLiteral("list: sort change (city, spend, last activity, ID, name)"), statsOf(sorts));
        model.sort(Models::CustomerListModel::NameColumn, Qt::AscendingOrder);
        QList<double> scroll;
        model.reload();
        for (int i = 0; i < runCount && model.canFetchMore({}); ++i) {
            scroll << timed([&] { model.fetchMore({}); });
        }
        row(QStringLiteral("list: next page while scrolling"), statsOf(scroll),
            QStringLiteral("%1 rows after").arg(model.rowCount()));
    }

    // --- search ---------------------------------------------------------------------------
    if (parts.contains(QStringLiteral("search"))) {
    const Searches searches = sampleSearches(*db, customers, runCount);
    measureSearch(*db, QStringLiteral("first 3 letters of a surname"), searches.surnamePrefix, model);
    measureSearch(*db, QStringLiteral("first and last name"), searches.fullName, model);
    measureSearch(*db, QStringLiteral("Customer ID"), searches.customerNo, model);
    measureSearch(*db, QStringLiteral("e-mail address"), searches.email, model);
    measureSearch(*db, QStringLiteral("phone as stored"), searches.phone, model);
    measureSearch(*db, QStringLiteral("city"), searches.city, model);
    model.setSearchText(QString());
    }

    // --- filters --------------------------------------------------------------------------
    const int filterRuns = qMax(5, runCount / 10);
    const QStringList filters = {QStringLiteral("department:D3"),     QStringLiteral("vip:yes"),
                                 QStringLiteral("subscribed:sms"),    QStringLiteral("contactable:email"),
                                 QStringLiteral("label:Museum contact"),
                                 QStringLiteral("department:D3; vip:yes; subscribed:email")};
    for (const QString &filter : parts.contains(QStringLiteral("filter")) ? filters : QStringList()) {
        measureFilter(*db, filter, model, countLoader, filterRuns);
    }

    // --- the profile ----------------------------------------------------------------------
    if (!parts.contains(QStringLiteral("profile"))) {
        print(QString());
        print(QStringLiteral("Peak memory (VmHWM): %1 MB").arg(peakMemoryMb(), 0, 'f', 0));
        return 0;
    }
    Models::Loader loader(*db);
    Ui::Navigator navigator;
    Ui::ProfileWidget profile(*db, loader, navigator);
    profile.resize(1600, 1000);
    profile.show();
    const auto open = [&](qint64 id) {
        return timed([&] {
            profile.showCustomer(id);
            while (!loader.isIdle()) {
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
            }
        });
    };
    // Once, so that the panels' first-use costs (fonts, style) are not counted.
    open(1);
    Models::SeededRandom random(7);
    QList<double> opens;
    for (int i = 0; i < parser.value(profiles).toInt(); ++i) {
        opens << open(random.between(2, customers));
    }
    row(QStringLiteral("profile open, every panel filled: random customers"), statsOf(opens));
    QList<double> heavy;
    for (int i = 0; i < qMax(5, runCount / 5); ++i) {
        open(1 + (i % 50)); // another customer in between, or nothing would load
        heavy << open(kHeavyCustomer);
    }
    row(QStringLiteral("profile open, every panel filled: the %1-event customer").arg(heavyEvents), statsOf(heavy));

    print(QString());
    print(QStringLiteral("Peak memory (VmHWM): %1 MB").arg(peakMemoryMb(), 0, 'f', 0));
    return 0;
}
