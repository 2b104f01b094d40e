#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace Gavel::Models {

class Database;

/// A customer's subscriptions as a matrix: the channels (e-mail, SMS, push, post) across,
/// the house's active categories down. No row for a cell means "not subscribed": consent
/// is given, never assumed.
struct SubscriptionMatrix
{
    Q_DECLARE_TR_FUNCTIONS(SubscriptionMatrix)

public:
    struct Category
    {
        qint64 id = 0;
        QString code;
        QString name;
        QString description;
    };

    struct Cell
    {
        QString status; ///< "subscribed", "unsubscribed", or empty: nothing recorded
        QDateTime changedAt;
        QString source;
        QString updatedBy;
    };

    /// The four channels, in display order.
    static QStringList channels();
    /// "E-mail", "SMS", "Push", "Post" (translated).
    static QString channelLabel(const QString &channel);

    QList<Category> categories; ///< active ones only, in the house's order
    QHash<QString, Cell> cells; ///< by key(channel, categoryId)
    /// Whether SMS can reach the customer at all; when not, why (translated).
    bool smsAvailable = false;
    QString smsUnavailableReason;

    static QString key(const QString &channel, qint64 categoryId)
    {
        return channel + u':' + QString::number(categoryId);
    }
    Cell cell(const QString &channel, qint64 categoryId) const { return cells.value(key(channel, categoryId)); }
    bool isSubscribed(const QString &channel, qint64 categoryId) const
    {
        return cell(channel, categoryId).status == u"subscribed";
    }
    /// How many cells are subscribed.
    int subscribedCount() const;

    /// The export's "subscriptionMatrix": channels, categories [{code, name}], cells
    /// [{channel, category, status ("subscribed", "unsubscribed", "none"), changedAt}] and
    /// sms {available, reason}.
    QJsonObject toJson() const;
};

/// Reads and changes a customer's subscriptions, one cell at a time or all at once. Every
/// change is written at once and audited, one entry per cell: entity "subscription",
/// field "<channel>:<category code>", old and new status (as the Edit Customer dialog's
/// SubscriptionStore does, so the change history reads the same).
class SubscriptionMatrixStore final
{
    Q_DECLARE_TR_FUNCTIONS(SubscriptionMatrixStore)

public:
    explicit SubscriptionMatrixStore(const Database &database);

    Result<SubscriptionMatrix> load(qint64 customerId);

    /// Subscribes or unsubscribes one cell (source "staff"). Subscribing to SMS fails with
    /// ErrorKind::Invalid when SMS cannot reach the customer; an inactive or unknown
    /// category or channel is ErrorKind::Invalid, a deleted customer ErrorKind::NotFound.
    /// Returns whether anything changed.
    Result<bool> setSubscribed(qint64 customerId, const QString &channel, qint64 categoryId, bool subscribed);
    /// Unsubscribes every subscribed cell of every channel and category (inactive ones too:
    /// "all" means all). Returns how many cells changed.
    Result<int> unsubscribeFromAll(qint64 customerId);

    /// Whether SMS can reach a customer with these numbers, and why not. Until the contact
    /// checks of the Edit Customer work (phone line types) are in, the rule is: SMS go to
    /// the SMS number; a customer with only a (landline) phone number cannot get them.
    static bool smsReachable(const QString &phone, const QString &smsNumber, QString *reason);

private:
    Result<QString> customerUuid(qint64 customerId, const QString &what);
    Status write(qint64 customerId, const QString &customerUuid, const QString &channel, qint64 categoryId,
                 const QString &categoryCode, const QString &before, const QString &status, const QString &what);

    QSqlDatabase m_db;
    QString m_actor;
};

} // namespace Gavel::Models
