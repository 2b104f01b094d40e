#pragma once

#include "dialect.h"
#include "result.h"

#include <QSqlDatabase>
#include <QString>

#include <vector>

namespace Gavel::Models {

/// One step of the schema's history. Steps are applied in order, each in its own
/// transaction, and never edited once released: a change is a new step.
struct Migration
{
    int version = 0;
    const char *description = nullptr;
    Status (*apply)(const QSqlDatabase &db, const Dialect &dialect) = nullptr;
};

/// Every migration of this build, in order; the last one's version is the current schema.
const std::vector<Migration> &allMigrations();

/// Brings the database from `fromVersion` to `toVersion`, one migration per transaction.
/// On PostgreSQL it holds an advisory lock so that two clients upgrading a shared database
/// at once take turns. `where` names the database in messages.
Status applyMigrations(const QSqlDatabase &db, const Dialect &dialect, const QString &where, int fromVersion,
                       int toVersion);

/// The version recorded in gavel_meta, or 0 when the table does not exist yet.
Result<int> storedSchemaVersion(const QSqlDatabase &db, const Dialect &dialect);

/// Runs the DDL statements of a migration after replacing the dialect tokens.
Status execDdl(const QSqlDatabase &db, const Dialect &dialect, const QStringList &statements);

/// The application marker stored in gavel_meta and, on SQLite, in PRAGMA application_id.
inline constexpr const char *kApplicationName = "gavel";
inline constexpr int kSqliteApplicationId = 0x4776656c; // "Gvel"

} // namespace Gavel::Models
