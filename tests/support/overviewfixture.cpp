#include "overviewfixture.h"

#include "sqlfixture.h"

#include <QDateTime>
#include <QTimeZone>

namespace Gavel::Tests {

namespace {

/// Noon UTC of a day.
qint64 at(int year, int month, int day)
{
    return QDateTime(QDate(year, month, day), QTime(12, 0), QTimeZone::utc()).toSecsSinceEpoch();
}

} // namespace

// As of 2024-06-30, customer A's figures (B's rows sit beside them and must not count):
//
// Bids (placed by the as-of day): L1 ×2, L2 ×1 (B bought it), L3 ×3, L4 ×1 (unsold),
//   L6 ×1 (upcoming sale) = 8; OM: L1 2 + L2 1 + L6 1 = 4; JW: L3 3 + L4 1 = 4.
//   (The bid on L6 placed on 2 July does not count.)
// Lots bid on: L1 L2 L3 L4 L6 = 5, won among them L1 L3 = 2: win rate 2/5 = 40 %;
//   OM: L1 L2 L6 = 3, won 1: 1/3; JW: L3 L4 = 2, won 1: 1/2.
// Lots won (A is the buyer): L1 (OM, £1,000), L3 (JW, £2,000), L12 (JW, £200, room bid),
//   L5 (no department, £300) = 4; OM 1; JW 2.
//   Average hammer: (100,000 + 200,000 + 20,000 + 30,000) / 4 = 87,500 minor;
//   OM 100,000; JW (200,000 + 20,000) / 2 = 110,000.
// Sales participated: registered for S1 (and S4, which starts after the as-of day), bid
//   in S1 and S2, bought in S1, S2 and S3: {S1, S2, S3} = 3; OM {S1} = 1; JW {S2} = 1.
// Lots consigned (consignments received by the as-of day): L7 (OM, sold £800), L8 (JW,
//   unsold), L9 (no department, sold for $400: not house currency) = 3, value sold
//   80,000 minor; OM 1 lot, 80,000; JW 1 lot, 0. (L11's consignment arrives on 10 July.)
// Total spent, hammer + premium of invoice lines, GBP, not cancelled, by the as-of day:
//   INV1 (2023-03-12): L1 100,000 + 25,000, delivery 0 + 0; INV2 (2024-02-20): L3 200,000
//   + 50,000, L12 20,000 + 5,000; INV3 (2024-05-25): L5 30,000 + 7,500.
//   = 125,000 + 275,000 + 37,500 = 437,500; OM 125,000; JW 275,000.
//   (INV4 is in euros, INV5 cancelled, INV6 issued on 5 July: none counts.)
// Purchase metrics: invoices INV1 127,000, INV2 275,000, INV3 37,500 → 3 invoices, total
//   439,500, average 439,500 / 3 = 146,500, last 37,500 on 2024-05-25 (36 days), first on
//   2023-03-12 (476 days); lots on them 1 + 2 + 1 = 4 → 4/3 per invoice; one invoice in
//   another currency (INV4); registered 2020-01-01 (1,642 days).
// E-mail, 12 months to the as-of day (sent from 2023-07-01): M1 (OM, opened), M2 (JW, not
//   opened), M3 (no department, opened) = 3 received, 2 opened: 2/3; OM 1/1; JW 0/1.
//   (M4: control group; M5: May 2023; M6: SMS; M7: bounced — none counts.)
// House credit (GBP, created by the as-of day): accrual 10,000 (active, expires 2024-12-31),
//   accrual 4,000 (active, expires 2025-01-31), accrual 5,000 (activates 2024-07-15:
//   pending), redemption −1,000, accrual 2,000 (expired 2024-03-31) and its expiry −2,000.
//   Active = 10,000 + 4,000 − 1,000 + 2,000 − 2,000 = 13,000; pending activation 5,000;
//   still to expire 10,000 + 4,000 = 14,000, at most the active 13,000 → 13,000; nearest
//   2024-12-31, 10,000. (1,000 in euros and 7,000 created on 2 July do not count.)
QString OverviewFixture::build(Models::Database &database)
{
    SqlFixture f(database);
    const auto customer = [&](const QString &no, const QString &first, const QString &last, qint64 registered) {
        return f.run(QStringLiteral("INSERT INTO customers (uuid, customer_no, first_name, last_name, sort_name,"
                                    " registered_at, created_at, updated_at, updated_by)"
                                    " VALUES (?, ?, ?, ?, ?, ?, 0, 0, 'test') RETURNING id"),
                     {QString(QStringLiteral("uuid-") + no), no, first, last, QString(last.toLower() + u' ' + first.toLower()),
                      registered});
    };
    a = customer(QStringLiteral("C-1001"), QStringLiteral("Margaret"), QStringLiteral("Hughes"), at(2020, 1, 1));
    b = customer(QStringLiteral("C-2002"), QStringLiteral("Bartholomew"), QStringLiteral("Other"), at(2021, 5, 5));
    empty = customer(QStringLiteral("C-3003"), QStringLiteral("Edith"), QStringLiteral("Empty"), 0);

    oldMasters = f.run(QStringLiteral("INSERT INTO departments (code, name, color, sort_order) VALUES"
                                      " ('OM', 'Old Masters', '#8c564b', 1) RETURNING id"));
    jewellery = f.run(QStringLiteral("INSERT INTO departments (code, name, color, sort_order) VALUES"
                                     " ('JW', 'Jewellery', '#1f77b4', 2) RETURNING id"));
    wine = f.run(QStringLiteral("INSERT INTO departments (code, name, color, sort_order) VALUES"
                                " ('WN', 'Wine', '#d62728', 3) RETURNING id"));
    const qint64 om = oldMasters;
    const qint64 jw = jewellery;

    const auto sale = [&](const QString &no, const QVariant &department, qint64 startsAt, const QString &status) {
        return f.run(QStringLiteral("INSERT INTO sales (sale_no, title, department_id, starts_at, status, currency)"
                                    " VALUES (?, ?, ?, ?, ?, 'GBP') RETURNING id"),
                     {no, QString(QStringLiteral("Sale ") + no), department, startsAt, status});
    };
    const QVariant none(QMetaType::fromType<qlonglong>());
    const qint64 s1 = sale(QStringLiteral("S1"), om, at(2023, 3, 10), QStringLiteral("closed"));
    const qint64 s2 = sale(QStringLiteral("S2"), jw, at(2024, 2, 15), QStringLiteral("closed"));
    const qint64 s3 = sale(QStringLiteral("S3"), none, at(2024, 5, 20), QStringLiteral("closed"));
    const qint64 s4 = sale(QStringLiteral("S4"), om, at(2024, 9, 1), QStringLiteral("upcoming"));

    const auto consignment = [&](const QString &no, qint64 owner, qint64 received) {
        return f.run(QStringLiteral("INSERT INTO consignments (uuid, consignment_no, customer_id, received_at, status,"
                                    " updated_at, updated_by) VALUES (?, ?, ?, ?, 'offered', 0, 'test') RETURNING id"),
                     {QString(QStringLiteral("uuid-") + no), no, owner, received});
    };
    const qint64 c1 = consignment(QStringLiteral("CONS-A-1"), a, at(2023, 1, 5));
    const qint64 c2 = consignment(QStringLiteral("CONS-A-2"), a, at(2024, 4, 1));
    const qint64 c3 = consignment(QStringLiteral("CONS-A-3"), a, at(2024, 7, 10));
    const qint64 cb = consignment(QStringLiteral("CONS-B-1"), b, at(2023, 1, 1));

    const auto lot = [&](qint64 saleId, const QString &no, const QVariant &department, const QVariant &hammer,
                         const QString &currency, const QString &status, const QVariant &buyer,
                         const QVariant &consignmentId) {
        return f.run(QStringLiteral("INSERT INTO lots (sale_id, lot_no, lot_seq, title, department_id, hammer_minor,"
                                    " currency, status, buyer_id, consignment_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                    " RETURNING id"),
                     {saleId, no, no.mid(1).toInt(), QString(QStringLiteral("Lot ") + no), department, hammer, currency,
                      status, buyer, consignmentId});
    };
    const qint64 l1 = lot(s1, QStringLiteral("L1"), om, 100'000, QStringLiteral("GBP"), QStringLiteral("sold"), a, none);
    const qint64 l2 = lot(s1, QStringLiteral("L2"), om, 50'000, QStringLiteral("GBP"), QStringLiteral("sold"), b, cb);
    const qint64 l3 = lot(s2, QStringLiteral("L3"), jw, 200'000, QStringLiteral("GBP"), QStringLiteral("sold"), a, none);
    const qint64 l4 = lot(s2, QStringLiteral("L4"), jw, none, QStringLiteral("GBP"), QStringLiteral("unsold"), none, none);
    const qint64 l5 = lot(s3, QStringLiteral("L5"), none, 30'000, QStringLiteral("GBP"), QStringLiteral("sold"), a, none);
    const qint64 l6 = lot(s4, QStringLiteral("L6"), om, none, QStringLiteral("GBP"), QStringLiteral("upcoming"), none, none);
    lot(s1, QStringLiteral("L7"), om, 80'000, QStringLiteral("GBP"), QStringLiteral("sold"), b, c1);
    lot(s2, QStringLiteral("L8"), jw, none, QStringLiteral("GBP"), QStringLiteral("unsold"), none, c1);
    lot(s3, QStringLiteral("L9"), none, 40'000, QStringLiteral("USD"), QStringLiteral("sold"), b, c2);
    lot(s4, QStringLiteral("L11"), om, none, QStringLiteral("GBP"), QStringLiteral("upcoming"), none, c3);
    const qint64 l12 = lot(s2, QStringLiteral("L12"), jw, 20'000, QStringLiteral("GBP"), QStringLiteral("sold"), a, none);

    const auto bid = [&](qint64 lotId, qint64 who, qint64 amount, qint64 placedAt) {
        f.run(QStringLiteral("INSERT INTO bids (lot_id, customer_id, amount_minor, currency, placed_at)"
                             " VALUES (?, ?, ?, 'GBP', ?)"),
              {lotId, who, amount, placedAt});
    };
    bid(l1, a, 90'000, at(2023, 3, 10));
    bid(l1, a, 100'000, at(2023, 3, 10) + 60);
    bid(l2, a, 45'000, at(2023, 3, 10) + 120);
    bid(l2, b, 50'000, at(2023, 3, 10) + 180);
    bid(l3, a, 150'000, at(2024, 2, 15));
    bid(l3, a, 180'000, at(2024, 2, 15) + 60);
    bid(l3, a, 200'000, at(2024, 2, 15) + 120);
    bid(l4, a, 10'000, at(2024, 2, 15) + 300);
    bid(l6, a, 60'000, at(2024, 6, 20));
    bid(l6, a, 65'000, at(2024, 7, 2)); // after the as-of day

    f.run(QStringLiteral("INSERT INTO sale_registrations (sale_id, customer_id, registered_at) VALUES"
                         " (?, ?, ?), (?, ?, ?), (?, ?, ?)"),
          {s1, a, at(2023, 3, 1), s4, a, at(2024, 6, 25), s1, b, at(2023, 3, 1)});

    const auto invoice = [&](const QString &no, qint64 who, qint64 issuedAt, const QString &currency,
                             const QString &status, qint64 total) {
        return f.run(QStringLiteral("INSERT INTO invoices (invoice_no, customer_id, issued_at, status, currency,"
                                    " total_minor, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, 0, 'test')"
                                    " RETURNING id"),
                     {no, who, issuedAt, status, currency, total});
    };
    const auto line = [&](qint64 invoiceId, int lineNo, const QVariant &lotId, qint64 hammer, qint64 premium,
                          qint64 amount) {
        f.run(QStringLiteral("INSERT INTO invoice_lines (invoice_id, line_no, lot_id, description, hammer_minor,"
                             " premium_minor, amount_minor) VALUES (?, ?, ?, 'line', ?, ?, ?)"),
              {invoiceId, lineNo, lotId, hammer, premium, amount});
    };
    const qint64 inv1 = invoice(QStringLiteral("INV1"), a, at(2023, 3, 12), QStringLiteral("GBP"),
                                QStringLiteral("paid"), 127'000);
    line(inv1, 1, l1, 100'000, 25'000, 125'000);
    line(inv1, 2, none, 0, 0, 2'000);
    const qint64 inv2 = invoice(QStringLiteral("INV2"), a, at(2024, 2, 20), QStringLiteral("GBP"),
                                QStringLiteral("paid"), 275'000);
    line(inv2, 1, l3, 200'000, 50'000, 250'000);
    line(inv2, 2, l12, 20'000, 5'000, 25'000);
    const qint64 inv3 = invoice(QStringLiteral("INV3"), a, at(2024, 5, 25), QStringLiteral("GBP"),
                                QStringLiteral("issued"), 37'500);
    line(inv3, 1, l5, 30'000, 7'500, 37'500);
    const qint64 inv4 = invoice(QStringLiteral("INV4"), a, at(2024, 6, 1), QStringLiteral("EUR"),
                                QStringLiteral("paid"), 12'000);
    line(inv4, 1, none, 10'000, 2'000, 12'000);
    const qint64 inv5 = invoice(QStringLiteral("INV5"), a, at(2024, 6, 10), QStringLiteral("GBP"),
                                QStringLiteral("cancelled"), 99'999);
    line(inv5, 1, l4, 90'000, 9'999, 99'999);
    const qint64 inv6 = invoice(QStringLiteral("INV6"), a, at(2024, 7, 5), QStringLiteral("GBP"),
                                QStringLiteral("issued"), 55'000);
    line(inv6, 1, none, 50'000, 5'000, 55'000);
    const qint64 invB = invoice(QStringLiteral("INV-B"), b, at(2023, 3, 12), QStringLiteral("GBP"),
                                QStringLiteral("paid"), 62'500);
    line(invB, 1, l2, 50'000, 12'500, 62'500);

    const auto campaign = [&](const QString &key, const QString &channel, const QVariant &department, qint64 sentAt) {
        return f.run(QStringLiteral("INSERT INTO campaigns (campaign_key, name, channel, department_id, sent_at)"
                                    " VALUES (?, ?, ?, ?, ?) RETURNING id"),
                     {key, key, channel, department, sentAt});
    };
    const auto recipient = [&](qint64 campaignId, qint64 who, int control, const QVariant &openedAt,
                               const QVariant &bouncedAt) {
        f.run(QStringLiteral("INSERT INTO campaign_recipients (campaign_id, customer_id, in_control, opened_at,"
                             " bounced_at) VALUES (?, ?, ?, ?, ?)"),
              {campaignId, who, control, openedAt, bouncedAt});
    };
    const qint64 m1 = campaign(QStringLiteral("M1"), QStringLiteral("email"), om, at(2024, 1, 10));
    const qint64 m2 = campaign(QStringLiteral("M2"), QStringLiteral("email"), jw, at(2024, 3, 1));
    const qint64 m3 = campaign(QStringLiteral("M3"), QStringLiteral("email"), none, at(2024, 5, 1));
    const qint64 m4 = campaign(QStringLiteral("M4"), QStringLiteral("email"), om, at(2024, 4, 1));
    const qint64 m5 = campaign(QStringLiteral("M5"), QStringLiteral("email"), om, at(2023, 5, 1));
    const qint64 m6 = campaign(QStringLiteral("M6"), QStringLiteral("sms"), none, at(2024, 2, 1));
    const qint64 m7 = campaign(QStringLiteral("M7"), QStringLiteral("email"), none, at(2024, 6, 15));
    recipient(m1, a, 0, at(2024, 1, 11), none);
    recipient(m2, a, 0, none, none);
    recipient(m3, a, 0, at(2024, 5, 2), none);
    recipient(m4, a, 1, none, none);
    recipient(m5, a, 0, at(2023, 5, 2), none);
    recipient(m6, a, 0, at(2024, 2, 1), none);
    recipient(m7, a, 0, none, at(2024, 6, 15));
    recipient(m1, b, 0, none, none);
    recipient(m2, b, 0, at(2024, 3, 2), none);

    const auto credit = [&](qint64 who, const QString &kind, qint64 amount, const QString &currency, qint64 created,
                            const QVariant &activates, const QVariant &expires) {
        f.run(QStringLiteral("INSERT INTO loyalty_ledger (customer_id, kind, amount_minor, currency, created_at,"
                             " activates_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
              {who, kind, amount, currency, created, activates, expires});
    };
    const QString gbp = QStringLiteral("GBP");
    const QString accrual = QStringLiteral("accrual");
    credit(a, accrual, 10'000, gbp, at(2024, 1, 1), at(2024, 1, 1), at(2024, 12, 31));
    credit(a, accrual, 4'000, gbp, at(2024, 2, 1), none, at(2025, 1, 31));
    credit(a, accrual, 5'000, gbp, at(2024, 6, 1), at(2024, 7, 15), at(2025, 6, 1));
    credit(a, QStringLiteral("redemption"), -1'000, gbp, at(2024, 3, 1), none, none);
    credit(a, accrual, 2'000, gbp, at(2023, 1, 1), none, at(2024, 3, 31));
    credit(a, QStringLiteral("expiry"), -2'000, gbp, at(2024, 3, 31), none, none);
    credit(a, accrual, 1'000, QStringLiteral("EUR"), at(2024, 1, 1), none, at(2024, 11, 30));
    credit(a, accrual, 7'000, gbp, at(2024, 7, 2), none, at(2024, 8, 1));
    credit(b, accrual, 50'000, gbp, at(2024, 1, 1), none, at(2024, 9, 1));

    return f.error();
}

} // namespace Gavel::Tests
