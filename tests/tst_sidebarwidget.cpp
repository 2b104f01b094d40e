#include "changehistorydialog.h"
#include "customerstore.h"
#include "loader.h"
#include "settingsstore.h"
#include "sidebarattributes.h"
#include "sidebarsettingspage.h"
#include "sidebarwidget.h"
#include "sqlfixture.h"
#include "subscriptionstore.h"
#include "testdatabase.h"

#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace Gavel;
using namespace Gavel::Models;
using Gavel::Tests::SqlFixture;

namespace {

Customer createCustomer(Database &db, const QString &email, const QString &phone, const QString &smsNumber)
{
    Customer customer;
    customer.customerNo = QStringLiteral("C-3001");
    customer.firstName = QStringLiteral("Anna");
    customer.lastName = QStringLiteral("Schmidt");
    customer.email = email;
    customer.phone = phone;
    customer.smsNumber = smsNumber;
    customer.country = QStringLiteral("GB");
    customer.city = QStringLiteral("London");
    customer.vip = true;
    auto created = CustomerStore(db).create(customer);
    return created ? *created : Customer();
}

QString iconKind(QWidget *sidebar, const char *name)
{
    auto *icon = sidebar->findChild<QLabel *>(QString::fromLatin1(name) + QStringLiteral("Icon"));
    return icon ? icon->property("iconKind").toString() : QStringLiteral("(no icon)");
}

QString toolTip(QWidget *sidebar, const char *name)
{
    auto *icon = sidebar->findChild<QLabel *>(QString::fromLatin1(name) + QStringLiteral("Icon"));
    return icon ? icon->toolTip() : QString();
}

QString text(QWidget *sidebar, const char *name)
{
    auto *label = sidebar->findChild<QLabel *>(QString::fromLatin1(name));
    return label ? label->text() : QStringLiteral("(no label)");
}

/// Shows the customer and waits for the loaded part of the sidebar.
bool show(Ui::SidebarWidget &sidebar, const Customer &customer)
{
    QSignalSpy shown(&sidebar, &Ui::SidebarWidget::dataShown);
    sidebar.setCustomer(customer);
    return shown.wait(10000);
}

} // namespace

