#pragma once

#include "importevents.h"
#include "importhandler.h"
#include "importmerger.h"

#include <QHash>
#include <QSet>

namespace Gavel::Models {

/// Invoices with their lines, one row per line: the invoice by invoice number, its lines by
/// line number (or their order in the file). The invoice's totals are summed from its lines
/// at the end of each batch.
class InvoiceImport final : public ImportHandler
{
public:
    explicit InvoiceImport(ImportSession &session);

    Result<RowResult> handle(const ImportRow &row) override;
    Result<qint64> endBatch() override;

private:
    int field(const char *key) const { return importFieldIndex(ImportKind::Invoices, QString::fromLatin1(key)); }
    Result<std::optional<qint64>> amount(const ImportRow &row, const char *key, int decimals, RowResult &rejected);

    ImportSession &m_session;
    ImportMerger m_merger;
    ImportEvents m_events;
    QHash<QString, qint64> m_invoices; ///< seen in this import: number → id
    QHash<qint64, int> m_lineCounts;   ///< lines seen per invoice, for files without line numbers
    QSet<qint64> m_touched;
};

} // namespace Gavel::Models
