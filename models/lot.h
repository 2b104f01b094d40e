#pragma once

#include <QDateTime>
#include <QString>

namespace Gavel::Models {

/// A lot as its page shows it, with its sale, department, category and buyer by name.
struct Lot
{
    qint64 id = 0;
    qint64 saleId = 0;
    QString saleNo;
    QString saleTitle;
    QDateTime saleStartsAt;
    QString lotNo;
    QString title;
    QString description;
    QString maker;
    QString medium;
    QString dimensions;
    QString dateText;
    QString departmentName;
    QString categoryName;
    qint64 lowEstimateMinor = 0;
    qint64 highEstimateMinor = 0;
    qint64 hammerMinor = 0; ///< 0 when not sold (yet)
    QString currency;
    QString status; ///< "upcoming", "sold", "unsold" or "withdrawn"
    qint64 buyerId = 0;
    QString buyerName;
    QString buyerNo;
};

/// One bid on a lot, with the bidder by name.
struct Bid
{
    qint64 id = 0;
    qint64 customerId = 0;
    QString customerName;
    QString customerNo;
    qint64 amountMinor = 0;
    QString currency;
    QDateTime placedAt;
    QString channel; ///< "room", "phone", "absentee" or "online"
    bool winning = false;
};

} // namespace Gavel::Models
