#pragma once

#include "dialect.h"
#include "result.h"

#include <QSqlDatabase>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

namespace Gavel::Models {

/// Secondary indexes set aside during a bulk load and built again afterwards: building an
/// index over loaded rows costs ~0.5 s per million rows, keeping it up to date while
/// inserting ~5 s (PERFORMANCE.md).
///
/// Only indexes made with CREATE INDEX are dropped; those behind PRIMARY KEY and UNIQUE
/// constraints stay, so the load is still checked for duplicates. The definitions are read
/// from the database (sqlite_master.sql, pg_indexes.indexdef), so nothing here has to follow
/// the migrations.
///
/// Three layers keep the indexes from being lost: drop inside the load's transaction and a
/// rollback brings them back by itself (both engines have transactional DDL); the destructor
/// rebuilds whatever restore() did not; and the definitions are recorded in gavel_meta, so
/// that restorePending() can rebuild them after a crash.
class DeferredIndexes final
{
public:
    /// Drops the secondary indexes of `tables` and records them.
    static Result<std::unique_ptr<DeferredIndexes>> drop(const QSqlDatabase &db, const Dialect &dialect,
                                                         const QStringList &tables);
    ~DeferredIndexes();
    DeferredIndexes(const DeferredIndexes &) = delete;
    DeferredIndexes &operator=(const DeferredIndexes &) = delete;

    /// Builds the indexes again and clears the record. `before` is told each index's name
    /// before it is built (a long step worth a progress message).
    Status restore(const std::function<void(const QString &name)> &before = {});

    /// The names of the indexes set aside, in the order they will be rebuilt.
    QStringList names() const;

    /// Rebuilds the indexes a load recorded and never restored (it crashed). Does nothing when
    /// there is no record. Safe to call at any time: existing indexes are left as they are.
    static Status restorePending(const QSqlDatabase &db, const Dialect &dialect);

private:
    struct Index
    {
        QString name;
        QString definition;
    };

    DeferredIndexes(QSqlDatabase db, const Dialect &dialect, std::vector<Index> indexes);
    static Status rebuild(const QSqlDatabase &db, const Dialect &dialect, const std::vector<Index> &indexes,
                          const std::function<void(const QString &name)> &before);
    static Status writeRecord(const QSqlDatabase &db, const std::vector<Index> &indexes);

    QSqlDatabase m_db;
    Dialect m_dialect;
    std::vector<Index> m_indexes;
    bool m_restored = false;
};

} // namespace Gavel::Models
