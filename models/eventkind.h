#pragma once

#include <QList>
#include <QString>

namespace Gavel::Models {

/// The kinds of timeline event. The numbers are stored in events.kind: never renumber,
/// only add. Grouped by tens into the categories the Activities filter shows.
enum class EventKind : int {
    EmailSent = 10,
    EmailOpened = 11,
    EmailLinkClicked = 12,
    EmailLotClicked = 13,
    Subscribed = 14,
    Unsubscribed = 15,
    EmailBounced = 16,

    SmsSent = 20,
    SmsClicked = 21,

    SaleRegistered = 30,
    BidPlaced = 31,
    LotWon = 32,

    ConsignmentReceived = 40,
    ConsignmentCatalogued = 41,
    ConsignmentSold = 42,
    ConsignmentUnsold = 43,

    InvoiceIssued = 50,
    InvoicePaid = 51,

    WebsiteVisit = 60,
    CategoryViewed = 61,
    LotViewed = 62,
    PageViewed = 63,
    BasketAbandoned = 64,
    WishlistAdded = 65,

    CallCentreContact = 70,
    OtherContact = 71,

    LoyaltyAccrued = 80,
    LoyaltyRedeemed = 81,
    ScoreChanged = 82,

    TagSet = 90,
    NoteAdded = 91,
    PromoCodeIssued = 92,
    PollAnswered = 93,
};

/// The filter groups of the timeline, in display order.
enum class EventCategory : int {
    Email = 1,
    Sms = 2,
    Bidding = 3,
    Consignment = 4,
    Invoice = 5,
    Website = 6,
    Contact = 7,
    Loyalty = 8,
    Profile = 9,
};

EventCategory categoryOf(EventKind kind);
/// Every kind, in numeric order.
const QList<EventKind> &allEventKinds();
const QList<EventCategory> &allEventCategories();
/// The kinds of one category, for SQL filters (kind IN …).
QList<EventKind> kindsOf(EventCategory category);

/// Stable machine names for exports ("email_opened").
QString eventKindKey(EventKind kind);
QString eventCategoryKey(EventCategory category);
/// What staff read in the timeline ("Opened an e-mail"); translated.
QString eventKindLabel(EventKind kind);
QString eventCategoryLabel(EventCategory category);

bool isKnownEventKind(int value);

} // namespace Gavel::Models
