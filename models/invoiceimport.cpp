#include "invoiceimport.h"

#include "database.h"
#include "importresolver.h"
#include "importvalues.h"
#include "money.h"
#include "sql.h"

#include <QCoreApplication>

namespace Gavel::Models {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("InvoiceImport", text);
}

std::optional<QString> invoiceStatus(const QString &text)
{
    const QString key = text.trimmed().toLower().replace(u' ', u'_').replace(u'-', u'_');
    static const QStringList known = {QStringLiteral("issued"), QStringLiteral("paid"), QStringLiteral("part_paid"),
                                      QStringLiteral("overdue"), QStringLiteral("cancelled")};
    if (known.contains(key)) {
        return key;
    }
    if (key == u"unpaid" || key == u"open" || key == u"due") {
        return QStringLiteral("issued");
    }
    if (key == u"partially_paid" || key == u"part_payment") {
        return QStringLiteral("part_paid");
    }
    if (key == u"void" || key == u"canceled") {
        return QStringLiteral("cancelled");
    }
    return std::nullopt;
}

} // namespace

InvoiceImport::InvoiceImport(ImportSession &session)
    : m_session(session), m_merger(session.database, QStringLiteral("invoices"), true, session.now),
      m_events(session.database)
{
}

Result<std::optional<qint64>> InvoiceImport::amount(const ImportRow &row, const char *key, int decimals,
                                                    RowResult &rejected)
{
    const QString text = row.value(field(key));
    if (text.isEmpty()) {
        return std::optional<qint64>();
    }
    const auto minor = ImportValues::money(text, decimals);
    if (!minor) {
        rejected = RowResult::rejected(field(key), tr("“%1” is not an amount.").arg(text));
    }
    return minor;
}

