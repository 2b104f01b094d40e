#pragma once

#include "result.h"

#include <QDate>
#include <QJsonArray>
#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace Gavel::Models {

class Database;

/// The profile's Item History: every lot one customer bid on, wishlisted, consigned or bought
/// (a lot whose buyer they are counts as bid on even when no bid of theirs was imported: the
/// room bid that won it), one row per lot, with how it ended for them. Filtered and sorted
/// in SQL.
///
/// How a lot ended for the customer (Outcome), decided in this order:
/// 1. the lot was withdrawn → Withdrawn; it was offered and bought in → Unsold; it has not
///    been offered yet → Upcoming; for every bidder, wishlister and consignor alike;
/// 2. the lot sold. Its buyer is lots.buyer_id, the house's record of the sale (the hammer
///    may have fallen to a room bid that no export lists); when no buyer is recorded, the
///    buyer is the highest bid's bidder, and at an equal amount the EARLIER bid wins (then
///    the lower bid id, so the answer never depends on the engine). The buyer → Won;
/// 3. the customer did not bid (consigned or wishlisted only) → Sold;
/// 4. the customer is the underbidder → Underbid: the bidder of the highest bid that is not
///    the buyer's, the earlier at an equal amount. There is exactly one underbidder per
///    sold lot with a losing bid;
/// 5. any other bidder → Outbid.
///
/// The whole filtered history is read in one query: the outcome of every row is needed to
/// filter and sort by it, so a page would cost as much as all of it (docs/benchmarks.md has
/// the figure for a customer with 20,000 lots).
class ItemHistory final
{
public:
    enum class Outcome
    {
        Won,
        Underbid,
        Outbid,
        Unsold,
        Withdrawn,
        Sold,
        Upcoming
    };
    static constexpr int kOutcomeCount = 7;

    /// Why a lot is in the history; a row can have several.
    enum Kind : int
    {
        BidOn = 0x1,
        Wishlisted = 0x2,
        Consigned = 0x4,
        AnyKind = BidOn | Wishlisted | Consigned,
    };

    /// The columns the history sorts by (and the model shows), in the model's order.
    enum class SortKey
    {
        SaleDate,
        Sale,
        LotNo,
        Title,
        Department,
        Kind,
        Estimate,
        TopBid,
        Hammer,
        Outcome,
        Consignment
    };

    struct Row
    {
        qint64 lotId = 0;
        qint64 saleId = 0;
        QString saleNo;
        QString saleTitle;
        qint64 saleStartsAt = 0; ///< epoch seconds
        QString lotNo;
        QString title;
        QString maker;
        qint64 departmentId = 0; ///< 0 = none
        QString department;
        std::optional<qint64> lowEstimate;  ///< minor units of `currency`
        std::optional<qint64> highEstimate; ///< minor units of `currency`
        QString currency;
        std::optional<qint64> topBid; ///< the customer's highest bid; none when they did not bid
        int bidCount = 0;
        std::optional<qint64> hammer;
        Outcome outcome = Outcome::Upcoming;
        int kinds = 0;             ///< Kind flags
        qint64 wishlistedAt = 0;   ///< epoch seconds; 0 = not wishlisted
        QString consignmentNo;     ///< empty when not consigned by the customer
        QString consignmentStatus; ///< consignments.status ("sold", "returned"…); empty when not consigned

        /// The amount the price filter compares: the hammer price where the lot sold, else the
        /// customer's top bid, else the low estimate.
        std::optional<qint64> price() const;
    };

    struct Filter
    {
        int kinds = AnyKind;            ///< rows with any of these Kind flags
        qint64 departmentId = 0;        ///< 0 = every department
        qint64 saleId = 0;              ///< 0 = every sale
        QDate from;                     ///< sale date, local time, inclusive; invalid = open
        QDate to;                       ///< inclusive; invalid = open
        std::optional<qint64> minPrice; ///< minor units, against Row::price(), inclusive
        std::optional<qint64> maxPrice;
        QList<Outcome> outcomes; ///< empty = every outcome
        QString text;            ///< words, each in the lot's title, maker or number, or the sale's title or number

        bool isEmpty() const;
        friend bool operator==(const Filter &, const Filter &) = default;
    };

    /// Sums of the rows shown, per currency (a house that sells in several has several).
    struct Totals
    {
        struct Money
        {
            QString currency;
            qint64 wonHammer = 0;       ///< hammer prices of the lots won
            qint64 topBids = 0;         ///< the customer's top bids
            qint64 consignedHammer = 0; ///< hammer prices of the customer's consigned lots that sold
        };
        int lots = 0;
        std::array<int, kOutcomeCount> outcomes = {}; ///< rows per Outcome
        int bidOn = 0;
        int wishlisted = 0;
        int consigned = 0;
        QList<Money> money; ///< by currency code

        int count(Outcome outcome) const { return outcomes[static_cast<std::size_t>(outcome)]; }
    };

    /// What the filter bar can choose from: the departments and sales of a history.
    struct Choices
    {
        QList<std::pair<qint64, QString>> departments; ///< id, name; by name
        struct SaleChoice
        {
            qint64 id = 0;
            QString saleNo;
            QString title;
            qint64 startsAt = 0;
        };
        QList<SaleChoice> sales; ///< newest first
    };

    /// The customer's history through `filter`, sorted by `key` (ties by sale date, sale and
    /// lot order). Never more than the customer's own lots.
    static Result<QList<Row>> read(const Database &database, qint64 customerId, const Filter &filter, SortKey key,
                                   Qt::SortOrder order);
    /// The whole history, newest sale first.
    static Result<QList<Row>> read(const Database &database, qint64 customerId);
    /// Through `filter`, newest sale first.
    static Result<QList<Row>> read(const Database &database, qint64 customerId, const Filter &filter);
    /// The departments and sales among `rows` (read them unfiltered for the whole history).
    static Choices choicesOf(const QList<Row> &rows);
    static Totals totalsOf(const QList<Row> &rows);

    /// The words a person reads for an outcome ("Won", "Underbid"…).
    static QString outcomeText(Outcome outcome);
    /// The words for a consignment status ("returned" → "Returned").
    static QString consignmentStatusText(const QString &status);
    /// "Bid ×3, wishlist" for a row's Kind flags and bid count.
    static QString kindsText(int kinds, int bidCount);

    /// Stable keys for files ("won", "underbid"…) and back.
    static QString outcomeKey(Outcome outcome);
    static std::optional<Outcome> outcomeFromKey(const QString &key);

    /// The export's "itemHistory" section: every row, oldest sale first; lots by sale and lot
    /// number, never by local id.
    static QJsonArray toJson(const QList<Row> &rows);
};

} // namespace Gavel::Models
