#pragma once

#include <QDateTime>
#include <QString>

namespace Gavel::Models {

/// A sale as its page shows it, with its venue and department by name and its results.
struct Sale
{
    qint64 id = 0;
    QString saleNo;
    QString title;
    QString venueName;
    QString departmentName;
    QDateTime startsAt;
    QDateTime endsAt;
    QString status;   ///< "upcoming", "live", "closed" or "cancelled"
    QString saleType; ///< "live", "online" or "timed"
    QString currency;
    int buyersPremiumBp = 0; ///< basis points: 2500 = 25 %
    QString specialist;
    int lotCount = 0;
    int soldCount = 0;
    qint64 hammerTotalMinor = 0;
};

/// One lot in a sale's list, with what one customer did on it.
struct SaleLot
{
    qint64 id = 0;
    QString lotNo;
    QString title;
    qint64 lowEstimateMinor = 0;
    qint64 highEstimateMinor = 0;
    qint64 hammerMinor = 0;
    QString status;
    bool customerBid = false;    ///< the customer bid on it
    bool customerBought = false; ///< the customer bought it
};

/// A customer's registration to bid in a sale.
struct SaleRegistration
{
    QString paddleNo;
    QDateTime registeredAt;
    QString platformName; ///< the bidding platform, empty for the house's own
};

} // namespace Gavel::Models