Result<RowResult> InvoiceImport::handle(const ImportRow &row)
{
    const QString number = row.value(field("invoice_no"));
    if (number.isEmpty()) {
        return RowResult::rejected(field("invoice_no"), tr("Every line needs its invoice number."));
    }
    const QString customerRef = row.value(field("customer"));
    auto customer = m_session.resolver.customer(customerRef);
    if (!customer) {
        return customer.error();
    }
    if (*customer == 0) {
        return RowResult::rejected(field("customer"), customerRef.isEmpty()
                                                          ? tr("The customer's ID or e-mail is missing.")
                                                          : tr("There is no customer “%1”.").arg(customerRef));
    }
    const QString issuedText = row.value(field("issued_at"));
    const auto issuedAt = ImportValues::dateTime(issuedText);
    if (!issuedAt) {
        return RowResult::rejected(field("issued_at"), issuedText.isEmpty()
                                                           ? tr("The invoice date is missing.")
                                                           : tr("“%1” is not a date.").arg(issuedText));
    }
    QString currency = row.value(field("currency")).toUpper();
    if (currency.isEmpty()) {
        currency = m_session.currency;
    }
    const int decimals = currencyDecimals(currency);
    QVariantMap header;
    header.insert(QStringLiteral("customer_id"), *customer);
    header.insert(QStringLiteral("issued_at"), *issuedAt);
    for (const char *key : {"due_at", "paid_at"}) {
        if (const QString text = row.value(field(key)); !text.isEmpty()) {
            const auto at = ImportValues::dateTime(text);
            if (!at) {
                return RowResult::rejected(field(key), tr("“%1” is not a date.").arg(text));
            }
            header.insert(QString::fromLatin1(key), *at);
        }
    }
    if (const QString text = row.value(field("status")); !text.isEmpty()) {
        const auto status = invoiceStatus(text);
        if (!status) {
            return RowResult::rejected(field("status"),
                                       tr("“%1” is not an invoice status (issued, paid, part paid, overdue, "
                                          "cancelled).")
                                           .arg(text));
        }
        header.insert(QStringLiteral("status"), *status);
    } else if (header.contains(QStringLiteral("paid_at"))) {
        header.insert(QStringLiteral("status"), QStringLiteral("paid"));
    }
    if (const QString text = row.value(field("payment_method")); !text.isEmpty()) {
        header.insert(QStringLiteral("payment_method"), text);
    }
    RowResult rejected;
    auto delivery = amount(row, "delivery", decimals, rejected);
    if (rejected.kind == RowResult::Kind::Rejected) {
        return rejected;
    }
    if (*delivery) {
        header.insert(QStringLiteral("delivery_minor"), **delivery);
    }
    qint64 saleId = 0;
    qint64 lotId = 0;
    const QString saleNo = row.value(field("sale_no"));
    const QString lotNo = row.value(field("lot_no"));
    if (!saleNo.isEmpty() && !lotNo.isEmpty()) {
        auto lot = m_session.resolver.lot(saleNo, lotNo);
        if (!lot) {
            return lot.error();
        }
        if (!lot->has_value()) {
            return RowResult::rejected(field("lot_no"), tr("There is no lot %1 in sale %2.").arg(lotNo, saleNo));
        }
        lotId = (*lot)->id;
        saleId = (*lot)->saleId;
    } else if (!saleNo.isEmpty()) {
        auto sale = m_session.resolver.sale(saleNo);
        if (!sale) {
            return sale.error();
        }
        if (!sale->has_value()) {
            return RowResult::rejected(field("sale_no"), tr("There is no sale %1.").arg(saleNo));
        }
        saleId = (*sale)->id;
    }
    if (saleId != 0) {
        header.insert(QStringLiteral("sale_id"), saleId);
    }
    std::optional<qint64> hammer;
    std::optional<qint64> premium;
    std::optional<qint64> tax;
    std::optional<qint64> lineAmount;
    for (auto [key, out] : {std::pair{"hammer", &hammer}, std::pair{"premium", &premium}, std::pair{"tax", &tax},
                            std::pair{"amount", &lineAmount}}) {
        auto parsed = amount(row, key, decimals, rejected);
        if (rejected.kind == RowResult::Kind::Rejected) {
            return rejected;
        }
        *out = *parsed;
    }
    const QString lineText = row.value(field("line_no"));
    std::optional<qint64> lineNo;
    if (!lineText.isEmpty()) {
        lineNo = ImportValues::integer(lineText);
        if (!lineNo || *lineNo < 1) {
            return RowResult::rejected(field("line_no"), tr("“%1” is not a line number.").arg(lineText));
        }
    }

    const QSqlDatabase db = m_session.database.connection();
    RowResult result = RowResult::unchanged();
    qint64 invoiceId = m_invoices.value(number);
    if (invoiceId == 0) {
        auto existing = Sql::scalar(db, QStringLiteral("SELECT id FROM invoices WHERE invoice_no = ?"), {number},
                                    tr("looking up invoice %1").arg(number));
        if (!existing) {
            return existing.error();
        }
        if (existing->isNull()) {
            auto inserted = Sql::exec(
                db,
                QStringLiteral("INSERT INTO invoices (invoice_no, customer_id, sale_id, issued_at, due_at, paid_at,"
                               " status, currency, delivery_minor, total_minor, payment_method, updated_at, updated_by)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)"),
                {number, *customer, Sql::intOrNull(saleId), *issuedAt,
                 Sql::intOrNull(header.value(QStringLiteral("due_at")).toLongLong()),
                 Sql::intOrNull(header.value(QStringLiteral("paid_at")).toLongLong()),
                 header.value(QStringLiteral("status"), QStringLiteral("issued")), currency,
                 header.value(QStringLiteral("delivery_minor"), 0).toLongLong(),
                 Sql::textOrNull(header.value(QStringLiteral("payment_method")).toString()), m_session.now,
                 m_session.actor},
                tr("adding invoice %1").arg(number));
            if (!inserted) {
                return inserted.error();
            }
            auto id = Sql::scalar(db, QStringLiteral("SELECT id FROM invoices WHERE invoice_no = ?"), {number},
                                  tr("adding invoice %1").arg(number));
            if (!id) {
                return id.error();
            }
            invoiceId = id->toLongLong();
            if (Status status = m_merger.remember(invoiceId, header); !status) {
                return status.error();
            }
            result = RowResult::created();
            ImportEvents::Refs refs;
            refs.invoice = invoiceId;
            refs.sale = saleId;
            if (Status status = m_events.add(*customer, *issuedAt, EventKind::InvoiceIssued, number, refs); !status) {
                return status.error();
            }
            if (header.contains(QStringLiteral("paid_at"))) {
                if (Status status = m_events.add(*customer, header.value(QStringLiteral("paid_at")).toLongLong(),
                                                 EventKind::InvoicePaid, number, refs);
                    !status) {
                    return status.error();
                }
            }
        } else {
            invoiceId = existing->toLongLong();
            auto before = m_merger.previous(invoiceId);
            if (!before) {
                return before.error();
            }
            auto merged = m_merger.merge(invoiceId, header, *before);
            if (!merged) {
                return merged.error();
            }
            if (*merged == ImportMerger::Change::Updated) {
                result = RowResult::updated();
            }
        }
        m_invoices.insert(number, invoiceId);
    }

    const int line = lineNo ? static_cast<int>(*lineNo) : ++m_lineCounts[invoiceId];
    QString description = row.value(field("description"));
    if (description.isEmpty()) {
        description = lotNo.isEmpty() ? tr("Line %1").arg(line) : tr("Lot %1").arg(lotNo);
    }
    const qint64 total = lineAmount.value_or(hammer.value_or(0) + premium.value_or(0) + tax.value_or(0));
    auto existingLine =
        Sql::exec(db,
                  QStringLiteral("SELECT lot_id, description, hammer_minor, premium_minor, tax_minor,"
                                 " amount_minor FROM invoice_lines WHERE invoice_id = ? AND line_no = ?"),
                  {invoiceId, line}, tr("reading invoice %1").arg(number));
    if (!existingLine) {
        return existingLine.error();
    }
    const QVariantList lineValues = {Sql::intOrNull(lotId), description,     hammer.value_or(0),
                                     premium.value_or(0),   tax.value_or(0), total};
    if (existingLine->next()) {
        bool same = true;
        for (int i = 0; i < lineValues.size(); ++i) {
            same = same && existingLine->value(i).toString() == lineValues.at(i).toString();
        }
        existingLine->finish();
        if (!same) {
            auto updated = Sql::exec(db,
                                     QStringLiteral("UPDATE invoice_lines SET lot_id = ?, description = ?,"
                                                    " hammer_minor = ?, premium_minor = ?, tax_minor = ?,"
                                                    " amount_minor = ? WHERE invoice_id = ? AND line_no = ?"),
                                     lineValues + QVariantList{invoiceId, line}, tr("updating invoice %1").arg(number));
            if (!updated) {
                return updated.error();
            }
            if (result.kind == RowResult::Kind::Unchanged) {
                result = RowResult::updated();
            }
        }
    } else {
        existingLine->finish();
        auto inserted =
            Sql::exec(db,
                      QStringLiteral("INSERT INTO invoice_lines (lot_id, description, hammer_minor,"
                                     " premium_minor, tax_minor, amount_minor, invoice_id, line_no)"
                                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                      lineValues + QVariantList{invoiceId, line}, tr("adding a line to invoice %1").arg(number));
        if (!inserted) {
            return inserted.error();
        }
        if (result.kind != RowResult::Kind::Created) {
            result = RowResult::updated();
        }
    }
    m_touched.insert(invoiceId);
    return result;
}

Result<qint64> InvoiceImport::endBatch()
{
    auto flushed = m_events.flush();
    if (!flushed) {
        return flushed.error();
    }
    const QSqlDatabase db = m_session.database.connection();
    for (const qint64 id : std::as_const(m_touched)) {
        // Totals follow the lines; the version moves only when a total actually changed.
        auto updated = Sql::exec(
            db,
            QStringLiteral("UPDATE invoices SET hammer_minor = t.hammer, premium_minor = t.premium, tax_minor = t.tax,"
                           " total_minor = t.amount + invoices.delivery_minor,"
                           " version = CASE WHEN invoices.total_minor = 0 THEN invoices.version"
                           " ELSE invoices.version + 1 END"
                           " FROM (SELECT coalesce(sum(hammer_minor), 0) AS hammer,"
                           " coalesce(sum(premium_minor), 0) AS premium, coalesce(sum(tax_minor), 0) AS tax,"
                           " coalesce(sum(amount_minor), 0) AS amount FROM invoice_lines WHERE invoice_id = ?) AS t"
                           " WHERE invoices.id = ? AND (invoices.hammer_minor <> t.hammer"
                           " OR invoices.premium_minor <> t.premium OR invoices.tax_minor <> t.tax"
                           " OR invoices.total_minor <> t.amount + invoices.delivery_minor)"),
            {id, id}, tr("adding up the invoice"));
        if (!updated) {
            return updated.error();
        }
    }
    m_touched.clear();
    return qint64(0);
}

} // namespace Gavel::Models
