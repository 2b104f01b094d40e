#include "importresolver.h"

#include "database.h"
#include "sql.h"

namespace Gavel::Models {

ImportResolver::ImportResolver(Database &database) : m_database(database) {}

Result<qint64> ImportResolver::lookup(QHash<QString, qint64> &cache, const QString &key, const QString &statement,
                                      const QVariantList &values, const QString &what)
{
    const auto found = cache.constFind(key);
    if (found != cache.constEnd()) {
        return *found;
    }
    auto id = Sql::scalar(m_database.connection(), statement, values, what);
    if (!id) {
        return id.error();
    }
    const qint64 value = id->isNull() ? 0 : id->toLongLong();
    cache.insert(key, value);
    return value;
}

Result<qint64> ImportResolver::customer(const QString &reference)
{
    const QString key = reference.trimmed();
    if (key.isEmpty()) {
        return qint64(0);
    }
    const QString what = QStringLiteral("looking up the customer “%1”").arg(key);
    if (key.contains(u'@')) {
        const QString email = key.toLower();
        auto exact =
            lookup(m_customersByEmail, email,
                   QStringLiteral("SELECT min(id) FROM customers WHERE email = ? OR email = ?"), {email, key}, what);
        return exact;
    }
    return lookup(m_customersByNo, key, QStringLiteral("SELECT id FROM customers WHERE customer_no = ?"), {key}, what);
}

Result<qint64> ImportResolver::customerByPhone(const QString &number)
{
    const QString key = number.trimmed();
    if (key.isEmpty()) {
        return qint64(0);
    }
    return lookup(m_customersByPhone, key,
                  QStringLiteral("SELECT min(id) FROM customers WHERE sms_number = ? OR phone = ?"), {key, key},
                  QStringLiteral("looking up the customer with the number “%1”").arg(key));
}

Result<std::optional<ImportResolver::Sale>> ImportResolver::sale(const QString &saleNo)
{
    const auto found = m_sales.constFind(saleNo);
    if (found != m_sales.constEnd()) {
        return *found;
    }
    auto query = Sql::exec(m_database.connection(),
                           QStringLiteral("SELECT id, starts_at, currency FROM sales WHERE sale_no = ?"), {saleNo},
                           QStringLiteral("looking up the sale “%1”").arg(saleNo));
    if (!query) {
        return query.error();
    }
    std::optional<Sale> sale;
    if (query->next()) {
        sale = Sale{query->value(0).toLongLong(), query->value(1).toLongLong(), query->value(2).toString()};
    }
    m_sales.insert(saleNo, sale);
    return sale;
}

Result<std::optional<ImportResolver::Lot>> ImportResolver::lot(const QString &saleNo, const QString &lotNo)
{
    const QString key = saleNo + QChar(0x1F) + lotNo;
    const auto found = m_lots.constFind(key);
    if (found != m_lots.constEnd()) {
        return *found;
    }
    auto query = Sql::exec(m_database.connection(),
                           QStringLiteral("SELECT l.id, s.id, s.starts_at, l.currency FROM lots l"
                                          " JOIN sales s ON s.id = l.sale_id WHERE s.sale_no = ? AND l.lot_no = ?"),
                           {saleNo, lotNo}, QStringLiteral("looking up lot %1 of sale %2").arg(lotNo, saleNo));
    if (!query) {
        return query.error();
    }
    std::optional<Lot> lot;
    if (query->next()) {
        lot = Lot{query->value(0).toLongLong(), query->value(1).toLongLong(), query->value(2).toLongLong(),
                  query->value(3).toString()};
    }
    m_lots.insert(key, lot);
    return lot;
}

Result<qint64> ImportResolver::department(const QString &codeOrName)
{
    const QString key = codeOrName.trimmed();
    if (key.isEmpty()) {
        return qint64(0);
    }
    return lookup(m_departments, key.toLower(),
                  QStringLiteral("SELECT min(id) FROM departments WHERE code = ? OR lower(name) = ?"),
                  {key, key.toLower()}, QStringLiteral("looking up the department “%1”").arg(key));
}

Result<qint64> ImportResolver::category(const QString &codeOrName)
{
    const QString key = codeOrName.trimmed();
    if (key.isEmpty()) {
        return qint64(0);
    }
    return lookup(m_categories, key.toLower(),
                  QStringLiteral("SELECT min(id) FROM categories WHERE code = ? OR lower(name) = ?"),
                  {key, key.toLower()}, QStringLiteral("looking up the category “%1”").arg(key));
}

Result<qint64> ImportResolver::campaign(const QString &key)
{
    return lookup(m_campaigns, key, QStringLiteral("SELECT id FROM campaigns WHERE campaign_key = ?"), {key},
                  QStringLiteral("looking up the campaign “%1”").arg(key));
}

Result<qint64> ImportResolver::subscriptionCategory(const QString &code)
{
    return lookup(m_subscriptionCategories, code,
                  QStringLiteral("SELECT id FROM subscription_categories WHERE code = ?"), {code},
                  QStringLiteral("looking up the subscription category “%1”").arg(code));
}

void ImportResolver::rememberCustomer(const QString &customerNo, const QString &email, qint64 id)
{
    if (!customerNo.isEmpty()) {
        m_customersByNo.insert(customerNo, id);
    }
    if (!email.isEmpty()) {
        m_customersByEmail.insert(email.toLower(), id);
    }
}

void ImportResolver::rememberSale(const QString &saleNo, const Sale &sale)
{
    m_sales.insert(saleNo, sale);
}

void ImportResolver::rememberLot(const QString &saleNo, const QString &lotNo, const Lot &lot)
{
    m_lots.insert(saleNo + QChar(0x1F) + lotNo, lot);
}

void ImportResolver::rememberDepartment(const QString &code, qint64 id)
{
    m_departments.insert(code.toLower(), id);
}

void ImportResolver::rememberCategory(const QString &code, qint64 id)
{
    m_categories.insert(code.toLower(), id);
}

void ImportResolver::rememberCampaign(const QString &key, qint64 id)
{
    m_campaigns.insert(key, id);
}

} // namespace Gavel::Models
