#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Gavel::Models {

class Database;

/// One of the customer's invoices, as the Invoices tab lists it.
struct InvoiceSummary
{
    qint64 id = 0;
    QString invoiceNo;
    qint64 saleId = 0;     ///< 0: not from a sale (the online shop)
    QString saleNo;
    QString saleTitle;
    QString venue;         ///< the venue's name, or empty
    QDateTime issuedAt;
    QDateTime dueAt;
    QDateTime paidAt;
    QString status;        ///< issued, paid, part_paid, overdue, cancelled
    QString currency;
    qint64 hammerMinor = 0;
    qint64 premiumMinor = 0;
    qint64 taxMinor = 0;
    qint64 deliveryMinor = 0;
    qint64 totalMinor = 0;
    QString paymentMethod;
    int lineCount = 0;

    /// "Paid", "Part paid"… (translated) for a stored status.
    static QString statusText(const QString &status);
    /// "Bank transfer", "Card"… (translated) for a stored payment method; "—" for none.
    static QString paymentText(const QString &method);
};

/// A saleroom, online platform or shop the customer buys through, with how many of the
/// customer's invoices came through it (cancelled ones not counted).
struct VenueUsage
{
    qint64 id = 0;
    QString code;   ///< the venue's id as the house knows it ("LDN", "TSR")
    QString name;
    QString kind;   ///< saleroom, online, platform, shop
    int invoices = 0;

    /// "Saleroom", "Bidding platform"… (translated).
    static QString kindText(const QString &kind);
};

/// An item put in a basket and not bought (its basket was abandoned or is still open).
struct BasketItem
{
    qint64 basketId = 0;
    QString name;
    qint64 priceMinor = 0;
    QString currency;
    int quantity = 1;
    QDateTime addedAt;
    QString basketStatus; ///< abandoned or open
    QString venue;
};

/// Everything the profile's Invoices tab shows: the invoices (newest first), the favourite
/// venues and bidding platforms (most invoices first) and the abandoned basket (newest
/// first). Read in a few indexed queries on the customer.
struct InvoiceTabData
{
    Q_DECLARE_TR_FUNCTIONS(InvoiceTabData)

public:
    QList<InvoiceSummary> invoices;
    QList<VenueUsage> venues;
    QList<BasketItem> basket;

    static Result<InvoiceTabData> load(const Database &database, qint64 customerId);

    /// The export's figures: favouriteVenues [{code, name, kind, invoices}] and
    /// abandonedBasket [{name, price, quantity, addedAt, basketStatus, venue}]. The invoices
    /// themselves are in the export's built-in "invoices" array.
    QJsonObject toJson() const;
};

} // namespace Gavel::Models
