#pragma once

#include "customer.h"

#include <QString>

namespace Gavel::Models {
class Database;
}

namespace Gavel::Tests {

/// Adds a customer with these names through CustomerStore; fails the calling test (returns
/// a customer with id 0) if that does not work.
Models::Customer addTestCustomer(Models::Database &db, const QString &customerNo, const QString &firstName,
                                 const QString &lastName);

} // namespace Gavel::Tests
