#include "customerfilterbar.h"
#include "customerlistmodel.h"
#include "customerlistwidget.h"
#include "customerstore.h"
#include "loader.h"
#include "mainwindow.h"
#include "profilewidget.h"
#include "recommendationsdialog.h"
#include "sidebarwidget.h"
#include "sql.h"
#include "testdatabase.h"

#include <QAction>
#include <QComboBox>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTabWidget>
#include <QSignalSpy>
#include <QTest>

using namespace Gavel;
using Models::Customer;

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    static void populate(Models::Database &db)
    {
        Models::CustomerStore store(db);
        const QList<QStringList> people = {
            {QStringLiteral("C-1001"), QStringLiteral("Margaret"), QStringLiteral("Hughes"),
             QStringLiteral("m.hughes@example.co.uk"), QStringLiteral("London"), QStringLiteral("GB")},
            {QStringLiteral("C-1002"), QString::fromUtf8("Søren"), QString::fromUtf8("Kierkegård"),
             QStringLiteral("soren@example.dk"), QString::fromUtf8("København"), QStringLiteral("DK")},
            {QStringLiteral("C-1003"), QStringLiteral("Akiko"), QStringLiteral("Tanaka"),
             QStringLiteral("akiko.tanaka@example.jp"), QStringLiteral("Tokyo"), QStringLiteral("JP")},
            {QStringLiteral("C-1004"), QStringLiteral("Hugh"), QStringLiteral("Grant-Hughes"),
             QStringLiteral("hgh@example.com"), QStringLiteral("Bath"), QStringLiteral("GB")},
        };
        for (const QStringList &p : people) {
            Customer c;
            c.customerNo = p.at(0);
            c.firstName = p.at(1);
            c.lastName = p.at(2);
            c.email = p.at(3);
            c.city = p.at(4);
            c.country = p.at(5);
            c.phone = QStringLiteral("+44 20 7946 0018");
            QVERIFY(store.create(c).ok());
        }
    }

    static QLabel *sidebarLabel(Ui::MainWindow &window, const char *name)
    {
        return window.profile()->sidebar()->findChild<QLabel *>(QString::fromLatin1(name));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QStringLiteral("en_GB")));
    }

    void searchOpenAndGoBack()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        populate(test->db());
        Ui::MainWindow window(test->db());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QLineEdit *search = window.customerList()->searchField();
        QTableView *table = window.customerList()->table();
        QCOMPARE(table->model()->rowCount(), 4);

        // Ctrl+F focuses the search box; typing filters the list.
        QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(search->hasFocus());
        QTest::keyClicks(search, QStringLiteral("hughes"));
        QTRY_COMPARE(table->model()->rowCount(), 2);
        const auto count = window.customerList()->findChild<QLabel *>(QStringLiteral("customerCount"));
        // Counted at once (SQLite's search index) or off the GUI thread (PostgreSQL).
        QTRY_COMPARE(count->text(), QStringLiteral("2 customers"));

        // Down moves into the results; Enter opens the selected customer.
        QTest::keyClick(search, Qt::Key_Down);
        QVERIFY(table->hasFocus());
        const QString firstName = table->model()->index(0, 0).data().toString();
        QTest::keyClick(table, Qt::Key_Return);
        // The profile loads off the GUI thread and fills in when the customer arrives.
        QTRY_VERIFY(window.isShowingProfile());
        QCOMPARE(sidebarLabel(window, "sidebarName")->text(), firstName);
        QVERIFY(window.profile()->isVisible());

        // Back returns to the list, forward to the profile.
        QTest::keyClick(&window, Qt::Key_Left, Qt::AltModifier);
        QVERIFY(!window.isShowingProfile());
        QVERIFY(window.customerList()->isVisible());
        QTest::keyClick(&window, Qt::Key_Right, Qt::AltModifier);
        QTRY_VERIFY(window.isShowingProfile());
        QCOMPARE(sidebarLabel(window, "sidebarName")->text(), firstName);
    }

    void enterOnASingleMatchOpensIt()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        populate(test->db());
        Ui::MainWindow window(test->db());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QLineEdit *search = window.customerList()->searchField();
        search->setFocus();
        QTest::keyClicks(search, QStringLiteral("C-1002"));
        QTest::keyClick(search, Qt::Key_Return);
        QTRY_VERIFY(window.isShowingProfile());
        QCOMPARE(sidebarLabel(window, "sidebarName")->text(), QString::fromUtf8("Søren Kierkegård"));
        QCOMPARE(sidebarLabel(window, "sidebarCustomerNo")->text(), QStringLiteral("Customer ID C-1002"));
        QCOMPARE(sidebarLabel(window, "sidebarEmail")->text(), QStringLiteral("soren@example.dk"));
        QCOMPARE(sidebarLabel(window, "sidebarCountry")->text(), QStringLiteral("Denmark"));
        QVERIFY(sidebarLabel(window, "sidebarAddress")->text().contains(QString::fromUtf8("København")));
        // Every panel has its tab.
        QCOMPARE(window.profile()->tabs()->count(), int(Ui::ProfileWidget::PanelCount));
    }

    void doubleClickOpensAndNeighboursFollowTheList()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        populate(test->db());
        Ui::MainWindow window(test->db());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTableView *table = window.customerList()->table();
        // Sorted by name: Grant-Hughes, Hughes, Kierkegård, Tanaka.
        const QRect cell = table->visualRect(table->model()->index(1, 0));
        // A real double-click starts with a press; the view only reacts when both land on one row.
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QTRY_VERIFY(window.isShowingProfile());
        QCOMPARE(sidebarLabel(window, "sidebarName")->text(), QStringLiteral("Margaret Hughes"));
        QTest::keyClick(&window, Qt::Key_Down, Qt::AltModifier);
        QTRY_COMPARE(sidebarLabel(window, "sidebarName")->text(), QString::fromUtf8("Søren Kierkegård"));
        QTest::keyClick(&window, Qt::Key_Up, Qt::AltModifier);
        QTRY_COMPARE(sidebarLabel(window, "sidebarName")->text(), QStringLiteral("Margaret Hughes"));
        QTest::keyClick(&window, Qt::Key_Up, Qt::AltModifier);
        QTRY_COMPARE(sidebarLabel(window, "sidebarName")->text(), QStringLiteral("Hugh Grant-Hughes"));
    }

    // Ctrl+R as a person presses it: after a double-click in the list, wherever the keyboard
    // focus ended up (not a widget the test picks), and again after the dialog was closed.
    void ctrlROpensRecommendationsAfterADoubleClick()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        populate(test->db());
        Ui::MainWindow window(test->db());
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTableView *table = window.customerList()->table();
        const QRect cell = table->visualRect(table->model()->index(1, 0));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QTRY_VERIFY(window.isShowingProfile());
        auto *action = window.profile()->findChild<QAction *>(QStringLiteral("recommendationsAction"));
        QVERIFY(action);
        QTRY_VERIFY(action->isEnabled());
        const auto pressCtrlR = [&] {
            QWidget *focus = QApplication::focusWidget();
            QTest::keyClick(focus != nullptr ? focus : &window, Qt::Key_R, Qt::ControlModifier);
        };
        pressCtrlR();
        QTRY_VERIFY(window.profile()->recommendationsDialog() && window.profile()->recommendationsDialog()->isVisible());
        Ui::RecommendationsDialog *dialog = window.profile()->recommendationsDialog();
        QTRY_VERIFY(QApplication::activeWindow() == dialog);
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!dialog->isVisible());
        QTRY_VERIFY(QApplication::activeWindow() == &window);
        pressCtrlR();
        QTRY_VERIFY(dialog->isVisible());
    }

    // The filter drop-downs narrow the list, combine, go into Back/Forward like any place,
    // and "Show All Customers" clears them.
    void filterBarNarrowsTheListAndGoesIntoHistory()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        populate(test->db());
        const auto sql = [&](const QString &statement, const QVariantList &values = {}) {
            QVERIFY2(Models::Sql::exec(test->db().connection(), statement, values, QStringLiteral("test")).ok(),
                     qPrintable(statement));
        };
        sql(QStringLiteral("UPDATE customers SET vip = 1 WHERE customer_no IN ('C-1001', 'C-1003')"));
        sql(QStringLiteral("INSERT INTO departments (code, name) VALUES ('PIC', 'Old Master Pictures')"));
        sql(QStringLiteral("INSERT INTO departments (code, name) VALUES ('JEW', 'Jewellery')"));
        sql(QStringLiteral("INSERT INTO customer_departments (customer_id, department_id, added_at)"
                           " SELECT c.id, d.id, 0 FROM customers c, departments d"
                           " WHERE c.customer_no IN ('C-1001', 'C-1002') AND d.code = 'PIC'"));
        Ui::MainWindow window(test->db());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        Ui::CustomerListWidget *list = window.customerList();
        QTableView *table = list->table();
        QCOMPARE(table->model()->rowCount(), 4);
        QComboBox *vip = list->filters()->vip();
        QComboBox *department = list->filters()->department();
        const auto names = [&] {
            QStringList shown;
            for (int row = 0; row < table->model()->rowCount(); ++row) {
                shown << table->model()->index(row, 0).data().toString();
            }
            return shown;
        };

        // Keys on the VIP drop-down: "VIP only".
        vip->setFocus();
        QTest::keyClick(vip, Qt::Key_Down);
        QCOMPARE(vip->currentText(), QStringLiteral("VIP only"));
        QTRY_COMPARE(names(), (QStringList{QStringLiteral("Margaret Hughes"), QStringLiteral("Akiko Tanaka")}));
        auto *filterText = list->findChild<QLabel *>(QStringLiteral("filterText"));
        QTRY_VERIFY(filterText->isVisible());
        QVERIFY2(filterText->text().contains(QStringLiteral("VIP")), qPrintable(filterText->text()));

        // A department as well: both must hold. Only departments that exist are offered.
        QCOMPARE(department->count(), 3);
        department->setFocus();
        // Typing a name's first letter picks it, as in any drop-down.
        QTest::keyClick(department, Qt::Key_O);
        QCOMPARE(department->currentText(), QStringLiteral("Old Master Pictures"));
        QTRY_COMPARE(names(), QStringList{QStringLiteral("Margaret Hughes")});
        QVERIFY2(filterText->text().contains(QStringLiteral("Old Master Pictures")), qPrintable(filterText->text()));
        QCOMPARE(vip->currentText(), QStringLiteral("VIP only"));

        // Back: the VIP filter alone, and the drop-downs say so.
        QTest::keyClick(&window, Qt::Key_Left, Qt::AltModifier);
        QTRY_COMPARE(names(), (QStringList{QStringLiteral("Margaret Hughes"), QStringLiteral("Akiko Tanaka")}));
        QCOMPARE(department->currentText(), QStringLiteral("All departments"));
        QCOMPARE(vip->currentText(), QStringLiteral("VIP only"));
        QTest::keyClick(&window, Qt::Key_Right, Qt::AltModifier);
        QTRY_COMPARE(names(), QStringList{QStringLiteral("Margaret Hughes")});
        QCOMPARE(department->currentText(), QStringLiteral("Old Master Pictures"));

        // Show All Customers clears every drop-down.
        QTest::mouseClick(list->findChild<QPushButton *>(QStringLiteral("clearFilter")), Qt::LeftButton);
        QTRY_COMPARE(table->model()->rowCount(), 4);
        QCOMPARE(vip->currentText(), QStringLiteral("VIP or not"));
        QCOMPARE(department->currentText(), QStringLiteral("All departments"));
        QVERIFY(!filterText->isVisible());
    }

    // Switching customers quickly: only the last one asked for ends up on screen.
    void rapidSwitchingShowsTheLastCustomer()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        populate(test->db());
        Ui::MainWindow window(test->db());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy shown(window.profile(), &Ui::ProfileWidget::customerShown);
        const auto *model = window.customerList()->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            window.openCustomer(model->customerIdAt(row));
        }
        const qint64 last = model->customerIdAt(model->rowCount() - 1);
        QVERIFY(window.loader()->waitForIdle());
        QTRY_COMPARE(window.profile()->customerId(), last);
        // Stale loads were dropped: at most the first and the last reached the screen.
        QVERIFY2(shown.count() <= 2, qPrintable(QString::number(shown.count())));
        QCOMPARE(shown.constLast().at(0).value<Models::Customer>().id, last);
    }

    void aDeletedCustomerSaysSoAndLeavesTheHistory()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        populate(test->db());
        Ui::MainWindow window(test->db());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.openCustomer(999999);
        auto *error = window.profile()->findChild<QLabel *>(QStringLiteral("profileError"));
        QTRY_VERIFY(error->isVisible());
        QVERIFY(error->text().contains(QStringLiteral("no longer exists")));
        QVERIFY(!window.isShowingProfile());
    }

    void anEmptyDatabaseSaysWhatToDo()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        Ui::MainWindow window(test->db());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *empty = window.customerList()->findChild<QLabel *>(QStringLiteral("emptyState"));
        QVERIFY(empty->isVisible());
        QVERIFY(empty->text().contains(QStringLiteral("no customers")));
        QVERIFY(!window.customerList()->table()->isVisible());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
