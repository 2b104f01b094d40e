#pragma once

#include "result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

namespace Gavel::Models::Sql {

/// Turns a failed query into an Error: `what` says, in a user's words, what was being
/// done ("saving the customer"); the driver's text goes into the detail.
Error errorFrom(const QSqlError &sqlError, const QString &what);

/// Prepares `statement`, binds `values` positionally and runs it. The query is forward-only
/// (nothing is cached behind the cursor): read it with next().
Result<QSqlQuery> exec(const QSqlDatabase &db, const QString &statement, const QVariantList &values,
                       const QString &what);

/// Runs a statement that returns one value (a count, an id) and returns that value;
/// a null QVariant when there is no row.
Result<QVariant> scalar(const QSqlDatabase &db, const QString &statement, const QVariantList &values,
                        const QString &what);

/// A bound value that is NULL when `text` is empty, for optional text columns.
QVariant textOrNull(const QString &text);
/// A bound integer that is NULL when `value` is zero, for optional epoch and id columns.
QVariant intOrNull(qint64 value);

} // namespace Gavel::Models::Sql
