#include "marketingdata.h"

#include "database.h"
#include "epoch.h"
#include "sql.h"

#include <QJsonArray>

namespace Gavel::Models {

Result<MarketingData> MarketingData::load(const Database &database, qint64 customerId)
{
    const QSqlDatabase db = database.connection();
    MarketingData data;

    auto mailings = Sql::exec(
        db,
        QStringLiteral("SELECT c.id, c.campaign_key, c.name, c.channel, sc.name, cr.in_control,"
                       " COALESCE(cr.sent_at, c.sent_at), cr.opened_at, cr.open_count, cr.clicked_at, cr.click_count,"
                       " cr.unsubscribed_at, cr.bounced_at"
                       " FROM campaign_recipients cr JOIN campaigns c ON c.id = cr.campaign_id"
                       " LEFT JOIN subscription_categories sc ON sc.id = c.category_id"
                       " WHERE cr.customer_id = ? ORDER BY COALESCE(cr.sent_at, c.sent_at, 0) DESC, c.id DESC"),
        {customerId}, tr("reading the customer's mailings"));
    if (!mailings) {
        return mailings.error();
    }
    while (mailings->next()) {
        const QSqlQuery &q = *mailings;
        Mailing mailing;
        mailing.campaignId = q.value(0).toLongLong();
        mailing.campaignKey = q.value(1).toString();
        mailing.name = q.value(2).toString();
        mailing.channel = q.value(3).toString();
        mailing.category = q.value(4).toString();
        mailing.inControl = q.value(5).toInt() != 0;
        mailing.sentAt = fromEpoch(q.value(6));
        mailing.openedAt = fromEpoch(q.value(7));
        mailing.opens = q.value(8).toInt();
        mailing.clickedAt = fromEpoch(q.value(9));
        mailing.clicks = q.value(10).toInt();
        mailing.unsubscribedAt = fromEpoch(q.value(11));
        mailing.bouncedAt = fromEpoch(q.value(12));
        data.mailings << mailing;
    }

    auto codes = Sql::exec(db,
                           QStringLiteral("SELECT p.id, p.code, p.campaign_id, c.name, p.issued_at, p.redeemed_at,"
                                          " p.reissued, i.invoice_no, p.description FROM promo_codes p"
                                          " LEFT JOIN campaigns c ON c.id = p.campaign_id"
                                          " LEFT JOIN invoices i ON i.id = p.invoice_id AND i.customer_id = p.customer_id"
                                          " WHERE p.customer_id = ? ORDER BY p.issued_at DESC, p.id DESC"),
                           {customerId}, tr("reading the customer's promo codes"));
    if (!codes) {
        return codes.error();
    }
    while (codes->next()) {
        const QSqlQuery &q = *codes;
        data.promoCodes << PromoCode{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong(),
                                     q.value(3).toString(),   fromEpoch(q.value(4)), fromEpoch(q.value(5)),
                                     q.value(6).toInt() != 0, q.value(7).toString(), q.value(8).toString()};
    }

    auto tags = Sql::exec(db,
                          QStringLiteral("SELECT t.name, ct.state FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id"
                                         " WHERE ct.customer_id = ? AND ct.state IN ('active', 'starred')"
                                         " ORDER BY CASE ct.state WHEN 'starred' THEN 0 ELSE 1 END, t.name_key, t.id"),
                          {customerId}, tr("reading the customer's tags"));
    if (!tags) {
        return tags.error();
    }
    while (tags->next()) {
        data.tags << OwnTag{tags->value(0).toString(), tags->value(1).toString() == u"starred"};
    }

    auto answers = Sql::exec(db,
                             QStringLiteral("SELECT p.id, p.title, q.position, q.question, a.answer, a.answered_at"
                                            " FROM poll_answers a JOIN poll_questions q ON q.id = a.question_id"
                                            " JOIN polls p ON p.id = q.poll_id WHERE a.customer_id = ?"
                                            " ORDER BY a.answered_at DESC, p.id DESC, q.position"),
                             {customerId}, tr("reading the customer's poll answers"));
    if (!answers) {
        return answers.error();
    }
    while (answers->next()) {
        const QSqlQuery &q = *answers;
        data.pollAnswers << PollAnswer{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toInt(),
                                       q.value(3).toString(),   q.value(4).toString(), fromEpoch(q.value(5))};
    }

    auto matrix = SubscriptionMatrixStore(database).load(customerId);
    if (!matrix) {
        return matrix.error();
    }
    data.subscriptions = std::move(*matrix);
    return data;
}

QJsonObject MarketingData::toJson() const
{
    int received = 0;
    int control = 0;
    int opened = 0;
    int clicked = 0;
    for (const Mailing &mailing : mailings) {
        if (mailing.inControl) {
            ++control;
            continue;
        }
        ++received;
        opened += mailing.openedAt.isValid() || mailing.opens > 0 ? 1 : 0;
        clicked += mailing.clickedAt.isValid() || mailing.clicks > 0 ? 1 : 0;
    }
    QJsonArray tagArray;
    for (const OwnTag &tag : tags) {
        tagArray.append(QJsonObject{{QStringLiteral("name"), tag.name}, {QStringLiteral("starred"), tag.starred}});
    }
    return {{QStringLiteral("mailingSummary"),
             QJsonObject{{QStringLiteral("received"), received},
                         {QStringLiteral("controlGroup"), control},
                         {QStringLiteral("opened"), opened},
                         {QStringLiteral("clicked"), clicked}}},
            {QStringLiteral("tags"), tagArray},
            {QStringLiteral("subscriptionMatrix"), subscriptions.toJson()}};
}

} // namespace Gavel::Models
