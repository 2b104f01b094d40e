#include "database.h"
#include "rfm.h"
#include "sqlfixture.h"
#include "testdatabase.h"
#include "transaction.h"

#include <QTest>
#include <QTimeZone>

using namespace Gavel::Models;
using Gavel::Tests::SqlFixture;

namespace {

const QDate kAsOf(2024, 6, 30);

/// Noon (UTC) `days` days before the as-of day.
qint64 daysBefore(int days)
{
    return QDateTime(kAsOf.addDays(-days), QTime(12, 0), QTimeZone::utc()).toSecsSinceEpoch();
}

qint64 addCustomer(SqlFixture &f, const QString &customerNo)
{
    return f.run(QStringLiteral("INSERT INTO customers (uuid, customer_no, created_at, updated_at, updated_by)"
                                " VALUES (?, ?, 0, 0, 'test') RETURNING id"),
                 {QString(QStringLiteral("uuid-") + customerNo), customerNo});
}

void addInvoice(SqlFixture &f, qint64 customerId, int daysAgo, qint64 totalMinor, const QString &currency = QStringLiteral("GBP"),
                const QString &status = QStringLiteral("paid"))
{
    static int counter = 0;
    f.run(QStringLiteral("INSERT INTO invoices (invoice_no, customer_id, issued_at, status, currency, total_minor,"
                         " updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, 0, 'test')"),
          {QStringLiteral("INV-%1").arg(++counter), customerId, daysBefore(daysAgo), status, currency, totalMinor});
}

struct Expected
{
    qint64 recencyDays;
    qint64 frequency;
    qint64 monetary;
    int r, f, m;
    const char *segment;
};

} // namespace

