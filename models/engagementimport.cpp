#include "engagementimport.h"

#include "database.h"
#include "importresolver.h"
#include "importvalues.h"
#include "sql.h"

#include <QCoreApplication>

namespace Gavel::Models {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("EngagementImport", text);
}

QString eventKey(const QString &text)
{
    return text.trimmed().toLower().remove(u' ').remove(u'_').remove(u'-');
}

} // namespace

EngagementImport::EngagementImport(ImportSession &session)
    : m_session(session), m_campaigns(session.database, QStringLiteral("campaigns"), false, session.now),
      m_events(session.database)
{
}

Result<qint64> EngagementImport::campaignFor(const ImportRow &row, const QString &key, const QString &channel,
                                             qint64 at)
{
    auto known = m_session.resolver.campaign(key);
    if (!known) {
        return known.error();
    }
    QVariantMap values;
    const QString name = row.value(field("campaign_name"));
    const QString subject = row.value(field("subject"));
    if (!name.isEmpty()) {
        values.insert(QStringLiteral("name"), name);
    }
    if (!subject.isEmpty()) {
        values.insert(QStringLiteral("subject"), subject);
    }
    const QSqlDatabase db = m_session.database.connection();
    if (*known != 0) {
        if (!m_campaignsSeen.contains(key) && !values.isEmpty()) {
            auto before = m_campaigns.previous(*known);
            if (!before) {
                return before.error();
            }
            auto merged = m_campaigns.merge(*known, values, *before);
            if (!merged) {
                return merged.error();
            }
        }
        m_campaignsSeen.insert(key);
        return *known;
    }
    auto inserted = Sql::exec(db,
                              QStringLiteral("INSERT INTO campaigns (campaign_key, name, channel, subject, sent_at)"
                                             " VALUES (?, ?, ?, ?, ?)"),
                              {key, name.isEmpty() ? key : name, channel, Sql::textOrNull(subject), Sql::intOrNull(at)},
                              tr("adding campaign %1").arg(key));
    if (!inserted) {
        return inserted.error();
    }
    auto id = Sql::scalar(db, QStringLiteral("SELECT id FROM campaigns WHERE campaign_key = ?"), {key},
                          tr("adding campaign %1").arg(key));
    if (!id) {
        return id.error();
    }
    m_session.resolver.rememberCampaign(key, id->toLongLong());
    m_campaignsSeen.insert(key);
    if (Status status = m_campaigns.remember(id->toLongLong(), values); !status) {
        return status.error();
    }
    return id->toLongLong();
}

Result<RowResult> EngagementImport::handle(const ImportRow &row)
{
    const int customerField = field("customer");
    const QString reference = row.value(customerField);
    if (reference.isEmpty()) {
        return RowResult::rejected(customerField, tr("The customer is missing."));
    }
    auto customer = m_session.resolver.customer(reference);
    if (!customer) {
        return customer.error();
    }
    if (*customer == 0 && m_session.kind == ImportKind::SmsEvents && !reference.contains(u'@')) {
        customer = m_session.resolver.customerByPhone(reference);
        if (!customer) {
            return customer.error();
        }
    }
    if (*customer == 0) {
        return RowResult::rejected(customerField, tr("There is no customer “%1”.").arg(reference));
    }
    switch (m_session.kind) {
    case ImportKind::SmsEvents:
        return smsEvent(row, *customer);
    case ImportKind::WebEvents:
        return webEvent(row, *customer);
    default:
        return campaignEvent(row, *customer);
    }
}

