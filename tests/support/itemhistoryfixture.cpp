#include "itemhistoryfixture.h"

#include "sqlfixture.h"

#include <QDateTime>
#include <QTimeZone>

namespace Gavel::Tests {

namespace {

qint64 at(int year, int month, int day, int hour = 12, int minute = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), QTimeZone::utc()).toSecsSinceEpoch();
}

constexpr qint64 kPound = 100;

} // namespace

// The house (GBP; amounts below in pounds, stored in pence):
//
// S1 "Old Masters Evening" (OM), 10 March 2024 18:00 UTC, closed
//   L1  lot 1  "Portrait of a Lady", Rembrandt, est 10,000–15,000: sold 12,000 to A.
//              Bids A 11,000, B 11,500, A 12,000.            A Won (2 bids), B Underbid.
//   L2  lot 2  "River Landscape", est 5,000–7,000: sold 8,000 to B.
//              Bids A 6,000, C 7,000, B 8,000.                A Outbid, C Underbid.
//   L3  lot 3  "Still Life, with Flowers", est 3,000–5,000: sold 4,000, NO buyer recorded.
//              Bids A 4,000 at 18:05, D 4,000 at 18:06.       Equal: the earlier wins: A Won,
//                                                             D Underbid.
//   L8  lot 4  `The "Blue" Vase, Delft`, est 600–800: bought in. Consigned by A (CN-2,
//              returned).                                     A Unsold (consigned).
//   L11 lot 6  "Tavern Interior", est 2,000–3,000: sold 2,500 to A in the room; no bid of
//              A's was imported.                              A Won (no top bid).
//   L13 lot 7  "Winter Landscape", est 3,000–5,000: sold 6,000 to C.
//              Bids B 4,500, A 5,000, C 6,000.                A Underbid, B Outbid.
// S2 "Jewels" (JW), 20 May 2024 10:00 UTC, closed
//   L4  lot 10 "Diamond Ring", est 2,000–3,000: sold 3,500 to C.
//              Bids B 3,000 at 10:01, A 3,000 at 10:02, C 3,500.
//                                                             Equal losing bids: the earlier
//                                                             is the underbidder: B Underbid,
//                                                             A Outbid.
//   L5  lot 11 "Pearl Necklace", est 1,200–1,800: bought in. Bid A 1,500; wishlisted by A.
//                                                             A Unsold (bid + wishlist).
//   L6  lot 12 "Gold Brooch", est 800–1,200: withdrawn. Wishlisted by A.  A Withdrawn.
//   L7  lot 13 "Sapphire Earrings, pair", est 700–900: sold 900 to B. Consigned by A
//              (CN-1, sold).                                  A Sold (consigned).
//   L10 lot 14 "Emerald Bracelet", est 1,500–2,000: sold 2,000 to B. Wishlisted by A and B.
//                                                             A Sold (wishlist only).
//   L12 lot 15 "Cameo", est 300–500: sold 400 to B. Bid B 400 only.  Not in A's history.
// S3 "Old Masters Day" (OM), 15 January 2030 18:00 UTC, upcoming
//   L9  lot 5  "Madonna and Child", est 20,000–30,000: upcoming. Absentee bid A 18,000.
//                                                             A Upcoming.
//
// A's history: 12 lots. Won L1 L3 L11 (hammer 12,000 + 4,000 + 2,500 = 18,500), Underbid L13,
// Outbid L2 L4, Unsold L5 L8, Withdrawn L6, Sold L7 L10, Upcoming L9. Top bids 12,000 +
// 6,000 + 4,000 + 3,000 + 1,500 + 18,000 + 5,000 = 49,500. Bid on 8 (L1 L2 L3 L4 L5 L9 L13,
// and L11 by buying it); wishlisted L5 L6 L10 = 3; consigned L7 L8 = 2, consigned hammer 900.
QString ItemHistoryFixture::build(Models::Database &database)
{
    SqlFixture f(database);
    const auto customer = [&](const QString &no, const QString &last) {
        return f.run(QStringLiteral("INSERT INTO customers (uuid, customer_no, last_name, sort_name, created_at,"
                                    " updated_at, updated_by) VALUES (?, ?, ?, ?, 0, 0, 'test') RETURNING id"),
                     {QString(QStringLiteral("uuid-") + no), no, last, last.toLower()});
    };
    a = customer(QStringLiteral("A1"), QStringLiteral("Ashdown"));
    b = customer(QStringLiteral("B2"), QStringLiteral("Blake"));
    c = customer(QStringLiteral("C3"), QStringLiteral("Crane"));
    d = customer(QStringLiteral("D4"), QStringLiteral("Dufort"));

    const auto department = [&](const QString &code, const QString &name) {
        return f.run(QStringLiteral("INSERT INTO departments (code, name) VALUES (?, ?) RETURNING id"), {code, name});
    };
    oldMasters = department(QStringLiteral("OM"), QStringLiteral("Old Masters"));
    jewellery = department(QStringLiteral("JW"), QStringLiteral("Jewellery"));

    const auto sale = [&](const QString &no, const QString &title, qint64 dept, qint64 startsAt, const char *status) {
        return f.run(QStringLiteral("INSERT INTO sales (sale_no, title, department_id, starts_at, status, currency)"
                                    " VALUES (?, ?, ?, ?, ?, 'GBP') RETURNING id"),
                     {no, title, dept, startsAt, QString::fromLatin1(status)});
    };
    s1 = sale(QStringLiteral("S1"), QStringLiteral("Old Masters Evening"), oldMasters, at(2024, 3, 10, 18), "closed");
    s2 = sale(QStringLiteral("S2"), QStringLiteral("Jewels"), jewellery, at(2024, 5, 20, 10), "closed");
    s3 = sale(QStringLiteral("S3"), QStringLiteral("Old Masters Day"), oldMasters, at(2030, 1, 15, 18), "upcoming");

    const auto consignment = [&](const QString &no, const char *status) {
        return f.run(QStringLiteral("INSERT INTO consignments (uuid, consignment_no, customer_id, received_at, status,"
                                    " updated_at, updated_by) VALUES (?, ?, ?, ?, ?, 0, 'test') RETURNING id"),
                     {QString(QStringLiteral("uuid-") + no), no, a, at(2024, 1, 5), QString::fromLatin1(status)});
    };
    const qint64 cn1 = consignment(QStringLiteral("CN-1"), "sold");
    const qint64 cn2 = consignment(QStringLiteral("CN-2"), "returned");

    const auto lot = [&](qint64 saleId, const QString &no, int seq, const QString &title, const QString &maker,
                         qint64 dept, qint64 low, qint64 high, const char *status, qint64 hammer, qint64 buyer,
                         qint64 consignmentId) {
        return f.run(QStringLiteral("INSERT INTO lots (sale_id, lot_no, lot_seq, title, maker, department_id,"
                                    " low_estimate_minor, high_estimate_minor, hammer_minor, currency, status,"
                                    " buyer_id, consignment_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'GBP', ?, ?, ?)"
                                    " RETURNING id"),
                     {saleId, no, seq, title, Models::Sql::textOrNull(maker), dept, low * kPound, high * kPound,
                      hammer ? QVariant(hammer * kPound) : QVariant(), QString::fromLatin1(status),
                      Models::Sql::intOrNull(buyer), Models::Sql::intOrNull(consignmentId)});
    };
    const QString none;
    l1 = lot(s1, QStringLiteral("1"), 1, QStringLiteral("Portrait of a Lady"), QStringLiteral("Rembrandt"), oldMasters,
             10000, 15000, "sold", 12000, a, 0);
    l2 = lot(s1, QStringLiteral("2"), 2, QStringLiteral("River Landscape"), none, oldMasters, 5000, 7000, "sold", 8000,
             b, 0);
    l3 = lot(s1, QStringLiteral("3"), 3, QStringLiteral("Still Life, with Flowers"), none, oldMasters, 3000, 5000,
             "sold", 4000, 0, 0);
    l8 = lot(s1, QStringLiteral("4"), 4, QStringLiteral("The \"Blue\" Vase, Delft"), none, oldMasters, 600, 800,
             "unsold", 0, 0, cn2);
    l11 = lot(s1, QStringLiteral("6"), 6, QStringLiteral("Tavern Interior"), none, oldMasters, 2000, 3000, "sold", 2500,
              a, 0);
    l13 = lot(s1, QStringLiteral("7"), 7, QStringLiteral("Winter Landscape"), none, oldMasters, 3000, 5000, "sold",
              6000, c, 0);
    l4 = lot(s2, QStringLiteral("10"), 10, QStringLiteral("Diamond Ring"), none, jewellery, 2000, 3000, "sold", 3500, c,
             0);
    l5 = lot(s2, QStringLiteral("11"), 11, QStringLiteral("Pearl Necklace"), none, jewellery, 1200, 1800, "unsold", 0,
             0, 0);
    l6 = lot(s2, QStringLiteral("12"), 12, QStringLiteral("Gold Brooch"), none, jewellery, 800, 1200, "withdrawn", 0, 0,
             0);
    l7 = lot(s2, QStringLiteral("13"), 13, QStringLiteral("Sapphire Earrings, pair"), none, jewellery, 700, 900, "sold",
             900, b, cn1);
    l10 = lot(s2, QStringLiteral("14"), 14, QStringLiteral("Emerald Bracelet"), none, jewellery, 1500, 2000, "sold",
              2000, b, 0);
    l12 = lot(s2, QStringLiteral("15"), 15, QStringLiteral("Cameo"), none, jewellery, 300, 500, "sold", 400, b, 0);
    l9 = lot(s3, QStringLiteral("5"), 5, QStringLiteral("Madonna and Child"), none, oldMasters, 20000, 30000,
             "upcoming", 0, 0, 0);

    const auto bid = [&](qint64 lotId, qint64 customerId, qint64 pounds, qint64 placedAt) {
        f.run(QStringLiteral("INSERT INTO bids (lot_id, customer_id, amount_minor, currency, placed_at)"
                             " VALUES (?, ?, ?, 'GBP', ?)"),
              {lotId, customerId, pounds * kPound, placedAt});
    };
    bid(l1, a, 11000, at(2024, 3, 10, 18, 1));
    bid(l1, b, 11500, at(2024, 3, 10, 18, 2));
    bid(l1, a, 12000, at(2024, 3, 10, 18, 3));
    bid(l2, a, 6000, at(2024, 3, 10, 18, 4));
    bid(l2, c, 7000, at(2024, 3, 10, 18, 5));
    bid(l2, b, 8000, at(2024, 3, 10, 18, 6));
    bid(l3, a, 4000, at(2024, 3, 10, 18, 5));
    bid(l3, d, 4000, at(2024, 3, 10, 18, 6));
    bid(l13, b, 4500, at(2024, 3, 10, 18, 20));
    bid(l13, a, 5000, at(2024, 3, 10, 18, 21));
    bid(l13, c, 6000, at(2024, 3, 10, 18, 22));
    bid(l4, b, 3000, at(2024, 5, 20, 10, 1));
    bid(l4, a, 3000, at(2024, 5, 20, 10, 2));
    bid(l4, c, 3500, at(2024, 5, 20, 10, 3));
    bid(l5, a, 1500, at(2024, 5, 20, 10, 5));
    bid(l12, b, 400, at(2024, 5, 20, 10, 30));
    bid(l9, a, 18000, at(2029, 12, 20));

    const auto wish = [&](qint64 customerId, qint64 lotId, qint64 addedAt) {
        f.run(QStringLiteral("INSERT INTO wishlists (customer_id, lot_id, added_at) VALUES (?, ?, ?)"),
              {customerId, lotId, addedAt});
    };
    wish(a, l5, at(2024, 5, 1));
    wish(a, l6, at(2024, 5, 2));
    wish(a, l10, at(2024, 5, 3));
    wish(b, l10, at(2024, 5, 4));
    wish(b, l1, at(2024, 3, 1));
    return f.error();
}

} // namespace Gavel::Tests
