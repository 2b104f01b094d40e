#include "customertagstore.h"
#include "eventkind.h"
#include "interestfixture.h"
#include "interestmodel.h"
#include "settingsstore.h"
#include "sqlfixture.h"
#include "testdatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Gavel;
using Models::InterestModel;
using Models::InterestSignal;
using Tests::InterestFixture;

// The interest model on the house of tests/support/interestfixture.cpp, whose comments work
// out every figure below by hand.
class TestInterestModel : public QObject
{
    Q_OBJECT

private:
    static int count(const Models::SignalCounts &counts, InterestSignal signal)
    {
        return counts[static_cast<std::size_t>(signal)];
    }

    static const Models::CategoryInterest *category(const Models::DepartmentInterest &department, qint64 id)
    {
        for (const Models::CategoryInterest &c : department.categories) {
            if (c.categoryId == id) {
                return &c;
            }
        }
        return nullptr;
    }

private Q_SLOTS:
    void decayHalvesEveryHalfLife_data()
    {
        QTest::addColumn<qint64>("ageSeconds");
        QTest::addColumn<double>("expected");
        const qint64 day = InterestFixture::kDay;
        QTest::newRow("now") << qint64(0) << 1.0;
        QTest::newRow("one half-life") << 365 * day << 0.5;
        QTest::newRow("two half-lives") << 730 * day << 0.25;
        QTest::newRow("half a half-life") << qint64(182.5 * day) << 1.0 / std::sqrt(2.0);
        QTest::newRow("future counts as now") << -day << 1.0;
    }

    void decayHalvesEveryHalfLife()
    {
        QFETCH(qint64, ageSeconds);
        QFETCH(double, expected);
        QVERIFY2(std::abs(InterestModel::decay(ageSeconds) - expected) < 1e-12,
                 qPrintable(QString::number(InterestModel::decay(ageSeconds), 'g', 17)));
    }

    void scoresPerDepartmentAndCategory()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        InterestFixture fixture;
        const QString error = fixture.build(test->db());
        QVERIFY2(error.isEmpty(), qPrintable(error));

        auto interests = InterestModel::compute(test->db(), fixture.a, InterestFixture::asOf());
        QVERIFY2(interests.ok(), qPrintable(interests.ok() ? QString() : interests.error().fullText()));
        QCOMPARE(interests->asOf, InterestFixture::asOf());
        QCOMPARE(interests->currency, QStringLiteral("GBP"));
        QCOMPARE(interests->departments.size(), 2);
        QVERIFY(qFuzzyCompare(interests->totalScore, 15.75));