Result<RowResult> EngagementImport::campaignEvent(const ImportRow &row, qint64 customer)
{
    const QString key = row.value(field("campaign_key"));
    if (key.isEmpty()) {
        return RowResult::rejected(field("campaign_key"), tr("The campaign ID is missing."));
    }
    QString channel = row.value(field("channel")).toLower();
    if (channel.isEmpty()) {
        channel = QStringLiteral("email");
    }
    if (channel != u"email" && channel != u"sms" && channel != u"push" && channel != u"post") {
        return RowResult::rejected(field("channel"),
                                   tr("“%1” is not a channel (email, sms, push, post).").arg(channel));
    }
    const QString eventText = row.value(field("event"));
    const QString event = eventKey(eventText);
    const bool control = event == u"control" || event == u"controlgroup" || event == u"holdout" || event == u"heldback";
    std::optional<EventKind> kind;
    QString column;
    if (event == u"sent" || event == u"send" || event == u"delivered") {
        kind = channel == u"sms" ? EventKind::SmsSent : EventKind::EmailSent;
        column = QStringLiteral("sent_at");
    } else if (event == u"open" || event == u"opened") {
        kind = EventKind::EmailOpened;
        column = QStringLiteral("opened_at");
    } else if (event == u"click" || event == u"clicked") {
        kind = channel == u"sms" ? EventKind::SmsClicked : EventKind::EmailLinkClicked;
        column = QStringLiteral("clicked_at");
    } else if (event == u"unsubscribe" || event == u"unsubscribed" || event == u"optout") {
        kind = EventKind::Unsubscribed;
        column = QStringLiteral("unsubscribed_at");
    } else if (event == u"bounce" || event == u"bounced" || event == u"hardbounce" || event == u"softbounce") {
        kind = EventKind::EmailBounced;
        column = QStringLiteral("bounced_at");
    } else if (!control) {
        return RowResult::rejected(field("event"), tr("“%1” is not a campaign event (sent, open, click, unsubscribe, "
                                                      "bounce, control).")
                                                       .arg(eventText));
    }
    qint64 at = 0;
    if (const QString text = row.value(field("at")); !text.isEmpty()) {
        const auto parsed = ImportValues::dateTime(text);
        if (!parsed) {
            return RowResult::rejected(field("at"), tr("“%1” is not a date and time.").arg(text));
        }
        at = *parsed;
    } else if (!control) {
        return RowResult::rejected(field("at"), tr("The time of the event is missing."));
    }
    auto campaign = campaignFor(row, key, channel, kind == EventKind::EmailSent || kind == EventKind::SmsSent ? at : 0);
    if (!campaign) {
        return campaign.error();
    }
    // The recipient row keeps the first time of each event: a CASE rather than min(), which
    // SQLite's NULL handling and PostgreSQL's LEAST() disagree about.
    QString update = QStringLiteral("in_control = CASE WHEN excluded.in_control = 1 THEN 1"
                                    " ELSE campaign_recipients.in_control END");
    if (!column.isEmpty()) {
        update += QStringLiteral(", %1 = CASE WHEN campaign_recipients.%1 IS NULL OR excluded.%1 <"
                                 " campaign_recipients.%1 THEN excluded.%1 ELSE campaign_recipients.%1 END")
                      .arg(column);
    }
    const QString columns = column.isEmpty() ? QString() : QStringLiteral(", ") + column;
    const QString marks = column.isEmpty() ? QString() : QStringLiteral(", ?");
    QVariantList values = {*campaign, customer, control ? 1 : 0};
    if (!column.isEmpty()) {
        values << at;
    }
    bool wasControl = false;
    if (control) {
        auto existing = Sql::scalar(m_session.database.connection(),
                                    QStringLiteral("SELECT in_control FROM campaign_recipients"
                                                   " WHERE campaign_id = ? AND customer_id = ?"),
                                    {*campaign, customer}, tr("reading the campaign's recipient"));
        if (!existing) {
            return existing.error();
        }
        wasControl = existing->toInt() == 1;
    }
    auto written =
        Sql::exec(m_session.database.connection(),
                  QStringLiteral("INSERT INTO campaign_recipients (campaign_id, customer_id, in_control%1)"
                                 " VALUES (?, ?, ?%2) ON CONFLICT (campaign_id, customer_id) DO UPDATE SET %3")
                      .arg(columns, marks, update),
                  values, tr("saving the campaign's recipient"));
    if (!written) {
        return written.error();
    }
    if (control) {
        return wasControl ? RowResult::unchanged() : RowResult::created();
    }
    ImportEvents::Refs refs;
    refs.campaign = *campaign;
    if (Status status = m_events.add(customer, at, *kind, key, refs); !status) {
        return status.error();
    }
    if (kind == EventKind::EmailOpened || kind == EventKind::EmailLinkClicked || kind == EventKind::SmsClicked) {
        m_recount.insert({*campaign, customer});
    }
    return RowResult::added();
}

