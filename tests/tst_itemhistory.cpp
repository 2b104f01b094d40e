#include "itemhistory.h"
#include "itemhistorycsv.h"
#include "itemhistoryfixture.h"
#include "itemhistorymodel.h"
#include "loader.h"
#include "profileexporter.h"
#include "profilesections.h"
#include "roles.h"
#include "sql.h"
#include "sqlfixture.h"
#include "testdatabase.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Gavel::Models;
using Gavel::Tests::ItemHistoryFixture;
using Outcome = ItemHistory::Outcome;

Q_DECLARE_METATYPE(ItemHistory::Filter)

// The Item History of the hand-built house in tests/support/itemhistoryfixture.cpp, whose
// comment says how every lot ended for whom.
class TestItemHistory : public QObject
{
    Q_OBJECT

private:
    // Stand-ins for the fixture's ids in filters_data(), which runs before the fixture is built.
    static constexpr qint64 kJewellery = -1, kOldMasters = -2, kS1 = -3, kS3 = -4;

    ItemHistoryFixture m_f;

    /// The fixture's lots by the names its comment uses ("L1"…).
    QHash<QString, qint64> lotIds() const
    {
        return {{QStringLiteral("L1"), m_f.l1},   {QStringLiteral("L2"), m_f.l2},   {QStringLiteral("L3"), m_f.l3},
                {QStringLiteral("L4"), m_f.l4},   {QStringLiteral("L5"), m_f.l5},   {QStringLiteral("L6"), m_f.l6},
                {QStringLiteral("L7"), m_f.l7},   {QStringLiteral("L8"), m_f.l8},   {QStringLiteral("L9"), m_f.l9},
                {QStringLiteral("L10"), m_f.l10}, {QStringLiteral("L11"), m_f.l11}, {QStringLiteral("L12"), m_f.l12},
                {QStringLiteral("L13"), m_f.l13}};
    }

    /// Rows as fixture names, in order.
    QStringList namesOf(const QList<ItemHistory::Row> &rows) const
    {
        const QHash<QString, qint64> ids = lotIds();
        QStringList names;
        for (const ItemHistory::Row &row : rows) {
            names << ids.key(row.lotId, QStringLiteral("?"));
        }
        return names;
    }

    /// Each lot of `customer`'s history with its outcome ("L1 won"), sorted by name.
    QStringList outcomesOf(Database &db, qint64 customer)
    {
        auto rows = ItemHistory::read(db, customer);
        if (!rows) {
            return {rows.error().fullText()};
        }
        QStringList result;
        const QStringList names = namesOf(*rows);
        for (int i = 0; i < rows->size(); ++i) {
            result << names.at(i) + u'=' + ItemHistory::outcomeKey(rows->at(i).outcome);
        }
        result.sort();
        return result;
    }

    static QStringList sorted(QStringList list)
    {
        list.sort();
        return list;
    }

