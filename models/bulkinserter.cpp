#include "bulkinserter.h"

#include "sql.h"

#include <QElapsedTimer>
#include <QSqlError>

namespace Gavel::Models {

namespace {

constexpr int kPostgresRowsPerStatement = 500;

} // namespace

BulkInserter::BulkInserter(const QSqlDatabase &db, Engine engine, QString table, QStringList columns,
                           int rowsPerStatement)
    : m_db(db), m_table(std::move(table)), m_columns(std::move(columns)),
      m_rowsPerStatement(rowsPerStatement > 0 ? rowsPerStatement
                                              : (engine == Engine::Postgres ? kPostgresRowsPerStatement : 1)),
      m_buffered(m_rowsPerStatement > 1), m_query(db)
{
    if (m_buffered) {
        m_buffer.reserve(static_cast<qsizetype>(m_rowsPerStatement) * m_columns.size());
    }
    // Prepared up front: on SQLite the values are bound straight into this statement, and
    // prepare() would clear them. A failure is reported by the first endRow().
    m_query.setForwardOnly(true);
    if (!m_query.prepare(statement(m_rowsPerStatement))) {
        m_prepareError = Sql::errorFrom(m_query.lastError(), QStringLiteral("preparing to write to %1").arg(m_table));
    }
}

QString BulkInserter::statement(int rows) const
{
    // Only the table and column names, which are the caller's constants, are spliced in;
    // every value is a placeholder.
    QString row = QStringLiteral("(?");
    for (qsizetype i = 1; i < m_columns.size(); ++i) {
        row += QStringLiteral(", ?");
    }
    row += u')';
    QString sql = QStringLiteral("INSERT INTO ") + m_table + QStringLiteral(" (") +
                  m_columns.join(QStringLiteral(", ")) + QStringLiteral(") VALUES ");
    sql.reserve(sql.size() + rows * (row.size() + 2));
    for (int i = 0; i < rows; ++i) {
        if (i > 0) {
            sql += QStringLiteral(", ");
        }
        sql += row;
    }
    return sql;
}

BulkInserter &BulkInserter::operator<<(const QVariant &value)
{
    if (m_buffered) {
        m_buffer.append(value);
    } else {
        m_query.bindValue(m_valuesInRow, value);
    }
    ++m_valuesInRow;
    return *this;
}

Status BulkInserter::execute(QSqlQuery &query, int rows)
{
    QElapsedTimer timer;
    timer.start();
    const bool ok = query.exec();
    m_elapsedNs += timer.nsecsElapsed();
    if (!ok) {
        Error error = Sql::errorFrom(query.lastError(), QStringLiteral("writing to the table %1").arg(m_table));
        error.detail += QStringLiteral(" — %1 row(s) ending at row %2").arg(rows).arg(m_rows);
        return error;
    }
    return {};
}

Status BulkInserter::endRow()
{
    if (m_valuesInRow != m_columns.size()) {
        return Error::make(ErrorKind::General, QStringLiteral("A row for %1 has %2 values for %3 columns.")
                                                   .arg(m_table)
                                                   .arg(m_valuesInRow)
                                                   .arg(m_columns.size()));
    }
    if (!m_prepareError.message.isEmpty()) {
        return m_prepareError;
    }
    m_valuesInRow = 0;
    ++m_rows;
    if (!m_buffered) {
        return execute(m_query, 1);
    }
    if (++m_bufferedRows < m_rowsPerStatement) {
        return {};
    }
    for (qsizetype i = 0; i < m_buffer.size(); ++i) {
        m_query.bindValue(static_cast<int>(i), m_buffer.at(i));
    }
    m_buffer.clear();
    m_bufferedRows = 0;
    return execute(m_query, m_rowsPerStatement);
}

Status BulkInserter::finish()
{
    if (m_valuesInRow != 0) {
        return Error::make(ErrorKind::General, QStringLiteral("A row for %1 was left incomplete.").arg(m_table));
    }
    if (!m_buffered || m_bufferedRows == 0) {
        return {};
    }
    // The remainder gets a statement of its own size, prepared once here.
    QSqlQuery rest(m_db);
    rest.setForwardOnly(true);
    if (!rest.prepare(statement(m_bufferedRows))) {
        return Sql::errorFrom(rest.lastError(), QStringLiteral("preparing to write to %1").arg(m_table));
    }
    for (qsizetype i = 0; i < m_buffer.size(); ++i) {
        rest.bindValue(static_cast<int>(i), m_buffer.at(i));
    }
    const int rows = m_bufferedRows;
    m_buffer.clear();
    m_bufferedRows = 0;
    return execute(rest, rows);
}

} // namespace Gavel::Models
