// The Recommendations dialog as a person uses it: Ctrl+R or the sidebar's button in a
// profile, the next sale chosen, the ranked lots with Match Score and reasons, keyboard to
// change the sale, leave out what they bid on or wishlisted, open a lot, export the list.

#include "loader.h"
#include "mainwindow.h"
#include "navigator.h"
#include "profilewidget.h"
#include "recommendationfixture.h"
#include "recommendationlistmodel.h"
#include "recommendationsdialog.h"
#include "sidebarwidget.h"
#include "testdatabase.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Gavel;
using Tests::RecommendationFixture;

class TestRecommendationsDialog final : public QObject
{
    Q_OBJECT

private:
    /// Opens customer A's profile and the Recommendations with Ctrl+R; waits for the list.
    Ui::RecommendationsDialog *open(Ui::MainWindow &window, qint64 customer)
    {
        window.openCustomer(customer);
        if (!QTest::qWaitFor([&] { return window.isShowingProfile() && window.profile()->customerId() == customer; },
                             10000)) {
            return nullptr;
        }
        window.profile()->tabs()->setFocus();
        QTest::keyClick(window.profile()->tabs(), Qt::Key_R, Qt::ControlModifier);
        Ui::RecommendationsDialog *dialog = window.profile()->recommendationsDialog();
        if (dialog == nullptr || !QTest::qWaitFor([&] { return dialog->isLoaded(); }, 10000)) {
            return nullptr;
        }
        return dialog;
    }

    static QString cell(Ui::RecommendationsDialog *dialog, int row, int column)
    {
        return dialog->view()->model()->index(row, column).data().toString();
    }

    bool waitForList(Ui::RecommendationsDialog *dialog)
    {
        return QTest::qWaitFor([&] { return dialog->isLoaded(); }, 10000);
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
        const QString error = m_fixture.build(m_test->db(), QDateTime::currentSecsSinceEpoch());
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    void cleanup() { m_test.reset(); }

    void opensWithCtrlRForTheNextSale();
    void sidebarButtonOpensIt();
    void keyboardChangesSaleAndLeavesOutEngaged();
    void enterOpensTheLot();
    void exportsTheList();

private:
    std::unique_ptr<Tests::TestDatabase> m_test;
    RecommendationFixture m_fixture;
};

void TestRecommendationsDialog::opensWithCtrlRForTheNextSale()
{
    Ui::MainWindow window(m_test->db());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Ui::RecommendationsDialog *dialog = open(window, m_fixture.a);
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->windowTitle().contains(QStringLiteral("Alice Avery")));
    QVERIFY(dialog->saleBox()->currentText().startsWith(QStringLiteral("U1 Winter Paintings")));
    QCOMPARE(dialog->saleBox()->count(), 2);
    QCOMPARE(dialog->view()->model()->rowCount(), 4);
    QCOMPARE(cell(dialog, 0, Models::RecommendationListModel::LotColumn), QStringLiteral("1"));
    QVERIFY(cell(dialog, 0, Models::RecommendationListModel::TitleColumn)
                .contains(QStringLiteral("Fishing boats off the coast")));
    QCOMPARE(cell(dialog, 0, Models::RecommendationListModel::EstimateColumn), QStringLiteral("£2,000–3,000"));
    const int best = cell(dialog, 0, Models::RecommendationListModel::ScoreColumn).toInt();
    QVERIFY(best > cell(dialog, 3, Models::RecommendationListModel::ScoreColumn).toInt());
    const QString reasons = cell(dialog, 0, Models::RecommendationListModel::ReasonsColumn);
    QVERIFY(reasons.contains(QStringLiteral("Department Paintings")));
    QVERIFY(reasons.contains(QStringLiteral("Anna Marsh")));
    QVERIFY(dialog->statusLabel()->text().contains(QStringLiteral("4 lots")));
    QVERIFY(dialog->openButton()->isEnabled());
}

