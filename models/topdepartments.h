#pragma once

#include "departmentstore.h"
#include "result.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>

namespace Gavel::Models {

/// How much one department matters to a customer, and why.
struct DepartmentScore
{
    Department department;
    double score = 0;
    int lotsWon = 0;
    int lotsBidOn = 0;     ///< distinct lots
    int consignments = 0;
    int invoices = 0;      ///< invoices with a lot of the department
    QString linkSource;    ///< the customer_departments source ("registered", "staff"…), or empty
    QDateTime lastActivity;

    /// "Won 3 lots, bid on 7, consigned 1, 2 invoices; last on 12 March 2024; added by staff" (translated).
    QString reason() const;
};

/// The customer's Top Departments, from what they did (lots won, lots bid on, consignments,
/// invoices) and the departments linked to them (registered or added by staff).
///
/// Each activity counts by its kind (a win 5, a consignment 4, an invoice 3, a lot bid on 1)
/// and fades with age, halving every two years, so that recent collecting ranks first; a
/// linked department adds 2. Ties go to the most recent activity. One grouped query over the
/// customer's indexed rows; nothing is loaded per activity.
class TopDepartments final
{
public:
    static constexpr double kWinWeight = 5;
    static constexpr double kConsignmentWeight = 4;
    static constexpr double kInvoiceWeight = 3;
    static constexpr double kBidWeight = 1;
    static constexpr double kLinkedWeight = 2;
    static constexpr double kHalfLifeYears = 2;

    /// The best `limit` departments with a score above 0, best first. `now` anchors the ages.
    static Result<QList<DepartmentScore>> forCustomer(const QSqlDatabase &db, qint64 customerId,
                                                      const QDateTime &now, int limit = 5);
};

} // namespace Gavel::Models
