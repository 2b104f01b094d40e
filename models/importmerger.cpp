#include "importmerger.h"

#include "auditstore.h"
#include "database.h"
#include "epoch.h"
#include "preparedstatements.h"
#include "sql.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace Gavel::Models {

namespace {

QString text(const QVariant &value)
{
    return value.isNull() ? QString() : value.toString();
}

} // namespace

ImportMerger::ImportMerger(Database &database, QString table, bool versioned, qint64 now)
    : m_database(database), m_table(std::move(table)), m_versioned(versioned), m_now(now),
      m_statements(database.connection())
{
}

bool ImportMerger::sameAsBefore(const QVariantMap &before, const QString &key, const QVariant &value)
{
    return before.contains(key) && text(before.value(key)) == text(value);
}

Result<QVariantMap> ImportMerger::previous(qint64 id)
{
    auto stored =
        m_statements.scalar(QStringLiteral("SELECT imported FROM import_records WHERE entity = ? AND entity_id = ?"),
                            {m_table, id}, QStringLiteral("reading what the last import wrote"));
    if (!stored) {
        return stored.error();
    }
    if (stored->isNull()) {
        return QVariantMap();
    }
    return QJsonDocument::fromJson(stored->toString().toUtf8()).object().toVariantMap();
}

Result<ImportMerger::Change> ImportMerger::merge(qint64 id, const QVariantMap &fileValues, const QVariantMap &before,
                                                 const QVariantMap &extras, qint64 auditCustomerId,
                                                 QStringList *changedColumns)
{
    QStringList candidates;
    for (auto it = fileValues.begin(); it != fileValues.end(); ++it) {
        if (!sameAsBefore(before, it.key(), it.value())) {
            candidates << it.key();
        }
    }
    QVariantMap remembered = before;
    bool sameRecord = true;
    for (const QVariantMap *values : {&fileValues, &extras}) {
        for (auto it = values->begin(); it != values->end(); ++it) {
            sameRecord = sameRecord && sameAsBefore(before, it.key(), it.value());
            remembered.insert(it.key(), it.value());
        }
    }
    if (!sameRecord) {
        if (Status status = remember(id, remembered); !status) {
            return status.error();
        }
    }
    if (candidates.isEmpty()) {
        // The same values as last time: leave the record (and any edits since) alone.
        return Change::Unchanged;
    }
    const QSqlDatabase db = m_database.connection();
    auto current = m_statements.exec(
        QStringLiteral("SELECT %1 FROM %2 WHERE id = ?").arg(candidates.join(QStringLiteral(", ")), m_table), {id},
        QStringLiteral("reading the record to update"));
    if (!current) {
        return current.error();
    }
    QStringList assignments;
    QVariantList values;
    QList<std::pair<QString, QString>> oldValues;
    if ((*current)->next()) {
        for (qsizetype i = 0; i < candidates.size(); ++i) {
            const QString &column = candidates.at(i);
            const QString old = text((*current)->value(static_cast<int>(i)));
            if (old != text(fileValues.value(column))) {
                assignments << column + QStringLiteral(" = ?");
                values << fileValues.value(column);
                oldValues.append({column, old});
            }
        }
    }
    (*current)->finish();
    if (assignments.isEmpty()) {
        return Change::Unchanged;
    }
    if (m_versioned) {
        assignments << QStringLiteral("version = version + 1") << QStringLiteral("updated_at = ?")
                    << QStringLiteral("updated_by = ?");
        values << m_now << m_database.actor();
    }
    values << id;
    auto updated = m_statements.exec(
        QStringLiteral("UPDATE %1 SET %2 WHERE id = ?").arg(m_table, assignments.join(QStringLiteral(", "))), values,
        QStringLiteral("updating a record from the file"));
    if (!updated) {
        return updated.error();
    }
    if (auditCustomerId != 0) {
        AuditStore audit(db);
        for (const auto &[column, old] : std::as_const(oldValues)) {
            AuditEntry entry;
            entry.at = fromEpoch(m_now);
            entry.actor = m_database.actor();
            entry.entity = QStringLiteral("customer");
            entry.entityId = id;
            entry.customerId = auditCustomerId;
            entry.action = QStringLiteral("import");
            entry.field = column;
            entry.oldValue = old;
            entry.newValue = text(fileValues.value(column));
            if (Status status = audit.record(entry); !status) {
                return status.error();
            }
        }
    }
    if (changedColumns) {
        for (const auto &entry : std::as_const(oldValues)) {
            *changedColumns << entry.first;
        }
    }
    return Change::Updated;
}

Status ImportMerger::remember(qint64 id, const QVariantMap &fileValues)
{
    const QString json =
        QString::fromUtf8(QJsonDocument(QJsonObject::fromVariantMap(fileValues)).toJson(QJsonDocument::Compact));
    auto saved =
        m_statements.exec(QStringLiteral("INSERT INTO import_records (entity, entity_id, imported, imported_at)"
                                         " VALUES (?, ?, ?, ?) ON CONFLICT (entity, entity_id) DO UPDATE"
                                         " SET imported = excluded.imported, imported_at = excluded.imported_at"),
                          {m_table, id, json, m_now}, QStringLiteral("recording what the import wrote"));
    if (!saved) {
        return saved.error();
    }
    return {};
}

} // namespace Gavel::Models
