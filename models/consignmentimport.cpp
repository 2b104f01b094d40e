#include "consignmentimport.h"

#include "database.h"
#include "importresolver.h"
#include "importvalues.h"
#include "sql.h"

#include <QCoreApplication>
#include <QUuid>

namespace Gavel::Models {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ConsignmentImport", text);
}

} // namespace

ConsignmentImport::ConsignmentImport(ImportSession &session)
    : m_session(session), m_merger(session.database, QStringLiteral("consignments"), true, session.now),
      m_events(session.database)
{
}

Result<RowResult> ConsignmentImport::handle(const ImportRow &row)
{
    const QString number = row.value(field("consignment_no"));
    if (number.isEmpty()) {
        return RowResult::rejected(field("consignment_no"), tr("Every consignment needs its number."));
    }
    const QString customerRef = row.value(field("customer"));
    auto customer = m_session.resolver.customer(customerRef);
    if (!customer) {
        return customer.error();
    }
    if (*customer == 0) {
        return RowResult::rejected(field("customer"), customerRef.isEmpty()
                                                          ? tr("The consignor's Customer ID or e-mail is missing.")
                                                          : tr("There is no customer “%1”.").arg(customerRef));
    }
    QVariantMap values;
    values.insert(QStringLiteral("customer_id"), *customer);
    if (const QString text = row.value(field("received_at")); !text.isEmpty()) {
        const auto at = ImportValues::dateTime(text);
        if (!at) {
            return RowResult::rejected(field("received_at"), tr("“%1” is not a date.").arg(text));
        }
        values.insert(QStringLiteral("received_at"), *at);
    }
    if (const QString text = row.value(field("status")).toLower(); !text.isEmpty()) {
        static const QStringList statuses = {QStringLiteral("received"), QStringLiteral("catalogued"),
                                             QStringLiteral("offered"),  QStringLiteral("sold"),
                                             QStringLiteral("unsold"),   QStringLiteral("returned"),
                                             QStringLiteral("withdrawn")};
        if (!statuses.contains(text)) {
            return RowResult::rejected(
                field("status"),
                tr("“%1” is not a consignment status (%2).").arg(text, statuses.join(QStringLiteral(", "))));
        }
        values.insert(QStringLiteral("status"), text);
    }
    if (const QString text = row.value(field("department")); !text.isEmpty()) {
        auto department = m_session.resolver.department(text);
        if (!department) {
            return department.error();
        }
        if (*department == 0) {
            return RowResult::rejected(field("department"), tr("There is no department “%1”.").arg(text));
        }
        values.insert(QStringLiteral("department_id"), *department);
    }
    for (const char *key : {"description", "specialist"}) {
        if (const QString text = row.value(field(key)); !text.isEmpty()) {
            values.insert(QString::fromLatin1(key), text);
        }
    }
    const QSqlDatabase db = m_session.database.connection();
    auto existing = Sql::scalar(db, QStringLiteral("SELECT id FROM consignments WHERE consignment_no = ?"), {number},
                                tr("looking up consignment %1").arg(number));
    if (!existing) {
        return existing.error();
    }
    if (!existing->isNull()) {
        const qint64 id = existing->toLongLong();
        auto before = m_merger.previous(id);
        if (!before) {
            return before.error();
        }
        auto merged = m_merger.merge(id, values, *before);
        if (!merged) {
            return merged.error();
        }
        return *merged == ImportMerger::Change::Updated ? RowResult::updated() : RowResult::unchanged();
    }
    const qint64 receivedAt = values.value(QStringLiteral("received_at"), m_session.now).toLongLong();
    auto inserted = Sql::exec(
        db,
        QStringLiteral(
            "INSERT INTO consignments (uuid, consignment_no, customer_id, department_id, received_at, status,"
            " description, specialist, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {QUuid::createUuid().toString(QUuid::WithoutBraces), number, *customer,
         values.value(QStringLiteral("department_id"), QVariant(QMetaType::fromType<qlonglong>())), receivedAt,
         values.value(QStringLiteral("status"), QStringLiteral("received")),
         Sql::textOrNull(values.value(QStringLiteral("description")).toString()),
         Sql::textOrNull(values.value(QStringLiteral("specialist")).toString()), m_session.now, m_session.actor},
        tr("adding consignment %1").arg(number));
    if (!inserted) {
        return inserted.error();
    }
    auto id = Sql::scalar(db, QStringLiteral("SELECT id FROM consignments WHERE consignment_no = ?"), {number},
                          tr("adding consignment %1").arg(number));
    if (!id) {
        return id.error();
    }
    if (Status status = m_merger.remember(id->toLongLong(), values); !status) {
        return status.error();
    }
    ImportEvents::Refs refs;
    refs.info = values.value(QStringLiteral("description")).toString();
    if (Status status = m_events.add(*customer, receivedAt, EventKind::ConsignmentReceived, number, refs); !status) {
        return status.error();
    }
    return RowResult::created();
}

Result<qint64> ConsignmentImport::endBatch()
{
    auto flushed = m_events.flush();
    if (!flushed) {
        return flushed.error();
    }
    return qint64(0);
}

} // namespace Gavel::Models