class TestRfm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void score_data()
    {
        QTest::addColumn<qint64>("below");
        QTest::addColumn<qint64>("population");
        QTest::addColumn<int>("expected");
        // 1 + floor(5 × below / population)
        QTest::newRow("only customer") << qint64(0) << qint64(1) << 1;
        QTest::newRow("worst of ten") << qint64(0) << qint64(10) << 1;
        QTest::newRow("second of ten") << qint64(1) << qint64(10) << 1; // 1 + 5/10
        QTest::newRow("third of ten") << qint64(2) << qint64(10) << 2;  // 1 + 10/10
        QTest::newRow("best of ten") << qint64(9) << qint64(10) << 5;   // 1 + 45/10
        QTest::newRow("best of five") << qint64(4) << qint64(5) << 5;
        QTest::newRow("fourth of five") << qint64(3) << qint64(5) << 4;
        // 60 % tied at the bottom: the next value starts at 1 + 5 × 6 / 10 = 4.
        QTest::newRow("after a 60% tie") << qint64(6) << qint64(10) << 4;
        QTest::newRow("seven") << qint64(5) << qint64(7) << 4;          // 1 + 25/7 = 1 + 3
        QTest::newRow("million") << qint64(799'999) << qint64(1'000'000) << 4;
        QTest::newRow("million, top fifth") << qint64(800'000) << qint64(1'000'000) << 5;
        QTest::newRow("nobody") << qint64(0) << qint64(0) << 0;
    }

    void score()
    {
        QFETCH(qint64, below);
        QFETCH(qint64, population);
        QFETCH(int, expected);
        QCOMPARE(Rfm::score(below, population), expected);
    }

    void segmentFor_data()
    {
        QTest::addColumn<int>("r");
        QTest::addColumn<int>("f");
        QTest::addColumn<int>("m");
        QTest::addColumn<QString>("segment");
        QTest::newRow("555") << 5 << 5 << 5 << QStringLiteral("best");
        QTest::newRow("554") << 5 << 5 << 4 << QStringLiteral("loyal");
        QTest::newRow("441") << 4 << 4 << 1 << QStringLiteral("loyal");
        QTest::newRow("315") << 3 << 1 << 5 << QStringLiteral("big_spenders");
        // Big spenders is tried before new buyers.
        QTest::newRow("515") << 5 << 1 << 5 << QStringLiteral("big_spenders");
        QTest::newRow("512") << 5 << 1 << 2 << QStringLiteral("new");
        QTest::newRow("423") << 4 << 2 << 3 << QStringLiteral("promising");
        QTest::newRow("344") << 3 << 4 << 4 << QStringLiteral("needs_attention");
        QTest::newRow("251") << 2 << 5 << 1 << QStringLiteral("at_risk");
        QTest::newRow("214") << 2 << 1 << 4 << QStringLiteral("at_risk");
        QTest::newRow("233") << 2 << 3 << 3 << QStringLiteral("hibernating");
        QTest::newRow("155") << 1 << 5 << 5 << QStringLiteral("lost");
        QTest::newRow("111") << 1 << 1 << 1 << QStringLiteral("lost");
    }

    void segmentFor()
    {
        QFETCH(int, r);
        QFETCH(int, f);
        QFETCH(int, m);
        QFETCH(QString, segment);
        QCOMPARE(Rfm::segmentFor(r, f, m), segment);
        QVERIFY(!Rfm::segmentName(segment).isEmpty());
        QVERIFY(!Rfm::segmentDescription(segment).isEmpty());
    }

    // Every one of the 125 score triples falls in a named segment.
    void everyScoreHasASegment()
    {
        for (int r = 1; r <= 5; ++r) {
            for (int f = 1; f <= 5; ++f) {
                for (int m = 1; m <= 5; ++m) {
                    QVERIFY(Rfm::segmentCodes().contains(Rfm::segmentFor(r, f, m)));
                }
            }
        }
        QCOMPARE(Rfm::segmentCodes().size(), 9);
    }

    // Ten customers with ties in every measure; the expectations are worked out by hand
    // below, and the stored (set-based SQL) and live (one customer) scores must both agree.
    void recomputeScoresWithTies()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        SqlFixture f(test->db());
        QList<qint64> c;
        for (int i = 0; i <= 12; ++i) {
            c << addCustomer(f, QStringLiteral("C%1").arg(i));
        }
        // c0 has nothing; c11 only a cancelled invoice; c12 only one in euros: none is scored.
        addInvoice(f, c[11], 3, 999'999, QStringLiteral("GBP"), QStringLiteral("cancelled"));
        addInvoice(f, c[12], 3, 999'999, QStringLiteral("EUR"));
        // (days before the as-of day of each invoice, total) — the last invoice is the first listed.
        addInvoice(f, c[1], 0, 50'000);
        addInvoice(f, c[1], 1, 5'000'000, QStringLiteral("GBP"), QStringLiteral("cancelled")); // left out
        addInvoice(f, c[2], 10, 50'000);
        addInvoice(f, c[2], 2, 70'000, QStringLiteral("EUR")); // another currency: left out
        addInvoice(f, c[3], 10, 20'000);
        addInvoice(f, c[4], 400, 900'000);
        addInvoice(f, c[5], 30, 30'000);
        addInvoice(f, c[5], 60, 30'000);
        addInvoice(f, c[6], 30, 10'000);
        addInvoice(f, c[6], 90, 10'000);
        for (int i = 0; i < 3; ++i) {
            addInvoice(f, c[7], 100 + i * 50, 100'000);
            addInvoice(f, c[8], 200 + i * 50, 5'000);
        }
        for (int i = 0; i < 4; ++i) {
            addInvoice(f, c[9], 5 + i * 20, 250'000);
        }
        for (int i = 0; i < 5; ++i) {
            addInvoice(f, c[10], 700 + i * 30, 100'000);
        }
        addInvoice(f, c[10], -5, 100'000); // after the as-of day: left out
        QVERIFY2(f.ok(), qPrintable(f.error()));

        // N = 10 scored. score = 1 + floor(5 × below / 10), below = customers strictly worse.
        // Recency days: c1 0, c9 5, c2 10, c3 10, c5 30, c6 30, c7 100, c8 200, c4 400, c10 700.
        //   c10: below 0 → 1; c4: 1 → 1 + 5/10 = 1; c8: 2 → 2; c7: 3 → 1 + 15/10 = 2;
        //   c5, c6: 4 → 3; c2, c3: 6 → 4; c9: 8 → 5; c1: 9 → 5.
        // Frequency: c1–c4 1, c5–c6 2, c7–c8 3, c9 4, c10 5.
        //   1: below 0 → 1; 2: below 4 → 3; 3: below 6 → 4; 4: below 8 → 5; 5: below 9 → 5.
        // Monetary: c8 15,000; c3, c6 20,000; c1, c2 50,000; c5 60,000; c7 300,000;
        //   c10 500,000; c4 900,000; c9 1,000,000.
        //   c8: 0 → 1; c3, c6: 1 → 1; c1, c2: 3 → 2; c5: 5 → 3; c7: 6 → 4; c10: 7 → 4;
        //   c4: 8 → 5; c9: 9 → 5.
        const QList<Expected> expected = {
            {0, 1, 50'000, 5, 1, 2, "new"},                  // c1
            {10, 1, 50'000, 4, 1, 2, "new"},                 // c2
            {10, 1, 20'000, 4, 1, 1, "new"},                 // c3
            {400, 1, 900'000, 1, 1, 5, "lost"},              // c4: big, but R 1
            {30, 2, 60'000, 3, 3, 3, "needs_attention"},     // c5
            {30, 2, 20'000, 3, 3, 1, "needs_attention"},     // c6
            {100, 3, 300'000, 2, 4, 4, "at_risk"},           // c7
            {200, 3, 15'000, 2, 4, 1, "at_risk"},            // c8: F 4 is enough
            {5, 4, 1'000'000, 5, 5, 5, "best"},              // c9
            {700, 5, 500'000, 1, 5, 4, "lost"},              // c10
        };

        Transaction transaction(test->db().connection());
        auto scored = Rfm(test->db()).recompute(AsOf{kAsOf}, QStringLiteral("GBP"));
        QVERIFY2(scored.ok(), qPrintable(scored.ok() ? QString() : scored.error().fullText()));
        QVERIFY(transaction.commit().ok());
        QCOMPARE(*scored, qint64(10));

        Rfm rfm(test->db());
        for (int i = 1; i <= 10; ++i) {
            const Expected &e = expected.at(i - 1);
            auto stored = rfm.stored(c[i]);
            QVERIFY(stored.ok());
            QVERIFY2(stored->has_value(), qPrintable(QStringLiteral("c%1").arg(i)));
            auto live = rfm.live(c[i], AsOf{kAsOf}, QStringLiteral("GBP"));
            QVERIFY(live.ok());
            QVERIFY(live->has_value());
            for (const RfmScore &s : {**stored, **live}) {
                const QString who = QStringLiteral("c%1 %2").arg(i).arg(s.scoreText());
                QCOMPARE(s.asOf, kAsOf);
                QVERIFY2(s.recencyDays == e.recencyDays, qPrintable(who));
                QVERIFY2(s.frequency == e.frequency, qPrintable(who));
                QVERIFY2(s.monetaryMinor == e.monetary, qPrintable(who));
                QVERIFY2(s.r == e.r && s.f == e.f && s.m == e.m, qPrintable(who));
                QCOMPARE(s.segment, QString::fromLatin1(e.segment));
            }
        }
        for (const int i : {0, 11, 12}) {
            auto stored = rfm.stored(c[i]);
            QVERIFY(stored.ok());
            QVERIFY(!stored->has_value());
            auto live = rfm.live(c[i], AsOf{kAsOf}, QStringLiteral("GBP"));
            QVERIFY(live.ok());
            QVERIFY(!live->has_value());
        }
    }

    // Equal values always share a score, whatever their number; a later recompute replaces
    // every row (a customer who stops qualifying loses their row).
    void everybodyTiedAndRecomputeReplaces()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        SqlFixture f(test->db());
        QList<qint64> c;
        for (int i = 0; i < 7; ++i) {
            c << addCustomer(f, QStringLiteral("T%1").arg(i));
            addInvoice(f, c.last(), 20, 10'000);
        }
        QVERIFY2(f.ok(), qPrintable(f.error()));
        Rfm rfm(test->db());
        {
            Transaction transaction(test->db().connection());
            QCOMPARE(*rfm.recompute(AsOf{kAsOf}, QStringLiteral("GBP")), qint64(7));
            QVERIFY(transaction.commit().ok());
        }
        for (const qint64 id : std::as_const(c)) {
            const RfmScore s = **rfm.stored(id);
            // Nobody is strictly worse than anybody: below = 0 for all, score 1.
            QCOMPARE(s.scoreText(), QStringLiteral("1-1-1"));
            QCOMPARE(s.recencyDays, qint64(20));
        }
        // As of 21 days earlier, the invoices lie in the future: nobody is scored.
        {
            Transaction transaction(test->db().connection());
            QCOMPARE(*rfm.recompute(AsOf{kAsOf.addDays(-21)}, QStringLiteral("GBP")), qint64(0));
            QVERIFY(transaction.commit().ok());
        }
        QVERIFY(!rfm.stored(c.first())->has_value());
    }
};

QTEST_GUILESS_MAIN(TestRfm)
#include "tst_rfm.moc"
