#include "subscriptionstore.h"

#include "auditstore.h"
#include "database.h"
#include "epoch.h"
#include "sql.h"

#include <QCoreApplication>
#include <QHash>

namespace Gavel::Models {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Gavel::Models::SubscriptionStore", text);
}

} // namespace

QString ChannelSubscription::summary() const
{
    if (activeCategories == 0) {
        return tr("No categories to subscribe to");
    }
    if (subscribed == 0 && unsubscribed == 0) {
        return tr("No subscriptions recorded");
    }
    if (subscribed == 0) {
        return unsubscribed == activeCategories ? tr("Unsubscribed from all") : tr("Not subscribed");
    }
    if (subscribed == activeCategories) {
        return activeCategories == 1 ? tr("Subscribed to the one category")
                                     : tr("Subscribed to all %1 categories").arg(activeCategories);
    }
    return tr("Subscribed to %1 of %2 categories").arg(subscribed).arg(activeCategories);
}

SubscriptionStore::SubscriptionStore(const Database &database) : m_db(database.connection()), m_actor(database.actor())
{
}

QString SubscriptionStore::channelLabel(const QString &channel)
{
    if (channel == u"email") {
        return tr("E-mail");
    }
    if (channel == u"sms") {
        return tr("SMS");
    }
    if (channel == u"push") {
        return tr("Push");
    }
    if (channel == u"post") {
        return tr("Post");
    }
    return channel;
}

Result<QList<SubscriptionCategory>> SubscriptionStore::categories(bool activeOnly)
{
    auto query = Sql::exec(m_db,
                           QStringLiteral("SELECT id, code, name, description, active, sort_order"
                                          " FROM subscription_categories") +
                               (activeOnly ? QStringLiteral(" WHERE active = 1") : QString()) +
                               QStringLiteral(" ORDER BY sort_order, name, id"),
                           {}, QStringLiteral("reading the subscription categories"));
    if (!query) {
        return query.error();
    }
    QList<SubscriptionCategory> categories;
    while (query->next()) {
        categories.append({query->value(0).toLongLong(), query->value(1).toString(), query->value(2).toString(),
                           query->value(3).toString(), query->value(4).toInt() != 0, query->value(5).toInt()});
    }
    return categories;
}

Result<QList<Subscription>> SubscriptionStore::forCustomer(qint64 customerId)
{
    auto query = Sql::exec(m_db,
                           QStringLiteral("SELECT s.channel, s.category_id, c.code, s.status, s.changed_at, s.source,"
                                          " s.version, s.updated_at, s.updated_by"
                                          " FROM subscriptions s JOIN subscription_categories c ON c.id = s.category_id"
                                          " WHERE s.customer_id = ? ORDER BY s.channel, c.sort_order, c.id"),
                           {customerId}, QStringLiteral("reading the customer's subscriptions"));
    if (!query) {
        return query.error();
    }
    QList<Subscription> rows;
    while (query->next()) {
        Subscription row;
        row.channel = query->value(0).toString();
        row.categoryId = query->value(1).toLongLong();
        row.categoryCode = query->value(2).toString();
        row.status = query->value(3).toString();
        row.changedAt = fromEpoch(query->value(4));
        row.source = query->value(5).toString();
        row.version = query->value(6).toInt();
        row.updatedAt = fromEpoch(query->value(7));
        row.updatedBy = query->value(8).toString();
        rows << row;
    }
    return rows;
}

Result<QList<ChannelSubscription>> SubscriptionStore::summary(qint64 customerId, const QStringList &channels)
{
    auto active = Sql::scalar(m_db, QStringLiteral("SELECT count(*) FROM subscription_categories WHERE active = 1"), {},
                              QStringLiteral("counting the subscription categories"));
    if (!active) {
        return active.error();
    }
    auto query = Sql::exec(m_db,
                           QStringLiteral("SELECT s.channel, s.status, count(*) FROM subscriptions s"
                                          " JOIN subscription_categories c ON c.id = s.category_id AND c.active = 1"
                                          " WHERE s.customer_id = ? GROUP BY s.channel, s.status"),
                           {customerId}, QStringLiteral("reading the customer's subscriptions"));
    if (!query) {
        return query.error();
    }
    QHash<QString, ChannelSubscription> byChannel;
    while (query->next()) {
        ChannelSubscription &channel = byChannel[query->value(0).toString()];
        (query->value(1).toString() == Subscribed ? channel.subscribed : channel.unsubscribed) =
            query->value(2).toInt();
    }
    QList<ChannelSubscription> summaries;
    for (const QString &channel : channels) {
        ChannelSubscription summary = byChannel.value(channel);
        summary.channel = channel;
        summary.activeCategories = active->toInt();
        summaries << summary;
    }
    return summaries;
}

