#pragma once

#include "importhandler.h"
#include "importmerger.h"

namespace Gavel::Models {

/// The legend of departments, categories and sub-categories: matched by code (a category
/// without a code gets one made from its department and name); names updated without losing
/// renames made in the app.
class LegendImport final : public ImportHandler
{
public:
    explicit LegendImport(ImportSession &session);

    Result<RowResult> handle(const ImportRow &row) override;

private:
    enum class Level
    {
        None,
        Unchanged,
        Updated,
        Created
    };
    Result<Level> department(const QString &code, const QString &name, qint64 &id);
    Result<Level> category(qint64 departmentId, qint64 parentId, const QString &code, const QString &name, qint64 &id);

    ImportSession &m_session;
    ImportMerger m_departments;
    ImportMerger m_categories;
};

} // namespace Gavel::Models
