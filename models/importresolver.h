#pragma once

#include "preparedstatements.h"
#include "result.h"

#include <QHash>
#include <QString>

#include <optional>

namespace Gavel::Models {

class Database;

/// Finds the records an imported row refers to by their external keys (Customer ID or
/// e-mail, sale number, sale + lot number, department and category code or name, campaign
/// ID), with a cache, so that a million bids over a few thousand lots cost a few thousand
/// lookups. The cache lives for one import; importers remember() what they create.
class ImportResolver final
{
public:
    explicit ImportResolver(Database &database);

    struct Sale
    {
        qint64 id = 0;
        qint64 startsAt = 0;
        QString currency;
    };
    struct Lot
    {
        qint64 id = 0;
        qint64 saleId = 0;
        qint64 saleStartsAt = 0;
        QString currency;
    };

    /// A Customer ID, or an e-mail address (anything with an @). 0 when none matches.
    Result<qint64> customer(const QString &reference);
    /// By the SMS number or phone as well, for SMS platforms' exports.
    Result<qint64> customerByPhone(const QString &number);
    Result<std::optional<Sale>> sale(const QString &saleNo);
    Result<std::optional<Lot>> lot(const QString &saleNo, const QString &lotNo);
    /// By code, else by name (case-insensitive). 0 when none matches.
    Result<qint64> department(const QString &codeOrName);
    Result<qint64> category(const QString &codeOrName);
    Result<qint64> campaign(const QString &key);
    /// The id of a subscription category by code ("newsletter").
    Result<qint64> subscriptionCategory(const QString &code);

    /// Drops everything cached: another connection changed the database, so a cached id
    /// may no longer be there.
    void forget();

    void rememberCustomer(const QString &customerNo, const QString &email, qint64 id);
    void rememberSale(const QString &saleNo, const Sale &sale);
    void rememberLot(const QString &saleNo, const QString &lotNo, const Lot &lot);
    void rememberDepartment(const QString &code, qint64 id);
    void rememberCategory(const QString &code, qint64 id);
    void rememberCampaign(const QString &key, qint64 id);

private:
    Result<qint64> lookup(QHash<QString, qint64> &cache, const QString &key, const QString &statement,
                          const QVariantList &values, const QString &what);

    Database &m_database;
    PreparedStatements m_statements;
    QHash<QString, qint64> m_customersByReference; ///< found customers by the reference as written
    QHash<QString, qint64> m_customersByNo;
    QHash<QString, qint64> m_customersByEmail;
    QHash<QString, qint64> m_customersByPhone;
    QHash<QString, std::optional<Sale>> m_sales;
    QHash<QString, QHash<QString, std::optional<Lot>>> m_lots; ///< by sale number, then lot number
    QHash<QString, qint64> m_departments;
    QHash<QString, qint64> m_categories;
    QHash<QString, qint64> m_campaigns;
    QHash<QString, qint64> m_subscriptionCategories;
};

} // namespace Gavel::Models
