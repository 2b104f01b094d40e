#include "auditstore.h"
#include "customerstore.h"
#include "departmentstore.h"
#include "sqlfixture.h"
#include "subscriptionstore.h"
#include "testdatabase.h"

#include <QTest>
#include <QTimeZone>

using namespace Gavel::Models;
using Gavel::Tests::SqlFixture;

namespace {

Customer sampleCustomer()
{
    Customer c;
    c.customerNo = QStringLiteral("C-100234");
    c.title = QStringLiteral("Dr");
    c.firstName = QString::fromUtf8("Zoë");
    c.lastName = QString::fromUtf8("Møller-Åström");
    c.email = QStringLiteral("zoe.moller@example.dk");
    c.phone = QStringLiteral("+45 32 12 34 56");
    c.smsNumber = QStringLiteral("+45 20 12 34 56");
    c.addressLine1 = QString::fromUtf8("Østergade 12, 3. th.");
    c.city = QString::fromUtf8("København");
    c.postalCode = QStringLiteral("1100");
    c.country = QStringLiteral("DK");
    c.gender = QStringLiteral("female");
    c.birthDate = QDate(1971, 3, 9);
    c.language = QStringLiteral("da");
    c.registeredAt = QDateTime(QDate(2015, 6, 1), QTime(10, 30), QTimeZone::utc());
    c.vip = true;
    c.source = QStringLiteral("staff");
    return c;
}

} // namespace

class TestCustomerStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createAndReadBack()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        CustomerStore store(test->db());
        auto created = store.create(sampleCustomer());
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().fullText()));
        QVERIFY(created->id > 0);
        QCOMPARE(created->uuid.size(), 36);
        QCOMPARE(created->version, 1);
        QCOMPARE(created->updatedBy, QStringLiteral("Test Runner"));

        auto read = store.byId(created->id);
        QVERIFY(read.ok());
        const Customer expected = sampleCustomer();
        QCOMPARE(read->customerNo, expected.customerNo);
        QCOMPARE(read->firstName, expected.firstName);
        QCOMPARE(read->lastName, expected.lastName);
        QCOMPARE(read->addressLine1, expected.addressLine1);
        QCOMPARE(read->city, expected.city);
        QCOMPARE(read->birthDate, expected.birthDate);
        QCOMPARE(read->registeredAt, expected.registeredAt);
        QCOMPARE(read->vip, true);
        QCOMPARE(read->displayName(), QString::fromUtf8("Zoë Møller-Åström"));

        auto byNo = store.byCustomerNo(QStringLiteral("C-100234"));
        QVERIFY(byNo.ok() && byNo->has_value());
        QCOMPARE((*byNo)->id, created->id);
        auto missing = store.byCustomerNo(QStringLiteral("nope"));
        QVERIFY(missing.ok() && !missing->has_value());
        auto byUuid = store.byUuid(created->uuid);
        QVERIFY(byUuid.ok() && byUuid->has_value());
    }

    void customerIdMustBeUnique()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        CustomerStore store(test->db());
        QVERIFY(store.create(sampleCustomer()).ok());
        Customer other = sampleCustomer();
        other.firstName = QStringLiteral("Someone");
        auto duplicate = store.create(other);
        QVERIFY(!duplicate.ok());
        QCOMPARE(duplicate.error().kind, ErrorKind::Duplicate);
        QVERIFY2(duplicate.error().message.contains(QStringLiteral("C-100234")), qPrintable(duplicate.error().message));
    }

    void updateBumpsTheVersionAndAuditsEachField()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        CustomerStore store(test->db());
        auto created = store.create(sampleCustomer());
        QVERIFY(created.ok());

        Customer edited = *created;
        edited.email = QStringLiteral("zoe@example.com");
        edited.vip = false;
        auto saved = store.update(edited);
        QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().fullText()));
        QCOMPARE(saved->version, 2);
        QCOMPARE(saved->email, QStringLiteral("zoe@example.com"));

        AuditStore audit(test->db().connection());
        auto history = audit.forCustomer(created->id);
        QVERIFY(history.ok());
        QStringList fields;
        for (const AuditEntry &entry : *history) {
            if (entry.action == u"update") {
                fields << entry.field;
                QCOMPARE(entry.actor, QStringLiteral("Test Runner"));
            }
        }
        fields.sort();
        QCOMPARE(fields, (QStringList{QStringLiteral("email"), QStringLiteral("vip")}));
        for (const AuditEntry &entry : *history) {
            if (entry.field == u"email") {
                QCOMPARE(entry.oldValue, QStringLiteral("zoe.moller@example.dk"));
                QCOMPARE(entry.newValue, QStringLiteral("zoe@example.com"));
            }
        }

        // Saving without a change writes nothing and keeps the version.
        auto unchanged = store.update(*saved);
        QVERIFY(unchanged.ok());
        QCOMPARE(unchanged->version, 2);
    }

    void aStaleEditIsAConflictNamingWhoAndWhen()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        CustomerStore mine(test->db());
        auto created = mine.create(sampleCustomer());
        QVERIFY(created.ok());

        // A colleague on another connection saves first.
        auto other = test->db().openAnother(QStringLiteral("colleague"));
        QVERIFY(other.ok());
        (*other)->setActor(QStringLiteral("Priya Shah"));
        CustomerStore theirs(**other);
        Customer theirEdit = *created;
        theirEdit.phone = QStringLiteral("+45 33 33 33 33");
        QVERIFY(theirs.update(theirEdit).ok());

        Customer myEdit = *created;
        myEdit.phone = QStringLiteral("+45 44 44 44 44");
        auto conflict = mine.update(myEdit);
        QVERIFY(!conflict.ok());
        QCOMPARE(conflict.error().kind, ErrorKind::Conflict);
        QVERIFY2(conflict.error().message.contains(QStringLiteral("Priya Shah")), qPrintable(conflict.error().message));

        auto stored = mine.byId(created->id);
        QVERIFY(stored.ok());
        QCOMPARE(stored->phone, QStringLiteral("+45 33 33 33 33"));
        QCOMPARE(stored->version, 2);
    }

    // Edit Customer saves the row, subscriptions and departments together.
    void saveWritesEverythingInOneGo()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        SqlFixture f(test->db());
        const qint64 om =
            f.run(QStringLiteral("INSERT INTO departments (code, name) VALUES ('OM', 'Old Masters') RETURNING id"));
        const qint64 jw =
            f.run(QStringLiteral("INSERT INTO departments (code, name) VALUES ('JW', 'Jewellery') RETURNING id"));
        QVERIFY2(f.error().isEmpty(), qPrintable(f.error()));
        CustomerStore store(test->db());
        auto created = store.create(sampleCustomer());
        QVERIFY(created.ok());
        f.run(QStringLiteral("INSERT INTO customer_departments (customer_id, department_id, source, added_at)"
                             " VALUES (?, ?, 'registered', 1)"),
              {created->id, om});

        CustomerEdit edit;
        edit.customer = *created;
        edit.customer.vip = false;
        edit.channels.insert(QStringLiteral("email"), true);
        edit.channels.insert(QStringLiteral("sms"), false);
        edit.addDepartments = {jw};
        edit.removeDepartments = {om};
        auto saved = store.save(edit);
        QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().fullText()));
        QCOMPARE(saved->vip, false);
        QCOMPARE(saved->version, 2);

        auto summary = SubscriptionStore(test->db()).summary(created->id);
        QVERIFY(summary->at(0).isSubscribedToAll());
        QCOMPARE(summary->at(1).unsubscribed, summary->at(1).activeCategories);
        auto departments = DepartmentStore(test->db()).forCustomer(created->id);
        QCOMPARE(departments->size(), 1);
        QCOMPARE(departments->first().department.id, jw);

        QSet<QString> entities;
        const auto history = AuditStore(test->db().connection()).forCustomer(created->id);
        QVERIFY(history.ok());
        for (const AuditEntry &entry : *history) {
            entities << entry.entity + u'/' + entry.action;
        }
        QVERIFY(entities.contains(QStringLiteral("customer/update")));
        QVERIFY(entities.contains(QStringLiteral("subscription/create")));
        QVERIFY(entities.contains(QStringLiteral("customer_department/create")));
        QVERIFY(entities.contains(QStringLiteral("customer_department/delete")));

        // Only departments and subscriptions changed: the row keeps its version.
        CustomerEdit again;
        again.customer = *saved;
        again.addDepartments = {om};
        auto second = store.save(again);
        QVERIFY(second.ok());
        QCOMPARE(second->version, 2);
        QCOMPARE(DepartmentStore(test->db()).forCustomer(created->id)->size(), 2);
    }

    // A stale edit writes nothing: not the row, not the subscriptions, not the departments.
    void aConflictWritesNothingAtAll()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        SqlFixture f(test->db());
        const qint64 om =
            f.run(QStringLiteral("INSERT INTO departments (code, name) VALUES ('OM', 'Old Masters') RETURNING id"));
        CustomerStore store(test->db());
        auto created = store.create(sampleCustomer());
        QVERIFY(created.ok());
        Customer theirs = *created;
        theirs.city = QStringLiteral("Aarhus");
        QVERIFY(store.update(theirs).ok());

        CustomerEdit edit;
        edit.customer = *created; // read at version 1
        edit.customer.city = QStringLiteral("Odense");
        edit.channels.insert(QStringLiteral("email"), true);
        edit.addDepartments = {om};
        auto conflict = store.save(edit);
        QVERIFY(!conflict.ok());
        QCOMPARE(conflict.error().kind, ErrorKind::Conflict);
        QVERIFY(conflict.error().message.contains(QStringLiteral("Test Runner")));
        QCOMPARE(store.byId(created->id)->city, QStringLiteral("Aarhus"));
        QCOMPARE(SubscriptionStore(test->db()).summary(created->id)->at(0).subscribed, 0);
        QVERIFY(DepartmentStore(test->db()).forCustomer(created->id)->isEmpty());
    }

    void sortNameFoldsCaseAndAccents()
    {
        QCOMPARE(Customer::sortNameFor(QString::fromUtf8("Émile"), QString::fromUtf8("Zola"), {}),
                 QStringLiteral("zola emile"));
        QCOMPARE(Customer::sortNameFor({}, {}, QStringLiteral("Acme  Fine Art Ltd")),
                 QStringLiteral("acme fine art ltd"));
    }
};

QTEST_GUILESS_MAIN(TestCustomerStore)
#include "tst_customerstore.moc"
