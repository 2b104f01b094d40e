#pragma once

#include "importhandler.h"
#include "importmerger.h"
#include "preparedstatements.h"

#include <QSet>

namespace Gavel::Models {

/// Sales and their lots, by sale number and lot number (a LiveAuctioneers catalogue has no
/// sale column: the sale number is given once for every row). A sale not yet known is
/// created; lots are created or updated field by field without losing edits in the app.
class LotImport final : public ImportHandler
{
public:
    explicit LotImport(ImportSession &session);

    Result<RowResult> handle(const ImportRow &row) override;

private:
    int field(const char *key) const { return importFieldIndex(ImportKind::Lots, QString::fromLatin1(key)); }
    Result<qint64> saleFor(const ImportRow &row, const QString &saleNo, const QString &currency, bool &created);

    ImportSession &m_session;
    ImportMerger m_lots;
    ImportMerger m_sales;
    PreparedStatements m_statements;
    QSet<QString> m_salesSeen;
};

} // namespace Gavel::Models
