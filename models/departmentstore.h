#pragma once

#include "result.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace Gavel::Models {

class Database;

/// A collecting department of the house (Old Masters, Asian Art, Jewellery…).
struct Department
{
    qint64 id = 0;
    QString code;
    QString name;
    QString color; ///< "#rrggbb", for charts and chips
};

/// A department linked to a customer in customer_departments: chosen by the customer when
/// registering, by staff in Edit Customer, or by an import.
struct CustomerDepartment
{
    Department department;
    QString source; ///< "registered", "staff", "import"…
    QDateTime addedAt;
    QString addedBy;
};

/// All SQL about departments and the customer_departments links. Writes join the caller's
/// transaction and go to the audit log (entity "customer_department", field "department",
/// the department's name as the new value of an add and the old value of a removal).
class DepartmentStore final
{
public:
    explicit DepartmentStore(const Database &database);
    DepartmentStore(QSqlDatabase db, QString actor) : m_db(std::move(db)), m_actor(std::move(actor)) {}

    /// Departments in the house's order.
    Result<QList<Department>> all(bool activeOnly = true);
    Result<QList<CustomerDepartment>> forCustomer(qint64 customerId);

    /// Links the departments in `add` (source "staff") and unlinks those in `remove`,
    /// whatever their source. Links already there, or already gone, are left alone: two
    /// people editing at once end up with both their changes. Returns how many changed.
    Result<int> change(qint64 customerId, const QString &customerUuid, const QList<qint64> &add,
                       const QList<qint64> &remove);

private:
    QSqlDatabase m_db;
    QString m_actor;
};

} // namespace Gavel::Models
