#include "sidebardata.h"

#include "database.h"
#include "settingsstore.h"
#include "sidebarattributes.h"

namespace Gavel::Models {

Result<SidebarData> SidebarData::load(Database &database, qint64 customerId, const QDateTime &now)
{
    SidebarData data;
    SettingsStore settings(database);
    auto attributes = SidebarAttributes::load(settings);
    if (!attributes) {
        return attributes.error();
    }
    data.attributes = *attributes;
    auto top = TopDepartments::forCustomer(database.connection(), customerId, now, kTopDepartments);
    if (!top) {
        return top.error();
    }
    data.topDepartments = *top;
    auto subscriptions = SubscriptionStore(database).summary(customerId);
    if (!subscriptions) {
        return subscriptions.error();
    }
    data.subscriptions = *subscriptions;
    return data;
}

} // namespace Gavel::Models
