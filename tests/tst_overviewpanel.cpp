#include "charts/spendbyyearchart.h"
#include "chiplistwidget.h"
#include "customerlistmodel.h"
#include "customerlistwidget.h"
#include "keymetricswidget.h"
#include "labelstore.h"
#include "loader.h"
#include "mainwindow.h"
#include "overviewfixture.h"
#include "overviewpanel.h"
#include "profilewidget.h"
#include "testdatabase.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace Gavel;
using Tests::OverviewFixture;
using Ui::KeyMetricsWidget;

// The Overview as a person sees it, on the house of tests/support/overviewfixture.cpp
// (whose comments work out every figure), in en_GB.
class TestOverviewPanel : public QObject
{
    Q_OBJECT

private:
    Ui::OverviewPanel *panel(Ui::MainWindow &window)
    {
        return qobject_cast<Ui::OverviewPanel *>(window.profile()->panel(Ui::ProfileWidget::Overview));
    }

    /// Opens a customer in the window and waits for the Overview's figures.
    bool openOverview(Ui::MainWindow &window, qint64 customerId)
    {
        Ui::OverviewPanel *overview = panel(window);
        overview->setAsOf(OverviewFixture::asOf());
        window.openCustomer(customerId);
        return QTest::qWaitFor([&] { return window.isShowingProfile() && overview->isLoaded(); }, 10000) &&
               window.profile()->customerId() == customerId;
    }

    static QString metric(Ui::OverviewPanel *overview, KeyMetricsWidget::Metric which)
    {
        return overview->keyMetrics()->valueLabel(which)->text();
    }

    static QString text(QWidget *root, const char *objectName)
    {
        auto *label = root->findChild<QLabel *>(QString::fromLatin1(objectName));
        return label ? label->text() : QStringLiteral("(no %1)").arg(QString::fromLatin1(objectName));
    }

