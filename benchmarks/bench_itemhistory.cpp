// Measures reading a customer's Item History (ItemHistory::read: every lot bid on,
// wishlisted, consigned or bought, with its outcome), in a demo database: for the demo
// customer with the most lots, and for a heavy dealer added by this program with N lots
// (each with three rival bids, a tenth wishlisted, a twentieth consigned) spread over 100
// sales. Times the whole history, a text filter, a sort by outcome, and the totals; each
// the median of R runs. docs/benchmarks.md records its figures.
//
//   gavel demo --out FILE --customers 20000
//   bench_itemhistory --database FILE [--lots N] [--runs R]

#include "bulkinserter.h"
#include "database.h"
#include "itemhistory.h"
#include "sql.h"
#include "transaction.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>

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

const QString kHeavyNo = QStringLiteral("BENCH-HEAVY");

/// Adds the heavy dealer and their lots unless an earlier run did; returns their id.
Result<qint64> heavyCustomer(Database &database, int lots)
{
    const QSqlDatabase db = database.connection();
    auto existing = Sql::scalar(db, QStringLiteral("SELECT id FROM customers WHERE customer_no = ?"), {kHeavyNo},
                                QStringLiteral("looking for the heavy customer"));
    if (!existing) {
        return existing.error();
    }
    if (!existing->isNull()) {
        return existing->toLongLong();
    }
    Transaction transaction(db);
    if (Status status = transaction.status(); !status) {
        return status.error();
    }
    auto id = Sql::scalar(db,
                          QStringLiteral("INSERT INTO customers (uuid, customer_no, last_name, sort_name, created_at,"
                                         " updated_at, updated_by) VALUES (?, ?, 'Heavy', 'heavy', 0, 0, 'bench')"
                                         " RETURNING id"),
                          {QStringLiteral("bench-heavy"), kHeavyNo}, QStringLiteral("adding the heavy customer"));
    if (!id) {
        return id.error();
    }
    const qint64 me = id->toLongLong();
    auto rivals = Sql::exec(db, QStringLiteral("SELECT id FROM customers WHERE id <> ? ORDER BY id LIMIT 500"), {me},
                            QStringLiteral("reading rivals"));
    if (!rivals) {
        return rivals.error();
    }
    std::vector<qint64> others;
    while (rivals->next()) {
        others.push_back(rivals->value(0).toLongLong());
    }
    if (others.size() < 3) {
        return Error::make(ErrorKind::Invalid, QStringLiteral("The database needs at least three customers."));
    }
    auto department = Sql::scalar(db, QStringLiteral("SELECT min(id) FROM departments"), {}, QStringLiteral("dept"));
    if (!department) {
        return department.error();
    }
    const Engine engine = database.dialect().engine();
    const qint64 start = 1262304000; // 2010-01-01
    const int sales = 100;
    std::vector<qint64> saleIds;
    for (int s = 0; s < sales; ++s) {
        auto sale = Sql::scalar(db,
                                QStringLiteral("INSERT INTO sales (sale_no, title, department_id, starts_at, status,"
                                               " currency) VALUES (?, ?, ?, ?, 'closed', 'GBP') RETURNING id"),
                                {QStringLiteral("BENCH-%1").arg(s), QStringLiteral("Bench Sale %1").arg(s), *department,
                                 start + qint64(s) * 86400 * 40},
                                QStringLiteral("adding a sale"));
        if (!sale) {
            return sale.error();
        }
        saleIds.push_back(sale->toLongLong());
    }
    auto consignment = Sql::scalar(db,
                                   QStringLiteral("INSERT INTO consignments (uuid, customer_id, received_at, status,"
                                                  " updated_at, updated_by) VALUES ('bench-c', ?, ?, 'sold', 0, 'b')"
                                                  " RETURNING id"),
                                   {me, start}, QStringLiteral("adding a consignment"));
    if (!consignment) {
        return consignment.error();
    }
    auto maxLot = Sql::scalar(db, QStringLiteral("SELECT COALESCE(max(id), 0) FROM lots"), {}, QStringLiteral("ids"));
    if (!maxLot) {
        return maxLot.error();
    }
    qint64 lotId = maxLot->toLongLong();
    BulkInserter lotRows(db, engine, QStringLiteral("lots"),
                         {QStringLiteral("id"), QStringLiteral("sale_id"), QStringLiteral("lot_no"),
                          QStringLiteral("lot_seq"), QStringLiteral("title"), QStringLiteral("department_id"),
                          QStringLiteral("low_estimate_minor"), QStringLiteral("high_estimate_minor"),
                          QStringLiteral("hammer_minor"), QStringLiteral("currency"), QStringLiteral("status"),
                          QStringLiteral("buyer_id"), QStringLiteral("consignment_id")});
    BulkInserter bidRows(db, engine, QStringLiteral("bids"),
                         {QStringLiteral("lot_id"), QStringLiteral("customer_id"), QStringLiteral("amount_minor"),
                          QStringLiteral("currency"), QStringLiteral("placed_at")});
    BulkInserter wishRows(db, engine, QStringLiteral("wishlists"),
                          {QStringLiteral("customer_id"), QStringLiteral("lot_id"), QStringLiteral("added_at")});
    for (int i = 0; i < lots; ++i) {
        ++lotId;
        const int s = i % sales;
        const qint64 low = (1 + (i * 7919) % 500) * 10000;
        const bool consigned = i % 20 == 0;
        const bool unsold = i % 9 == 0;
        const int winner = i % 4; // 0: me, 1–3: a rival
        const qint64 rival = others[static_cast<std::size_t>(i) % others.size()];
        const qint64 hammer = low + 5000 * 4;
        lotRows << lotId << saleIds[static_cast<std::size_t>(s)] << QString::number(i / sales + 1) << (i / sales + 1)
                << QStringLiteral("Bench lot %1 of a heavy history").arg(i) << *department << low << low * 3 / 2
                << (unsold ? QVariant() : QVariant(hammer)) << QStringLiteral("GBP")
                << (unsold ? QStringLiteral("unsold") : QStringLiteral("sold"))
                << (unsold ? QVariant() : QVariant(winner == 0 ? me : rival))
                << (consigned ? QVariant(consignment->toLongLong()) : QVariant());
        if (Status status = lotRows.endRow(); !status) {
            return status.error();
        }
    }
    // The bids refer to the lots: those go in first.
    if (Status status = lotRows.finish(); !status) {
        return status.error();
    }
    lotId = maxLot->toLongLong();
    for (int i = 0; i < lots; ++i) {
        ++lotId;
        const int s = i % sales;
        const qint64 saleAt = start + qint64(s) * 86400 * 40;
        const qint64 low = (1 + (i * 7919) % 500) * 10000;
        const bool consigned = i % 20 == 0;
        const int winner = i % 4;
        const qint64 rival = others[static_cast<std::size_t>(i) % others.size()];
        if (consigned) {
            continue; // a consignor does not bid on their own lot
        }
        // Four rising bids; the last is the buyer's. The customer's is the last when they
        // won, else one of the first three (the third: the underbid).
        for (int k = 0; k < 4; ++k) {
            qint64 bidder = others[(static_cast<std::size_t>(i) + 1 + static_cast<std::size_t>(k) * 7) % others.size()];
            if (k == 3) {
                bidder = winner == 0 ? me : rival;
            } else if (winner != 0 && k == winner - 1) {
                bidder = me;
            }
            bidRows << lotId << bidder << low + 5000 * (k + 1) << QStringLiteral("GBP") << saleAt + 60 * k;
            if (Status status = bidRows.endRow(); !status) {
                return status.error();
            }
        }
        if (i % 10 == 1) {
            wishRows << me << lotId << saleAt - 86400;
            if (Status status = wishRows.endRow(); !status) {
                return status.error();
            }
        }
    }
    for (BulkInserter *inserter : {&bidRows, &wishRows}) {
        if (Status status = inserter->finish(); !status) {
            return status.error();
        }
    }
    if (Status status = transaction.commit(); !status) {
        return status.error();
    }
    return me;
}

