#include "invoicetabdata.h"

#include "database.h"
#include "epoch.h"
#include "sql.h"

#include <QJsonArray>

namespace Gavel::Models {

namespace {

QJsonValue timeJson(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODate)) : QJsonValue();
}

QJsonObject moneyJson(qint64 minor, const QString &currency)
{
    return {{QStringLiteral("currency"), currency}, {QStringLiteral("minor"), minor}};
}

} // namespace

QString InvoiceSummary::statusText(const QString &status)
{
    if (status == u"issued") {
        return InvoiceTabData::tr("Issued");
    }
    if (status == u"paid") {
        return InvoiceTabData::tr("Paid");
    }
    if (status == u"part_paid") {
        return InvoiceTabData::tr("Part paid");
    }
    if (status == u"overdue") {
        return InvoiceTabData::tr("Overdue");
    }
    if (status == u"cancelled") {
        return InvoiceTabData::tr("Cancelled");
    }
    return status;
}

QString InvoiceSummary::paymentText(const QString &method)
{
    if (method.isEmpty()) {
        return QStringLiteral("—");
    }
    if (method == u"bank_transfer") {
        return InvoiceTabData::tr("Bank transfer");
    }
    if (method == u"card") {
        return InvoiceTabData::tr("Card");
    }
    if (method == u"cheque") {
        return InvoiceTabData::tr("Cheque");
    }
    if (method == u"cash") {
        return InvoiceTabData::tr("Cash");
    }
    return method;
}

QString VenueUsage::kindText(const QString &kind)
{
    if (kind == u"saleroom") {
        return InvoiceTabData::tr("Saleroom");
    }
    if (kind == u"online") {
        return InvoiceTabData::tr("Online sales");
    }
    if (kind == u"platform") {
        return InvoiceTabData::tr("Bidding platform");
    }
    if (kind == u"shop") {
        return InvoiceTabData::tr("Shop");
    }
    return kind;
}

