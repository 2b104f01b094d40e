#include "activityfilterbar.h"
#include "activityfixture.h"
#include "activitymodel.h"
#include "activitypanel.h"
#include "activityview.h"
#include "campaignpage.h"
#include "invoicepage.h"
#include "loader.h"
#include "lotpage.h"
#include "mainwindow.h"
#include "profilewidget.h"
#include "roles.h"
#include "salepage.h"
#include "testdatabase.h"

#include <QCheckBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>

using namespace Gavel;
using Models::ActivityLink;
using Models::EventCategory;
using Models::EventKind;
using Tests::ActivityFixture;
using RowType = Models::ActivityModel::RowType;

namespace {

/// Every event row of the timeline (top-level rows that are not day headings), in display order.
QList<QModelIndex> eventRows(const QAbstractItemModel *model)
{
    QList<QModelIndex> rows;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(Models::ActivityRowRole).toInt() == int(RowType::Event)) {
            rows << index;
        }
    }
    return rows;
}

QModelIndex eventOfKind(const QAbstractItemModel *model, EventKind kind)
{
    for (const QModelIndex &index : eventRows(model)) {
        if (index.data(Models::EventKindRole).toInt() == static_cast<int>(kind)) {
            return index;
        }
    }
    return {};
}

/// Where on screen the row shows a link to `target`, found as a person would: by pointing.
QPoint pointOfLink(Ui::ActivityView *view, const QModelIndex &index, ActivityLink::Target target)
{
    view->scrollTo(index);
    const QRect rect = view->visualRect(index);
    for (int x = rect.left(); x < rect.right(); x += 2) {
        const QPoint point(x, rect.center().y());
        if (view->linkAt(point).target == target) {
            return point;
        }
    }
    return {-1, -1};
}

QString fact(QWidget *page, const char *name)
{
    auto *label = page->findChild<QLabel *>(QString::fromLatin1(name));
    return label ? label->text() : QStringLiteral("<no %1>").arg(QLatin1String(name));
}

/// The text a rich-text label shows (links without their markup).
QString plain(const QString &html)
{
    QString text = html;
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    text.remove(tags);
    return text;
}

} // namespace

class TestActivityPanel : public QObject
{
    Q_OBJECT

private:
    struct Session
    {
        std::unique_ptr<Tests::TestDatabase> test;
        ActivityFixture fixture;
        std::unique_ptr<Ui::MainWindow> window;
        Ui::ActivityPanel *panel = nullptr;
    };

