#pragma once

#include "result.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QStringList>
#include <QStringView>

#include <memory>
#include <string>
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
///
/// A row is assembled in typed cells that keep their memory from row to row (a million
/// rows, no allocation per row), then add()ed:
///
///     sink.setInt(0, lotId);
///     sink.setText(1, currency);
///     sink.setNull(2);
///     if (Status s = sink.add(); !s) return s;
class ImportSink final
{
public:
    ImportSink(Database &database, QString table, QStringList columns);
    ~ImportSink();
    ImportSink(const ImportSink &) = delete;
    ImportSink &operator=(const ImportSink &) = delete;

    void setInt(int column, qint64 value)
    {
        Cell &cell = m_cells[static_cast<size_t>(column)];
        cell.type = Cell::Type::Int;
        cell.integer = value;
    }
    /// A null QString (or view) writes NULL; an empty one the empty text.
    void setText(int column, QStringView value);
    void setNull(int column) { m_cells[static_cast<size_t>(column)].type = Cell::Type::Null; }
    /// Writes (SQLite) or buffers (PostgreSQL) the row set since the last add().
    Status add();
    /// After add(): false when the row was known to be there already (SQLite tells at once);
    /// true when it was new or when that is only known at the flush (PostgreSQL).
    bool lastRowNew() const { return m_lastRowNew; }
    /// Where rows are buffered (PostgreSQL), they are written in this order: the columns of
    /// the table's unique key, so that its index is filled page by page. Names from the
    /// caller's fixed list.
    void setOrder(QStringList columns) { m_order = std::move(columns); }
    /// Writes what is buffered; rowsInserted() then counts the rows that were new.
    Status flush();

    /// Rows actually added so far (duplicates of existing rows not counted).
    qint64 rowsInserted() const { return m_inserted; }

private:
    struct Cell
    {
        enum class Type
        {
            Null,
            Int,
            Text
        };
        Type type = Type::Null;
        qint64 integer = 0;
        std::string text; ///< UTF-8; keeps its capacity from row to row
    };

    Status addSqlite();
    void addPostgres();
    Status addFallback();
    Status flushPostgres();

    Database &m_database;
    QString m_table;
    QStringList m_columns;
    QStringList m_order;
    std::vector<Cell> m_cells;
    sqlite3 *m_sqlite = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    pg_conn *m_pg = nullptr;
    QByteArray m_copyBuffer;
    qint64 m_buffered = 0;
    bool m_stagingReady = false;
    std::unique_ptr<BulkInserter> m_fallback;
    qint64 m_inserted = 0;
    bool m_lastRowNew = true;
};

} // namespace Gavel::Models
