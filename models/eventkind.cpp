#include "eventkind.h"

#include <QCoreApplication>

namespace Gavel::Models {

namespace {

struct KindInfo
{
    EventKind kind;
    const char *key;
    const char *label;
};

// Labels are what staff read in the timeline, so they use the house's words.
constexpr KindInfo kKinds[] = {
    {EventKind::EmailSent, "email_sent", QT_TRANSLATE_NOOP("EventKind", "E-mail sent")},
    {EventKind::EmailOpened, "email_opened", QT_TRANSLATE_NOOP("EventKind", "E-mail opened")},
    {EventKind::EmailLinkClicked, "email_link_clicked", QT_TRANSLATE_NOOP("EventKind", "Link clicked in e-mail")},
    {EventKind::EmailLotClicked, "email_lot_clicked", QT_TRANSLATE_NOOP("EventKind", "Lot clicked in e-mail")},
    {EventKind::Subscribed, "subscribed", QT_TRANSLATE_NOOP("EventKind", "Subscribed")},
    {EventKind::Unsubscribed, "unsubscribed", QT_TRANSLATE_NOOP("EventKind", "Unsubscribed")},
    {EventKind::EmailBounced, "email_bounced", QT_TRANSLATE_NOOP("EventKind", "E-mail bounced")},
    {EventKind::SmsSent, "sms_sent", QT_TRANSLATE_NOOP("EventKind", "SMS sent")},
    {EventKind::SmsClicked, "sms_clicked", QT_TRANSLATE_NOOP("EventKind", "Link clicked in SMS")},
    {EventKind::SaleRegistered, "sale_registered", QT_TRANSLATE_NOOP("EventKind", "Registered to bid")},
    {EventKind::BidPlaced, "bid_placed", QT_TRANSLATE_NOOP("EventKind", "Bid placed")},
    {EventKind::LotWon, "lot_won", QT_TRANSLATE_NOOP("EventKind", "Lot won")},
    {EventKind::ConsignmentReceived, "consignment_received", QT_TRANSLATE_NOOP("EventKind", "Consignment received")},
    {EventKind::ConsignmentCatalogued, "consignment_catalogued",
     QT_TRANSLATE_NOOP("EventKind", "Consignment catalogued")},
    {EventKind::ConsignmentSold, "consignment_sold", QT_TRANSLATE_NOOP("EventKind", "Consigned lot sold")},
    {EventKind::ConsignmentUnsold, "consignment_unsold", QT_TRANSLATE_NOOP("EventKind", "Consigned lot unsold")},
    {EventKind::InvoiceIssued, "invoice_issued", QT_TRANSLATE_NOOP("EventKind", "Invoice issued")},
    {EventKind::InvoicePaid, "invoice_paid", QT_TRANSLATE_NOOP("EventKind", "Invoice paid")},
    {EventKind::WebsiteVisit, "website_visit", QT_TRANSLATE_NOOP("EventKind", "Website visit")},
    {EventKind::CategoryViewed, "category_viewed", QT_TRANSLATE_NOOP("EventKind", "Category viewed")},
    {EventKind::LotViewed, "lot_viewed", QT_TRANSLATE_NOOP("EventKind", "Lot viewed")},
    {EventKind::PageViewed, "page_viewed", QT_TRANSLATE_NOOP("EventKind", "Page viewed")},
    {EventKind::BasketAbandoned, "basket_abandoned", QT_TRANSLATE_NOOP("EventKind", "Basket abandoned")},
    {EventKind::WishlistAdded, "wishlist_added", QT_TRANSLATE_NOOP("EventKind", "Added to wishlist")},
    {EventKind::CallCentreContact, "call_centre_contact", QT_TRANSLATE_NOOP("EventKind", "Call with client services")},
    {EventKind::OtherContact, "other_contact", QT_TRANSLATE_NOOP("EventKind", "Contact")},
    {EventKind::LoyaltyAccrued, "loyalty_accrued", QT_TRANSLATE_NOOP("EventKind", "House credit earned")},
    {EventKind::LoyaltyRedeemed, "loyalty_redeemed", QT_TRANSLATE_NOOP("EventKind", "House credit used")},
    {EventKind::ScoreChanged, "score_changed", QT_TRANSLATE_NOOP("EventKind", "Score changed")},
    {EventKind::TagSet, "tag_set", QT_TRANSLATE_NOOP("EventKind", "Tag set")},
    {EventKind::NoteAdded, "note_added", QT_TRANSLATE_NOOP("EventKind", "Note added")},
    {EventKind::PromoCodeIssued, "promo_code_issued", QT_TRANSLATE_NOOP("EventKind", "Promo code issued")},
    {EventKind::PollAnswered, "poll_answered", QT_TRANSLATE_NOOP("EventKind", "Poll answered")},
};

const KindInfo *infoOf(EventKind kind)
{
    for (const KindInfo &info : kKinds) {
        if (info.kind == kind) {
            return &info;
        }
    }
    return nullptr;
}

} // namespace

EventCategory categoryOf(EventKind kind)
{
    const int value = static_cast<int>(kind);
    if (value >= 90) {
        return EventCategory::Profile;
    }
    return static_cast<EventCategory>(value / 10);
}

const QList<EventKind> &allEventKinds()
{
    static const QList<EventKind> kinds = [] {
        QList<EventKind> list;
        for (const KindInfo &info : kKinds) {
            list << info.kind;
        }
        return list;
    }();
    return kinds;
}

const QList<EventCategory> &allEventCategories()
{
    static const QList<EventCategory> categories = {
        EventCategory::Email,   EventCategory::Sms,     EventCategory::Bidding,
        EventCategory::Consignment, EventCategory::Invoice, EventCategory::Website,
        EventCategory::Contact, EventCategory::Loyalty, EventCategory::Profile,
    };
    return categories;
}

QList<EventKind> kindsOf(EventCategory category)
{
    QList<EventKind> kinds;
    for (const KindInfo &info : kKinds) {
        if (categoryOf(info.kind) == category) {
            kinds << info.kind;
        }
    }
    return kinds;
}

QString eventKindKey(EventKind kind)
{
    const KindInfo *info = infoOf(kind);
    return info ? QString::fromLatin1(info->key) : QStringLiteral("unknown_%1").arg(static_cast<int>(kind));
}

QString eventKindLabel(EventKind kind)
{
    const KindInfo *info = infoOf(kind);
    return info ? QCoreApplication::translate("EventKind", info->label) : eventKindKey(kind);
}

QString eventCategoryKey(EventCategory category)
{
    switch (category) {
    case EventCategory::Email:
        return QStringLiteral("email");
    case EventCategory::Sms:
        return QStringLiteral("sms");
    case EventCategory::Bidding:
        return QStringLiteral("bidding");
    case EventCategory::Consignment:
        return QStringLiteral("consignment");
    case EventCategory::Invoice:
        return QStringLiteral("invoice");
    case EventCategory::Website:
        return QStringLiteral("website");
    case EventCategory::Contact:
        return QStringLiteral("contact");
    case EventCategory::Loyalty:
        return QStringLiteral("loyalty");
    case EventCategory::Profile:
        return QStringLiteral("profile");
    }
    return {};
}

QString eventCategoryLabel(EventCategory category)
{
    switch (category) {
    case EventCategory::Email:
        return QCoreApplication::translate("EventCategory", "E-mail");
    case EventCategory::Sms:
        return QCoreApplication::translate("EventCategory", "SMS");
    case EventCategory::Bidding:
        return QCoreApplication::translate("EventCategory", "Bidding");
    case EventCategory::Consignment:
        return QCoreApplication::translate("EventCategory", "Consignments");
    case EventCategory::Invoice:
        return QCoreApplication::translate("EventCategory", "Invoices");
    case EventCategory::Website:
        return QCoreApplication::translate("EventCategory", "Website");
    case EventCategory::Contact:
        return QCoreApplication::translate("EventCategory", "Calls and contacts");
    case EventCategory::Loyalty:
        return QCoreApplication::translate("EventCategory", "House credit and score");
    case EventCategory::Profile:
        return QCoreApplication::translate("EventCategory", "Tags, notes and polls");
    }
    return {};
}

bool isKnownEventKind(int value)
{
    return infoOf(static_cast<EventKind>(value)) != nullptr;
}

} // namespace Gavel::Models
