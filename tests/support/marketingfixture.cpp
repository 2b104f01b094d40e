#include "marketingfixture.h"

#include "sqlfixture.h"

#include <QDateTime>
#include <QTimeZone>

namespace Gavel::Tests {

namespace {

qint64 at(int year, int month, int day)
{
    return QDateTime(QDate(year, month, day), QTime(12, 0), QTimeZone::utc()).toSecsSinceEpoch();
}

} // namespace

// Customer A:
// - invoices, newest first: INV-4 (shop, 2024-05-01, paid, £45.00 + £4.50 delivery =
//   £49.50, card, 1 line), INV-2 (sale 2 at London, 2024-03-01, issued, hammer £2,000,
//   premium £500, tax £100, total £2,600, 2 lines), INV-3 (shop, 2024-02-01, cancelled,
//   £10), INV-1 (sale 1 at London, 2023-06-01, paid by bank transfer, total £1,250);
// - favourite venues (cancelled INV-3 not counted): LDN 2 (INV-1, INV-2), SHP 1 (INV-4),
//   TSR 1 (A registered for sale 1 through it);
// - baskets: one abandoned (Catalogue £25 added 2024-04-02 10:00, Tote bag 2 × £12
//   added 10:05), one still open (Print £80, 2024-06-01), one converted into INV-4 (not
//   shown);
// - mailings, newest first: Viewing Reminder (SMS, 2024-04-10, not opened), Autumn
//   Highlights (control group, 2023-10-01), Spring Sale Preview (e-mail, sale alerts,
//   2023-04-01, opened twice, clicked once);
// - promo codes: SPRING10 (Spring Sale Preview, issued 2023-04-01, redeemed on INV-1),
//   SPRING10B (re-issued 2023-05-01, not redeemed);
// - tags: Silver (starred), Clocks (active); Furniture suggested and Porcelain removed
//   (neither shown);
// - poll "Collector survey": Q1 "Which department?" A: Silver, B: Silver, C: Clocks;
//   Q2 "How often do you buy?" A: Monthly, B: Yearly;
// - subscriptions: e-mail newsletter subscribed, e-mail offers unsubscribed, SMS sale
//   alerts subscribed; SMS number given.
// Customer C has only a landline and an e-mail newsletter subscription.
QString MarketingFixture::build(Models::Database &database)
{
    SqlFixture f(database);
    const auto customer = [&](const QString &no, const QString &last, const QString &phone, const QString &sms) {
        return f.run(QStringLiteral("INSERT INTO customers (uuid, customer_no, first_name, last_name, sort_name, phone,"
                                    " sms_number, created_at, updated_at, updated_by)"
                                    " VALUES (?, ?, 'Test', ?, ?, ?, ?, 0, 0, 'test') RETURNING id"),
                     {QString(QStringLiteral("uuid-") + no), no, last, last.toLower(),
                      phone.isNull() ? QStringLiteral("") : phone, sms.isNull() ? QStringLiteral("") : sms});
    };
    a = customer(QStringLiteral("C-A"), QStringLiteral("Adams"), QStringLiteral("+44 20 7946 0000"),
                 QStringLiteral("+44 7400 123456"));
    b = customer(QStringLiteral("C-B"), QStringLiteral("Baker"), QString(), QStringLiteral("+44 7400 123457"));
    c = customer(QStringLiteral("C-C"), QStringLiteral("Clark"), QStringLiteral("+44 20 7946 0999"), QString());

    const auto venue = [&](const QString &code, const QString &name, const QString &kind) {
        return f.run(QStringLiteral("INSERT INTO venues (code, name, kind) VALUES (?, ?, ?) RETURNING id"),
                     {code, name, kind});
    };
    london = venue(QStringLiteral("LDN"), QStringLiteral("London Saleroom"), QStringLiteral("saleroom"));
    platform = venue(QStringLiteral("TSR"), QStringLiteral("the-saleroom.com"), QStringLiteral("platform"));
    shop = venue(QStringLiteral("SHP"), QStringLiteral("House Shop"), QStringLiteral("shop"));

    const auto sale = [&](const QString &no, const QString &title, qint64 starts) {
        return f.run(QStringLiteral("INSERT INTO sales (sale_no, title, venue_id, starts_at, status, currency)"
                                    " VALUES (?, ?, ?, ?, 'closed', 'GBP') RETURNING id"),
                     {no, title, london, starts});
    };
    sale1 = sale(QStringLiteral("S1"), QStringLiteral("Fine Silver"), at(2023, 5, 30));
    sale2 = sale(QStringLiteral("S2"), QStringLiteral("Clocks and Watches"), at(2024, 2, 28));
    f.run(QStringLiteral("INSERT INTO sale_registrations (sale_id, customer_id, platform_id, registered_at)"
                         " VALUES (?, ?, ?, ?)"),
          {sale1, a, platform, at(2023, 5, 1)});
    f.run(QStringLiteral("INSERT INTO sale_registrations (sale_id, customer_id, registered_at) VALUES (?, ?, ?)"),
          {sale2, a, at(2024, 2, 1)});

    const auto invoice = [&](const QString &no, qint64 customerId, const QVariant &saleId, qint64 venueId,
                             qint64 issued, const QString &status, qint64 hammer, qint64 premium, qint64 tax,
                             qint64 delivery, qint64 total, const QVariant &method) {
        return f.run(QStringLiteral("INSERT INTO invoices (invoice_no, customer_id, sale_id, venue_id, issued_at,"
                                    " status, currency, hammer_minor, premium_minor, tax_minor, delivery_minor,"
                                    " total_minor, payment_method, updated_at, updated_by)"
                                    " VALUES (?, ?, ?, ?, ?, ?, 'GBP', ?, ?, ?, ?, ?, ?, 0, 'test') RETURNING id"),
                     {no, customerId, saleId, venueId, issued, status, hammer, premium, tax, delivery, total, method});
    };
    const QVariant noSale(QMetaType::fromType<qlonglong>());
    inv1 = invoice(QStringLiteral("INV-1"), a, sale1, london, at(2023, 6, 1), QStringLiteral("paid"), 100000, 25000, 0,
                   0, 125000, QStringLiteral("bank_transfer"));
    inv2 = invoice(QStringLiteral("INV-2"), a, sale2, london, at(2024, 3, 1), QStringLiteral("issued"), 200000, 50000,
                   10000, 0, 260000, QVariant(QMetaType::fromType<QString>()));
    inv3 = invoice(QStringLiteral("INV-3"), a, noSale, shop, at(2024, 2, 1), QStringLiteral("cancelled"), 1000, 0, 0,
                   0, 1000, QVariant(QMetaType::fromType<QString>()));
    inv4 = invoice(QStringLiteral("INV-4"), a, noSale, shop, at(2024, 5, 1), QStringLiteral("paid"), 4500, 0, 0, 450,
                   4950, QStringLiteral("card"));
    invB = invoice(QStringLiteral("INV-B"), b, sale1, london, at(2023, 6, 2), QStringLiteral("paid"), 5000, 1250, 0, 0,
                   6250, QStringLiteral("card"));
    const auto line = [&](qint64 invoiceId, int no, const QString &description, qint64 amount) {
        f.run(QStringLiteral("INSERT INTO invoice_lines (invoice_id, line_no, description, hammer_minor, amount_minor)"
                             " VALUES (?, ?, ?, ?, ?)"),
              {invoiceId, no, description, amount, amount});
    };
    line(inv1, 1, QStringLiteral("A George III salver"), 125000);
    line(inv2, 1, QStringLiteral("A bracket clock"), 150000);
    line(inv2, 2, QStringLiteral("A carriage clock"), 110000);
    line(inv3, 1, QStringLiteral("Gift card"), 1000);
    line(inv4, 1, QStringLiteral("Catalogue subscription"), 4500);
    line(invB, 1, QStringLiteral("A pair of candlesticks"), 6250);

    const auto basket = [&](qint64 customerId, qint64 created, const QString &status, const QVariant &invoiceId) {
        return f.run(QStringLiteral("INSERT INTO baskets (customer_id, venue_id, created_at, status, invoice_id)"
                                    " VALUES (?, ?, ?, ?, ?) RETURNING id"),
                     {customerId, shop, created, status, invoiceId});
    };
    const auto item = [&](qint64 basketId, const QString &name, qint64 price, int quantity, qint64 added) {
        f.run(QStringLiteral("INSERT INTO basket_items (basket_id, name, price_minor, currency, quantity, added_at)"
                             " VALUES (?, ?, ?, 'GBP', ?, ?)"),
              {basketId, name, price, quantity, added});
    };
    const qint64 abandoned = basket(a, at(2024, 4, 2), QStringLiteral("abandoned"), noSale);
    item(abandoned, QStringLiteral("Catalogue"), 2500, 1, at(2024, 4, 2) - 7200);
    item(abandoned, QStringLiteral("Tote bag"), 1200, 2, at(2024, 4, 2) - 6900);
    const qint64 open = basket(a, at(2024, 6, 1), QStringLiteral("open"), noSale);
    item(open, QStringLiteral("Print"), 8000, 1, at(2024, 6, 1));
    const qint64 converted = basket(a, at(2024, 5, 1), QStringLiteral("converted"), inv4);
    item(converted, QStringLiteral("Catalogue subscription"), 4500, 1, at(2024, 5, 1) - 600);
    const qint64 theirs = basket(b, at(2024, 4, 3), QStringLiteral("abandoned"), noSale);
    item(theirs, QStringLiteral("B's umbrella"), 3000, 1, at(2024, 4, 3));

    newsletter = f.run(QStringLiteral("SELECT id FROM subscription_categories WHERE code = 'newsletter'"));
    saleAlerts = f.run(QStringLiteral("SELECT id FROM subscription_categories WHERE code = 'sale_alerts'"));
    offers = f.run(QStringLiteral("SELECT id FROM subscription_categories WHERE code = 'offers'"));

    const auto campaign = [&](const QString &key, const QString &name, const QString &channel, const QVariant &category,
                              qint64 sent) {
        return f.run(QStringLiteral("INSERT INTO campaigns (campaign_key, name, channel, category_id, sent_at)"
                                    " VALUES (?, ?, ?, ?, ?) RETURNING id"),
                     {key, name, channel, category, sent});
    };
    sentCampaign = campaign(QStringLiteral("spring-preview"), QStringLiteral("Spring Sale Preview"),
                            QStringLiteral("email"), saleAlerts, at(2023, 4, 1));
    controlCampaign = campaign(QStringLiteral("autumn-highlights"), QStringLiteral("Autumn Highlights"),
                               QStringLiteral("email"), newsletter, at(2023, 10, 1));
    smsCampaign = campaign(QStringLiteral("viewing-sms"), QStringLiteral("Viewing Reminder"), QStringLiteral("sms"),
                           noSale, at(2024, 4, 10));
    const QString recipient = QStringLiteral(
        "INSERT INTO campaign_recipients (campaign_id, customer_id, in_control, sent_at, opened_at, open_count,"
        " clicked_at, click_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    f.run(recipient, {sentCampaign, a, 0, at(2023, 4, 1), at(2023, 4, 2), 2, at(2023, 4, 2), 1});
    f.run(recipient, {controlCampaign, a, 1, noSale, noSale, 0, noSale, 0});
    f.run(recipient, {smsCampaign, a, 0, at(2024, 4, 10), noSale, 0, noSale, 0});
    f.run(recipient, {sentCampaign, b, 0, at(2023, 4, 1), noSale, 0, noSale, 0});

    const QString promo = QStringLiteral("INSERT INTO promo_codes (code, campaign_id, customer_id, issued_at,"
                                         " redeemed_at, invoice_id, reissued) VALUES (?, ?, ?, ?, ?, ?, ?)");
    f.run(promo, {QStringLiteral("SPRING10"), sentCampaign, a, at(2023, 4, 1), at(2023, 6, 1), inv1, 0});
    f.run(promo, {QStringLiteral("SPRING10B"), sentCampaign, a, at(2023, 5, 1), noSale, noSale, 1});
    f.run(promo, {QStringLiteral("BAKER5"), sentCampaign, b, at(2023, 4, 1), noSale, noSale, 0});

    const auto tag = [&](const QString &name) {
        return f.run(QStringLiteral("INSERT INTO tags (name, name_key, kind) VALUES (?, ?, 'interest') RETURNING id"),
                     {name, name.toCaseFolded()});
    };
    const auto customerTag = [&](qint64 customerId, qint64 tagId, const QString &state) {
        f.run(QStringLiteral("INSERT INTO customer_tags (uuid, customer_id, tag_id, state, updated_at, updated_by)"
                             " VALUES (?, ?, ?, ?, 0, 'test')"),
              {QStringLiteral("ct-%1-%2").arg(customerId).arg(tagId), customerId, tagId, state});
    };
    const qint64 silver = tag(QStringLiteral("Silver"));
    const qint64 clocks = tag(QStringLiteral("Clocks"));
    const qint64 furniture = tag(QStringLiteral("Furniture"));
    const qint64 porcelain = tag(QStringLiteral("Porcelain"));
    customerTag(a, clocks, QStringLiteral("active"));
    customerTag(a, silver, QStringLiteral("starred"));
    customerTag(a, furniture, QStringLiteral("optional"));
    customerTag(a, porcelain, QStringLiteral("removed"));
    customerTag(b, silver, QStringLiteral("active"));
    customerTag(c, porcelain, QStringLiteral("active"));

    poll = f.run(QStringLiteral("INSERT INTO polls (poll_key, title, campaign_id, created_at)"
                                " VALUES ('survey-2024', 'Collector survey', ?, ?) RETURNING id"),
                 {sentCampaign, at(2024, 1, 1)});
    otherPoll = f.run(QStringLiteral("INSERT INTO polls (poll_key, title, created_at)"
                                     " VALUES ('quiet', 'Quiet poll', ?) RETURNING id"),
                      {at(2024, 1, 1)});
    const qint64 q1 = f.run(QStringLiteral("INSERT INTO poll_questions (poll_id, position, question)"
                                           " VALUES (?, 1, 'Which department?') RETURNING id"),
                            {poll});
    const qint64 q2 = f.run(QStringLiteral("INSERT INTO poll_questions (poll_id, position, question)"
                                           " VALUES (?, 2, 'How often do you buy?') RETURNING id"),
                            {poll});
    f.run(QStringLiteral("INSERT INTO poll_questions (poll_id, position, question) VALUES (?, 1, 'Anyone?')"),
          {otherPoll});
    const QString answer = QStringLiteral(
        "INSERT INTO poll_answers (question_id, customer_id, answer, answered_at) VALUES (?, ?, ?, ?)");
    f.run(answer, {q1, a, QStringLiteral("Silver"), at(2024, 1, 5)});
    f.run(answer, {q2, a, QStringLiteral("Monthly"), at(2024, 1, 5)});
    f.run(answer, {q1, b, QStringLiteral("Silver"), at(2024, 1, 6)});
    f.run(answer, {q2, b, QStringLiteral("Yearly"), at(2024, 1, 6)});
    f.run(answer, {q1, c, QStringLiteral("Clocks"), at(2024, 1, 7)});

    const QString subscription = QStringLiteral(
        "INSERT INTO subscriptions (customer_id, channel, category_id, status, changed_at, source, updated_at,"
        " updated_by) VALUES (?, ?, ?, ?, ?, 'registration', 0, 'test')");
    f.run(subscription, {a, QStringLiteral("email"), newsletter, QStringLiteral("subscribed"), at(2022, 1, 1)});
    f.run(subscription, {a, QStringLiteral("email"), offers, QStringLiteral("unsubscribed"), at(2023, 1, 1)});
    f.run(subscription, {a, QStringLiteral("sms"), saleAlerts, QStringLiteral("subscribed"), at(2022, 1, 1)});
    f.run(subscription, {c, QStringLiteral("email"), newsletter, QStringLiteral("subscribed"), at(2022, 1, 1)});
    return f.error();
}

} // namespace Gavel::Tests
