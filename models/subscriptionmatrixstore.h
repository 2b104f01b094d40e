#pragma once

#include "result.h"
#include "subscriptionstore.h"

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
    using Category = SubscriptionCategory;

    struct Cell
    {
        QString status; ///< "subscribed", "unsubscribed", or empty: nothing recorded
        QDateTime changedAt;
        QString source;
        QString updatedBy;
    };

    /// The four channels, in display order.
    static QStringList channels();

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

/// The profile's matrix over SubscriptionStore: reads it with the SMS eligibility of the
/// customer's checked contacts (ContactValidation), and changes one cell or all at once, each
/// in its own transaction and audited by SubscriptionStore (one entry per cell).
class SubscriptionMatrixStore final
{
    Q_DECLARE_TR_FUNCTIONS(SubscriptionMatrixStore)

public:
    explicit SubscriptionMatrixStore(const Database &database);

    Result<SubscriptionMatrix> load(qint64 customerId);

    /// Subscribes or unsubscribes one cell (source "staff"). Subscribing to SMS fails with
    /// ErrorKind::Invalid when SMS cannot reach the customer (not SMS-eligible); an inactive or unknown
    /// category or channel is ErrorKind::Invalid, a deleted customer ErrorKind::NotFound.
    /// Returns whether anything changed.
    Result<bool> setSubscribed(qint64 customerId, const QString &channel, qint64 categoryId, bool subscribed);
    /// Unsubscribes every subscribed cell of every channel and category (inactive ones too:
    /// "all" means all). Returns how many cells changed.
    Result<int> unsubscribeFromAll(qint64 customerId);

private:
    /// The customer's uuid and whether SMS can reach them (and why not).
    struct Reach
    {
        QString uuid;
        bool smsAvailable = false;
        QString smsReason;
    };
    Result<Reach> reach(qint64 customerId, const QString &what);

    const Database &m_database;
};

} // namespace Gavel::Models
