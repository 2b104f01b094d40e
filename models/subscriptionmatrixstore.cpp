#include "subscriptionmatrixstore.h"

#include "contactvalidation.h"
#include "database.h"
#include "epoch.h"
#include "sql.h"
#include "transaction.h"

#include <QJsonArray>

#include <algorithm>

namespace Gavel::Models {

QStringList SubscriptionMatrix::channels()
{
    return {QStringLiteral("email"), QStringLiteral("sms"), QStringLiteral("push"), QStringLiteral("post")};
}

int SubscriptionMatrix::subscribedCount() const
{
    int count = 0;
    for (const Category &category : categories) {
        for (const QString &channel : channels()) {
            count += isSubscribed(channel, category.id) ? 1 : 0;
        }
    }
    return count;
}

QJsonObject SubscriptionMatrix::toJson() const
{
    QJsonArray categoryArray;
    QJsonArray cellArray;
    for (const Category &category : categories) {
        categoryArray.append(QJsonObject{{QStringLiteral("code"), category.code}, {QStringLiteral("name"), category.name}});
        for (const QString &channel : channels()) {
            const Cell c = cell(channel, category.id);
            cellArray.append(QJsonObject{
                {QStringLiteral("channel"), channel},
                {QStringLiteral("category"), category.code},
                {QStringLiteral("status"), c.status.isEmpty() ? QStringLiteral("none") : c.status},
                {QStringLiteral("changedAt"),
                 c.changedAt.isValid() ? QJsonValue(c.changedAt.toUTC().toString(Qt::ISODate)) : QJsonValue()}});
        }
    }
    return {{QStringLiteral("channels"), QJsonArray::fromStringList(channels())},
            {QStringLiteral("categories"), categoryArray},
            {QStringLiteral("cells"), cellArray},
            {QStringLiteral("sms"),
             QJsonObject{{QStringLiteral("available"), smsAvailable},
                         {QStringLiteral("reason"),
                          smsAvailable ? QJsonValue() : QJsonValue(smsUnavailableReason)}}}};
}

SubscriptionMatrixStore::SubscriptionMatrixStore(const Database &database) : m_database(database) {}

Result<SubscriptionMatrixStore::Reach> SubscriptionMatrixStore::reach(qint64 customerId, const QString &what)
{
    auto customer = Sql::exec(m_database.connection(),
                              QStringLiteral("SELECT uuid, email, phone, sms_number, country FROM customers WHERE id = ?"),
                              {customerId}, what);
    if (!customer) {
        return customer.error();
    }
    if (!customer->next()) {
        return Error::make(ErrorKind::NotFound,
                           tr("This customer no longer exists, so the subscriptions cannot be shown or changed."));
    }
    // The same checks as the sidebar and the export (SMS go to the SMS number, else the phone;
    // a landline cannot receive them).
    const ContactValidation validation = validateContacts(customer->value(1).toString(), customer->value(2).toString(),
                                                          customer->value(3).toString(), customer->value(4).toString());
    return Reach{customer->value(0).toString(), validation.smsEligible, validation.smsIneligibleReason};
}

Result<SubscriptionMatrix> SubscriptionMatrixStore::load(qint64 customerId)
{
    auto customer = reach(customerId, tr("reading the customer's subscriptions"));
    if (!customer) {
        return customer.error();
    }
    SubscriptionMatrix matrix;
    matrix.smsAvailable = customer->smsAvailable;
    matrix.smsUnavailableReason = customer->smsReason;
    SubscriptionStore store(m_database);
    auto categories = store.categories(true);
    if (!categories) {
        return categories.error();
    }
    matrix.categories = *categories;
    auto rows = store.forCustomer(customerId);
    if (!rows) {
        return rows.error();
    }
    for (const Subscription &row : std::as_const(*rows)) {
        matrix.cells.insert(SubscriptionMatrix::key(row.channel, row.categoryId),
                            {row.status, row.changedAt, row.source, row.updatedBy});
    }
    return matrix;
}

Result<bool> SubscriptionMatrixStore::setSubscribed(qint64 customerId, const QString &channel, qint64 categoryId,
                                                    bool subscribed)
{
    if (!SubscriptionMatrix::channels().contains(channel)) {
        return Error::make(ErrorKind::Invalid, tr("“%1” is not a channel customers subscribe on.").arg(channel));
    }
    const QString what =
        tr("changing the customer's %1 subscriptions").arg(SubscriptionStore::channelLabel(channel));
    Transaction transaction(m_database.connection());
    if (!transaction.isActive()) {
        return transaction.error();
    }
    auto customer = reach(customerId, what);
    if (!customer) {
        return customer.error();
    }
    SubscriptionStore store(m_database);
    auto categories = store.categories(true);
    if (!categories) {
        return categories.error();
    }
    const auto category = std::find_if(categories->cbegin(), categories->cend(),
                                       [categoryId](const SubscriptionCategory &c) { return c.id == categoryId; });
    if (category == categories->cend()) {
        return Error::make(ErrorKind::Invalid, tr("This subscription category is no longer offered."));
    }
    if (subscribed && channel == u"sms" && !customer->smsAvailable) {
        return Error::make(ErrorKind::Invalid,
                           tr("Not subscribed to “%1” by SMS: %2").arg(category->name, customer->smsReason));
    }
    auto changed = store.setCategory(customerId, customer->uuid, channel, *category, subscribed);
    if (!changed) {
        return changed.error();
    }
    if (Status committed = transaction.commit(); !committed) {
        return committed.error();
    }
    return *changed;
}

Result<int> SubscriptionMatrixStore::unsubscribeFromAll(qint64 customerId)
{
    const QString what = tr("unsubscribing the customer from everything");
    Transaction transaction(m_database.connection());
    if (!transaction.isActive()) {
        return transaction.error();
    }
    auto customer = reach(customerId, what);
    if (!customer) {
        return customer.error();
    }
    auto ended = SubscriptionStore(m_database).unsubscribeFromAll(customerId, customer->uuid);
    if (!ended) {
        return ended.error();
    }
    if (Status committed = transaction.commit(); !committed) {
        return committed.error();
    }
    return *ended;
}

} // namespace Gavel::Models
