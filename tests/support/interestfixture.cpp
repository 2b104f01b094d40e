#include "interestfixture.h"

#include "eventkind.h"
#include "sqlfixture.h"

#include <QDateTime>
#include <QTimeZone>

namespace Gavel::Tests {

using Models::EventKind;

qint64 InterestFixture::end()
{
    return QDateTime(QDate(2024, 7, 1), QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
}

// A's signals, as of 2024-06-30 (end = 2024-07-01 00:00 UTC; a year = 365 days = one
// half-life, so decay ½; two years ¼). Weights: win 10, consignment 6, bid 4, wishlist 3,
// click 2, view 1.
//   L1 (OM Paintings): won in S1 (starts end − 365 d): 10 × ½ = 5; bids at end − 365 d − 100 s
//       and end − 365 d count once, at the later: 4 × ½ = 2.
//   L2 (OM Drawings): bid at end − 730 d: 4 × ¼ = 1; clicked in a mailing at end − 365 d: 2 × ½ = 1.
//   L3 (JW Rings): wishlisted at end − 365 d: 3 × ½ = 1.5; lot viewed at end − 730 d: 1 × ¼ = 0.25.
//   L4 (JW Rings): consigned (C1 received end − 730 d): 6 × ¼ = 1.5.
//   C2 (OM, no lots yet) received end − 365 d: 6 × ½ = 3, in OM's "Other".
//   Paintings page viewed at end − 365 d: 1 × ½ = 0.5.
//   Not counted: a bid on L3 at end + 10 s and a view at end (after the day); everything of B.
// Scores: OM Paintings 5 + 2 + 0.5 = 7.5; OM Other 3; OM Drawings 1 + 1 = 2; OM 12.5;
//   JW Rings 1.5 + 0.25 + 1.5 = 3.25; JW 3.25; total 15.75.
// Spent (GBP, hammer + premium, not cancelled): INV1 L1 100,000 + 25,000 = 125,000 in Paintings;
//   INV2 (L3, cancelled) does not count.
// Tags: L1 Oil 1.0, Portrait 0.5; L2 Portrait 1.0; L3 Gold 1.0; L4 Gold 0.8.
//   L1's signals 5 + 2 = 7 → Oil 7, Portrait 3.5; L2's 1 + 1 = 2 → Portrait + 2 = 5.5;
//   L3's 1.5 + 0.25 = 1.75 → Gold 1.75; L4's 1.5 × 0.8 = 1.2 → Gold 2.95.
//   Ranked: Oil 7, Portrait 5.5, Gold 2.95. OM's keywords Oil 7, Portrait 5.5; JW's Gold 2.95.
QString InterestFixture::build(Models::Database &database)
{
    SqlFixture f(database);
    const qint64 e = end();
    const qint64 year = 365 * kDay;
    const auto customer = [&](const QString &no, const QString &last) {
        return f.run(QStringLiteral("INSERT INTO customers (uuid, customer_no, last_name, sort_name, created_at,"
                                    " updated_at, updated_by) VALUES (?, ?, ?, ?, 0, 0, 'test') RETURNING id"),
                     {QString(QStringLiteral("uuid-") + no), no, last, last.toLower()});
    };
    a = customer(QStringLiteral("C-1"), QStringLiteral("Ashworth"));
    b = customer(QStringLiteral("C-2"), QStringLiteral("Bellamy"));
    empty = customer(QStringLiteral("C-3"), QStringLiteral("Empty"));

    oldMasters = f.run(QStringLiteral("INSERT INTO departments (code, name, sort_order) VALUES ('OM', 'Old Masters', 1)"
                                      " RETURNING id"));
    jewellery = f.run(QStringLiteral("INSERT INTO departments (code, name, sort_order) VALUES ('JW', 'Jewellery', 2)"
                                     " RETURNING id"));
    const auto category = [&](qint64 department, const QString &code, const QString &name) {
        return f.run(QStringLiteral("INSERT INTO categories (department_id, code, name) VALUES (?, ?, ?) RETURNING id"),
                     {department, code, name});
    };
    paintings = category(oldMasters, QStringLiteral("OM-P"), QStringLiteral("Paintings"));
    drawings = category(oldMasters, QStringLiteral("OM-D"), QStringLiteral("Drawings"));
    rings = category(jewellery, QStringLiteral("JW-R"), QStringLiteral("Rings"));

    const auto sale = [&](const QString &no, qint64 department, qint64 startsAt, const QString &status) {
        return f.run(QStringLiteral("INSERT INTO sales (sale_no, title, department_id, starts_at, status, currency)"
                                    " VALUES (?, ?, ?, ?, ?, 'GBP') RETURNING id"),
                     {no, QString(QStringLiteral("Sale ") + no), department, startsAt, status});
    };
    const qint64 s0 = sale(QStringLiteral("S0"), oldMasters, e - 2 * year, QStringLiteral("closed"));
    const qint64 s1 = sale(QStringLiteral("S1"), oldMasters, e - year, QStringLiteral("closed"));
    const qint64 s2 = sale(QStringLiteral("S2"), jewellery, e + 30 * kDay, QStringLiteral("upcoming"));

    const auto consignment = [&](const QString &no, qint64 owner, const QVariant &department, qint64 received) {
        return f.run(QStringLiteral("INSERT INTO consignments (uuid, consignment_no, customer_id, department_id,"
                                    " received_at, status, updated_at, updated_by)"
                                    " VALUES (?, ?, ?, ?, ?, 'received', 0, 'test') RETURNING id"),
                     {QString(QStringLiteral("uuid-") + no), no, owner, department, received});
    };
    const QVariant none(QMetaType::fromType<qlonglong>());
    const qint64 c1 = consignment(QStringLiteral("C1"), a, none, e - 2 * year);
    consignment(QStringLiteral("C2"), a, oldMasters, e - year);

    const auto lot = [&](qint64 saleId, const QString &no, qint64 department, qint64 categoryId, const QString &status,
                         const QVariant &buyer, const QVariant &consignmentId) {
        return f.run(QStringLiteral("INSERT INTO lots (sale_id, lot_no, lot_seq, title, department_id, category_id,"
                                    " currency, status, buyer_id, consignment_id)"
                                    " VALUES (?, ?, 1, ?, ?, ?, 'GBP', ?, ?, ?) RETURNING id"),
                     {saleId, no, QString(QStringLiteral("Lot ") + no), department, categoryId, status, buyer,
                      consignmentId});
    };
    l1 = lot(s1, QStringLiteral("L1"), oldMasters, paintings, QStringLiteral("sold"), a, none);
    l2 = lot(s0, QStringLiteral("L2"), oldMasters, drawings, QStringLiteral("sold"), b, none);
    l3 = lot(s2, QStringLiteral("L3"), jewellery, rings, QStringLiteral("upcoming"), none, none);
    l4 = lot(s0, QStringLiteral("L4"), jewellery, rings, QStringLiteral("unsold"), none, c1);

    const auto bid = [&](qint64 lotId, qint64 who, qint64 amount, qint64 placedAt) {
        f.run(QStringLiteral("INSERT INTO bids (lot_id, customer_id, amount_minor, currency, placed_at)"
                             " VALUES (?, ?, ?, 'GBP', ?)"),
              {lotId, who, amount, placedAt});
    };
    bid(l1, a, 90'000, e - year - 100);
    bid(l1, a, 100'000, e - year);
    bid(l2, a, 40'000, e - 2 * year);
    bid(l2, b, 45'000, e - 2 * year + 60);
    bid(l3, a, 10'000, e + 10); // after the as-of day
    bid(l1, b, 95'000, e - year - 50);

    f.run(QStringLiteral("INSERT INTO wishlists (customer_id, lot_id, added_at) VALUES (?, ?, ?), (?, ?, ?)"),
          {a, l3, e - year, b, l1, e - year});

    const auto event = [&](qint64 who, qint64 ts, qint64 id, EventKind kind, const QVariant &lotId,
                           const QVariant &refId) {
        f.run(QStringLiteral("INSERT INTO events (customer_id, ts, id, kind, lot_id, ref_id) VALUES (?, ?, ?, ?, ?, ?)"),
              {who, ts, id, int(kind), lotId, refId});
    };
    event(a, e - year, 1, EventKind::EmailLotClicked, l2, none);
    event(a, e - 2 * year, 2, EventKind::LotViewed, l3, none);
    event(a, e - year, 3, EventKind::CategoryViewed, none, paintings);
    event(a, e, 4, EventKind::LotViewed, l1, none); // after the as-of day
    event(b, e - year, 5, EventKind::CategoryViewed, none, rings);
    event(b, e - year, 6, EventKind::LotViewed, l3, none);

    const auto invoice = [&](const QString &no, qint64 who, qint64 issuedAt, const QString &status) {
        return f.run(QStringLiteral("INSERT INTO invoices (invoice_no, customer_id, issued_at, status, currency,"
                                    " total_minor, updated_at, updated_by) VALUES (?, ?, ?, ?, 'GBP', 0, 0, 'test')"
                                    " RETURNING id"),
                     {no, who, issuedAt, status});
    };
    const qint64 inv1 = invoice(QStringLiteral("INV1"), a, e - year + 5 * kDay, QStringLiteral("paid"));
    const qint64 inv2 = invoice(QStringLiteral("INV2"), a, e - 10 * kDay, QStringLiteral("cancelled"));
    f.run(QStringLiteral("INSERT INTO invoice_lines (invoice_id, line_no, lot_id, description, hammer_minor,"
                         " premium_minor, amount_minor) VALUES (?, 1, ?, 'L1', 100000, 25000, 125000),"
                         " (?, 1, ?, 'L3', 50000, 12500, 62500)"),
          {inv1, l1, inv2, l3});

    const auto tag = [&](const QString &name) {
        return f.run(QStringLiteral("INSERT INTO tags (name, name_key) VALUES (?, ?) RETURNING id"),
                     {name, name.toCaseFolded()});
    };
    oil = tag(QStringLiteral("Oil"));
    portrait = tag(QStringLiteral("Portrait"));
    gold = tag(QStringLiteral("Gold"));
    f.run(QStringLiteral("INSERT INTO lot_tags (lot_id, tag_id, weight) VALUES (?, ?, 1.0), (?, ?, 0.5), (?, ?, 1.0),"
                         " (?, ?, 1.0), (?, ?, 0.8)"),
          {l1, oil, l1, portrait, l2, portrait, l3, gold, l4, gold});
    return f.error();
}

// Within 30 days of the as-of day: Rings viewed at end − 20 d and end − 10 d (2 views), and
// A won L5 (Rings) in S3 at end − 15 d, after the first view: satisfied. Drawings viewed at
// end − 3 d; A won L6 (Drawings) at end − 25 d, before the view: not satisfied. Paintings: L1
// viewed at end − 5 d (a lot view counts for its category); the Paintings page at end − 40 d
// is outside the window. Order: Rings (2), then Drawings (last viewed later than Paintings),
// then Paintings. With 4 days only Drawings is left.
QString InterestFixture::addRecent(Models::Database &database)
{
    SqlFixture f(database);
    const qint64 e = end();
    const QVariant none(QMetaType::fromType<qlonglong>());
    const auto event = [&](qint64 ts, qint64 id, EventKind kind, const QVariant &lotId, const QVariant &refId) {
        f.run(QStringLiteral("INSERT INTO events (customer_id, ts, id, kind, lot_id, ref_id) VALUES (?, ?, ?, ?, ?, ?)"),
              {a, ts, id, int(kind), lotId, refId});
    };
    event(e - 20 * kDay, 101, EventKind::CategoryViewed, none, rings);
    event(e - 10 * kDay, 102, EventKind::CategoryViewed, none, rings);
    event(e - 3 * kDay, 103, EventKind::CategoryViewed, none, drawings);
    event(e - 5 * kDay, 104, EventKind::LotViewed, l1, none);
    event(e - 40 * kDay, 105, EventKind::CategoryViewed, none, paintings);
    const qint64 s3 = f.run(QStringLiteral("INSERT INTO sales (sale_no, title, department_id, starts_at, status,"
                                           " currency) VALUES ('S3', 'Sale S3', ?, ?, 'closed', 'GBP') RETURNING id"),
                            {jewellery, e - 15 * kDay});
    const qint64 s4 = f.run(QStringLiteral("INSERT INTO sales (sale_no, title, department_id, starts_at, status,"
                                           " currency) VALUES ('S4', 'Sale S4', ?, ?, 'closed', 'GBP') RETURNING id"),
                            {oldMasters, e - 25 * kDay});
    f.run(QStringLiteral("INSERT INTO lots (sale_id, lot_no, lot_seq, title, department_id, category_id, currency,"
                         " status, buyer_id) VALUES (?, 'L5', 1, 'Lot L5', ?, ?, 'GBP', 'sold', ?),"
                         " (?, 'L6', 1, 'Lot L6', ?, ?, 'GBP', 'sold', ?)"),
          {s3, jewellery, rings, a, s4, oldMasters, drawings, a});
    return f.error();
}

} // namespace Gavel::Tests
