#pragma once

#include "eventkind.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace Gavel::Models {

/// Something a timeline row can link to: the page of a campaign, lot, sale or invoice.
struct ActivityLink
{
    enum class Target {
        None,
        Campaign, ///< campaigns.id
        Lot,      ///< lots.id
        Sale,     ///< sales.id
        Invoice,  ///< invoices.id
    };

    Target target = Target::None;
    qint64 id = 0;
    QString text; ///< what the link reads ("Lot 212: Portrait of a Lady")

    bool isValid() const { return target != Target::None && id != 0; }
    friend bool operator==(const ActivityLink &a, const ActivityLink &b)
    {
        return a.target == b.target && a.id == b.id && a.text == b.text;
    }
};

/// One piece of an event's one-line description: plain text, or a link when `link` is valid.
struct ActivitySegment
{
    QString text;
    ActivityLink link;

    friend bool operator==(const ActivitySegment &a, const ActivitySegment &b)
    {
        return a.text == b.text && a.link == b.link;
    }
};

/// One line of an event's expanded details ("Amount: £1,200"), optionally a link.
struct ActivityDetail
{
    QString label;
    QString value;
    ActivityLink link;
};

/// One row of the events table with the names of what it refers to, as one page query reads
/// them. Empty names mean the referenced row does not exist (any more): the log outlives a
/// deleted lot.
struct ActivityEvent
{
    qint64 customerId = 0;
    qint64 ts = 0;  ///< epoch seconds, UTC
    qint64 id = 0;  ///< unique with ts within the customer
    int kind = 0;   ///< EventKind; kept raw so that a newer kind still shows
    qint64 campaignId = 0;
    qint64 saleId = 0; ///< the event's sale, else the sale of its lot
    qint64 lotId = 0;
    qint64 invoiceId = 0;
    qint64 refId = 0;
    bool hasAmount = false;
    qint64 amountMinor = 0;
    QString currency; ///< empty for amounts that are not money (a score)
    QString info;     ///< short free text (a URL, the subject of a call…)
    QString details;  ///< a small JSON object for the expanded view

    QString campaignName;
    QString campaignChannel;
    QString saleNo;
    QString saleTitle;
    QString lotNo;
    QString lotTitle;
    QString invoiceNo;
    QString refName; ///< by kind: category, tag, consignment, note, poll, promo code

    EventKind eventKind() const { return static_cast<EventKind>(kind); }
    EventCategory category() const { return categoryOf(eventKind()); }
};

} // namespace Gavel::Models

Q_DECLARE_METATYPE(Gavel::Models::ActivityLink)
Q_DECLARE_METATYPE(Gavel::Models::ActivitySegment)
