#pragma once

#include "importevents.h"
#include "importhandler.h"
#include "importmerger.h"

#include <QSet>

namespace Gavel::Models {

/// What customers did with the house's mailings and website: campaigns with per-recipient
/// events (sent, opened, clicked, unsubscribed, bounced, held back as control group), SMS
/// events, and website events. Events go to the timeline with stable ids, so the same file
/// imports once; a campaign's recipients carry the first time of each event and the counts
/// of opens and clicks, recounted from the timeline.
class EngagementImport final : public ImportHandler
{
public:
    explicit EngagementImport(ImportSession &session);

    Result<RowResult> handle(const ImportRow &row) override;
    Result<qint64> endBatch() override;

private:
    int field(const char *key) const { return importFieldIndex(m_session.kind, QString::fromLatin1(key)); }
    Result<qint64> campaignFor(const ImportRow &row, const QString &key, const QString &channel, qint64 at);
    Result<RowResult> campaignEvent(const ImportRow &row, qint64 customer);
    Result<RowResult> smsEvent(const ImportRow &row, qint64 customer);
    Result<RowResult> webEvent(const ImportRow &row, qint64 customer);

    ImportSession &m_session;
    ImportMerger m_campaigns;
    ImportEvents m_events;
    QSet<QString> m_campaignsSeen;
    QSet<std::pair<qint64, qint64>> m_recount;
};

} // namespace Gavel::Models
