#include "testcustomers.h"

#include "customerstore.h"

#include <QTest>

namespace Gavel::Tests {

Models::Customer addTestCustomer(Models::Database &db, const QString &customerNo, const QString &firstName,
                                 const QString &lastName)
{
    Models::Customer customer;
    customer.customerNo = customerNo;
    customer.firstName = firstName;
    customer.lastName = lastName;
    auto created = Models::CustomerStore(db).create(customer);
    if (!created) {
        QTest::qFail(qPrintable(created.error().fullText()), __FILE__, __LINE__);
        return {};
    }
    return *created;
}

} // namespace Gavel::Tests
