#pragma once

#include "connectionspec.h"
#include "result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>
#include <QVariantList>

namespace Gavel::Models {

/// Writes many rows into one table as fast as Qt SQL allows, every value bound.
///
/// On SQLite one prepared single-row INSERT is executed per row: statements cost no round
/// trip there, and Qt's prepared inserts reach ~470k rows/s (PERFORMANCE.md). On PostgreSQL
/// every statement is a round trip, so rows are buffered and sent as multi-row INSERTs of
/// rowsPerStatement rows (Qt's execBatch() is emulated row by row and no faster). Run it in
/// a transaction: it never begins or commits one itself.
///
///     BulkInserter bids(db, Engine::Sqlite, "bids", {"id", "lot_id", "amount_minor"});
///     bids << id << lotId << amount;
///     if (Status s = bids.endRow(); !s) return s;
///     …
///     if (Status s = bids.finish(); !s) return s;
class BulkInserter final
{
public:
    /// rowsPerStatement 0 picks the engine's best: 1 on SQLite, 500 on PostgreSQL.
    BulkInserter(const QSqlDatabase &db, Engine engine, QString table, QStringList columns, int rowsPerStatement = 0);
    BulkInserter(const BulkInserter &) = delete;
    BulkInserter &operator=(const BulkInserter &) = delete;

    /// The next value of the current row, in column order. A null QVariant writes NULL.
    BulkInserter &operator<<(const QVariant &value);
    BulkInserter &operator<<(qint64 value) { return *this << QVariant(static_cast<qlonglong>(value)); }
    BulkInserter &operator<<(int value) { return *this << QVariant(value); }
    BulkInserter &operator<<(const QString &value) { return *this << QVariant(value); }

    /// Completes the current row (exactly one value per column must have been given) and
    /// writes it, or the buffer once it is full.
    Status endRow();
    /// Writes the rows still buffered. Call it before the transaction commits, and before
    /// rows of another table refer to these ones.
    Status finish();

    const QString &table() const { return m_table; }
    /// Rows handed over so far (written or buffered).
    qint64 rowCount() const { return m_rows; }
    /// Time spent executing statements, for throughput figures.
    qint64 elapsedNanoseconds() const { return m_elapsedNs; }

private:
    QString statement(int rows) const;
    Status execute(QSqlQuery &query, int rows);

    QSqlDatabase m_db;
    QString m_table;
    QStringList m_columns;
    int m_rowsPerStatement;
    bool m_buffered;
    QSqlQuery m_query;     ///< the prepared statement for one row or for a full buffer
    QVariantList m_buffer; ///< PostgreSQL: the values of the rows not sent yet
    int m_valuesInRow = 0;
    int m_bufferedRows = 0;
    qint64 m_rows = 0;
    qint64 m_elapsedNs = 0;
    Error m_prepareError;
};

} // namespace Gavel::Models
