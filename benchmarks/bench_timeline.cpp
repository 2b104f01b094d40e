// Measures the Activities timeline on a big house: 1M customers, 50M events, one customer
// with 50k events spread over ten years and interleaved in insertion order with everyone
// else's. Builds the database on the first run (SQLite file or PostgreSQL database) and
// reuses it afterwards (an interrupted SQLite build resumes after its last committed million).
// Prints Markdown tables for docs/benchmarks.md.
//
//   bench_timeline [--database FILE | --postgres CONNINFO] [--runs N] [--cold-runs N] ...
//
// Cold runs: a fresh connection (SQLite's own cache empty) after the database's files were
// evicted from the OS page cache with posix_fadvise(POSIX_FADV_DONTNEED); for PostgreSQL,
// --cold-command restarts the server (its shared buffers) and --evict-dir names its data
// folder.

#include "activitymodel.h"
#include "activitystore.h"
#include "database.h"
#include "benchsupport.h"
#include "sql.h"
#include "timelinegenerator.h"
#include "transaction.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <cstdio>
#include <fcntl.h>
#include <functional>
#include <random>
#include <unistd.h>

using namespace Gavel;
using namespace Gavel::Benchmarks;
using Benchmarks::GeneratedEvent;
using Benchmarks::GeneratedInvoice;
using Benchmarks::TimelineGenerator;
using Benchmarks::TimelineShape;
using Models::ActivityCursor;
using Models::ActivityFilter;
using Models::ActivityModel;
using Models::ActivityStore;
using Models::Database;
using Models::EventCategory;

