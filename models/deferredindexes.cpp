#include "deferredindexes.h"

#include "sql.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace Gavel::Models {

namespace {

const QString kMetaKey = QStringLiteral("deferred_indexes");

/// An identifier read from the system catalogue, quoted for splicing into DDL (which takes no
/// bound parameters).
QString quotedIdentifier(const QString &name)
{
    QString quoted = name;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

/// "CREATE [UNIQUE] INDEX name …" → "CREATE [UNIQUE] INDEX IF NOT EXISTS name …", so that a
/// rebuild never fails on an index that is already there.
QString ifNotExists(const QString &definition)
{
    static const QRegularExpression head(QStringLiteral("^\\s*CREATE\\s+(UNIQUE\\s+)?INDEX\\s+(?!IF\\s+NOT\\s+EXISTS)"),
                                         QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = head.match(definition);
    if (!match.hasMatch()) {
        return definition;
    }
    return definition.left(match.capturedEnd()) + QStringLiteral("IF NOT EXISTS ") +
           definition.mid(match.capturedEnd());
}

} // namespace

DeferredIndexes::DeferredIndexes(QSqlDatabase db, const Dialect &dialect, std::vector<Index> indexes)
    : m_db(std::move(db)), m_dialect(dialect), m_indexes(std::move(indexes))
{
}

DeferredIndexes::~DeferredIndexes()
{
    if (!m_restored) {
        if (Status status = restore(); !status) {
            qWarning("Could not rebuild the indexes set aside for a bulk load: %s",
                     qPrintable(status.error().fullText()));
        }
    }
}

Result<std::unique_ptr<DeferredIndexes>> DeferredIndexes::drop(const QSqlDatabase &db, const Dialect &dialect,
                                                               const QStringList &tables)
{
    // Indexes that back a constraint (PRIMARY KEY, UNIQUE) have no sql on SQLite and a
    // pg_constraint row on PostgreSQL.
    const QString list =
        dialect.isSqlite() ? QStringLiteral("SELECT name, sql FROM sqlite_master"
                                            " WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name")
                           : QStringLiteral("SELECT i.indexname, i.indexdef FROM pg_indexes i"
                                            " JOIN pg_namespace n ON n.nspname = i.schemaname"
                                            " JOIN pg_class c ON c.relname = i.indexname AND c.relnamespace = n.oid"
                                            " WHERE i.schemaname = current_schema() AND i.tablename = ?"
                                            " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = c.oid)"
                                            " ORDER BY i.indexname");
    std::vector<Index> indexes;
    for (const QString &table : tables) {
        auto query = Sql::exec(db, list, {table}, QStringLiteral("reading the indexes of %1").arg(table));
        if (!query) {
            return query.error();
        }
        while (query->next()) {
            indexes.push_back({query->value(0).toString(), query->value(1).toString()});
        }
    }
    // Recorded before dropping: a crash in between leaves a record of indexes that still
    // exist, which restorePending() skips.
    if (Status status = writeRecord(db, indexes); !status) {
        return status.error();
    }
    for (const Index &index : indexes) {
        auto dropped = Sql::exec(db, QStringLiteral("DROP INDEX ") + quotedIdentifier(index.name), {},
                                 QStringLiteral("setting aside the index %1").arg(index.name));
        if (!dropped) {
            // Put back what was already dropped.
            (void)rebuild(db, dialect, indexes, {});
            return dropped.error();
        }
    }
    return std::unique_ptr<DeferredIndexes>(new DeferredIndexes(db, dialect, std::move(indexes)));
}

Status DeferredIndexes::writeRecord(const QSqlDatabase &db, const std::vector<Index> &indexes)
{
    QJsonArray array;
    for (const Index &index : indexes) {
        array.append(QJsonObject{{QStringLiteral("name"), index.name}, {QStringLiteral("sql"), index.definition}});
    }
    auto removed = Sql::exec(db, QStringLiteral("DELETE FROM gavel_meta WHERE key = ?"), {kMetaKey},
                             QStringLiteral("recording the indexes set aside"));
    if (!removed) {
        return removed.error();
    }
    if (indexes.empty()) {
        return {};
    }
    auto recorded = Sql::exec(db, QStringLiteral("INSERT INTO gavel_meta (key, value) VALUES (?, ?)"),
                              {kMetaKey, QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact))},
                              QStringLiteral("recording the indexes set aside"));
    if (!recorded) {
        return recorded.error();
    }
    return {};
}

Status DeferredIndexes::rebuild(const QSqlDatabase &db, const Dialect &dialect, const std::vector<Index> &indexes,
                                const std::function<void(const QString &name)> &before)
{
    // After a rollback the indexes are back already; skipping them keeps PostgreSQL from
    // printing a notice for each.
    const QString exists =
        dialect.isSqlite()
            ? QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?")
            : QStringLiteral("SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname = ?");
    for (const Index &index : indexes) {
        auto found = Sql::scalar(db, exists, {index.name}, QStringLiteral("looking for the index %1").arg(index.name));
        if (!found) {
            return found.error();
        }
        if (found->toInt() > 0) {
            continue;
        }
        if (before) {
            before(index.name);
        }
        auto created =
            Sql::exec(db, ifNotExists(index.definition), {}, QStringLiteral("building the index %1").arg(index.name));
        if (!created) {
            return created.error();
        }
    }
    return writeRecord(db, {});
}

Status DeferredIndexes::restore(const std::function<void(const QString &name)> &before)
{
    if (m_restored) {
        return {};
    }
    Status status = rebuild(m_db, m_dialect, m_indexes, before);
    m_restored = status.ok();
    return status;
}

QStringList DeferredIndexes::names() const
{
    QStringList names;
    for (const Index &index : m_indexes) {
        names << index.name;
    }
    return names;
}

Status DeferredIndexes::restorePending(const QSqlDatabase &db, const Dialect &dialect)
{
    auto stored = Sql::scalar(db, QStringLiteral("SELECT value FROM gavel_meta WHERE key = ?"), {kMetaKey},
                              QStringLiteral("reading the indexes set aside"));
    if (!stored) {
        return stored.error();
    }
    if (stored->isNull()) {
        return {};
    }
    std::vector<Index> indexes;
    const QJsonArray array = QJsonDocument::fromJson(stored->toString().toUtf8()).array();
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        indexes.push_back(
            {object.value(QStringLiteral("name")).toString(), object.value(QStringLiteral("sql")).toString()});
    }
    return rebuild(db, dialect, indexes, {});
}

} // namespace Gavel::Models
