#pragma once

#include "invoicetabdata.h"
#include "recordtablemodel.h"

#include <QCoreApplication>
#include <QStringList>

namespace Gavel::Models {

/// The columns the Invoices tab can show, and which of them the user chose (Settings →
/// Invoices; a personal choice kept in QSettings). The invoice number always shows: it is
/// what a row is known by.
class InvoiceColumns final
{
    Q_DECLARE_TR_FUNCTIONS(InvoiceColumns)

public:
    /// Every column's key, in the order they are shown.
    static QStringList allKeys();
    /// What a new user sees.
    static QStringList defaultKeys();
    /// The column's heading ("Buyer's premium"); empty for an unknown key.
    static QString title(const QString &key);
    /// The keys that must always show (the invoice number).
    static QStringList requiredKeys() { return {QStringLiteral("number")}; }

    /// The chosen keys, known ones only, in allKeys() order, the required ones always in.
    static QStringList normalised(const QStringList &keys);
    /// The user's choice (QSettings "profile/invoiceColumns"), or the defaults.
    static QStringList chosen();
    static void setChosen(const QStringList &keys);

    static QStringList headers(const QStringList &keys);
    /// One row per invoice, cells in the order of `keys`; the row's id is the invoice's.
    static QList<RecordTableModel::Row> rows(const QList<InvoiceSummary> &invoices, const QStringList &keys);
};

} // namespace Gavel::Models
