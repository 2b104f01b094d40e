#include "activityfixture.h"

#include "customerstore.h"
#include "database.h"
#include "sql.h"

#include <QSqlQuery>
#include <QUuid>

#include <algorithm>
#include <optional>

namespace Gavel::Tests {

using Models::Database;
using Models::Error;
using Models::ErrorKind;
using Models::EventCategory;
using Models::EventKind;
using Models::Result;
using Models::Status;

namespace {

Result<qint64> insert(Database &db, const QString &statement, const QVariantList &values)
{
    auto query = Models::Sql::exec(db.connection(), statement + QStringLiteral(" RETURNING id"), values,
                                   QStringLiteral("building the test fixture"));
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return Error::make(ErrorKind::General, QStringLiteral("no id returned"), statement);
    }
    return query->value(0).toLongLong();
}

Status exec(Database &db, const QString &statement, const QVariantList &values)
{
    auto query = Models::Sql::exec(db.connection(), statement, values, QStringLiteral("building the test fixture"));
    if (!query) {
        return query.error();
    }
    return {};
}

Result<qint64> customer(Database &db, const QString &no, const QString &first, const QString &last)
{
    Models::Customer c;
    c.customerNo = no;
    c.firstName = first;
    c.lastName = last;
    auto created = Models::CustomerStore(db).create(c);
    if (!created) {
        return created.error();
    }
    return created->id;
}

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

/// One event to insert; ids are 0 when the event has no such reference.
struct Spec
{
    EventKind kind;
    qint64 ago; ///< seconds before the fixture's base time
    qint64 campaign = 0;
    qint64 sale = 0;
    qint64 lot = 0;
    qint64 invoice = 0;
    qint64 ref = 0;
    std::optional<qint64> amount;
    QString currency;
    QString info;
    QString details;
};

} // namespace

#define GAVEL_TRY_ID(var, expr)                                                                                      \
    {                                                                                                                \
        auto result_ = (expr);                                                                                       \
        if (!result_) {                                                                                              \
            return result_.error();                                                                                  \
        }                                                                                                            \
        var = *result_;                                                                                              \
    }
#define GAVEL_TRY(expr)                                                                                              \
    if (Status status_ = (expr); !status_) {                                                                         \
        return status_;                                                                                              \
    }

