#include "customeroverview.h"
#include "database.h"
#include "metricsstore.h"
#include "overviewfixture.h"
#include "profileexporter.h"
#include "profilesections.h"
#include "testdatabase.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Gavel::Models;
using Gavel::Tests::OverviewFixture;

namespace {

const QString kGbp = QStringLiteral("GBP");

QJsonObject gbp(qint64 minor)
{
    return {{QStringLiteral("minor"), minor}, {QStringLiteral("currency"), kGbp}};
}

} // namespace

// The expected figures are worked out by hand in tests/support/overviewfixture.cpp.
class TestMetricsStore : public QObject
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

    void keyMetricsForAllDepartments()
    {
        const auto metrics = keyMetrics(m_fixture.a);
        const KeyMetrics &all = metrics.at(MetricsStore::kAllDepartments);
        QCOMPARE(all.totalSpentMinor, std::optional<qint64>(437'500));
        QCOMPARE(all.lotsWon, std::optional<qint64>(4));
        QCOMPARE(all.bidsPlaced, std::optional<qint64>(8));
        QCOMPARE(all.lotsBidOn, qint64(5));
        QCOMPARE(all.lotsBidOnAndWon, qint64(2));
        QCOMPARE(all.winRate, std::optional<double>(0.4));
        QCOMPARE(all.averageHammerMinor, std::optional<qint64>(87'500));
        QCOMPARE(all.salesParticipated, std::optional<qint64>(3));
        QCOMPARE(all.lotsConsigned, std::optional<qint64>(3));
        QCOMPARE(all.consignedSoldMinor, std::optional<qint64>(80'000));
        QCOMPARE(all.emailsReceived, qint64(3));
        QCOMPARE(all.emailsOpened, qint64(2));
        QVERIFY(all.emailEngagement.has_value());
        QCOMPARE(*all.emailEngagement, 2.0 / 3.0);
    }

    void keyMetricsPerDepartment()
    {
        const auto metrics = keyMetrics(m_fixture.a);
        const KeyMetrics &om = metrics.at(m_fixture.oldMasters);
        QCOMPARE(om.totalSpentMinor, std::optional<qint64>(125'000));
        QCOMPARE(om.lotsWon, std::optional<qint64>(1));
        QCOMPARE(om.bidsPlaced, std::optional<qint64>(4));
        QCOMPARE(om.lotsBidOn, qint64(3));
        QCOMPARE(*om.winRate, 1.0 / 3.0);
        QCOMPARE(om.averageHammerMinor, std::optional<qint64>(100'000));
        QCOMPARE(om.salesParticipated, std::optional<qint64>(1));
        QCOMPARE(om.lotsConsigned, std::optional<qint64>(1));
        QCOMPARE(om.consignedSoldMinor, std::optional<qint64>(80'000));
        QCOMPARE(om.emailEngagement, std::optional<double>(1.0));

        const KeyMetrics &jw = metrics.at(m_fixture.jewellery);
        QCOMPARE(jw.totalSpentMinor, std::optional<qint64>(275'000));
        QCOMPARE(jw.lotsWon, std::optional<qint64>(2));
        QCOMPARE(jw.bidsPlaced, std::optional<qint64>(4));
        QCOMPARE(jw.winRate, std::optional<double>(0.5));
        QCOMPARE(jw.averageHammerMinor, std::optional<qint64>(110'000));
        QCOMPARE(jw.salesParticipated, std::optional<qint64>(1));
        QCOMPARE(jw.lotsConsigned, std::optional<qint64>(1));
        // Consigned, none sold: a real zero, not "—".
        QCOMPARE(jw.consignedSoldMinor, std::optional<qint64>(0));
        QCOMPARE(jw.emailEngagement, std::optional<double>(0.0));

        // Nothing at all in Wine.
        QVERIFY(metrics.find(m_fixture.wine) == metrics.end());
    }

    // The empty customer: every one of the nine figures is empty, none a zero.
    void emptyCustomerHasNoFigures()
    {
        const auto metrics = keyMetrics(m_fixture.empty);
        QCOMPARE(metrics.size(), std::size_t(1));
        const KeyMetrics &all = metrics.at(MetricsStore::kAllDepartments);
        QVERIFY(!all.totalSpentMinor);
        QVERIFY(!all.lotsWon);
        QVERIFY(!all.bidsPlaced);
        QVERIFY(!all.winRate);
        QVERIFY(!all.averageHammerMinor);
        QVERIFY(!all.salesParticipated);
        QVERIFY(!all.lotsConsigned);
        QVERIFY(!all.consignedSoldMinor);
        QVERIFY(!all.emailEngagement);

        MetricsStore store(m_test->db());
        const AsOf asOf{OverviewFixture::asOf()};
        auto purchases = store.purchaseMetrics(m_fixture.empty, asOf, kGbp);
        QVERIFY(purchases.ok());
        QCOMPARE(purchases->invoiceCount, qint64(0));
        QVERIFY(!purchases->firstInvoice.isValid());
        QVERIFY(!purchases->totalMinor && !purchases->averageInvoiceMinor && !purchases->averageLotsPerInvoice);
        QVERIFY(!purchases->daysSinceRegistration); // never registered
        auto loyalty = store.loyalty(m_fixture.empty, asOf, kGbp);
        QVERIFY(loyalty.ok());
        QVERIFY(!loyalty->hasLedger);
        auto spend = store.spendByYear(m_fixture.empty, asOf, kGbp);
        QVERIFY(spend.ok());
        QVERIFY(spend->isEmpty());
    }

    void purchaseMetrics()
    {
        auto p = MetricsStore(m_test->db()).purchaseMetrics(m_fixture.a, AsOf{OverviewFixture::asOf()}, kGbp);
        QVERIFY(p.ok());
        QCOMPARE(p->invoiceCount, qint64(3));
        QCOMPARE(p->firstInvoice, QDate(2023, 3, 12));
        QCOMPARE(p->lastInvoice, QDate(2024, 5, 25));
        QCOMPARE(p->daysSinceFirst, std::optional<qint64>(476));
        QCOMPARE(p->daysSinceLast, std::optional<qint64>(36));
        QCOMPARE(p->totalMinor, std::optional<qint64>(439'500));
        QCOMPARE(p->lastInvoiceTotalMinor, std::optional<qint64>(37'500));
        QCOMPARE(p->averageInvoiceMinor, std::optional<qint64>(146'500));
        QCOMPARE(*p->averageLotsPerInvoice, 4.0 / 3.0);
        QCOMPARE(p->daysSinceRegistration, std::optional<qint64>(1642));
        QCOMPARE(p->otherCurrencyInvoices, qint64(1));
    }

    void loyaltyBalances()
    {
        auto l = MetricsStore(m_test->db()).loyalty(m_fixture.a, AsOf{OverviewFixture::asOf()}, kGbp);
        QVERIFY(l.ok());
        QVERIFY(l->hasLedger);
        QCOMPARE(l->activeMinor, qint64(13'000));
        QCOMPARE(l->pendingActivationMinor, qint64(5'000));
        QCOMPARE(l->pendingExpiryMinor, qint64(13'000));
        QCOMPARE(l->nearestExpiry, QDate(2024, 12, 31));
        QCOMPARE(l->nearestExpiryMinor, qint64(10'000));

        // A day after the 5,000 became active (2024-07-16), with nothing else changed but
        // the 7,000 of 2 July (active, expiring 2024-08-01, now the nearest):
        // active 13,000 + 5,000 + 7,000 = 25,000; to expire 10,000 + 4,000 + 5,000 + 7,000 =
        // 26,000, at most the active 25,000.
        auto later = MetricsStore(m_test->db()).loyalty(m_fixture.a, AsOf{QDate(2024, 7, 16)}, kGbp);
        QVERIFY(later.ok());
        QCOMPARE(later->activeMinor, qint64(25'000));
        QCOMPARE(later->pendingActivationMinor, qint64(0));
        QCOMPARE(later->pendingExpiryMinor, qint64(25'000));
        QCOMPARE(later->nearestExpiry, QDate(2024, 8, 1));
        QCOMPARE(later->nearestExpiryMinor, qint64(7'000));
    }

    void spendByYear()
    {
        auto spend = MetricsStore(m_test->db()).spendByYear(m_fixture.a, AsOf{OverviewFixture::asOf()}, kGbp);
        QVERIFY(spend.ok());
        // 2023: the delivery line (no lot, 0) and L1 (OM 125,000); 2024: L5 (no department,
        // 37,500) and L3 + L12 (JW 250,000 + 25,000).
        QCOMPARE(spend->size(), 4);
        const QList<QList<qint64>> expected = {
            {2023, 0, 0},
            {2023, m_fixture.oldMasters, 125'000},
            {2024, 0, 37'500},
            {2024, m_fixture.jewellery, 275'000},
        };
        for (int i = 0; i < spend->size(); ++i) {
            const SpendPoint &point = spend->at(i);
            QCOMPARE((QList<qint64>{point.year, point.departmentId, point.amountMinor}), expected.at(i));
        }
    }

    void departmentsInTheHousesOrder()
    {
        auto departments = MetricsStore(m_test->db()).departments();
        QVERIFY(departments.ok());
        QCOMPARE(departments->size(), 3);
        QCOMPARE(departments->at(0).name, QStringLiteral("Old Masters"));
        QCOMPARE(departments->at(1).code, QStringLiteral("JW"));
        QCOMPARE(departments->at(2).color, QStringLiteral("#d62728"));
    }

    // The export's "overview" section carries the same figures, as of --as-of, with nulls
    // where the profile shows "—".
    void exportSection()
    {
        const QJsonObject overview = exportedOverview(QStringLiteral("C-1001"));
        QCOMPARE(overview[u"asOf"].toString(), QStringLiteral("2024-06-30"));
        QCOMPARE(overview[u"currency"].toString(), kGbp);
        const QJsonArray metrics = overview[u"keyMetrics"].toArray();
        QCOMPARE(metrics.size(), 4); // all, OM, JW, WN
        QVERIFY(metrics[0].toObject()[u"department"].isNull());
        QCOMPARE(metrics[0].toObject()[u"totalSpent"].toObject(), gbp(437'500));
        QCOMPARE(metrics[0].toObject()[u"winRate"].toDouble(), 0.4);
        QCOMPARE(metrics[1].toObject()[u"department"].toString(), QStringLiteral("Old Masters"));
        QCOMPARE(metrics[1].toObject()[u"bidsPlaced"].toInt(), 4);
        QCOMPARE(metrics[2].toObject()[u"consignedSold"].toObject(), gbp(0));
        QCOMPARE(metrics[3].toObject()[u"department"].toString(), QStringLiteral("Wine"));
        QVERIFY(metrics[3].toObject()[u"lotsWon"].isNull());
        QVERIFY(metrics[3].toObject()[u"winRate"].isNull());

        const QJsonObject purchases = overview[u"purchases"].toObject();
        QCOMPARE(purchases[u"invoiceCount"].toInt(), 3);
        QCOMPARE(purchases[u"firstInvoiceDate"].toString(), QStringLiteral("2023-03-12"));
        QCOMPARE(purchases[u"daysSinceLastInvoice"].toInt(), 36);
        QCOMPARE(purchases[u"averageInvoice"].toObject(), gbp(146'500));
        QCOMPARE(purchases[u"otherCurrencyInvoices"].toInt(), 1);

        // Only A has invoices in the house currency besides B: with two customers scored,
        // A (36 days, 3 invoices, 439,500) beats B (476 days, 1, 62,500) on every measure:
        // below = 1 of 2 → 1 + 5/2 = 3 each; B gets 1 + 0 = 1 each.
        const QJsonObject rfm = overview[u"rfm"].toObject();
        QCOMPARE(rfm[u"score"].toString(), QStringLiteral("3-3-3"));
        QCOMPARE(rfm[u"segment"].toString(), QStringLiteral("needs_attention"));
        QCOMPARE(rfm[u"recencyDays"].toInt(), 36);
        QCOMPARE(rfm[u"asOf"].toString(), QStringLiteral("2024-06-30"));
        QVERIFY(overview[u"rfmLastRecalculation"].isNull()); // never recalculated

        const QJsonObject loyalty = overview[u"loyalty"].toObject();
        QCOMPARE(loyalty[u"active"].toObject(), gbp(13'000));
        QCOMPARE(loyalty[u"nearestExpiryDate"].toString(), QStringLiteral("2024-12-31"));
        QCOMPARE(overview[u"spendByYear"].toArray().size(), 4);
        QCOMPARE(overview[u"spendByYear"].toArray()[1].toObject()[u"department"].toString(),
                 QStringLiteral("Old Masters"));
    }

    void exportSectionOfTheEmptyCustomer()
    {
        const QJsonObject overview = exportedOverview(QStringLiteral("C-3003"));
        const QJsonObject all = overview[u"keyMetrics"].toArray()[0].toObject();
        for (const char *key : {"totalSpent", "lotsWon", "bidsPlaced", "winRate", "averageHammer", "salesParticipated",
                                "lotsConsigned", "consignedSold", "emailEngagement"}) {
            QVERIFY2(all[QLatin1String(key)].isNull(), key);
        }
        QVERIFY(overview[u"rfm"].isNull());
        QVERIFY(overview[u"purchases"].toObject()[u"total"].isNull());
        QVERIFY(overview[u"loyalty"].toObject()[u"active"].isNull());
        QVERIFY(overview[u"spendByYear"].toArray().isEmpty());
    }

private:
    std::map<qint64, KeyMetrics> keyMetrics(qint64 customerId)
    {
        auto metrics = MetricsStore(m_test->db()).keyMetrics(customerId, AsOf{OverviewFixture::asOf()}, kGbp);
        if (!metrics) {
            qWarning("%s", qPrintable(metrics.error().fullText()));
            return {};
        }
        return *metrics;
    }

    QJsonObject exportedOverview(const QString &customerNo)
    {
        ProfileExporter exporter(m_test->db());
        addProfileSections(exporter);
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        ExportOptions options;
        options.asOf = OverviewFixture::asOf();
        const Status status = exporter.exportJson(customerNo, buffer, options);
        if (!status) {
            qWarning("%s", qPrintable(status.error().fullText()));
            return {};
        }
        return QJsonDocument::fromJson(buffer.data()).object()[u"overview"].toObject();
    }

    std::unique_ptr<Gavel::Tests::TestDatabase> m_test;
    OverviewFixture m_fixture;
};

QTEST_GUILESS_MAIN(TestMetricsStore)
#include "tst_metricsstore.moc"
