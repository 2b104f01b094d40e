#include "customerstore.h"

#include "auditstore.h"
#include "contactvalidationstore.h"
#include "database.h"
#include "departmentstore.h"
#include "epoch.h"
#include "sql.h"
#include "subscriptionstore.h"
#include "transaction.h"

#include <QLocale>
#include <QSqlQuery>
#include <QUuid>

#include <functional>

namespace Gavel::Models {

namespace {

/// Optional text columns are NOT NULL DEFAULT '': a null QString would bind as NULL.
QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

/// An editable column: how to bind it and how to show it in the audit log.
struct EditableField
{
    const char *column;
    std::function<QVariant(const Customer &)> value;
};

const std::vector<EditableField> &editableFields()
{
    static const std::vector<EditableField> fields = {
        {"customer_no", [](const Customer &c) { return text(c.customerNo); }},
        {"title", [](const Customer &c) { return text(c.title); }},
        {"first_name", [](const Customer &c) { return text(c.firstName); }},
        {"last_name", [](const Customer &c) { return text(c.lastName); }},
        {"company", [](const Customer &c) { return text(c.company); }},
        {"email", [](const Customer &c) { return text(c.email); }},
        {"phone", [](const Customer &c) { return text(c.phone); }},
        {"sms_number", [](const Customer &c) { return text(c.smsNumber); }},
        {"address_line1", [](const Customer &c) { return text(c.addressLine1); }},
        {"address_line2", [](const Customer &c) { return text(c.addressLine2); }},
        {"city", [](const Customer &c) { return text(c.city); }},
        {"region", [](const Customer &c) { return text(c.region); }},
        {"postal_code", [](const Customer &c) { return text(c.postalCode); }},
        {"country", [](const Customer &c) { return text(c.country); }},
        {"gender", [](const Customer &c) { return text(c.gender); }},
        {"birth_date", [](const Customer &c) { return text(toIsoDate(c.birthDate)); }},
        {"language", [](const Customer &c) { return text(c.language); }},
        {"registered_at", [](const Customer &c) { return QVariant(toEpoch(c.registeredAt)); }},
        {"vip", [](const Customer &c) { return QVariant(c.vip ? 1 : 0); }},
        {"source", [](const Customer &c) { return text(c.source); }},
    };
    return fields;
}

/// What the audit log shows for a value: dates and times readable, not epoch numbers.
QString auditText(const char *column, const QVariant &value)
{
    if (qstrcmp(column, "registered_at") == 0) {
        const QDateTime time = fromEpoch(value.toLongLong());
        return time.isValid() ? time.toString(Qt::ISODate) : QString();
    }
    if (qstrcmp(column, "vip") == 0) {
        return value.toInt() ? QStringLiteral("yes") : QStringLiteral("no");
    }
    return value.toString();
}

Status checkRequired(const Customer &customer)
{
    if (customer.customerNo.trimmed().isEmpty()) {
        return Error::make(ErrorKind::Invalid, QStringLiteral("A customer needs a Customer ID."));
    }
    return {};
}

} // namespace

CustomerStore::CustomerStore(const Database &database) : m_db(database.connection()), m_actor(database.actor()) {}

QString CustomerStore::selectColumns(const QString &tableAlias)
{
    static const QStringList columns = {
        QStringLiteral("id"),
        QStringLiteral("uuid"),
        QStringLiteral("customer_no"),
        QStringLiteral("title"),
        QStringLiteral("first_name"),
        QStringLiteral("last_name"),
        QStringLiteral("company"),
        QStringLiteral("email"),
        QStringLiteral("phone"),
        QStringLiteral("sms_number"),
        QStringLiteral("address_line1"),
        QStringLiteral("address_line2"),
        QStringLiteral("city"),
        QStringLiteral("region"),
        QStringLiteral("postal_code"),
        QStringLiteral("country"),
        QStringLiteral("gender"),
        QStringLiteral("birth_date"),
        QStringLiteral("language"),
        QStringLiteral("registered_at"),
        QStringLiteral("vip"),
        QStringLiteral("source"),
        QStringLiteral("last_activity_at"),
        QStringLiteral("total_spent_minor"),
        QStringLiteral("created_at"),
        QStringLiteral("updated_at"),
        QStringLiteral("updated_by"),
        QStringLiteral("version"),
    };
    if (tableAlias.isEmpty()) {
        return columns.join(QStringLiteral(", "));
    }
    QStringList qualified;
    for (const QString &column : columns) {
        qualified << tableAlias + u'.' + column;
    }
    return qualified.join(QStringLiteral(", "));
}

Customer CustomerStore::readRow(const QSqlQuery &query, int c)
{
    Customer customer;
    customer.id = query.value(c + 0).toLongLong();
    customer.uuid = query.value(c + 1).toString();
    customer.customerNo = query.value(c + 2).toString();
    customer.title = query.value(c + 3).toString();
    customer.firstName = query.value(c + 4).toString();
    customer.lastName = query.value(c + 5).toString();
    customer.company = query.value(c + 6).toString();
    customer.email = query.value(c + 7).toString();
    customer.phone = query.value(c + 8).toString();
    customer.smsNumber = query.value(c + 9).toString();
    customer.addressLine1 = query.value(c + 10).toString();
    customer.addressLine2 = query.value(c + 11).toString();
    customer.city = query.value(c + 12).toString();
    customer.region = query.value(c + 13).toString();
    customer.postalCode = query.value(c + 14).toString();
    customer.country = query.value(c + 15).toString();
    customer.gender = query.value(c + 16).toString();
    customer.birthDate = fromIsoDate(query.value(c + 17).toString());
    customer.language = query.value(c + 18).toString();
    customer.registeredAt = fromEpoch(query.value(c + 19).toLongLong());
    customer.vip = query.value(c + 20).toInt() != 0;
    customer.source = query.value(c + 21).toString();
    customer.lastActivityAt = fromEpoch(query.value(c + 22).toLongLong());
    customer.totalSpentMinor = query.value(c + 23).toLongLong();
    customer.createdAt = fromEpoch(query.value(c + 24).toLongLong());
    customer.updatedAt = fromEpoch(query.value(c + 25).toLongLong());
    customer.updatedBy = query.value(c + 26).toString();
    customer.version = query.value(c + 27).toInt();
    return customer;
}

Result<Customer> CustomerStore::byId(qint64 id)
{
    auto query =
        Sql::exec(m_db, QStringLiteral("SELECT ") + selectColumns() + QStringLiteral(" FROM customers WHERE id = ?"),
                  {id}, QStringLiteral("reading the customer"));
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return Error::make(ErrorKind::NotFound, QStringLiteral("This customer no longer exists (it may have been "
                                                               "deleted or merged by someone else)."));
    }
    return readRow(*query);
}

