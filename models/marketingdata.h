#pragma once

#include "result.h"
#include "subscriptionmatrixstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Gavel::Models {

class Database;

/// A campaign the customer was in: sent to them, or held back in its control group.
struct Mailing
{
    qint64 campaignId = 0;
    QString campaignKey;
    QString name;
    QString channel;      ///< email, sms, push, post
    QString category;     ///< the subscription category's name, or empty
    bool inControl = false; ///< held back as the control group: nothing was sent
    QDateTime sentAt;     ///< when it went to this customer (the campaign's send time if not recorded)
    QDateTime openedAt;
    int opens = 0;
    QDateTime clickedAt;
    int clicks = 0;
    QDateTime unsubscribedAt;
    QDateTime bouncedAt;
};

/// A promo code issued to the customer.
struct PromoCode
{
    qint64 id = 0;
    QString code;
    qint64 campaignId = 0;
    QString campaign;     ///< the campaign's name, or empty
    QDateTime issuedAt;
    QDateTime redeemedAt;
    bool reissued = false;
    QString invoiceNo;    ///< the invoice it was redeemed on, or empty
    QString description;
};

/// One of the customer's tags (active or starred; suggested and removed ones are not theirs).
struct OwnTag
{
    QString name;
    bool starred = false;
};

/// One answer the customer gave in a poll.
struct PollAnswer
{
    qint64 pollId = 0;
    QString pollTitle;
    int position = 0;
    QString question;
    QString answer;
    QDateTime answeredAt;
};

/// Everything the profile's Marketing tab shows: mailings (newest first), promo codes,
/// tags, the subscription matrix and the polls answered.
struct MarketingData
{
    Q_DECLARE_TR_FUNCTIONS(MarketingData)

public:
    QList<Mailing> mailings;
    QList<PromoCode> promoCodes;
    QList<OwnTag> tags;
    QList<PollAnswer> pollAnswers;
    SubscriptionMatrix subscriptions;

    static Result<MarketingData> load(const Database &database, qint64 customerId);

    /// The export's figures: mailingSummary {received, controlGroup, opened, clicked},
    /// tags [{name, starred}] and the subscriptionMatrix (SubscriptionMatrix::toJson). The
    /// rows themselves are in the built-in arrays (campaignMemberships, promoCodes…).
    QJsonObject toJson() const;
};

} // namespace Gavel::Models
