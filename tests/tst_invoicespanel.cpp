#include "invoicespanel.h"
#include "invoicesettingspage.h"
#include "mainwindow.h"
#include "marketingfixture.h"
#include "navigator.h"
#include "profilewidget.h"
#include "recordtablemodel.h"
#include "recordtableview.h"
#include "settingsdialog.h"
#include "testdatabase.h"

#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

using namespace Gavel;
using namespace Qt::StringLiterals;
using Tests::MarketingFixture;

// The profile's Invoices tab as a person sees it, on tests/support/marketingfixture.cpp.
class TestInvoicesPanel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Tests::TestDatabase> m_test;
    MarketingFixture m_fixture;

    static Ui::InvoicesPanel *panel(Ui::MainWindow &window)
    {
        return qobject_cast<Ui::InvoicesPanel *>(window.profile()->panel(Ui::ProfileWidget::Invoices));
    }

    /// Opens the customer, switches to the Invoices tab and waits for its data.
    static bool openInvoices(Ui::MainWindow &window, qint64 customerId)
    {
        window.openCustomer(customerId);
        Ui::InvoicesPanel *invoices = panel(window);
        if (!QTest::qWaitFor([&] { return window.isShowingProfile() && invoices->isLoaded(); }, 10000)) {
            return false;
        }
        window.profile()->tabs()->setCurrentWidget(invoices);
        return window.profile()->customerId() == customerId;
    }

    static QStringList column(QTableView *table, int column)
    {
        QStringList texts;
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            texts << table->model()->index(row, column).data().toString();
        }
        return texts;
    }

    static QStringList headers(QTableView *table)
    {
        QStringList texts;
        for (int c = 0; c < table->model()->columnCount(); ++c) {
            texts << table->model()->headerData(c, Qt::Horizontal).toString();
        }
        return texts;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(u"en_GB"_s));
    }

    void init()
    {
        QSettings().clear();
        GAVEL_OPEN_TEST_DATABASE(test);
        m_test = std::move(test);
        m_fixture = {};
        const QString error = m_fixture.build(m_test->db());
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void cleanup() { m_test.reset(); }

    void invoicesListNewestFirstAndOpenByKeyboard()
    {
        Ui::MainWindow window(m_test->db());
        window.resize(1600, 1000);
        window.show();
        QVERIFY(openInvoices(window, m_fixture.a));
        Ui::RecordTableView *table = panel(window)->invoiceTable();
        QVERIFY(table->isVisible());
        QCOMPARE(headers(table), QStringList({u"Invoice"_s, u"Date"_s, u"Sale"_s, u"Status"_s, u"Lots"_s,
                                              u"Total"_s, u"Payment"_s}));
        QCOMPARE(column(table, 0), QStringList({u"INV-4"_s, u"INV-2"_s, u"INV-3"_s, u"INV-1"_s}));
        QCOMPARE(column(table, 1).at(1), u"1 March 2024"_s);
        QCOMPARE(column(table, 2).at(1), u"S2 · Clocks and Watches"_s);
        QCOMPARE(column(table, 3), QStringList({u"Paid"_s, u"Issued"_s, u"Cancelled"_s, u"Paid"_s}));
        QCOMPARE(column(table, 5).at(1), u"£2,600"_s);
        QCOMPARE(column(table, 6).at(3), u"Bank transfer"_s);
        QVERIFY(panel(window)->findChild<QGroupBox *>()->title().contains(u"(4)"_s));

        // Sort by total by clicking the heading: figures sort as numbers, not text.
        QTest::mouseClick(table->horizontalHeader()->viewport(), Qt::LeftButton, {},
                          QPoint(table->horizontalHeader()->sectionViewportPosition(5) + 5, 5));
        QCOMPARE(column(table, 0), QStringList({u"INV-3"_s, u"INV-4"_s, u"INV-1"_s, u"INV-2"_s}));

        QSignalSpy opened(window.navigator(), &Ui::Navigator::openRequested);
        table->setFocus();
        table->selectRow(3);
        table->setCurrentIndex(table->model()->index(3, 0));
        QTest::keyClick(table, Qt::Key_Return);
        QCOMPARE(opened.count(), 1);
        const auto place = opened.at(0).at(0).value<Ui::Place>();
        QCOMPARE(place.kind, Ui::Place::Kind::Invoice);
        QCOMPARE(place.id, m_fixture.inv2);
    }

    void columnsChosenInSettings()
    {
        Ui::MainWindow window(m_test->db());
        window.resize(1600, 1000);
        window.show();
        QVERIFY(openInvoices(window, m_fixture.a));
        {
            Ui::SettingsDialog dialog(m_test->db());
            dialog.show();
            auto *list = dialog.findChild<QListWidget *>(u"invoiceColumns"_s);
            QVERIFY(list);
            // Untick Date, Sale, Status, Lots and Payment; tick Buyer's premium, by keyboard.
            list->setFocus();
            const QStringList toggle = {u"Date"_s, u"Sale"_s, u"Status"_s, u"Lots"_s, u"Payment"_s,
                                        u"Buyer's premium"_s};
            for (int i = 0; i < list->count(); ++i) {
                if (toggle.contains(list->item(i)->text())) {
                    list->setCurrentRow(i);
                    QTest::keyClick(list, Qt::Key_Space);
                }
            }
            // The invoice number cannot be unticked.
            list->setCurrentRow(0);
            QTest::keyClick(list, Qt::Key_Space);
            QCOMPARE(list->item(0)->checkState(), Qt::Checked);
            dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        // The tab shows the new columns when it is next on screen.
        window.profile()->tabs()->setCurrentIndex(0);
        window.profile()->tabs()->setCurrentWidget(panel(window));
        Ui::RecordTableView *table = panel(window)->invoiceTable();
        QCOMPARE(headers(table), QStringList({u"Invoice"_s, u"Buyer's premium"_s, u"Total"_s}));
        QCOMPARE(column(table, 1).at(1), u"£500"_s);

        // And in a new window too.
        Ui::MainWindow second(m_test->db());
        second.show();
        QVERIFY(openInvoices(second, m_fixture.a));
        QCOMPARE(headers(panel(second)->invoiceTable()), QStringList({u"Invoice"_s, u"Buyer's premium"_s, u"Total"_s}));
    }

    void favouriteVenuesAndTheAbandonedBasket()
    {
        Ui::MainWindow window(m_test->db());
        window.resize(1600, 1000);
        window.show();
        QVERIFY(openInvoices(window, m_fixture.a));
        Ui::RecordTableView *venues = panel(window)->venueTable();
        QVERIFY(venues->isVisible());
        QCOMPARE(headers(venues), QStringList({u"ID"_s, u"Name"_s, u"Kind"_s, u"Invoices"_s}));
        QCOMPARE(column(venues, 0), QStringList({u"LDN"_s, u"SHP"_s, u"TSR"_s}));
        QCOMPARE(column(venues, 2), QStringList({u"Saleroom"_s, u"Shop"_s, u"Bidding platform"_s}));
        QCOMPARE(column(venues, 3), QStringList({u"2"_s, u"1"_s, u"1"_s}));

        Ui::RecordTableView *basket = panel(window)->basketTable();
        QVERIFY(basket->isVisible());
        QCOMPARE(column(basket, 0), QStringList({u"Print"_s, u"Tote bag"_s, u"Catalogue"_s}));
        QCOMPARE(column(basket, 1), QStringList({u"£80"_s, u"2 × £12"_s, u"£25"_s}));
        QCOMPARE(column(basket, 3), QStringList({u"Still in the basket"_s, u"Abandoned"_s, u"Abandoned"_s}));
        QVERIFY(column(basket, 2).at(2).startsWith(u"2 April 2024"_s));
    }

    void anotherCustomerNeverShowsTheFirstOnesRows()
    {
        Ui::MainWindow window(m_test->db());
        window.show();
        QVERIFY(openInvoices(window, m_fixture.a));
        QVERIFY(openInvoices(window, m_fixture.c));
        QCOMPARE(panel(window)->invoiceTable()->model()->rowCount(), 0);
        QCOMPARE(panel(window)->venueTable()->model()->rowCount(), 0);
        QCOMPARE(panel(window)->basketTable()->model()->rowCount(), 0);
    }
};

QTEST_MAIN(TestInvoicesPanel)
#include "tst_invoicespanel.moc"