    /// A window on Alice's profile with the Activities tab open and its first page shown.
    /// With `viewHeight`, the list is that short: the view fetches on its own only what fills it.
    static void open(Session &s, int pageSize = Models::ActivityModel::kDefaultPageSize, int viewHeight = 0)
    {
        QString why;
        s.test = Tests::TestDatabase::create(&why);
        if (!s.test) {
            if (Tests::testEngine() == Models::Engine::Postgres && !Tests::TestDatabase::postgresRequired()) {
                QSKIP(qPrintable(QStringLiteral("SKIPPED ON POSTGRESQL: ") + why));
            }
            QFAIL(qPrintable(why));
        }
        QVERIFY(s.fixture.build(s.test->db()).ok());
        s.window = std::make_unique<Ui::MainWindow>(s.test->db());
        s.window->resize(1400, 900);
        s.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(s.window.get()));
        s.panel = qobject_cast<Ui::ActivityPanel *>(s.window->profile()->panel(Ui::ProfileWidget::Activities));
        QVERIFY(s.panel);
        s.panel->model()->setPageSize(pageSize);
        s.panel->model()->setToday(QDate(2024, 3, 20));
        if (viewHeight > 0) {
            s.panel->view()->setFixedHeight(viewHeight);
        }
        s.window->openCustomer(s.fixture.alice);
        QTRY_VERIFY(s.window->isShowingProfile());
        // Alt+A: the Activities tab.
        QTest::keyClick(s.window.get(), Qt::Key_A, Qt::AltModifier);
        QTRY_COMPARE(s.window->profile()->tabs()->currentWidget(), s.panel);
        QTRY_VERIFY(!s.panel->isLoading() && s.panel->model()->eventCount() > 0);
    }

    static void click(QWidget *widget)
    {
        QTest::mouseClick(widget, Qt::LeftButton, {}, QPoint(widget->width() / 2, widget->height() / 2));
    }

    static void clickCheckBox(QCheckBox *box)
    {
        // On the box's indicator, where a person clicks.
        QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(box->height() / 2, box->height() / 2));
    }

    /// Clicks the row's link to `target` and waits for the page to load.
    template<typename Page>
    static Page *follow(Session &s, EventKind kind, ActivityLink::Target target)
    {
        Ui::ActivityView *view = s.panel->view();
        const QModelIndex index = eventOfKind(view->model(), kind);
        if (!index.isValid()) {
            return nullptr;
        }
        const QPoint point = pointOfLink(view, index, target);
        if (point.x() < 0) {
            return nullptr;
        }
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, point);
        auto *page = s.window->findChild<Page *>();
        if (!page || !QTest::qWaitFor([page] { return page->isLoaded() && page->isVisible(); })) {
            return nullptr;
        }
        return page;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QStringLiteral("en_GB")));
        qputenv("TZ", "UTC");
    }

    void showsTheTimelineNewestFirstByDay()
    {
        Session s;
        open(s);
        const QAbstractItemModel *model = s.panel->view()->model();
        QStringList headings;
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data(Models::ActivityRowRole).toInt() == int(RowType::Day)) {
                headings << model->index(row, 0).data().toString();
            }
        }
        QCOMPARE(headings.mid(0, 3),
                 (QStringList{QStringLiteral("Today"), QStringLiteral("Yesterday"), QStringLiteral("18 March 2024")}));
        QCOMPARE(eventRows(model).size(), s.fixture.aliceEvents.size());
        QCOMPARE(model->index(0, 0).data(Models::ActivityRowRole).toInt(), int(RowType::Day));
        // Events start closed.
        QVERIFY(!s.panel->view()->isExpanded(eventRows(model).constFirst()));
        QCOMPARE(s.panel->statusLabel()->text(), QStringLiteral("%1 activities.").arg(s.fixture.aliceEvents.size()));
        QCOMPARE(s.window->profile()->tabs()->tabText(Ui::ProfileWidget::Activities), QStringLiteral("&Activities"));
        QVERIFY(!s.panel->showMoreButton()->isVisible());
    }

    // The retail seed: "to see only information about receipts, uncheck all other
    // categories". Here: None, then Invoices.
    void onlyInvoicesInTwoClicks()
    {
        Session s;
        open(s);
        click(s.panel->filterBar()->noneButton());
        clickCheckBox(s.panel->filterBar()->checkBox(EventCategory::Invoice));
        QTRY_VERIFY(!s.panel->isLoading());
        const auto rows = eventRows(s.panel->view()->model());
        QCOMPARE(rows.size(), s.fixture.expected({EventCategory::Invoice}).size());
        QVERIFY(!rows.isEmpty());
        for (const QModelIndex &row : rows) {
            QCOMPARE(EventCategory(row.data(Models::EventCategoryRole).toInt()), EventCategory::Invoice);
        }
        // All brings everything back.
        click(s.panel->filterBar()->allButton());
        QTRY_COMPARE(eventRows(s.panel->view()->model()).size(), s.fixture.aliceEvents.size());
        // The check box's context menu has "Show Only …" as well.
        s.panel->filterBar()->showOnly(EventCategory::Bidding);
        QTRY_COMPARE(eventRows(s.panel->view()->model()).size(), s.fixture.expected({EventCategory::Bidding}).size());
    }

    void noCategorySaysWhatToDo()
    {
        Session s;
        open(s);
        click(s.panel->filterBar()->noneButton());
        QTRY_COMPARE(s.panel->view()->model()->rowCount(), 0);
        QVERIFY(s.panel->statusLabel()->text().contains(QStringLiteral("tick one")));
    }

    void textSearchFromTheKeyboard()
    {
        Session s;
        open(s);
        QTest::keyClick(s.window.get(), Qt::Key_S, Qt::AltModifier);
        QTRY_VERIFY(s.panel->searchField()->hasFocus());
        QTest::keyClicks(s.panel->searchField(), QStringLiteral("portrait"));
        QTest::keyClick(s.panel->searchField(), Qt::Key_Return);
        QTRY_VERIFY(!s.panel->isLoading());
        QTRY_COMPARE(eventRows(s.panel->view()->model()).size(),
                     s.fixture.expected(Models::allEventCategories(), QStringLiteral("portrait")).size());
        QTest::keyClicks(s.panel->searchField(), QStringLiteral(" zanzibar"));
        QTRY_COMPARE(s.panel->view()->model()->rowCount(), 0);
        QTRY_COMPARE(s.panel->statusLabel()->text(), QStringLiteral("No activity matches the filter."));
    }

    void expandAllAndCollapseAll()
    {
        Session s;
        open(s, 4, 80);
        Ui::ActivityView *view = s.panel->view();
        click(s.panel->expandAllButton());
        for (const QModelIndex &row : eventRows(view->model())) {
            QVERIFY(view->isExpanded(row));
        }
        // Pages fetched after Expand All open expanded too.
        const int before = s.panel->model()->eventCount();
        QVERIFY(s.panel->showMoreButton()->isVisible());
        click(s.panel->showMoreButton());
        QVERIFY(s.panel->model()->eventCount() > before);
        for (const QModelIndex &row : eventRows(view->model())) {
            QVERIFY(view->isExpanded(row));
        }
        click(s.panel->collapseAllButton());
        for (const QModelIndex &row : eventRows(view->model())) {
            QVERIFY(!view->isExpanded(row));
        }
    }

    void showMorePagesToTheEnd()
    {
        Session s;
        open(s, 4, 80);
        // The view read what fills it (the first page and the rest of "Today"), and no more.
        QTRY_COMPARE(s.panel->model()->eventCount(), 8);
        QVERIFY(s.panel->statusLabel()->text().contains(QStringLiteral("Show More")));
        QVERIFY(s.panel->showMoreButton()->isVisible());
        click(s.panel->showMoreButton());
        QCOMPARE(s.panel->model()->eventCount(), 12);
        int clicks = 0;
        while (s.panel->showMoreButton()->isVisible() && clicks < 50) {
            click(s.panel->showMoreButton());
            ++clicks;
        }
        QCOMPARE(s.panel->model()->eventCount(), s.fixture.aliceEvents.size());
        QVERIFY(!s.panel->showMoreButton()->isVisible());
        QCOMPARE(eventRows(s.panel->view()->model()).size(), s.fixture.aliceEvents.size());
    }

    void scrollingToTheEndReadsMore()
    {
        Session s;
        open(s, 4, 80);
        QTRY_COMPARE(s.panel->model()->eventCount(), 8);
        QScrollBar *bar = s.panel->view()->verticalScrollBar();
        s.panel->view()->setFocus();
        QTest::keyClick(s.panel->view(), Qt::Key_End);
        // One page more, not the whole history.
        QTRY_VERIFY(s.panel->model()->eventCount() > 8);
        QVERIFY(s.panel->model()->eventCount() < s.fixture.aliceEvents.size());
        for (int i = 0; i < 50 && s.panel->model()->canFetchMore({}); ++i) {
            QTest::keyClick(s.panel->view(), Qt::Key_End);
            QCoreApplication::processEvents();
        }
        QCOMPARE(s.panel->model()->eventCount(), s.fixture.aliceEvents.size());
        QTest::keyClick(s.panel->view(), Qt::Key_End);
        const QModelIndex last = eventRows(s.panel->view()->model()).constLast();
        QTRY_VERIFY(s.panel->view()->viewport()->rect().intersects(s.panel->view()->visualRect(last)));
        QVERIFY(bar->value() > 0);
    }

    void keyboardExpandsAndOpens()
    {
        Session s;
        open(s);
        Ui::ActivityView *view = s.panel->view();
        const QModelIndex lotClick = eventOfKind(view->model(), EventKind::EmailLotClicked);
        view->setFocus();
        view->setCurrentIndex(lotClick);
        QTest::keyClick(view, Qt::Key_Space);
        QVERIFY(view->isExpanded(lotClick));
        QTest::keyClick(view, Qt::Key_Return);
        QVERIFY(!view->isExpanded(lotClick));
        QTest::keyClick(view, Qt::Key_Return);
        QVERIFY(view->isExpanded(lotClick));
        // Down to the detail lines; Enter on the lot's line opens the lot.
        QModelIndex lotLine;
        for (int row = 0; row < view->model()->rowCount(lotClick); ++row) {
            const QModelIndex line = view->model()->index(row, 0, lotClick);
            if (line.data(Models::DetailLabelRole).toString() == u"Lot") {
                lotLine = line;
            }
        }
        QVERIFY(lotLine.isValid());
        while (view->currentIndex() != lotLine) {
            QTest::keyClick(view, Qt::Key_Down);
        }
        QTest::keyClick(view, Qt::Key_Return);
        QTRY_COMPARE(s.window->currentPlace(), Ui::Place::of(Ui::Place::Kind::Lot, s.fixture.lotWon, s.fixture.alice));
        QTest::keyClick(s.window.get(), Qt::Key_Left, Qt::AltModifier);
        QTRY_VERIFY(s.window->isShowingProfile());
        // Ctrl+Enter on an event opens its main link: the mailing.
        view->setFocus();
        view->setCurrentIndex(lotClick);
        QTest::keyClick(view, Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE(s.window->currentPlace(),
                     Ui::Place::of(Ui::Place::Kind::Campaign, s.fixture.spring, s.fixture.alice));
    }

    void aCampaignLinkOpensItsPageWithThisCustomersOpensAndClicks()
    {
        Session s;
        open(s);
        auto *page = follow<Ui::CampaignPage>(s, EventKind::EmailLotClicked, ActivityLink::Target::Campaign);
        QVERIFY(page);
        QCOMPARE(s.window->currentPlace(), Ui::Place::of(Ui::Place::Kind::Campaign, s.fixture.spring, s.fixture.alice));
        QCOMPARE(fact(page, "pageHeading"), QStringLiteral("Spring Old Masters preview"));
        QCOMPARE(fact(page, "campaignChannel"), QStringLiteral("E-mail"));
        QCOMPARE(fact(page, "campaignCategory"), QStringLiteral("Sale alerts"));
        QCOMPARE(fact(page, "campaignSent"), QStringLiteral("17 March 2024 12:00"));
        QCOMPARE(plain(fact(page, "campaignSale")), QStringLiteral("Old Masters Evening Sale (OM-2401)"));
        QCOMPARE(fact(page, "campaignAudience"), QStringLiteral("1,000 customers"));
        QCOMPARE(fact(page, "campaignControl"), QStringLiteral("100 customers held back (nothing sent to them)"));
        QCOMPARE(fact(page, "campaignRecipients"), QStringLiteral("3 (1 in the control group)"));
        QCOMPARE(fact(page, "campaignOpened"), QStringLiteral("2 of 2 (100.0 %)"));
        QCOMPARE(fact(page, "campaignClicked"), QStringLiteral("1 of 2 (50.0 %)"));
        QVERIFY(page->findChild<QGroupBox *>(QStringLiteral("campaignCustomerBox"))->isVisible());
        QCOMPARE(fact(page, "campaignCustomerOpened"), QStringLiteral("3 times, first on 18 March 2024 12:00"));
        QCOMPARE(fact(page, "campaignCustomerClicked"), QStringLiteral("2 times, first on 18 March 2024 12:00"));
        auto *events = page->findChild<QTreeWidget *>(QStringLiteral("campaignCustomerEvents"));
        QCOMPARE(events->topLevelItemCount(), 5); // sent, opened, link, lot clicked, promo code
        QCOMPARE(events->topLevelItem(0)->text(1), QStringLiteral("E-mail sent"));

        // Back returns to the profile, the timeline as it was.
        QTest::keyClick(s.window.get(), Qt::Key_Left, Qt::AltModifier);
        QTRY_VERIFY(s.window->isShowingProfile());
        QCOMPARE(s.window->profile()->tabs()->currentWidget(), s.panel);
        QCOMPARE(s.panel->model()->eventCount(), s.fixture.aliceEvents.size());
    }

    void aControlGroupMailingSaysNothingWasSent()
    {
        Session s;
        open(s);
        auto *page = follow<Ui::CampaignPage>(s, EventKind::Unsubscribed, ActivityLink::Target::Campaign);
        QVERIFY(page);
        QCOMPARE(fact(page, "pageHeading"), QStringLiteral("Autumn highlights"));
        QCOMPARE(plain(fact(page, "campaignCustomerSummary")),
                 QStringLiteral("Alice Archer was in the control group: nothing was sent to this customer."));
        QVERIFY(!page->findChild<QLabel *>(QStringLiteral("campaignCustomerOpened"))->isVisible());
    }

    void aCampaignWithoutACustomerShowsItsFigures()
    {
        Session s;
        open(s);
        s.window->open(Ui::Place::of(Ui::Place::Kind::Campaign, s.fixture.spring));
        auto *page = s.window->findChild<Ui::CampaignPage *>();
        QTRY_VERIFY(page->isLoaded());
        QCOMPARE(fact(page, "campaignOpened"), QStringLiteral("2 of 2 (100.0 %)"));
        QVERIFY(!page->findChild<QGroupBox *>(QStringLiteral("campaignCustomerBox"))->isVisible());
    }

    void aLotLinkOpensItsPageWithThisCustomersBidsMarked()
    {
        Session s;
        open(s);
        auto *page = follow<Ui::LotPage>(s, EventKind::LotWon, ActivityLink::Target::Lot);
        QVERIFY(page);
        QCOMPARE(s.window->currentPlace(), Ui::Place::of(Ui::Place::Kind::Lot, s.fixture.lotWon, s.fixture.alice));
        QCOMPARE(fact(page, "pageHeading"), QStringLiteral("Lot 12: Portrait of a Lady"));
        QCOMPARE(plain(fact(page, "lotSale")), QStringLiteral("Old Masters Evening Sale (OM-2401)"));
        QCOMPARE(fact(page, "lotNumber"), QStringLiteral("12"));
        QCOMPARE(fact(page, "lotMaker"), QStringLiteral("Circle of Anthony van Dyck"));
        QCOMPARE(fact(page, "lotEstimate"), QString::fromUtf8("£8,000–12,000"));
        QCOMPARE(fact(page, "lotHammer"), QStringLiteral("£15,000"));
        QCOMPARE(plain(fact(page, "lotResult")), QStringLiteral("Sold to this customer, Alice Archer (C-1)"));
        auto *bids = page->findChild<QTreeWidget *>(QStringLiteral("lotBids"));
        QCOMPARE(bids->topLevelItemCount(), 4);
        const QStringList amounts = {QStringLiteral("£15,000"), QStringLiteral("£14,000"), QStringLiteral("£12,000"),
                                     QStringLiteral("£10,000")};
        for (int row = 0; row < 4; ++row) {
            QTreeWidgetItem *item = bids->topLevelItem(row);
            QCOMPARE(item->text(0), amounts.at(row));
            const bool alices = item->text(1) == u"Alice Archer";
            // Marked in words and in weight, not by colour alone.
            QCOMPARE(item->text(Ui::LotPage::kMarkColumn).contains(QStringLiteral("This customer")), alices);
            QCOMPARE(item->font(0).bold(), alices);
        }
        QCOMPARE(bids->topLevelItem(0)->text(6), QStringLiteral("Winning bid"));
        QCOMPARE(bids->topLevelItem(1)->text(6), QStringLiteral("Underbid"));
        QTest::keyClick(s.window.get(), Qt::Key_Left, Qt::AltModifier);
        QTRY_VERIFY(s.window->isShowingProfile());
    }

    void aSaleLinkOpensItsPage()
    {
        Session s;
        open(s);
        auto *page = follow<Ui::SalePage>(s, EventKind::SaleRegistered, ActivityLink::Target::Sale);
        QVERIFY(page);
        QCOMPARE(s.window->currentPlace(), Ui::Place::of(Ui::Place::Kind::Sale, s.fixture.sale, s.fixture.alice));
        QCOMPARE(fact(page, "pageHeading"), QStringLiteral("Old Masters Evening Sale"));
        QCOMPARE(fact(page, "saleNumber"), QStringLiteral("OM-2401"));
        QCOMPARE(fact(page, "saleVenue"), QStringLiteral("London saleroom"));
        QCOMPARE(fact(page, "salePremium"), QStringLiteral("25 %"));
        QCOMPARE(fact(page, "saleSold"), QStringLiteral("1 of 2 (50 %)"));
        QCOMPARE(fact(page, "saleHammerTotal"), QStringLiteral("£15,000"));
        QCOMPARE(plain(fact(page, "saleRegistration")),
                 QStringLiteral("Alice Archer registered to bid with paddle 214 on 8 March 2024."));
        auto *lots = page->findChild<QTreeWidget *>(QStringLiteral("saleLotTable"));
        QCOMPARE(lots->topLevelItemCount(), 2);
        QCOMPARE(lots->topLevelItem(0)->text(0), QStringLiteral("12"));
        QCOMPARE(lots->topLevelItem(0)->text(5), QStringLiteral("Bought"));
        QCOMPARE(lots->topLevelItem(1)->text(4), QStringLiteral("Unsold"));
        QCOMPARE(lots->topLevelItem(1)->text(5), QString());
        // Enter on a lot opens it, still as seen from Alice.
        lots->setFocus();
        lots->setCurrentItem(lots->topLevelItem(1));
        QTest::keyClick(lots, Qt::Key_Return);
        QTRY_COMPARE(s.window->currentPlace(),
                     Ui::Place::of(Ui::Place::Kind::Lot, s.fixture.lotUnsold, s.fixture.alice));
        QTest::keyClick(s.window.get(), Qt::Key_Left, Qt::AltModifier);
        QTest::keyClick(s.window.get(), Qt::Key_Left, Qt::AltModifier);
        QTRY_VERIFY(s.window->isShowingProfile());
    }

    void anInvoiceLinkOpensItsPage()
    {
        Session s;
        open(s);
        auto *page = follow<Ui::InvoicePage>(s, EventKind::InvoicePaid, ActivityLink::Target::Invoice);
        QVERIFY(page);
        QCOMPARE(s.window->currentPlace(), Ui::Place::of(Ui::Place::Kind::Invoice, s.fixture.invoice, s.fixture.alice));
        QCOMPARE(fact(page, "pageHeading"), QStringLiteral("Invoice INV-1001"));
        QCOMPARE(plain(fact(page, "invoiceCustomer")), QStringLiteral("Alice Archer (C-1)"));
        QCOMPARE(plain(fact(page, "invoiceSale")), QStringLiteral("Old Masters Evening Sale (OM-2401)"));
        QCOMPARE(fact(page, "invoiceStatus"), QStringLiteral("Paid"));
        QCOMPARE(fact(page, "invoiceIssued"), QStringLiteral("19 March 2024"));
        QCOMPARE(fact(page, "invoiceHammer"), QStringLiteral("£15,000"));
        QCOMPARE(fact(page, "invoicePremium"), QStringLiteral("£3,750"));
        QCOMPARE(fact(page, "invoiceTax"), QStringLiteral("£750"));
        QCOMPARE(fact(page, "invoiceDelivery"), QStringLiteral("£50"));
        QCOMPARE(fact(page, "invoiceTotal"), QStringLiteral("£19,550"));
        QCOMPARE(fact(page, "invoicePayment"), QStringLiteral("Bank transfer"));
        auto *lines = page->findChild<QTreeWidget *>(QStringLiteral("invoiceLines"));
        QCOMPARE(lines->topLevelItemCount(), 2);
        QCOMPARE(lines->topLevelItem(0)->text(1), QStringLiteral("12"));
        QCOMPARE(lines->topLevelItem(0)->text(2), QStringLiteral("Portrait of a Lady"));
        QCOMPARE(lines->topLevelItem(0)->text(6), QStringLiteral("£19,500"));
        QCOMPARE(lines->topLevelItem(1)->text(2), QStringLiteral("Shipping to Bath"));
        QTest::keyClick(s.window.get(), Qt::Key_Left, Qt::AltModifier);
        QTRY_VERIFY(s.window->isShowingProfile());
        QCOMPARE(s.window->currentPlace(), Ui::Place::customer(s.fixture.alice));
    }

    void aDeletedLotSaysSo()
    {
        Session s;
        open(s);
        s.window->open(Ui::Place::of(Ui::Place::Kind::Lot, s.fixture.goneLot, s.fixture.alice));
        auto *page = s.window->findChild<Ui::LotPage *>();
        auto *message = page->findChild<QLabel *>(QStringLiteral("pageMessage"));
        QTRY_COMPARE(message->text(), QStringLiteral("This lot no longer exists."));
        QVERIFY(!page->isLoaded());
    }

    void anotherCustomerNeverSeesThePreviousTimeline()
    {
        Session s;
        open(s);
        s.window->openCustomer(s.fixture.carol);
        // At once, before Carol's page arrives: nothing of Alice's is left on screen.
        QTRY_VERIFY(s.window->isShowingProfile());
        QVERIFY(s.panel->model()->customerId() != s.fixture.alice || s.panel->model()->eventCount() == 0);
        QTRY_COMPARE(s.panel->model()->eventCount(), 3);
        QCOMPARE(s.panel->model()->customerId(), s.fixture.carol);
    }
};

QTEST_MAIN(TestActivityPanel)
#include "tst_activitypanel.moc"
