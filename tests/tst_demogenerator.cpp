#include "customer.h"
#include "demogenerator.h"
#include "demopeople.h"
#include "eventkind.h"
#include "seededrandom.h"
#include "sql.h"
#include "testdatabase.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <QTimeZone>

#include <phonenumbers/phonenumberutil.h>

using namespace Gavel::Models;
using namespace Qt::StringLiterals;

namespace {

constexpr int kCustomers = 60;
const QDate kAnchor(2025, 3, 14);

DemoOptions options(quint64 seed = 7, int customers = kCustomers)
{
    DemoOptions result;
    result.customers = customers;
    result.seed = seed;
    result.anchorDate = kAnchor;
    result.cataloguePath = Gavel::Tests::sharedTestData(u"tate-catalogue/artworks.csv"_s);
    return result;
}

qint64 anchorEpoch()
{
    return QDateTime(kAnchor, QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
}

/// The first column of the first row, or a text saying what failed.
QVariant scalar(Database &db, const QString &sql, const QVariantList &values = {})
{
    auto value = Sql::scalar(db.connection(), sql, values, u"checking the demo"_s);
    return value ? *value : QVariant(u"error: "_s + value.error().fullText());
}

/// Runs a query that counts violations of an invariant, which must be zero.
#define QCOMPARE_ZERO(db, sql) QCOMPARE(scalar(db, sql).toString(), u"0"_s)

/// A simple check of an e-mail address, as a mailing system would make before sending.
bool plausibleEmail(const QString &email)
{
    static const QRegularExpression pattern(u"^[^@\\s,]+@[^@\\s,]+\\.[A-Za-z]{2,}$"_s);
    const QString local = email.section(u'@', 0, 0);
    return pattern.match(email).hasMatch() && !email.contains(u".."_s) && !local.startsWith(u'.') &&
           !local.endsWith(u'.');
}

/// Every table of the schema as ordered text, for comparing two generations.
QByteArray contentHash(Database &db)
{
    QStringList tables;
    const QString list =
        db.dialect().isSqlite()
            ? u"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"_s
            : u"SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name"_s;
    auto names = Sql::exec(db.connection(), list, {}, u"listing tables"_s);
    while (names && names->next()) {
        tables << names->value(0).toString();
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &table : std::as_const(tables)) {
        QSqlQuery query(db.connection());
        query.setForwardOnly(true);
        // gavel_meta holds when the database was created: not part of the demo.
        const QString where = table == u"gavel_meta" ? u" WHERE key <> 'created_at'"_s : QString();
        query.exec(u"SELECT * FROM "_s + table + where);
        const int columns = query.record().count();
        QStringList order;
        for (int c = 1; c <= columns; ++c) {
            order << QString::number(c);
        }
        query.exec(u"SELECT * FROM "_s + table + where + u" ORDER BY "_s + order.join(u", "_s));
        hash.addData(table.toUtf8());
        while (query.next()) {
            for (int c = 0; c < columns; ++c) {
                const QVariant value = query.value(c);
                hash.addData(value.isNull() ? QByteArrayView("\x01NULL") : QByteArrayView(value.toString().toUtf8()));
                hash.addData(QByteArrayView("\x1f"));
            }
            hash.addData(QByteArrayView("\x1e"));
        }
    }
    return hash.result().toHex();
}

} // namespace

class TestDemoGenerator : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Gavel::Tests::TestDatabase> m_test;
    DemoStats m_stats;