        const Models::DepartmentInterest &om = interests->departments[0];
        QCOMPARE(om.code, QStringLiteral("OM"));
        QVERIFY(qFuzzyCompare(om.score, 12.5));
        QCOMPARE(om.lotsBid, 2);
        QCOMPARE(om.lotsWon, 1);
        QCOMPARE(om.spentMinor, 125'000);
        QCOMPARE(om.categories.size(), 3);
        // Strongest first: Paintings 7.5, Other 3, Drawings 2.
        QCOMPARE(om.categories[0].categoryId, fixture.paintings);
        QCOMPARE(om.categories[1].categoryId, 0);
        QCOMPARE(om.categories[1].name, QStringLiteral("Other"));
        QCOMPARE(om.categories[2].categoryId, fixture.drawings);

        const Models::CategoryInterest *paintings = category(om, fixture.paintings);
        QVERIFY(qFuzzyCompare(paintings->score, 7.5));
        QCOMPARE(count(paintings->counts, InterestSignal::Win), 1);
        QCOMPARE(count(paintings->counts, InterestSignal::Bid), 1); // two bids on one lot
        QCOMPARE(count(paintings->counts, InterestSignal::View), 1);
        QCOMPARE(count(paintings->counts, InterestSignal::Click), 0);
        QCOMPARE(paintings->lotsBid, 1);
        QCOMPARE(paintings->lotsWon, 1);
        QCOMPARE(paintings->spentMinor, 125'000);

        const Models::CategoryInterest *drawings = category(om, fixture.drawings);
        QVERIFY(qFuzzyCompare(drawings->score, 2.0));
        QCOMPARE(count(drawings->counts, InterestSignal::Click), 1);
        QCOMPARE(drawings->lotsWon, 0); // B bought it
        QCOMPARE(drawings->spentMinor, 0);

        QVERIFY(qFuzzyCompare(category(om, 0)->score, 3.0));
        QCOMPARE(count(category(om, 0)->counts, InterestSignal::Consignment), 1);

        const Models::DepartmentInterest &jw = interests->departments[1];
        QCOMPARE(jw.code, QStringLiteral("JW"));
        QVERIFY(qFuzzyCompare(jw.score, 3.25));
        const Models::CategoryInterest *rings = category(jw, fixture.rings);
        QVERIFY(qFuzzyCompare(rings->score, 3.25));
        QCOMPARE(count(rings->counts, InterestSignal::Wishlist), 1);
        QCOMPARE(count(rings->counts, InterestSignal::Consignment), 1);
        QCOMPARE(count(rings->counts, InterestSignal::View), 1); // the view at the end of the day does not count
        QCOMPARE(count(rings->counts, InterestSignal::Bid), 0);  // the bid after the day does not count
        QCOMPARE(rings->spentMinor, 0);                          // INV2 is cancelled
    }

    void tagWeightsFromTheLotsEngagedWith()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        InterestFixture fixture;
        const QString error = fixture.build(test->db());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        auto interests = InterestModel::compute(test->db(), fixture.a, InterestFixture::asOf());
        QVERIFY(interests.ok());
        QCOMPARE(interests->tags.size(), 3);
        QCOMPARE(interests->tags[0].name, QStringLiteral("Oil"));
        QVERIFY(qFuzzyCompare(interests->tags[0].weight, 7.0));
        QCOMPARE(interests->tags[1].name, QStringLiteral("Portrait"));
        QVERIFY(qFuzzyCompare(interests->tags[1].weight, 5.5));
        QCOMPARE(interests->tags[2].name, QStringLiteral("Gold"));
        QVERIFY(qFuzzyCompare(interests->tags[2].weight, 2.95));

        const Models::DepartmentInterest *om = interests->department(fixture.oldMasters);
        QVERIFY(om);
        QCOMPARE(om->tags.size(), 2);
        QCOMPARE(om->tags[0].name, QStringLiteral("Oil"));
        QVERIFY(qFuzzyCompare(om->tags[1].weight, 5.5));
        const Models::DepartmentInterest *jw = interests->department(fixture.jewellery);
        QCOMPARE(jw->tags.size(), 1);
        QVERIFY(qFuzzyCompare(jw->tags[0].weight, 2.95));

        // Without stored states every tag counts with its derived weight.
        QCOMPARE(interests->preferences.size(), 3);
        for (const Models::TagPreference &preference : std::as_const(interests->preferences)) {
            QVERIFY(!preference.stored);
            QVERIFY(qFuzzyCompare(preference.weight, preference.derivedWeight));
        }
    }

    // Starred × 3, active × 2 with at least 1, removed 0: what the recommender reads.
    void tagPreferencesFollowTheStates()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        InterestFixture fixture;
        const QString error = fixture.build(test->db());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        Models::CustomerTagStore store(test->db());
        QVERIFY(store.setState(fixture.a, fixture.gold, std::nullopt, Models::TagState::Starred).ok());
        QVERIFY(store.setState(fixture.a, fixture.portrait, std::nullopt, Models::TagState::Removed).ok());
        QVERIFY(store.addTyped(fixture.a, QStringLiteral("Bronze")).ok());

