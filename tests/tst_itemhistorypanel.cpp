#include "customerstore.h"
#include "itemhistorydelegate.h"
#include "itemhistoryfixture.h"
#include "itemhistorymodel.h"
#include "itemhistorypanel.h"
#include "loader.h"
#include "mainwindow.h"
#include "navigator.h"
#include "profilewidget.h"
#include "roles.h"
#include "sqlfixture.h"
#include "testdatabase.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Gavel;
using Models::ItemHistoryModel;
using Tests::ItemHistoryFixture;

// The Item History as a person uses it, on the house of tests/support/itemhistoryfixture.cpp,
// in en_GB: keys and clicks on the filter bar, what the table and the totals line then say.
class TestItemHistoryPanel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Tests::TestDatabase> m_test;
    ItemHistoryFixture m_f;
    std::unique_ptr<Models::Loader> m_loader;
    std::unique_ptr<Ui::Navigator> m_navigator;
    std::unique_ptr<Ui::ItemHistoryPanel> m_panel;

    template<typename T>
    T *child(const char *name) const
    {
        return m_panel->findChild<T *>(QString::fromLatin1(name));
    }

    /// Shows a customer and waits for their rows.
    bool show(qint64 customerId)
    {
        auto customer = Models::CustomerStore(m_test->db()).byId(customerId);
        if (!customer) {
            return false;
        }
        QSignalSpy loaded(m_panel.get(), &Ui::ItemHistoryPanel::loaded);
        m_panel->showCustomer(*customer);
        return loaded.wait(10000) || !loaded.isEmpty();
    }

    int rows() const { return m_panel->model()->rowCount(); }

    /// The text of a column in every row, top to bottom.
    QStringList column(int column) const
    {
        QStringList texts;
        for (int row = 0; row < rows(); ++row) {
            texts << m_panel->model()->index(row, column).data().toString();
        }
        return texts;
    }

    int rowOfLot(qint64 lotId) const
    {
        for (int row = 0; row < rows(); ++row) {
            if (m_panel->model()->index(row, 0).data(Models::IdRole).toLongLong() == lotId) {
                return row;
            }
        }
        return -1;
    }

    QString totals() const { return m_panel->totalsLabel()->text(); }

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
        m_f = {};
        const QString error = m_f.build(m_test->db());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_loader = std::make_unique<Models::Loader>(m_test->db());
        m_navigator = std::make_unique<Ui::Navigator>();
        m_panel = std::make_unique<Ui::ItemHistoryPanel>(m_test->db(), *m_loader, *m_navigator);
        m_panel->resize(1280, 800);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    }

    void cleanup()
    {
        m_panel.reset();
        m_loader.reset();
        m_navigator.reset();
        m_test.reset();
    }

    void theWholeHistoryWithItsTotals()
    {
        QVERIFY(show(m_f.a));
        QCOMPARE(rows(), 12);
        // Newest sale first, then lot order.
        QCOMPARE(column(ItemHistoryModel::TitleColumn).mid(0, 3),
                 (QStringList{QStringLiteral("Madonna and Child"), QStringLiteral("Diamond Ring"),
                              QStringLiteral("Pearl Necklace")}));
        QCOMPARE(totals(), QStringLiteral("12 lots: 3 won, 1 underbid, 2 outbid, 2 unsold, 1 withdrawn, 2 sold, "
                                          "1 upcoming · won for £18,500 hammer · top bids £49,500 · consigned lots "
                                          "sold for £900"));
        const int l1 = rowOfLot(m_f.l1);
        const auto text = [&](int row, int col) { return m_panel->model()->index(row, col).data().toString(); };
        QCOMPARE(text(l1, ItemHistoryModel::DateColumn), QStringLiteral("10/03/2024"));
        QCOMPARE(text(l1, ItemHistoryModel::SaleColumn), QStringLiteral("Old Masters Evening"));
        QCOMPARE(text(l1, ItemHistoryModel::LotColumn), QStringLiteral("1"));
        QCOMPARE(text(l1, ItemHistoryModel::DepartmentColumn), QStringLiteral("Old Masters"));
        QCOMPARE(text(l1, ItemHistoryModel::KindColumn), QStringLiteral("Bid ×2"));
        QCOMPARE(text(l1, ItemHistoryModel::EstimateColumn), QStringLiteral("£10,000–15,000"));
        QCOMPARE(text(l1, ItemHistoryModel::TopBidColumn), QStringLiteral("£12,000"));
        QCOMPARE(text(l1, ItemHistoryModel::HammerColumn), QStringLiteral("£12,000"));
        QCOMPARE(text(l1, ItemHistoryModel::ResultColumn), QStringLiteral("Won"));
        const int l7 = rowOfLot(m_f.l7);
        QCOMPARE(text(l7, ItemHistoryModel::KindColumn), QStringLiteral("Consigned"));
        QCOMPARE(text(l7, ItemHistoryModel::ResultColumn), QStringLiteral("Sold"));
        QCOMPARE(text(l7, ItemHistoryModel::ConsignmentColumn), QStringLiteral("Sold"));
        QCOMPARE(text(rowOfLot(m_f.l8), ItemHistoryModel::ConsignmentColumn), QStringLiteral("Returned"));
        // The filter bar offers the history's own departments and sales.
        auto *departments = child<QComboBox>("itemDepartmentFilter");
        QCOMPARE(departments->count(), 3);
        QCOMPARE(departments->itemText(1), QStringLiteral("Jewellery"));
        auto *sales = child<QComboBox>("itemSaleFilter");
        QCOMPARE(sales->count(), 4);
        QCOMPARE(sales->itemText(1), QStringLiteral("Old Masters Day (15/01/2030)"));
    }

    // Won in green with a tick, underbid in grey with a ring, and the result as a word; in
    // a dark palette the green is lighter. Other results are left as they are.
    void wonAndUnderbidReadWithoutColourToo()
    {
        QVERIFY(show(m_f.a));
        auto *delegate = qobject_cast<Ui::ItemHistoryDelegate *>(m_panel->view()->itemDelegate());
        QVERIFY(delegate);
        const auto styled = [&](qint64 lot, int col, const QPalette &palette) {
            QStyleOptionViewItem option;
            option.initFrom(m_panel->view());
            option.palette = palette;
            delegate->initStyleOption(&option, m_panel->model()->index(rowOfLot(lot), col));
            return option;
        };
        const QPalette light = m_panel->view()->palette();
        QStyleOptionViewItem won = styled(m_f.l1, ItemHistoryModel::TopBidColumn, light);
        QCOMPARE(won.palette.color(QPalette::Text), Ui::ItemHistoryDelegate::wonColor(light));
        QVERIFY(!won.icon.isNull());
        QVERIFY(!styled(m_f.l1, ItemHistoryModel::ResultColumn, light).icon.isNull());
        QCOMPARE(styled(m_f.l1, ItemHistoryModel::ResultColumn, light).text, QStringLiteral("Won"));
        QStyleOptionViewItem underbid = styled(m_f.l13, ItemHistoryModel::TopBidColumn, light);
        QCOMPARE(underbid.palette.color(QPalette::Text), Ui::ItemHistoryDelegate::underbidColor(light));
        QVERIFY(underbid.palette.color(QPalette::Text) != light.color(QPalette::Text));
        QVERIFY(!underbid.icon.isNull());
        QCOMPARE(styled(m_f.l13, ItemHistoryModel::ResultColumn, light).text, QStringLiteral("Underbid"));
        QStyleOptionViewItem outbid = styled(m_f.l2, ItemHistoryModel::TopBidColumn, light);
        QCOMPARE(outbid.palette.color(QPalette::Text), light.color(QPalette::Text));
        QVERIFY(outbid.icon.isNull());

        QPalette dark = light;
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
        const QColor darkGreen = styled(m_f.l1, ItemHistoryModel::TopBidColumn, dark).palette.color(QPalette::Text);
        QVERIFY(darkGreen.lightness() > 128);
        QVERIFY(darkGreen.green() > darkGreen.red() && darkGreen.green() > darkGreen.blue());
        const QColor darkGrey = styled(m_f.l13, ItemHistoryModel::TopBidColumn, dark).palette.color(QPalette::Text);
        QVERIFY(darkGrey.lightness() > 128 && darkGrey.lightness() < QColor(0xe0, 0xe0, 0xe0).lightness());
    }

    void filtersByKeyboard()
    {
        QVERIFY(show(m_f.a));
        // Type: the second entry, "Bid on".
        auto *kind = child<QComboBox>("itemKindFilter");
        kind->setFocus();
        QTest::keyClick(kind, Qt::Key_Down);
        QTRY_COMPARE(rows(), 8);
        QVERIFY(totals().startsWith(QStringLiteral("8 lots: 3 won")));

        // Words, typed: two landscapes, both bid on.
        QLineEdit *search = m_panel->searchEdit();
        search->setFocus();
        QTest::keyClicks(search, QStringLiteral("landscape"));
        QTRY_COMPARE(rows(), 2);
        QCOMPARE(totals(), QStringLiteral("2 lots: 1 underbid, 1 outbid · top bids £11,000"));

        // Price at least £7,000: the river landscape sold for £8,000; the winter one for £6,000.
        auto *minPrice = child<QLineEdit>("itemMinPrice");
        minPrice->setFocus();
        QTest::keyClicks(minPrice, QStringLiteral("7000"));
        QTRY_COMPARE(rows(), 1);
        QCOMPARE(column(ItemHistoryModel::TitleColumn), QStringList{QStringLiteral("River Landscape")});

        // Nothing matches: the totals line says so.
        auto *maxPrice = child<QLineEdit>("itemMaxPrice");
        maxPrice->setFocus();
        QTest::keyClicks(maxPrice, QStringLiteral("7500"));
        QTRY_COMPARE(rows(), 0);
        QCOMPARE(totals(), QStringLiteral("No lots match these filters."));

        // Show All clears every filter.
        QTest::mouseClick(child<QPushButton>("itemClearFilters"), Qt::LeftButton);
        QTRY_COMPARE(rows(), 12);
        QVERIFY(search->text().isEmpty() && minPrice->text().isEmpty() && maxPrice->text().isEmpty());
        QCOMPARE(kind->currentIndex(), 0);

        // Result: Underbid, chosen by typing its first letters into the list.
        auto *result = child<QComboBox>("itemResultFilter");
        result->setFocus();
        QTest::keyClicks(result, QStringLiteral("Und"));
        QCOMPARE(result->currentText(), QStringLiteral("Underbid"));
        QTRY_COMPARE(rows(), 1);
        QCOMPARE(column(ItemHistoryModel::TitleColumn), QStringList{QStringLiteral("Winter Landscape")});
        result->setCurrentIndex(0);
        QTRY_COMPARE(rows(), 12);

        // Department and sale, by keyboard.
        auto *department = child<QComboBox>("itemDepartmentFilter");
        department->setFocus();
        QTest::keyClick(department, Qt::Key_Down); // Jewellery
        QTRY_COMPARE(rows(), 5);
        auto *sale = child<QComboBox>("itemSaleFilter");
        sale->setFocus();
        QTest::keyClick(sale, Qt::Key_End); // the oldest sale, Old Masters Evening: no jewellery
        QTRY_COMPARE(rows(), 0);
        department->setCurrentIndex(0);
        QTRY_COMPARE(rows(), 6);
        QCOMPARE(totals(),
                 QStringLiteral(
                     "6 lots: 3 won, 1 underbid, 1 outbid, 1 unsold · won for £18,500 hammer · top bids £27,000"));
        sale->setCurrentIndex(0);
        QTRY_COMPARE(rows(), 12);

        // Sale dates: from 1 May 2024 until the end of 2024 leaves the jewels sale.
        child<QDateEdit>("itemFromDate")->setDate(QDate(2024, 5, 1));
        child<QDateEdit>("itemToDate")->setDate(QDate(2024, 12, 31));
        QTRY_COMPARE(rows(), 5);
        QCOMPARE(totals(), QStringLiteral("5 lots: 1 outbid, 1 unsold, 1 withdrawn, 2 sold · top bids £4,500 · "
                                          "consigned lots sold for £900"));
    }

    void sortsByClickingAHeader()
    {
        QVERIFY(show(m_f.a));
        QHeaderView *header = m_panel->view()->horizontalHeader();
        const auto clickHeader = [&](int section) {
            const QPoint centre(header->sectionViewportPosition(section) + header->sectionSize(section) / 2,
                                header->height() / 2);
            QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, centre);
        };
        QSignalSpy loaded(m_panel.get(), &Ui::ItemHistoryPanel::loaded);
        clickHeader(ItemHistoryModel::HammerColumn);
        QTRY_COMPARE(loaded.size(), 1);
        QCOMPARE(m_panel->model()->sortColumn(), int(ItemHistoryModel::HammerColumn));
        const QStringList hammers = column(ItemHistoryModel::HammerColumn);
        if (m_panel->model()->sortOrder() == Qt::DescendingOrder) {
            QCOMPARE(hammers.first(), QStringLiteral("£12,000"));
        } else {
            QCOMPARE(hammers.first(), QStringLiteral("£900"));
        }
        QVERIFY(hammers.last().isEmpty()); // lots without a hammer price last either way
        const Qt::SortOrder first = m_panel->model()->sortOrder();
        clickHeader(ItemHistoryModel::HammerColumn);
        QTRY_COMPARE(loaded.size(), 2);
        QVERIFY(m_panel->model()->sortOrder() != first);
        QVERIFY(column(ItemHistoryModel::HammerColumn).last().isEmpty());
        QCOMPARE(rows(), 12);
    }

    void enterAndDoubleClickOpenTheLot()
    {
        QVERIFY(show(m_f.a));
        QSignalSpy opened(m_navigator.get(), &Ui::Navigator::openRequested);
        QTableView *view = m_panel->view();
        view->setFocus();
        const int l13 = rowOfLot(m_f.l13);
        view->setCurrentIndex(m_panel->model()->index(l13, ItemHistoryModel::TitleColumn));
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.first().first().value<Ui::Place>(), Ui::Place::of(Ui::Place::Kind::Lot, m_f.l13));

        const int l4 = rowOfLot(m_f.l4);
        const QRect cell = view->visualRect(m_panel->model()->index(l4, ItemHistoryModel::SaleColumn));
        // A person's double click: the first click selects, the second opens.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(opened.size(), 2);
        QCOMPARE(opened.last().first().value<Ui::Place>(), Ui::Place::of(Ui::Place::Kind::Lot, m_f.l4));
    }

    void exportsTheRowsShown()
    {
        QVERIFY(show(m_f.a));
        QVERIFY(child<QPushButton>("itemExportCsv")->isEnabled());
        auto *kind = child<QComboBox>("itemKindFilter");
        kind->setFocus();
        QTest::keyClick(kind, Qt::Key_End); // Consigned
        QTRY_COMPARE(rows(), 2);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.csv"));
        const Models::Status status = m_panel->exportCsv(path);
        QVERIFY2(status.ok(), qPrintable(status.error().fullText()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        // In the order shown: the newer sale first.
        QVERIFY2(lines.at(1).contains(QStringLiteral("Sapphire Earrings, pair")), qPrintable(lines.at(1)));
        QVERIFY2(lines.at(2).contains(QStringLiteral("\"The \"\"Blue\"\" Vase, Delft\"")), qPrintable(lines.at(2)));
    }

    void anotherCustomerStartsUnfiltered()
    {
        QVERIFY(show(m_f.a));
        QLineEdit *search = m_panel->searchEdit();
        QTest::keyClicks(search, QStringLiteral("diamond"));
        QTRY_COMPARE(rows(), 1);
        QVERIFY(show(m_f.b));
        QVERIFY(search->text().isEmpty());
        QCOMPARE(rows(), 7);
        QCOMPARE(child<QComboBox>("itemSaleFilter")->count(), 3); // all, S1, S2

        // Someone with no history at all.
        const qint64 nobody = Tests::SqlFixture(m_test->db())
                                  .run(QStringLiteral("INSERT INTO customers (uuid, customer_no, created_at,"
                                                      " updated_at, updated_by) VALUES ('u-n', 'N1', 0, 0, 't')"
                                                      " RETURNING id"));
        QVERIFY(show(nobody));
        QCOMPARE(rows(), 0);
        QCOMPARE(totals(), QStringLiteral("No lots bid on, wishlisted or consigned."));
    }

    // The profile of the main window has the panel in its Item History tab.
    void theProfileHasThePanel()
    {
        m_panel.reset();
        Ui::MainWindow window(m_test->db());
        window.show();
        window.openCustomer(m_f.a);
        QTRY_VERIFY(window.isShowingProfile() && window.profile()->customerId() == m_f.a);
        auto *panel = qobject_cast<Ui::ItemHistoryPanel *>(window.profile()->panel(Ui::ProfileWidget::ItemHistory));
        QVERIFY(panel);
        QTRY_COMPARE(panel->model()->rowCount(), 12);
    }
};

QTEST_MAIN(TestItemHistoryPanel)
#include "tst_itemhistorypanel.moc"