Result<std::optional<Customer>> CustomerStore::byCustomerNo(const QString &customerNo)
{
    auto query = Sql::exec(
        m_db, QStringLiteral("SELECT ") + selectColumns() + QStringLiteral(" FROM customers WHERE customer_no = ?"),
        {customerNo}, QStringLiteral("looking up Customer ID %1").arg(customerNo));
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return std::optional<Customer>();
    }
    return std::optional<Customer>(readRow(*query));
}

Result<std::optional<Customer>> CustomerStore::byUuid(const QString &uuid)
{
    auto query =
        Sql::exec(m_db, QStringLiteral("SELECT ") + selectColumns() + QStringLiteral(" FROM customers WHERE uuid = ?"),
                  {uuid}, QStringLiteral("reading the customer"));
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return std::optional<Customer>();
    }
    return std::optional<Customer>(readRow(*query));
}

Result<Customer> CustomerStore::create(Customer customer)
{
    if (Status status = checkRequired(customer); !status) {
        return status.error();
    }
    if (customer.uuid.isEmpty()) {
        customer.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    }
    const qint64 now = QDateTime::currentSecsSinceEpoch();

    Transaction transaction(m_db);
    if (!transaction.isActive()) {
        return transaction.error();
    }

    QStringList columns = {QStringLiteral("uuid"),       QStringLiteral("sort_name"),  QStringLiteral("created_at"),
                           QStringLiteral("updated_at"), QStringLiteral("updated_by"), QStringLiteral("version")};
    QVariantList values = {
        customer.uuid, text(Customer::sortNameFor(customer.firstName, customer.lastName, customer.company)),
        now,           now,
        m_actor,       1};
    for (const EditableField &field : editableFields()) {
        columns << QString::fromLatin1(field.column);
        values << field.value(customer);
    }
    columns << ContactValidationStore::columns();
    values << ContactValidationStore::values(validateContacts(customer));
    const QString placeholders = QStringList(columns.size(), QStringLiteral("?")).join(QStringLiteral(", "));
    auto inserted = Sql::scalar(m_db,
                                QStringLiteral("INSERT INTO customers (") + columns.join(QStringLiteral(", ")) +
                                    QStringLiteral(") VALUES (") + placeholders + QStringLiteral(") RETURNING id"),
                                values, QStringLiteral("saving the new customer %1").arg(customer.customerNo));
    if (!inserted) {
        Error error = inserted.error();
        if (error.kind == ErrorKind::Duplicate) {
            error.message =
                QStringLiteral("Customer ID %1 is already in use by another customer.").arg(customer.customerNo);
        }
        return error;
    }
    const qint64 id = inserted->toLongLong();

    AuditStore audit(m_db);
    if (Status status = audit.record({0,
                                      {},
                                      m_actor,
                                      QStringLiteral("customer"),
                                      id,
                                      customer.uuid,
                                      id,
                                      QStringLiteral("create"),
                                      {},
                                      {},
                                      customer.displayName()});
        !status) {
        return status.error();
    }
    auto stored = byId(id);
    if (!stored) {
        return stored.error();
    }
    if (Status status = transaction.commit(); !status) {
        return status.error();
    }
    return stored;
}