struct Timing
{
    double median = 0;
    double best = 0;
    qsizetype rows = 0;
};

Result<Timing> time(const Database &database, qint64 customer, const ItemHistory::Filter &filter,
                    ItemHistory::SortKey key, int runs, bool totals)
{
    std::vector<double> ms;
    Timing timing;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        auto rows = ItemHistory::read(database, customer, filter, key, Qt::DescendingOrder);
        if (!rows) {
            return rows.error();
        }
        if (totals) {
            const ItemHistory::Totals sums = ItemHistory::totalsOf(*rows);
            timing.rows = sums.lots;
        } else {
            timing.rows = rows->size();
        }
        ms.push_back(timer.nsecsElapsed() / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    timing.median = ms[ms.size() / 2];
    timing.best = ms.front();
    return timing;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption databaseOption(QStringLiteral("database"), QStringLiteral("A demo database (SQLite)."),
                                            QStringLiteral("FILE"));
    const QCommandLineOption lotsOption(QStringLiteral("lots"), QStringLiteral("Lots of the heavy customer."),
                                        QStringLiteral("N"), QStringLiteral("20000"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs per figure."), QStringLiteral("R"),
                                        QStringLiteral("5"));
    parser.addOptions({databaseOption, lotsOption, runsOption});
    parser.process(app);
    if (!parser.isSet(databaseOption)) {
        say(QStringLiteral("bench_itemhistory needs --database FILE (make one with: gavel demo --out FILE)"));
        return 2;
    }
    ConnectionSpec spec;
    spec.engine = Engine::Sqlite;
    spec.sqlitePath = parser.value(databaseOption);
    auto database = Database::open(spec, QStringLiteral("bench"));
    if (!database) {
        say(database.error().fullText());
        return 1;
    }
    const int runs = std::max(1, parser.value(runsOption).toInt());
    auto heavy = heavyCustomer(**database, parser.value(lotsOption).toInt());
    if (!heavy) {
        say(heavy.error().fullText());
        return 1;
    }
    auto busiest = Sql::scalar((*database)->connection(),
                               QStringLiteral("SELECT customer_id FROM bids WHERE customer_id <> ?"
                                              " GROUP BY customer_id ORDER BY count(DISTINCT lot_id) DESC LIMIT 1"),
                               {*heavy}, QStringLiteral("finding the busiest bidder"));
    if (!busiest) {
        say(busiest.error().fullText());
        return 1;
    }
    ItemHistory::Filter text;
    text.text = QStringLiteral("lot 1");
    ItemHistory::Filter won;
    won.outcomes = {ItemHistory::Outcome::Won};
    const struct
    {
        const char *name;
        qint64 customer;
        ItemHistory::Filter filter;
        ItemHistory::SortKey key;
        bool totals;
    } cases[] = {
        {"busiest demo bidder, whole history", busiest->toLongLong(), {}, ItemHistory::SortKey::SaleDate, false},
        {"heavy dealer, whole history", *heavy, {}, ItemHistory::SortKey::SaleDate, false},
        {"heavy dealer, whole history + totals", *heavy, {}, ItemHistory::SortKey::SaleDate, true},
        {"heavy dealer, sorted by result", *heavy, {}, ItemHistory::SortKey::Outcome, false},
        {"heavy dealer, text filter \"lot 1\"", *heavy, text, ItemHistory::SortKey::SaleDate, false},
        {"heavy dealer, won only", *heavy, won, ItemHistory::SortKey::Hammer, false},
    };
    for (const auto &c : cases) {
        auto timing = time(**database, c.customer, c.filter, c.key, runs, c.totals);
        if (!timing) {
            say(timing.error().fullText());
            return 1;
        }
        say(QStringLiteral("%1: %2 rows, median %3 ms, best %4 ms")
                .arg(QString::fromLatin1(c.name))
                .arg(timing->rows)
                .arg(timing->median, 0, 'f', 1)
                .arg(timing->best, 0, 'f', 1));
    }
    return 0;
}
