#pragma once

#include "result.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace Gavel::Models {

class Database;

/// Something a customer can subscribe to on each channel (Newsletter, Sale alerts…).
struct SubscriptionCategory
{
    qint64 id = 0;
    QString code;
    QString name;
    QString description;
    bool active = true;
    int sortOrder = 0;
};

/// One row of the subscriptions table: a customer's status for one category on one channel.
struct Subscription
{
    QString channel; ///< "email", "sms", "push", "post"
    qint64 categoryId = 0;
    QString categoryCode;
    QString status; ///< "subscribed" or "unsubscribed"
    QDateTime changedAt;
    QString source;
    int version = 0;
    QDateTime updatedAt;
    QString updatedBy;
};

/// A customer's subscriptions on one channel, over the active categories only (inactive
/// ones are hidden in the profile). No row for a category means not subscribed: consent is
/// given, never assumed.
struct ChannelSubscription
{
    QString channel;
    int activeCategories = 0; ///< M
    int subscribed = 0;       ///< N: active categories with status "subscribed"
    int unsubscribed = 0;     ///< active categories with an explicit "unsubscribed"

    bool isSubscribedToAll() const { return activeCategories > 0 && subscribed == activeCategories; }
    bool isSubscribedToNone() const { return subscribed == 0; }
    /// "Subscribed to 3 of 5 categories", "Unsubscribed from all", "No subscriptions recorded" (translated).
    QString summary() const;
};

/// All SQL about subscriptions and their categories. Writes join the caller's transaction
/// (Edit Customer saves a customer, its subscriptions and departments together) and are
/// written to the audit log, one entry per category changed: entity "subscription",
/// field "<channel>:<category code>", old and new status.
///
/// The profile's channel × category matrix (SubscriptionMatrixStore) sets one category or
/// unsubscribes from all.
class SubscriptionStore final
{
public:
    explicit SubscriptionStore(const Database &database);
    SubscriptionStore(QSqlDatabase db, QString actor) : m_db(std::move(db)), m_actor(std::move(actor)) {}

    static inline const QString Subscribed = QStringLiteral("subscribed");
    static inline const QString Unsubscribed = QStringLiteral("unsubscribed");

    /// The channels the profile summarises, in display order.
    static QStringList summaryChannels() { return {QStringLiteral("email"), QStringLiteral("sms")}; }
    /// "E-mail", "SMS", "Push", "Post" (translated).
    static QString channelLabel(const QString &channel);

    Result<QList<SubscriptionCategory>> categories(bool activeOnly = true);
    /// The customer's rows on every channel, by channel and category order.
    Result<QList<Subscription>> forCustomer(qint64 customerId);
    /// One summary per channel of `channels`, in that order.
    Result<QList<ChannelSubscription>> summary(qint64 customerId, const QStringList &channels = summaryChannels());

    /// Subscribes or unsubscribes the customer on every active category of `channel`
    /// (source "staff"). Categories already in that state are left alone. Returns how many
    /// categories changed.
    Result<int> setChannel(qint64 customerId, const QString &customerUuid, const QString &channel, bool subscribed);
    /// Subscribes or unsubscribes one category of one channel (source "staff"); returns whether
    /// anything changed (unsubscribing from what was never subscribed records nothing).
    Result<bool> setCategory(qint64 customerId, const QString &customerUuid, const QString &channel,
                             const SubscriptionCategory &category, bool subscribed);
    /// Unsubscribes every subscribed category of every channel (inactive categories too: "all"
    /// means all). Returns how many changed.
    Result<int> unsubscribeFromAll(qint64 customerId, const QString &customerUuid);

private:
    /// Writes one status (an INSERT when `before` is empty) and its audit entry.
    Status writeStatus(qint64 customerId, const QString &customerUuid, const QString &channel, qint64 categoryId,
                       const QString &categoryCode, const QString &before, const QString &status, const QString &what);

    QSqlDatabase m_db;
    QString m_actor;
};

} // namespace Gavel::Models
