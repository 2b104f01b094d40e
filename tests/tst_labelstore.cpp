#include "auditstore.h"
#include "customerstore.h"
#include "labelstore.h"
#include "testdatabase.h"

#include <QTest>

using namespace Gavel::Models;

class TestLabelStore : public QObject
{
    Q_OBJECT

private:
    static qint64 addCustomer(Database &db, const QString &customerNo)
    {
        Customer customer;
        customer.customerNo = customerNo;
        customer.lastName = QStringLiteral("Hughes");
        auto created = CustomerStore(db).create(customer);
        return created ? created->id : 0;
    }

    static QStringList auditOf(Database &db, qint64 customerId)
    {
        QStringList lines;
        auto entries = AuditStore(db.connection()).forCustomer(customerId);
        for (const AuditEntry &entry : std::as_const(*entries)) {
            if (entry.entity == u"customer_label") {
                lines << entry.action + u' ' + entry.oldValue + u'>' + entry.newValue + u' ' + entry.actor;
            }
        }
        return lines;
    }

private Q_SLOTS:
    void addCreatesTheLabelOnceAndAudits()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const qint64 anna = addCustomer(test->db(), QStringLiteral("C-1"));
        const qint64 ben = addCustomer(test->db(), QStringLiteral("C-2"));
        LabelStore store(test->db());

        auto added = store.addToCustomer(anna, QStringLiteral("  Museum   contact "));
        QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().fullText()));
        QCOMPARE(added->name, QStringLiteral("Museum contact"));
        // Another case and spacing is the same label: reused, not duplicated.
        auto again = store.addToCustomer(ben, QStringLiteral("MUSEUM CONTACT"));
        QVERIFY(again.ok());
        QCOMPARE(again->id, added->id);
        QCOMPARE(again->name, QStringLiteral("Museum contact"));
        // Adding what the customer already has changes nothing and writes no audit line.
        QVERIFY(store.addToCustomer(anna, QStringLiteral("museum contact")).ok());
        QVERIFY(store.addToCustomer(anna, QStringLiteral("Called before the sale")).ok());

        QCOMPARE(store.all()->size(), 2);
        const QList<Label> annas = *store.forCustomer(anna);
        QCOMPARE(annas.size(), 2);
        QCOMPARE(annas.at(0).name, QStringLiteral("Called before the sale")); // by name
        QCOMPARE(annas.at(1).name, QStringLiteral("Museum contact"));
        QCOMPARE(store.byName(QStringLiteral("called BEFORE the sale"))->value().id, annas.at(0).id);
        QVERIFY(!store.byName(QStringLiteral("Nobody"))->has_value());
        QCOMPARE(auditOf(test->db(), anna),
                 (QStringList{QStringLiteral("create >Called before the sale Test Runner"),
                              QStringLiteral("create >Museum contact Test Runner")}));
    }

    void removeTakesItOffAndAudits()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const qint64 anna = addCustomer(test->db(), QStringLiteral("C-1"));
        LabelStore store(test->db());
        const Label label = *store.addToCustomer(anna, QStringLiteral("Museum contact"));
        QVERIFY(store.removeFromCustomer(anna, label.id).ok());
        QVERIFY(store.forCustomer(anna)->isEmpty());
        // Not on any more: nothing happens, nothing is logged.
        QVERIFY(store.removeFromCustomer(anna, label.id).ok());
        // The label itself stays for others to use.
        QCOMPARE(store.all()->size(), 1);
        QCOMPARE(auditOf(test->db(), anna).size(), 2);
        QVERIFY(auditOf(test->db(), anna).contains(QStringLiteral("delete Museum contact> Test Runner")));
    }

    void badInputIsRefusedWithAReason_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("says");
        QTest::newRow("empty") << QString() << QStringLiteral("needs a name");
        QTest::newRow("blank") << QStringLiteral("   ") << QStringLiteral("needs a name");
        QTest::newRow("too long") << QString(61, u'x') << QStringLiteral("at most 60 characters");
    }

    void badInputIsRefusedWithAReason()
    {
        QFETCH(QString, name);
        QFETCH(QString, says);
        GAVEL_OPEN_TEST_DATABASE(test);
        const qint64 anna = addCustomer(test->db(), QStringLiteral("C-1"));
        auto added = LabelStore(test->db()).addToCustomer(anna, name);
        QVERIFY(!added.ok());
        QCOMPARE(added.error().kind, ErrorKind::Invalid);
        QVERIFY2(added.error().message.contains(says), qPrintable(added.error().message));
        QVERIFY(LabelStore(test->db()).all()->isEmpty());
    }

    void aCustomerWhoIsGoneGetsNoLabel()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        auto added = LabelStore(test->db()).addToCustomer(424242, QStringLiteral("Museum contact"));
        QVERIFY(!added.ok());
        QCOMPARE(added.error().kind, ErrorKind::NotFound);
        QVERIFY(LabelStore(test->db()).all()->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLabelStore)
#include "tst_labelstore.moc"
