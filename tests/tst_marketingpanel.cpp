#include "auditstore.h"
#include "chiplistwidget.h"
#include "mainwindow.h"
#include "marketingfixture.h"
#include "marketingpanel.h"
#include "navigator.h"
#include "pollpage.h"
#include "profilewidget.h"
#include "recordtablemodel.h"
#include "recordtableview.h"
#include "roles.h"
#include "sql.h"
#include "subscriptionmatrixwidget.h"
#include "testdatabase.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

using namespace Gavel;
using namespace Qt::StringLiterals;
using Tests::MarketingFixture;

// The profile's Marketing tab and the poll page as a person sees them, on
// tests/support/marketingfixture.cpp.
class TestMarketingPanel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Tests::TestDatabase> m_test;
    MarketingFixture m_fixture;

    static Ui::MarketingPanel *panel(Ui::MainWindow &window)
    {
        return qobject_cast<Ui::MarketingPanel *>(window.profile()->panel(Ui::ProfileWidget::Marketing));
    }

    static bool openMarketing(Ui::MainWindow &window, qint64 customerId)
    {
        window.openCustomer(customerId);
        Ui::MarketingPanel *marketing = panel(window);
        if (!QTest::qWaitFor([&] { return window.isShowingProfile() && marketing->isLoaded(); }, 10000)) {
            return false;
        }
        window.profile()->tabs()->setCurrentWidget(marketing);
        return window.profile()->customerId() == customerId;
    }

    static QStringList row(QTableView *table, int row)
    {
        QStringList texts;
        for (int c = 0; c < table->model()->columnCount(); ++c) {
            texts << table->model()->index(row, c).data().toString();
        }
        return texts;
    }

    /// Presses Enter on a row of a table, as a person would.
    static void activateRow(QTableView *table, int row)
    {
        table->setFocus();
        table->setCurrentIndex(table->model()->index(row, 0));
        QTest::keyClick(table, Qt::Key_Return);
    }

    QString status(qint64 customerId, const QString &channel, qint64 categoryId)
    {
        auto value = Models::Sql::scalar(m_test->db().connection(),
                                         u"SELECT status FROM subscriptions WHERE customer_id = ? AND channel = ?"
                                         " AND category_id = ?"_s,
                                         {customerId, channel, categoryId}, u"test"_s);
        return value ? value->toString() : u"(error)"_s;
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

    void mailingsWithTheControlGroupRow()
    {
        Ui::MainWindow window(m_test->db());
        window.resize(1600, 1000);
        window.show();
        QVERIFY(openMarketing(window, m_fixture.a));
        Ui::RecordTableView *mailings = panel(window)->mailingTable();
        QVERIFY(mailings->isVisible());
        QCOMPARE(mailings->model()->rowCount(), 3);
        QCOMPARE(row(mailings, 0),
                 QStringList({u"Viewing Reminder"_s, u"SMS"_s, u"—"_s, u"10 April 2024"_s, u"No"_s, u"No"_s}));
        // The control group: said in words (nothing was sent), and greyed.
        QCOMPARE(row(mailings, 1), QStringList({u"Autumn Highlights"_s, u"E-mail"_s, u"Newsletter"_s,
                                                u"Control group: not sent"_s, u"—"_s, u"—"_s}));
        QVERIFY(mailings->model()->index(1, 0).data(Models::MutedRole).toBool());
        QVERIFY(mailings->model()->index(1, 0).data(Qt::ForegroundRole).isValid());
        QVERIFY(!mailings->model()->index(0, 0).data(Qt::ForegroundRole).isValid());
        QCOMPARE(row(mailings, 2), QStringList({u"Spring Sale Preview"_s, u"E-mail"_s, u"Sale alerts"_s,
                                                u"1 April 2023"_s, u"2 April 2023 (2×)"_s, u"2 April 2023"_s}));
        QVERIFY(mailings->parentWidget()->findChild<QLabel *>() != nullptr);

        QSignalSpy opened(window.navigator(), &Ui::Navigator::openRequested);
        activateRow(mailings, 1);
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.at(0).at(0).value<Ui::Place>().kind, Ui::Place::Kind::Campaign);
        QCOMPARE(opened.at(0).at(0).value<Ui::Place>().id, m_fixture.controlCampaign);
    }

    void promoCodesOpenTheirCampaign()
    {
        Ui::MainWindow window(m_test->db());
        window.resize(1600, 1000);
        window.show();
        QVERIFY(openMarketing(window, m_fixture.a));
        Ui::RecordTableView *promos = panel(window)->promoTable();
        QVERIFY(promos->isVisible());
        QCOMPARE(row(promos, 0), QStringList({u"SPRING10B"_s, u"Spring Sale Preview"_s, u"1 May 2023"_s,
                                              u"Not yet"_s, u"Yes"_s}));
        QCOMPARE(row(promos, 1), QStringList({u"SPRING10"_s, u"Spring Sale Preview"_s, u"1 April 2023"_s,
                                              u"1 June 2023"_s, u"No"_s}));
        QCOMPARE(promos->model()->headerData(4, Qt::Horizontal).toString(), u"Re-issued?"_s);
        QSignalSpy opened(window.navigator(), &Ui::Navigator::openRequested);
        activateRow(promos, 1);
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.at(0).at(0).value<Ui::Place>(), Ui::Place::of(Ui::Place::Kind::Campaign, m_fixture.sentCampaign));
    }

    void tagsListEveryCustomerWithThem()
    {
        Ui::MainWindow window(m_test->db());
        window.resize(1600, 1000);
        window.show();
        QVERIFY(openMarketing(window, m_fixture.a));
        const QList<QAbstractButton *> chips = panel(window)->tagChips()->chipButtons();
        QCOMPARE(chips.size(), 2);
        QCOMPARE(chips.at(0)->text(), u"★ Silver"_s);
        QCOMPARE(chips.at(1)->text(), u"Clocks"_s);
        QSignalSpy opened(window.navigator(), &Ui::Navigator::openRequested);
        chips.at(0)->setFocus();
        QTest::keyClick(chips.at(0), Qt::Key_Space);
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.at(0).at(0).value<Ui::Place>(), Ui::Place::customerList(u"tag:Silver"_s));
    }

    void pollsOpenTheirResultsPage()
    {
        Ui::MainWindow window(m_test->db());
        window.resize(1600, 1000);
        window.show();
        QVERIFY(openMarketing(window, m_fixture.a));
        Ui::RecordTableView *polls = panel(window)->pollTable();
        QCOMPARE(polls->model()->rowCount(), 2);
        QCOMPARE(row(polls, 0), QStringList({u"Collector survey"_s, u"Which department?"_s, u"Silver"_s,
                                             u"5 January 2024"_s}));
        QCOMPARE(row(polls, 1).at(2), u"Monthly"_s);
        activateRow(polls, 0);
        QCOMPARE(window.currentPlace(), Ui::Place::of(Ui::Place::Kind::Poll, m_fixture.poll));
        auto *page = window.findChild<Ui::PollPage *>();
        QVERIFY(page);
        QTRY_VERIFY(page->isLoaded());
        QVERIFY(page->isVisible());
        QCOMPARE(page->findChild<QLabel *>(u"pollTitle"_s)->text(), u"Collector survey"_s);
        QCOMPARE(page->answerTables().size(), 2);
        QTableView *first = page->answerTables().at(0);
        QCOMPARE(row(first, 0), QStringList({u"Silver"_s, u"2"_s, u"66.7%"_s}));
        QCOMPARE(row(first, 1), QStringList({u"Clocks"_s, u"1"_s, u"33.3%"_s}));
        QCOMPARE(row(page->answerTables().at(1), 1), QStringList({u"Yearly"_s, u"1"_s, u"50.0%"_s}));
        QVERIFY(window.windowTitle().contains(u"Collector survey"_s));

        // The mailing it went out with opens from the page.
        QPushButton *campaign = page->campaignButton();
        QVERIFY(campaign->isVisible());
        QSignalSpy opened(window.navigator(), &Ui::Navigator::openRequested);
        QTest::mouseClick(campaign, Qt::LeftButton);
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.at(0).at(0).value<Ui::Place>().id, m_fixture.sentCampaign);

        // Back to the profile.
        window.goBack();
        window.goBack();
        QCOMPARE(window.currentPlace(), Ui::Place::customer(m_fixture.a));
    }

    void aPollThatIsGoneSaysSo()
    {
        Ui::MainWindow window(m_test->db());
        window.show();
        window.open(Ui::Place::of(Ui::Place::Kind::Poll, m_fixture.poll + 1000));
        auto *page = window.findChild<Ui::PollPage *>();
        QTRY_VERIFY(page->findChild<QLabel *>(u"pollSummary"_s)->text().contains(u"no longer exists"_s));
        QVERIFY(page->answerTables().isEmpty());
    }

    void toggleASubscription()
    {
        Ui::MainWindow window(m_test->db());
        window.resize(1600, 1000);
        window.show();
        QVERIFY(openMarketing(window, m_fixture.a));
        Ui::MarketingPanel *marketing = panel(window);
        Ui::SubscriptionMatrixWidget *matrix = marketing->subscriptions();
        QCheckBox *postAlerts = matrix->checkBox(u"post"_s, m_fixture.saleAlerts);
        QCheckBox *emailNews = matrix->checkBox(u"email"_s, m_fixture.newsletter);
        QVERIFY(postAlerts && emailNews);
        QVERIFY(postAlerts->isVisible());
        QVERIFY(!postAlerts->isChecked());
        QVERIFY(emailNews->isChecked());
        QCOMPARE(postAlerts->accessibleName(), u"Sale alerts by Post"_s);

        QSignalSpy saved(marketing, &Ui::MarketingPanel::subscriptionsSaved);
        postAlerts->setFocus();
        QTest::keyClick(postAlerts, Qt::Key_Space);
        QTRY_COMPARE(saved.count(), 1);
        QCOMPARE(saved.at(0).at(0).toBool(), true);
        QCOMPARE(status(m_fixture.a, u"post"_s, m_fixture.saleAlerts), u"subscribed"_s);
        QVERIFY(postAlerts->isChecked());
        QVERIFY(postAlerts->hasFocus()); // the same box, ready for the next key
        QVERIFY(matrix->message()->text().contains(u"saved"_s));

        QTest::mouseClick(emailNews, Qt::LeftButton);
        QTRY_COMPARE(saved.count(), 2);
        QCOMPARE(status(m_fixture.a, u"email"_s, m_fixture.newsletter), u"unsubscribed"_s);
        QVERIFY(!emailNews->isChecked());

        auto audit = Models::AuditStore(m_test->db().connection()).forCustomer(m_fixture.a);
        QVERIFY(audit);
        QCOMPARE(audit->size(), 2);
        QCOMPARE(audit->at(0).entity, u"subscription"_s);
    }

    void unsubscribeFromAll()
    {
        Ui::MainWindow window(m_test->db());
        window.resize(1600, 1000);
        window.show();
        QVERIFY(openMarketing(window, m_fixture.a));
        Ui::MarketingPanel *marketing = panel(window);
        Ui::SubscriptionMatrixWidget *matrix = marketing->subscriptions();
        QPushButton *all = matrix->unsubscribeAllButton();
        QVERIFY(all->isVisible());
        QVERIFY(all->isEnabled());
        QSignalSpy saved(marketing, &Ui::MarketingPanel::subscriptionsSaved);
        all->setFocus();
        QTest::keyClick(all, Qt::Key_Space);
        QTRY_COMPARE(saved.count(), 1);
        QVERIFY(saved.at(0).at(0).toBool());
        QCOMPARE(status(m_fixture.a, u"email"_s, m_fixture.newsletter), u"unsubscribed"_s);
        QCOMPARE(status(m_fixture.a, u"sms"_s, m_fixture.saleAlerts), u"unsubscribed"_s);
        QVERIFY(!matrix->checkBox(u"email"_s, m_fixture.newsletter)->isChecked());
        QVERIFY(!matrix->checkBox(u"sms"_s, m_fixture.saleAlerts)->isChecked());
        QVERIFY(matrix->message()->text().contains(u"2 subscriptions ended"_s));
        QVERIFY(!all->isEnabled()); // nothing left to end
        // C's subscriptions were not touched.
        QCOMPARE(status(m_fixture.c, u"email"_s, m_fixture.newsletter), u"subscribed"_s);
    }

    void smsUnavailableWithOnlyALandline()
    {
        Ui::MainWindow window(m_test->db());
        window.resize(1600, 1000);
        window.show();
        QVERIFY(openMarketing(window, m_fixture.c));
        Ui::SubscriptionMatrixWidget *matrix = panel(window)->subscriptions();
        QCheckBox *sms = matrix->checkBox(u"sms"_s, m_fixture.newsletter);
        QVERIFY(!sms->isEnabled());
        QVERIFY2(sms->toolTip().contains(u"landline"_s, Qt::CaseInsensitive), qPrintable(sms->toolTip()));
        QVERIFY(matrix->smsNote()->isVisible());
        QVERIFY(matrix->smsNote()->text().contains(u"SMS unavailable"_s));
        QVERIFY2(matrix->smsNote()->text().contains(u"Landline only"_s), qPrintable(matrix->smsNote()->text()));
        QVERIFY(matrix->checkBox(u"email"_s, m_fixture.newsletter)->isEnabled());

        // A customer with a mobile number has no such note.
        QVERIFY(openMarketing(window, m_fixture.a));
        QVERIFY(!matrix->smsNote()->isVisible());
        QVERIFY(matrix->checkBox(u"sms"_s, m_fixture.newsletter)->isEnabled());
    }
};

QTEST_MAIN(TestMarketingPanel)
#include "tst_marketingpanel.moc"
