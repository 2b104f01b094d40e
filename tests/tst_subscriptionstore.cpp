#include "auditstore.h"
#include "customerstore.h"
#include "sqlfixture.h"
#include "subscriptionstore.h"
#include "testdatabase.h"
#include "transaction.h"

#include <QLocale>
#include <QTest>

using namespace Gavel::Models;
using Gavel::Tests::SqlFixture;

namespace {

Customer createCustomer(Database &db)
{
    Customer c;
    c.customerNo = QStringLiteral("C-1");
    c.lastName = QStringLiteral("Hughes");
    auto created = CustomerStore(db).create(c);
    return created ? *created : Customer();
}

int activeCategoryCount(SubscriptionStore &store)
{
    auto categories = store.categories();
    return categories ? int(categories->size()) : -1;
}

} // namespace

class TestSubscriptionStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QStringLiteral("en_GB"))); }

    void nothingRecordedMeansNotSubscribed()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const Customer customer = createCustomer(test->db());
        SubscriptionStore store(test->db());
        const int active = activeCategoryCount(store);
        QVERIFY(active > 1);
        auto summary = store.summary(customer.id);
        QVERIFY(summary.ok());
        QCOMPARE(summary->size(), 2);
        QCOMPARE(summary->at(0).channel, QStringLiteral("email"));
        QCOMPARE(summary->at(1).channel, QStringLiteral("sms"));
        QCOMPARE(summary->at(0).activeCategories, active);
        QCOMPARE(summary->at(0).subscribed, 0);
        QVERIFY(summary->at(0).isSubscribedToNone());
        QCOMPARE(summary->at(0).summary(), QStringLiteral("No subscriptions recorded"));
    }

    void switchingAChannelCoversEveryActiveCategoryAndIsAudited()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const Customer customer = createCustomer(test->db());
        SubscriptionStore store(test->db());
        // One category retired: it is neither counted nor switched.
        SqlFixture f(test->db());
        f.run(QStringLiteral("UPDATE subscription_categories SET active = 0 WHERE code = 'offers'"));
        QVERIFY2(f.error().isEmpty(), qPrintable(f.error()));
        const int active = activeCategoryCount(store);

        {
            Transaction transaction(test->db().connection());
            auto changed = store.setChannel(customer.id, customer.uuid, QStringLiteral("email"), true);
            QVERIFY(changed.ok());
            QCOMPARE(*changed, active);
            QVERIFY(transaction.commit().ok());
        }
        auto summary = store.summary(customer.id);
        QVERIFY(summary->at(0).isSubscribedToAll());
        QCOMPARE(summary->at(0).summary(), QStringLiteral("Subscribed to all %1 categories").arg(active));
        QCOMPARE(summary->at(1).subscribed, 0);
        auto rows = store.forCustomer(customer.id);
        QCOMPARE(rows->size(), active);
        QCOMPARE(rows->at(0).source, QStringLiteral("staff"));
        QCOMPARE(rows->at(0).updatedBy, QStringLiteral("Test Runner"));

        // Switching again changes nothing; one category off, then all off.
        QCOMPARE(*store.setChannel(customer.id, customer.uuid, QStringLiteral("email"), true), 0);
        f.run(QStringLiteral("UPDATE subscriptions SET status = 'unsubscribed' WHERE category_id ="
                             " (SELECT id FROM subscription_categories WHERE code = 'events')"));
        QCOMPARE(store.summary(customer.id)->at(0).summary(),
                 QStringLiteral("Subscribed to %1 of %2 categories").arg(active - 1).arg(active));
        QCOMPARE(*store.setChannel(customer.id, customer.uuid, QStringLiteral("email"), false), active - 1);
        QCOMPARE(store.summary(customer.id)->at(0).summary(), QStringLiteral("Unsubscribed from all"));

        auto history = AuditStore(test->db().connection()).forCustomer(customer.id);
        QVERIFY(history.ok());
        int creates = 0;
        int updates = 0;
        for (const AuditEntry &entry : std::as_const(*history)) {
            if (entry.entity != u"subscription") {
                continue;
            }
            QVERIFY(entry.field.startsWith(QStringLiteral("email:")));
            QCOMPARE(entry.actor, QStringLiteral("Test Runner"));
            if (entry.action == u"create") {
                ++creates;
                QCOMPARE(entry.newValue, QStringLiteral("subscribed"));
            } else {
                ++updates;
                QCOMPARE(entry.oldValue, QStringLiteral("subscribed"));
                QCOMPARE(entry.newValue, QStringLiteral("unsubscribed"));
            }
        }
        QCOMPARE(creates, active);
        QCOMPARE(updates, active - 1);
        QVERIFY(!f.run(QStringLiteral("SELECT count(*) FROM subscriptions s JOIN subscription_categories c"
                                      " ON c.id = s.category_id WHERE c.code = 'offers'")));
    }

    void labels()
    {
        QCOMPARE(SubscriptionStore::channelLabel(QStringLiteral("email")), QStringLiteral("E-mail"));
        QCOMPARE(SubscriptionStore::channelLabel(QStringLiteral("sms")), QStringLiteral("SMS"));
        ChannelSubscription none;
        QCOMPARE(none.summary(), QStringLiteral("No categories to subscribe to"));
    }
};

QTEST_GUILESS_MAIN(TestSubscriptionStore)
#include "tst_subscriptionstore.moc"
