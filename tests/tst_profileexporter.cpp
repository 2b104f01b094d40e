#include "auditstore.h"
#include "customerstore.h"
#include "database.h"
#include "eventkind.h"
#include "profileexporter.h"
#include "profilesections.h"
#include "sql.h"
#include "sqlfixture.h"
#include "testdatabase.h"
#include "transaction.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

using namespace Gavel::Models;
using namespace Qt::StringLiterals;

namespace {

// 2024-01-10T10:00:00Z: the fixture's times are offsets from here.
constexpr qint64 kT0 = 1704880800;
constexpr qint64 kDay = 86400;

QString iso(qint64 epoch)
{
    return QDateTime::fromSecsSinceEpoch(epoch, QTimeZone::utc()).toUTC().toString(Qt::ISODate);
}

using Fixture = Gavel::Tests::SqlFixture;

qint64 createCustomer(Database &database, const QString &customerNo, const QString &first, const QString &last,
                      const QString &email)
{
    Customer customer;
    customer.customerNo = customerNo;
    customer.firstName = first;
    customer.lastName = last;
    customer.email = email;
    customer.city = QString::fromUtf8("København");
    customer.country = u"DK"_s;
    customer.birthDate = QDate(1971, 3, 9);
    customer.registeredAt = QDateTime::fromSecsSinceEpoch(kT0 - 400 * kDay, QTimeZone::utc());
    customer.vip = true;
    auto created = CustomerStore(database).create(customer);
    return created ? created->id : 0;
}

/// The customers of the fixture: A has a row in every table the export covers; B has rows of
/// their own in the same tables, some on the same lots and sales, and must never show in A's export.
struct Customers
{
    qint64 a = 0;
    qint64 b = 0;
};

const QString kCustomerA = u"C-1001"_s;
const QString kCustomerB = u"C-2002"_s;

/// Strings only customer B's rows hold: none may appear in A's export.
const QStringList &secretsOfB()
{
    static const QStringList secrets = {
        kCustomerB,       u"bart.other@example.org"_s, u"Bartholomew"_s, u"B-SECRET"_s,   u"INV-B-900"_s, u"CONS-B-1"_s,
        u"CAMP-B-ONLY"_s, u"Label-B-Only"_s,           u"seg-b-only"_s,  u"b-only-tag"_s, u"PROMO-B"_s,   u"uuid-b-"_s,
    };
    return secrets;
}

bool buildFixture(Database &database, Customers *customers, QString *why)
{
    customers->a = createCustomer(database, kCustomerA, QString::fromUtf8("Zoë"), QString::fromUtf8("Møller-Åström"),
                                  u"zoe.moller@example.dk"_s);
    customers->b = createCustomer(database, kCustomerB, u"Bartholomew"_s, u"Other"_s, u"bart.other@example.org"_s);
    if (customers->a == 0 || customers->b == 0) {
        *why = u"could not create the customers"_s;
        return false;
    }
    const qint64 a = customers->a;
    const qint64 b = customers->b;
    Fixture f(database);

    const qint64 om = f.run(u"INSERT INTO departments (code, name) VALUES ('OM', 'Old Masters') RETURNING id"_s, {});
    const qint64 jw = f.run(u"INSERT INTO departments (code, name) VALUES ('JW', 'Jewellery') RETURNING id"_s, {});
    const qint64 paintings = f.run(u"INSERT INTO categories (department_id, code, name) VALUES (?, 'OM-PAINT',"
                                   " 'Paintings') RETURNING id"_s,
                                   {om});
    const qint64 room = f.run(u"INSERT INTO venues (code, name, kind, city) VALUES ('LDN', 'London, King Street',"
                              " 'saleroom', 'London') RETURNING id"_s,
                              {});
    const qint64 platform = f.run(u"INSERT INTO venues (code, name, kind) VALUES ('LIVE', 'LiveBid Platform',"
                                  " 'platform') RETURNING id"_s,
                                  {});
    const qint64 shop = f.run(u"INSERT INTO venues (code, name, kind) VALUES ('SHOP', 'Online Shop', 'shop')"
                              " RETURNING id"_s,
                              {});

    f.run(u"INSERT INTO customer_departments (customer_id, department_id, source, added_at, added_by)"
          " VALUES (?, ?, 'staff', ?, 'Priya Shah'), (?, ?, 'derived', ?, NULL), (?, ?, 'staff', ?, 'Priya Shah')"_s,
          {a, om, kT0 - 300 * kDay, a, jw, kT0 - 200 * kDay, b, om, kT0 - 100 * kDay});

    const qint64 sale = f.run(u"INSERT INTO sales (sale_no, title, venue_id, department_id, starts_at, status,"
                              " currency) VALUES ('L24101', 'Old Masters Evening Sale', ?, ?, ?, 'closed', 'GBP')"
                              " RETURNING id"_s,
                              {room, om, kT0});
    const qint64 upcoming = f.run(u"INSERT INTO sales (sale_no, title, venue_id, department_id, starts_at, status,"
                                  " currency) VALUES ('L24202', 'Magnificent Jewels', ?, ?, ?, 'upcoming', 'GBP')"
                                  " RETURNING id"_s,
                                  {room, jw, kT0 + 60 * kDay});

    // Lot 1 was consigned by B and bought by A; lot 2 consigned by A and bought by B.
    const qint64 consA = f.run(u"INSERT INTO consignments (uuid, consignment_no, customer_id, department_id,"
                               " received_at, status, description, specialist, updated_at, updated_by)"
                               " VALUES ('uuid-a-cons', 'CONS-A-1', ?, ?, ?, 'sold', 'A river landscape',"
                               " 'Priya Shah', ?, 'Priya Shah') RETURNING id"_s,
                               {a, om, kT0 - 90 * kDay, kT0 - 90 * kDay});
    const qint64 consB = f.run(u"INSERT INTO consignments (uuid, consignment_no, customer_id, received_at, status,"
                               " description, updated_at, updated_by) VALUES ('uuid-b-cons', 'CONS-B-1', ?, ?, 'sold',"
                               " 'B-SECRET family portrait', ?, 'Priya Shah') RETURNING id"_s,
                               {b, kT0 - 95 * kDay, kT0 - 95 * kDay});
    const qint64 lot1 = f.run(u"INSERT INTO lots (sale_id, lot_no, lot_seq, title, maker, department_id, category_id,"
                              " low_estimate_minor, high_estimate_minor, reserve_minor, hammer_minor, currency, status,"
                              " buyer_id, consignment_id) VALUES (?, '1', 1, 'Portrait of a Lady', 'Circle of Hals',"
                              " ?, ?, 8000000, 12000000, 7000000, 12500000, 'GBP', 'sold', ?, ?) RETURNING id"_s,
                              {sale, om, paintings, a, consB});
    const qint64 lot2 = f.run(u"INSERT INTO lots (sale_id, lot_no, lot_seq, title, department_id, low_estimate_minor,"
                              " high_estimate_minor, reserve_minor, hammer_minor, currency, status, buyer_id,"
                              " consignment_id) VALUES (?, '2', 2, 'River Landscape', ?, 5000000, 7000000, 4500000,"
                              " 9876500, 'GBP', 'sold', ?, ?) RETURNING id"_s,
                              {sale, om, b, consA});
    const qint64 lot15 = f.run(u"INSERT INTO lots (sale_id, lot_no, lot_seq, title, department_id,"
                               " low_estimate_minor, high_estimate_minor, currency, status) VALUES (?, '15', 15,"
                               " 'Diamond Brooch', ?, 300000, 500000, 'GBP', 'upcoming') RETURNING id"_s,
                               {upcoming, jw});

    f.run(u"INSERT INTO bids (lot_id, customer_id, amount_minor, currency, placed_at, channel, platform_id,"
          " is_winning) VALUES (?, ?, 10000000, 'GBP', ?, 'online', ?, 0), (?, ?, 12500000, 'GBP', ?, 'online', ?, 1),"
          " (?, ?, 9876500, 'GBP', ?, 'phone', NULL, 1)"_s,
          {lot1, a, kT0 + 60, platform, lot1, a, kT0 + 120, platform, lot2, b, kT0 + 180});
    f.run(u"INSERT INTO wishlists (customer_id, lot_id, added_at) VALUES (?, ?, ?), (?, ?, ?)"_s,
          {a, lot15, kT0 + 2 * kDay, b, lot15, kT0 + 3 * kDay});
    f.run(u"INSERT INTO sale_registrations (sale_id, customer_id, paddle_no, platform_id, registered_at)"
          " VALUES (?, ?, 'P-101', ?, ?), (?, ?, 'P-202', NULL, ?)"_s,
          {sale, a, platform, kT0 - kDay, sale, b, kT0 - kDay});

    const qint64 invoiceA = f.run(u"INSERT INTO invoices (invoice_no, customer_id, sale_id, venue_id, issued_at,"
                                  " due_at, paid_at, status, currency, hammer_minor, premium_minor, tax_minor,"
                                  " delivery_minor, total_minor, payment_method, updated_at, updated_by)"
                                  " VALUES ('INV-A-100', ?, ?, ?, ?, ?, ?, 'paid', 'GBP', 12500000, 3125000, 625000,"
                                  " 5000, 16255000, 'bank transfer', ?, 'Accounts') RETURNING id"_s,
                                  {a, sale, room, kT0 + kDay, kT0 + 31 * kDay, kT0 + 10 * kDay, kT0 + 10 * kDay});
    f.run(u"INSERT INTO invoice_lines (invoice_id, line_no, lot_id, description, hammer_minor, premium_minor,"
          " tax_minor, amount_minor) VALUES (?, 1, ?, 'Lot 1: Portrait of a Lady', 12500000, 3125000, 625000,"
          " 16250000), (?, 2, NULL, 'Delivery', 0, 0, 0, 5000)"_s,
          {invoiceA, lot1, invoiceA});
    const qint64 invoiceB = f.run(u"INSERT INTO invoices (invoice_no, customer_id, sale_id, issued_at, status,"
                                  " currency, hammer_minor, total_minor, updated_at, updated_by) VALUES ('INV-B-900',"
                                  " ?, ?, ?, 'issued', 'GBP', 9876500, 9876500, ?, 'Accounts') RETURNING id"_s,
                                  {b, sale, kT0 + kDay, kT0 + kDay});
    f.run(u"INSERT INTO invoice_lines (invoice_id, line_no, lot_id, description, amount_minor)"
          " VALUES (?, 1, ?, 'B-SECRET line', 9876500)"_s,
          {invoiceB, lot2});

    const qint64 alerts = f.run(u"SELECT id FROM subscription_categories WHERE code = 'sale_alerts'"_s, {});
    const qint64 newsletter = f.run(u"SELECT id FROM subscription_categories WHERE code = 'newsletter'"_s, {});
    const qint64 january = f.run(u"INSERT INTO campaigns (campaign_key, name, channel, category_id, subject, sent_at,"
                                 " sale_id, audience_size, control_size) VALUES ('CAMP-2024-01', 'January catalogue',"
                                 " 'email', ?, 'The January catalogue is online', ?, ?, 1000, 100) RETURNING id"_s,
                                 {alerts, kT0 - 20 * kDay, sale});
    const qint64 reminder = f.run(u"INSERT INTO campaigns (campaign_key, name, channel, category_id, sent_at)"
                                  " VALUES ('CAMP-2024-02', 'Evening sale reminder', 'email', ?, ?) RETURNING id"_s,
                                  {alerts, kT0 - 2 * kDay});
    const qint64 onlyB = f.run(u"INSERT INTO campaigns (campaign_key, name, channel, sent_at) VALUES"
                               " ('CAMP-B-ONLY', 'B-SECRET mailing', 'sms', ?) RETURNING id"_s,
                               {kT0 - 5 * kDay});
    f.run(u"INSERT INTO campaign_recipients (campaign_id, customer_id, in_control) VALUES (?, ?, 1)"_s, {january, a});
    f.run(u"INSERT INTO campaign_recipients (campaign_id, customer_id, in_control, sent_at, opened_at, open_count,"
          " clicked_at, click_count) VALUES (?, ?, 0, ?, ?, 2, ?, 1), (?, ?, 0, ?, NULL, 0, NULL, 0),"
          " (?, ?, 0, ?, NULL, 0, NULL, 0)"_s,
          {reminder, a, kT0 - 2 * kDay, kT0 - 2 * kDay + 3600, kT0 - 2 * kDay + 3700, reminder, b, kT0 - 2 * kDay,
           onlyB, b, kT0 - 5 * kDay});

    f.run(u"INSERT INTO subscriptions (customer_id, channel, category_id, status, changed_at, source, updated_at,"
          " updated_by) VALUES (?, 'email', ?, 'subscribed', ?, 'website', ?, 'web'),"
          " (?, 'sms', ?, 'unsubscribed', ?, 'call', ?, 'Priya Shah'),"
          " (?, 'email', ?, 'subscribed', ?, NULL, ?, 'web')"_s,
          {a, newsletter, kT0 - 300 * kDay, kT0 - 300 * kDay, a, alerts, kT0 - 50 * kDay, kT0 - 50 * kDay, b,
           newsletter, kT0 - 10 * kDay, kT0 - 10 * kDay});
    f.run(u"INSERT INTO promo_codes (code, campaign_id, customer_id, issued_at, redeemed_at, invoice_id, reissued,"
          " description) VALUES ('WELCOME10', ?, ?, ?, ?, ?, 1, 'Ten per cent off the premium'),"
          " ('PROMO-B', NULL, ?, ?, NULL, ?, 0, NULL)"_s,
          {reminder, a, kT0 - 2 * kDay, kT0 + kDay, invoiceA, b, kT0, invoiceB});

    const qint64 poll = f.run(u"INSERT INTO polls (poll_key, title, campaign_id, created_at) VALUES ('POLL-PREFS',"
                              " 'Collecting preferences', ?, ?) RETURNING id"_s,
                              {reminder, kT0 - 3 * kDay});
    const qint64 q1 = f.run(u"INSERT INTO poll_questions (poll_id, position, question) VALUES (?, 1,"
                            " 'Which periods interest you?') RETURNING id"_s,
                            {poll});
    const qint64 q2 = f.run(u"INSERT INTO poll_questions (poll_id, position, question) VALUES (?, 2,"
                            " 'How should we reach you?') RETURNING id"_s,
                            {poll});
    f.run(u"INSERT INTO poll_answers (question_id, customer_id, answer, answered_at) VALUES (?, ?, 'Dutch Golden Age',"
          " ?), (?, ?, 'B-SECRET answer', ?)"_s,
          {q1, a, kT0 - kDay, q2, b, kT0 - kDay});

    const qint64 basketA = f.run(u"INSERT INTO baskets (customer_id, venue_id, created_at, abandoned_at, status)"
                                 " VALUES (?, ?, ?, ?, 'abandoned') RETURNING id"_s,
                                 {a, shop, kT0 + 5 * kDay, kT0 + 6 * kDay});
    const qint64 basketB = f.run(u"INSERT INTO baskets (customer_id, venue_id, created_at, status) VALUES (?, ?, ?,"
                                 " 'open') RETURNING id"_s,
                                 {b, shop, kT0 + 5 * kDay});
    f.run(u"INSERT INTO basket_items (basket_id, lot_id, name, price_minor, currency, quantity, added_at) VALUES"
          " (?, NULL, 'Catalogue: Old Masters Evening', 3500, 'GBP', 2, ?), (?, ?, 'Diamond Brooch', 450000, 'GBP',"
          " 1, ?), (?, NULL, 'B-SECRET item', 100, 'GBP', 1, ?)"_s,
          {basketA, kT0 + 5 * kDay, basketA, lot15, kT0 + 5 * kDay + 60, basketB, kT0 + 5 * kDay});

    f.run(u"INSERT INTO loyalty_ledger (customer_id, kind, amount_minor, currency, created_at, activates_at,"
          " expires_at, reason, invoice_id) VALUES (?, 'accrual', 25000, 'GBP', ?, ?, ?, 'Evening sale purchase', ?),"
          " (?, 'redemption', -5000, 'GBP', ?, NULL, NULL, 'Catalogue', NULL),"
          " (?, 'accrual', 777, 'GBP', ?, NULL, NULL, 'B-SECRET credit', ?)"_s,
          {a, kT0 + 10 * kDay, kT0 + 40 * kDay, kT0 + 400 * kDay, invoiceA, a, kT0 + 20 * kDay, b, kT0, invoiceB});

    const qint64 topClient = f.run(u"INSERT INTO labels (uuid, name, name_key, color, updated_at, updated_by) VALUES"
                                   " ('label-top', 'Top Client', 'top client', '#c00000', ?, 'Admin') RETURNING id"_s,
                                   {kT0});
    const qint64 labelB = f.run(u"INSERT INTO labels (uuid, name, name_key, updated_at, updated_by) VALUES"
                                " ('uuid-b-label', 'Label-B-Only', 'label-b-only', ?, 'Admin') RETURNING id"_s,
                                {kT0});
    f.run(u"INSERT INTO customer_labels (customer_id, label_id, added_at, added_by) VALUES (?, ?, ?, 'Priya Shah'),"
          " (?, ?, ?, 'Admin')"_s,
          {a, topClient, kT0 + kDay, b, labelB, kT0});

    const qint64 omBuyers = f.run(u"INSERT INTO segments (uuid, code, name, rule, computed_at, updated_at, updated_by)"
                                  " VALUES ('seg-om', 'om-buyers', 'Old Masters buyers',"
                                  " 'department = OM and invoices > 0', ?, ?, 'Admin') RETURNING id"_s,
                                  {kT0, kT0});
    const qint64 segB = f.run(u"INSERT INTO segments (uuid, code, name, rule, updated_at, updated_by) VALUES"
                              " ('uuid-b-seg', 'seg-b-only', 'Only B', 'true', ?, 'Admin') RETURNING id"_s,
                              {kT0});
    f.run(u"INSERT INTO segment_members (segment_id, customer_id, since) VALUES (?, ?, ?), (?, ?, ?)"_s,
          {omBuyers, a, kT0 + 11 * kDay, segB, b, kT0});

    const QStringList tagNames = {u"Dutch Golden Age"_s, u"portrait"_s, u"landscape"_s, u"still life"_s,
                                  u"b-only-tag"_s};
    QList<qint64> tags;
    for (const QString &name : tagNames) {
        tags << f.run(u"INSERT INTO tags (name, name_key) VALUES (?, ?) RETURNING id"_s, {name, name.toLower()});
    }
    const QList<QVariantList> customerTags = {
        {u"uuid-a-tag1"_s, a, tags[0], u"active"_s, 0.75, kT0 + kDay},
        {u"uuid-a-tag2"_s, a, tags[1], u"starred"_s, 1.5, kT0 + kDay},
        {u"uuid-a-tag3"_s, a, tags[2], u"removed"_s, 0.0, kT0 + 2 * kDay},
        {u"uuid-a-tag4"_s, a, tags[3], u"optional"_s, 0.25, kT0 + 3 * kDay},
        {u"uuid-b-tag"_s, b, tags[4], u"active"_s, 1.0, kT0},
    };
    for (const QVariantList &row : customerTags) {
        f.run(u"INSERT INTO customer_tags (uuid, customer_id, tag_id, state, weight, updated_at, updated_by)"
              " VALUES (?, ?, ?, ?, ?, ?, 'Priya Shah')"_s,
              row);
    }

    f.run(u"INSERT INTO notes (uuid, customer_id, body, pinned, author, created_at, deleted_at, updated_at,"
          " updated_by) VALUES ('note-a-1', ?, 'Prefers a call before evening sales.', 1, 'Priya Shah', ?, NULL, ?,"
          " 'Priya Shah'), ('note-a-2', ?, 'Old address, superseded.', 0, 'Priya Shah', ?, ?, ?, 'Priya Shah'),"
          " ('uuid-b-note', ?, 'B-SECRET note about Bartholomew', 0, 'Priya Shah', ?, NULL, ?, 'Priya Shah')"_s,
          {a, kT0 - 30 * kDay, kT0 - 30 * kDay, a, kT0 - 60 * kDay, kT0 - 40 * kDay, kT0 - 40 * kDay, b, kT0, kT0});

    const auto kind = [](EventKind k) { return static_cast<int>(k); };
    const QList<QVariantList> events = {
        {a, kT0 - 2 * kDay, 1001, kind(EventKind::EmailSent), reminder, {}, {}, {}, {}, {}, {}, {}},
        {a,
         kT0 - 2 * kDay + 3600,
         1002,
         kind(EventKind::EmailOpened),
         reminder,
         {},
         {},
         {},
         {},
         {},
         {},
         u"{\"client\":\"Apple Mail\"}"_s},
        {a, kT0 + 60, 1003, kind(EventKind::BidPlaced), {}, sale, lot1, {}, 10000000, u"GBP"_s, {}, {}},
        // A lot event without a sale of its own: the export takes the lot's sale.
        {a, kT0 + 120, 1004, kind(EventKind::LotWon), {}, {}, lot1, {}, 12500000, u"GBP"_s, {}, {}},
        {a, kT0 + kDay, 1005, kind(EventKind::InvoiceIssued), {}, {}, {}, invoiceA, 16255000, u"GBP"_s, {}, {}},
        {a,
         kT0 + 4 * kDay,
         1006,
         kind(EventKind::WebsiteVisit),
         {},
         {},
         {},
         {},
         {},
         {},
         u"/departments/old-masters"_s,
         u"not json {"_s},
        {a, kT0 + 4 * kDay, 1007, 99, {}, {}, {}, {}, {}, {}, u"from a newer Gavel"_s, {}},
        {b,
         kT0 + kDay,
         2001,
         kind(EventKind::InvoiceIssued),
         {},
         {},
         {},
         invoiceB,
         9876500,
         u"GBP"_s,
         u"B-SECRET event"_s,
         {}},
    };
    for (const QVariantList &row : events) {
        f.run(u"INSERT INTO events (customer_id, ts, id, kind, campaign_id, sale_id, lot_id, invoice_id,"
              " amount_minor, currency, info, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
              row);
    }

    f.run(u"INSERT INTO audit_log (at, actor, entity, entity_id, entity_uuid, customer_id, action, field,"
          " old_value, new_value) VALUES (?, 'Priya Shah', 'note', NULL, 'note-a-2', ?, 'delete', NULL,"
          " 'Old address, superseded.', NULL), (?, 'Priya Shah', 'customer_tag', NULL, 'uuid-a-tag1', ?, 'update',"
          " 'state', 'optional', 'active'), (?, 'Priya Shah', 'note', NULL, 'uuid-b-note', ?, 'create', NULL, NULL,"
          " 'B-SECRET note about Bartholomew')"_s,
          {kT0 - 40 * kDay, a, kT0 + kDay, a, kT0, b});

    *why = f.error();
    return why->isEmpty();
}

/// A device that accepts `capacity` bytes and then fails like a full disk.
class FullDisk final : public QIODevice
{
public:
    explicit FullDisk(qint64 capacity) : m_capacity(capacity) { open(QIODevice::WriteOnly); }
    int writeCalls = 0;

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *, qint64 size) override
    {
        ++writeCalls;
        if (m_written + size > m_capacity) {
            setErrorString(u"No space left on device"_s);
            return -1;
        }
        m_written += size;
        return size;
    }

private:
    qint64 m_capacity;
    qint64 m_written = 0;
};

