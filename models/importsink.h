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
    /// Writes (SQLite without an order) or buffers the row set since the last add().
    Status add();
    /// After add(): false when the row was known to be there already (SQLite without an
    /// order tells at once); true when it was new or when that is only known at the flush.
    bool lastRowNew() const { return m_lastRowNew; }
    /// The number of the row last add()ed among those since the last flush (0, 1, …): what
    /// rowNew() takes after the flush.
    qsizetype lastRowIndex() const { return static_cast<qsizetype>(m_rowNew.size()) - 1; }
    /// After flush(), until the next add(): whether row `index` of the flushed batch was
    /// new. On SQLite exact; on PostgreSQL always true (COPY does not tell which rows the
    /// INSERT … ON CONFLICT skipped), so what follows must be idempotent by itself there.
    bool rowNew(qsizetype index) const { return m_rowNew[static_cast<size_t>(index)] != 0; }
    /// Rows are buffered until flush() and written in this order: the columns of the table's
    /// unique key, so that its index is filled page by page instead of all over the file.
    /// Rows with the same key keep the order they were added in. Names from the caller's
    /// fixed list; call before the first add().
    void setOrder(const QStringList &columns);
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

    /// A cell of a buffered row (SQLite): an integer, or text at `value` in m_arena.
    struct Stored
    {
        qint64 value = 0;
        qint32 size = 0;
        Cell::Type type = Cell::Type::Null;
    };

    Status prepareSqlite();
    Status stepSqlite(bool &inserted);
    Status addSqlite();
    void bufferSqlite();
    Status flushSqlite();
    void addPostgres();
    Status addFallback();
    Status flushPostgres();
    /// The first add() after a flush starts a new batch of rowNew() flags.
    void startRow();

    Database &m_database;
    QString m_table;
    QStringList m_columns;
    QStringList m_order;
    std::vector<int> m_orderColumns; ///< indexes into m_columns
    std::vector<Cell> m_cells;
    std::vector<Stored> m_stored; ///< buffered rows (SQLite), m_cells.size() cells each
    std::string m_arena;          ///< their text
    std::vector<char> m_rowNew;   ///< per row since the last flush
    bool m_flushed = false;
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