void TestRecommendationsDialog::sidebarButtonOpensIt()
{
    Ui::MainWindow window(m_test->db());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openCustomer(m_fixture.b);
    QTRY_VERIFY(window.isShowingProfile() && window.profile()->customerId() == m_fixture.b);
    QPushButton *button = window.profile()->sidebar()->recommendationsButton();
    QTRY_VERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    Ui::RecommendationsDialog *dialog = window.profile()->recommendationsDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isLoaded());
    QCOMPARE(dialog->customerId(), m_fixture.b);
    QVERIFY(dialog->windowTitle().contains(QStringLiteral("Bruno Berg")));
    // B bid on the grey horse by Carl Stubb: his bay horse leads.
    QVERIFY(cell(dialog, 0, Models::RecommendationListModel::TitleColumn).contains(QStringLiteral("bay horse")));
}

void TestRecommendationsDialog::keyboardChangesSaleAndLeavesOutEngaged()
{
    Ui::MainWindow window(m_test->db());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Ui::RecommendationsDialog *dialog = open(window, m_fixture.a);
    QVERIFY(dialog);
    dialog->activateWindow();
    QTRY_VERIFY(dialog->isActiveWindow());

    // Space on the check box: leave out the lot on A's wishlist.
    dialog->leaveOutBox()->setFocus();
    QTest::keyClick(dialog->leaveOutBox(), Qt::Key_Space);
    QVERIFY(dialog->leaveOutBox()->isChecked());
    QVERIFY(waitForList(dialog));
    QCOMPARE(dialog->view()->model()->rowCount(), 3);
    for (int row = 0; row < 3; ++row) {
        QVERIFY(!cell(dialog, row, Models::RecommendationListModel::TitleColumn).contains(QStringLiteral("Fishing")));
    }

    // Down in the sale box: the silver sale.
    dialog->saleBox()->setFocus();
    QTest::keyClick(dialog->saleBox(), Qt::Key_Down);
    QVERIFY(dialog->saleBox()->currentText().startsWith(QStringLiteral("U2")));
    QVERIFY(waitForList(dialog));
    QCOMPARE(dialog->view()->model()->rowCount(), 1);
    QVERIFY(cell(dialog, 0, Models::RecommendationListModel::TitleColumn).contains(QStringLiteral("spoons")));
}

void TestRecommendationsDialog::enterOpensTheLot()
{
    Ui::MainWindow window(m_test->db());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Ui::RecommendationsDialog *dialog = open(window, m_fixture.a);
    QVERIFY(dialog);
    QSignalSpy opened(window.navigator(), &Ui::Navigator::openRequested);
    dialog->activateWindow();
    dialog->view()->setFocus();
    QTest::keyClick(dialog->view(), Qt::Key_Down);
    const qint64 second = dialog->model()->recommendationAt(1)->lotId;
    QTest::keyClick(dialog->view(), Qt::Key_Return);
    QCOMPARE(opened.count(), 1);
    QCOMPARE(opened.at(0).at(0).value<Ui::Place>(), Ui::Place::of(Ui::Place::Kind::Lot, second));
    QVERIFY(dialog->isVisible()); // the list stays for the next call

    QTest::mouseClick(dialog->openButton(), Qt::LeftButton);
    QCOMPARE(opened.count(), 2);
    QCOMPARE(opened.at(1).at(0).value<Ui::Place>().kind, Ui::Place::Kind::Lot);
}

void TestRecommendationsDialog::exportsTheList()
{
    Ui::MainWindow window(m_test->db());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Ui::RecommendationsDialog *dialog = open(window, m_fixture.a);
    QVERIFY(dialog);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("calls.csv"));
    QVERIFY(dialog->exportCsv(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 5);
    QVERIFY(lines[1].contains(QStringLiteral("Fishing boats off the coast")));
    QVERIFY(lines[1].contains(QStringLiteral(",U1,")));
    // A folder that does not exist: a message naming the file, nothing written.
    const auto failed = dialog->exportCsv(dir.filePath(QStringLiteral("missing/calls.csv")));
    QVERIFY(!failed);
    QVERIFY(failed.error().message.contains(QStringLiteral("calls.csv")));
}

QTEST_MAIN(TestRecommendationsDialog)
#include "tst_recommendationsdialog.moc"