    Database &db() { return m_test->db(); }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        m_test = Gavel::Tests::TestDatabase::create(&why);
        if (!m_test) {
            if (Gavel::Tests::testEngine() == Engine::Postgres && !Gavel::Tests::TestDatabase::postgresRequired()) {
                QSKIP(qPrintable(u"SKIPPED ON POSTGRESQL: "_s + why));
            }
            QFAIL(qPrintable(why));
        }
        DemoGenerator generator(db(), options());
        Status status = generator.generate();
        QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().fullText()));
        m_stats = generator.stats();
    }

    void statsMatchTheDatabase()
    {
        QCOMPARE(m_stats.customers, qint64(kCustomers));
        QCOMPARE(scalar(db(), u"SELECT count(*) FROM customers"_s).toLongLong(), m_stats.customers);
        QCOMPARE(scalar(db(), u"SELECT count(*) FROM sales"_s).toLongLong(), m_stats.sales);
        QCOMPARE(scalar(db(), u"SELECT count(*) FROM lots"_s).toLongLong(), m_stats.lots);
        QCOMPARE(scalar(db(), u"SELECT count(*) FROM bids"_s).toLongLong(), m_stats.bids);
        QCOMPARE(scalar(db(), u"SELECT count(*) FROM invoices"_s).toLongLong(), m_stats.invoices);
        QCOMPARE(scalar(db(), u"SELECT count(*) FROM events"_s).toLongLong(), m_stats.events);
        qint64 rows = 0;
        for (const DemoTableStats &table : m_stats.tables) {
            QCOMPARE(scalar(db(), u"SELECT count(*) FROM "_s + table.table).toLongLong(), table.rows);
            rows += table.rows;
        }
        QCOMPARE(m_stats.totalRows, rows);
        // About 50 events per customer, long-tailed.
        const double perCustomer = static_cast<double>(m_stats.events) / kCustomers;
        QVERIFY2(perCustomer > 25 && perCustomer < 120, qPrintable(QString::number(perCustomer)));
    }

    void houseHasDepartmentsVenuesAndSales()
    {
        const int departments = scalar(db(), u"SELECT count(*) FROM departments"_s).toInt();
        QVERIFY(departments >= 11 && departments <= 14);
        QCOMPARE_ZERO(db(), u"SELECT count(*) FROM departments d WHERE (SELECT count(*) FROM categories c"
                            " WHERE c.department_id = d.id) NOT BETWEEN 3 AND 8 OR color NOT LIKE '#%'"_s);
        QVERIFY(scalar(db(), u"SELECT count(*) FROM venues WHERE kind = 'saleroom'"_s).toInt() >= 2);
        QCOMPARE(scalar(db(), u"SELECT count(*) FROM venues WHERE kind = 'online'"_s).toInt(), 1);
        QVERIFY(scalar(db(), u"SELECT count(*) FROM venues WHERE kind = 'platform'"_s).toInt() >= 2);
        QCOMPARE(scalar(db(), u"SELECT count(*) FROM venues WHERE kind = 'shop'"_s).toInt(), 1);
        const int upcoming = scalar(db(), u"SELECT count(*) FROM sales WHERE status = 'upcoming'"_s).toInt();
        QVERIFY(upcoming >= 2 && upcoming <= 4);
        QCOMPARE_ZERO(
            db(), u"SELECT count(*) FROM sales WHERE (status = 'upcoming') <> (starts_at > %1)"_s.arg(anchorEpoch()));
        // Six years of closed sales before the anchor.
        QVERIFY(scalar(db(), u"SELECT min(starts_at) FROM sales"_s).toLongLong() < anchorEpoch() - 5 * 365 * 86400LL);
        QCOMPARE_ZERO(db(),
                      u"SELECT count(*) FROM sales WHERE status = 'closed' AND ends_at >= %1"_s.arg(anchorEpoch()));
        QCOMPARE_ZERO(
            db(),
            u"SELECT count(*) FROM sales WHERE currency <> 'GBP' OR buyers_premium_bp NOT BETWEEN 2000 AND 3000"_s);
    }

    void foreignKeysAreConsistent()
    {
        if (db().dialect().isSqlite()) {
            auto check = Sql::exec(db().connection(), u"PRAGMA foreign_key_check"_s, {}, u"checking"_s);
            QVERIFY(check.ok());
            if (check->next()) {
                QFAIL(qPrintable(u"foreign key violation in "_s + check->value(0).toString()));
            }
        }
        // The timeline has no foreign keys (it outlives what it refers to): check by hand.
        QCOMPARE_ZERO(
            db(),
            u"SELECT count(*) FROM events e WHERE"
            " (e.lot_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM lots l WHERE l.id = e.lot_id))"
            " OR (e.sale_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sales s WHERE s.id = e.sale_id))"
            " OR (e.campaign_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM campaigns c WHERE c.id = e.campaign_id))"
            " OR (e.invoice_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM invoices i WHERE i.id = e.invoice_id))"_s);
        const auto refs = [&](EventKind kind, const QString &table) {
            return u"SELECT count(*) FROM events e WHERE e.kind = %1 AND NOT EXISTS (SELECT 1 FROM %2 t WHERE t.id = e.ref_id)"_s
                .arg(static_cast<int>(kind))
                .arg(table);
        };
        QCOMPARE_ZERO(db(), refs(EventKind::ConsignmentReceived, u"consignments"_s));
        QCOMPARE_ZERO(db(), refs(EventKind::CategoryViewed, u"categories"_s));
        QCOMPARE_ZERO(db(), refs(EventKind::BasketAbandoned, u"baskets"_s));
        QCOMPARE_ZERO(db(), refs(EventKind::NoteAdded, u"notes"_s));
        QCOMPARE_ZERO(db(), refs(EventKind::PollAnswered, u"polls"_s));
        QCOMPARE_ZERO(db(), refs(EventKind::PromoCodeIssued, u"promo_codes"_s));
        QCOMPARE_ZERO(db(), refs(EventKind::TagSet, u"tags"_s));
        QCOMPARE_ZERO(db(), refs(EventKind::Unsubscribed, u"subscription_categories"_s));
        // Event ids are unique, and nothing happened after "today".
        QCOMPARE(scalar(db(), u"SELECT count(DISTINCT id) FROM events"_s).toLongLong(),
                 scalar(db(), u"SELECT count(*) FROM events"_s).toLongLong());
        QCOMPARE_ZERO(db(), u"SELECT count(*) FROM events WHERE ts >= %1 OR id <= 0"_s.arg(anchorEpoch()));
        QCOMPARE_ZERO(db(), u"SELECT count(*) FROM bids WHERE placed_at >= %1"_s.arg(anchorEpoch()));
        QCOMPARE_ZERO(db(),
                      u"SELECT count(*) FROM invoices WHERE issued_at >= %1 OR paid_at >= %1"_s.arg(anchorEpoch()));
        int kinds = scalar(db(), u"SELECT count(DISTINCT kind) FROM events"_s).toInt();
        QVERIFY2(kinds >= allEventKinds().size() - 6, qPrintable(QString::number(kinds)));
        QCOMPARE_ZERO(db(),
                      u"SELECT count(*) FROM events WHERE kind NOT IN (10,11,12,13,14,15,16,20,21,30,31,32,40,41,42,43,"
                      "50,51,60,61,62,63,64,65,70,71,80,81,82,90,91,92,93)"_s);
    }

    void hammerIsTheWinningBid()
    {
        QVERIFY(scalar(db(), u"SELECT count(*) FROM lots WHERE status = 'sold'"_s).toInt() > 0);
        // Exactly one winning bid per sold lot, none for the others.
        QCOMPARE_ZERO(db(), u"SELECT count(*) FROM lots l WHERE (SELECT count(*) FROM bids b WHERE b.lot_id = l.id"
                            " AND b.is_winning = 1) <> CASE WHEN l.status = 'sold' THEN 1 ELSE 0 END"_s);
        // The hammer is the winning bid, the buyer its bidder, and it is the top bid.
        QCOMPARE_ZERO(db(), u"SELECT count(*) FROM lots l JOIN bids w ON w.lot_id = l.id AND w.is_winning = 1"
                            " WHERE l.hammer_minor <> w.amount_minor OR l.buyer_id <> w.customer_id"
                            " OR w.amount_minor < (SELECT max(b.amount_minor) FROM bids b WHERE b.lot_id = l.id)"_s);
        // Every other bidder (the underbidder first) stayed below the winner.
        QCOMPARE_ZERO(
            db(), u"SELECT count(*) FROM bids w JOIN bids o ON o.lot_id = w.lot_id AND o.customer_id <> w.customer_id"
                  " WHERE w.is_winning = 1 AND o.amount_minor >= w.amount_minor"_s);
        // Sold at or above the reserve; the others have no hammer, no buyer, and bids below it.
        QCOMPARE_ZERO(db(), u"SELECT count(*) FROM lots WHERE status = 'sold' AND (hammer_minor < reserve_minor"
                            " OR buyer_id IS NULL)"_s);
        QCOMPARE_ZERO(db(), u"SELECT count(*) FROM lots WHERE status <> 'sold' AND (hammer_minor IS NOT NULL"
                            " OR buyer_id IS NOT NULL)"_s);
        QCOMPARE_ZERO(db(), u"SELECT count(*) FROM bids b JOIN lots l ON l.id = b.lot_id WHERE l.status = 'unsold'"
                            " AND b.amount_minor >= l.reserve_minor"_s);
        QCOMPARE_ZERO(db(),
                      u"SELECT count(*) FROM bids b JOIN lots l ON l.id = b.lot_id WHERE l.status = 'withdrawn'"_s);
        // Estimates in order, the reserve at or below the low estimate; bids after the lot's
        // sale opened for commission bids, and no one buys their own consignment.
        QCOMPARE_ZERO(db(), u"SELECT count(*) FROM lots WHERE NOT (low_estimate_minor < high_estimate_minor"
                            " AND reserve_minor <= low_estimate_minor AND start_price_minor <= low_estimate_minor)"_s);
        QCOMPARE_ZERO(db(), u"SELECT count(*) FROM lots l JOIN consignments c ON c.id = l.consignment_id"
                            " WHERE l.buyer_id = c.customer_id"_s);
        // Every bidder registered for the sale.
        QCOMPARE_ZERO(
            db(),
            u"SELECT count(*) FROM bids b JOIN lots l ON l.id = b.lot_id WHERE NOT EXISTS"
            " (SELECT 1 FROM sale_registrations r WHERE r.sale_id = l.sale_id AND r.customer_id = b.customer_id)"_s);
        // Lot numbers run in order within each sale.
        QCOMPARE_ZERO(db(), u"SELECT count(*) FROM lots WHERE CAST(lot_no AS INTEGER) <> lot_seq"_s);
    }

    void upcomingLotsHaveNoBidsOrHammer()
    {
        QVERIFY(
            scalar(db(), u"SELECT count(*) FROM lots l JOIN sales s ON s.id = l.sale_id WHERE s.status = 'upcoming'"_s)
                .toInt() > 0);
        QCOMPARE_ZERO(db(),
                      u"SELECT count(*) FROM lots l JOIN sales s ON s.id = l.sale_id WHERE s.status = 'upcoming'"
                      " AND (l.status <> 'upcoming' OR l.hammer_minor IS NOT NULL OR l.buyer_id IS NOT NULL"
                      " OR l.low_estimate_minor IS NULL OR EXISTS (SELECT 1 FROM bids b WHERE b.lot_id = l.id))"_s);
        QCOMPARE_ZERO(db(), u"SELECT count(*) FROM lots l JOIN sales s ON s.id = l.sale_id WHERE s.status = 'closed'"
                            " AND l.status = 'upcoming'"_s);
    }

    void invoicesAddUp()
    {
        QCOMPARE_ZERO(
            db(),
            u"SELECT count(*) FROM invoices i WHERE i.total_minor <> i.delivery_minor +"
            " (SELECT coalesce(sum(amount_minor), 0) FROM invoice_lines l WHERE l.invoice_id = i.id)"
            " OR i.hammer_minor <> (SELECT coalesce(sum(hammer_minor), 0) FROM invoice_lines l WHERE l.invoice_id = "
            "i.id)"
            " OR i.premium_minor <> (SELECT coalesce(sum(premium_minor), 0) FROM invoice_lines l WHERE l.invoice_id = "
            "i.id)"
            " OR i.tax_minor <> (SELECT coalesce(sum(tax_minor), 0) FROM invoice_lines l WHERE l.invoice_id = i.id)"_s);
        QCOMPARE_ZERO(
            db(),
            u"SELECT count(*) FROM invoice_lines WHERE amount_minor <> hammer_minor + premium_minor + tax_minor"_s);
        // Buyer's premium at the sale's rate and VAT on the premium, rounded half up.
        QCOMPARE_ZERO(db(), u"SELECT count(*) FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id"
                            " JOIN sales s ON s.id = i.sale_id"
                            " WHERE l.premium_minor <> (l.hammer_minor * s.buyers_premium_bp + 5000) / 10000"
                            " OR l.tax_minor <> (l.premium_minor * 2000 + 5000) / 10000"_s);
        // Lines are the buyer's lots at their hammer prices; one invoice per buyer per sale,
        // and every sold lot invoiced once.
        QCOMPARE_ZERO(db(), u"SELECT count(*) FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id"
                            " JOIN lots t ON t.id = l.lot_id WHERE t.hammer_minor <> l.hammer_minor"
                            " OR t.buyer_id <> i.customer_id OR t.sale_id <> i.sale_id"_s);
        QCOMPARE_ZERO(db(), u"SELECT count(*) FROM (SELECT customer_id, sale_id FROM invoices WHERE sale_id IS NOT NULL"
                            " GROUP BY customer_id, sale_id HAVING count(*) > 1) duplicates"_s);
        QCOMPARE(scalar(db(), u"SELECT count(*) FROM invoice_lines WHERE lot_id IS NOT NULL"_s).toInt(),
                 scalar(db(), u"SELECT count(*) FROM lots WHERE status = 'sold'"_s).toInt());
        QCOMPARE_ZERO(db(), u"SELECT count(*) FROM invoices i WHERE i.sale_id IS NOT NULL AND i.venue_id <>"
                            " (SELECT s.venue_id FROM sales s WHERE s.id = i.sale_id)"_s);
        QCOMPARE_ZERO(db(),
                      u"SELECT count(*) FROM invoices WHERE (status IN ('paid', 'part_paid')) <> (paid_at IS NOT NULL)"
                      " OR (status IN ('paid', 'part_paid')) <> (payment_method IS NOT NULL)"_s);
        QVERIFY(scalar(db(), u"SELECT count(*) FROM invoices WHERE invoice_no LIKE 'INV-____-______'"_s).toInt() > 0);
    }

    void customerSummariesAreTrue()
    {
        QCOMPARE_ZERO(
            db(),
            u"SELECT count(*) FROM customers c WHERE c.total_spent_minor <> (SELECT coalesce(sum(i.total_minor), 0)"
            " FROM invoices i WHERE i.customer_id = c.id AND i.status <> 'cancelled')"_s);
        QCOMPARE_ZERO(db(),
                      u"SELECT count(*) FROM customers c WHERE c.last_activity_at <> (SELECT max(e.ts) FROM events e"
                      " WHERE e.customer_id = c.id)"_s);
        QCOMPARE_ZERO(db(), u"SELECT count(*) FROM customers WHERE sort_name = '' OR customer_no NOT LIKE 'C-%'"
                            " OR length(uuid) <> 36 OR source <> 'demo'"_s);
        // Diacritics are kept in names and folded in the sort key.
        auto rows = Sql::exec(db().connection(), u"SELECT first_name, last_name, company, sort_name FROM customers"_s,
                              {}, u"reading"_s);
        QVERIFY(rows.ok());
        while (rows->next()) {
            QCOMPARE(
                rows->value(3).toString(),
                Customer::sortNameFor(rows->value(0).toString(), rows->value(1).toString(), rows->value(2).toString()));
        }
        QVERIFY(scalar(db(), u"SELECT count(DISTINCT country) FROM customers"_s).toInt() >= 8);
    }

    void everyProfilePanelHasSomething()
    {
        const QStringList panels = {
            u"EXISTS (SELECT 1 FROM bids b WHERE b.customer_id = c.id) OR EXISTS (SELECT 1 FROM wishlists w WHERE w.customer_id = c.id)"_s,
            u"EXISTS (SELECT 1 FROM invoices i WHERE i.customer_id = c.id)"_s,
            u"EXISTS (SELECT 1 FROM campaign_recipients r WHERE r.customer_id = c.id)"_s,
            u"EXISTS (SELECT 1 FROM notes n WHERE n.customer_id = c.id AND n.deleted_at IS NULL)"_s,
            u"EXISTS (SELECT 1 FROM customer_tags t WHERE t.customer_id = c.id)"_s,
            u"EXISTS (SELECT 1 FROM subscriptions s WHERE s.customer_id = c.id)"_s,
            u"EXISTS (SELECT 1 FROM events e WHERE e.customer_id = c.id)"_s,
            u"EXISTS (SELECT 1 FROM customer_departments d WHERE d.customer_id = c.id)"_s,
        };
        for (const QString &panel : panels) {
            QCOMPARE_ZERO(db(), u"SELECT count(*) FROM customers c WHERE NOT ("_s + panel + u')');
        }
        // Most customers have several of each.
        QVERIFY(scalar(db(), u"SELECT count(*) FROM customers c WHERE (SELECT count(*) FROM campaign_recipients r"
                             " WHERE r.customer_id = c.id) >= 2"_s)
                    .toInt() > kCustomers / 2);
        // Tags in every state, labels, promo codes, polls, baskets, house credit and consignments exist.
        QCOMPARE(scalar(db(), u"SELECT count(DISTINCT state) FROM customer_tags"_s).toInt(), 4);
        for (const QString &table : {u"customer_labels"_s, u"promo_codes"_s, u"poll_answers"_s, u"consignments"_s,
                                     u"loyalty_ledger"_s, u"wishlists"_s, u"sale_registrations"_s}) {
            QVERIFY2(scalar(db(), u"SELECT count(*) FROM "_s + table).toInt() > 0, qPrintable(table));
        }
        QVERIFY(scalar(db(), u"SELECT count(*) FROM baskets WHERE status = 'abandoned' AND abandoned_at IS NOT NULL"
                             " AND EXISTS (SELECT 1 FROM basket_items i WHERE i.basket_id = baskets.id)"_s)
                    .toInt() > 0);
        QVERIFY(scalar(db(), u"SELECT count(*) FROM baskets WHERE status = 'converted' AND invoice_id IS NOT NULL"_s)
                    .toInt() > 0);
        QVERIFY(scalar(db(), u"SELECT count(*) FROM notes WHERE pinned = 1"_s).toInt() >= 0);
    }

    void mailingsRespectControlGroupsAndContacts()
    {
        QCOMPARE_ZERO(
            db(), u"SELECT count(*) FROM campaigns c WHERE audience_size <> (SELECT count(*) FROM campaign_recipients r"
                  " WHERE r.campaign_id = c.id) OR control_size <> (SELECT count(*) FROM campaign_recipients r"
                  " WHERE r.campaign_id = c.id AND r.in_control = 1)"_s);
        QVERIFY(scalar(db(), u"SELECT count(*) FROM campaign_recipients WHERE in_control = 1"_s).toInt() > 0);
        QCOMPARE_ZERO(db(),
                      u"SELECT count(*) FROM campaign_recipients WHERE in_control = 1 AND (sent_at IS NOT NULL"
                      " OR opened_at IS NOT NULL OR clicked_at IS NOT NULL OR open_count > 0 OR click_count > 0)"_s);
        QCOMPARE_ZERO(db(), u"SELECT count(*) FROM campaign_recipients r JOIN events e ON e.customer_id = r.customer_id"
                            " AND e.campaign_id = r.campaign_id WHERE r.in_control = 1"_s);
        QCOMPARE_ZERO(db(), u"SELECT count(*) FROM campaign_recipients WHERE in_control = 0 AND sent_at IS NULL"_s);
        // Opens and clicks come after the send.
        QCOMPARE_ZERO(db(),
                      u"SELECT count(*) FROM campaign_recipients WHERE opened_at < sent_at OR clicked_at < opened_at"
                      " OR (clicked_at IS NOT NULL AND opened_at IS NULL AND bounced_at IS NULL"
                      " AND campaign_id IN (SELECT id FROM campaigns WHERE channel = 'email'))"_s);

        // E-mail only to plausible addresses (an undeliverable one bounces); SMS only to mobiles.
        auto emails =
            Sql::exec(db().connection(),
                      u"SELECT c.email FROM campaign_recipients r JOIN campaigns m ON m.id = r.campaign_id"
                      " JOIN customers c ON c.id = r.customer_id WHERE m.channel = 'email' AND r.bounced_at IS NULL"_s,
                      {}, u"reading"_s);
        QVERIFY(emails.ok());
        int checked = 0;
        while (emails->next()) {
            QVERIFY2(plausibleEmail(emails->value(0).toString()), qPrintable(emails->value(0).toString()));
            ++checked;
        }
        QVERIFY(checked > 0);
        QVERIFY(scalar(db(), u"SELECT count(*) FROM customers WHERE email <> '' AND email NOT LIKE '%@%.%'"_s).toInt() >
                0);

        using i18n::phonenumbers::PhoneNumber;
        using i18n::phonenumbers::PhoneNumberUtil;
        const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
        auto texts = Sql::exec(
            db().connection(),
            u"SELECT c.sms_number, c.country FROM campaign_recipients r JOIN campaigns m ON m.id = r.campaign_id"
            " JOIN customers c ON c.id = r.customer_id WHERE m.channel = 'sms'"_s,
            {}, u"reading"_s);
        QVERIFY(texts.ok());
        while (texts->next()) {
            PhoneNumber number;
            const std::string text = texts->value(0).toString().toStdString();
            QVERIFY2(util->Parse(text, texts->value(1).toString().toStdString(), &number) ==
                         PhoneNumberUtil::NO_PARSING_ERROR,
                     text.c_str());
            QVERIFY2(util->IsValidNumber(number), text.c_str());
            const auto type = util->GetNumberType(number);
            QVERIFY2(type == PhoneNumberUtil::MOBILE || type == PhoneNumberUtil::FIXED_LINE_OR_MOBILE, text.c_str());
        }
        QCOMPARE_ZERO(db(),
                      u"SELECT count(*) FROM campaign_recipients r JOIN campaigns m ON m.id = r.campaign_id"
                      " JOIN customers c ON c.id = r.customer_id WHERE m.channel = 'sms' AND c.sms_number = ''"_s);
    }

    void subscriptionsFollowTheEvents()
    {
        QCOMPARE_ZERO(db(), u"SELECT count(*) FROM subscriptions s WHERE NOT EXISTS (SELECT 1 FROM events e WHERE"
                            " e.customer_id = s.customer_id AND e.ref_id = s.category_id AND e.ts = s.changed_at"
                            " AND e.kind = CASE WHEN s.status = 'subscribed' THEN 14 ELSE 15 END"
                            " AND e.details LIKE '%\"' || s.channel || '\"%')"_s);
        QCOMPARE(scalar(db(), u"SELECT count(*) FROM events WHERE kind = 15"_s).toInt(),
                 scalar(db(), u"SELECT count(*) FROM subscriptions WHERE status = 'unsubscribed'"_s).toInt());
        // Nothing is sent in a category after the customer left it.
        QCOMPARE_ZERO(db(), u"SELECT count(*) FROM campaign_recipients r JOIN campaigns m ON m.id = r.campaign_id"
                            " JOIN subscriptions s ON s.customer_id = r.customer_id AND s.channel = m.channel"
                            " AND s.category_id = m.category_id WHERE s.status = 'unsubscribed'"
                            " AND coalesce(r.sent_at, m.sent_at) > s.changed_at"_s);
        // Every recipient of a categorised mailing was subscribed to it.
        QCOMPARE_ZERO(
            db(),
            u"SELECT count(*) FROM campaign_recipients r JOIN campaigns m ON m.id = r.campaign_id"
            " WHERE m.category_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM subscriptions s"
            " WHERE s.customer_id = r.customer_id AND s.channel = m.channel AND s.category_id = m.category_id)"_s);
    }

    void historyFollowsTastes()
    {
        // Bids mostly land in the departments a customer registered for: the structure a
        // recommender learns.
        const double share = scalar(db(), u"SELECT 1.0 * sum(CASE WHEN EXISTS (SELECT 1 FROM customer_departments d"
                                          " WHERE d.customer_id = b.customer_id AND d.department_id = l.department_id"
                                          " AND d.source = 'registered') THEN 1 ELSE 0 END) / count(*)"
                                          " FROM bids b JOIN lots l ON l.id = b.lot_id"_s)
                                 .toDouble();
        QVERIFY2(share > 0.7, qPrintable(QString::number(share)));
        // Tate works keep their accession number and page; template lots have neither.
        QVERIFY(
            scalar(db(),
                   u"SELECT count(*) FROM lots WHERE source_ref IS NOT NULL AND source_url LIKE 'http%tate.org.uk%'"_s)
                .toInt() > 0);
        QCOMPARE_ZERO(db(), u"SELECT count(*) FROM lots l JOIN departments d ON d.id = l.department_id"
                            " WHERE d.code IN ('JEW', 'WAT', 'WIN', 'BKS', 'ASN') AND l.source_ref IS NOT NULL"_s);
        QVERIFY(scalar(db(), u"SELECT count(*) FROM lot_tags"_s).toInt() >
                scalar(db(), u"SELECT count(*) FROM lots"_s).toInt());
    }

    void phoneNumbersAreValidForTheirCountry()
    {
        using i18n::phonenumbers::PhoneNumber;
        using i18n::phonenumbers::PhoneNumberUtil;
        const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
        for (int country = 0; country < Demo::People::countryCount(); ++country) {
            SeededRandom random(static_cast<quint64>(country));
            const std::string region = Demo::People::countryCode(country).toStdString();
            for (int k = 0; k < 50; ++k) {
                for (const bool mobile : {true, false}) {
                    const QString text = mobile ? Demo::People::mobileNumber(country, random)
                                                : Demo::People::landlineNumber(country, random);
                    PhoneNumber number;
                    QVERIFY(util->Parse(text.toStdString(), region, &number) == PhoneNumberUtil::NO_PARSING_ERROR);
                    QVERIFY2(util->IsValidNumber(number), qPrintable(text));
                    const auto type = util->GetNumberType(number);
                    const bool either = type == PhoneNumberUtil::FIXED_LINE_OR_MOBILE;
                    QVERIFY2(either || type == (mobile ? PhoneNumberUtil::MOBILE : PhoneNumberUtil::FIXED_LINE),
                             qPrintable(text));
                }
            }
        }
    }

    void sameSeedSameHouseOtherSeedAnother()
    {
        QByteArray hashes[3];
        const quint64 seeds[3] = {11, 11, 12};
        for (int run = 0; run < 3; ++run) {
            GAVEL_OPEN_TEST_DATABASE(test);
            DemoGenerator generator(test->db(), options(seeds[run], 40));
            QVERIFY(generator.generate().ok());
            hashes[run] = contentHash(test->db());
        }
        QCOMPARE(hashes[0], hashes[1]);
        QVERIFY(hashes[0] != hashes[2]);
    }

    void cancellingLeavesNothing()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const QVariant indexes =
            scalar(test->db(), test->db().dialect().isSqlite()
                                   ? u"SELECT count(*) FROM sqlite_master WHERE type = 'index'"_s
                                   : u"SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema()"_s);
        DemoGenerator generator(test->db(), options(3, 40));
        QStringList stages;
        qint64 last = -1;
        bool monotonic = true;
        Status status = generator.generate([&](qint64 done, qint64 total, const QString &stage) {
            monotonic = monotonic && done >= last && done <= total;
            last = done;
            if (stages.isEmpty() || stages.last() != stage) {
                stages << stage;
            }
            return !stage.startsWith(u"Writing customers"_s);
        });
        QVERIFY(!status.ok());
        QCOMPARE(status.error().kind, ErrorKind::Cancelled);
        QVERIFY(monotonic);
        QVERIFY2(stages.size() >= 5, qPrintable(stages.join(u" | "_s)));
        for (const QString &table : {u"customers"_s, u"lots"_s, u"sales"_s, u"departments"_s, u"events"_s, u"tags"_s}) {
            QCOMPARE(scalar(test->db(), u"SELECT count(*) FROM "_s + table).toInt(), 0);
        }
        QCOMPARE(
            scalar(test->db(), u"SELECT count(*) FROM gavel_meta WHERE key IN ('demo', 'deferred_indexes')"_s).toInt(),
            0);
        QCOMPARE(scalar(test->db(), test->db().dialect().isSqlite()
                                        ? u"SELECT count(*) FROM sqlite_master WHERE type = 'index'"_s
                                        : u"SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema()"_s),
                 indexes);
        // The database is as good as new: a second attempt succeeds.
        QVERIFY(generator.generate().ok());
        QCOMPARE(scalar(test->db(), u"SELECT count(*) FROM customers"_s).toInt(), 40);
    }

    void refusesADatabaseWithCustomers()
    {
        DemoGenerator generator(db(), options());
        Status status = generator.generate();
        QVERIFY(!status.ok());
        QCOMPARE(status.error().kind, ErrorKind::Invalid);
        QVERIFY2(status.error().message.contains(u"already has"_s), qPrintable(status.error().message));
        QCOMPARE(scalar(db(), u"SELECT count(*) FROM customers"_s).toInt(), kCustomers);
    }

    void missingCatalogueIsReported()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        DemoOptions broken = options(1, 10);
        broken.cataloguePath = u"/nonexistent/artworks.csv"_s;
        DemoGenerator generator(test->db(), broken);
        Status status = generator.generate();
        QVERIFY(!status.ok());
        QCOMPARE(status.error().kind, ErrorKind::NotFound);
        QCOMPARE(scalar(test->db(), u"SELECT count(*) FROM departments"_s).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDemoGenerator)
#include "tst_demogenerator.moc"