Result<Customer> CustomerStore::update(const Customer &edited)
{
    CustomerEdit edit;
    edit.customer = edited;
    return save(edit);
}

Result<Customer> CustomerStore::save(const CustomerEdit &edit)
{
    const Customer &edited = edit.customer;
    if (Status status = checkRequired(edited); !status) {
        return status.error();
    }
    Transaction transaction(m_db);
    if (!transaction.isActive()) {
        return transaction.error();
    }

    auto current = byId(edited.id);
    if (!current) {
        return current.error();
    }
    if (current->version != edited.version) {
        const QString when = QLocale().toString(current->updatedAt.toLocalTime(), QLocale::ShortFormat);
        return Error::make(
            ErrorKind::Conflict,
            QStringLiteral("%1 changed this customer at %2, after you opened it. Review their version "
                           "before saving yours.")
                .arg(current->updatedBy.isEmpty() ? QStringLiteral("Someone") : current->updatedBy, when));
    }
    auto updated = updateRow(edited, *current);
    if (!updated) {
        return updated.error();
    }
    if (edit.changesMoreThanTheRow()) {
        SubscriptionStore subscriptions(m_db, m_actor);
        for (auto channel = edit.channels.cbegin(); channel != edit.channels.cend(); ++channel) {
            auto changed = subscriptions.setChannel(edited.id, current->uuid, channel.key(), channel.value());
            if (!changed) {
                return changed.error();
            }
        }
        auto departments = DepartmentStore(m_db, m_actor)
                               .change(edited.id, current->uuid, edit.addDepartments, edit.removeDepartments);
        if (!departments) {
            return departments.error();
        }
    }
    if (Status status = transaction.commit(); !status) {
        return status.error();
    }
    return updated;
}

Result<Customer> CustomerStore::updateRow(const Customer &edited, const Customer &current)
{
    QStringList assignments;
    QVariantList values;
    QList<AuditEntry> changes;
    for (const EditableField &field : editableFields()) {
        const QVariant before = field.value(current);
        const QVariant after = field.value(edited);
        if (before == after) {
            continue;
        }
        assignments << QString::fromLatin1(field.column) + QStringLiteral(" = ?");
        values << after;
        changes << AuditEntry{0,
                              {},
                              m_actor,
                              QStringLiteral("customer"),
                              edited.id,
                              current.uuid,
                              edited.id,
                              QStringLiteral("update"),
                              QString::fromLatin1(field.column),
                              auditText(field.column, before),
                              auditText(field.column, after)};
    }
    if (assignments.isEmpty()) {
        return current; // nothing changed: no new version, no audit noise
    }

    const qint64 now = QDateTime::currentSecsSinceEpoch();
    assignments << QStringLiteral("sort_name = ?") << QStringLiteral("updated_at = ?")
                << QStringLiteral("updated_by = ?") << QStringLiteral("version = version + 1");
    values << text(Customer::sortNameFor(edited.firstName, edited.lastName, edited.company)) << now << m_actor;
    for (const QString &column : ContactValidationStore::columns()) {
        assignments << column + QStringLiteral(" = ?");
    }
    values << ContactValidationStore::values(validateContacts(edited));
    values << edited.id << edited.version;
    auto updated = Sql::exec(m_db,
                             QStringLiteral("UPDATE customers SET ") + assignments.join(QStringLiteral(", ")) +
                                 QStringLiteral(" WHERE id = ? AND version = ?"),
                             values, QStringLiteral("saving customer %1").arg(edited.customerNo));
    if (!updated) {
        Error error = updated.error();
        if (error.kind == ErrorKind::Duplicate) {
            error.message =
                QStringLiteral("Customer ID %1 is already in use by another customer.").arg(edited.customerNo);
        }
        return error;
    }
    if (updated->numRowsAffected() != 1) {
        return Error::make(ErrorKind::Conflict, QStringLiteral("Someone else saved this customer at the same moment. "
                                                               "Review their version before saving yours."));
    }

    AuditStore audit(m_db);
    for (const AuditEntry &change : changes) {
        if (Status status = audit.record(change); !status) {
            return status.error();
        }
    }
    return byId(edited.id);
}

} // namespace Gavel::Models