Result<InvoiceTabData> InvoiceTabData::load(const Database &database, qint64 customerId)
{
    const QSqlDatabase db = database.connection();
    InvoiceTabData data;

    auto invoices = Sql::exec(
        db,
        QStringLiteral("SELECT i.id, i.invoice_no, i.sale_id, s.sale_no, s.title, v.name, i.issued_at, i.due_at,"
                       " i.paid_at, i.status, i.currency, i.hammer_minor, i.premium_minor, i.tax_minor,"
                       " i.delivery_minor, i.total_minor, i.payment_method,"
                       " (SELECT count(*) FROM invoice_lines l WHERE l.invoice_id = i.id)"
                       " FROM invoices i LEFT JOIN sales s ON s.id = i.sale_id LEFT JOIN venues v ON v.id = i.venue_id"
                       " WHERE i.customer_id = ? ORDER BY i.issued_at DESC, i.id DESC"),
        {customerId}, tr("reading the customer's invoices"));
    if (!invoices) {
        return invoices.error();
    }
    while (invoices->next()) {
        const QSqlQuery &q = *invoices;
        InvoiceSummary invoice;
        invoice.id = q.value(0).toLongLong();
        invoice.invoiceNo = q.value(1).toString();
        invoice.saleId = q.value(2).toLongLong();
        invoice.saleNo = q.value(3).toString();
        invoice.saleTitle = q.value(4).toString();
        invoice.venue = q.value(5).toString();
        invoice.issuedAt = fromEpoch(q.value(6));
        invoice.dueAt = fromEpoch(q.value(7));
        invoice.paidAt = fromEpoch(q.value(8));
        invoice.status = q.value(9).toString();
        invoice.currency = q.value(10).toString();
        invoice.hammerMinor = q.value(11).toLongLong();
        invoice.premiumMinor = q.value(12).toLongLong();
        invoice.taxMinor = q.value(13).toLongLong();
        invoice.deliveryMinor = q.value(14).toLongLong();
        invoice.totalMinor = q.value(15).toLongLong();
        invoice.paymentMethod = q.value(16).toString();
        invoice.lineCount = q.value(17).toInt();
        data.invoices << invoice;
    }

    // An invoice counts for the venue it was issued at and, when the customer registered
    // for its sale through a bidding platform, for that platform too.
    auto venues = Sql::exec(
        db,
        QStringLiteral("SELECT v.id, v.code, v.name, v.kind, count(DISTINCT u.invoice_id) FROM ("
                       " SELECT i.id AS invoice_id, i.venue_id AS venue_id FROM invoices i"
                       "  WHERE i.customer_id = ? AND i.status <> 'cancelled' AND i.venue_id IS NOT NULL"
                       " UNION ALL"
                       " SELECT i.id, r.platform_id FROM invoices i"
                       "  JOIN sale_registrations r ON r.sale_id = i.sale_id AND r.customer_id = i.customer_id"
                       "  WHERE i.customer_id = ? AND i.status <> 'cancelled' AND r.platform_id IS NOT NULL"
                       ") u JOIN venues v ON v.id = u.venue_id"
                       " GROUP BY v.id, v.code, v.name, v.kind ORDER BY count(DISTINCT u.invoice_id) DESC, v.name, v.id"),
        {customerId, customerId}, tr("reading the customer's favourite venues"));
    if (!venues) {
        return venues.error();
    }
    while (venues->next()) {
        data.venues << VenueUsage{venues->value(0).toLongLong(), venues->value(1).toString(),
                                  venues->value(2).toString(), venues->value(3).toString(), venues->value(4).toInt()};
    }

    auto basket = Sql::exec(db,
                            QStringLiteral("SELECT b.id, bi.name, bi.price_minor, bi.currency, bi.quantity, bi.added_at,"
                                           " b.status, v.name FROM baskets b"
                                           " JOIN basket_items bi ON bi.basket_id = b.id"
                                           " LEFT JOIN venues v ON v.id = b.venue_id"
                                           " WHERE b.customer_id = ? AND b.status IN ('abandoned', 'open')"
                                           " ORDER BY bi.added_at DESC, bi.id DESC"),
                            {customerId}, tr("reading the customer's abandoned basket"));
    if (!basket) {
        return basket.error();
    }
    while (basket->next()) {
        BasketItem item;
        item.basketId = basket->value(0).toLongLong();
        item.name = basket->value(1).toString();
        item.priceMinor = basket->value(2).toLongLong();
        item.currency = basket->value(3).toString();
        item.quantity = basket->value(4).toInt();
        item.addedAt = fromEpoch(basket->value(5));
        item.basketStatus = basket->value(6).toString();
        item.venue = basket->value(7).toString();
        data.basket << item;
    }
    return data;
}

QJsonObject InvoiceTabData::toJson() const
{
    QJsonArray venueArray;
    for (const VenueUsage &venue : venues) {
        venueArray.append(QJsonObject{{QStringLiteral("code"), venue.code},
                                      {QStringLiteral("name"), venue.name},
                                      {QStringLiteral("kind"), venue.kind},
                                      {QStringLiteral("invoices"), venue.invoices}});
    }
    QJsonArray basketArray;
    for (const BasketItem &item : basket) {
        basketArray.append(QJsonObject{{QStringLiteral("name"), item.name},
                                       {QStringLiteral("price"), moneyJson(item.priceMinor, item.currency)},
                                       {QStringLiteral("quantity"), item.quantity},
                                       {QStringLiteral("addedAt"), timeJson(item.addedAt)},
                                       {QStringLiteral("basketStatus"), item.basketStatus},
                                       {QStringLiteral("venue"), item.venue.isEmpty() ? QJsonValue() : item.venue}});
    }
    return {{QStringLiteral("favouriteVenues"), venueArray}, {QStringLiteral("abandonedBasket"), basketArray}};
}

} // namespace Gavel::Models
