#pragma once

#include "database.h"
#include "sql.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

namespace Gavel::Tests {

/// Runs a test fixture's statements; the first failure is kept and everything after it
/// skipped, so that building reads as a list and is checked once (QVERIFY2(f.error().isEmpty(), …)).
class SqlFixture final
{
public:
    explicit SqlFixture(const Models::Database &database) : m_db(database.connection()) {}

    /// Runs `sql` with `values`; returns the id of a statement ending in RETURNING id, else 0.
    qint64 run(const QString &sql, const QVariantList &values = {})
    {
        if (!m_error.isEmpty()) {
            return 0;
        }
        auto result = Models::Sql::scalar(m_db, sql, values, QStringLiteral("building the fixture"));
        if (!result) {
            m_error = result.error().fullText();
            return 0;
        }
        return result->toLongLong();
    }
    QString error() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_error;
};

} // namespace Gavel::Tests
