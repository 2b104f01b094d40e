#include "subscriptionmatrixstore.h"

#include "auditstore.h"
#include "database.h"
#include "epoch.h"
#include "sql.h"
#include "transaction.h"

#include <QJsonArray>

namespace Gavel::Models {

namespace {

const QString kSubscribed = QStringLiteral("subscribed");
const QString kUnsubscribed = QStringLiteral("unsubscribed");

} // namespace

QStringList SubscriptionMatrix::channels()
{
    return {QStringLiteral("email"), QStringLiteral("sms"), QStringLiteral("push"), QStringLiteral("post")};
}

QString SubscriptionMatrix::channelLabel(const QString &channel)
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

SubscriptionMatrixStore::SubscriptionMatrixStore(const Database &database)
    : m_db(database.connection()), m_actor(database.actor())
{
}

bool SubscriptionMatrixStore::smsReachable(const QString &phone, const QString &smsNumber, QString *reason)
{
    if (!smsNumber.trimmed().isEmpty()) {
        reason->clear();
        return true;
    }
    *reason = phone.trimmed().isEmpty()
        ? tr("No mobile number is on file, so SMS cannot reach this customer.")
        : tr("Only a landline (%1) is on file: SMS needs a mobile number.").arg(phone.trimmed());
    return false;
}

Result<SubscriptionMatrix> SubscriptionMatrixStore::load(qint64 customerId)
{
    SubscriptionMatrix matrix;
    auto customer = Sql::exec(m_db, QStringLiteral("SELECT phone, sms_number FROM customers WHERE id = ?"),
                              {customerId}, tr("reading the customer's subscriptions"));
    if (!customer) {
        return customer.error();
    }
    if (!customer->next()) {
        return Error::make(ErrorKind::NotFound, tr("This customer no longer exists."));
    }
    matrix.smsAvailable =
        smsReachable(customer->value(0).toString(), customer->value(1).toString(), &matrix.smsUnavailableReason);

    auto categories = Sql::exec(m_db,
                                QStringLiteral("SELECT id, code, name, description FROM subscription_categories"
                                               " WHERE active = 1 ORDER BY sort_order, name, id"),
                                {}, tr("reading the subscription categories"));
    if (!categories) {
        return categories.error();
    }
    while (categories->next()) {
        matrix.categories << SubscriptionMatrix::Category{categories->value(0).toLongLong(),
                                                          categories->value(1).toString(),
                                                          categories->value(2).toString(),
                                                          categories->value(3).toString()};
    }

    auto rows = Sql::exec(m_db,
                          QStringLiteral("SELECT channel, category_id, status, changed_at, source, updated_by"
                                         " FROM subscriptions WHERE customer_id = ?"),
                          {customerId}, tr("reading the customer's subscriptions"));
    if (!rows) {
        return rows.error();
    }
    while (rows->next()) {
        matrix.cells.insert(SubscriptionMatrix::key(rows->value(0).toString(), rows->value(1).toLongLong()),
                            {rows->value(2).toString(), fromEpoch(rows->value(3)), rows->value(4).toString(),
                             rows->value(5).toString()});
    }
    return matrix;
}

Result<QString> SubscriptionMatrixStore::customerUuid(qint64 customerId, const QString &what)
{
    auto uuid = Sql::scalar(m_db, QStringLiteral("SELECT uuid FROM customers WHERE id = ?"), {customerId}, what);
    if (!uuid) {
        return uuid.error();
    }
    if (uuid->isNull()) {
        return Error::make(ErrorKind::NotFound,
                           tr("This customer no longer exists, so the subscriptions were not changed."));
    }
    return uuid->toString();
}

Status SubscriptionMatrixStore::write(qint64 customerId, const QString &uuid, const QString &channel,
                                      qint64 categoryId, const QString &categoryCode, const QString &before,
                                      const QString &status, const QString &what)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    auto written = before.isEmpty()
        ? Sql::exec(m_db,
                    QStringLiteral("INSERT INTO subscriptions (customer_id, channel, category_id, status, changed_at,"
                                   " source, version, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, 'staff', 1, ?, ?)"),
                    {customerId, channel, categoryId, status, now, now, m_actor}, what)
        : Sql::exec(m_db,
                    QStringLiteral("UPDATE subscriptions SET status = ?, changed_at = ?, source = 'staff',"
                                   " version = version + 1, updated_at = ?, updated_by = ?"
                                   " WHERE customer_id = ? AND channel = ? AND category_id = ?"),
                    {status, now, now, m_actor, customerId, channel, categoryId}, what);
    if (!written) {
        return written.error();
    }
    return AuditStore(m_db).record({0, fromEpoch(now), m_actor, QStringLiteral("subscription"), categoryId, uuid,
                                    customerId, before.isEmpty() ? QStringLiteral("create") : QStringLiteral("update"),
                                    channel + u':' + categoryCode, before, status});
}

