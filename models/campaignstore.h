#pragma once

#include "campaign.h"
#include "result.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <optional>

namespace Gavel::Models {

class Database;

/// All SQL about mailings: one mailing with the names it refers to, what its recipients did,
/// and one customer's part in it.
class CampaignStore final
{
    Q_DECLARE_TR_FUNCTIONS(CampaignStore)

public:
    explicit CampaignStore(const Database &database);

    /// The mailing; ErrorKind::NotFound when it no longer exists.
    Result<Campaign> byId(qint64 id);
    /// Counts over the mailing's recipients on record (one range of their primary key).
    Result<CampaignFigures> figures(qint64 campaignId);
    /// The customer's part in the mailing; empty when the customer was not in its audience.
    Result<std::optional<CampaignRecipient>> recipient(qint64 campaignId, qint64 customerId);

    /// "E-mail", "SMS", "Push", "Post".
    static QString channelLabel(const QString &channel);

private:
    QSqlDatabase m_db;
};

} // namespace Gavel::Models
