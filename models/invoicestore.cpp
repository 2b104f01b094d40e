#include "invoicestore.h"

#include "customer.h"
#include "database.h"
#include "epoch.h"
#include "sql.h"

#include <QSqlQuery>

namespace Gavel::Models {

InvoiceStore::InvoiceStore(const Database &database) : m_db(database.connection()) {}

Result<Invoice> InvoiceStore::byId(qint64 id)
{
    auto query = Sql::exec(
        m_db,
        QStringLiteral("SELECT i.id, i.invoice_no, i.customer_id, cu.first_name, cu.last_name, cu.company,"
                       " cu.customer_no, i.sale_id, s.sale_no, s.title, v.name, i.issued_at, i.due_at, i.paid_at,"
                       " i.status, i.currency, i.hammer_minor, i.premium_minor, i.tax_minor, i.delivery_minor,"
                       " i.total_minor, i.payment_method"
                       " FROM invoices i JOIN customers cu ON cu.id = i.customer_id"
                       " LEFT JOIN sales s ON s.id = i.sale_id"
                       " LEFT JOIN venues v ON v.id = i.venue_id"
                       " WHERE i.id = ?"),
        {id}, QStringLiteral("reading the invoice"));
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return Error::make(ErrorKind::NotFound, tr("This invoice no longer exists."));
    }
    Invoice invoice;
    invoice.id = query->value(0).toLongLong();
    invoice.invoiceNo = query->value(1).toString();
    invoice.customerId = query->value(2).toLongLong();
    Customer customer;
    customer.firstName = query->value(3).toString();
    customer.lastName = query->value(4).toString();
    customer.company = query->value(5).toString();
    customer.customerNo = query->value(6).toString();
    invoice.customerName = customer.displayName();
    invoice.customerNo = customer.customerNo;
    invoice.saleId = query->value(7).toLongLong();
    invoice.saleNo = query->value(8).toString();
    invoice.saleTitle = query->value(9).toString();
    invoice.venueName = query->value(10).toString();
    invoice.issuedAt = fromEpoch(query->value(11));
    invoice.dueAt = fromEpoch(query->value(12));
    invoice.paidAt = fromEpoch(query->value(13));
    invoice.status = query->value(14).toString();
    invoice.currency = query->value(15).toString();
    invoice.hammerMinor = query->value(16).toLongLong();
    invoice.premiumMinor = query->value(17).toLongLong();
    invoice.taxMinor = query->value(18).toLongLong();
    invoice.deliveryMinor = query->value(19).toLongLong();
    invoice.totalMinor = query->value(20).toLongLong();
    invoice.paymentMethod = query->value(21).toString();
    return invoice;
}

Result<QList<InvoiceLine>> InvoiceStore::lines(qint64 invoiceId)
{
    auto query = Sql::exec(m_db,
                           QStringLiteral("SELECT il.line_no, il.lot_id, l.lot_no, il.description, il.hammer_minor,"
                                          " il.premium_minor, il.tax_minor, il.amount_minor"
                                          " FROM invoice_lines il LEFT JOIN lots l ON l.id = il.lot_id"
                                          " WHERE il.invoice_id = ? ORDER BY il.line_no"),
                           {invoiceId}, QStringLiteral("reading the invoice's lines"));
    if (!query) {
        return query.error();
    }
    QList<InvoiceLine> lines;
    while (query->next()) {
        InvoiceLine line;
        line.lineNo = query->value(0).toInt();
        line.lotId = query->value(1).toLongLong();
        line.lotNo = query->value(2).toString();
        line.description = query->value(3).toString();
        line.hammerMinor = query->value(4).toLongLong();
        line.premiumMinor = query->value(5).toLongLong();
        line.taxMinor = query->value(6).toLongLong();
        line.amountMinor = query->value(7).toLongLong();
        lines << line;
    }
    return lines;
}

QString InvoiceStore::statusLabel(const QString &status)
{
    if (status == u"issued") {
        return tr("Issued");
    }
    if (status == u"paid") {
        return tr("Paid");
    }
    if (status == u"part_paid") {
        return tr("Part paid");
    }
    if (status == u"overdue") {
        return tr("Overdue");
    }
    if (status == u"cancelled") {
        return tr("Cancelled");
    }
    return status;
}

QString InvoiceStore::paymentMethodLabel(const QString &method)
{
    const QString code = method.trimmed().toLower();
    if (code == u"bank_transfer") {
        return tr("Bank transfer");
    }
    if (code == u"card") {
        return tr("Card");
    }
    if (code == u"cheque") {
        return tr("Cheque");
    }
    if (code == u"cash") {
        return tr("Cash");
    }
    return method;
}

} // namespace Gavel::Models