Result<bool> SubscriptionMatrixStore::setSubscribed(qint64 customerId, const QString &channel, qint64 categoryId,
                                                    bool subscribed)
{
    if (!SubscriptionMatrix::channels().contains(channel)) {
        return Error::make(ErrorKind::Invalid, tr("“%1” is not a channel customers subscribe on.").arg(channel));
    }
    const QString what = tr("changing the customer's %1 subscriptions").arg(SubscriptionMatrix::channelLabel(channel));
    Transaction transaction(m_db);
    if (!transaction.isActive()) {
        return transaction.error();
    }
    auto uuid = customerUuid(customerId, what);
    if (!uuid) {
        return uuid.error();
    }
    auto category = Sql::exec(m_db,
                              QStringLiteral("SELECT code, name FROM subscription_categories WHERE id = ? AND active = 1"),
                              {categoryId}, what);
    if (!category) {
        return category.error();
    }
    if (!category->next()) {
        return Error::make(ErrorKind::Invalid, tr("This subscription category is no longer offered."));
    }
    const QString code = category->value(0).toString();
    const QString name = category->value(1).toString();
    category->finish();
    if (subscribed && channel == u"sms") {
        auto numbers = Sql::exec(m_db, QStringLiteral("SELECT phone, sms_number FROM customers WHERE id = ?"),
                                 {customerId}, what);
        if (!numbers) {
            return numbers.error();
        }
        numbers->next();
        QString reason;
        if (!smsReachable(numbers->value(0).toString(), numbers->value(1).toString(), &reason)) {
            return Error::make(ErrorKind::Invalid, tr("Not subscribed to “%1” by SMS. %2").arg(name, reason));
        }
    }
    auto before = Sql::scalar(m_db,
                              QStringLiteral("SELECT status FROM subscriptions"
                                             " WHERE customer_id = ? AND channel = ? AND category_id = ?"),
                              {customerId, channel, categoryId}, what);
    if (!before) {
        return before.error();
    }
    const QString status = subscribed ? kSubscribed : kUnsubscribed;
    const QString previous = before->isNull() ? QString() : before->toString();
    if (previous == status || (!subscribed && previous.isEmpty())) {
        return false; // already so; "never subscribed" already means not subscribed
    }
    if (Status written = write(customerId, *uuid, channel, categoryId, code, previous, status, what); !written) {
        return written.error();
    }
    if (Status committed = transaction.commit(); !committed) {
        return committed.error();
    }
    return true;
}

Result<int> SubscriptionMatrixStore::unsubscribeFromAll(qint64 customerId)
{
    const QString what = tr("unsubscribing the customer from everything");
    Transaction transaction(m_db);
    if (!transaction.isActive()) {
        return transaction.error();
    }
    auto uuid = customerUuid(customerId, what);
    if (!uuid) {
        return uuid.error();
    }
    auto rows = Sql::exec(m_db,
                          QStringLiteral("SELECT s.channel, s.category_id, c.code FROM subscriptions s"
                                         " JOIN subscription_categories c ON c.id = s.category_id"
                                         " WHERE s.customer_id = ? AND s.status = 'subscribed'"
                                         " ORDER BY s.channel, c.sort_order, c.id"),
                          {customerId}, what);
    if (!rows) {
        return rows.error();
    }
    struct Subscribed
    {
        QString channel;
        qint64 categoryId;
        QString code;
    };
    QList<Subscribed> subscribed;
    while (rows->next()) {
        subscribed << Subscribed{rows->value(0).toString(), rows->value(1).toLongLong(), rows->value(2).toString()};
    }
    rows->finish();
    for (const Subscribed &cell : std::as_const(subscribed)) {
        if (Status written = write(customerId, *uuid, cell.channel, cell.categoryId, cell.code, kSubscribed,
                                   kUnsubscribed, what);
            !written) {
            return written.error();
        }
    }
    if (Status committed = transaction.commit(); !committed) {
        return committed.error();
    }
    return static_cast<int>(subscribed.size());
}

} // namespace Gavel::Models
