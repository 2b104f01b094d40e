#pragma once

#include "result.h"

#include <QDate>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

namespace Gavel::Models {

class Database;

/// What demo house to make.
struct DemoOptions
{
    int customers = 2000;
    quint64 seed = 1;
    /// The Tate artworks.csv; the app passes its resource ":/demo/tate-artworks.csv" (also
    /// the default when empty).
    QString cataloguePath;
    /// "Today" of the generated house; invalid = QDate::currentDate(). The output is
    /// deterministic per (seed, anchorDate, customers).
    QDate anchorDate;
};

/// Rows and write time of one table, for throughput figures.
struct DemoTableStats
{
    QString table;
    qint64 rows = 0;
    double writeSeconds = 0; ///< time spent executing its INSERTs
};

struct DemoStats
{
    qint64 customers = 0;
    qint64 sales = 0;
    qint64 lots = 0;
    qint64 bids = 0;
    qint64 invoices = 0;
    qint64 events = 0;
    qint64 totalRows = 0;
    double seconds = 0;
    std::vector<DemoTableStats> tables; ///< in the order they were first written
};

/// Writes a deterministic, realistic auction house into an empty Gavel database: about a
/// dozen departments with categories, six years of sales and upcoming ones, lots from the
/// Tate collection (CC0) and from templates, international customers with bids, wins,
/// invoices, consignments, wishlists, mailings, web visits, notes, tags, subscriptions,
/// polls, promo codes, house credit and abandoned baskets — every panel of every profile
/// has something true to show, and the data has learnable structure (each customer's
/// hidden tastes drive what they bid on, view and click).
///
/// Customers are made and written one chunk at a time, so memory stays bounded at a
/// million customers. Everything is written in one transaction: on an error or a cancel
/// nothing of the demo remains.
class DemoGenerator final
{
public:
    DemoGenerator(Database &database, DemoOptions options);
    ~DemoGenerator();
    DemoGenerator(const DemoGenerator &) = delete;
    DemoGenerator &operator=(const DemoGenerator &) = delete;

    /// Runs in the caller's thread on the given connection. `progress(done, total, stage)` is
    /// called at least every ~0.2 s of work, with a stage for people ("Writing customers…");
    /// returning false cancels (ErrorKind::Cancelled). Refuses (ErrorKind::Invalid) a
    /// database that already has customers.
    Status generate(const std::function<bool(qint64 done, qint64 total, const QString &stage)> &progress = {});

    DemoStats stats() const { return m_stats; }

private:
    class Run;

    Database &m_database;
    DemoOptions m_options;
    DemoStats m_stats;
};

} // namespace Gavel::Models
