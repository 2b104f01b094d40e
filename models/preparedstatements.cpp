#include "preparedstatements.h"

#include "sql.h"

#include <QSqlError>

namespace Gavel::Models {

namespace {

/// Statements whose text is built from the columns a row fills (an UPDATE of the fields that
/// changed) come in a handful of shapes; past this many something builds them per row.
constexpr qsizetype kMaxStatements = 256;

} // namespace

PreparedStatements::PreparedStatements(const QSqlDatabase &db) : m_db(db) {}

PreparedStatements::~PreparedStatements() = default;

Result<QSqlQuery *> PreparedStatements::exec(const QString &statement, const QVariantList &values, const QString &what)
{
    std::shared_ptr<QSqlQuery> &query = m_queries[statement];
    const auto failed = [&] {
        Error error = Sql::errorFrom(query->lastError(), what);
        error.detail += QStringLiteral(" — in: ") + statement.simplified().left(160);
        query.reset(); // prepared again next time
        return error;
    };
    if (!query) {
        if (m_queries.size() > kMaxStatements) {
            m_queries.clear();
            return exec(statement, values, what);
        }
        query = std::make_shared<QSqlQuery>(m_db);
        query->setForwardOnly(true);
        if (!query->prepare(statement)) {
            return failed();
        }
    } else {
        query->finish();
    }
    for (qsizetype i = 0; i < values.size(); ++i) {
        query->bindValue(static_cast<int>(i), values.at(i));
    }
    if (!query->exec()) {
        return failed();
    }
    return query.get();
}

Result<QVariant> PreparedStatements::scalar(const QString &statement, const QVariantList &values, const QString &what)
{
    auto query = exec(statement, values, what);
    if (!query) {
        return query.error();
    }
    QVariant value;
    if ((*query)->next()) {
        value = (*query)->value(0);
    }
    (*query)->finish();
    return value;
}

} // namespace Gavel::Models