    static QStringList chipTexts(Ui::ChipListWidget *chips)
    {
        QStringList texts;
        for (QAbstractButton *button : chips->chipButtons()) {
            texts << button->text();
        }
        return texts;
    }

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QStringLiteral("en_GB"))); }

    void init()
    {
        QString why;
        m_test = Tests::TestDatabase::create(&why);
        if (!m_test) {
            if (Tests::testEngine() == Models::Engine::Postgres && !Tests::TestDatabase::postgresRequired()) {
                QSKIP(qPrintable(QStringLiteral("SKIPPED ON POSTGRESQL: ") + why));
            }
            QFAIL(qPrintable(why));
        }
        const QString error = m_fixture.build(m_test->db());
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void cleanup() { m_test.reset(); }

    // A customer with no data at all: every figure is "—", never 0 % or NaN, and there is
    // no chart.
    void theEmptyCustomerShowsDashes()
    {
        Ui::MainWindow window(m_test->db());
        window.show();
        QVERIFY(openOverview(window, m_fixture.empty));
        Ui::OverviewPanel *overview = panel(window);
        for (int which = 0; which < KeyMetricsWidget::MetricCount; ++which) {
            QCOMPARE(metric(overview, KeyMetricsWidget::Metric(which)), QStringLiteral("—"));
        }
        for (const char *name : {"purchaseCount", "purchaseTotal", "purchaseAverage", "purchaseLotsPerInvoice",
                                 "purchaseFirst", "purchaseDaysSinceLast", "purchaseDaysSinceRegistration",
                                 "rfmSegment", "rfmScores", "creditActive", "creditNearestExpiry"}) {
            QVERIFY2(text(overview, name) == QStringLiteral("—"), name);
        }
        // Every department too.
        QComboBox *departments = overview->departmentFilter();
        QCOMPARE(departments->count(), 4);
        departments->setCurrentIndex(1);
        QCOMPARE(metric(overview, KeyMetricsWidget::WinRate), QStringLiteral("—"));
        QVERIFY(!overview->chart()->hasChart());
        QVERIFY(overview->chart()->findChild<QLabel *>(QStringLiteral("spendChartEmpty"))->isVisible());
        QVERIFY(overview->labelChips()->chipButtons().isEmpty());
        QVERIFY(overview->segmentChips()->chipButtons().isEmpty());
        QVERIFY(text(overview, "segmentsNote").contains(QStringLiteral("not been calculated")));
    }

    void figuresAndTheDepartmentFilterByKeyboard()
    {
        Ui::MainWindow window(m_test->db());
        window.show();
        QVERIFY(openOverview(window, m_fixture.a));
        Ui::OverviewPanel *overview = panel(window);
        // All departments: 437,500 minor = £4,375; 87,500 = £875; 80,000 = £800; 2 of 3.
        QCOMPARE(metric(overview, KeyMetricsWidget::TotalSpent), QStringLiteral("£4,375"));
        QCOMPARE(metric(overview, KeyMetricsWidget::LotsWon), QStringLiteral("4"));
        QCOMPARE(metric(overview, KeyMetricsWidget::BidsPlaced), QStringLiteral("8"));
        QCOMPARE(metric(overview, KeyMetricsWidget::WinRate), QStringLiteral("40%"));
        QCOMPARE(metric(overview, KeyMetricsWidget::AverageHammer), QStringLiteral("£875"));
        QCOMPARE(metric(overview, KeyMetricsWidget::SalesParticipated), QStringLiteral("3"));
        QCOMPARE(metric(overview, KeyMetricsWidget::LotsConsigned), QStringLiteral("3"));
        QCOMPARE(metric(overview, KeyMetricsWidget::ConsignedSold), QStringLiteral("£800"));
        QCOMPARE(metric(overview, KeyMetricsWidget::EmailEngagement), QStringLiteral("67%"));
        QVERIFY(overview->keyMetrics()->valueLabel(KeyMetricsWidget::WinRate)->toolTip().contains(
            QStringLiteral("Bought 2 of the 5 lots")));

        // The filter from the keyboard: Alt+D focuses it, Down picks the next department.
        QTest::keyClick(&window, Qt::Key_D, Qt::AltModifier);
        QTRY_VERIFY(overview->departmentFilter()->hasFocus());
        QTest::keyClick(overview->departmentFilter(), Qt::Key_Down);
        QCOMPARE(overview->departmentFilter()->currentText(), QStringLiteral("Old Masters"));
        QCOMPARE(metric(overview, KeyMetricsWidget::TotalSpent), QStringLiteral("£1,250"));
        QCOMPARE(metric(overview, KeyMetricsWidget::WinRate), QStringLiteral("33%"));
        QCOMPARE(metric(overview, KeyMetricsWidget::EmailEngagement), QStringLiteral("100%"));
        QTest::keyClick(overview->departmentFilter(), Qt::Key_Down);
        QCOMPARE(overview->departmentFilter()->currentText(), QStringLiteral("Jewellery"));
        QCOMPARE(metric(overview, KeyMetricsWidget::LotsWon), QStringLiteral("2"));
        QCOMPARE(metric(overview, KeyMetricsWidget::ConsignedSold), QStringLiteral("£0"));
        QCOMPARE(metric(overview, KeyMetricsWidget::EmailEngagement), QStringLiteral("0%"));
        QTest::keyClick(overview->departmentFilter(), Qt::Key_Down);
        QCOMPARE(overview->departmentFilter()->currentText(), QStringLiteral("Wine"));
        QCOMPARE(metric(overview, KeyMetricsWidget::TotalSpent), QStringLiteral("—"));
        QCOMPARE(metric(overview, KeyMetricsWidget::LotsWon), QStringLiteral("—"));

        // Purchases: 439,500 = £4,395 over 3 invoices; house credit 13,000 = £130 active.
        QCOMPARE(text(overview, "purchaseCount"), QStringLiteral("3"));
        QCOMPARE(text(overview, "purchaseTotal"), QStringLiteral("£4,395"));
        QCOMPARE(text(overview, "purchaseAverage"), QStringLiteral("£1,465"));
        QCOMPARE(text(overview, "purchaseLotsPerInvoice"), QStringLiteral("1.3"));
        QCOMPARE(text(overview, "purchaseFirst"), QStringLiteral("12 March 2023"));
        QCOMPARE(text(overview, "purchaseDaysSinceLast"), QStringLiteral("36"));
        QCOMPARE(text(overview, "purchaseDaysSinceRegistration"), QStringLiteral("1,642"));
        QVERIFY(text(overview, "purchaseCurrencyNote").contains(QStringLiteral("1 invoice in another currency")));
        QCOMPARE(text(overview, "creditActive"), QStringLiteral("£130"));
        QCOMPARE(text(overview, "creditPendingActivation"), QStringLiteral("£50"));
        QCOMPARE(text(overview, "creditNearestExpiry"), QStringLiteral("£100 on 31 December 2024"));
        // Not recalculated yet: no score, and the way to get one.
        QCOMPARE(text(overview, "rfmSegment"), QStringLiteral("—"));
        QVERIFY(text(overview, "rfmNote").contains(QStringLiteral("Recalculate Segments")));

        // The chart: 2023 and 2024, stacked by department, the lot without one as "Other".
        QVERIFY(overview->chart()->hasChart());
        QCOMPARE(overview->chart()->categories(), (QStringList{QStringLiteral("2023"), QStringLiteral("2024")}));
        QCOMPARE(overview->chart()->legendNames(),
                 (QStringList{QStringLiteral("Old Masters"), QStringLiteral("Jewellery"), QStringLiteral("Other")}));
    }

    void addAndRemoveALabelByKeyboard()
    {
        Ui::MainWindow window(m_test->db());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(openOverview(window, m_fixture.a));
        Ui::OverviewPanel *overview = panel(window);
        QLineEdit *editor = overview->labelEditor();
        editor->setFocus();
        QTest::keyClicks(editor, QStringLiteral("Museum contact"));
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE(chipTexts(overview->labelChips()), QStringList{QStringLiteral("Museum contact")});
        QVERIFY(editor->text().isEmpty());
        QVERIFY(editor->hasFocus());
        QCOMPARE(Models::LabelStore(m_test->db()).forCustomer(m_fixture.a)->size(), 1);

        // Tab from the chip reaches its ×; Space removes the label.
        QAbstractButton *chip = overview->labelChips()->chipButtons().constFirst();
        chip->setFocus();
        QTest::keyClick(chip, Qt::Key_Tab);
        QAbstractButton *remove = overview->labelChips()->removeButtons().constFirst();
        QTRY_VERIFY(remove->hasFocus());
        QCOMPARE(remove->accessibleName(), QString::fromUtf8("Remove the label “Museum contact”"));
        QTest::keyClick(remove, Qt::Key_Space);
        QTRY_VERIFY(overview->labelChips()->chipButtons().isEmpty());
        QVERIFY(Models::LabelStore(m_test->db()).forCustomer(m_fixture.a)->isEmpty());
    }

    // Clicking a label opens the customer list filtered to it; the bar above the list
    // names the filter and clears it; Back returns to the filtered list.
    void clickingALabelOpensTheFilteredList()
    {
        QVERIFY(Models::LabelStore(m_test->db()).addToCustomer(m_fixture.a, QStringLiteral("Museum contact")).ok());
        QVERIFY(Models::LabelStore(m_test->db()).addToCustomer(m_fixture.b, QStringLiteral("Museum contact")).ok());
        Ui::MainWindow window(m_test->db());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(openOverview(window, m_fixture.a));
        Ui::OverviewPanel *overview = panel(window);
        QCOMPARE(chipTexts(overview->labelChips()), QStringList{QStringLiteral("Museum contact")});

        QTest::mouseClick(overview->labelChips()->chipButtons().constFirst(), Qt::LeftButton);
        QCOMPARE(window.currentPlace(), Ui::Place::customerList(QStringLiteral("label:Museum contact")));
        Ui::CustomerListWidget *list = window.customerList();
        QTRY_VERIFY(list->isVisible());
        QCOMPARE(list->table()->model()->rowCount(), 2); // A and B, not the empty customer
        QVERIFY(list->filterBar()->isVisible());
        QCOMPARE(text(list, "filterText"), QString::fromUtf8("Showing Label “Museum contact”"));
        QTRY_COMPARE(text(list, "customerCount"), QStringLiteral("2 customers")); // a filter is counted off the GUI thread

        auto *clear = list->findChild<QAbstractButton *>(QStringLiteral("clearFilter"));
        QTest::mouseClick(clear, Qt::LeftButton);
        QCOMPARE(list->table()->model()->rowCount(), 3);
        QVERIFY(!list->filterBar()->isVisible());
        QTest::keyClick(&window, Qt::Key_Left, Qt::AltModifier);
        QCOMPARE(list->table()->model()->rowCount(), 2);
        QVERIFY(list->filterBar()->isVisible());
    }

    // Customers → Recalculate Segments… scores RFM in the background; the profile then
    // shows the score and the segments, and a segment opens its members.
    void recalculatingShowsRfmAndSegments()
    {
        Ui::MainWindow window(m_test->db());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(openOverview(window, m_fixture.a));
        Ui::OverviewPanel *overview = panel(window);
        QSignalSpy done(&window, &Ui::MainWindow::segmentsRecalculated);
        QSignalSpy reloaded(overview, &Ui::OverviewPanel::loaded);
        window.recalculateSegmentsAction()->trigger();
        QVERIFY(done.wait(30000));
        QCOMPARE(done.constFirst().at(0).toBool(), true);
        QTRY_VERIFY(reloaded.count() > 0);
        QVERIFY(window.loader()->waitForIdle());
        // As of today, A (4 invoices in pounds, the latest in July 2024) is ahead of B (one,
        // March 2023) on all three measures: 1 + 5 × 1 / 2 = 3 each.
        QCOMPARE(text(overview, "rfmScores"), QStringLiteral("R 3 · F 3 · M 3"));
        QCOMPARE(text(overview, "rfmSegment"), QStringLiteral("Needs attention"));
        QVERIFY(text(overview, "rfmNote").contains(QStringLiteral("Scored as of")));
        QVERIFY(chipTexts(overview->segmentChips()).contains(QStringLiteral("Top consignors")));
        QVERIFY(text(overview, "segmentsNote").startsWith(QStringLiteral("As recalculated on")));

        const int index = static_cast<int>(chipTexts(overview->segmentChips()).indexOf(QStringLiteral("Needs attention")));
        QVERIFY(index >= 0);
        QTest::mouseClick(overview->segmentChips()->chipButtons().at(index), Qt::LeftButton);
        QCOMPARE(window.currentPlace(), Ui::Place::customerList(QStringLiteral("segment:rfm_needs_attention")));
        QCOMPARE(window.customerList()->model()->customerIdAt(0), m_fixture.a);
        QCOMPARE(window.customerList()->table()->model()->rowCount(), 1);
    }

private:
    std::unique_ptr<Tests::TestDatabase> m_test;
    OverviewFixture m_fixture;
};

QTEST_MAIN(TestOverviewPanel)
#include "tst_overviewpanel.moc"