/// Counts what is written without keeping it, and notes the largest single write.
class CountingDevice final : public QIODevice
{
public:
    CountingDevice() { open(QIODevice::WriteOnly); }
    qint64 total = 0;
    qint64 largestWrite = 0;
    QByteArray kept; ///< everything written, for parsing; filled only when keep is set
    bool keep = true;

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override
    {
        total += size;
        largestWrite = qMax(largestWrite, size);
        if (keep) {
            kept.append(data, size);
        }
        return size;
    }
};

/// Runs `exporter` into memory: returns what it wrote and puts the outcome in `status`.
QByteArray exportWith(ProfileExporter &exporter, const QString &customerNo, Status *status,
                      const ExportOptions &options = {})
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    *status = exporter.exportJson(customerNo, buffer, options);
    return bytes;
}

/// The export of `customerNo`; empty, with a warning, when it fails.
QByteArray exportOf(Database &database, const QString &customerNo, const ExportOptions &options = {})
{
    ProfileExporter exporter(database);
    Status status;
    QByteArray bytes = exportWith(exporter, customerNo, &status, options);
    if (!status) {
        qWarning("export failed: %s", qPrintable(status.error().fullText()));
        return {};
    }
    return bytes;
}

/// What went wrong, for QVERIFY2.
QString textOf(const Status &status)
{
    return status ? QString() : status.error().fullText();
}

