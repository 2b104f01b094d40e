#pragma once

#include "invoice.h"
#include "result.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>

namespace Gavel::Models {

class Database;

/// All SQL about one invoice as a page shows it: its attributes and its lines.
class InvoiceStore final
{
    Q_DECLARE_TR_FUNCTIONS(InvoiceStore)

public:
    explicit InvoiceStore(const Database &database);

    /// The invoice with its customer, sale and venue by name; ErrorKind::NotFound when it no
    /// longer exists.
    Result<Invoice> byId(qint64 id);
    /// Its lines in order.
    Result<QList<InvoiceLine>> lines(qint64 invoiceId);

    /// "Issued", "Paid", "Part paid", "Overdue", "Cancelled".
    static QString statusLabel(const QString &status);
    /// How an invoice was paid, in words: the codes importers write ("bank_transfer") named,
    /// anything else shown as written.
    static QString paymentMethodLabel(const QString &method);

private:
    QSqlDatabase m_db;
};

} // namespace Gavel::Models
