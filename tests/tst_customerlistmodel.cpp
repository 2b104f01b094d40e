#include "customerlistmodel.h"
#include "customerfilter.h"
#include "customerstore.h"
#include "labelstore.h"
#include "sqlfixture.h"
#include "roles.h"
#include "testdatabase.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Gavel::Models;

class TestCustomerListModel : public QObject
{
    Q_OBJECT

private:
    // 25 customers named so that sorting and searching have known answers.
    static void populate(Database &db)
    {
        CustomerStore store(db);
        const QStringList last = {QStringLiteral("Abbott"),  QStringLiteral("Baker"),   QString::fromUtf8("Écuyer"),
                                  QStringLiteral("Dunn"),    QStringLiteral("Evans")};
        for (int i = 0; i < 25; ++i) {
            Customer c;
            c.customerNo = QStringLiteral("C%1").arg(1000 + i);
            c.firstName = QStringLiteral("Person%1").arg(i, 2, 10, QLatin1Char('0'));
            c.lastName = last.at(i % last.size());
            c.email = QStringLiteral("person%1@example.org").arg(i);
            c.city = i % 2 ? QStringLiteral("London") : QStringLiteral("Paris");
            c.vip = i % 5 == 0;
            QVERIFY(store.create(c).ok());
        }
    }

private Q_SLOTS:
    void passesTheModelTester()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        populate(test->db());
        CustomerListModel model(test->db());
        model.setPageSize(7);
        model.reload();
        QCOMPARE(model.rowCount(), 7);
        QVERIFY(model.canFetchMore({}));
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // The tester's own fetchMore() runs from its modelReset handler before it has
        // recorded the end of the reset (Qt 6.4), so it would flag every lazy model that
        // resets. The test fetches instead, and the tester checks each insertion.
        tester.setUseFetchMore(false);
        while (model.canFetchMore({})) {
            model.fetchMore({});
        }
        QCOMPARE(model.rowCount(), 25);
        QCOMPARE(model.matchCount(), 25);
        model.sort(CustomerListModel::TotalSpentColumn, Qt::DescendingOrder);
        model.setSearchText(QStringLiteral("london"));
    }

    // Keyset paging must return every row exactly once, in order, whatever the sort.
    void pagingCoversEveryRowOnceInEverySort()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        populate(test->db());
        CustomerListModel model(test->db());
        model.setPageSize(4);
        for (int column = 0; column < CustomerListModel::ColumnCount; ++column) {
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                model.sort(column, order);
                while (model.canFetchMore({})) {
                    model.fetchMore({});
                }
                QCOMPARE(model.rowCount(), 25);
                QSet<qint64> seen;
                for (int row = 0; row < model.rowCount(); ++row) {
                    seen.insert(model.customerIdAt(row));
                    if (row == 0) {
                        continue;
                    }
                    const QVariant a = model.index(row - 1, column).data(SortRole);
                    const QVariant b = model.index(row, column).data(SortRole);
                    const auto cmp = QVariant::compare(a, b);
                    if (order == Qt::AscendingOrder) {
                        QVERIFY2(cmp != QPartialOrdering::Greater, qPrintable(QStringLiteral("column %1 row %2").arg(column).arg(row)));
                    } else {
                        QVERIFY2(cmp != QPartialOrdering::Less, qPrintable(QStringLiteral("column %1 row %2").arg(column).arg(row)));
                    }
                }
                QCOMPARE(seen.size(), 25);
            }
        }
    }

    void sortsByNameIgnoringAccents()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        populate(test->db());
        CustomerListModel model(test->db());
        model.setPageSize(100);
        model.sort(CustomerListModel::NameColumn, Qt::AscendingOrder);
        QVERIFY(model.index(0, 0).data().toString().endsWith(QStringLiteral("Abbott")));
        // Écuyer sorts among the E… names after Dunn, not after Evans.
        QStringList lastNames;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QString last = model.index(row, 0).data().toString().section(u' ', -1);
            if (lastNames.isEmpty() || lastNames.constLast() != last) {
                lastNames << last;
            }
        }
        QCOMPARE(lastNames, (QStringList{QStringLiteral("Abbott"), QStringLiteral("Baker"), QStringLiteral("Dunn"),
                                         QString::fromUtf8("Écuyer"), QStringLiteral("Evans")}));
    }

    void searchMatchesNameCustomerIdAndEmail_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("count");
        QTest::newRow("last name") << "baker" << 5;
        QTest::newRow("accent-insensitive") << "ecuyer" << 5;
        QTest::newRow("two words, both must match") << "dunn person03" << 1;
        QTest::newRow("customer id prefix") << "C101" << 10;
        QTest::newRow("e-mail prefix") << "person24@" << 1;
        QTest::newRow("like wildcards are literal") << "%" << 0;
        QTest::newRow("nothing") << "zzz" << 0;
    }

    void searchMatchesNameCustomerIdAndEmail()
    {
        QFETCH(QString, text);
        QFETCH(int, count);
        GAVEL_OPEN_TEST_DATABASE(test);
        populate(test->db());
        CustomerListModel model(test->db());
        QSignalSpy counted(&model, &CustomerListModel::matchCountChanged);
        model.setSearchText(text);
        QCOMPARE(model.rowCount(), count);
        QCOMPARE(model.matchCount(), count);
        QCOMPARE(counted.count(), 1);
        QCOMPARE(counted.constLast().at(0).toLongLong(), qint64(count));
    }

    // A label or segment filter keeps keyset paging exact in every sort, and combines with
    // the search words.
    void filtersByLabelAndSegmentInEverySort()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        populate(test->db());
        CustomerListModel all(test->db());
        all.setPageSize(100);
        QCOMPARE(all.rowCount(), 25);
        // Customers are numbered by Customer ID: C1000 + i.
        QMap<int, qint64> ids;
        for (int row = 0; row < all.rowCount(); ++row) {
            ids.insert(all.index(row, CustomerListModel::CustomerNoColumn).data().toString().mid(1).toInt() - 1000,
                       all.customerIdAt(row));
        }
        QSet<qint64> labelled;
        QSet<qint64> members;
        Gavel::Tests::SqlFixture f(test->db());
        const qint64 segment = f.run(QStringLiteral("INSERT INTO segments (uuid, code, name, rule, updated_at,"
                                                    " updated_by) VALUES ('u1', 'even', 'Even ones',"
                                                    " '{\"kind\": \"rfm\", \"segment\": \"best\"}', 0, 't')"
                                                    " RETURNING id"));
        for (int i = 0; i < 25; ++i) {
            if (i % 3 == 0) {
                QVERIFY(LabelStore(test->db()).addToCustomer(ids.value(i), QStringLiteral("Museum contact")).ok());
                labelled.insert(ids.value(i));
            }
            if (i % 2 == 0) {
                f.run(QStringLiteral("INSERT INTO segment_members (segment_id, customer_id, since) VALUES (?, ?, 0)"),
                      {segment, ids.value(i)});
                members.insert(ids.value(i));
            }
        }
        QVERIFY2(f.ok(), qPrintable(f.error()));

        auto byLabel = CustomerFilter::fromPlaceText(test->db(), QStringLiteral("label:museum CONTACT"));
        QVERIFY(byLabel.ok());
        QCOMPARE(byLabel->description, QString::fromUtf8("Label “Museum contact”"));
        auto bySegment = CustomerFilter::fromPlaceText(test->db(), QStringLiteral("segment:even"));
        QVERIFY(bySegment.ok());
        QCOMPARE(bySegment->description, QString::fromUtf8("Segment “Even ones”"));

        CustomerListModel model(test->db());
        model.setPageSize(2);
        for (const auto &[filter, expected] : {std::pair{*byLabel, labelled}, std::pair{*bySegment, members}}) {
            model.setFilter(filter);
            QCOMPARE(model.matchCount(), qint64(expected.size()));
            for (int column = 0; column < CustomerListModel::ColumnCount; ++column) {
                for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                    model.sort(column, order);
                    while (model.canFetchMore({})) {
                        model.fetchMore({});
                    }
                    QSet<qint64> seen;
                    for (int row = 0; row < model.rowCount(); ++row) {
                        seen.insert(model.customerIdAt(row));
                    }
                    QCOMPARE(model.rowCount(), expected.size());
                    QCOMPARE(seen, expected);
                }
            }
        }
        // Label and search together: i % 3 == 0 among Person00–Person09: 0, 3, 6, 9.
        model.setFilter(*byLabel);
        model.setSearchText(QStringLiteral("person0"));
        QCOMPARE(model.matchCount(), qint64(4));
        model.setFilter({});
        QCOMPARE(model.matchCount(), qint64(10));
    }

    void filterTextThatNamesNothing()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        QVERIFY(CustomerFilter::isFilterText(QStringLiteral("label:x")));
        QVERIFY(CustomerFilter::isFilterText(QStringLiteral("segment:rfm_best")));
        QVERIFY(!CustomerFilter::isFilterText(QStringLiteral("hughes")));
        for (const QString &text : {QStringLiteral("label:Nobody"), QStringLiteral("segment:nothing")}) {
            auto filter = CustomerFilter::fromPlaceText(test->db(), text);
            QVERIFY(!filter.ok());
            QCOMPARE(filter.error().kind, ErrorKind::NotFound);
            QVERIFY2(filter.error().message.contains(text.section(u':', 1)), qPrintable(filter.error().message));
        }
        QCOMPARE(CustomerFilter::fromPlaceText(test->db(), QStringLiteral("hughes")).error().kind, ErrorKind::Invalid);
    }
};

QTEST_GUILESS_MAIN(TestCustomerListModel)
#include "tst_customerlistmodel.moc"