Result<RowResult> EngagementImport::smsEvent(const ImportRow &row, qint64 customer)
{
    const QString eventText = row.value(field("event"));
    const QString event = eventKey(eventText);
    EventKind kind;
    if (event == u"sent" || event == u"delivered" || event == u"send") {
        kind = EventKind::SmsSent;
    } else if (event == u"click" || event == u"clicked") {
        kind = EventKind::SmsClicked;
    } else {
        return RowResult::rejected(field("event"),
                                   tr("“%1” is not an SMS event (sent, delivered, clicked).").arg(eventText));
    }
    const QString text = row.value(field("at"));
    const auto at = ImportValues::dateTime(text);
    if (!at) {
        return RowResult::rejected(field("at"), text.isEmpty() ? tr("The time of the event is missing.")
                                                               : tr("“%1” is not a date and time.").arg(text));
    }
    ImportEvents::Refs refs;
    const QString key = row.value(field("campaign_key"));
    if (!key.isEmpty()) {
        auto campaign = campaignFor(row, key, QStringLiteral("sms"), kind == EventKind::SmsSent ? *at : 0);
        if (!campaign) {
            return campaign.error();
        }
        refs.campaign = *campaign;
    }
    refs.info = row.value(field("message"));
    if (Status status = m_events.add(customer, *at, kind, QString(key + u'|' + refs.info), refs); !status) {
        return status.error();
    }
    return RowResult::added();
}

Result<RowResult> EngagementImport::webEvent(const ImportRow &row, qint64 customer)
{
    const QString eventText = row.value(field("event"));
    const QString event = eventKey(eventText);
    EventKind kind;
    if (event == u"visit" || event == u"session" || event == u"websitevisit") {
        kind = EventKind::WebsiteVisit;
    } else if (event == u"category" || event == u"categoryview" || event == u"categoryviewed") {
        kind = EventKind::CategoryViewed;
    } else if (event == u"lot" || event == u"lotview" || event == u"lotviewed") {
        kind = EventKind::LotViewed;
    } else if (event == u"page" || event == u"pageview" || event == u"pageviewed") {
        kind = EventKind::PageViewed;
    } else if (event == u"basket" || event == u"abandonedbasket" || event == u"basketabandoned") {
        kind = EventKind::BasketAbandoned;
    } else if (event == u"wishlist" || event == u"wishlistadded") {
        kind = EventKind::WishlistAdded;
    } else {
        return RowResult::rejected(field("event"), tr("“%1” is not a website event (visit, page, category, lot, "
                                                      "basket, wishlist).")
                                                       .arg(eventText));
    }
    const QString text = row.value(field("at"));
    const auto at = ImportValues::dateTime(text);
    if (!at) {
        return RowResult::rejected(field("at"), text.isEmpty() ? tr("The time of the event is missing.")
                                                               : tr("“%1” is not a date and time.").arg(text));
    }
    ImportEvents::Refs refs;
    const QString saleNo = row.value(field("sale_no"));
    const QString lotNo = row.value(field("lot_no"));
    if (!saleNo.isEmpty() && !lotNo.isEmpty()) {
        auto lot = m_session.resolver.lot(saleNo, lotNo);
        if (!lot) {
            return lot.error();
        }
        if (!lot->has_value()) {
            return RowResult::rejected(field("lot_no"), tr("There is no lot %1 in sale %2.").arg(lotNo, saleNo));
        }
        refs.lot = (*lot)->id;
        refs.sale = (*lot)->saleId;
    }
    refs.info = row.value(field("url"));
    if (Status status = m_events.add(customer, *at, kind, QString(refs.info + u'|' + QString::number(refs.lot)), refs);
        !status) {
        return status.error();
    }
    return RowResult::added();
}

Result<qint64> EngagementImport::endBatch()
{
    auto added = m_events.flush();
    if (!added) {
        return added.error();
    }
    const QSqlDatabase db = m_session.database.connection();
    for (const auto &[campaign, customer] : std::as_const(m_recount)) {
        auto counted = Sql::exec(
            db,
            QStringLiteral("UPDATE campaign_recipients SET"
                           " open_count = (SELECT count(*) FROM events WHERE customer_id = ? AND campaign_id = ?"
                           " AND kind = ?),"
                           " click_count = (SELECT count(*) FROM events WHERE customer_id = ? AND campaign_id = ?"
                           " AND kind IN (?, ?))"
                           " WHERE campaign_id = ? AND customer_id = ?"),
            {customer, campaign, static_cast<int>(EventKind::EmailOpened), customer, campaign,
             static_cast<int>(EventKind::EmailLinkClicked), static_cast<int>(EventKind::SmsClicked), campaign,
             customer},
            tr("counting opens and clicks"));
        if (!counted) {
            return counted.error();
        }
    }
    m_recount.clear();
    return *added;
}

} // namespace Gavel::Models