    /// "L1 L2" → {"L1", "L2"}.
    static QStringList list(const char *text) { return QString::fromUtf8(text).split(u' ', Qt::SkipEmptyParts); }

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QStringLiteral("en_GB"))); }

    // Every outcome, for the subject and for those who bid against them: one buyer, one
    // underbidder per sold lot, and nothing of anyone else's lots.
    void everyLotEndsAsTheFixtureSays()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const QString error = m_f.build(test->db());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(outcomesOf(test->db(), m_f.a),
                 sorted(list("L1=won L2=outbid L3=won L4=outbid L5=unsold L6=withdrawn L7=sold L8=unsold L9=upcoming "
                             "L10=sold L11=won L13=underbid")));
        QCOMPARE(outcomesOf(test->db(), m_f.b),
                 sorted(list("L1=underbid L2=won L4=underbid L7=won L10=won L12=won L13=outbid")));
        QCOMPARE(outcomesOf(test->db(), m_f.c), sorted(list("L2=underbid L4=won L13=won")));
        QCOMPARE(outcomesOf(test->db(), m_f.d), sorted(list("L3=underbid")));
    }

    // The rule for equal bids: the earlier bid wins (when no buyer is recorded) and, among
    // the losing bids, the earlier of two equal ones is the underbid. Swapping the times
    // swaps the answers, so it is the time that decides, not the order of the rows.
    void equalBidsTheEarlierWinsAndTheEarlierLoserIsTheUnderbidder()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const QString error = m_f.build(test->db());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(outcomesOf(test->db(), m_f.a).contains(QStringLiteral("L3=won")));
        QVERIFY(outcomesOf(test->db(), m_f.d).contains(QStringLiteral("L3=underbid")));
        QVERIFY(outcomesOf(test->db(), m_f.a).contains(QStringLiteral("L4=outbid")));
        QVERIFY(outcomesOf(test->db(), m_f.b).contains(QStringLiteral("L4=underbid")));

        // D's bid on L3, and A's on L4, are now the earlier ones.
        const QSqlDatabase db = test->db().connection();
        QVERIFY(Sql::exec(
            db, QStringLiteral("UPDATE bids SET placed_at = placed_at - 3600 WHERE lot_id = ? AND customer_id = ?"),
            {m_f.l3, m_f.d}, QStringLiteral("test")));
        QVERIFY(Sql::exec(
            db, QStringLiteral("UPDATE bids SET placed_at = placed_at - 3600 WHERE lot_id = ? AND customer_id = ?"),
            {m_f.l4, m_f.a}, QStringLiteral("test")));
        QVERIFY(outcomesOf(test->db(), m_f.a).contains(QStringLiteral("L3=underbid")));
        QVERIFY(outcomesOf(test->db(), m_f.d).contains(QStringLiteral("L3=won")));
        QVERIFY(outcomesOf(test->db(), m_f.a).contains(QStringLiteral("L4=underbid")));
        QVERIFY(outcomesOf(test->db(), m_f.b).contains(QStringLiteral("L4=outbid")));

        // A recorded buyer outranks the bids: the house's record of the sale decides.
        QVERIFY(Sql::exec(db, QStringLiteral("UPDATE lots SET buyer_id = ? WHERE id = ?"), {m_f.a, m_f.l3},
                          QStringLiteral("test")));
        QVERIFY(outcomesOf(test->db(), m_f.a).contains(QStringLiteral("L3=won")));
        QVERIFY(outcomesOf(test->db(), m_f.d).contains(QStringLiteral("L3=underbid")));
    }

    // Withdrawn and bought-in lots end the same for everyone who bid, wished or consigned,
    // whatever the bids: no one won or was the underbidder of a lot that did not sell.
    void withdrawnAndUnsoldLotsHaveNoWinner()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const QString error = m_f.build(test->db());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QSqlDatabase db = test->db().connection();
        // B bids on the withdrawn brooch (a commission bid left before it was withdrawn) and
        // outbids A on the bought-in necklace.
        QVERIFY(Sql::exec(db,
                          QStringLiteral("INSERT INTO bids (lot_id, customer_id, amount_minor, currency, placed_at)"
                                         " VALUES (?, ?, 90000, 'GBP', 1), (?, ?, 160000, 'GBP', 2)"),
                          {m_f.l6, m_f.b, m_f.l5, m_f.b}, QStringLiteral("test")));
        QVERIFY(outcomesOf(test->db(), m_f.a).contains(QStringLiteral("L5=unsold")));
        QVERIFY(outcomesOf(test->db(), m_f.a).contains(QStringLiteral("L6=withdrawn")));
        QVERIFY(outcomesOf(test->db(), m_f.b).contains(QStringLiteral("L5=unsold")));
        QVERIFY(outcomesOf(test->db(), m_f.b).contains(QStringLiteral("L6=withdrawn")));
        // Also when a stale buyer or a hammer is left on the lot.
        QVERIFY(Sql::exec(db, QStringLiteral("UPDATE lots SET buyer_id = ?, hammer_minor = 100 WHERE id = ?"),
                          {m_f.b, m_f.l6}, QStringLiteral("test")));
        auto rows = ItemHistory::read(test->db(), m_f.b);
        QVERIFY(rows.ok());
        const auto l6 = std::find_if(rows->begin(), rows->end(), [&](const auto &row) { return row.lotId == m_f.l6; });
        QVERIFY(l6 != rows->end());
        QCOMPARE(l6->outcome, Outcome::Withdrawn);
        QVERIFY(!l6->hammer);
    }

    void rowsCarryWhatTheTableShows()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const QString error = m_f.build(test->db());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        auto rows = ItemHistory::read(test->db(), m_f.a);
        QVERIFY2(rows.ok(), qPrintable(rows ? QString() : rows.error().fullText()));
        QHash<qint64, ItemHistory::Row> byLot;
        for (const ItemHistory::Row &row : std::as_const(*rows)) {
            byLot.insert(row.lotId, row);
        }
        const ItemHistory::Row l1 = byLot.value(m_f.l1);
        QCOMPARE(l1.saleNo, QStringLiteral("S1"));
        QCOMPARE(l1.saleTitle, QStringLiteral("Old Masters Evening"));
        QCOMPARE(l1.saleId, m_f.s1);
        QCOMPARE(l1.lotNo, QStringLiteral("1"));
        QCOMPARE(l1.title, QStringLiteral("Portrait of a Lady"));
        QCOMPARE(l1.maker, QStringLiteral("Rembrandt"));
        QCOMPARE(l1.department, QStringLiteral("Old Masters"));
        QCOMPARE(l1.departmentId, m_f.oldMasters);
        QCOMPARE(l1.lowEstimate, std::optional<qint64>(1000000));
        QCOMPARE(l1.highEstimate, std::optional<qint64>(1500000));
        QCOMPARE(l1.topBid, std::optional<qint64>(1200000));
        QCOMPARE(l1.bidCount, 2);
        QCOMPARE(l1.hammer, std::optional<qint64>(1200000));
        QCOMPARE(l1.kinds, int(ItemHistory::BidOn));
        QCOMPARE(l1.wishlistedAt, qint64(0)); // B's wish for it is not A's

        const ItemHistory::Row l5 = byLot.value(m_f.l5);
        QCOMPARE(l5.kinds, ItemHistory::BidOn | ItemHistory::Wishlisted);
        QVERIFY(l5.wishlistedAt > 0);
        QVERIFY(!l5.hammer);
        QCOMPARE(l5.price(), std::optional<qint64>(150000)); // bought in: the top bid

        const ItemHistory::Row l7 = byLot.value(m_f.l7);
        QCOMPARE(l7.kinds, int(ItemHistory::Consigned));
        QCOMPARE(l7.consignmentNo, QStringLiteral("CN-1"));
        QCOMPARE(l7.consignmentStatus, QStringLiteral("sold"));
        QVERIFY(!l7.topBid);
        QCOMPARE(l7.bidCount, 0);

        const ItemHistory::Row l11 = byLot.value(m_f.l11);
        QCOMPARE(l11.kinds, int(ItemHistory::BidOn)); // bought in the room: no bid imported
        QCOMPARE(l11.bidCount, 0);
        QVERIFY(!l11.topBid);
        QCOMPARE(l11.outcome, Outcome::Won);

        const ItemHistory::Row l6 = byLot.value(m_f.l6);
        QCOMPARE(l6.price(), std::optional<qint64>(80000)); // not bid on, not sold: the low estimate
        QCOMPARE(ItemHistory::kindsText(l1.kinds, l1.bidCount), QStringLiteral("Bid ×2"));
        QCOMPARE(ItemHistory::kindsText(l5.kinds, l5.bidCount), QStringLiteral("Bid, Wishlist"));
    }

    void filters_data()
    {
        QTest::addColumn<ItemHistory::Filter>("filter");
        QTest::addColumn<QStringList>("expected");
        const auto make = [](auto change) {
            ItemHistory::Filter filter;
            change(filter);
            return filter;
        };
        QTest::newRow("everything") << ItemHistory::Filter{} << list("L1 L2 L3 L4 L5 L6 L7 L8 L9 L10 L11 L13");
        QTest::newRow("wishlisted") << make([](auto &f) { f.kinds = ItemHistory::Wishlisted; }) << list("L5 L6 L10");
        QTest::newRow("consigned") << make([](auto &f) { f.kinds = ItemHistory::Consigned; }) << list("L7 L8");
        QTest::newRow("bid on or consigned")
            << make([](auto &f) { f.kinds = ItemHistory::BidOn | ItemHistory::Consigned; })
            << list("L1 L2 L3 L4 L5 L7 L8 L9 L11 L13");
        QTest::newRow("no kind") << make([](auto &f) { f.kinds = 0; }) << list("");
        QTest::newRow("won") << make([](auto &f) { f.outcomes = {Outcome::Won}; }) << list("L1 L3 L11");
        QTest::newRow("underbid or outbid") << make([](auto &f) {
            f.outcomes = {Outcome::Underbid, Outcome::Outbid};
        }) << list("L2 L4 L13");
        QTest::newRow("unsold") << make([](auto &f) { f.outcomes = {Outcome::Unsold}; }) << list("L5 L8");
        QTest::newRow("price 5,000–12,000") << make([](auto &f) {
            f.minPrice = 500000;
            f.maxPrice = 1200000;
        }) << list("L1 L2 L13");
        QTest::newRow("price up to 900") << make([](auto &f) { f.maxPrice = 90000; }) << list("L6 L7 L8");
        QTest::newRow("from May 2024") << make([](auto &f) { f.from = QDate(2024, 5, 1); })
                                       << list("L4 L5 L6 L7 L9 L10");
        QTest::newRow("one day") << make([](auto &f) {
            f.from = QDate(2024, 3, 10);
            f.to = QDate(2024, 3, 10);
        }) << list("L1 L2 L3 L8 L11 L13");
        QTest::newRow("until 2024") << make([](auto &f) { f.to = QDate(2024, 12, 31); })
                                    << list("L1 L2 L3 L4 L5 L6 L7 L8 L10 L11 L13");
        QTest::newRow("department") << make([](auto &f) { f.departmentId = kJewellery; }) << list("L4 L5 L6 L7 L10");
        QTest::newRow("sale") << make([](auto &f) { f.saleId = kS3; }) << list("L9");
        QTest::newRow("text in a maker, any case")
            << make([](auto &f) { f.text = QStringLiteral("REMBRANDT"); }) << list("L1");
        QTest::newRow("every word somewhere")
            << make([](auto &f) { f.text = QStringLiteral(" landscape  winter "); }) << list("L13");
        QTest::newRow("sale title") << make([](auto &f) { f.text = QStringLiteral("jewels"); })
                                    << list("L4 L5 L6 L7 L10");
        QTest::newRow("lot number") << make([](auto &f) { f.text = QStringLiteral("13"); }) << list("L7");
        QTest::newRow("a quote") << make([](auto &f) { f.text = QStringLiteral("\"blue\""); }) << list("L8");
        QTest::newRow("% is a character") << make([](auto &f) { f.text = QStringLiteral("%"); }) << list("");
        QTest::newRow("_ is a character") << make([](auto &f) { f.text = QStringLiteral("_"); }) << list("");
        QTest::newRow("everything at once") << make([](auto &f) {
            f.kinds = ItemHistory::BidOn;
            f.departmentId = kOldMasters;
            f.saleId = kS1;
            f.from = QDate(2024, 1, 1);
            f.to = QDate(2024, 12, 31);
            f.minPrice = 100000;
            f.outcomes = {Outcome::Won, Outcome::Underbid};
            f.text = QStringLiteral("landscape");
        }) << list("L13");
    }

    void filters()
    {
        QFETCH(ItemHistory::Filter, filter);
        QFETCH(QStringList, expected);
        GAVEL_OPEN_TEST_DATABASE(test);
        const QString error = m_f.build(test->db());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // The fixture's ids are known only once it is built.
        const QHash<qint64, qint64> ids = {
            {kJewellery, m_f.jewellery}, {kOldMasters, m_f.oldMasters}, {kS1, m_f.s1}, {kS3, m_f.s3}};
        filter.departmentId = ids.value(filter.departmentId, filter.departmentId);
        filter.saleId = ids.value(filter.saleId, filter.saleId);
        auto rows = ItemHistory::read(test->db(), m_f.a, filter);
        QVERIFY2(rows.ok(), qPrintable(rows ? QString() : rows.error().fullText()));
        QCOMPARE(sorted(namesOf(*rows)), sorted(expected));
    }

    void sortsInSqlWithTheEmptyLast()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const QString error = m_f.build(test->db());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const auto order = [&](ItemHistory::SortKey key, Qt::SortOrder direction) {
            auto rows = ItemHistory::read(test->db(), m_f.a, {}, key, direction);
            return rows ? namesOf(*rows) : QStringList{rows.error().fullText()};
        };
        // Newest sale first; within a sale, lot order.
        QCOMPARE(order(ItemHistory::SortKey::SaleDate, Qt::DescendingOrder),
                 (list("L9 L4 L5 L6 L7 L10 L1 L2 L3 L8 L11 L13")));
        // Lots without a top bid come last either way.
        QCOMPARE(order(ItemHistory::SortKey::TopBid, Qt::DescendingOrder).mid(0, 7), (list("L9 L1 L2 L13 L3 L4 L5")));
        QCOMPARE(order(ItemHistory::SortKey::TopBid, Qt::AscendingOrder).mid(0, 7), (list("L5 L4 L3 L13 L2 L1 L9")));
        QCOMPARE(sorted(order(ItemHistory::SortKey::TopBid, Qt::AscendingOrder).mid(7)),
                 sorted(list("L6 L7 L8 L10 L11")));
        // The outcome in the order of the enum: won, underbid, outbid, unsold, withdrawn, sold, upcoming.
        const QStringList byOutcome = order(ItemHistory::SortKey::Outcome, Qt::AscendingOrder);
        QCOMPARE(byOutcome.mid(0, 3), (list("L1 L3 L11")));
        QCOMPARE(byOutcome.at(3), QStringLiteral("L13"));
        QCOMPARE(byOutcome.last(), QStringLiteral("L9"));
        QCOMPARE(order(ItemHistory::SortKey::Title, Qt::AscendingOrder).mid(0, 3),
                 (list("L4 L10 L6"))); // Diamond, Emerald, Gold
        QCOMPARE(order(ItemHistory::SortKey::Hammer, Qt::DescendingOrder).mid(0, 3), (list("L1 L2 L13")));
    }

    void totalsOfTheRowsShown()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const QString error = m_f.build(test->db());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        auto all = ItemHistory::read(test->db(), m_f.a);
        QVERIFY(all.ok());
        const ItemHistory::Totals totals = ItemHistory::totalsOf(*all);
        QCOMPARE(totals.lots, 12);
        QCOMPARE(totals.count(Outcome::Won), 3);
        QCOMPARE(totals.count(Outcome::Underbid), 1);
        QCOMPARE(totals.count(Outcome::Outbid), 2);
        QCOMPARE(totals.count(Outcome::Unsold), 2);
        QCOMPARE(totals.count(Outcome::Withdrawn), 1);
        QCOMPARE(totals.count(Outcome::Sold), 2);
        QCOMPARE(totals.count(Outcome::Upcoming), 1);
        QCOMPARE(totals.bidOn, 8);
        QCOMPARE(totals.wishlisted, 3);
        QCOMPARE(totals.consigned, 2);
        QCOMPARE(totals.money.size(), 1);
        QCOMPARE(totals.money.first().currency, QStringLiteral("GBP"));
        QCOMPARE(totals.money.first().wonHammer, 1850000);
        QCOMPARE(totals.money.first().topBids, 4950000);
        QCOMPARE(totals.money.first().consignedHammer, 90000);

        ItemHistory::Filter jewels;
        jewels.departmentId = m_f.jewellery;
        auto some = ItemHistory::read(test->db(), m_f.a, jewels);
        QVERIFY(some.ok());
        const ItemHistory::Totals shown = ItemHistory::totalsOf(*some);
        QCOMPARE(shown.lots, 5);
        QCOMPARE(shown.count(Outcome::Won), 0);
        QCOMPARE(shown.money.first().topBids, 450000); // L4 3,000 + L5 1,500
        QCOMPARE(shown.money.first().wonHammer, 0);
    }

    void anEmptyHistory()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const QString error = m_f.build(test->db());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const qint64 nobody =
            Gavel::Tests::SqlFixture(test->db())
                .run(QStringLiteral("INSERT INTO customers (uuid, customer_no, created_at, updated_at, updated_by)"
                                    " VALUES ('u-n', 'N1', 0, 0, 't') RETURNING id"));
        auto rows = ItemHistory::read(test->db(), nobody);
        QVERIFY(rows.ok());
        QVERIFY(rows->isEmpty());
        const ItemHistory::Totals totals = ItemHistory::totalsOf(*rows);
        QCOMPARE(totals.lots, 0);
        QVERIFY(totals.money.isEmpty());
    }

    void choicesAreTheHistorysDepartmentsAndSales()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const QString error = m_f.build(test->db());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        auto rows = ItemHistory::read(test->db(), m_f.d);
        QVERIFY(rows.ok());
        const ItemHistory::Choices d = ItemHistory::choicesOf(*rows);
        QCOMPARE(d.departments.size(), 1);
        QCOMPARE(d.departments.first().second, QStringLiteral("Old Masters"));
        QCOMPARE(d.sales.size(), 1);
        QCOMPARE(d.sales.first().id, m_f.s1);

        rows = ItemHistory::read(test->db(), m_f.a);
        QVERIFY(rows.ok());
        const ItemHistory::Choices a = ItemHistory::choicesOf(*rows);
        QCOMPARE(a.departments.size(), 2);
        QCOMPARE(a.departments.first().second, QStringLiteral("Jewellery"));
        QCOMPARE(a.sales.size(), 3);
        QCOMPARE(a.sales.first().id, m_f.s3); // newest first
        QCOMPARE(a.sales.last().id, m_f.s1);
    }

    void theModelPassesTheTesterAndLoadsOffTheGuiThread()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const QString error = m_f.build(test->db());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        Loader loader(test->db());
        ItemHistoryModel model(loader);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &ItemHistoryModel::loaded);
        QSignalSpy choices(&model, &ItemHistoryModel::choicesChanged);

        model.load(m_f.a);
        QVERIFY(model.isLoading());
        QVERIFY(loader.waitForIdle());
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(choices.size(), 1);
        QVERIFY(!model.isLoading());
        QCOMPARE(model.rowCount(), 12);
        QCOMPARE(model.columnCount(), int(ItemHistoryModel::ColumnCount));
        QCOMPARE(model.totals().lots, 12);
        QCOMPARE(model.choices().sales.size(), 3);

        // What the first row (the newest sale) shows.
        const auto cell = [&](int row, int column, int role = Qt::DisplayRole) {
            return model.data(model.index(row, column), role);
        };
        QCOMPARE(cell(0, ItemHistoryModel::SaleColumn).toString(), QStringLiteral("Old Masters Day"));
        QCOMPARE(cell(0, ItemHistoryModel::LotColumn).toString(), QStringLiteral("5"));
        QCOMPARE(cell(0, ItemHistoryModel::EstimateColumn).toString(), QStringLiteral("£20,000–30,000"));
        QCOMPARE(cell(0, ItemHistoryModel::TopBidColumn).toString(), QStringLiteral("£18,000"));
        QCOMPARE(cell(0, ItemHistoryModel::HammerColumn).toString(), QString());
        QCOMPARE(cell(0, ItemHistoryModel::ResultColumn).toString(), QStringLiteral("Upcoming"));
        QCOMPARE(cell(0, ItemHistoryModel::TitleColumn, IdRole).toLongLong(), m_f.l9);
        QCOMPARE(cell(0, ItemHistoryModel::ResultColumn, OutcomeRole).toInt(), int(Outcome::Upcoming));
        QCOMPARE(cell(0, ItemHistoryModel::TopBidColumn, MoneyMinorRole).toLongLong(), 1800000);

        // Sorting reads again, in SQL.
        model.sort(ItemHistoryModel::HammerColumn, Qt::DescendingOrder);
        QVERIFY(loader.waitForIdle());
        QCOMPARE(cell(0, ItemHistoryModel::TitleColumn).toString(), QStringLiteral("Portrait of a Lady"));
        QCOMPARE(cell(0, ItemHistoryModel::HammerColumn).toString(), QStringLiteral("£12,000"));
        QCOMPARE(cell(0, ItemHistoryModel::ResultColumn).toString(), QStringLiteral("Won"));

        // Every column sorts, both ways, and keeps every row.
        for (int column = 0; column < ItemHistoryModel::ColumnCount; ++column) {
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                model.sort(column, order);
                QVERIFY(loader.waitForIdle());
                QCOMPARE(model.rowCount(), 12);
            }
        }
        model.sort(ItemHistoryModel::ResultColumn, Qt::AscendingOrder);
        QVERIFY(loader.waitForIdle());
        QCOMPARE(cell(0, ItemHistoryModel::ResultColumn).toString(), QStringLiteral("Won"));
        QCOMPARE(cell(11, ItemHistoryModel::ResultColumn).toString(), QStringLiteral("Upcoming"));

        ItemHistory::Filter won;
        won.outcomes = {Outcome::Won};
        model.load(m_f.a, won);
        QVERIFY(loader.waitForIdle());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(choices.size(), 1); // the same customer: the choices stay
        QCOMPARE(model.totals().money.first().wonHammer, 1850000);

        // Another customer, filtered: the choices are of their whole history.
        ItemHistory::Filter wishes;
        wishes.kinds = ItemHistory::Wishlisted;
        model.load(m_f.b, wishes);
        QCOMPARE(model.rowCount(), 0); // nothing of A's while B's load runs
        QVERIFY(loader.waitForIdle());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(choices.size(), 2);
        QCOMPARE(model.choices().sales.size(), 2);

        // Two loads in a row: only the last one's rows arrive.
        model.load(m_f.a);
        model.load(m_f.d);
        QVERIFY(loader.waitForIdle());
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.customerId(), m_f.d);

        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void csvFields_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("Portrait") << QStringLiteral("Portrait");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("comma") << QStringLiteral("Still Life, with Flowers")
                               << QStringLiteral("\"Still Life, with Flowers\"");
        QTest::newRow("quotes") << QStringLiteral("The \"Blue\" Vase") << QStringLiteral("\"The \"\"Blue\"\" Vase\"");
        QTest::newRow("line break") << QStringLiteral("two\nlines") << QStringLiteral("\"two\nlines\"");
        QTest::newRow("carriage return") << QStringLiteral("a\rb") << QStringLiteral("\"a\rb\"");
        QTest::newRow("leading space") << QStringLiteral(" x") << QStringLiteral("\" x\"");
        QTest::newRow("accents") << QStringLiteral("Écuyer’s") << QStringLiteral("Écuyer’s");
    }

    void csvFields()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(ItemHistoryCsv::field(text), expected);
    }

    void csvAmounts()
    {
        QCOMPARE(ItemHistoryCsv::amount(1200000, QStringLiteral("GBP")), QStringLiteral("12000.00"));
        QCOMPARE(ItemHistoryCsv::amount(5, QStringLiteral("EUR")), QStringLiteral("0.05"));
        QCOMPARE(ItemHistoryCsv::amount(150000, QStringLiteral("JPY")), QStringLiteral("150000"));
        QCOMPARE(ItemHistoryCsv::amount(-250, QStringLiteral("USD")), QStringLiteral("-2.50"));
        QCOMPARE(ItemHistoryCsv::amount(std::nullopt, QStringLiteral("GBP")), QString());
    }

    // The file a spreadsheet opens: BOM, header, one line per row, quoting where needed,
    // and formulas disarmed.
    void csvOfTheFilteredRows()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const QString error = m_f.build(test->db());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        ItemHistory::Filter filter;
        filter.saleId = m_f.s1;
        auto rows = ItemHistory::read(test->db(), m_f.a, filter, ItemHistory::SortKey::LotNo, Qt::AscendingOrder);
        QVERIFY(rows.ok());
        ItemHistory::Row formula = rows->first();
        formula.title = QStringLiteral("=HYPERLINK(\"http://x\")");
        rows->append(formula);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.csv"));
        const Status saved = ItemHistoryCsv::save(path, *rows);
        QVERIFY2(saved.ok(), qPrintable(saved.error().fullText()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        const QStringList lines = QString::fromUtf8(bytes.mid(3)).split(QStringLiteral("\r\n"));
        QCOMPARE(lines.size(), 1 + 7 + 1); // header, 6 lots + the formula row, and the empty end
        QVERIFY(lines.last().isEmpty());
        QCOMPARE(lines.at(0), QStringLiteral("Sale number,Sale,Date,Lot,Title,Maker,Department,Type,Currency,"
                                             "Low estimate,High estimate,Top bid,Bids,Hammer,Result,Consignment,"
                                             "Consignment status"));
        QCOMPARE(lines.at(1), QStringLiteral("S1,Old Masters Evening,2024-03-10,1,Portrait of a Lady,Rembrandt,"
                                             "Old Masters,Bid ×2,GBP,10000.00,15000.00,12000.00,2,12000.00,Won,,"));
        QCOMPARE(lines.at(3), QStringLiteral("S1,Old Masters Evening,2024-03-10,3,\"Still Life, with Flowers\",,"
                                             "Old Masters,Bid,GBP,3000.00,5000.00,4000.00,1,4000.00,Won,,"));
        QCOMPARE(lines.at(4), QStringLiteral("S1,Old Masters Evening,2024-03-10,4,\"The \"\"Blue\"\" Vase, Delft\",,"
                                             "Old Masters,Consigned,GBP,600.00,800.00,,0,,Unsold,CN-2,Returned"));
        QVERIFY2(lines.at(7).contains(QStringLiteral(",\"'=HYPERLINK(\"\"http://x\"\")\",")), qPrintable(lines.at(7)));

        // An export that cannot be written says where, and leaves nothing behind.
        const QString nowhere = dir.filePath(QStringLiteral("missing/folder/history.csv"));
        const Status failed = ItemHistoryCsv::save(nowhere, *rows);
        QVERIFY(!failed.ok());
        QVERIFY2(failed.error().message.contains(QStringLiteral("history.csv")), qPrintable(failed.error().message));
        QVERIFY(!QFile::exists(nowhere));
    }

    // The profile export's section: every lot, oldest sale first, identified by sale and lot
    // number, with no local ids and nothing about the other bidders.
    void theProfileExportHasTheItemHistory()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const QString error = m_f.build(test->db());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        ProfileExporter exporter(test->db());
        addProfileSections(exporter);
        QByteArray bytes;
        QBuffer buffer(&bytes);
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        const Status status = exporter.exportJson(QStringLiteral("A1"), buffer);
        QVERIFY2(status.ok(), qPrintable(status.error().fullText()));
        const QJsonArray history =
            QJsonDocument::fromJson(bytes).object().value(QStringLiteral("itemHistory")).toArray();
        QCOMPARE(history.size(), 12);
        const QJsonObject first = history.first().toObject();
        QCOMPARE(first.value(QStringLiteral("saleNo")).toString(), QStringLiteral("S1"));
        QCOMPARE(first.value(QStringLiteral("lotNo")).toString(), QStringLiteral("1"));
        QCOMPARE(first.value(QStringLiteral("saleStartsAt")).toString(), QStringLiteral("2024-03-10T18:00:00Z"));
        QCOMPARE(first.value(QStringLiteral("result")).toString(), QStringLiteral("won"));
        QCOMPARE(
            first.value(QStringLiteral("topBid")).toObject(),
            (QJsonObject{{QStringLiteral("currency"), QStringLiteral("GBP")}, {QStringLiteral("minor"), 1200000}}));
        QCOMPARE(first.value(QStringLiteral("kinds")).toArray(), QJsonArray{QStringLiteral("bid")});
        QVERIFY(first.value(QStringLiteral("consignmentNo")).isNull());
        QCOMPARE(history.last().toObject().value(QStringLiteral("result")).toString(), QStringLiteral("upcoming"));
        for (const QJsonValue &value : history) {
            const QJsonObject row = value.toObject();
            QVERIFY(!row.contains(QStringLiteral("lotId")) && !row.contains(QStringLiteral("id")));
            QVERIFY(ItemHistory::outcomeFromKey(row.value(QStringLiteral("result")).toString()).has_value());
        }
    }
};

QTEST_GUILESS_MAIN(TestItemHistory)
#include "tst_itemhistory.moc"