        auto interests = InterestModel::compute(test->db(), fixture.a, InterestFixture::asOf());
        QVERIFY(interests.ok());
        QStringList order;
        for (const Models::TagPreference &preference : std::as_const(interests->preferences)) {
            order << preference.name;
        }
        QCOMPARE(order, (QStringList{QStringLiteral("Gold"), QStringLiteral("Oil"), QStringLiteral("Bronze"),
                                     QStringLiteral("Portrait")}));
        QVERIFY(qFuzzyCompare(interests->preferences[0].weight, 3 * 2.95));
        QCOMPARE(interests->preferences[0].state, Models::TagState::Starred);
        QVERIFY(qFuzzyCompare(interests->preferences[1].weight, 7.0));
        QVERIFY(!interests->preferences[1].stored);
        QVERIFY(qFuzzyCompare(interests->preferences[2].weight, 2.0));
        QCOMPARE(interests->preferences[2].derivedWeight, 0.0);
        QCOMPARE(interests->preferences[3].weight, 0.0);
        QCOMPARE(interests->preferences[3].state, Models::TagState::Removed);
    }

    void nothingForTheEmptyCustomerOrBeforeTheSignals()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        InterestFixture fixture;
        const QString error = fixture.build(test->db());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        auto none = InterestModel::compute(test->db(), fixture.empty, InterestFixture::asOf());
        QVERIFY(none.ok());
        QVERIFY(none->departments.isEmpty());
        QVERIFY(none->tags.isEmpty());
        QCOMPARE(none->totalScore, 0.0);
        // Three years earlier nothing of A had happened yet.
        auto early = InterestModel::compute(test->db(), fixture.a, QDate(2021, 6, 30));
        QVERIFY(early.ok());
        QVERIFY(early->departments.isEmpty());
    }

    void deterministicAndExported()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        InterestFixture fixture;
        const QString error = fixture.build(test->db());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        auto first = InterestModel::exportSection(test->db(), fixture.a, InterestFixture::asOf());
        auto second = InterestModel::exportSection(test->db(), fixture.a, InterestFixture::asOf());
        QVERIFY(first.ok() && second.ok());
        QCOMPARE(QJsonDocument(*first).toJson(), QJsonDocument(*second).toJson());
        QCOMPARE(first->value(QStringLiteral("halfLifeDays")).toDouble(), 365.0);
        QCOMPARE(first->value(QStringLiteral("totalScore")).toDouble(), 15.75);
        const QJsonObject om = first->value(QStringLiteral("departments")).toArray().at(0).toObject();
        QCOMPARE(om.value(QStringLiteral("code")).toString(), QStringLiteral("OM"));
        QCOMPARE(om.value(QStringLiteral("score")).toDouble(), 12.5);
        const QJsonObject paintings = om.value(QStringLiteral("categories")).toArray().at(0).toObject();
        QCOMPARE(paintings.value(QStringLiteral("category")).toString(), QStringLiteral("Paintings"));
        QCOMPARE(paintings.value(QStringLiteral("spent")).toObject().value(QStringLiteral("minor")).toInteger(),
                 125'000);
        QCOMPARE(paintings.value(QStringLiteral("counts")).toObject().value(QStringLiteral("wins")).toInt(), 1);
        const QJsonArray tags = first->value(QStringLiteral("tags")).toArray();
        QCOMPARE(tags.size(), 3);
        QCOMPARE(tags.at(0).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("derived"));
        QCOMPARE(first->value(QStringLiteral("recentDays")).toInt(), 30);
        QVERIFY(first->value(QStringLiteral("recentCategories")).isArray());
        // No local ids leave the database.
        QVERIFY(!QJsonDocument(*first).toJson().contains("\"id\""));
    }

    void recentCategoriesAndSatisfaction()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        InterestFixture fixture;
        QString error = fixture.build(test->db());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        error = fixture.addRecent(test->db());
        QVERIFY2(error.isEmpty(), qPrintable(error));

        auto recent = InterestModel::recentCategories(test->db(), fixture.a, InterestFixture::asOf(), 30);
        QVERIFY2(recent.ok(), qPrintable(recent.ok() ? QString() : recent.error().fullText()));
        QCOMPARE(recent->size(), 3);
        const qint64 e = InterestFixture::end();
        const qint64 day = InterestFixture::kDay;
        QCOMPARE(recent->at(0).name, QStringLiteral("Rings"));
        QCOMPARE(recent->at(0).departmentName, QStringLiteral("Jewellery"));
        QCOMPARE(recent->at(0).views, 2);
        QCOMPARE(recent->at(0).firstViewed.toSecsSinceEpoch(), e - 20 * day);
        QCOMPARE(recent->at(0).lastViewed.toSecsSinceEpoch(), e - 10 * day);
        QVERIFY(recent->at(0).satisfied());
        QCOMPARE(recent->at(0).boughtAt.toSecsSinceEpoch(), e - 15 * day);
        QCOMPARE(recent->at(1).name, QStringLiteral("Drawings"));
        QVERIFY(!recent->at(1).satisfied()); // bought before viewing
        QCOMPARE(recent->at(2).name, QStringLiteral("Paintings"));
        QCOMPARE(recent->at(2).views, 1);
        QVERIFY(!recent->at(2).satisfied());

        auto lastDays = InterestModel::recentCategories(test->db(), fixture.a, InterestFixture::asOf(), 4);
        QVERIFY(lastDays.ok());
        QCOMPARE(lastDays->size(), 1);
        QCOMPARE(lastDays->at(0).name, QStringLiteral("Drawings"));

        // B's views never show for A, nor A's for the empty customer.
        auto nothing = InterestModel::recentCategories(test->db(), fixture.empty, InterestFixture::asOf(), 3650);
        QVERIFY(nothing.ok());
        QVERIFY(nothing->isEmpty());
    }

    void atMostTenRecentCategories()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        InterestFixture fixture;
        const QString error = fixture.build(test->db());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        Tests::SqlFixture f(test->db());
        for (int i = 0; i < 12; ++i) {
            const qint64 id =
                f.run(QStringLiteral("INSERT INTO categories (department_id, code, name) VALUES (?, ?, ?) RETURNING id"),
                      {fixture.jewellery, QStringLiteral("X%1").arg(i), QStringLiteral("Extra %1").arg(i, 2, 10, QChar(u'0'))});
            // Extra i viewed i + 1 times.
            for (int v = 0; v <= i; ++v) {
                f.run(QStringLiteral("INSERT INTO events (customer_id, ts, id, kind, ref_id) VALUES (?, ?, ?, ?, ?)"),
                      {fixture.a, InterestFixture::end() - 1000 - v, 1000 + i * 100 + v,
                       int(Models::EventKind::CategoryViewed), id});
            }
        }
        QVERIFY2(f.ok(), qPrintable(f.error()));
        auto recent = InterestModel::recentCategories(test->db(), fixture.a, InterestFixture::asOf(), 30);
        QVERIFY(recent.ok());
        QCOMPARE(recent->size(), InterestModel::kRecentCategoryCount);
        QCOMPARE(recent->first().name, QStringLiteral("Extra 11"));
        QCOMPARE(recent->first().views, 12);
        QCOMPARE(recent->last().name, QStringLiteral("Extra 02"));
    }

    void recentDaysSetting()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        auto days = InterestModel::recentDays(test->db());
        QVERIFY(days.ok());
        QCOMPARE(*days, 30);
        QVERIFY(Models::SettingsStore(test->db()).setValue(InterestModel::RecentDaysKey, QStringLiteral("45")).ok());
        QCOMPARE(*InterestModel::recentDays(test->db()), 45);
        // Something unreadable falls back to the default rather than to no window at all.
        QVERIFY(Models::SettingsStore(test->db()).setValue(InterestModel::RecentDaysKey, QStringLiteral("-3")).ok());
        QCOMPARE(*InterestModel::recentDays(test->db()), 30);
    }
};

QTEST_GUILESS_MAIN(TestInterestModel)
#include "tst_interestmodel.moc"
