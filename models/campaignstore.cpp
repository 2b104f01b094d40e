#include "campaignstore.h"

#include "database.h"
#include "epoch.h"
#include "sql.h"

#include <QSqlQuery>

namespace Gavel::Models {

CampaignStore::CampaignStore(const Database &database) : m_db(database.connection())
{
}

Result<Campaign> CampaignStore::byId(qint64 id)
{
    auto query = Sql::exec(m_db,
                           QStringLiteral("SELECT c.id, c.campaign_key, c.name, c.channel, sc.name, c.programme,"
                                          " c.subject, c.sent_at, c.sale_id, s.sale_no, s.title, d.name,"
                                          " c.audience_size, c.control_size"
                                          " FROM campaigns c"
                                          " LEFT JOIN subscription_categories sc ON sc.id = c.category_id"
                                          " LEFT JOIN sales s ON s.id = c.sale_id"
                                          " LEFT JOIN departments d ON d.id = c.department_id"
                                          " WHERE c.id = ?"),
                           {id}, QStringLiteral("reading the mailing"));
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return Error::make(ErrorKind::NotFound, tr("This mailing no longer exists."));
    }
    Campaign campaign;
    campaign.id = query->value(0).toLongLong();
    campaign.key = query->value(1).toString();
    campaign.name = query->value(2).toString();
    campaign.channel = query->value(3).toString();
    campaign.categoryName = query->value(4).toString();
    campaign.programme = query->value(5).toString();
    campaign.subject = query->value(6).toString();
    campaign.sentAt = fromEpoch(query->value(7));
    campaign.saleId = query->value(8).toLongLong();
    campaign.saleNo = query->value(9).toString();
    campaign.saleTitle = query->value(10).toString();
    campaign.departmentName = query->value(11).toString();
    campaign.audienceSize = query->value(12).toInt();
    campaign.controlSize = query->value(13).toInt();
    return campaign;
}

Result<CampaignFigures> CampaignStore::figures(qint64 campaignId)
{
    auto query = Sql::exec(m_db,
                           QStringLiteral("SELECT count(*), COALESCE(sum(in_control), 0), count(sent_at),"
                                          " count(opened_at), count(clicked_at), count(unsubscribed_at),"
                                          " count(bounced_at)"
                                          " FROM campaign_recipients WHERE campaign_id = ?"),
                           {campaignId}, QStringLiteral("counting the mailing's opens and clicks"));
    if (!query) {
        return query.error();
    }
    CampaignFigures figures;
    if (query->next()) {
        figures.recipients = query->value(0).toLongLong();
        figures.inControl = query->value(1).toLongLong();
        figures.sent = query->value(2).toLongLong();
        figures.opened = query->value(3).toLongLong();
        figures.clicked = query->value(4).toLongLong();
        figures.unsubscribed = query->value(5).toLongLong();
        figures.bounced = query->value(6).toLongLong();
    }
    return figures;
}

Result<std::optional<CampaignRecipient>> CampaignStore::recipient(qint64 campaignId, qint64 customerId)
{
    auto query = Sql::exec(m_db,
                           QStringLiteral("SELECT in_control, sent_at, opened_at, open_count, clicked_at, click_count,"
                                          " unsubscribed_at, bounced_at"
                                          " FROM campaign_recipients WHERE campaign_id = ? AND customer_id = ?"),
                           {campaignId, customerId}, QStringLiteral("reading the customer's part in the mailing"));
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return std::optional<CampaignRecipient>();
    }
    CampaignRecipient recipient;
    recipient.inControl = query->value(0).toInt() != 0;
    recipient.sentAt = fromEpoch(query->value(1));
    recipient.openedAt = fromEpoch(query->value(2));
    recipient.openCount = query->value(3).toInt();
    recipient.clickedAt = fromEpoch(query->value(4));
    recipient.clickCount = query->value(5).toInt();
    recipient.unsubscribedAt = fromEpoch(query->value(6));
    recipient.bouncedAt = fromEpoch(query->value(7));
    return std::optional<CampaignRecipient>(recipient);
}

QString CampaignStore::channelLabel(const QString &channel)
{
    if (channel == u"email") {
        return tr("E-mail");
    }
    if (channel == u"sms") {
        return tr("SMS");
    }
    if (channel == u"push") {
        return tr("Push notification");
    }
    if (channel == u"post") {
        return tr("Post");
    }
    return channel;
}

} // namespace Gavel::Models
