#pragma once

#include "customer.h"
#include "result.h"

#include <QList>
#include <QMap>
#include <QSqlDatabase>

#include <optional>

namespace Gavel::Models {

class Database;

/// Everything the Edit Customer dialog saves at once, in one transaction: the customer's
/// fields (checked against the version they were read at), subscriptions per channel and
/// departments.
struct CustomerEdit
{
    Customer customer; ///< the edited fields, with the version they were read at
    QMap<QString, bool>
        channels; ///< channel ("email", "sms") → subscribe to (true) or unsubscribe from all active categories
    QList<qint64> addDepartments; ///< linked with source "staff"
    QList<qint64> removeDepartments;

    bool changesMoreThanTheRow() const
    {
        return !channels.isEmpty() || !addDepartments.isEmpty() || !removeDepartments.isEmpty();
    }
};

/// All SQL about the customers table: read one, create, and update with the row version
/// checked so that two people never silently overwrite each other. Every change is written
/// to the audit log in the same transaction.
class CustomerStore final
{
public:
    explicit CustomerStore(const Database &database);

    Result<Customer> byId(qint64 id);
    Result<std::optional<Customer>> byCustomerNo(const QString &customerNo);
    Result<std::optional<Customer>> byUuid(const QString &uuid);

    /// Inserts a new customer (a UUID is made if it has none) and returns it as stored.
    Result<Customer> create(Customer customer);

    /// Saves `edited` if the stored row still has edited.version; returns the stored row
    /// with its new version. If someone else saved in between, fails with
    /// ErrorKind::Conflict and a message naming who and when; nothing is written.
    Result<Customer> update(const Customer &edited);

    /// Saves an edit in one transaction: the row as update() does (a version conflict writes
    /// nothing at all), then the subscriptions (SubscriptionStore::setChannel) and departments
    /// (DepartmentStore::change). Every change goes to the audit log. Returns the stored row.
    Result<Customer> save(const CustomerEdit &edit);

    /// The column list every customer SELECT uses, in the order readRow() expects.
    static QString selectColumns(const QString &tableAlias = {});
    static Customer readRow(const class QSqlQuery &query, int firstColumn = 0);

private:
    Result<Customer> updateRow(const Customer &edited, const Customer &current);

    QSqlDatabase m_db;
    QString m_actor;
};

} // namespace Gavel::Models