class TestSidebarWidget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QStringLiteral("en_GB"))); }

    void contactsAreCheckedWithIconsAndReasons_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("phone");
        QTest::addColumn<QString>("smsNumber");
        QTest::addColumn<QString>("emailIcon");
        QTest::addColumn<QString>("phoneIcon");
        QTest::addColumn<QString>("smsIcon");
        QTest::addColumn<bool>("emailEligible");
        QTest::addColumn<bool>("smsEligible");
        QTest::addColumn<QString>("reasonContains");

        QTest::newRow("all good, mobile")
            << QStringLiteral("anna@example.co.uk") << QStringLiteral("07400 123456") << QString() << QString()
            << QStringLiteral("mobile") << QString() << true << true << QString();
        QTest::newRow("landline only: no SMS")
            << QStringLiteral("anna@example.co.uk") << QStringLiteral("020 7946 0018") << QString() << QString()
            << QStringLiteral("landline") << QStringLiteral("warning") << true << false
            << QStringLiteral("Landline only");
        QTest::newRow("invalid e-mail: no e-mail campaigns")
            << QStringLiteral("anna.example.com") << QStringLiteral("07400 123456") << QString()
            << QStringLiteral("warning") << QStringLiteral("mobile") << QString() << false << true
            << QStringLiteral("@");
        QTest::newRow("nothing on file") << QString() << QString() << QString() << QStringLiteral("warning")
                                         << QStringLiteral("warning") << QStringLiteral("warning") << false << false
                                         << QStringLiteral("No e-mail address");
        QTest::newRow("invalid SMS number")
            << QStringLiteral("anna@example.co.uk") << QStringLiteral("07400 123456") << QStringLiteral("12345")
            << QString() << QStringLiteral("mobile") << QStringLiteral("warning") << true << false
            << QStringLiteral("Not a valid number");
    }

    void contactsAreCheckedWithIconsAndReasons()
    {
        QFETCH(QString, email);
        QFETCH(QString, phone);
        QFETCH(QString, smsNumber);
        QFETCH(QString, emailIcon);
        QFETCH(QString, phoneIcon);
        QFETCH(QString, smsIcon);
        QFETCH(bool, emailEligible);
        QFETCH(bool, smsEligible);
        QFETCH(QString, reasonContains);

        GAVEL_OPEN_TEST_DATABASE(test);
        Loader loader(test->db());
        Ui::SidebarWidget sidebar(test->db(), loader);
        QVERIFY(show(sidebar, createCustomer(test->db(), email, phone, smsNumber)));

        QCOMPARE(iconKind(&sidebar, "sidebarEmail"), emailIcon);
        QCOMPARE(iconKind(&sidebar, "sidebarPhone"), phoneIcon);
        QCOMPARE(iconKind(&sidebar, "sidebarSmsNumber"), smsIcon);
        QCOMPARE(iconKind(&sidebar, "sidebarEmailEligibility"),
                 emailEligible ? QStringLiteral("eligible") : QStringLiteral("warning"));
        QCOMPARE(iconKind(&sidebar, "sidebarSmsEligibility"),
                 smsEligible ? QStringLiteral("eligible") : QStringLiteral("warning"));
        QCOMPARE(text(&sidebar, "sidebarEmailEligibility"),
                 emailEligible ? QStringLiteral("E-mail campaigns: yes") : QStringLiteral("E-mail campaigns: no"));
        QCOMPARE(text(&sidebar, "sidebarSmsEligibility"),
                 smsEligible ? QStringLiteral("SMS campaigns: yes") : QStringLiteral("SMS campaigns: no"));
        if (!reasonContains.isEmpty()) {
            const QString tips = toolTip(&sidebar, "sidebarEmail") + toolTip(&sidebar, "sidebarSmsNumber") +
                                 toolTip(&sidebar, "sidebarEmailEligibility") +
                                 toolTip(&sidebar, "sidebarSmsEligibility");
            QVERIFY2(tips.contains(reasonContains), qPrintable(tips));
        }
        if (phoneIcon == u"mobile") {
            QVERIFY2(text(&sidebar, "sidebarPhone").contains(QStringLiteral("(Mobile)")),
                     qPrintable(text(&sidebar, "sidebarPhone")));
        }
    }

    void showsTopDepartmentsSubscriptionsAndVip()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        SqlFixture f(test->db());
        const Customer customer =
            createCustomer(test->db(), QStringLiteral("anna@example.co.uk"), QStringLiteral("07400 123456"), QString());
        const qint64 jewellery =
            f.run(QStringLiteral("INSERT INTO departments (code, name) VALUES ('JW', 'Jewellery') RETURNING id"));
        f.run(QStringLiteral("INSERT INTO departments (code, name) VALUES ('BK', 'Books')"));
        const qint64 sale =
            f.run(QStringLiteral("INSERT INTO sales (sale_no, title, department_id, starts_at, status,"
                                 " currency) VALUES ('S1', 'Jewels', ?, ?, 'closed', 'GBP') RETURNING id"),
                  {jewellery, QDateTime::currentSecsSinceEpoch() - 86400});
        f.run(QStringLiteral("INSERT INTO lots (sale_id, lot_no, lot_seq, title, department_id, currency, status,"
                             " buyer_id, hammer_minor) VALUES (?, '1', 1, 'A ring', ?, 'GBP', 'sold', ?, 100000)"),
              {sale, jewellery, customer.id});
        QVERIFY2(f.error().isEmpty(), qPrintable(f.error()));
        QVERIFY(
            SubscriptionStore(test->db()).setChannel(customer.id, customer.uuid, QStringLiteral("email"), true).ok());

        Loader loader(test->db());
        Ui::SidebarWidget sidebar(test->db(), loader);
        sidebar.show();
        QVERIFY(show(sidebar, customer));
        QCOMPARE(text(&sidebar, "sidebarTopDepartments"), QStringLiteral("Jewellery"));
        QVERIFY(sidebar.findChild<QLabel *>(QStringLiteral("sidebarTopDepartments"))
                    ->toolTip()
                    .contains(QStringLiteral("Won 1 lot")));
        const QString subscriptions = text(&sidebar, "sidebarSubscriptions");
        QVERIFY2(subscriptions.contains(QStringLiteral("E-mail: Subscribed to all")), qPrintable(subscriptions));
        QVERIFY2(subscriptions.contains(QStringLiteral("SMS: ")), qPrintable(subscriptions));
        QVERIFY(sidebar.findChild<QLabel *>(QStringLiteral("sidebarVip"))->isVisible());
        QVERIFY(sidebar.editButton()->isEnabled());
        QVERIFY(sidebar.historyButton()->isEnabled());
    }

    void showsTheAttributesTheHouseChose()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        SettingsStore settings(test->db());
        const QStringList chosen = {QStringLiteral("top_departments"), QStringLiteral("email"), QStringLiteral("city")};
        QVERIFY(SidebarAttributes::save(settings, chosen).ok());
        Loader loader(test->db());
        Ui::SidebarWidget sidebar(test->db(), loader);
        sidebar.resize(400, 800);
        sidebar.show();
        QVERIFY(show(sidebar, createCustomer(test->db(), QStringLiteral("anna@example.co.uk"), QString(), QString())));
        QCOMPARE(sidebar.shownAttributes(), chosen);
        const auto label = [&sidebar](const QString &key) {
            return sidebar.findChild<QLabel *>(QStringLiteral("sidebarLabel_") + key);
        };
        QVERIFY(label(QStringLiteral("email"))->isVisible());
        QVERIFY(!label(QStringLiteral("phone"))->isVisible());
        QVERIFY(!sidebar.findChild<QLabel *>(QStringLiteral("sidebarPhone"))->isVisible());
        QTRY_VERIFY(label(QStringLiteral("top_departments"))->y() < label(QStringLiteral("email"))->y());
        QTRY_VERIFY(label(QStringLiteral("email"))->y() < label(QStringLiteral("city"))->y());
    }

    void theSettingsPageChoosesAndOrders()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        Ui::SidebarSettingsPage page(test->db());
        page.show();
        auto *list = page.findChild<QListWidget *>(QStringLiteral("sidebarAttributes"));
        QCOMPARE(page.chosenKeys(), SidebarAttributes::defaultKeys());
        list->setFocus();
        // Hide the phone (second), then move City (eleventh) to the top.
        QTest::keyClick(list, Qt::Key_Down);
        QCOMPARE(list->currentItem()->data(Qt::UserRole).toString(), QStringLiteral("phone"));
        QTest::keyClick(list, Qt::Key_Space);
        const int city = int(SidebarAttributes::allKeys().indexOf(QStringLiteral("city")));
        list->setCurrentRow(city);
        for (int i = 0; i < city; ++i) {
            QTest::keyClick(list, Qt::Key_Up, Qt::AltModifier);
        }
        QCOMPARE(list->currentRow(), 0);
        QVERIFY(page.save().ok());

        SettingsStore settings(test->db());
        QStringList expected = SidebarAttributes::defaultKeys();
        expected.removeAll(QStringLiteral("phone"));
        expected.removeAll(QStringLiteral("city"));
        expected.prepend(QStringLiteral("city"));
        QCOMPARE(SidebarAttributes::load(settings).value(), expected);

        // Reopened, the page shows the stored choice; Restore Defaults brings everything back.
        Ui::SidebarSettingsPage again(test->db());
        QCOMPARE(again.chosenKeys(), expected);
        again.findChild<QPushButton *>(QStringLiteral("sidebarAttributeDefaults"))->click();
        QCOMPARE(again.chosenKeys(), SidebarAttributes::defaultKeys());
    }

    void attributeParsing_data()
    {
        QTest::addColumn<QString>("stored");
        QTest::addColumn<QStringList>("keys");
        QTest::newRow("in order") << QStringLiteral("city,email")
                                  << QStringList{QStringLiteral("city"), QStringLiteral("email")};
        QTest::newRow("unknown key from a newer Gavel dropped")
            << QStringLiteral("email,shoe_size,city") << QStringList{QStringLiteral("email"), QStringLiteral("city")};
        QTest::newRow("repeats dropped") << QStringLiteral("email, email ,city")
                                         << QStringList{QStringLiteral("email"), QStringLiteral("city")};
        QTest::newRow("none chosen") << SidebarAttributes::serialize({}) << QStringList();
    }

    void attributeParsing()
    {
        QFETCH(QString, stored);
        QFETCH(QStringList, keys);
        QCOMPARE(SidebarAttributes::parse(stored), keys);
    }

    void theChangeHistoryListsEditsNewestFirst()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        Customer customer = createCustomer(test->db(), QStringLiteral("anna@example.co.uk"), QString(), QString());
        customer.email = QStringLiteral("anna@example.org");
        test->db().setActor(QStringLiteral("Priya Shah"));
        auto updated = CustomerStore(test->db()).update(customer);
        QVERIFY(updated.ok());
        Loader loader(test->db());
        Ui::ChangeHistoryDialog dialog(loader, *updated);
        QSignalSpy loaded(&dialog, &Ui::ChangeHistoryDialog::loaded);
        QVERIFY(loaded.wait(10000));
        QTableWidget *table = dialog.table();
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("Priya Shah"));
        QCOMPARE(table->item(0, 2)->text(), QStringLiteral("E-mail"));
        QCOMPARE(table->item(0, 3)->text(), QStringLiteral("anna@example.co.uk"));
        QCOMPARE(table->item(0, 4)->text(), QStringLiteral("anna@example.org"));
        QCOMPARE(table->item(1, 2)->text(), QStringLiteral("Customer created"));
        QCOMPARE(table->item(1, 1)->text(), QStringLiteral("Test Runner"));
    }
};

QTEST_MAIN(TestSidebarWidget)
#include "tst_sidebarwidget.moc"