QJsonObject parse(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        qWarning("not JSON at %d: %s", error.offset, qPrintable(error.errorString()));
    }
    return document.object();
}

/// Every problem with the documented value formats, anywhere in `value`.
void checkFormats(const QJsonValue &value, const QString &path, QStringList *problems)
{
    static const QRegularExpression isoTime(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$"_s);
    static const QRegularExpression isoDate(u"^\\d{4}-\\d\\d-\\d\\d$"_s);
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            checkFormats(array.at(i), path + u'[' + QString::number(i) + u']', problems);
        }
        return;
    }
    if (!value.isObject()) {
        return;
    }
    const QJsonObject object = value.toObject();
    if (object.contains(u"minor"_s)) {
        if (object.keys() != QStringList{u"currency"_s, u"minor"_s} || !object[u"minor"_s].isDouble() ||
            object[u"minor"_s].toDouble() != double(object[u"minor"_s].toInteger()) ||
            object[u"currency"_s].toString().size() != 3) {
            *problems << path + u": money not {minor, currency}"_s;
        }
        return;
    }
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QString key = it.key();
        const QString where = path + u'.' + key;
        if (key == u"id" || key.endsWith(u"Id")) {
            *problems << where + u": a local id left the database"_s;
        }
        const bool isTime = key.endsWith(u"At") || key == u"ts" || key == u"at" || key == u"since";
        if (isTime && !it->isNull() && !isoTime.match(it->toString()).hasMatch()) {
            *problems << where + u": not an ISO 8601 UTC time: "_s + it->toVariant().toString();
        }
        if ((key.endsWith(u"Date") || key == u"asOf") && !it->isNull() && !isoDate.match(it->toString()).hasMatch()) {
            *problems << where + u": not a YYYY-MM-DD date"_s;
        }
        checkFormats(*it, where, problems);
    }
}

