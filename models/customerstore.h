#pragma once

#include "customer.h"
#include "result.h"

#include <QSqlDatabase>

#include <optional>

namespace Gavel::Models {

class Database;

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

    /// The column list every customer SELECT uses, in the order readRow() expects.
    static QString selectColumns(const QString &tableAlias = {});
    static Customer readRow(const class QSqlQuery &query, int firstColumn = 0);

private:
    QSqlDatabase m_db;
    QString m_actor;
};

} // namespace Gavel::Models
