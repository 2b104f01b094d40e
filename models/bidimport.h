#pragma once

#include "importevents.h"
#include "importhandler.h"
#include "importsink.h"
#include "preparedstatements.h"

#include <memory>
#include <vector>

namespace Gavel::Models {

/// Bids (winning bids mark the lot sold to the bidder at that price) and wishlists: by sale
/// and lot number and the customer's ID or e-mail. Written through ImportSink, so a bid or
/// wishlist entry already there is left alone and the same file imports once.
class BidImport final : public ImportHandler
{
public:
    explicit BidImport(ImportSession &session);

    Result<RowResult> handle(const ImportRow &row) override;
    Result<qint64> endBatch() override;

private:
    struct Winner
    {
        qint64 lot = 0;
        qint64 customer = 0;
        qint64 amount = 0;
        qint64 placedAt = 0;
    };

    /// An event that is written only if its bid or wishlist entry was new: one already
    /// there got its event when it was written. Known once the sink has flushed.
    struct PendingEvent
    {
        qsizetype row = 0; ///< ImportSink::lastRowIndex() of its bid or entry
        qint64 customer = 0;
        qint64 ts = 0;
        EventKind kind = EventKind::BidPlaced;
        qint64 amount = 0; ///< the key of a bid's event
        ImportEvents::Refs refs;
    };

    int field(const char *key) const { return importFieldIndex(m_session.kind, QString::fromLatin1(key)); }

    ImportSession &m_session;
    bool m_bids;
    std::unique_ptr<ImportSink> m_sink;
    ImportEvents m_events;
    PreparedStatements m_statements;
    std::vector<Winner> m_winners;
    std::vector<PendingEvent> m_pendingEvents;
    int m_sale, m_lot, m_customer, m_amount = -1, m_placedAt = -1, m_winning = -1, m_channel = -1, m_currency = -1,
                                   m_addedAt = -1;
    qint64 m_countedRows = 0;
};

} // namespace Gavel::Models