Status ActivityFixture::build(Database &db)
{
    base = 1710936000; // 2024-03-20 12:00 UTC
    clusterTs = base - 2 * 86400;
    const qint64 now = base;
    const QString by = QStringLiteral("Test Runner");

    GAVEL_TRY_ID(alice, customer(db, QStringLiteral("C-1"), QStringLiteral("Alice"), QStringLiteral("Archer")));
    GAVEL_TRY_ID(bob, customer(db, QStringLiteral("C-2"), QStringLiteral("Bob"), QStringLiteral("Baker")));
    GAVEL_TRY_ID(carol, customer(db, QStringLiteral("C-3"), QStringLiteral("Carol"), QStringLiteral("Cole")));

    GAVEL_TRY_ID(department, insert(db, QStringLiteral("INSERT INTO departments (code, name) VALUES (?, ?)"),
                                    {QStringLiteral("OM"), QStringLiteral("Old Masters")}));
    GAVEL_TRY_ID(category,
                 insert(db, QStringLiteral("INSERT INTO categories (department_id, code, name) VALUES (?, ?, ?)"),
                        {department, QStringLiteral("OM-PORT"), QStringLiteral("Portraits")}));
    qint64 venue = 0;
    GAVEL_TRY_ID(venue, insert(db, QStringLiteral("INSERT INTO venues (code, name, kind) VALUES (?, ?, ?)"),
                               {QStringLiteral("LDN"), QStringLiteral("London saleroom"), QStringLiteral("saleroom")}));
    GAVEL_TRY_ID(sale, insert(db,
                              QStringLiteral("INSERT INTO sales (sale_no, title, venue_id, department_id, starts_at,"
                                             " ends_at, status, sale_type, currency, buyers_premium_bp, specialist)"
                                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                              {QStringLiteral("OM-2401"), QStringLiteral("Old Masters Evening Sale"), venue, department,
                               base - 10 * 86400, base - 10 * 86400 + 4 * 3600, QStringLiteral("closed"),
                               QStringLiteral("live"), QStringLiteral("GBP"), 2500, QStringLiteral("Harriet Vane")}));
    const QString lotInsert = QStringLiteral(
        "INSERT INTO lots (sale_id, lot_no, lot_seq, title, maker, department_id, category_id, low_estimate_minor,"
        " high_estimate_minor, hammer_minor, currency, status, buyer_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    const QVariant noInt(QMetaType::fromType<qlonglong>());
    GAVEL_TRY_ID(lotWon, insert(db, lotInsert,
                                {sale, QStringLiteral("12"), 12, QStringLiteral("Portrait of a Lady"),
                                 QStringLiteral("Circle of Anthony van Dyck"), department, category, 800000, 1200000,
                                 1500000, QStringLiteral("GBP"), QStringLiteral("sold"), alice}));
    GAVEL_TRY_ID(lotUnsold, insert(db, lotInsert,
                                   {sale, QStringLiteral("13"), 13, QStringLiteral("River Landscape with Ferry"),
                                    QStringLiteral("Dutch School"), department, category, 300000, 500000, noInt,
                                    QStringLiteral("GBP"), QStringLiteral("unsold"), noInt}));
    goneLot = lotUnsold + 1000;

    const QString bidInsert = QStringLiteral("INSERT INTO bids (lot_id, customer_id, amount_minor, currency, placed_at,"
                                             " channel, is_winning) VALUES (?, ?, ?, 'GBP', ?, ?, ?)");
    const qint64 saleTime = base - 10 * 86400 + 3600;
    GAVEL_TRY(exec(db, bidInsert, {lotWon, bob, 1000000, saleTime, QStringLiteral("room"), 0}));
    GAVEL_TRY(exec(db, bidInsert, {lotWon, alice, 1200000, saleTime + 20, QStringLiteral("phone"), 0}));
    GAVEL_TRY(exec(db, bidInsert, {lotWon, bob, 1400000, saleTime + 40, QStringLiteral("room"), 0}));
    GAVEL_TRY(exec(db, bidInsert, {lotWon, alice, 1500000, saleTime + 60, QStringLiteral("phone"), 1}));
    GAVEL_TRY(exec(db, bidInsert, {lotUnsold, bob, 250000, saleTime + 300, QStringLiteral("online"), 0}));
    GAVEL_TRY(exec(db,
                   QStringLiteral("INSERT INTO sale_registrations (sale_id, customer_id, paddle_no, registered_at)"
                                  " VALUES (?, ?, ?, ?)"),
                   {sale, alice, QStringLiteral("214"), base - 12 * 86400}));

    GAVEL_TRY_ID(invoice,
                 insert(db,
                        QStringLiteral("INSERT INTO invoices (invoice_no, customer_id, sale_id, venue_id, issued_at,"
                                       " due_at, paid_at, status, currency, hammer_minor, premium_minor, tax_minor,"
                                       " delivery_minor, total_minor, payment_method, updated_at, updated_by)"
                                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                        {QStringLiteral("INV-1001"), alice, sale, venue, base - 86400 - 3600, base + 20 * 86400,
                         base - 3600, QStringLiteral("paid"), QStringLiteral("GBP"), 1500000, 375000, 75000, 5000,
                         1955000, QStringLiteral("Bank transfer"), now, by}));
    const QString lineInsert = QStringLiteral(
        "INSERT INTO invoice_lines (invoice_id, line_no, lot_id, description, hammer_minor, premium_minor, tax_minor,"
        " amount_minor) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    GAVEL_TRY(exec(db, lineInsert,
                   {invoice, 1, lotWon, QStringLiteral("Portrait of a Lady"), 1500000, 375000, 75000, 1950000}));
    GAVEL_TRY(exec(db, lineInsert, {invoice, 2, noInt, QStringLiteral("Shipping to Bath"), 0, 0, 0, 5000}));

    qint64 alerts = 0;
    GAVEL_TRY_ID(alerts, [&]() -> Result<qint64> {
        auto id = Models::Sql::scalar(db.connection(),
                                      QStringLiteral("SELECT id FROM subscription_categories WHERE code = ?"),
                                      {QStringLiteral("sale_alerts")}, QStringLiteral("building the test fixture"));
        if (!id) {
            return id.error();
        }
        return id->toLongLong();
    }());
    const QString campaignInsert = QStringLiteral(
        "INSERT INTO campaigns (campaign_key, name, channel, category_id, programme, subject, sent_at, sale_id,"
        " department_id, audience_size, control_size) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    GAVEL_TRY_ID(spring, insert(db, campaignInsert,
                                {QStringLiteral("mc-spring"), QStringLiteral("Spring Old Masters preview"),
                                 QStringLiteral("email"), alerts, QStringLiteral("Old Masters season"),
                                 QStringLiteral("See the Evening Sale before anyone else"), base - 3 * 86400, sale,
                                 department, 1000, 100}));
    GAVEL_TRY_ID(autumn, insert(db, campaignInsert,
                                {QStringLiteral("mc-autumn"), QStringLiteral("Autumn highlights"),
                                 QStringLiteral("email"), alerts, noInt, QStringLiteral("Highlights of the autumn"),
                                 base - 30 * 86400, noInt, department, 2000, 200}));
    GAVEL_TRY_ID(sms, insert(db, campaignInsert,
                             {QStringLiteral("sms-view"), QStringLiteral("Viewing reminder"), QStringLiteral("sms"),
                              alerts, noInt, noInt, base - 5 * 86400, sale, department, 500, 0}));
    const QString recipientInsert = QStringLiteral(
        "INSERT INTO campaign_recipients (campaign_id, customer_id, in_control, sent_at, opened_at, open_count,"
        " clicked_at, click_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    GAVEL_TRY(exec(db, recipientInsert,
                   {spring, alice, 0, base - 3 * 86400, clusterTs, 3, clusterTs, 2}));
    GAVEL_TRY(exec(db, recipientInsert, {spring, bob, 0, base - 3 * 86400, base - 3 * 86400 + 600, 1, noInt, 0}));
    GAVEL_TRY(exec(db, recipientInsert, {spring, carol, 1, noInt, noInt, 0, noInt, 0}));
    GAVEL_TRY(exec(db, recipientInsert, {autumn, alice, 1, noInt, noInt, 0, noInt, 0}));

    GAVEL_TRY_ID(tag, insert(db, QStringLiteral("INSERT INTO tags (name, name_key, kind) VALUES (?, ?, 'keyword')"),
                             {QStringLiteral("Flemish portraiture"), QStringLiteral("flemish portraiture")}));
    GAVEL_TRY_ID(consignment,
                 insert(db,
                        QStringLiteral("INSERT INTO consignments (uuid, consignment_no, customer_id, department_id,"
                                       " received_at, status, description, updated_at, updated_by)"
                                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                        {uuid(), QStringLiteral("CN-77"), alice, department, base - 40 * 86400,
                         QStringLiteral("unsold"), QStringLiteral("Two Dutch river scenes"), now, by}));
    GAVEL_TRY_ID(note, insert(db,
                              QStringLiteral("INSERT INTO notes (uuid, customer_id, body, author, created_at,"
                                             " updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                              {uuid(), alice, QStringLiteral("Prefers a call from the specialist before each sale"),
                               by, base, now, by}));
    GAVEL_TRY_ID(poll, insert(db,
                              QStringLiteral("INSERT INTO polls (poll_key, title, campaign_id, created_at)"
                                             " VALUES (?, ?, ?, ?)"),
                              {QStringLiteral("p-1"), QStringLiteral("Viewing experience survey"), spring,
                               base - 20 * 86400}));
    GAVEL_TRY_ID(promo, insert(db,
                               QStringLiteral("INSERT INTO promo_codes (code, campaign_id, customer_id, issued_at)"
                                              " VALUES (?, ?, ?, ?)"),
                               {QStringLiteral("SPRING-FREESHIP"), spring, alice, base - 3 * 86400}));

    const QString springName = QStringLiteral("Spring Old Masters preview");
    const QList<Spec> specs = {
        {EventKind::NoteAdded, 0, 0, 0, 0, 0, note, {}, {}, {}, {}},
        {EventKind::TagSet, 600, 0, 0, 0, 0, tag, {}, {}, {}, {}},
        {EventKind::ScoreChanged, 1200, 0, 0, 0, 0, 0, 15, {}, QStringLiteral("Bought above estimate"), {}},
        {EventKind::LoyaltyAccrued, 1800, 0, 0, 0, invoice, 0, 19550, QStringLiteral("GBP"),
         QStringLiteral("One per cent of invoice"), {}},
        {EventKind::InvoicePaid, 3600, 0, sale, 0, invoice, 0, 1955000, QStringLiteral("GBP"), {},
         QStringLiteral(R"({"method":"Bank transfer"})")},
        {EventKind::InvoiceIssued, 86400 + 3600, 0, sale, 0, invoice, 0, 1955000, QStringLiteral("GBP"), {}, {}},
        {EventKind::PromoCodeIssued, 86400 + 7200, spring, 0, 0, 0, promo, {}, {}, {}, {}},
        {EventKind::CallCentreContact, 86400 + 9000, 0, 0, lotWon, 0, 0, {}, {},
         QStringLiteral("Asked about the condition of lot 12"), QStringLiteral(R"({"staff":"Anna","duration_min":12})")},
        // Seven events in one second (the cluster), straddling pages of three.
        {EventKind::EmailOpened, 2 * 86400, spring, 0, 0, 0, 0, {}, {}, {}, {}},
        {EventKind::EmailLinkClicked, 2 * 86400, spring, 0, 0, 0, 0, {}, {},
         QStringLiteral("https://example.org/auctions/om-2401"), {}},
        {EventKind::EmailLotClicked, 2 * 86400, spring, 0, lotWon, 0, 0, {}, {}, {}, {}},
        {EventKind::LotViewed, 2 * 86400, 0, 0, lotWon, 0, 0, {}, {}, {}, QStringLiteral(R"({"device":"tablet"})")},
        {EventKind::CategoryViewed, 2 * 86400, 0, 0, 0, 0, category, {}, {}, {}, {}},
        {EventKind::WebsiteVisit, 2 * 86400, 0, 0, 0, 0, 0, {}, {}, QStringLiteral("/auctions/om-2401"), {}},
        {EventKind::PageViewed, 2 * 86400, 0, 0, 0, 0, 0, {}, {}, QStringLiteral("/how-to-bid"), {}},
        {EventKind::EmailSent, 3 * 86400, spring, 0, 0, 0, 0, {}, {}, {},
         QStringLiteral(R"({"subject":"See the Evening Sale before anyone else"})")},
        {EventKind::SmsClicked, 5 * 86400 - 600, sms, 0, 0, 0, 0, {}, {}, QStringLiteral("https://example.org/v"), {}},
        {EventKind::SmsSent, 5 * 86400, sms, 0, 0, 0, 0, {}, {}, {}, {}},
        {EventKind::BasketAbandoned, 6 * 86400, 0, 0, 0, 0, 0, 45000, QStringLiteral("GBP"),
         QStringLiteral("Catalogue and print"), QStringLiteral(R"({"items":2})")},
        {EventKind::WishlistAdded, 8 * 86400, 0, 0, lotUnsold, 0, 0, {}, {}, {}, {}},
        {EventKind::LotWon, 10 * 86400 - 3600 - 60, 0, sale, lotWon, 0, 0, 1500000, QStringLiteral("GBP"), {}, {}},
        {EventKind::BidPlaced, 10 * 86400 - 3600 - 60, 0, sale, lotWon, 0, 0, 1500000, QStringLiteral("GBP"), {},
         QStringLiteral(R"({"channel":"phone"})")},
        {EventKind::BidPlaced, 10 * 86400 - 3600 - 20, 0, sale, lotWon, 0, 0, 1200000, QStringLiteral("GBP"), {}, {}},
        {EventKind::BidPlaced, 10 * 86400, 0, 0, goneLot, 0, 0, 90000, QStringLiteral("GBP"), {}, {}},
        {EventKind::SaleRegistered, 12 * 86400, 0, sale, 0, 0, 0, {}, {}, {}, QStringLiteral(R"({"paddle":"214"})")},
        {EventKind::LoyaltyRedeemed, 15 * 86400, 0, 0, 0, 0, 0, -2000, QStringLiteral("GBP"),
         QStringLiteral("Catalogue subscription"), {}},
        {EventKind::PollAnswered, 20 * 86400, 0, 0, 0, 0, poll, {}, {}, {}, QStringLiteral(R"({"answer":"Very good"})")},
        {EventKind::OtherContact, 22 * 86400, 0, 0, 0, 0, 0, {}, {}, QStringLiteral("Met at the preview"), {}},
        {EventKind::Unsubscribed, 25 * 86400, autumn, 0, 0, 0, 0, {}, {}, QStringLiteral("Offers"), {}},
        {EventKind::EmailBounced, 29 * 86400, autumn, 0, 0, 0, 0, {}, {}, QStringLiteral("Mailbox full"), {}},
        {EventKind::Subscribed, 35 * 86400, 0, 0, 0, 0, 0, {}, {}, QStringLiteral("Sale alerts"), {}},
        {EventKind::ConsignmentUnsold, 36 * 86400, 0, sale, lotUnsold, 0, consignment, {}, {}, {}, {}},
        {EventKind::ConsignmentSold, 37 * 86400, 0, 0, 0, 0, consignment, 500000, QStringLiteral("GBP"), {}, {}},
        {EventKind::ConsignmentCatalogued, 38 * 86400, 0, 0, 0, 0, consignment, {}, {}, {}, {}},
        {EventKind::ConsignmentReceived, 40 * 86400, 0, 0, 0, 0, consignment, {}, {},
         QStringLiteral("Delivered by courier"), {}},
    };

    const QString eventInsert = QStringLiteral(
        "INSERT INTO events (customer_id, ts, id, kind, campaign_id, sale_id, lot_id, invoice_id, ref_id,"
        " amount_minor, currency, info, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    const auto orNull = [](qint64 value) { return Models::Sql::intOrNull(value); };
    const auto names = [&](const Spec &spec) {
        QStringList parts = {Models::eventKindLabel(spec.kind),
                             Models::eventCategoryLabel(Models::categoryOf(spec.kind)), spec.info};
        if (spec.campaign == spring) {
            parts << springName;
        } else if (spec.campaign == autumn) {
            parts << QStringLiteral("Autumn highlights");
        } else if (spec.campaign == sms) {
            parts << QStringLiteral("Viewing reminder");
        }
        // A lot event's sale is its lot's sale.
        if (spec.sale == sale || spec.lot == lotWon || spec.lot == lotUnsold) {
            parts << QStringLiteral("Old Masters Evening Sale") << QStringLiteral("OM-2401");
        }
        if (spec.lot == lotWon) {
            parts << QStringLiteral("Portrait of a Lady") << QStringLiteral("12");
        } else if (spec.lot == lotUnsold) {
            parts << QStringLiteral("River Landscape with Ferry") << QStringLiteral("13");
        }
        if (spec.invoice == invoice) {
            parts << QStringLiteral("INV-1001");
        }
        switch (spec.kind) {
        case EventKind::CategoryViewed:
            parts << QStringLiteral("Portraits");
            break;
        case EventKind::TagSet:
            parts << QStringLiteral("Flemish portraiture");
            break;
        case EventKind::ConsignmentReceived:
        case EventKind::ConsignmentCatalogued:
        case EventKind::ConsignmentSold:
        case EventKind::ConsignmentUnsold:
            parts << QStringLiteral("CN-77") << QStringLiteral("Two Dutch river scenes");
            break;
        case EventKind::PollAnswered:
            parts << QStringLiteral("Viewing experience survey");
            break;
        case EventKind::PromoCodeIssued:
            parts << QStringLiteral("SPRING-FREESHIP");
            break;
        case EventKind::NoteAdded:
            parts << QStringLiteral("Prefers a call from the specialist before each sale");
            break;
        default:
            break;
        }
        return parts.join(u'\n');
    };

    aliceEvents.clear();
    quint64 seed = 0x9E3779B97F4A7C15ull;
    for (const Spec &spec : specs) {
        // Ids are random, as in real use: within one second the order is by id, not by insertion.
        seed = seed * 6364136223846793005ull + 1442695040888963407ull;
        const qint64 id = qint64(seed >> 2);
        const qint64 ts = base - spec.ago;
        const QVariant amount = spec.amount ? QVariant(*spec.amount) : QVariant(noInt);
        GAVEL_TRY(exec(db, eventInsert,
                       {alice, ts, id, static_cast<int>(spec.kind), orNull(spec.campaign), orNull(spec.sale),
                        orNull(spec.lot), orNull(spec.invoice), orNull(spec.ref), amount,
                        Models::Sql::textOrNull(spec.currency), Models::Sql::textOrNull(spec.info),
                        Models::Sql::textOrNull(spec.details)}));
        aliceEvents << Event{ts, id, spec.kind, names(spec)};
    }
    std::sort(aliceEvents.begin(), aliceEvents.end(), [](const Event &a, const Event &b) {
        return a.ts != b.ts ? a.ts > b.ts : a.id > b.id;
    });

    // Carol's events interleave in time with Alice's and share her references.
    for (int i = 0; i < 3; ++i) {
        GAVEL_TRY(exec(db, eventInsert,
                       {carol, base - i * 86400 - 5, 1000 + i, static_cast<int>(EventKind::InvoiceIssued), noInt, sale,
                        noInt, invoice, noInt, 100, QStringLiteral("GBP"), QStringLiteral("Portrait"), noInt}));
    }
    return {};
}

QList<ActivityFixture::Event> ActivityFixture::expected(const QList<EventCategory> &categories,
                                                       const QString &words) const
{
    const QStringList wordList = words.split(u' ', Qt::SkipEmptyParts);
    QList<Event> result;
    for (const Event &event : aliceEvents) {
        if (!categories.contains(Models::categoryOf(event.kind))) {
            continue;
        }
        const bool all = std::all_of(wordList.begin(), wordList.end(), [&event](const QString &word) {
            return event.haystack.contains(word, Qt::CaseInsensitive);
        });
        if (all) {
            result << event;
        }
    }
    return result;
}

} // namespace Gavel::Tests
