#include "departmentstore.h"

#include "auditstore.h"
#include "database.h"
#include "epoch.h"
#include "sql.h"

#include <QHash>

namespace Gavel::Models {

DepartmentStore::DepartmentStore(const Database &database) : m_db(database.connection()), m_actor(database.actor()) {}

Result<QList<Department>> DepartmentStore::all(bool activeOnly)
{
    auto query = Sql::exec(m_db,
                           QStringLiteral("SELECT id, code, name, color FROM departments") +
                               (activeOnly ? QStringLiteral(" WHERE active = 1") : QString()) +
                               QStringLiteral(" ORDER BY sort_order, name, id"),
                           {}, QStringLiteral("reading the departments"));
    if (!query) {
        return query.error();
    }
    QList<Department> departments;
    while (query->next()) {
        departments.append({query->value(0).toLongLong(), query->value(1).toString(), query->value(2).toString(),
                            query->value(3).toString()});
    }
    return departments;
}

Result<QList<CustomerDepartment>> DepartmentStore::forCustomer(qint64 customerId)
{
    auto query = Sql::exec(m_db,
                           QStringLiteral("SELECT d.id, d.code, d.name, d.color, cd.source, cd.added_at, cd.added_by"
                                          " FROM customer_departments cd JOIN departments d ON d.id = cd.department_id"
                                          " WHERE cd.customer_id = ? ORDER BY d.sort_order, d.name, d.id"),
                           {customerId}, QStringLiteral("reading the customer's departments"));
    if (!query) {
        return query.error();
    }
    QList<CustomerDepartment> links;
    while (query->next()) {
        links.append({{query->value(0).toLongLong(), query->value(1).toString(), query->value(2).toString(),
                       query->value(3).toString()},
                      query->value(4).toString(),
                      fromEpoch(query->value(5)),
                      query->value(6).toString()});
    }
    return links;
}

Result<int> DepartmentStore::change(qint64 customerId, const QString &customerUuid, const QList<qint64> &add,
                                    const QList<qint64> &remove)
{
    if (add.isEmpty() && remove.isEmpty()) {
        return 0;
    }
    auto departments = all(false);
    if (!departments) {
        return departments.error();
    }
    QHash<qint64, QString> names;
    for (const Department &department : std::as_const(*departments)) {
        names.insert(department.id, department.name);
    }
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    AuditStore audit(m_db);
    int changed = 0;
    const auto record = [&](qint64 departmentId, bool added) {
        return audit.record({0, fromEpoch(now), m_actor, QStringLiteral("customer_department"), departmentId,
                             customerUuid, customerId, added ? QStringLiteral("create") : QStringLiteral("delete"),
                             QStringLiteral("department"), added ? QString() : names.value(departmentId),
                             added ? names.value(departmentId) : QString()});
    };
    for (const qint64 departmentId : add) {
        if (!names.contains(departmentId)) {
            return Error::make(ErrorKind::NotFound,
                               QStringLiteral("A department chosen for the customer no longer exists."));
        }
        // ON CONFLICT DO NOTHING: a link someone else made meanwhile stays as it is.
        auto inserted = Sql::exec(m_db,
                                  QStringLiteral("INSERT INTO customer_departments (customer_id, department_id, source,"
                                                 " added_at, added_by) VALUES (?, ?, 'staff', ?, ?)"
                                                 " ON CONFLICT (customer_id, department_id) DO NOTHING"),
                                  {customerId, departmentId, now, m_actor},
                                  QStringLiteral("adding the department %1").arg(names.value(departmentId)));
        if (!inserted) {
            return inserted.error();
        }
        if (inserted->numRowsAffected() == 1) {
            if (Status status = record(departmentId, true); !status) {
                return status.error();
            }
            ++changed;
        }
    }
    for (const qint64 departmentId : remove) {
        auto removed = Sql::exec(
            m_db, QStringLiteral("DELETE FROM customer_departments WHERE customer_id = ? AND department_id = ?"),
            {customerId, departmentId}, QStringLiteral("removing the department %1").arg(names.value(departmentId)));
        if (!removed) {
            return removed.error();
        }
        if (removed->numRowsAffected() == 1) {
            if (Status status = record(departmentId, false); !status) {
                return status.error();
            }
            ++changed;
        }
    }
    return changed;
}

} // namespace Gavel::Models