Result<int> SubscriptionStore::setChannel(qint64 customerId, const QString &customerUuid, const QString &channel,
                                          bool subscribed)
{
    auto active = categories(true);
    if (!active) {
        return active.error();
    }
    auto existing = forCustomer(customerId);
    if (!existing) {
        return existing.error();
    }
    QHash<qint64, QString> current;
    for (const Subscription &row : std::as_const(*existing)) {
        if (row.channel == channel) {
            current.insert(row.categoryId, row.status);
        }
    }
    const QString status = subscribed ? Subscribed : Unsubscribed;
    const QString what = QStringLiteral("changing the customer's %1 subscriptions").arg(channelLabel(channel));
    int changed = 0;
    for (const SubscriptionCategory &category : std::as_const(*active)) {
        const QString before = current.value(category.id);
        if (before == status) {
            continue;
        }
        if (Status written = writeStatus(customerId, customerUuid, channel, category.id, category.code, before,
                                         status, what);
            !written) {
            return written.error();
        }
        ++changed;
    }
    return changed;
}

Status SubscriptionStore::writeStatus(qint64 customerId, const QString &customerUuid, const QString &channel,
                                      qint64 categoryId, const QString &categoryCode, const QString &before,
                                      const QString &status, const QString &what)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    auto written = !before.isEmpty()
        ? Sql::exec(m_db,
                    QStringLiteral("UPDATE subscriptions SET status = ?, changed_at = ?, source = 'staff',"
                                   " version = version + 1, updated_at = ?, updated_by = ?"
                                   " WHERE customer_id = ? AND channel = ? AND category_id = ?"),
                    {status, now, now, m_actor, customerId, channel, categoryId}, what)
        : Sql::exec(m_db,
                    QStringLiteral("INSERT INTO subscriptions (customer_id, channel, category_id, status,"
                                   " changed_at, source, version, updated_at, updated_by)"
                                   " VALUES (?, ?, ?, ?, ?, 'staff', 1, ?, ?)"),
                    {customerId, channel, categoryId, status, now, now, m_actor}, what);
    if (!written) {
        return written.error();
    }
    return AuditStore(m_db).record({0, fromEpoch(now), m_actor, QStringLiteral("subscription"), categoryId,
                                    customerUuid, customerId,
                                    before.isEmpty() ? QStringLiteral("create") : QStringLiteral("update"),
                                    channel + u':' + categoryCode, before, status});
}

Result<bool> SubscriptionStore::setCategory(qint64 customerId, const QString &customerUuid, const QString &channel,
                                            const SubscriptionCategory &category, bool subscribed)
{
    const QString what = QStringLiteral("changing the customer's %1 subscriptions").arg(channelLabel(channel));
    auto before = Sql::scalar(m_db,
                              QStringLiteral("SELECT status FROM subscriptions"
                                             " WHERE customer_id = ? AND channel = ? AND category_id = ?"),
                              {customerId, channel, category.id}, what);
    if (!before) {
        return before.error();
    }
    const QString status = subscribed ? Subscribed : Unsubscribed;
    const QString previous = before->isNull() ? QString() : before->toString();
    if (previous == status || (!subscribed && previous.isEmpty())) {
        return false; // already so; "never subscribed" already means not subscribed
    }
    if (Status written = writeStatus(customerId, customerUuid, channel, category.id, category.code, previous, status,
                                     what);
        !written) {
        return written.error();
    }
    return true;
}

Result<int> SubscriptionStore::unsubscribeFromAll(qint64 customerId, const QString &customerUuid)
{
    const QString what = QStringLiteral("unsubscribing the customer from everything");
    auto rows = Sql::exec(m_db,
                          QStringLiteral("SELECT s.channel, s.category_id, c.code FROM subscriptions s"
                                         " JOIN subscription_categories c ON c.id = s.category_id"
                                         " WHERE s.customer_id = ? AND s.status = 'subscribed'"
                                         " ORDER BY s.channel, c.sort_order, c.id"),
                          {customerId}, what);
    if (!rows) {
        return rows.error();
    }
    struct Cell
    {
        QString channel;
        qint64 categoryId;
        QString code;
    };
    QList<Cell> subscribed;
    while (rows->next()) {
        subscribed << Cell{rows->value(0).toString(), rows->value(1).toLongLong(), rows->value(2).toString()};
    }
    rows->finish();
    for (const Cell &cell : std::as_const(subscribed)) {
        if (Status written = writeStatus(customerId, customerUuid, cell.channel, cell.categoryId, cell.code,
                                         Subscribed, Unsubscribed, what);
            !written) {
            return written.error();
        }
    }
    return static_cast<int>(subscribed.size());
}

} // namespace Gavel::Models
