#pragma once

#include <QDateTime>
#include <QString>

namespace Gavel::Models {

/// An invoice (the retail seed's receipt) with its customer, sale and venue by name.
struct Invoice
{
    qint64 id = 0;
    QString invoiceNo;
    qint64 customerId = 0;
    QString customerName;
    QString customerNo;
    qint64 saleId = 0;
    QString saleNo;
    QString saleTitle;
    QString venueName;
    QDateTime issuedAt;
    QDateTime dueAt;
    QDateTime paidAt;
    QString status; ///< "issued", "paid", "part_paid", "overdue" or "cancelled"
    QString currency;
    qint64 hammerMinor = 0;
    qint64 premiumMinor = 0;
    qint64 taxMinor = 0;
    qint64 deliveryMinor = 0;
    qint64 totalMinor = 0;
    QString paymentMethod;
};

/// One line of an invoice: usually a lot, with its hammer price and buyer's premium.
struct InvoiceLine
{
    int lineNo = 0;
    qint64 lotId = 0; ///< 0 for a line that is not a lot (a charge)
    QString lotNo;
    QString description;
    qint64 hammerMinor = 0;
    qint64 premiumMinor = 0;
    qint64 taxMinor = 0;
    qint64 amountMinor = 0;
};

} // namespace Gavel::Models