QJsonObject find(const QJsonArray &rows, const QString &key, const QJsonValue &value)
{
    for (const auto &row : rows) {
        if (row.toObject().value(key) == value) {
            return row.toObject();
        }
    }
    return {};
}

QJsonObject money(qint64 minor, const QString &currency = u"GBP"_s)
{
    return {{u"minor"_s, minor}, {u"currency"_s, currency}};
}

/// The export with its one varying line, exportedAt, blanked.
QByteArray withoutExportedAt(const QByteArray &bytes)
{
    static const QRegularExpression exportedAt(u"\"exportedAt\": \"[^\"]*\""_s);
    return QString::fromUtf8(bytes).replace(exportedAt, u"\"exportedAt\": \"\""_s).toUtf8();
}

const QStringList kSections = {
    u"departments"_s,
    u"bids"_s,
    u"lotsBought"_s,
    u"wishlists"_s,
    u"consignments"_s,
    u"saleRegistrations"_s,
    u"invoices"_s,
    u"campaignMemberships"_s,
    u"subscriptions"_s,
    u"promoCodes"_s,
    u"pollAnswers"_s,
    u"baskets"_s,
    u"loyaltyLedger"_s,
    u"labels"_s,
    u"segmentMemberships"_s,
    u"tags"_s,
    u"notes"_s,
    u"events"_s,
    u"auditLog"_s,
};

} // namespace

class TestProfileExporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Every test gets a fresh database holding the fixture.
    void init()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        QString why;
        QVERIFY2(buildFixture(test->db(), &m_customers, &why), qPrintable(why));
        m_test = std::move(test);
    }

    void cleanup()
    {
        m_test.reset();
        m_customers = {};
    }

    void writesEverySectionWithResolvedReferences()
    {

        ExportOptions options;
        options.asOf = QDate(2024, 6, 30);
        const QByteArray bytes = exportOf(db(), kCustomerA, options);
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const QJsonObject doc = document.object();

        // The header, and the top-level keys in their documented order.
        QCOMPARE(doc[u"format"_s].toString(), u"gavel-profile-export"_s);
        QCOMPARE(doc[u"formatVersion"_s].toInt(), 1);
        QCOMPARE(doc[u"asOf"_s].toString(), u"2024-06-30"_s);
        QCOMPARE(doc[u"schemaVersion"_s].toInt(), Database::currentSchemaVersion());
        const QDateTime exportedAt = QDateTime::fromString(doc[u"exportedAt"_s].toString(), Qt::ISODate);
        QVERIFY(exportedAt.isValid());
        QVERIFY(qAbs(exportedAt.secsTo(QDateTime::currentDateTimeUtc())) < 120);
        QStringList order = {u"format"_s, u"formatVersion"_s, u"exportedAt"_s,
                             u"asOf"_s,   u"schemaVersion"_s, u"customer"_s};
        order += kSections;
        qsizetype previous = -1;
        for (const QString &key : order) {
            const QByteArray needle = "\n    \"" + key.toUtf8() + "\": ";
            const qsizetype at = bytes.indexOf(needle);
            QVERIFY2(at > previous, qPrintable(key + u" is missing or out of order"_s));
            previous = at;
            QVERIFY2(doc.contains(key), qPrintable(key));
        }
        QCOMPARE(doc.keys().size(), order.size());

        QStringList problems;
        checkFormats(doc, u"export"_s, &problems);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));

        const QJsonObject customer = doc[u"customer"_s].toObject();
        QCOMPARE(customer[u"customerNo"_s].toString(), kCustomerA);
        QCOMPARE(customer[u"uuid"_s].toString().size(), 36);
        QCOMPARE(customer[u"firstName"_s].toString(), QString::fromUtf8("Zoë"));
        QCOMPARE(customer[u"lastName"_s].toString(), QString::fromUtf8("Møller-Åström"));
        QCOMPARE(customer[u"city"_s].toString(), QString::fromUtf8("København"));
        QCOMPARE(customer[u"birthDate"_s].toString(), u"1971-03-09"_s);
        QCOMPARE(customer[u"registeredAt"_s].toString(), iso(kT0 - 400 * kDay));
        QCOMPARE(customer[u"vip"_s], QJsonValue(true));
        QCOMPARE(customer[u"totalSpent"_s].toObject(), money(0));
        QCOMPARE(customer[u"lastActivityAt"_s], QJsonValue(QJsonValue::Null)); // 0: never
        QCOMPARE(customer[u"updatedBy"_s].toString(), u"Test Runner"_s);
        QCOMPARE(customer[u"version"_s].toInt(), 1);
        QVERIFY(!customer.contains(u"id"_s));
        QCOMPARE(customer.size(), 28); // every column of customers but id

        const auto rows = [&](const QString &key) { return doc[key].toArray(); };
        const QHash<QString, int> counts = {
            {u"departments"_s, 2},
            {u"bids"_s, 2},
            {u"lotsBought"_s, 1},
            {u"wishlists"_s, 1},
            {u"consignments"_s, 1},
            {u"saleRegistrations"_s, 1},
            {u"invoices"_s, 1},
            {u"campaignMemberships"_s, 2},
            {u"subscriptions"_s, 2},
            {u"promoCodes"_s, 1},
            {u"pollAnswers"_s, 1},
            {u"baskets"_s, 1},
            {u"loyaltyLedger"_s, 2},
            {u"labels"_s, 1},
            {u"segmentMemberships"_s, 1},
            {u"tags"_s, 4},
            {u"notes"_s, 2},
            {u"events"_s, 7},
            {u"auditLog"_s, 3},
        };
        for (const QString &key : kSections) {
            QVERIFY2(doc[key].isArray(), qPrintable(key));
            QVERIFY2(rows(key).size() == counts.value(key),
                     qPrintable(u"%1: %2 rows, expected %3"_s.arg(key).arg(rows(key).size()).arg(counts.value(key))));
        }

        // Departments, ordered by when they were added.
        QCOMPARE(rows(u"departments"_s)[0].toObject()[u"code"_s].toString(), u"OM"_s);
        QCOMPARE(rows(u"departments"_s)[0].toObject()[u"name"_s].toString(), u"Old Masters"_s);
        QCOMPARE(rows(u"departments"_s)[1].toObject()[u"source"_s].toString(), u"derived"_s);

        // Bids: the lot and sale by their numbers, the platform by name, the winner flagged.
        const QJsonObject underbid = rows(u"bids"_s)[0].toObject();
        const QJsonObject winning = rows(u"bids"_s)[1].toObject();
        QCOMPARE(underbid[u"isWinning"_s], QJsonValue(false));
        QCOMPARE(winning[u"isWinning"_s], QJsonValue(true));
        QCOMPARE(winning[u"saleNo"_s].toString(), u"L24101"_s);
        QCOMPARE(winning[u"lotNo"_s].toString(), u"1"_s);
        QCOMPARE(winning[u"lotTitle"_s].toString(), u"Portrait of a Lady"_s);
        QCOMPARE(winning[u"amount"_s].toObject(), money(12500000));
        QCOMPARE(winning[u"placedAt"_s].toString(), iso(kT0 + 120));
        QCOMPARE(winning[u"platform"_s].toString(), u"LiveBid Platform"_s);
        QCOMPARE(winning[u"channel"_s].toString(), u"online"_s);
        // Money is written as integers, never as floating point.
        QVERIFY(bytes.contains("\"amount\": {\"currency\": \"GBP\", \"minor\": 12500000}"));

        const QJsonObject bought = rows(u"lotsBought"_s)[0].toObject();
        QCOMPARE(bought[u"saleNo"_s].toString(), u"L24101"_s);
        QCOMPARE(bought[u"lotNo"_s].toString(), u"1"_s);
        QCOMPARE(bought[u"hammer"_s].toObject(), money(12500000));
        QCOMPARE(bought[u"department"_s].toString(), u"Old Masters"_s);
        QCOMPARE(bought[u"category"_s].toString(), u"Paintings"_s);
        QVERIFY(!bought.contains(u"reserve"_s)); // the consignor's, not the buyer's

        QCOMPARE(rows(u"wishlists"_s)[0].toObject()[u"saleNo"_s].toString(), u"L24202"_s);
        QCOMPARE(rows(u"wishlists"_s)[0].toObject()[u"lotNo"_s].toString(), u"15"_s);

        const QJsonObject consignment = rows(u"consignments"_s)[0].toObject();
        QCOMPARE(consignment[u"consignmentNo"_s].toString(), u"CONS-A-1"_s);
        QCOMPARE(consignment[u"department"_s].toString(), u"Old Masters"_s);
        const QJsonArray consigned = consignment[u"lots"_s].toArray();
        QCOMPARE(consigned.size(), 1);
        QCOMPARE(consigned[0].toObject()[u"lotNo"_s].toString(), u"2"_s);
        QCOMPARE(consigned[0].toObject()[u"reserve"_s].toObject(), money(4500000));

        const QJsonObject registration = rows(u"saleRegistrations"_s)[0].toObject();
        QCOMPARE(registration[u"saleNo"_s].toString(), u"L24101"_s);
        QCOMPARE(registration[u"paddleNo"_s].toString(), u"P-101"_s);
        QCOMPARE(registration[u"platform"_s].toString(), u"LiveBid Platform"_s);

        const QJsonObject invoice = rows(u"invoices"_s)[0].toObject();
        QCOMPARE(invoice[u"invoiceNo"_s].toString(), u"INV-A-100"_s);
        QCOMPARE(invoice[u"saleNo"_s].toString(), u"L24101"_s);
        QCOMPARE(invoice[u"venue"_s].toString(), u"London, King Street"_s);
        QCOMPARE(invoice[u"total"_s].toObject(), money(16255000));
        QCOMPARE(invoice[u"premium"_s].toObject(), money(3125000));
        QCOMPARE(invoice[u"paidAt"_s].toString(), iso(kT0 + 10 * kDay));
        const QJsonArray lines = invoice[u"lines"_s].toArray();
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[0].toObject()[u"lineNo"_s].toInt(), 1);
        QCOMPARE(lines[0].toObject()[u"saleNo"_s].toString(), u"L24101"_s);
        QCOMPARE(lines[0].toObject()[u"lotNo"_s].toString(), u"1"_s);
        QCOMPARE(lines[0].toObject()[u"amount"_s].toObject(), money(16250000));
        QCOMPARE(lines[1].toObject()[u"lotNo"_s], QJsonValue(QJsonValue::Null));
        QCOMPARE(lines[1].toObject()[u"description"_s].toString(), u"Delivery"_s);

        const QJsonObject control = find(rows(u"campaignMemberships"_s), u"campaignKey"_s, u"CAMP-2024-01"_s);
        QCOMPARE(control[u"inControl"_s], QJsonValue(true));
        QCOMPARE(control[u"sentAt"_s], QJsonValue(QJsonValue::Null));
        QCOMPARE(control[u"category"_s].toString(), u"sale_alerts"_s);
        QCOMPARE(control[u"saleNo"_s].toString(), u"L24101"_s);
        QCOMPARE(control[u"campaignSentAt"_s].toString(), iso(kT0 - 20 * kDay));
        const QJsonObject opened = find(rows(u"campaignMemberships"_s), u"campaignKey"_s, u"CAMP-2024-02"_s);
        QCOMPARE(opened[u"name"_s].toString(), u"Evening sale reminder"_s);
        QCOMPARE(opened[u"channel"_s].toString(), u"email"_s);
        QCOMPARE(opened[u"inControl"_s], QJsonValue(false));
        QCOMPARE(opened[u"openedAt"_s].toString(), iso(kT0 - 2 * kDay + 3600));
        QCOMPARE(opened[u"clickedAt"_s].toString(), iso(kT0 - 2 * kDay + 3700));
        QCOMPARE(opened[u"openCount"_s].toInt(), 2);
        QCOMPARE(opened[u"clickCount"_s].toInt(), 1);
        QCOMPARE(opened[u"unsubscribedAt"_s], QJsonValue(QJsonValue::Null));

        const QJsonObject email = find(rows(u"subscriptions"_s), u"channel"_s, u"email"_s);
        QCOMPARE(email[u"category"_s].toString(), u"newsletter"_s);
        QCOMPARE(email[u"status"_s].toString(), u"subscribed"_s);
        QCOMPARE(find(rows(u"subscriptions"_s), u"channel"_s, u"sms"_s)[u"status"_s].toString(), u"unsubscribed"_s);

        const QJsonObject promo = rows(u"promoCodes"_s)[0].toObject();
        QCOMPARE(promo[u"code"_s].toString(), u"WELCOME10"_s);
        QCOMPARE(promo[u"campaignKey"_s].toString(), u"CAMP-2024-02"_s);
        QCOMPARE(promo[u"invoiceNo"_s].toString(), u"INV-A-100"_s);
        QCOMPARE(promo[u"reissued"_s], QJsonValue(true));

        const QJsonObject answer = rows(u"pollAnswers"_s)[0].toObject();
        QCOMPARE(answer[u"pollKey"_s].toString(), u"POLL-PREFS"_s);
        QCOMPARE(answer[u"poll"_s].toString(), u"Collecting preferences"_s);
        QCOMPARE(answer[u"question"_s].toString(), u"Which periods interest you?"_s);
        QCOMPARE(answer[u"answer"_s].toString(), u"Dutch Golden Age"_s);

        const QJsonObject basket = rows(u"baskets"_s)[0].toObject();
        QCOMPARE(basket[u"status"_s].toString(), u"abandoned"_s);
        QCOMPARE(basket[u"venue"_s].toString(), u"Online Shop"_s);
        const QJsonArray items = basket[u"items"_s].toArray();
        QCOMPARE(items.size(), 2);
        QCOMPARE(items[0].toObject()[u"quantity"_s].toInt(), 2);
        QCOMPARE(items[0].toObject()[u"price"_s].toObject(), money(3500));
        QCOMPARE(items[1].toObject()[u"lotNo"_s].toString(), u"15"_s);
        QCOMPARE(items[1].toObject()[u"saleNo"_s].toString(), u"L24202"_s);

        QCOMPARE(rows(u"loyaltyLedger"_s)[0].toObject()[u"invoiceNo"_s].toString(), u"INV-A-100"_s);
        QCOMPARE(rows(u"loyaltyLedger"_s)[0].toObject()[u"amount"_s].toObject(), money(25000));
        QCOMPARE(rows(u"loyaltyLedger"_s)[1].toObject()[u"amount"_s].toObject(), money(-5000));
        QCOMPARE(rows(u"labels"_s)[0].toObject()[u"name"_s].toString(), u"Top Client"_s);
        QCOMPARE(rows(u"segmentMemberships"_s)[0].toObject()[u"code"_s].toString(), u"om-buyers"_s);
        QCOMPARE(rows(u"segmentMemberships"_s)[0].toObject()[u"rule"_s].toString(),
                 u"department = OM and invoices > 0"_s);

        const QJsonObject starred = find(rows(u"tags"_s), u"tag"_s, u"portrait"_s);
        QCOMPARE(starred[u"state"_s].toString(), u"starred"_s);
        QCOMPARE(starred[u"weight"_s].toDouble(), 1.5);
        QCOMPARE(find(rows(u"tags"_s), u"tag"_s, u"Dutch Golden Age"_s)[u"weight"_s].toDouble(), 0.75);
        QStringList states;
        for (const auto &tag : rows(u"tags"_s)) {
            states << tag.toObject()[u"state"_s].toString();
        }
        QCOMPARE(states, (QStringList{u"active"_s, u"starred"_s, u"removed"_s, u"optional"_s}));

        // Notes: the deleted one too, marked as such; oldest first.
        const QJsonObject deleted = rows(u"notes"_s)[0].toObject();
        QCOMPARE(deleted[u"body"_s].toString(), u"Old address, superseded."_s);
        QCOMPARE(deleted[u"deleted"_s], QJsonValue(true));
        QCOMPARE(deleted[u"deletedAt"_s].toString(), iso(kT0 - 40 * kDay));
        const QJsonObject pinned = rows(u"notes"_s)[1].toObject();
        QCOMPARE(pinned[u"deleted"_s], QJsonValue(false));
        QCOMPARE(pinned[u"deletedAt"_s], QJsonValue(QJsonValue::Null));
        QCOMPARE(pinned[u"pinned"_s], QJsonValue(true));

        // Events: stable kind keys, references resolved, details parsed when JSON.
        const QJsonArray events = rows(u"events"_s);
        QStringList kinds;
        for (const auto &event : events) {
            kinds << event.toObject()[u"kind"_s].toString();
        }
        QCOMPARE(kinds, (QStringList{u"email_sent"_s, u"email_opened"_s, u"bid_placed"_s, u"lot_won"_s,
                                     u"invoice_issued"_s, u"website_visit"_s, u"unknown_99"_s}));
        QCOMPARE(events[0].toObject()[u"campaignKey"_s].toString(), u"CAMP-2024-02"_s);
        QCOMPARE(events[0].toObject()[u"ts"_s].toString(), iso(kT0 - 2 * kDay));
        QCOMPARE(events[1].toObject()[u"details"_s].toObject()[u"client"_s].toString(), u"Apple Mail"_s);
        QCOMPARE(events[2].toObject()[u"saleNo"_s].toString(), u"L24101"_s);
        QCOMPARE(events[2].toObject()[u"lotNo"_s].toString(), u"1"_s);
        QCOMPARE(events[2].toObject()[u"amount"_s].toObject(), money(10000000));
        QCOMPARE(events[3].toObject()[u"saleNo"_s].toString(), u"L24101"_s);
        QCOMPARE(events[4].toObject()[u"invoiceNo"_s].toString(), u"INV-A-100"_s);
        QCOMPARE(events[5].toObject()[u"info"_s].toString(), u"/departments/old-masters"_s);
        QCOMPARE(events[5].toObject()[u"details"_s].toString(), u"not json {"_s);
        QCOMPARE(events[5].toObject()[u"amount"_s], QJsonValue(QJsonValue::Null));

        const QJsonArray audit = rows(u"auditLog"_s);
        QCOMPARE(audit[0].toObject()[u"action"_s].toString(), u"delete"_s);
        QCOMPARE(audit[0].toObject()[u"entityUuid"_s].toString(), u"note-a-2"_s);
        QCOMPARE(find(audit, u"action"_s, u"create"_s)[u"entity"_s].toString(), u"customer"_s);
        QCOMPARE(find(audit, u"field"_s, u"state"_s)[u"newValue"_s].toString(), u"active"_s);
    }

    void leaksNothingOfAnotherCustomer()
    {

        const QString exportA = QString::fromUtf8(exportOf(db(), kCustomerA));
        QVERIFY(exportA.contains(kCustomerA));
        for (const QString &secret : secretsOfB()) {
            QVERIFY2(!exportA.contains(secret, Qt::CaseInsensitive),
                     qPrintable(u"customer A's export holds B's “%1”"_s.arg(secret)));
        }
        auto uuidB = CustomerStore(db()).byId(m_customers.b);
        QVERIFY(uuidB.ok());
        QVERIFY(!exportA.contains(uuidB->uuid));

        // And the other way round: B's export holds B's rows and nothing of A's.
        const QString exportB = QString::fromUtf8(exportOf(db(), kCustomerB));
        const QJsonObject docB = parse(exportB.toUtf8());
        QCOMPARE(docB[u"customer"_s].toObject()[u"email"_s].toString(), u"bart.other@example.org"_s);
        QCOMPARE(docB[u"invoices"_s].toArray().size(), 1);
        QCOMPARE(docB[u"notes"_s].toArray().size(), 1);
        // B bought lot 2 from A's consignment: B sees the lot, not the consignor.
        QCOMPARE(docB[u"lotsBought"_s].toArray().size(), 1);
        for (const QString &secretOfA : {kCustomerA, u"zoe.moller@example.dk"_s, u"INV-A-100"_s, u"CONS-A-1"_s,
                                         u"WELCOME10"_s, u"Dutch Golden Age"_s, u"superseded"_s, u"P-101"_s}) {
            QVERIFY2(!exportB.contains(secretOfA), qPrintable(u"customer B's export holds A's “%1”"_s.arg(secretOfA)));
        }
    }

    void twoExportsOfTheSameDataAreByteIdentical()
    {

        ExportOptions options;
        options.asOf = QDate(2024, 6, 30);
        const QByteArray first = exportOf(db(), kCustomerA, options);
        QVERIFY(!first.isEmpty());
        // The first export's own audit entry is new data; take it away to compare like with like.
        auto removed =
            Sql::exec(db().connection(), u"DELETE FROM audit_log WHERE action = ?"_s, {u"export"_s}, u"test"_s);
        QVERIFY(removed.ok());
        QCOMPARE(removed->numRowsAffected(), 1);
        const QByteArray second = exportOf(db(), kCustomerA, options);
        QCOMPARE(withoutExportedAt(second), withoutExportedAt(first));
        // One row a line, so that two exports diff well.
        QVERIFY(first.contains("\n    \"bids\": [\n        {\"saleNo\": \"L24101\", \"lotNo\": \"1\""));
    }

    void anUnknownCustomerIsNotFound()
    {

        ProfileExporter exporter(db());
        Status status;
        const QByteArray bytes = exportWith(exporter, u"C-9999"_s, &status);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().kind, ErrorKind::NotFound);
        QVERIFY2(status.error().message.contains(u"C-9999"_s), qPrintable(status.error().message));
        QVERIFY(bytes.isEmpty());
        auto exports = Sql::scalar(db().connection(), u"SELECT count(*) FROM audit_log WHERE action = ?"_s,
                                   {u"export"_s}, u"test"_s);
        QVERIFY(exports.ok());
        QCOMPARE(exports->toInt(), 0);
    }

    void anExportIsAudited()
    {
        db().setActor(u"Data Protection Officer"_s);

        const QJsonObject first = parse(exportOf(db(), kCustomerA));
        const auto exportsIn = [](const QJsonObject &doc) {
            QJsonArray found;
            for (const auto &entry : doc[u"auditLog"_s].toArray()) {
                if (entry.toObject()[u"action"_s] == u"export"_s) {
                    found << entry;
                }
            }
            return found;
        };
        QCOMPARE(exportsIn(first).size(), 0); // an export never lists itself

        auto history = AuditStore(db().connection()).forCustomer(m_customers.a);
        QVERIFY(history.ok());
        const AuditEntry &entry = history->first(); // newest first
        QCOMPARE(entry.action, u"export"_s);
        QCOMPARE(entry.entity, u"customer"_s);
        QCOMPARE(entry.actor, u"Data Protection Officer"_s);
        QCOMPARE(entry.customerId, m_customers.a);
        QCOMPARE(entry.entityUuid, first[u"customer"_s].toObject()[u"uuid"_s].toString());
        QCOMPARE(entry.at.toUTC().toString(Qt::ISODate), first[u"exportedAt"_s].toString());
        QVERIFY2(entry.newValue.startsWith(u"gavel-profile-export 1"_s), qPrintable(entry.newValue));

        // The next export shows the first one: who took a copy is itself about the customer.
        const QJsonArray listed = exportsIn(parse(exportOf(db(), kCustomerA)));
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed[0].toObject()[u"actor"_s].toString(), u"Data Protection Officer"_s);
        QCOMPARE(listed[0].toObject()[u"at"_s], first[u"exportedAt"_s]);
    }

    void aRegisteredSectionIsAdded()
    {

        ProfileExporter exporter(db());
        qint64 seenCustomer = 0;
        QDate seenAsOf;
        exporter.addSection(u"metrics"_s,
                            [&](const Database &database, qint64 customerId, QDate asOf) -> Result<QJsonValue> {
                                seenCustomer = customerId;
                                seenAsOf = asOf;
                                auto invoices = Sql::scalar(database.connection(),
                                                            u"SELECT count(*) FROM invoices WHERE customer_id = ?"_s,
                                                            {customerId}, u"counting invoices"_s);
                                if (!invoices) {
                                    return invoices.error();
                                }
                                return QJsonValue(QJsonObject{{u"invoiceCount"_s, invoices->toInt()},
                                                              {u"asOf"_s, asOf.toString(Qt::ISODate)}});
                            });
        exporter.addSection(u"flags"_s, [](const Database &, qint64, QDate) -> Result<QJsonValue> {
            return QJsonValue(QJsonArray{u"early-bidder"_s});
        });
        Status status;
        const QByteArray bytes = exportWith(exporter, kCustomerA, &status);
        QVERIFY2(status.ok(), qPrintable(textOf(status)));
        QCOMPARE(seenCustomer, m_customers.a);
        QCOMPARE(seenAsOf, QDateTime::currentDateTimeUtc().date()); // an invalid asOf is today
        const QJsonObject doc = parse(bytes);
        QCOMPARE(doc[u"metrics"_s].toObject()[u"invoiceCount"_s].toInt(), 1);
        QCOMPARE(doc[u"metrics"_s].toObject()[u"asOf"_s], doc[u"asOf"_s]);
        QCOMPARE(doc[u"flags"_s].toArray(), (QJsonArray{u"early-bidder"_s}));
        QVERIFY(bytes.indexOf("\"metrics\"") > bytes.indexOf("\"auditLog\""));
        QVERIFY(bytes.indexOf("\"flags\"") > bytes.indexOf("\"metrics\""));

        // A taken key is refused before anything is written.
        ProfileExporter clashing(db());
        clashing.addSection(u"bids"_s,
                            [](const Database &, qint64, QDate) -> Result<QJsonValue> { return QJsonValue(); });
        Status refused;
        const QByteArray untouched = exportWith(clashing, kCustomerA, &refused);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, ErrorKind::Invalid);
        QVERIFY(refused.error().message.contains(u"bids"_s));
        QVERIFY(untouched.isEmpty());

        // A failing section fails the export, naming the section.
        ProfileExporter failing(db());
        failing.addSection(u"rfm"_s, [](const Database &, qint64, QDate) -> Result<QJsonValue> {
            return Error::make(ErrorKind::General, u"no purchases to score"_s);
        });
        Status failed;
        exportWith(failing, kCustomerA, &failed);
        QVERIFY(!failed.ok());
        QVERIFY2(failed.error().message.contains(u"rfm"_s) && failed.error().message.contains(u"no purchases"_s),
                 qPrintable(failed.error().message));
    }

    // The sections every export carries: validation results and eligibility.
    void theContactValidationIsExported()
    {
        Customer customer;
        customer.customerNo = u"C-LANDLINE"_s;
        customer.lastName = u"Vale"_s;
        customer.email = u"anna.example.com"_s;
        customer.phone = u"020 7946 0018"_s;
        customer.country = u"GB"_s;
        QVERIFY(CustomerStore(db()).create(customer).ok());

        ProfileExporter exporter(db());
        addProfileSections(exporter);
        Status status;
        const QJsonObject doc = parse(exportWith(exporter, u"C-LANDLINE"_s, &status));
        QVERIFY2(status.ok(), qPrintable(textOf(status)));
        const QJsonObject checked = doc[u"contactValidation"_s].toObject();
        QCOMPARE(checked[u"email"_s].toObject()[u"status"_s].toString(), u"invalid"_s);
        QCOMPARE(checked[u"email"_s].toObject()[u"problem"_s].toString(), u"missing_at"_s);
        QVERIFY(!checked[u"email"_s].toObject()[u"reason"_s].toString().isEmpty());
        QCOMPARE(checked[u"emailEligible"_s].toBool(), false);
        QCOMPARE(checked[u"emailIneligibleReason"_s], checked[u"email"_s].toObject()[u"reason"_s]);
        QCOMPARE(checked[u"phone"_s].toObject()[u"type"_s].toString(), u"landline"_s);
        QCOMPARE(checked[u"phone"_s].toObject()[u"e164"_s].toString(), u"+442079460018"_s);
        QCOMPARE(checked[u"smsNumber"_s].toObject()[u"type"_s].toString(), u"missing"_s);
        QCOMPARE(checked[u"smsTarget"_s].toString(), u"phone"_s);
        QCOMPARE(checked[u"smsEligible"_s].toBool(), false);
        QVERIFY(checked[u"smsIneligibleReason"_s].toString().contains(u"Landline"_s));

        // A customer who can be reached both ways.
        const QJsonObject other = parse(exportWith(exporter, kCustomerA, &status))[u"contactValidation"_s].toObject();
        QVERIFY2(status.ok(), qPrintable(textOf(status)));
        QCOMPARE(other[u"emailEligible"_s].toBool(), true);
        QVERIFY(other[u"emailIneligibleReason"_s].isNull());
    }

    void readsOneSnapshot()
    {
        auto colleague = db().openAnother(u"colleague"_s);
        QVERIFY(colleague.ok());

        // A colleague adds a note while the export runs: the export neither shows it nor
        // disagrees with itself about it.
        ProfileExporter exporter(db());
        exporter.addSection(
            u"noteCount"_s, [&](const Database &database, qint64 customerId, QDate) -> Result<QJsonValue> {
                auto added = Sql::exec((*colleague)->connection(),
                                       u"INSERT INTO notes (uuid, customer_id, body, author, created_at, updated_at,"
                                       " updated_by) VALUES ('note-late', ?, 'Written during the export', 'Priya Shah',"
                                       " ?, ?, 'Priya Shah')"_s,
                                       {customerId, kT0, kT0}, u"adding a note"_s);
                if (!added) {
                    return added.error();
                }
                auto notes = Sql::scalar(database.connection(), u"SELECT count(*) FROM notes WHERE customer_id = ?"_s,
                                         {customerId}, u"counting notes"_s);
                if (!notes) {
                    return notes.error();
                }
                return QJsonValue(notes->toInt());
            });
        Status status;
        const QByteArray bytes = exportWith(exporter, kCustomerA, &status);
        QVERIFY2(status.ok(), qPrintable(textOf(status)));
        const QJsonObject doc = parse(bytes);
        QCOMPARE(doc[u"notes"_s].toArray().size(), 2);
        QCOMPARE(doc[u"noteCount"_s].toInt(), 2);
        QVERIFY(!bytes.contains("Written during the export"));
        auto after = Sql::scalar(db().connection(), u"SELECT count(*) FROM notes WHERE customer_id = ?"_s,
                                 {m_customers.a}, u"test"_s);
        QVERIFY(after.ok());
        QCOMPARE(after->toInt(), 3);
    }

    void aLargeTimelineIsStreamed()
    {
        const qint64 customer = createCustomer(db(), u"C-LOTS"_s, u"Ada"_s, u"Busy"_s, u"ada@example.com"_s);
        QVERIFY(customer > 0);
        constexpr int kEvents = 20000;
        {
            Transaction transaction(db().connection());
            QVERIFY(transaction.isActive());
            QSqlQuery insert(db().connection());
            QVERIFY(insert.prepare(u"INSERT INTO events (customer_id, ts, id, kind, info, details)"
                                   " VALUES (?, ?, ?, ?, ?, ?)"_s));
            for (int i = 0; i < kEvents; ++i) {
                insert.addBindValue(customer);
                insert.addBindValue(kT0 + qint64(i) * 60);
                insert.addBindValue(qint64(900000000000) + i);
                insert.addBindValue(static_cast<int>(i % 2 ? EventKind::LotViewed : EventKind::WebsiteVisit));
                insert.addBindValue(u"/lots/%1"_s.arg(i));
                insert.addBindValue(u"{\"page\": %1}"_s.arg(i));
                QVERIFY(insert.exec());
            }
            QVERIFY(transaction.commit().ok());
        }

        CountingDevice device;
        const Status status = ProfileExporter(db()).exportJson(u"C-LOTS"_s, device);
        QVERIFY2(status.ok(), qPrintable(textOf(status)));
        // Streamed: many modest writes, never the document in one piece.
        QVERIFY2(device.total > qint64(2) * 1024 * 1024, qPrintable(QString::number(device.total)));
        QVERIFY2(device.largestWrite < qint64(128) * 1024, qPrintable(QString::number(device.largestWrite)));

        const QJsonObject doc = parse(device.kept);
        const QJsonArray events = doc[u"events"_s].toArray();
        QCOMPARE(events.size(), kEvents);
        QCOMPARE(events.first().toObject()[u"ts"_s].toString(), iso(kT0));
        QCOMPARE(events.last().toObject()[u"ts"_s].toString(), iso(kT0 + qint64(kEvents - 1) * 60));
        QCOMPARE(events.last().toObject()[u"details"_s].toObject()[u"page"_s].toInt(), kEvents - 1);
        QCOMPARE(events.last().toObject()[u"kind"_s].toString(), u"lot_viewed"_s);
    }

    void aFailedWriteIsReported()
    {

        FullDisk disk(0);
        const Status status = ProfileExporter(db()).exportJson(kCustomerA, disk);
        QVERIFY(!status.ok());
        QVERIFY2(status.error().message.contains(u"No space left on device"_s), qPrintable(status.error().message));
        QVERIFY2(status.error().message.contains(kCustomerA), qPrintable(status.error().message));
        QCOMPARE(disk.writeCalls, 1); // it stopped at the first failure

        // Part of the data may have left: the attempt is on record, as failed.
        auto history = AuditStore(db().connection()).forCustomer(m_customers.a);
        QVERIFY(history.ok());
        QCOMPARE(history->first().action, u"export"_s);
        QVERIFY2(history->first().newValue.startsWith(u"failed: "_s), qPrintable(history->first().newValue));

        // A device that is not open for writing is refused up front.
        QBuffer closed;
        const Status refused = ProfileExporter(db()).exportJson(kCustomerA, closed);
        QVERIFY(!refused.ok());
    }

    void aDiskFillingHalfWayIsReported()
    {
        const qint64 customer = createCustomer(db(), u"C-HALF"_s, u"Ada"_s, u"Busy"_s, u"ada@example.com"_s);
        QVERIFY(customer > 0);
        auto filled = Sql::exec(db().connection(),
                                u"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)"
                                " INSERT INTO events (customer_id, ts, id, kind, info) SELECT ?, ? + i, i, ?,"
                                " 'a page the customer looked at' FROM n"_s,
                                {customer, kT0, static_cast<int>(EventKind::PageViewed)}, u"test"_s);
        QVERIFY2(filled.ok(), qPrintable(filled.ok() ? QString() : filled.error().fullText()));

        FullDisk disk(qint64(100) * 1024); // the disk fills in the middle of the timeline
        const Status status = ProfileExporter(db()).exportJson(u"C-HALF"_s, disk);
        QVERIFY(!status.ok());
        QVERIFY2(status.error().message.contains(u"No space left on device"_s), qPrintable(status.error().message));
        // One write went through, the next failed, and nothing more was tried after it.
        QCOMPARE(disk.writeCalls, 2);
    }

    void coversEveryTableThatReferencesACustomer()
    {
        // A new table that points at customers must be added to the export (or consciously
        // left out here): a subject-access export that misses a table is wrong in law.
        const QString statement =
            db().dialect().isSqlite()
                ? u"SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) c WHERE m.type = 'table'"
                  " AND c.name IN ('customer_id', 'buyer_id') ORDER BY m.name"_s
                : u"SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema()"
                  " AND column_name IN ('customer_id', 'buyer_id') ORDER BY table_name"_s;
        auto query = Sql::exec(db().connection(), statement, {}, u"test"_s);
        QVERIFY(query.ok());
        QStringList tables;
        while (query->next()) {
            tables << query->value(0).toString();
        }
        tables.sort();
        // Each table and the section that exports it (audit_log: auditLog; lots: lotsBought;
        // customer_rfm: overview.rfmLastRecalculation, added by models/profilesections.cpp).
        const QStringList covered = {
            u"audit_log"_s,
            u"baskets"_s,
            u"bids"_s,
            u"campaign_recipients"_s,
            u"consignments"_s,
            u"customer_departments"_s,
            u"customer_labels"_s,
            u"customer_rfm"_s,
            u"customer_tags"_s,
            u"events"_s,
            u"invoices"_s,
            u"lots"_s,
            u"loyalty_ledger"_s,
            u"notes"_s,
            u"poll_answers"_s,
            u"promo_codes"_s,
            u"sale_registrations"_s,
            u"segment_members"_s,
            u"subscriptions"_s,
            u"wishlists"_s,
        };
        QCOMPARE(tables, covered);
    }

private:
    Database &db() { return m_test->db(); }

    std::unique_ptr<Gavel::Tests::TestDatabase> m_test;
    Customers m_customers;
};

QTEST_GUILESS_MAIN(TestProfileExporter)
#include "tst_profileexporter.moc"
