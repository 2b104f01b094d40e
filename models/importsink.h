#pragma once

#include "result.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QStringList>
#include <QVariant>

#include <memory>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;
struct pg_conn;

namespace Gavel::Models {

class Database;
class BulkInserter;

/// Adds imported rows to one table, leaving out rows whose unique key is already there
/// (INSERT … ON CONFLICT DO NOTHING), so that importing the same file twice adds nothing.
///
/// The fastest path each engine offers, because Qt's per-value binding costs as much as the
/// insert itself (PERFORMANCE.md): on SQLite one prepared statement through the C API of
/// the connection Qt opened (`driver()->handle()`); on PostgreSQL the batch is buffered
/// and sent with COPY into a temporary table, then moved with one INSERT … SELECT … ON
/// CONFLICT DO NOTHING. Other drivers fall back to BulkInserter (no conflict handling).
/// Run it inside the import's transaction; flush() before the transaction commits and
/// before other statements need to see the rows.
class ImportSink final
{
public:
    ImportSink(Database &database, QString table, QStringList columns);
    ~ImportSink();
    ImportSink(const ImportSink &) = delete;
    ImportSink &operator=(const ImportSink &) = delete;

    /// Adds one row: one value per column, a null QVariant for NULL.
    Status add(const QVariantList &row);
    /// Writes what is buffered; rowsInserted() then counts the rows that were new.
    Status flush();

    /// Rows actually added so far (duplicates of existing rows not counted).
    qint64 rowsInserted() const { return m_inserted; }

private:
    Status addSqlite(const QVariantList &row);
    Status flushPostgres();

    Database &m_database;
    QString m_table;
    QStringList m_columns;
    sqlite3 *m_sqlite = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    pg_conn *m_pg = nullptr;
    QByteArray m_copyBuffer;
    qint64 m_buffered = 0;
    bool m_stagingReady = false;
    std::unique_ptr<BulkInserter> m_fallback;
    qint64 m_inserted = 0;
};

} // namespace Gavel::Models
