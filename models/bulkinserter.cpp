#include "bulkinserter.h"

#include "sql.h"

#include <QElapsedTimer>
#include <QSqlError>

namespace Gavel::Models {

namespace {

constexpr int kPostgresRowsPerStatement = 500;
/// Measured on 1M timeline rows: 32 rows per statement cut the CPU time by a fifth against
/// one (Qt's per-execution overhead and SQLite's statement steps); more gains little.
constexpr int kSqliteRowsPerStatement = 32;

/// NULL as Qt SQL binds it: an invalid or null variant, or a null QString (which Qt 6's
/// QVariant::isNull() no longer reports, but the drivers still bind as NULL).
bool isSqlNull(const QVariant &value)
{
    if (value.isNull()) {
        return true;
    }
    return value.metaType() == QMetaType::fromType<QString>() && static_cast<const QString *>(value.constData())->isNull();
}

} // namespace

struct BulkInserter::Statement
{
    explicit Statement(const QSqlDatabase &db) : query(db) {}

    QList<qsizetype> columns; ///< indexes into m_columns, in order
    QString rowText;          ///< "(?, ?, ?)"
    QString head;             ///< "INSERT INTO t (a, b, c) VALUES "
    QSqlQuery query;          ///< prepared for rowsPerStatement rows
    QVariantList buffer;      ///< buffered values (PostgreSQL)
    int bufferedRows = 0;

    QString sql(int rows) const
    {
        QString text = head;
        text.reserve(head.size() + rows * (rowText.size() + 2));
        for (int i = 0; i < rows; ++i) {
            if (i > 0) {
                text += QStringLiteral(", ");
            }
            text += rowText;
        }
        return text;
    }
};

BulkInserter::BulkInserter(const QSqlDatabase &db, Engine engine, QString table, QStringList columns,
                           int rowsPerStatement)
    : m_db(db), m_table(std::move(table)), m_columns(std::move(columns)),
      m_rowsPerStatement(rowsPerStatement > 0 ? rowsPerStatement
                                              : (engine == Engine::Postgres ? kPostgresRowsPerStatement : kSqliteRowsPerStatement))
{
    Q_ASSERT(m_columns.size() <= 64);
    m_row.resize(m_columns.size());
}

BulkInserter::~BulkInserter() = default;

Result<BulkInserter::Statement *> BulkInserter::statementFor(quint64 mask)
{
    if (m_last && mask == m_lastMask) {
        return m_last;
    }
    auto found = m_statements.find(mask);
    if (found == m_statements.end()) {
        auto statement = std::make_unique<Statement>(m_db);
        QStringList names;
        for (qsizetype i = 0; i < m_columns.size(); ++i) {
            if (mask & (quint64(1) << i)) {
                statement->columns << i;
                names << m_columns.at(i);
            }
        }
        // Only the table and column names, the caller's constants, are spliced in; every
        // value is a placeholder.
        statement->head = QStringLiteral("INSERT INTO ") + m_table + QStringLiteral(" (") +
                          names.join(QStringLiteral(", ")) + QStringLiteral(") VALUES ");
        statement->rowText = QStringLiteral("(") +
                             QStringList(names.size(), QStringLiteral("?")).join(QStringLiteral(", ")) +
                             QStringLiteral(")");
        statement->query.setForwardOnly(true);
        if (!statement->query.prepare(statement->sql(m_rowsPerStatement))) {
            return Sql::errorFrom(statement->query.lastError(),
                                  QStringLiteral("preparing to write to %1").arg(m_table));
        }
        if (m_rowsPerStatement > 1) {
            statement->buffer.reserve(static_cast<qsizetype>(m_rowsPerStatement) * names.size());
        }
        found = m_statements.emplace(mask, std::move(statement)).first;
    }
    m_last = found->second.get();
    m_lastMask = mask;
    return m_last;
}

Status BulkInserter::execute(Statement &statement, QSqlQuery &query, int rows)
{
    Q_UNUSED(statement);
    QElapsedTimer timer;
    timer.start();
    const bool ok = query.exec();
    m_elapsedNs += timer.nsecsElapsed();
    if (!ok) {
        Error error = Sql::errorFrom(query.lastError(), QStringLiteral("writing to the table %1").arg(m_table));
        error.detail += QStringLiteral(" — %1 row(s) up to row %2").arg(rows).arg(m_rows);
        return error;
    }
    return {};
}

Status BulkInserter::endRow()
{
    if (m_valuesInRow != m_columns.size()) {
        const qsizetype given = m_valuesInRow;
        m_valuesInRow = 0;
        return Error::make(
            ErrorKind::General,
            QStringLiteral("A row for %1 has %2 values for %3 columns.").arg(m_table).arg(given).arg(m_columns.size()));
    }
    m_valuesInRow = 0;
    ++m_rows;

    quint64 mask = m_columns.size() == 64 ? ~quint64(0) : (quint64(1) << m_columns.size()) - 1;
    if (m_skipNulls) {
        for (qsizetype i = 0; i < m_row.size(); ++i) {
            if (isSqlNull(m_row.at(i))) {
                mask &= ~(quint64(1) << i);
            }
        }
    }
    auto found = statementFor(mask);
    if (!found) {
        return found.error();
    }
    Statement &statement = **found;
    if (m_rowsPerStatement == 1) {
        int position = 0;
        for (const qsizetype column : std::as_const(statement.columns)) {
            statement.query.bindValue(position++, m_row.at(column));
        }
        return execute(statement, statement.query, 1);
    }
    for (const qsizetype column : std::as_const(statement.columns)) {
        statement.buffer.append(m_row.at(column));
    }
    if (++statement.bufferedRows < m_rowsPerStatement) {
        return {};
    }
    for (qsizetype i = 0; i < statement.buffer.size(); ++i) {
        statement.query.bindValue(static_cast<int>(i), statement.buffer.at(i));
    }
    statement.buffer.clear();
    statement.bufferedRows = 0;
    return execute(statement, statement.query, m_rowsPerStatement);
}

Status BulkInserter::flush(Statement &statement)
{
    if (statement.bufferedRows == 0) {
        return {};
    }
    // The remainder gets a statement of its own size.
    QSqlQuery rest(m_db);
    rest.setForwardOnly(true);
    if (!rest.prepare(statement.sql(statement.bufferedRows))) {
        return Sql::errorFrom(rest.lastError(), QStringLiteral("preparing to write to %1").arg(m_table));
    }
    for (qsizetype i = 0; i < statement.buffer.size(); ++i) {
        rest.bindValue(static_cast<int>(i), statement.buffer.at(i));
    }
    const int rows = statement.bufferedRows;
    statement.buffer.clear();
    statement.bufferedRows = 0;
    return execute(statement, rest, rows);
}

Status BulkInserter::finish()
{
    if (m_valuesInRow != 0) {
        m_valuesInRow = 0;
        return Error::make(ErrorKind::General, QStringLiteral("A row for %1 was left incomplete.").arg(m_table));
    }
    for (auto &entry : m_statements) {
        if (Status status = flush(*entry.second); !status) {
            return status;
        }
    }
    return {};
}

} // namespace Gavel::Models
