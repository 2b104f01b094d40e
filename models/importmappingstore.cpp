#include "importmappingstore.h"

#include "database.h"
#include "sql.h"
#include "transaction.h"

#include <QCoreApplication>
#include <QDateTime>

namespace Gavel::Models {

ImportMappingStore::ImportMappingStore(Database &database) : m_database(database) {}

Result<QStringList> ImportMappingStore::names(ImportKind kind) const
{
    auto query = Sql::exec(m_database.connection(),
                           QStringLiteral("SELECT name FROM import_mappings WHERE kind = ? ORDER BY name"),
                           {importKindKey(kind)}, QStringLiteral("reading the saved import mappings"));
    if (!query) {
        return query.error();
    }
    QStringList names;
    while (query->next()) {
        names << query->value(0).toString();
    }
    return names;
}

Result<ImportMapping> ImportMappingStore::load(ImportKind kind, const QString &name) const
{
    auto json = Sql::scalar(m_database.connection(),
                            QStringLiteral("SELECT mapping FROM import_mappings WHERE kind = ? AND name = ?"),
                            {importKindKey(kind), name}, QStringLiteral("reading the import mapping"));
    if (!json) {
        return json.error();
    }
    if (json->isNull()) {
        return Error::make(ErrorKind::NotFound,
                           QCoreApplication::translate("ImportMappingStore", "There is no saved mapping “%1” for %2.")
                               .arg(name, importKindLabel(kind)));
    }
    return ImportMapping::fromJson(json->toString());
}

Status ImportMappingStore::save(ImportKind kind, const QString &name, const ImportMapping &mapping)
{
    if (name.trimmed().isEmpty()) {
        return Error::make(ErrorKind::Invalid,
                           QCoreApplication::translate("ImportMappingStore", "A saved mapping needs a name."));
    }
    const QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    if (!transaction.isActive()) {
        return transaction.error();
    }
    const QString what = QStringLiteral("saving the import mapping");
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    auto updated = Sql::exec(db,
                             QStringLiteral("UPDATE import_mappings SET mapping = ?, version = version + 1,"
                                            " updated_at = ?, updated_by = ? WHERE kind = ? AND name = ?"),
                             {mapping.toJson(), now, m_database.actor(), importKindKey(kind), name.trimmed()}, what);
    if (!updated) {
        return updated.error();
    }
    if (updated->numRowsAffected() == 0) {
        auto inserted =
            Sql::exec(db,
                      QStringLiteral("INSERT INTO import_mappings (kind, name, mapping, updated_at,"
                                     " updated_by) VALUES (?, ?, ?, ?, ?)"),
                      {importKindKey(kind), name.trimmed(), mapping.toJson(), now, m_database.actor()}, what);
        if (!inserted) {
            return inserted.error();
        }
    }
    return transaction.commit();
}

Status ImportMappingStore::remove(ImportKind kind, const QString &name)
{
    auto removed =
        Sql::exec(m_database.connection(), QStringLiteral("DELETE FROM import_mappings WHERE kind = ? AND name = ?"),
                  {importKindKey(kind), name}, QStringLiteral("removing the import mapping"));
    if (!removed) {
        return removed.error();
    }
    return {};
}

} // namespace Gavel::Models
