#pragma once

#include "importevents.h"
#include "importhandler.h"
#include "importmerger.h"

namespace Gavel::Models {

/// Consignments by consignment number: created, or updated field by field without losing
/// edits in the app (version and updated_by as an edit).
class ConsignmentImport final : public ImportHandler
{
public:
    explicit ConsignmentImport(ImportSession &session);

    Result<RowResult> handle(const ImportRow &row) override;
    Result<qint64> endBatch() override;

private:
    int field(const char *key) const { return importFieldIndex(ImportKind::Consignments, QString::fromLatin1(key)); }

    ImportSession &m_session;
    ImportMerger m_merger;
    ImportEvents m_events;
};

} // namespace Gavel::Models
