#include "lotimport.h"

#include "database.h"
#include "importresolver.h"
#include "importvalues.h"
#include "money.h"
#include "preparedstatements.h"
#include "sql.h"

#include <QCoreApplication>

namespace Gavel::Models {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("LotImport", text);
}

/// The number a lot sorts by: 27 for "27" and "27A".
qint64 lotSequence(const QString &lotNo)
{
    qint64 value = 0;
    for (const QChar c : lotNo) {
        if (!c.isDigit()) {
            break;
        }
        value = value * 10 + c.digitValue();
    }
    return value;
}

std::optional<QString> lotStatus(const QString &text)
{
    const QString key = text.trimmed().toLower();
    if (key == u"sold" || key == u"upcoming" || key == u"unsold" || key == u"withdrawn") {
        return key;
    }
    if (key == u"passed" || key == u"bought in" || key == u"not sold") {
        return QStringLiteral("unsold");
    }
    if (key == u"open" || key == u"active" || key == u"available") {
        return QStringLiteral("upcoming");
    }
    return std::nullopt;
}

} // namespace

LotImport::LotImport(ImportSession &session)
    : m_session(session), m_lots(session.database, QStringLiteral("lots"), false, session.now),
      m_sales(session.database, QStringLiteral("sales"), false, session.now),
      m_statements(session.database.connection())
{
}

Result<qint64> LotImport::saleFor(const ImportRow &row, const QString &saleNo, const QString &currency, bool &created)
{
    auto known = m_session.resolver.sale(saleNo);
    if (!known) {
        return known.error();
    }
    const QString title = row.value(field("sale_title"));
    const QString dateText = row.value(field("sale_date"));
    const auto startsAt = ImportValues::dateTime(dateText);
    QVariantMap values;
    if (!title.isEmpty()) {
        values.insert(QStringLiteral("title"), title);
    }
    if (startsAt) {
        values.insert(QStringLiteral("starts_at"), *startsAt);
    }
    if (known->has_value()) {
        const qint64 id = (*known)->id;
        if (!m_salesSeen.contains(saleNo)) {
            m_salesSeen.insert(saleNo);
            auto before = m_sales.previous(id);
            if (!before) {
                return before.error();
            }
            auto merged = m_sales.merge(id, values, *before);
            if (!merged) {
                return merged.error();
            }
        }
        return id;
    }
    const qint64 starts = startsAt.value_or(m_session.now);
    const QSqlDatabase db = m_session.database.connection();
    auto inserted =
        m_statements.exec(QStringLiteral("INSERT INTO sales (sale_no, title, starts_at, status, currency)"
                                         " VALUES (?, ?, ?, ?, ?)"),
                          {saleNo, title.isEmpty() ? tr("Sale %1").arg(saleNo) : title, starts,
                           starts < m_session.now ? QStringLiteral("closed") : QStringLiteral("upcoming"), currency},
                          tr("adding sale %1").arg(saleNo));
    if (!inserted) {
        return inserted.error();
    }
    auto id = m_statements.scalar(QStringLiteral("SELECT id FROM sales WHERE sale_no = ?"), {saleNo},
                                  tr("adding sale %1").arg(saleNo));
    if (!id) {
        return id.error();
    }
    m_session.resolver.rememberSale(saleNo, {id->toLongLong(), starts, currency});
    m_salesSeen.insert(saleNo);
    if (Status status = m_sales.remember(id->toLongLong(), values); !status) {
        return status.error();
    }
    created = true;
    return id->toLongLong();
}

