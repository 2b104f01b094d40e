#pragma once

#include "importkind.h"
#include "importmapping.h"
#include "result.h"

#include <QSqlDatabase>
#include <QStringList>

namespace Gavel::Models {

class Database;

/// Column mappings saved under a name, per import kind, in the database: shared by the team
/// on a PostgreSQL server. Saving under an existing name replaces that mapping.
class ImportMappingStore final
{
public:
    explicit ImportMappingStore(Database &database);

    Result<QStringList> names(ImportKind kind) const;
    /// NotFound when there is no mapping of that name for the kind.
    Result<ImportMapping> load(ImportKind kind, const QString &name) const;
    Status save(ImportKind kind, const QString &name, const ImportMapping &mapping);
    Status remove(ImportKind kind, const QString &name);

private:
    Database &m_database;
};

} // namespace Gavel::Models
