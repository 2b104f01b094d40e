#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace Gavel::Models {

/// A mailing (e-mail, SMS, push or post) as its page shows it, with the names it refers to.
struct Campaign
{
    qint64 id = 0;
    QString key;       ///< campaign_key, the e-mail platform's id
    QString name;
    QString channel;   ///< "email", "sms", "push" or "post"
    QString categoryName; ///< the subscription category it was sent under
    QString programme; ///< the campaign a mailing belongs to; empty for a one-off mailing
    QString subject;
    QDateTime sentAt;
    qint64 saleId = 0;
    QString saleNo;
    QString saleTitle;
    QString departmentName;
    int audienceSize = 0; ///< as recorded by the platform
    int controlSize = 0;  ///< held back as the control group
};

/// What the recipients of a mailing did, counted from campaign_recipients.
struct CampaignFigures
{
    qint64 recipients = 0; ///< rows on record, control group included
    qint64 inControl = 0;
    qint64 sent = 0;
    qint64 opened = 0;
    qint64 clicked = 0;
    qint64 unsubscribed = 0;
    qint64 bounced = 0;
};

/// One customer's part in a mailing.
struct CampaignRecipient
{
    bool inControl = false; ///< held back: nothing was sent to this customer
    QDateTime sentAt;
    QDateTime openedAt; ///< the first open
    int openCount = 0;
    QDateTime clickedAt; ///< the first click
    int clickCount = 0;
    QDateTime unsubscribedAt;
    QDateTime bouncedAt;
};

} // namespace Gavel::Models
