#pragma once

#include "result.h"

#include <QSqlDatabase>

namespace Gavel::Models {

/// RAII guard for a write transaction: begin in the constructor, commit() explicitly,
/// roll back in the destructor if commit() was never reached (an early return, an error).
/// On SQLite it takes the write lock at once (BEGIN IMMEDIATE) so that two writers wait
/// for each other instead of failing half-way.
///
/// Kind::ReadSnapshot is for long reads that must see one consistent state (an export):
/// every statement sees the database as it was at the first read, and writers are not
/// blocked. On PostgreSQL that needs REPEATABLE READ (READ COMMITTED takes a new snapshot
/// per statement) and the transaction is READ ONLY; SQLite's deferred BEGIN in WAL mode
/// already gives a snapshot without taking the write lock.
class Transaction final
{
public:
    enum class Kind
    {
        Write,        ///< changes, committed together
        ReadSnapshot, ///< reads only, all from one snapshot
    };

    explicit Transaction(const QSqlDatabase &db, Kind kind = Kind::Write);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    /// Whether BEGIN succeeded; when not, error() says why.
    bool isActive() const { return m_active; }
    const Error &error() const { return m_error; }
    /// The begin status as a Status, for early returns.
    Status status() const { return m_active ? Status() : Status(m_error); }

    Status commit();
    void rollback();

private:
    QSqlDatabase m_db;
    Error m_error;
    bool m_active = false;
};

} // namespace Gavel::Models
