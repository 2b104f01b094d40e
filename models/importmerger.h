#pragma once

#include "preparedstatements.h"
#include "result.h"

#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace Gavel::Models {

class Database;

/// Updates an existing record from an imported row without losing edits made in the app.
///
/// The values the last import wrote into each record are kept in import_records. A field is
/// written only when the file's value differs from what the last import wrote (the file
/// changed it) and from what the record holds now; a field the file still says the same
/// about keeps whatever staff typed since. So importing the same file again changes
/// nothing, and an updated file changes only what changed in it. Versioned tables get
/// version + 1, updated_at and updated_by (the importing person), like an edit in the app,
/// so a profile open elsewhere sees the conflict; customers' changes go to the audit log as
/// 'import' with the old and new value. Empty cells never clear anything.
class ImportMerger final
{
public:
    /// `table` and `columns` come from the importers' fixed lists; `versioned` when the table
    /// has version/updated_at/updated_by.
    ImportMerger(Database &database, QString table, bool versioned, qint64 now);

    enum class Change
    {
        Unchanged,
        Updated
    };
    /// `fileValues`: column → value from the file, only the fields provided and not empty.
    /// `changedColumns` (optional) receives the columns written.
    /// `before` is previous(id); `extras` are remembered too but are not columns of the table
    /// (set-like fields the handler applies itself).
    Result<Change> merge(qint64 id, const QVariantMap &fileValues, const QVariantMap &before,
                         const QVariantMap &extras = {}, qint64 auditCustomerId = 0,
                         QStringList *changedColumns = nullptr);
    /// Records the values a new record was created with.
    Status remember(qint64 id, const QVariantMap &fileValues);

    /// Whether `key` was already in the record the last import wrote with the same value:
    /// for set-like fields (tags, departments) that are only added when they change in the file.
    static bool sameAsBefore(const QVariantMap &before, const QString &key, const QVariant &value);
    /// The values the last import wrote into the record (empty when never imported).
    Result<QVariantMap> previous(qint64 id);

private:
    Database &m_database;
    QString m_table;
    bool m_versioned;
    qint64 m_now;
    PreparedStatements m_statements;
};

} // namespace Gavel::Models
