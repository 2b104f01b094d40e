#pragma once

#include "bulkinserter.h"
#include "demorows.h"
#include "result.h"

#include <functional>
#include <map>
#include <memory>

namespace Gavel::Models::Demo {

/// Writes the generator's rows through one BulkInserter per table (NULL columns left out),
/// keeping count of rows and time per table, and giving the caller a chance to report
/// progress or stop every few thousand rows.
class Writer final
{
public:
    /// `tick` is called every ~2,000 rows written; returning false stops the writing with
    /// ErrorKind::Cancelled.
    Writer(const QSqlDatabase &db, Engine engine, std::function<bool()> tick);

    /// Writes the rows of `buffer` (and forgets them).
    Status write(RowBuffer &buffer);
    Status writeEvents(std::vector<EventRow> &events);
    /// Writes everything buffered by the inserters.
    Status finish();

    struct TableStats
    {
        QString table;
        qint64 rows = 0;
        qint64 nanoseconds = 0;
    };
    std::vector<TableStats> stats() const;
    qint64 rowsWritten() const { return m_rows; }

private:
    BulkInserter &inserter(const QString &table, const QStringList &columns);
    Status counted();

    QSqlDatabase m_db;
    Engine m_engine;
    std::function<bool()> m_tick;
    std::map<QString, std::unique_ptr<BulkInserter>> m_inserters;
    std::vector<QString> m_order; ///< tables in the order first written, for the figures
    qint64 m_rows = 0;
};

} // namespace Gavel::Models::Demo
