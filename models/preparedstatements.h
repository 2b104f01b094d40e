#pragma once

#include "result.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include <memory>

namespace Gavel::Models {

/// Statements prepared once and run again and again on one connection, for work that runs
/// the same few statements for every row of a file (an import's customers and lots).
///
/// Sql::exec prepares each time: on PostgreSQL that is three round trips (prepare, execute,
/// deallocate) where a prepared statement needs one, and on SQLite the statement is
/// compiled again for every row. The same rules as Sql::exec otherwise: every value bound,
/// forward-only queries. Keep one per connection and per piece of work; the queries go
/// with it.
class PreparedStatements final
{
public:
    explicit PreparedStatements(const QSqlDatabase &db);
    ~PreparedStatements();
    PreparedStatements(const PreparedStatements &) = delete;
    PreparedStatements &operator=(const PreparedStatements &) = delete;

    /// Runs `statement` with `values`. The query stays here: read it with next() before the
    /// same statement runs again, and finish() a SELECT when done with it.
    Result<QSqlQuery *> exec(const QString &statement, const QVariantList &values, const QString &what);
    /// The first value of the first row; a null QVariant when there is no row.
    Result<QVariant> scalar(const QString &statement, const QVariantList &values, const QString &what);

private:
    QSqlDatabase m_db;
    QHash<QString, std::shared_ptr<QSqlQuery>> m_queries;
};

} // namespace Gavel::Models
