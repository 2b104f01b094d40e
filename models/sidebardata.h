#pragma once

#include "result.h"
#include "subscriptionstore.h"
#include "topdepartments.h"

#include <QDateTime>
#include <QList>
#include <QStringList>

namespace Gavel::Models {

class Database;

/// What the profile's sidebar shows beyond the customer row, read in one go off the GUI
/// thread: the house's choice of attributes, the Top Departments and the subscriptions.
struct SidebarData
{
    QStringList attributes; ///< SidebarAttributes keys, in the order the house chose
    QList<DepartmentScore> topDepartments;
    QList<ChannelSubscription> subscriptions; ///< SubscriptionStore::summaryChannels(), in order

    static constexpr int kTopDepartments = 3;

    static Result<SidebarData> load(Database &database, qint64 customerId, const QDateTime &now);
};

} // namespace Gavel::Models
