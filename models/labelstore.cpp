#include "labelstore.h"

#include "auditstore.h"
#include "database.h"
#include "sql.h"
#include "transaction.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QUuid>

namespace Gavel::Models {

namespace {

Result<QList<Label>> readLabels(Result<QSqlQuery> query)
{
    if (!query) {
        return query.error();
    }
    QList<Label> labels;
    while (query->next()) {
        labels << Label{query->value(0).toLongLong(), query->value(1).toString(), query->value(2).toString()};
    }
    return labels;
}

} // namespace

LabelStore::LabelStore(const Database &database) : m_db(database.connection()), m_actor(database.actor()) {}

QString LabelStore::nameKey(const QString &name)
{
    return name.simplified().toCaseFolded();
}

Result<QList<Label>> LabelStore::all()
{
    return readLabels(Sql::exec(m_db, QStringLiteral("SELECT id, name, color FROM labels ORDER BY name_key, id"), {},
                                QStringLiteral("reading the labels")));
}

Result<QList<Label>> LabelStore::forCustomer(qint64 customerId)
{
    return readLabels(Sql::exec(m_db,
                                QStringLiteral("SELECT lb.id, lb.name, lb.color FROM customer_labels cl"
                                               " JOIN labels lb ON lb.id = cl.label_id WHERE cl.customer_id = ?"
                                               " ORDER BY lb.name_key, lb.id"),
                                {customerId}, QStringLiteral("reading the customer's labels")));
}

Result<std::optional<Label>> LabelStore::byName(const QString &name)
{
    auto labels = readLabels(Sql::exec(m_db, QStringLiteral("SELECT id, name, color FROM labels WHERE name_key = ?"),
                                       {nameKey(name)}, QStringLiteral("looking up the label “%1”").arg(name)));
    if (!labels) {
        return labels.error();
    }
    return labels->isEmpty() ? std::optional<Label>() : std::optional<Label>(labels->constFirst());
}

Result<Label> LabelStore::findOrCreate(const QString &name)
{
    auto existing = byName(name);
    if (!existing) {
        return existing.error();
    }
    if (*existing) {
        return **existing;
    }
    const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString simplified = name.simplified();
    // Someone on the shared server may create the same name at this moment: theirs is kept.
    auto id = Sql::scalar(m_db,
                          QStringLiteral("INSERT INTO labels (uuid, name, name_key, updated_at, updated_by)"
                                         " VALUES (?, ?, ?, ?, ?) ON CONFLICT (name_key) DO NOTHING RETURNING id"),
                          {uuid, simplified, nameKey(name), QDateTime::currentSecsSinceEpoch(), m_actor},
                          QStringLiteral("creating the label “%1”").arg(simplified));
    if (!id) {
        return id.error();
    }
    if (id->isNull()) {
        auto theirs = byName(name);
        if (!theirs) {
            return theirs.error();
        }
        if (*theirs) {
            return **theirs;
        }
        return Error::make(ErrorKind::Conflict, tr("The label “%1” was changed by someone else just now; try again.")
                                                    .arg(simplified));
    }
    const Label label{id->toLongLong(), simplified, {}};
    if (Status status = AuditStore(m_db).record({0, {}, m_actor, QStringLiteral("label"), label.id, uuid, 0,
                                                 QStringLiteral("create"), QStringLiteral("name"), {}, simplified});
        !status) {
        return status.error();
    }
    return label;
}

Result<Label> LabelStore::addToCustomer(qint64 customerId, const QString &name)
{
    const QString simplified = name.simplified();
    if (simplified.isEmpty()) {
        return Error::make(ErrorKind::Invalid, tr("A label needs a name."));
    }
    if (simplified.size() > kMaxNameLength) {
        return Error::make(ErrorKind::Invalid,
                           tr("A label's name can be at most %1 characters long; “%2…” has %3.")
                               .arg(kMaxNameLength)
                               .arg(simplified.left(20))
                               .arg(simplified.size()));
    }
    Transaction transaction(m_db);
    if (!transaction.isActive()) {
        return transaction.error();
    }
    auto customer = Sql::scalar(m_db, QStringLiteral("SELECT uuid FROM customers WHERE id = ?"), {customerId},
                                QStringLiteral("reading the customer"));
    if (!customer) {
        return customer.error();
    }
    if (customer->isNull()) {
        return Error::make(ErrorKind::NotFound, tr("This customer no longer exists, so the label “%1” was not added.")
                                                    .arg(simplified));
    }
    auto label = findOrCreate(simplified);
    if (!label) {
        return label.error();
    }
    auto inserted = Sql::exec(m_db,
                              QStringLiteral("INSERT INTO customer_labels (customer_id, label_id, added_at, added_by)"
                                             " VALUES (?, ?, ?, ?) ON CONFLICT (customer_id, label_id) DO NOTHING"),
                              {customerId, label->id, QDateTime::currentSecsSinceEpoch(), m_actor},
                              QStringLiteral("adding the label “%1”").arg(label->name));
    if (!inserted) {
        return inserted.error();
    }
    if (inserted->numRowsAffected() == 1) {
        if (Status status = AuditStore(m_db).record({0, {}, m_actor, QStringLiteral("customer_label"), label->id, {},
                                                     customerId, QStringLiteral("create"), QStringLiteral("label"), {},
                                                     label->name});
            !status) {
            return status.error();
        }
    }
    if (Status status = transaction.commit(); !status) {
        return status.error();
    }
    return label;
}

Status LabelStore::removeFromCustomer(qint64 customerId, qint64 labelId)
{
    Transaction transaction(m_db);
    if (!transaction.isActive()) {
        return transaction.error();
    }
    auto name = Sql::scalar(m_db, QStringLiteral("SELECT name FROM labels WHERE id = ?"), {labelId},
                            QStringLiteral("reading the label"));
    if (!name) {
        return name.error();
    }
    auto removed = Sql::exec(m_db, QStringLiteral("DELETE FROM customer_labels WHERE customer_id = ? AND label_id = ?"),
                             {customerId, labelId},
                             QStringLiteral("removing the label “%1”").arg(name->toString()));
    if (!removed) {
        return removed.error();
    }
    if (removed->numRowsAffected() == 1) {
        if (Status status = AuditStore(m_db).record({0, {}, m_actor, QStringLiteral("customer_label"), labelId, {},
                                                     customerId, QStringLiteral("delete"), QStringLiteral("label"),
                                                     name->toString(), {}});
            !status) {
            return status;
        }
    }
    return transaction.commit();
}

} // namespace Gavel::Models