Result<RowResult> LotImport::handle(const ImportRow &row)
{
    const int saleField = field("sale_no");
    const int lotField = field("lot_no");
    const QString saleNo = row.value(saleField);
    const QString lotNo = row.value(lotField);
    if (saleNo.isEmpty()) {
        return RowResult::rejected(saleField, tr("Every lot needs a sale number."));
    }
    if (lotNo.isEmpty()) {
        return RowResult::rejected(lotField, tr("Every lot needs a lot number."));
    }
    if (lotNo.size() > 10) {
        return RowResult::rejected(lotField,
                                   tr("“%1” is too long for a lot number (10 characters at most).").arg(lotNo));
    }
    const QString title = row.value(field("title"));
    if (title.isEmpty()) {
        return RowResult::rejected(field("title"), tr("Every lot needs a title."));
    }
    QString currency = row.value(field("currency")).toUpper();
    if (currency.isEmpty()) {
        currency = m_session.currency;
    } else if (currency.size() != 3) {
        return RowResult::rejected(field("currency"),
                                   tr("“%1” is not a currency code (GBP, EUR, USD…).").arg(currency));
    }

    QVariantMap values;
    values.insert(QStringLiteral("title"), title);
    static const char *const texts[] = {"description", "maker",      "medium",           "dimensions",
                                        "date_text",   "provenance", "condition_report", "source_ref"};
    for (const char *key : texts) {
        if (const QString text = row.value(field(key)); !text.isEmpty()) {
            values.insert(QString::fromLatin1(key), text);
        }
    }
    const int decimals = currencyDecimals(currency);
    static const std::pair<const char *, const char *> amounts[] = {{"low_estimate", "low_estimate_minor"},
                                                                    {"high_estimate", "high_estimate_minor"},
                                                                    {"start_price", "start_price_minor"},
                                                                    {"reserve", "reserve_minor"},
                                                                    {"hammer", "hammer_minor"}};
    for (const auto &[key, column] : amounts) {
        const QString text = row.value(field(key));
        if (text.isEmpty()) {
            continue;
        }
        const auto minor = ImportValues::money(text, decimals);
        if (!minor || *minor < 0) {
            return RowResult::rejected(field(key), tr("“%1” is not an amount.").arg(text));
        }
        values.insert(QString::fromLatin1(column), *minor);
    }
    if (values.contains(QStringLiteral("low_estimate_minor")) &&
        values.contains(QStringLiteral("high_estimate_minor")) &&
        values.value(QStringLiteral("low_estimate_minor")).toLongLong() >
            values.value(QStringLiteral("high_estimate_minor")).toLongLong()) {
        return RowResult::rejected(field("low_estimate"), tr("The low estimate is above the high estimate."));
    }
    if (const QString text = row.value(field("status")); !text.isEmpty()) {
        const auto status = lotStatus(text);
        if (!status) {
            return RowResult::rejected(field("status"),
                                       tr("“%1” is not a lot status (upcoming, sold, unsold, withdrawn).").arg(text));
        }
        values.insert(QStringLiteral("status"), *status);
    } else if (values.contains(QStringLiteral("hammer_minor"))) {
        values.insert(QStringLiteral("status"), QStringLiteral("sold"));
    }
    if (const QString text = row.value(field("category")); !text.isEmpty()) {
        auto category = m_session.resolver.category(text);
        if (!category) {
            return category.error();
        }
        if (*category == 0) {
            return RowResult::rejected(field("category"), tr("There is no category “%1”; import the departments and "
                                                             "categories first, or correct the name.")
                                                              .arg(text));
        }
        values.insert(QStringLiteral("category_id"), *category);
        if (row.value(field("department")).isEmpty()) {
            auto department = m_statements.scalar(QStringLiteral("SELECT department_id FROM categories WHERE id = ?"),
                                                  {*category}, tr("looking up the category's department"));
            if (!department) {
                return department.error();
            }
            values.insert(QStringLiteral("department_id"), department->toLongLong());
        }
    }
    if (const QString text = row.value(field("department")); !text.isEmpty()) {
        auto department = m_session.resolver.department(text);
        if (!department) {
            return department.error();
        }
        if (*department == 0) {
            return RowResult::rejected(field("department"), tr("There is no department “%1”.").arg(text));
        }
        values.insert(QStringLiteral("department_id"), *department);
    }
    if (const QString text = row.value(field("consignment_no")); !text.isEmpty()) {
        // Linked when it names a consignment the house knows; a consignor's name (as
        // LiveAuctioneers writes it) is left aside.
        auto consignment = m_statements.scalar(QStringLiteral("SELECT id FROM consignments WHERE consignment_no = ?"),
                                               {text}, tr("looking up the consignment"));
        if (!consignment) {
            return consignment.error();
        }
        if (!consignment->isNull()) {
            values.insert(QStringLiteral("consignment_id"), consignment->toLongLong());
        }
    }

    bool saleCreated = false;
    auto saleId = saleFor(row, saleNo, currency, saleCreated);
    if (!saleId) {
        return saleId.error();
    }
    auto known = m_session.resolver.lot(saleNo, lotNo);
    if (!known) {
        return known.error();
    }
    if (known->has_value()) {
        const qint64 id = (*known)->id;
        auto before = m_lots.previous(id);
        if (!before) {
            return before.error();
        }
        auto merged = m_lots.merge(id, values, *before);
        if (!merged) {
            return merged.error();
        }
        return *merged == ImportMerger::Change::Updated ? RowResult::updated() : RowResult::unchanged();
    }
    QStringList columns = {QStringLiteral("sale_id"), QStringLiteral("lot_no"), QStringLiteral("lot_seq"),
                           QStringLiteral("currency"), QStringLiteral("status")};
    QVariantList bound = {*saleId, lotNo, lotSequence(lotNo), currency,
                          values.value(QStringLiteral("status"), QStringLiteral("upcoming"))};
    QStringList marks(columns.size(), QStringLiteral("?"));
    for (auto it = values.begin(); it != values.end(); ++it) {
        if (it.key() == u"status") {
            continue;
        }
        columns << it.key();
        bound << it.value();
        marks << QStringLiteral("?");
    }
    const QSqlDatabase db = m_session.database.connection();
    auto inserted = m_statements.exec(QStringLiteral("INSERT INTO lots (%1) VALUES (%2)")
                                          .arg(columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", "))),
                                      bound, tr("adding lot %1 of sale %2").arg(lotNo, saleNo));
    if (!inserted) {
        return inserted.error();
    }
    auto id = m_statements.scalar(QStringLiteral("SELECT id FROM lots WHERE sale_id = ? AND lot_no = ?"),
                                  {*saleId, lotNo}, tr("adding lot %1 of sale %2").arg(lotNo, saleNo));
    if (!id) {
        return id.error();
    }
    auto sale = m_session.resolver.sale(saleNo);
    if (!sale) {
        return sale.error();
    }
    m_session.resolver.rememberLot(saleNo, lotNo,
                                   {id->toLongLong(), *saleId, sale->has_value() ? (*sale)->startsAt : 0, currency});
    if (Status status = m_lots.remember(id->toLongLong(), values); !status) {
        return status.error();
    }
    return RowResult::created();
}

} // namespace Gavel::Models