namespace {

QSqlQuery run(Database &db, const QString &statement, const QVariantList &values = {})
{
    return check(Models::Sql::exec(db.connection(), statement, values, QStringLiteral("the benchmark")), statement);
}

/// A prepared INSERT bound and run row after row (the fastest way through Qt SQL).
class Inserter
{
public:
    Inserter(Database &db, const QString &statement) : m_query(db.connection())
    {
        if (!m_query.prepare(statement)) {
            fail(statement, Models::Sql::errorFrom(m_query.lastError(), QStringLiteral("preparing")));
        }
    }
    void row(const QVariantList &values)
    {
        for (int i = 0; i < values.size(); ++i) {
            m_query.bindValue(i, values.at(i));
        }
        if (!m_query.exec()) {
            fail(QStringLiteral("insert"), Models::Sql::errorFrom(m_query.lastError(), QStringLiteral("inserting")));
        }
    }

private:
    QSqlQuery m_query;
};

QVariant idOrNull(qint64 id)
{
    return Models::Sql::intOrNull(id);
}

QVariant textOrNull(const QString *text)
{
    return text ? QVariant(*text) : QVariant(QMetaType::fromType<QString>());
}

// --- building ------------------------------------------------------------------------------

/// Departments, categories, venues, sales, lots, campaigns and tags: what events refer to.
void buildReferences(Database &db, const TimelineShape &shape)
{
    Models::Transaction transaction(db.connection());
    check(transaction.status(), QStringLiteral("begin"));
    Inserter departments(db, QStringLiteral("INSERT INTO departments (id, code, name) VALUES (?, ?, ?)"));
    for (int d = 1; d <= 10; ++d) {
        departments.row({d, QStringLiteral("D%1").arg(d), QStringLiteral("Department %1").arg(d)});
    }
    Inserter categories(db,
                        QStringLiteral("INSERT INTO categories (id, department_id, code, name) VALUES (?, ?, ?, ?)"));
    for (qint64 c = 1; c <= shape.categories; ++c) {
        categories.row({c, 1 + c % 10, QStringLiteral("C%1").arg(c), QStringLiteral("Category %1").arg(c)});
    }
    Inserter venues(db, QStringLiteral("INSERT INTO venues (id, code, name, kind) VALUES (?, ?, ?, 'saleroom')"));
    venues.row({1, QStringLiteral("LDN"), QStringLiteral("London")});
    Inserter sales(db, QStringLiteral("INSERT INTO sales (id, sale_no, title, venue_id, department_id, starts_at,"
                                      " status, currency) VALUES (?, ?, ?, 1, ?, ?, 'closed', 'GBP')"));
    Inserter lots(db, QStringLiteral("INSERT INTO lots (id, sale_id, lot_no, lot_seq, title, department_id,"
                                     " low_estimate_minor, high_estimate_minor, currency, status)"
                                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'GBP', 'sold')"));
    const qint64 span = shape.lastTs - shape.firstTs;
    qint64 lot = 0;
    for (qint64 s = 1; s <= shape.sales; ++s) {
        sales.row({s, QStringLiteral("S%1").arg(s, 5, 10, QLatin1Char('0')),
                   QStringLiteral("Sale %1 of fine and decorative arts").arg(s), 1 + s % 10,
                   shape.firstTs + s * span / shape.sales});
        for (qint64 n = 1; n <= shape.lotsPerSale; ++n) {
            ++lot;
            lots.row({lot, s, QString::number(n), n, QStringLiteral("Lot %1, a work on paper").arg(lot), 1 + s % 10,
                      100000, 150000});
        }
    }
    Inserter campaigns(db, QStringLiteral("INSERT INTO campaigns (id, campaign_key, name, channel, sent_at,"
                                          " audience_size) VALUES (?, ?, ?, ?, ?, 100000)"));
    for (qint64 c = 1; c <= shape.campaigns; ++c) {
        campaigns.row({c, QStringLiteral("k%1").arg(c), QStringLiteral("Mailing %1: highlights of the week").arg(c),
                       c % 10 == 0 ? QStringLiteral("sms") : QStringLiteral("email"),
                       shape.firstTs + c * span / shape.campaigns});
    }
    Inserter tags(db, QStringLiteral("INSERT INTO tags (id, name, name_key) VALUES (?, ?, ?)"));
    for (qint64 t = 1; t <= shape.tags; ++t) {
        const QString name = QStringLiteral("keyword %1").arg(t);
        tags.row({t, name, name});
    }
    check(transaction.commit(), QStringLiteral("commit"));
}

QString customerUuid(qint64 id)
{
    return QStringLiteral("00000000-0000-4000-8000-%1").arg(id, 12, 10, QLatin1Char('0'));
}

/// The key under which a SQLite build records how many events it has committed, so that an
/// interrupted build (an hour of loading on a shared machine) resumes where it stopped.
const QString kLoadedKey = QStringLiteral("bench.timeline.loaded");

/// Events of `shape` already committed by an interrupted build of this file; 0 for a new one.
qint64 loadedEvents(Database &db, const TimelineShape &shape)
{
    const QString loaded =
        check(Models::Sql::scalar(db.connection(), QStringLiteral("SELECT value FROM gavel_meta WHERE key = ?"),
                                  {kLoadedKey}, QStringLiteral("reading")),
              QStringLiteral("reading"))
            .toString();
    const QString prefix = shape.key() + QLatin1Char(':');
    return loaded.startsWith(prefix) ? loaded.mid(prefix.size()).toLongLong() : 0;
}

void buildSqlite(Database &db, const TimelineShape &shape)
{
    // Bulk-load settings: no journal, no fsync, a big cache, no foreign key checks. The file is
    // a benchmark's, rebuilt from scratch if the load is interrupted.
    for (const char *pragma : {"PRAGMA foreign_keys = OFF", "PRAGMA journal_mode = OFF", "PRAGMA synchronous = OFF",
                               "PRAGMA cache_size = -3000000"}) {
        run(db, QString::fromLatin1(pragma));
    }
    QElapsedTimer clock;
    clock.start();
    const qint64 resumeAt = loadedEvents(db, shape);
    if (resumeAt == 0) {
        buildReferences(db, shape);
        say(QStringLiteral("references: %1 s").arg(clock.elapsed() / 1000.0));
    } else {
        say(QStringLiteral("resuming after %1 events").arg(resumeAt));
    }

    if (resumeAt == 0) {
        Models::Transaction transaction(db.connection());
        Inserter customers(db, QStringLiteral("INSERT INTO customers (id, uuid, customer_no, first_name, last_name,"
                                              " sort_name, email, created_at, updated_at, updated_by)"
                                              " VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 'bench')"));
        for (qint64 c = 1; c <= shape.customers; ++c) {
            const QString last = QStringLiteral("Surname%1").arg(c % 50000);
            customers.row({c, customerUuid(c), QStringLiteral("C%1").arg(c, 7, 10, QLatin1Char('0')),
                           QStringLiteral("Given%1").arg(c % 3000), last, last.toLower(),
                           QStringLiteral("c%1@example.org").arg(c)});
        }
        check(transaction.commit(), QStringLiteral("commit"));
    }
    say(QStringLiteral("customers: %1 s").arg(clock.elapsed() / 1000.0));

    TimelineGenerator generator(shape);
    // The generator is deterministic but sequential: replay the committed events unwritten.
    for (qint64 i = 0; i < resumeAt; ++i) {
        GeneratedInvoice invoice;
        bool newInvoice = false;
        generator.event(i, &invoice, &newInvoice);
    }
    const qint64 batch = 1'000'000;
    for (qint64 start = resumeAt; start < shape.events; start += batch) {
        Models::Transaction transaction(db.connection());
        Inserter events(db,
                        QStringLiteral("INSERT INTO events (customer_id, ts, id, kind, campaign_id, sale_id, lot_id,"
                                       " invoice_id, ref_id, amount_minor, currency, info, details)"
                                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        Inserter invoices(db, QStringLiteral("INSERT INTO invoices (id, invoice_no, customer_id, sale_id, issued_at,"
                                             " status, currency, total_minor, updated_at, updated_by)"
                                             " VALUES (?, ?, ?, ?, ?, 'paid', 'GBP', ?, 0, 'bench')"));
        for (qint64 i = start; i < qMin(start + batch, shape.events); ++i) {
            GeneratedInvoice invoice;
            bool newInvoice = false;
            const GeneratedEvent e = generator.event(i, &invoice, &newInvoice);
            if (newInvoice) {
                invoices.row({invoice.id, QStringLiteral("INV%1").arg(invoice.id), invoice.customerId, invoice.saleId,
                              invoice.issuedAt, invoice.totalMinor});
            }
            events.row({e.customerId, e.ts, e.id, e.kind, idOrNull(e.campaignId), idOrNull(e.saleId), idOrNull(e.lotId),
                        idOrNull(e.invoiceId), idOrNull(e.refId),
                        e.hasAmount ? QVariant(e.amountMinor) : QVariant(QMetaType::fromType<qlonglong>()),
                        textOrNull(e.currency), textOrNull(e.info), textOrNull(e.details)});
        }
        run(db, QStringLiteral("DELETE FROM gavel_meta WHERE key = ?"), {kLoadedKey});
        run(db, QStringLiteral("INSERT INTO gavel_meta (key, value) VALUES (?, ?)"),
            {kLoadedKey, QStringLiteral("%1:%2").arg(shape.key()).arg(qMin(start + batch, shape.events))});
        check(transaction.commit(), QStringLiteral("commit"));
        say(QStringLiteral("events: %1 M after %2 s").arg((start + batch) / 1e6).arg(clock.elapsed() / 1000.0));
    }
    run(db, QStringLiteral("PRAGMA journal_mode = WAL"));
    run(db, QStringLiteral("PRAGMA synchronous = NORMAL"));
    run(db, QStringLiteral("PRAGMA foreign_keys = ON"));
}

/// CSV for PostgreSQL's COPY: NULL is an empty unquoted field, text is always quoted.
void appendCsvText(QByteArray &out, const QString *text)
{
    if (!text) {
        return;
    }
    out += '"';
    const QByteArray utf8 = text->toUtf8();
    for (const char c : utf8) {
        if (c == '"') {
            out += '"';
        }
        out += c;
    }
    out += '"';
}

void appendCsvNumber(QByteArray &out, qint64 value, bool present = true)
{
    if (present) {
        out += QByteArray::number(value);
    }
}

void copyIntoPostgres(const QString &conninfo, const QString &table, const QString &columns, const QString &file)
{
    // COPY through psql; session_replication_role = replica skips the foreign key triggers
    // during the load (the generator only refers to rows that exist).
    QProcess psql;
    psql.setProcessChannelMode(QProcess::ForwardedChannels);
    psql.start(QStringLiteral("psql"),
               {conninfo, QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-q"),
                QStringLiteral("-c"), QStringLiteral("SET session_replication_role = replica"), QStringLiteral("-c"),
                QStringLiteral("\\copy %1 (%2) FROM '%3' WITH (FORMAT csv)").arg(table, columns, file)});
    if (!psql.waitForFinished(-1) || psql.exitCode() != 0) {
        say(QStringLiteral("psql \\copy into %1 failed").arg(table));
        std::exit(1);
    }
}

void buildPostgres(Database &db, const TimelineShape &shape, const QString &conninfo, const QString &scratch)
{
    QElapsedTimer clock;
    clock.start();
    buildReferences(db, shape);
    say(QStringLiteral("references: %1 s").arg(clock.elapsed() / 1000.0));
    QDir().mkpath(scratch);
    const QString customersCsv = QDir(scratch).filePath(QStringLiteral("customers.csv"));
    const QString eventsCsv = QDir(scratch).filePath(QStringLiteral("events.csv"));
    const QString invoicesCsv = QDir(scratch).filePath(QStringLiteral("invoices.csv"));
    {
        QFile file(customersCsv);
        file.open(QIODevice::WriteOnly);
        QByteArray out;
        for (qint64 c = 1; c <= shape.customers; ++c) {
            const QString last = QStringLiteral("Surname%1").arg(c % 50000);
            out += QStringLiteral("%1,%2,C%3,Given%4,%5,%6,c%1@example.org,0,0,bench\n")
                       .arg(c)
                       .arg(customerUuid(c))
                       .arg(c, 7, 10, QLatin1Char('0'))
                       .arg(c % 3000)
                       .arg(last, last.toLower())
                       .toUtf8();
            if (out.size() > (4 << 20)) {
                file.write(out);
                out.clear();
            }
        }
        file.write(out);
    }
    {
        QFile events(eventsCsv);
        events.open(QIODevice::WriteOnly);
        QFile invoices(invoicesCsv);
        invoices.open(QIODevice::WriteOnly);
        TimelineGenerator generator(shape);
        QByteArray out;
        QByteArray invoiceOut;
        for (qint64 i = 0; i < shape.events; ++i) {
            GeneratedInvoice invoice;
            bool newInvoice = false;
            const GeneratedEvent e = generator.event(i, &invoice, &newInvoice);
            if (newInvoice) {
                invoiceOut += QByteArray::number(invoice.id) + ",INV" + QByteArray::number(invoice.id) + ',' +
                              QByteArray::number(invoice.customerId) + ',' + QByteArray::number(invoice.saleId) + ',' +
                              QByteArray::number(invoice.issuedAt) + ",paid,GBP," +
                              QByteArray::number(invoice.totalMinor) + ",0,bench\n";
            }
            appendCsvNumber(out, e.customerId);
            out += ',';
            appendCsvNumber(out, e.ts);
            out += ',';
            appendCsvNumber(out, e.id);
            out += ',';
            appendCsvNumber(out, e.kind);
            for (const qint64 ref : {e.campaignId, e.saleId, e.lotId, e.invoiceId, e.refId}) {
                out += ',';
                appendCsvNumber(out, ref, ref != 0);
            }
            out += ',';
            appendCsvNumber(out, e.amountMinor, e.hasAmount);
            out += ',';
            appendCsvText(out, e.currency);
            out += ',';
            appendCsvText(out, e.info);
            out += ',';
            appendCsvText(out, e.details);
            out += '\n';
            if (out.size() > (8 << 20)) {
                events.write(out);
                out.clear();
                invoices.write(invoiceOut);
                invoiceOut.clear();
            }
        }
        events.write(out);
        invoices.write(invoiceOut);
    }
    say(QStringLiteral("CSV written: %1 s").arg(clock.elapsed() / 1000.0));
    copyIntoPostgres(conninfo, QStringLiteral("customers"),
                     QStringLiteral("id, uuid, customer_no, first_name, last_name, sort_name, email, created_at,"
                                    " updated_at, updated_by"),
                     customersCsv);
    say(QStringLiteral("customers copied: %1 s").arg(clock.elapsed() / 1000.0));
    copyIntoPostgres(conninfo, QStringLiteral("invoices"),
                     QStringLiteral("id, invoice_no, customer_id, sale_id, issued_at, status, currency, total_minor,"
                                    " updated_at, updated_by"),
                     invoicesCsv);
    copyIntoPostgres(conninfo, QStringLiteral("events"),
                     QStringLiteral("customer_id, ts, id, kind, campaign_id, sale_id, lot_id, invoice_id, ref_id,"
                                    " amount_minor, currency, info, details"),
                     eventsCsv);
    say(QStringLiteral("events copied: %1 s").arg(clock.elapsed() / 1000.0));
    QFile::remove(customersCsv);
    QFile::remove(eventsCsv);
    QFile::remove(invoicesCsv);
    // Identity columns continue after the ids given; the planner needs statistics after a load.
    for (const char *table :
         {"departments", "categories", "venues", "sales", "lots", "campaigns", "tags", "customers", "invoices"}) {
        run(db, QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', 'id'), (SELECT max(id) FROM %1))")
                    .arg(QLatin1String(table)));
    }
    run(db, QStringLiteral("VACUUM ANALYZE"));
    say(QStringLiteral("vacuum analyze: %1 s").arg(clock.elapsed() / 1000.0));
}

// --- measuring -----------------------------------------------------------------------------

struct Stats
{
    QList<double> ms;

    double percentile(double p) const
    {
        if (ms.isEmpty()) {
            return 0;
        }
        QList<double> sorted = ms;
        std::sort(sorted.begin(), sorted.end());
        const auto rank = static_cast<qsizetype>(p * static_cast<double>(sorted.size() - 1) + 0.5);
        return sorted.at(qBound<qsizetype>(0, rank, sorted.size() - 1));
    }
    double max() const { return ms.isEmpty() ? 0 : *std::max_element(ms.begin(), ms.end()); }
};

double timeMs(const std::function<void()> &work)
{
    QElapsedTimer clock;
    clock.start();
    work();
    return static_cast<double>(clock.nsecsElapsed()) / 1e6;
}

void evictFile(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY);
    if (fd < 0) {
        return;
    }
    ::fdatasync(fd);
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
    ::close(fd);
}

struct Setup
{
    Models::ConnectionSpec spec;
    TimelineShape shape;
    int runs = 100;
    int coldRuns = 10;
    int pageSize = ActivityModel::kDefaultPageSize;
    QString coldCommand;
    QString evictDir;
};

/// Runs the cold command (restarting a server empties its own cache): before connecting.
void runColdCommand(const Setup &setup)
{
    if (!setup.coldCommand.isEmpty() && std::system(qPrintable(setup.coldCommand)) != 0) {
        say(QStringLiteral("the cold command failed: ") + setup.coldCommand);
        std::exit(1);
    }
}

/// Evicts the database's files from the OS cache: after connecting, so that what opening
/// reads does not count.
void evictCaches(const Setup &setup)
{
    if (setup.spec.engine == Models::Engine::Sqlite) {
        for (const char *suffix : {"", "-wal", "-shm"}) {
            evictFile(setup.spec.sqlitePath + QLatin1String(suffix));
        }
    }
    if (!setup.evictDir.isEmpty()) {
        QDirIterator it(setup.evictDir, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            evictFile(it.next());
        }
    }
}

/// One measured operation: `prepare` runs untimed before each run (a new cursor, a new
/// customer), `work` is timed. Cold runs use a fresh connection after evicting the caches.
struct Case
{
    QString name;
    std::function<void(Database &db, int run)> work;
};

void measure(const Setup &setup, Database &warm, const QList<Case> &cases, bool cold)
{
    print(cold ? QStringLiteral("\n| cold (fresh connection, OS cache evicted) | runs | p50 ms | p95 ms | max ms |")
               : QStringLiteral("\n| warm | runs | p50 ms | p95 ms | max ms |"));
    print(QStringLiteral("|---|---:|---:|---:|---:|"));
    for (const Case &c : cases) {
        Stats stats;
        if (cold) {
            for (int r = 0; r < setup.coldRuns; ++r) {
                runColdCommand(setup);
                auto db = check(Database::open(setup.spec, QStringLiteral("bench-cold"), Database::OpenMode::NoMigrate),
                                QStringLiteral("opening"));
                evictCaches(setup);
                stats.ms << timeMs([&] { c.work(*db, r); });
            }
        } else {
            c.work(warm, -1); // warm up
            for (int r = 0; r < setup.runs; ++r) {
                stats.ms << timeMs([&] { c.work(warm, r); });
            }
        }
        print(QStringLiteral("| %1 | %2 | %3 | %4 | %5 |")
                  .arg(c.name)
                  .arg(stats.ms.size())
                  .arg(stats.percentile(0.5), 0, 'f', 2)
                  .arg(stats.percentile(0.95), 0, 'f', 2)
                  .arg(stats.max(), 0, 'f', 2));
    }
}

ActivityCursor cursorAtDepth(Database &db, qint64 customer, qint64 depth)
{
    QSqlQuery query = run(db,
                          QStringLiteral("SELECT ts, id FROM events WHERE customer_id = ?"
                                         " ORDER BY ts DESC, id DESC LIMIT 1 OFFSET ?"),
                          {customer, depth});
    if (!query.next()) {
        say(QStringLiteral("no event at depth %1").arg(depth));
        std::exit(1);
    }
    return {query.value(0).toLongLong(), query.value(1).toLongLong()};
}

QList<Case> cases(const Setup &setup, Database &db)
{
    const qint64 heavy = setup.shape.heavyCustomer;
    const int pageSize = setup.pageSize;
    auto randomCustomers = std::make_shared<QList<qint64>>();
    std::mt19937_64 random(7);
    for (int i = 0; i < 1000; ++i) {
        *randomCustomers << 1 + static_cast<qint64>(random() % static_cast<quint64>(setup.shape.customers));
    }
    const auto modelLoad = [pageSize](Database &d, qint64 customer, const ActivityFilter &filter) {
        ActivityModel model(d);
        model.setPageSize(pageSize);
        model.load(customer, filter);
        if (model.eventCount() == 0 && customer != 0 && filter.includesAll() && !filter.hasText()) {
            say(QStringLiteral("customer %1 has no events?").arg(customer));
        }
    };
    ActivityFilter invoices = ActivityFilter::only(EventCategory::Invoice);
    ActivityFilter email = ActivityFilter::only(EventCategory::Email);
    ActivityFilter consignments = ActivityFilter::only(EventCategory::Consignment);
    ActivityFilter common;
    common.setText(QStringLiteral("opened"));
    ActivityFilter rare;
    rare.setText(TimelineGenerator::rareWord());
    ActivityFilter nothing;
    nothing.setText(QStringLiteral("zzyzx"));

    QList<Case> list;
    list << Case{QStringLiteral("first page (%1 events), 50k-event customer").arg(pageSize),
                 [=](Database &d, int) { modelLoad(d, heavy, ActivityFilter()); }};
    // The same range without the joined names: what the clustered table alone costs, to tell
    // it apart from the lookups of mailings, lots, sales and invoices.
    list << Case{QStringLiteral("first page, events table alone (no joined names)"), [=](Database &d, int) {
                     QSqlQuery query =
                         run(d,
                             QStringLiteral("SELECT ts, id, kind, campaign_id, sale_id, lot_id, invoice_id,"
                                            " ref_id, amount_minor, currency, info, details FROM events"
                                            " WHERE customer_id = ? ORDER BY ts DESC, id DESC LIMIT ?"),
                             {heavy, pageSize});
                     int rows = 0;
                     while (query.next()) {
                         ++rows;
                     }
                     if (rows != pageSize) {
                         say(QStringLiteral("short page"));
                     }
                 }};
    list << Case{QStringLiteral("first page, random customers"),
                 [=](Database &d, int r) { modelLoad(d, randomCustomers->at((r + 1) % 1000), ActivityFilter()); }};
    list << Case{QStringLiteral("filter change: only invoices (~2 %)"),
                 [=](Database &d, int) { modelLoad(d, heavy, invoices); }};
    list << Case{QStringLiteral("filter change: only e-mail (~46 %)"),
                 [=](Database &d, int) { modelLoad(d, heavy, email); }};
    list << Case{QStringLiteral("filter change: only consignments (~0.4 %)"),
                 [=](Database &d, int) { modelLoad(d, heavy, consignments); }};
    for (const qint64 depth : {1000, 10000, 25000, 49000}) {
        if (depth + pageSize >= setup.shape.heavyEvents()) {
            continue;
        }
        const ActivityCursor cursor = cursorAtDepth(db, heavy, depth);
        list << Case{QStringLiteral("show more at depth %1").arg(depth), [=](Database &d, int) {
                         ActivityStore store(d);
                         auto page = store.page(heavy, ActivityFilter(), cursor, pageSize);
                         if (!page || page->events.size() != pageSize) {
                             say(QStringLiteral("short page"));
                         }
                     }};
    }
    list << Case{QStringLiteral("show more ×20 in a row (scrolling to 2,100 events)"), [=](Database &d, int) {
                     ActivityModel model(d);
                     model.setPageSize(pageSize);
                     model.load(heavy, ActivityFilter());
                     for (int i = 0; i < 20; ++i) {
                         model.fetchMore({});
                     }
                 }};
    list << Case{QStringLiteral("text: common word (\"opened\"), first page"),
                 [=](Database &d, int) { modelLoad(d, heavy, common); }};
    list << Case{QStringLiteral("text: rare word, first step (one scan window)"), [=](Database &d, int) {
                     ActivityStore store(d);
                     check(store.page(heavy, rare, std::nullopt, pageSize), QStringLiteral("page"));
                 }};
    list << Case{
        QStringLiteral("text: rare word, found %1 events back (fill, no budget)").arg(setup.shape.heavyEvents() - 501),
        [=](Database &d, int) {
            ActivityStore store(d);
            auto page = check(store.fill(heavy, rare, std::nullopt, pageSize, 1'000'000), QStringLiteral("fill"));
            if (page.events.size() != 1) {
                say(QStringLiteral("the rare word was found %1 times").arg(page.events.size()));
            }
        }};
    list << Case{QStringLiteral("text: no match, whole history (fill, no budget)"), [=](Database &d, int) {
                     ActivityStore store(d);
                     check(store.fill(heavy, nothing, std::nullopt, pageSize, 1'000'000), QStringLiteral("fill"));
                 }};
    list << Case{QStringLiteral("text: no match, one fetch of the panel (40 ms budget)"), [=](Database &d, int) {
                     ActivityStore store(d);
                     check(store.fill(heavy, nothing, std::nullopt, pageSize, ActivityModel::kDefaultFetchBudgetMs),
                           QStringLiteral("fill"));
                 }};
    return list;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Measures the Activities timeline on a big database."));
    parser.addHelpOption();
    const QCommandLineOption database(QStringLiteral("database"), QStringLiteral("SQLite file (built if missing)"),
                                      QStringLiteral("file"), QStringLiteral("/work/benchdata/timeline.gavel"));
    const QCommandLineOption postgres(QStringLiteral("postgres"), QStringLiteral("PostgreSQL conninfo instead"),
                                      QStringLiteral("conninfo"));
    const QCommandLineOption customers(QStringLiteral("customers"), QStringLiteral("customers"), QStringLiteral("n"),
                                       QStringLiteral("1000000"));
    const QCommandLineOption events(QStringLiteral("events"), QStringLiteral("events"), QStringLiteral("n"),
                                    QStringLiteral("50000000"));
    const QCommandLineOption runs(QStringLiteral("runs"), QStringLiteral("warm runs per case"), QStringLiteral("n"),
                                  QStringLiteral("100"));
    const QCommandLineOption coldRuns(QStringLiteral("cold-runs"), QStringLiteral("cold runs per case (0: none)"),
                                      QStringLiteral("n"), QStringLiteral("10"));
    const QCommandLineOption pageSize(QStringLiteral("page-size"), QStringLiteral("events per page"),
                                      QStringLiteral("n"), QString::number(ActivityModel::kDefaultPageSize));
    const QCommandLineOption coldCommand(QStringLiteral("cold-command"),
                                         QStringLiteral("shell command run before each cold run (restart a server)"),
                                         QStringLiteral("command"));
    const QCommandLineOption evictDir(
        QStringLiteral("evict-dir"),
        QStringLiteral("folder whose files are evicted from the OS cache before cold runs"), QStringLiteral("folder"));
    const QCommandLineOption scratch(QStringLiteral("scratch"), QStringLiteral("folder for PostgreSQL's CSV files"),
                                     QStringLiteral("folder"), QStringLiteral("/work/benchdata"));
    const QCommandLineOption buildOnly(QStringLiteral("build-only"), QStringLiteral("build the database and stop"));
    const QCommandLineOption sql(QStringLiteral("sql"), QStringLiteral("run a statement after opening (an experiment)"),
                                 QStringLiteral("statement"));
    const QCommandLineOption only(QStringLiteral("only"), QStringLiteral("run only the cases whose name contains this"),
                                  QStringLiteral("text"));
    parser.addOptions({database, postgres, customers, events, runs, coldRuns, pageSize, coldCommand, evictDir, scratch,
                       buildOnly, sql, only});
    parser.process(app);

    Setup setup;
    setup.shape.customers = parser.value(customers).toLongLong();
    setup.shape.events = parser.value(events).toLongLong();
    setup.shape.heavyCustomer = qMin<qint64>(setup.shape.heavyCustomer, setup.shape.customers);
    setup.runs = parser.value(runs).toInt();
    setup.coldRuns = parser.value(coldRuns).toInt();
    setup.pageSize = parser.value(pageSize).toInt();
    setup.coldCommand = parser.value(coldCommand);
    setup.evictDir = parser.value(evictDir);
    if (parser.isSet(postgres)) {
        setup.spec = check(Models::ConnectionSpec::fromConninfo(parser.value(postgres)), QStringLiteral("conninfo"));
    } else {
        QDir().mkpath(QFileInfo(parser.value(database)).absolutePath());
        setup.spec = Models::ConnectionSpec::sqlite(parser.value(database));
    }

    auto db = check(Database::open(setup.spec, QStringLiteral("bench")), QStringLiteral("opening the database"));
    const QString key = setup.shape.key();
    const QString stored =
        check(Models::Sql::scalar(db->connection(), QStringLiteral("SELECT value FROM gavel_meta WHERE key = ?"),
                                  {QStringLiteral("bench.timeline")}, QStringLiteral("reading")),
              QStringLiteral("reading"))
            .toString();
    if (stored != key) {
        const qint64 existing =
            check(Models::Sql::scalar(db->connection(), QStringLiteral("SELECT count(*) FROM customers"), {},
                                      QStringLiteral("counting")),
                  QStringLiteral("counting"))
                .toLongLong();
        const bool resumable = setup.spec.engine == Models::Engine::Sqlite && loadedEvents(*db, setup.shape) > 0;
        if (existing != 0 && !resumable) {
            say(QStringLiteral("%1 holds another data set (%2); remove it first.").arg(setup.spec.describe(), stored));
            return 1;
        }
        say(QStringLiteral("building %1 in %2").arg(key, setup.spec.describe()));
        QElapsedTimer clock;
        clock.start();
        if (setup.spec.engine == Models::Engine::Sqlite) {
            buildSqlite(*db, setup.shape);
        } else {
            buildPostgres(*db, setup.shape, parser.value(postgres), parser.value(scratch));
        }
        run(*db, QStringLiteral("INSERT INTO gavel_meta (key, value) VALUES (?, ?)"),
            {QStringLiteral("bench.timeline"), key});
        say(QStringLiteral("built in %1 s").arg(clock.elapsed() / 1000.0));
    }
    if (parser.isSet(sql)) {
        QElapsedTimer clock;
        clock.start();
        run(*db, parser.value(sql));
        say(QStringLiteral("%1: %2 s").arg(parser.value(sql)).arg(clock.elapsed() / 1000.0));
    }
    if (parser.isSet(buildOnly)) {
        return 0;
    }

    // Counted, not taken from the shape: random picks add a few events to the heavy customer.
    const qint64 heavyEvents =
        check(Models::Sql::scalar(db->connection(), QStringLiteral("SELECT count(*) FROM events WHERE customer_id = ?"),
                                  {setup.shape.heavyCustomer}, QStringLiteral("counting")),
              QStringLiteral("counting"))
            .toLongLong();
    print(QStringLiteral("%1, %2; heavy customer %3 with %4 events; page size %5")
              .arg(db->dialect().engineName(), key)
              .arg(setup.shape.heavyCustomer)
              .arg(heavyEvents)
              .arg(setup.pageSize));
    QList<Case> list = cases(setup, *db);
    if (parser.isSet(only)) {
        list.removeIf([&](const Case &c) { return !c.name.contains(parser.value(only)); });
    }
    measure(setup, *db, list, false);
    if (setup.coldRuns > 0) {
        measure(setup, *db, list, true);
    }
    return 0;
}
