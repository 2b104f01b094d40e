#pragma once

#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <vector>

/// The plain records the demo generator's parts share. Internal to the generator: nothing
/// outside models/demo*.cpp should use them.
namespace Gavel::Models::Demo {

/// Money in the generator is whole pounds until it is written (as minor units, pence).
constexpr qint64 kMinorPerPound = 100;
constexpr qint64 kDay = 86400;
constexpr qint64 kHour = 3600;

/// `pattern` with %1, %2… replaced by `values`; unlike QString::arg, a pattern may leave
/// some of them out (the wording varies).
inline QString fillPattern(QString pattern, const QStringList &values)
{
    for (qsizetype i = values.size(); i > 0; --i) {
        pattern.replace(QString(u'%' + QString::number(i)), values.at(i - 1));
    }
    return pattern;
}

struct Department
{
    QString code;                ///< "OMP"
    QString name;                ///< "Old Master Paintings & Drawings"
    QString saleName;            ///< what its sales are called: "Old Master Paintings & Drawings"
    QString color;               ///< "#7b3f00"
    int weight = 1;              ///< how many sales and collectors it has, relative to the others
    int baseBand = 8;            ///< its typical estimate band (Pricing::band)
    bool tate = false;           ///< its lots are Tate works (else made from templates)
    QString slug;                ///< for web paths: "old-master-paintings"
    std::vector<int> categories; ///< indexes into Catalogue::categories()
    QStringList specialists;
};

struct Category
{
    int department = 0;
    QString code;
    QString name;
    QStringList keywords; ///< lower-case medium words that put a Tate work here
    QString slug;
};

enum class VenueKind
{
    Saleroom,
    Online,
    Platform,
    Shop
};

struct Venue
{
    QString code;
    QString name;
    VenueKind kind = VenueKind::Saleroom;
    QString city;
    QString country;
    QString url;
    QString salePrefix; ///< the letter sale numbers start with ("L"); empty for platforms
};

enum class SaleType
{
    Live,
    Online,
    Timed
};

struct Sale
{
    int department = 0;
    int venue = 0;
    SaleType type = SaleType::Live;
    qint64 startsAt = 0;
    qint64 endsAt = 0;
    bool upcoming = false;
    QString saleNo;
    QString title;
    int premiumBp = 2500;
    QString specialist;
    quint32 firstLot = 0; ///< index of its first lot in the house's lot list
    quint32 lotCount = 0;
};

enum class CampaignKind
{
    Welcome, ///< sent to each new customer when they register
    SaleCatalogue,
    SaleReminder,
    SaleSms,
    SalePost,
    SalePush,
    Newsletter,
    DepartmentNews,
    Invitation,
    Offer,
};

enum class Channel
{
    Email,
    Sms,
    Push,
    Post
};

struct Campaign
{
    CampaignKind kind = CampaignKind::Newsletter;
    Channel channel = Channel::Email;
    int subscriptionCategory = -1; ///< index into Schedule::subscriptionCategories(); -1: none
    QString key;
    QString name;
    QString programme;
    QString subject;
    qint64 sentAt = 0;
    int sale = -1;
    int department = -1;
    QString offerCode; ///< promo codes of an offer start with this
    QString offerText;
    int poll = -1; ///< the poll this mailing carries
};

struct Poll
{
    QString key;
    QString title;
    int campaign = -1;
    qint64 createdAt = 0;
    struct Question
    {
        QString text;
        QStringList answers;
    };
    std::vector<Question> questions;
};

/// A lot as the simulation needs it: small, as there is one per lot of six years of sales.
/// Text (title, description) is made again from the sale and position when it is written.
struct Lot
{
    quint32 sale = 0;
    quint32 position = 0; ///< 0-based place in the sale; lot_no is position + 1
    quint32 item = 0;     ///< the Tate work, or the packed template choices
    quint32 maker = 0;    ///< index into Catalogue::makers(); 0 = none
    quint16 category = 0;
    quint8 department = 0;
    quint8 band = 0;         ///< estimate band
    quint32 reserve = 0;     ///< pounds, on the bid ladder
    quint32 hammer = 0;      ///< pounds; 0 when not sold
    quint32 buyer = 0;       ///< customer index + 1; 0 = none
    quint32 consignor = 0;   ///< customer index + 1; 0 = none
    quint32 consignment = 0; ///< consignment number (1-based, house-wide); 0 = none
    quint8 bidders = 0;      ///< customers who meant to bid
    quint8 status = 0;       ///< LotStatus
};

enum LotStatus : quint8
{
    LotUpcoming,
    LotSold,
    LotUnsold,
    LotWithdrawn
};

enum class BidChannel : quint8
{
    Room,
    Phone,
    Absentee,
    Online
};

/// One customer's intention to bid on one lot (pass 1), and how it ended (the auction).
struct Intent
{
    quint32 lot = 0;
    quint32 customer = 0;
    quint32 maxBid = 0;  ///< pounds
    quint16 topStep = 0; ///< ladder index of the customer's highest bid
    quint8 bids = 0;     ///< bids placed: topStep, topStep - stride, …; 0 = outbid before bidding
    quint8 role = 0;     ///< IntentRole
};

enum IntentRole : quint8
{
    RoleNone,
    RoleWinner,
    RoleUnderbidder,
    RoleOther
};

/// A consignment made in pass 1: a customer's lots in one sale.
struct ConsignmentPlan
{
    quint32 customer = 0;
    quint32 sale = 0;
    std::vector<quint32> lots;
};

} // namespace Gavel::Models::Demo

namespace Gavel::Models::Demo {

/// The ids the generator gives rows: the house's own rows (written first) are base + index;
/// the customers' rows take the next id of their table as they are made. Bases start after
/// whatever the tables already hold.
struct IdPlan
{
    qint64 department = 1;
    qint64 category = 1;
    qint64 venue = 1;
    qint64 sale = 1;
    qint64 lot = 1;
    qint64 tag = 1;
    qint64 campaign = 1;
    qint64 poll = 1;
    qint64 label = 1;
    qint64 customer = 1;
    qint64 consignment = 1;
    std::vector<qint64> pollQuestions;          ///< per poll: the id of its first question
    std::vector<qint64> subscriptionCategories; ///< by Schedule::subscriptionCategoryCodes(); 0: missing

    qint64 nextInvoice = 1;
    qint64 nextInvoiceLine = 1;
    qint64 nextBid = 1;
    qint64 nextWishlist = 1;
    qint64 nextBasket = 1;
    qint64 nextBasketItem = 1;
    qint64 nextPromo = 1;
    qint64 nextLoyalty = 1;
    qint64 nextPollAnswer = 1;
    qint64 nextCustomerTag = 1;
    qint64 nextNote = 1;
};

} // namespace Gavel::Models::Demo
