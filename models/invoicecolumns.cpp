#include "invoicecolumns.h"

#include "formatting.h"
#include "money.h"

#include <QSettings>

namespace Gavel::Models {

namespace {

const QString kSettingsKey = QStringLiteral("profile/invoiceColumns");

RecordTableModel::Cell money(qint64 minor, const QString &currency)
{
    return {formatMoney(minor, currency), QVariant::fromValue(minor), {}, true};
}

RecordTableModel::Cell date(const QDateTime &time)
{
    if (!time.isValid()) {
        return {QStringLiteral("—"), QVariant::fromValue(qint64(0)), {}, false};
    }
    return {formatDate(time.toLocalTime().date()), QVariant::fromValue(time.toSecsSinceEpoch()),
            formatDateTime(time), false};
}

RecordTableModel::Cell cell(const InvoiceSummary &invoice, const QString &key)
{
    if (key == u"number") {
        return {invoice.invoiceNo, {}, {}, false};
    }
    if (key == u"sale") {
        if (invoice.saleNo.isEmpty()) {
            return {InvoiceColumns::tr("— (shop)"), {}, {}, false};
        }
        return {invoice.saleNo + QStringLiteral(" · ") + invoice.saleTitle, {}, invoice.saleTitle, false};
    }
    if (key == u"venue") {
        return {invoice.venue, {}, {}, false};
    }
    if (key == u"status") {
        return {InvoiceSummary::statusText(invoice.status), {}, {}, false};
    }
    if (key == u"issued") {
        return date(invoice.issuedAt);
    }
    if (key == u"due") {
        return date(invoice.dueAt);
    }
    if (key == u"paid") {
        return date(invoice.paidAt);
    }
    if (key == u"lines") {
        return {QLocale().toString(invoice.lineCount), invoice.lineCount, {}, true};
    }
    if (key == u"hammer") {
        return money(invoice.hammerMinor, invoice.currency);
    }
    if (key == u"premium") {
        return money(invoice.premiumMinor, invoice.currency);
    }
    if (key == u"tax") {
        return money(invoice.taxMinor, invoice.currency);
    }
    if (key == u"delivery") {
        return money(invoice.deliveryMinor, invoice.currency);
    }
    if (key == u"total") {
        return money(invoice.totalMinor, invoice.currency);
    }
    if (key == u"payment") {
        return {InvoiceSummary::paymentText(invoice.paymentMethod), {}, {}, false};
    }
    return {};
}

} // namespace

QStringList InvoiceColumns::allKeys()
{
    return {QStringLiteral("number"), QStringLiteral("issued"), QStringLiteral("sale"),    QStringLiteral("venue"),
            QStringLiteral("status"), QStringLiteral("due"),    QStringLiteral("paid"),    QStringLiteral("lines"),
            QStringLiteral("hammer"), QStringLiteral("premium"), QStringLiteral("tax"),    QStringLiteral("delivery"),
            QStringLiteral("total"),  QStringLiteral("payment")};
}

QStringList InvoiceColumns::defaultKeys()
{
    return {QStringLiteral("number"), QStringLiteral("issued"), QStringLiteral("sale"), QStringLiteral("status"),
            QStringLiteral("lines"), QStringLiteral("total"), QStringLiteral("payment")};
}

QString InvoiceColumns::title(const QString &key)
{
    if (key == u"number") {
        return tr("Invoice");
    }
    if (key == u"issued") {
        return tr("Date");
    }
    if (key == u"sale") {
        return tr("Sale");
    }
    if (key == u"venue") {
        return tr("Venue");
    }
    if (key == u"status") {
        return tr("Status");
    }
    if (key == u"due") {
        return tr("Due");
    }
    if (key == u"paid") {
        return tr("Paid on");
    }
    if (key == u"lines") {
        return tr("Lots");
    }
    if (key == u"hammer") {
        return tr("Hammer");
    }
    if (key == u"premium") {
        return tr("Buyer's premium");
    }
    if (key == u"tax") {
        return tr("Tax");
    }
    if (key == u"delivery") {
        return tr("Delivery");
    }
    if (key == u"total") {
        return tr("Total");
    }
    if (key == u"payment") {
        return tr("Payment");
    }
    return {};
}

QStringList InvoiceColumns::normalised(const QStringList &keys)
{
    QStringList result;
    for (const QString &key : allKeys()) {
        if (keys.contains(key) || requiredKeys().contains(key)) {
            result << key;
        }
    }
    return result;
}

QStringList InvoiceColumns::chosen()
{
    const QSettings settings;
    if (!settings.contains(kSettingsKey)) {
        return defaultKeys();
    }
    return normalised(settings.value(kSettingsKey).toStringList());
}

void InvoiceColumns::setChosen(const QStringList &keys)
{
    QSettings().setValue(kSettingsKey, normalised(keys));
}

QStringList InvoiceColumns::headers(const QStringList &keys)
{
    QStringList titles;
    for (const QString &key : keys) {
        titles << title(key);
    }
    return titles;
}

QList<RecordTableModel::Row> InvoiceColumns::rows(const QList<InvoiceSummary> &invoices, const QStringList &keys)
{
    QList<RecordTableModel::Row> rows;
    rows.reserve(invoices.size());
    for (const InvoiceSummary &invoice : invoices) {
        RecordTableModel::Row row;
        row.id = invoice.id;
        row.muted = invoice.status == u"cancelled";
        for (const QString &key : keys) {
            row.cells << cell(invoice, key);
        }
        rows << row;
    }
    return rows;
}

} // namespace Gavel::Models
