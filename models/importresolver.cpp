#include "importresolver.h"

#include "database.h"
#include "preparedstatements.h"
#include "sql.h"

namespace Gavel::Models {

ImportResolver::ImportResolver(Database &database) : m_database(database), m_statements(database.connection()) {}

Result<qint64> ImportResolver::lookup(QHash<QString, qint64> &cache, const QString &key, const QString &statement,
                                      const QVariantList &values, const QString &what)
{
    const auto found = cache.constFind(key);
    if (found != cache.constEnd()) {
        return *found;
    }
    auto id = m_statements.scalar(statement, values, what);
    if (!id) {
        return id.error();
    }
    const qint64 value = id->isNull() ? 0 : id->toLongLong();
    cache.insert(key, value);
    return value;
}

Result<qint64> ImportResolver::customer(const QString &reference)
{
    // A million bids name a few thousand customers: the reference as written finds most of
    // them without a copy.
    if (const auto found = m_customersByReference.constFind(reference); found != m_customersByReference.constEnd()) {
        return *found;
    }
    const QString key = reference.trimmed();
    if (key.isEmpty()) {
        return qint64(0);
    }
    const QString what = QStringLiteral("looking up the customer “%1”").arg(key);
    Result<qint64> id = qint64(0);
    if (key.contains(u'@')) {
        const QString email = key.toLower();
        id = lookup(m_customersByEmail, email,
                    QStringLiteral("SELECT min(id) FROM customers WHERE email = ? OR email = ?"), {email, key}, what);
    } else {
        id =
            lookup(m_customersByNo, key, QStringLiteral("SELECT id FROM customers WHERE customer_no = ?"), {key}, what);
    }
    if (id && *id != 0) {
        m_customersByReference.insert(reference, *id);
    }
    return id;
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
    auto query = m_statements.exec(QStringLiteral("SELECT id, starts_at, currency FROM sales WHERE sale_no = ?"),
                                   {saleNo}, QStringLiteral("looking up the sale “%1”").arg(saleNo));
    if (!query) {
        return query.error();
    }
    std::optional<Sale> sale;
    if ((*query)->next()) {
        sale = Sale{(*query)->value(0).toLongLong(), (*query)->value(1).toLongLong(), (*query)->value(2).toString()};
    }
    (*query)->finish();
    m_sales.insert(saleNo, sale);
    return sale;
}

Result<std::optional<ImportResolver::Lot>> ImportResolver::lot(const QString &saleNo, const QString &lotNo)
{
    // By sale, then by lot number: no key is built per row.
    QHash<QString, std::optional<Lot>> &lots = m_lots[saleNo];
    const auto found = lots.constFind(lotNo);
    if (found != lots.constEnd()) {
        return *found;
    }
    auto query =
        m_statements.exec(QStringLiteral("SELECT l.id, s.id, s.starts_at, l.currency FROM lots l"
                                         " JOIN sales s ON s.id = l.sale_id WHERE s.sale_no = ? AND l.lot_no = ?"),
                          {saleNo, lotNo}, QStringLiteral("looking up lot %1 of sale %2").arg(lotNo, saleNo));
    if (!query) {
        return query.error();
    }
    std::optional<Lot> lot;
    if ((*query)->next()) {
        lot = Lot{(*query)->value(0).toLongLong(), (*query)->value(1).toLongLong(), (*query)->value(2).toLongLong(),
                  (*query)->value(3).toString()};
    }
    (*query)->finish();
    lots.insert(lotNo, lot);
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

void ImportResolver::forget()
{
    m_customersByReference.clear();
    m_customersByNo.clear();
    m_customersByEmail.clear();
    m_customersByPhone.clear();
    m_sales.clear();
    m_lots.clear();
    m_departments.clear();
    m_categories.clear();
    m_campaigns.clear();
    m_subscriptionCategories.clear();
}

void ImportResolver::rememberSale(const QString &saleNo, const Sale &sale)
{
    m_sales.insert(saleNo, sale);
}

void ImportResolver::rememberLot(const QString &saleNo, const QString &lotNo, const Lot &lot)
{
    m_lots[saleNo].insert(lotNo, lot);
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
