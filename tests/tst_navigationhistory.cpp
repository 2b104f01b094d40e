#include "navigationhistory.h"

#include <QTest>

using Gavel::Ui::NavigationHistory;
using Gavel::Ui::Place;

namespace {
Place c(qint64 id)
{
    return Place::customer(id);
}
const Place list = Place::customerList();
} // namespace

class TestNavigationHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void backAndForwardLikeABrowser()
    {
        NavigationHistory history;
        QVERIFY(!history.canGoBack());
        history.visit(list);
        history.visit(c(11));
        history.visit(Place::of(Place::Kind::Lot, 7));
        QCOMPARE(history.current(), Place::of(Place::Kind::Lot, 7));
        QCOMPARE(history.back(), c(11));
        QCOMPARE(history.back(), list);
        QVERIFY(!history.canGoBack());
        QCOMPARE(history.forward(), c(11));
        QVERIFY(history.canGoForward());
        // A new visit drops the forward history.
        history.visit(c(33));
        QVERIFY(!history.canGoForward());
        QCOMPARE(history.back(), c(11));
        QCOMPARE(history.forward(), c(33));
        // A filtered list is a place of its own.
        history.visit(Place::customerList(QStringLiteral("tag:Turner")));
        QCOMPARE(history.back(), c(33));
    }

    void revisitingTheCurrentPlaceAddsNothing()
    {
        NavigationHistory history;
        history.visit(c(5));
        history.visit(c(5));
        QVERIFY(!history.canGoBack());
    }

    void forgettingAPlaceKeepsTheRestInOrder()
    {
        NavigationHistory history;
        for (const Place &place : {list, c(1), c(2), c(1), c(3)}) {
            history.visit(place);
        }
        history.forget(c(2)); // list 1 1 3 -> list 1 3
        QCOMPARE(history.current(), c(3));
        QCOMPARE(history.back(), c(1));
        QCOMPARE(history.back(), list);
        QVERIFY(!history.canGoBack());
    }

    void staysBounded()
    {
        NavigationHistory history;
        for (qint64 place = 1; place <= 2000; ++place) {
            history.visit(c(place));
        }
        int steps = 0;
        while (history.canGoBack()) {
            history.back();
            ++steps;
        }
        QCOMPARE(steps, 499);
    }
};

QTEST_GUILESS_MAIN(TestNavigationHistory)
#include "tst_navigationhistory.moc"
