#include "database.h"
#include "overviewfixture.h"
#include "rfm.h"
#include "segmentstore.h"
#include "sqlfixture.h"
#include "sql.h"
#include "testdatabase.h"

#include <QTest>

using namespace Gavel::Models;
using Gavel::Tests::OverviewFixture;

namespace {

QString errorText(const Error &error)
{
    return error.fullText();
}

} // namespace

// The house of tests/support/overviewfixture.cpp; the memberships are worked out below.
class TestSegmentStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QString why;
        m_test = Gavel::Tests::TestDatabase::create(&why);
        if (!m_test) {
            if (Gavel::Tests::testEngine() == Engine::Postgres && !Gavel::Tests::TestDatabase::postgresRequired()) {
                QSKIP(qPrintable(QStringLiteral("SKIPPED ON POSTGRESQL: ") + why));
            }
            QFAIL(qPrintable(why));
        }
        const QString error = m_fixture.build(m_test->db());
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void cleanup() { m_test.reset(); }

    void defaultsAreCreatedOnce()
    {
        SegmentStore store(m_test->db());
        QVERIFY(store.ensureDefaults().ok());
        QVERIFY(store.ensureDefaults().ok());
        auto all = store.all();
        QVERIFY(all.ok());
        // 9 RFM segments, lapsed buyers, top consignors, and one per department (3).
        QCOMPARE(all->size(), 14);
        auto om = store.byCode(QStringLiteral("buyers_OM"));
        QVERIFY(om.ok() && om->has_value());
        QCOMPARE((*om)->name, QStringLiteral("Old Masters buyers"));
        QVERIFY((*om)->rule.contains(QStringLiteral("department_buyer")));
    }

    void recomputeAsOfTheFixtureDay()
    {
        SegmentStore store(m_test->db());
        QList<qint64> progress;
        auto summary = store.recompute(AsOf{OverviewFixture::asOf()}, [&](qint64 done, qint64 total, const QString &) {
            progress << done;
            return done <= total;
        });
        QVERIFY2(summary.ok(), qPrintable(summary.ok() ? QString() : errorText(summary.error())));
        // Scored: A and B, the two customers with pound invoices.
        QCOMPARE(summary->customersScored, qint64(2));
        QCOMPARE(summary->segments, 14);
        QCOMPARE(progress.first(), qint64(0));
        QCOMPARE(progress.last(), qint64(15));

        // A: RFM 3-3-3 (see tst_metricsstore) → needs attention. Top consignor: A's sold
        //   consigned hammer 80,000 (L7) against B's 50,000 (L2): A is first; B, second of
        //   2, is in only if 2 × 100 ≤ 10 × 2: no. Department buyers (sales since
        //   2021-07-01): OM buyers A (L1) and B (L2, L7); JW buyers A (L3, L12).
        // B: RFM 1-1-1 → lost; last invoice 476 days ago: not lapsed (> 730).
        QCOMPARE(codesOf(m_fixture.a),
                 (QStringList{QStringLiteral("buyers_JW"), QStringLiteral("buyers_OM"),
                              QStringLiteral("rfm_needs_attention"), QStringLiteral("top_consignors")}));
        QCOMPARE(codesOf(m_fixture.b), (QStringList{QStringLiteral("buyers_OM"), QStringLiteral("rfm_lost")}));
        QVERIFY(codesOf(m_fixture.empty).isEmpty());
        auto rfm = Rfm(m_test->db()).stored(m_fixture.a);
        QVERIFY(rfm.ok() && rfm->has_value());
        QCOMPARE((*rfm)->scoreText(), QStringLiteral("3-3-3"));
        QCOMPARE(summary->memberships, qint64(6));
        auto segment = store.byCode(QStringLiteral("lapsed_buyers"));
        QVERIFY((*segment)->computedAt.isValid());
    }

    // Two years on: both have lapsed, the Old Masters sale of 2023 falls out of the three
    // years, and those who stay keep the day they joined.
    void recomputeLaterKeepsSinceOfThoseWhoStay()
    {
        SegmentStore store(m_test->db());
        QVERIFY(store.recompute(AsOf{OverviewFixture::asOf()}).ok());
        // Mark every membership as old, to see which survive untouched.
        QVERIFY(Sql::exec(m_test->db().connection(), QStringLiteral("UPDATE segment_members SET since = 1000"), {},
                          QStringLiteral("test"))
                    .ok());

        auto summary = store.recompute(AsOf{QDate(2026, 8, 1)});
        QVERIFY2(summary.ok(), qPrintable(summary.ok() ? QString() : errorText(summary.error())));
        // As of 2026-08-01, A's last invoice is INV6 of 2024-07-05 (757 days), B's INV-B of
        // 2023-03-12 (1,238 days): both lapsed (> 730). RFM: A beats B on all three → 3-3-3
        // needs attention (A: 4 invoices, 494,500), B 1-1-1 lost. Department buyers since
        // 2023-08-03: JW (S2, 2024) A; OM none (S1 was in 2023-03). Top consignor: A.
        QCOMPARE(codesOf(m_fixture.a),
                 (QStringList{QStringLiteral("buyers_JW"), QStringLiteral("lapsed_buyers"),
                              QStringLiteral("rfm_needs_attention"), QStringLiteral("top_consignors")}));
        QCOMPARE(codesOf(m_fixture.b), (QStringList{QStringLiteral("lapsed_buyers"), QStringLiteral("rfm_lost")}));
        QCOMPARE(sinceOf(m_fixture.a, QStringLiteral("buyers_JW")), qint64(1000));
        QCOMPARE(sinceOf(m_fixture.b, QStringLiteral("rfm_lost")), qint64(1000));
        QVERIFY(sinceOf(m_fixture.a, QStringLiteral("lapsed_buyers")) > 1000);
        auto rfm = Rfm(m_test->db()).stored(m_fixture.a);
        QCOMPARE((*rfm)->recencyDays, qint64(757));
        QCOMPARE((*rfm)->frequency, qint64(4));
    }

    void cancellingChangesNothing()
    {
        SegmentStore store(m_test->db());
        QVERIFY(store.recompute(AsOf{OverviewFixture::asOf()}).ok());
        const QStringList before = codesOf(m_fixture.a);
        auto cancelled = store.recompute(AsOf{QDate(2026, 8, 1)}, [](qint64 done, qint64, const QString &) {
            return done < 3; // stop at the third segment, after RFM was rewritten
        });
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.error().kind, ErrorKind::Cancelled);
        QCOMPARE(codesOf(m_fixture.a), before);
        QCOMPARE((*Rfm(m_test->db()).stored(m_fixture.a))->recencyDays, qint64(36));
    }

    void aBrokenRuleIsNamedAndChangesNothing()
    {
        Gavel::Tests::SqlFixture f(m_test->db());
        f.run(QStringLiteral("INSERT INTO segments (uuid, code, name, rule, updated_at, updated_by) VALUES"
                             " ('u-broken', 'broken', 'Autumn prospects', '{\"kind\": \"astrology\"}', 0, 'test')"));
        QVERIFY2(f.ok(), qPrintable(f.error()));
        auto result = SegmentStore(m_test->db()).recompute(AsOf{OverviewFixture::asOf()});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, ErrorKind::Invalid);
        QVERIFY2(result.error().message.contains(QStringLiteral("Autumn prospects")), qPrintable(result.error().message));
        QVERIFY(result.error().message.contains(QStringLiteral("astrology")));
        QVERIFY(!Rfm(m_test->db()).stored(m_fixture.a)->has_value());
        QVERIFY(codesOf(m_fixture.a).isEmpty());
    }

private:
    QStringList codesOf(qint64 customerId)
    {
        auto memberships = SegmentStore(m_test->db()).forCustomer(customerId);
        if (!memberships) {
            return {errorText(memberships.error())};
        }
        QStringList codes;
        for (const SegmentMembership &membership : std::as_const(*memberships)) {
            codes << membership.segment.code;
        }
        codes.sort();
        return codes;
    }

    qint64 sinceOf(qint64 customerId, const QString &code)
    {
        auto memberships = SegmentStore(m_test->db()).forCustomer(customerId);
        for (const SegmentMembership &membership : std::as_const(*memberships)) {
            if (membership.segment.code == code) {
                return membership.since.toSecsSinceEpoch();
            }
        }
        return -1;
    }

    std::unique_ptr<Gavel::Tests::TestDatabase> m_test;
    OverviewFixture m_fixture;
};

QTEST_GUILESS_MAIN(TestSegmentStore)
#include "tst_segmentstore.moc"
