// Recommendations read from the database (both engines): the sales to choose from, the lots
// of a sale, a customer's facts, tag states stored in customer_tags changing the ranking,
// similar collectors, the in-memory data of the batch and the evaluation.

#include "demogenerator.h"
#include "eventkind.h"
#include "profileexporter.h"
#include "profilesections.h"
#include "recommendationbatch.h"
#include "recommendationdata.h"
#include "recommendationevaluation.h"
#include "recommendationfixture.h"
#include "recommendationlistmodel.h"
#include "recommendationstore.h"
#include "recommender.h"
#include "roles.h"
#include "sql.h"
#include "testdatabase.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QFile>
#include <QTemporaryDir>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>
#include <QTest>

#include <algorithm>

using namespace Gavel::Models;
using Gavel::Tests::RecommendationFixture;

namespace {

constexpr qint64 kNow = 1'750'000'000;

int rankOf(const RecommendationList &list, qint64 lotId)
{
    for (std::size_t i = 0; i < list.lots.size(); ++i) {
        if (list.lots[i].lotId == lotId) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

const Recommendation *find(const RecommendationList &list, qint64 lotId)
{
    const int rank = rankOf(list, lotId);
    return rank < 0 ? nullptr : &list.lots[static_cast<std::size_t>(rank)];
}

} // namespace

class TestRecommendationStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void salesToChooseFrom();
    void saleLotsLeaveOutWithdrawn();
    void ranksFromHistory();
    void storedTagStatesChangeTheRanking();
    void similarCollectors();
    void leaveOutEngaged();
    void newcomerAndUnknownSale();
    void dataMatchesTheStore();
    void batchAgreesWithSingleRanking();
    void batchAgreesWithSingleRankingOnADemoHouse();
    void interestsFeedTheRanking();
    void exportedWithTheProfile();
    void evaluationHoldsOutPastSales();
    void listModelAndCsv();
    void csvIsFormulaSafeAndSavedWhole();
};

void TestRecommendationStore::salesToChooseFrom()
{
    GAVEL_OPEN_TEST_DATABASE(test);
    RecommendationFixture fx;
    QVERIFY(fx.build(test->db(), kNow).isEmpty());
    RecommendationStore store(test->db());
    auto sales = store.openSales();
    QVERIFY2(sales, sales ? "" : qPrintable(sales.error().fullText()));
    QCOMPARE(sales->size(), std::size_t(2));
    QCOMPARE(sales->at(0).id, fx.upcoming);
    QCOMPARE(sales->at(0).lotCount, 4); // the withdrawn lot does not count
    QCOMPARE(sales->at(1).id, fx.laterSale);
    auto next = store.nextSale(kNow);
    QVERIFY(next);
    QCOMPARE(next->id, fx.upcoming);
    // Once U1 is over, U2 is next; after both, there is none.
    next = store.nextSale(kNow + 20 * 86400);
    QVERIFY(next);
    QCOMPARE(next->id, fx.laterSale);
    next = store.nextSale(kNow + 60 * 86400);
    QVERIFY(!next);
    QCOMPARE(next.error().kind, ErrorKind::NotFound);
    auto byNumber = store.saleByNumber(QStringLiteral("U2"));
    QVERIFY(byNumber && byNumber->has_value());
    QCOMPARE((*byNumber)->id, fx.laterSale);
    byNumber = store.saleByNumber(QStringLiteral("nope"));
    QVERIFY(byNumber && !byNumber->has_value());
}

void TestRecommendationStore::saleLotsLeaveOutWithdrawn()
{
    GAVEL_OPEN_TEST_DATABASE(test);
    RecommendationFixture fx;
    QVERIFY(fx.build(test->db(), kNow).isEmpty());
    auto lots = RecommendationStore(test->db()).saleLots(fx.upcoming);
    QVERIFY(lots);
    QCOMPARE(lots->size(), std::size_t(4));
    QCOMPARE(lots->front().id, fx.boats);
    QCOMPARE(lots->front().tags.size(), std::size_t(1));
    QCOMPARE(lots->front().tags.front().first, fx.sea);
    QCOMPARE(lots->front().maker, QStringLiteral("Anna Marsh"));
    QCOMPARE(lots->front().lowEstimate, qint64(200'000));
    QVERIFY(std::none_of(lots->begin(), lots->end(), [&](const LotFeatures &l) { return l.id == fx.withdrawn; }));
}

void TestRecommendationStore::ranksFromHistory()
{
    GAVEL_OPEN_TEST_DATABASE(test);
    RecommendationFixture fx;
    QVERIFY(fx.build(test->db(), kNow).isEmpty());
    RecommendationStore store(test->db());
    auto facts = store.customerFacts(fx.a, kNow);
    QVERIFY(facts);
    QCOMPARE(facts->interactions.size(), std::size_t(3)); // two bids, one wishlist
    QVERIFY(facts->registeredDepartments.contains(fx.paintings));
    auto list = store.recommend(fx.a, fx.upcoming, {}, kNow);
    QVERIFY2(list, list ? "" : qPrintable(list.error().fullText()));
    QCOMPARE(list->lots.size(), std::size_t(4));
    QCOMPARE(list->lots.front().lotId, fx.boats);
    QVERIFY(list->lots.front().reasons().join(u'\n').contains(QStringLiteral("Anna Marsh")));
    QVERIFY(list->lots.front().reasons().join(u'\n').contains(QStringLiteral("Autumn Paintings")));
    QVERIFY(list->lots.front().wishlisted);
    // The same question twice gives the same answer.
    auto again = store.recommend(fx.a, fx.upcoming, {}, kNow);
    QVERIFY(again);
    for (std::size_t i = 0; i < list->lots.size(); ++i) {
        QCOMPARE(again->lots[i].lotId, list->lots[i].lotId);
        QCOMPARE(again->lots[i].exactScore, list->lots[i].exactScore);
    }
}

void TestRecommendationStore::storedTagStatesChangeTheRanking()
{
    GAVEL_OPEN_TEST_DATABASE(test);
    RecommendationFixture fx;
    QVERIFY(fx.build(test->db(), kNow).isEmpty());
    RecommendationStore store(test->db());
    const auto scoreOf = [&](qint64 lot) {
        auto list = store.recommend(fx.a, fx.upcoming, {}, kNow);
        return list ? find(*list, lot)->exactScore : -1.0;
    };
    const auto rankOfLot = [&](qint64 lot) {
        auto list = store.recommend(fx.a, fx.upcoming, {}, kNow);
        return list ? rankOf(*list, lot) : -1;
    };
    const double plain = scoreOf(fx.skaters);
    const int plainRank = rankOfLot(fx.skaters);
    QVERIFY(RecommendationFixture::setTag(test->db(), fx.a, fx.winter, QStringLiteral("optional")).isEmpty());
    const double optional = scoreOf(fx.skaters);
    QVERIFY(RecommendationFixture::setTag(test->db(), fx.a, fx.winter, QStringLiteral("active")).isEmpty());
    const double active = scoreOf(fx.skaters);
    QVERIFY(RecommendationFixture::setTag(test->db(), fx.a, fx.winter, QStringLiteral("starred")).isEmpty());
    const double starred = scoreOf(fx.skaters);
    QVERIFY(plain < optional);
    QVERIFY(optional < active);
    QVERIFY(active < starred);
    QVERIFY(rankOfLot(fx.skaters) < plainRank);

    // Removing the Sea tag takes the lot they would otherwise get first down the list.
    QCOMPARE(rankOfLot(fx.boats), 0);
    const double boats = scoreOf(fx.boats);
    QVERIFY(RecommendationFixture::setTag(test->db(), fx.a, fx.sea, QStringLiteral("removed")).isEmpty());
    QVERIFY(scoreOf(fx.boats) < boats / 2);
    QVERIFY(rankOfLot(fx.boats) > 0);
}

void TestRecommendationStore::similarCollectors()
{
    GAVEL_OPEN_TEST_DATABASE(test);
    RecommendationFixture fx;
    QVERIFY(fx.build(test->db(), kNow).isEmpty());
    RecommendationStore store(test->db());
    // B bid on L102 as A did, and wishlisted lot 2; A's own wishlist does not count.
    auto wishes = store.collectorSignals(fx.a, fx.upcoming, kNow);
    QVERIFY(wishes);
    QCOMPARE(wishes->size(), 1);
    QCOMPARE(wishes->value(fx.horseLot), 1.0);
    // Before B's wishlist existed there was no signal.
    wishes = store.collectorSignals(fx.a, fx.upcoming, kNow - 3 * 86400);
    QVERIFY(wishes && wishes->isEmpty());
    auto list = store.recommend(fx.a, fx.upcoming, {}, kNow);
    QVERIFY(list);
    const Recommendation *horse = find(*list, fx.horseLot);
    QVERIFY(std::any_of(horse->contributions.begin(), horse->contributions.end(),
                        [](const MatchContribution &c) { return c.part == MatchPart::SimilarCollectors; }));
}

void TestRecommendationStore::leaveOutEngaged()
{
    GAVEL_OPEN_TEST_DATABASE(test);
    RecommendationFixture fx;
    QVERIFY(fx.build(test->db(), kNow).isEmpty());
    RecommendationOptions options;
    options.leaveOutEngaged = true;
    auto list = RecommendationStore(test->db()).recommend(fx.a, fx.upcoming, options, kNow);
    QVERIFY(list);
    QCOMPARE(list->lots.size(), std::size_t(3));
    QCOMPARE(rankOf(*list, fx.boats), -1);
    options.top = 1;
    list = RecommendationStore(test->db()).recommend(fx.a, fx.upcoming, options, kNow);
    QVERIFY(list);
    QCOMPARE(list->lots.size(), std::size_t(1));
}

void TestRecommendationStore::newcomerAndUnknownSale()
{
    GAVEL_OPEN_TEST_DATABASE(test);
    RecommendationFixture fx;
    QVERIFY(fx.build(test->db(), kNow).isEmpty());
    RecommendationStore store(test->db());
    auto list = store.recommend(fx.newcomer, fx.upcoming, {}, kNow);
    QVERIFY(list);
    QCOMPARE(list->lots.size(), std::size_t(4));
    for (const Recommendation &lot : list->lots) {
        QCOMPARE(lot.score, 0); // nothing known: no reason to recommend anything
        QVERIFY(lot.reasons().isEmpty());
    }
    // Without any reason, the catalogue order stands.
    QCOMPARE(list->lots.front().lotId, fx.boats);
    auto missing = store.recommend(fx.a, 999'999, {}, kNow);
    QVERIFY(!missing);
    QCOMPARE(missing.error().kind, ErrorKind::NotFound);
}

void TestRecommendationStore::dataMatchesTheStore()
{
    GAVEL_OPEN_TEST_DATABASE(test);
    RecommendationFixture fx;
    QVERIFY(fx.build(test->db(), kNow).isEmpty());
    QVERIFY(RecommendationFixture::setTag(test->db(), fx.a, fx.horse, QStringLiteral("starred")).isEmpty());
    auto data = RecommendationData::load(test->db());
    QVERIFY2(data, data ? "" : qPrintable(data.error().fullText()));
    QCOMPARE(data->customers().size(), std::size_t(3));
    QCOMPARE(data->saleLots(fx.upcoming).size(), std::size_t(4));
    QCOMPARE(data->biddersOf(fx.pastSale), (std::vector<qint64>{fx.a, fx.b}));
    const QHash<qint64, double> fromMemory = data->collectorSignals(fx.a, fx.upcoming, kNow);
    auto fromSql = RecommendationStore(test->db()).collectorSignals(fx.a, fx.upcoming, kNow);
    QVERIFY(fromSql);
    QCOMPARE(fromMemory, *fromSql);

    // The same customer ranked from memory and from SQL comes out the same.
    Recommender recommender(data->saleLots(fx.upcoming), data->names());
    CustomerProfile profile = CustomerProfile::build(data->facts(fx.a, kNow, true), data->lots(), kNow);
    profile.collectorSignals = fromMemory;
    profile.interests = data->interests(fx.a, kNow);
    QVERIFY(!profile.interests.isEmpty());
    const auto memory = recommender.rank(profile);
    auto sql = RecommendationStore(test->db()).recommend(fx.a, fx.upcoming, {}, kNow);
    QVERIFY(sql);
    QCOMPARE(memory.size(), sql->lots.size());
    for (std::size_t i = 0; i < memory.size(); ++i) {
        QCOMPARE(memory[i].lotId, sql->lots[i].lotId);
        QVERIFY(std::abs(memory[i].exactScore - sql->lots[i].exactScore) < 1e-9);
        QCOMPARE(memory[i].reasons(), sql->lots[i].reasons());
    }
}

void TestRecommendationStore::batchAgreesWithSingleRanking()
{
    GAVEL_OPEN_TEST_DATABASE(test);
    RecommendationFixture fx;
    QVERIFY(fx.build(test->db(), kNow).isEmpty());
    auto data = RecommendationData::load(test->db());
    QVERIFY(data);
    Recommender recommender(data->saleLots(fx.upcoming), data->names());
    const auto results = RecommendationBatch::run(*data, recommender, data->customers(), kNow, 2, 2);
    QCOMPARE(results.size(), std::size_t(3));
    for (const auto &result : results) {
        auto single = RecommendationStore(test->db()).recommend(result.customerId, fx.upcoming, {}, kNow);
        QVERIFY(single);
        QCOMPARE(result.lots.size(), std::size_t(2));
        for (std::size_t i = 0; i < result.lots.size(); ++i) {
            QCOMPARE(result.lots[i].first, single->lots[i].lotId);
            QVERIFY(std::abs(result.lots[i].second - single->lots[i].exactScore) < 1e-9);
        }
    }
}

// A generated house (bids, wishlists, views, clicks, consignments, tags): every customer's
// top 10 from the batch (in memory, prepared once) is what ranking them alone through SQL gives.
void TestRecommendationStore::batchAgreesWithSingleRankingOnADemoHouse()
{
    GAVEL_OPEN_TEST_DATABASE(test);
    DemoOptions options;
    options.customers = 60;
    options.seed = 3;
    options.anchorDate = QDate(2025, 3, 14);
    options.cataloguePath = Gavel::Tests::sharedTestData(QStringLiteral("tate-catalogue/artworks.csv"));
    DemoGenerator generator(test->db(), options);
    const Status generated = generator.generate();
    QVERIFY2(generated, qPrintable(generated ? QString() : generated.error().fullText()));
    const qint64 now = QDateTime(options.anchorDate, QTime(12, 0), QTimeZone::utc()).toSecsSinceEpoch();

    RecommendationStore store(test->db());
    auto sale = store.nextSale(now);
    QVERIFY2(sale, qPrintable(sale ? QString() : sale.error().fullText()));
    QVERIFY(sale->lotCount > 10);
    auto data = RecommendationData::load(test->db());
    QVERIFY(data);
    Recommender recommender(data->saleLots(sale->id), data->names());
    const auto results = RecommendationBatch::run(*data, recommender, data->customers(), now, 10, 2);
    QCOMPARE(results.size(), data->customers().size());
    int withInterests = 0;
    int withCollectors = 0;
    RecommendationOptions top;
    top.top = 10;
    for (const auto &result : results) {
        auto single = store.recommend(result.customerId, sale->id, top, now);
        QVERIFY(single);
        QCOMPARE(result.lots.size(), single->lots.size());
        for (std::size_t i = 0; i < result.lots.size(); ++i) {
            QCOMPARE(result.lots[i].first, single->lots[i].lotId);
            QVERIFY(std::abs(result.lots[i].second - single->lots[i].exactScore) < 1e-9);
            for (const MatchContribution &part : single->lots[i].contributions) {
                withInterests += part.part == MatchPart::Interests ? 1 : 0;
                withCollectors += part.part == MatchPart::SimilarCollectors ? 1 : 0;
            }
        }
    }
    // The signals that differ most between the two paths were there to compare.
    QVERIFY(withInterests > 0);
    QVERIFY(withCollectors > 0);
}

// What the interest model saw (here website views of a category) raises that category's
// lots for the customer, with its reason, through the store as the dialog uses it.
void TestRecommendationStore::interestsFeedTheRanking()
{
    GAVEL_OPEN_TEST_DATABASE(test);
    RecommendationFixture fx;
    QVERIFY(fx.build(test->db(), kNow).isEmpty());
    RecommendationStore store(test->db());
    auto before = store.recommend(fx.newcomer, fx.upcoming, {}, kNow);
    QVERIFY(before);
    auto portraits = Sql::scalar(test->db().connection(),
                                 QStringLiteral("SELECT category_id FROM lots WHERE id = ?"), {fx.portrait}, {});
    QVERIFY(portraits);
    for (int day = 1; day <= 3; ++day) {
        QVERIFY(Sql::exec(test->db().connection(),
                          QStringLiteral("INSERT INTO events (customer_id, ts, id, kind, ref_id) VALUES (?, ?, ?, ?, ?)"),
                          {fx.newcomer, kNow - day * 86400, 900 + day, int(EventKind::CategoryViewed), *portraits},
                          {}));
    }
    auto after = store.recommend(fx.newcomer, fx.upcoming, {}, kNow);
    QVERIFY(after);
    QVERIFY(find(*after, fx.portrait)->exactScore > find(*before, fx.portrait)->exactScore);
    QCOMPARE(rankOf(*after, fx.portrait), 0);
    QVERIFY(find(*after, fx.portrait)->reasons().join(u'\n').contains(QStringLiteral("Interests: Portraits")));
    // Lots of the other categories gain only the department's share.
    QVERIFY(find(*after, fx.boats)->exactScore - find(*before, fx.boats)->exactScore <
            find(*after, fx.portrait)->exactScore - find(*before, fx.portrait)->exactScore);
    // The batch sees the same.
    auto data = RecommendationData::load(test->db());
    QVERIFY(data);
    QCOMPARE(data->interests(fx.newcomer, kNow).categories.value(portraits->toLongLong()), 1.0);
}

void TestRecommendationStore::exportedWithTheProfile()
{
    GAVEL_OPEN_TEST_DATABASE(test);
    RecommendationFixture fx;
    QVERIFY(fx.build(test->db(), kNow).isEmpty());
    ProfileExporter exporter(test->db());
    addProfileSections(exporter);
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    ExportOptions options;
    options.asOf = QDateTime::fromSecsSinceEpoch(kNow, QTimeZone::utc()).date();
    const Status status = exporter.exportJson(QStringLiteral("C1"), buffer, options);
    QVERIFY2(status, qPrintable(status ? QString() : status.error().fullText()));
    const QJsonObject section =
        QJsonDocument::fromJson(buffer.data()).object().value(QStringLiteral("recommendations")).toObject();
    QCOMPARE(section[QStringLiteral("sale")].toObject()[QStringLiteral("saleNo")].toString(), QStringLiteral("U1"));
    QVERIFY(section[QStringLiteral("sale")].toObject()[QStringLiteral("startsAt")].toString().endsWith(u'Z'));
    auto list = RecommendationStore(test->db()).recommend(fx.a, fx.upcoming, {}, kNow);
    QVERIFY(list);
    const QJsonArray lots = section[QStringLiteral("lots")].toArray();
    QCOMPARE(lots.size(), qsizetype(list->lots.size()));
    const QJsonObject first = lots.first().toObject();
    QCOMPARE(first[QStringLiteral("lotNo")].toString(), list->lots.front().lotNo);
    QCOMPARE(first[QStringLiteral("matchScore")].toInt(), list->lots.front().score);
    QCOMPARE(first[QStringLiteral("lowEstimate")].toObject()[QStringLiteral("minor")].toInteger(),
             list->lots.front().lowEstimate);
    QCOMPARE(first[QStringLiteral("wishlisted")].toBool(), true);
    const QJsonArray parts = first[QStringLiteral("parts")].toArray();
    QCOMPARE(parts.size(), qsizetype(list->lots.front().contributions.size()));
    QCOMPARE(parts.first().toObject()[QStringLiteral("reason")].toString(),
             list->lots.front().contributions.front().reason);
    // No local ids leave the database.
    QVERIFY(!QJsonDocument(section).toJson().contains("Id\""));

    // No upcoming sale as of a day after every sale: an empty section, not an error.
    QBuffer later;
    QVERIFY(later.open(QIODevice::WriteOnly));
    options.asOf = options.asOf.addYears(2);
    QVERIFY(exporter.exportJson(QStringLiteral("C1"), later, options));
    const QJsonObject none =
        QJsonDocument::fromJson(later.data()).object().value(QStringLiteral("recommendations")).toObject();
    QVERIFY(none[QStringLiteral("sale")].isNull());
    QVERIFY(none[QStringLiteral("lots")].toArray().isEmpty());
}

void TestRecommendationStore::evaluationHoldsOutPastSales()
{
    GAVEL_OPEN_TEST_DATABASE(test);
    RecommendationFixture fx;
    QVERIFY(fx.build(test->db(), kNow).isEmpty());
    auto data = RecommendationData::load(test->db());
    QVERIFY(data);
    // Only P1 is a closed sale with bids; A and B bid in it, so two rankings. Before P1
    // nothing was known, so the profile is only A's department (registered 900 days ago).
    const auto facts = data->facts(fx.a, kNow - 200 * 86400, false);
    QVERIFY(facts.interactions.empty());
    QVERIFY(facts.registeredDepartments.contains(fx.paintings));
    const auto report = RecommendationEvaluation::run(*data, {});
    QCOMPARE(report.sales, 1);
    QCOMPARE(report.rankings, 2);
    QCOMPARE(report.lotsPerSale, 3.0);
    QCOMPARE(report.relevantPerRanking, 2.0);
    QCOMPARE(report.methods.size(), std::size_t(3));
    for (const auto &method : report.methods) {
        // Three lots and k = 10: every lot bid on is in the top 10.
        QCOMPARE(method.recall, 1.0);
        QCOMPARE(method.hitRate, 1.0);
        QVERIFY(method.ndcg > 0 && method.ndcg <= 1.0);
    }
    RecommendationEvaluation::Options options;
    options.cutoff = 1;
    const auto strict = RecommendationEvaluation::run(*data, options);
    for (const auto &method : strict.methods) {
        QVERIFY(method.recall <= 0.5); // one of two lots at most
    }
}

void TestRecommendationStore::listModelAndCsv()
{
    GAVEL_OPEN_TEST_DATABASE(test);
    RecommendationFixture fx;
    QVERIFY(fx.build(test->db(), kNow).isEmpty());
    auto list = RecommendationStore(test->db()).recommend(fx.a, fx.upcoming, {}, kNow);
    QVERIFY(list);
    RecommendationListModel model;
    QAbstractItemModelTester tester(&model);
    model.setList(*list);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.index(0, RecommendationListModel::LotColumn).data().toString(), QStringLiteral("1"));
    QCOMPARE(model.index(0, RecommendationListModel::ScoreColumn).data().toInt(), list->lots.front().score);
    QVERIFY(model.index(0, RecommendationListModel::TitleColumn).data().toString().contains(QStringLiteral("wishlisted")));
    QCOMPARE(model.index(0, 0).data(IdRole).toLongLong(), fx.boats);

    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QVERIFY(RecommendationListModel::writeCsv(*list, buffer));
    QVERIFY(buffer.data().startsWith("\xEF\xBB\xBF")); // a byte-order mark, for Excel
    const QStringList lines =
        QString::fromUtf8(buffer.data().mid(3)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 5);
    QVERIFY(lines[0].startsWith(QStringLiteral("rank,sale_no,lot_no,title")));
    QVERIFY(lines[1].startsWith(QStringLiteral("1,U1,1,Fishing boats off the coast,Anna Marsh,2000.00,3000.00,GBP,%1,no,yes,")
                                    .arg(list->lots.front().score)));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

// Titles and reasons are text a spreadsheet must not run (as the Item History export);
// the file is written whole or not at all.
void TestRecommendationStore::csvIsFormulaSafeAndSavedWhole()
{
    GAVEL_OPEN_TEST_DATABASE(test);
    RecommendationFixture fx;
    QVERIFY(fx.build(test->db(), kNow).isEmpty());
    auto list = RecommendationStore(test->db()).recommend(fx.a, fx.upcoming, {}, kNow);
    QVERIFY(list);
    list->lots[0].title = QStringLiteral("=HYPERLINK(\"http://x\",\"a, b\")");
    list->lots[1].maker = QStringLiteral("@SUM(A1)");
    list->lots[2].lotNo = QStringLiteral("-3");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("calls.csv"));
    QVERIFY(RecommendationListModel::saveCsv(*list, path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    QVERIFY2(text.contains(QStringLiteral(",\"'=HYPERLINK(\"\"http://x\"\",\"\"a, b\"\")\",")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral(",'@SUM(A1),")));
    QVERIFY(text.contains(QStringLiteral(",'-3,")));
    // A folder that does not exist: a message naming the file, nothing left behind.
    const QString nowhere = dir.filePath(QStringLiteral("missing/calls.csv"));
    const Status failed = RecommendationListModel::saveCsv(*list, nowhere);
    QVERIFY(!failed);
    QVERIFY(failed.error().message.contains(QStringLiteral("calls.csv")));
    QVERIFY(!QFile::exists(nowhere));
}

QTEST_GUILESS_MAIN(TestRecommendationStore)
#include "tst_recommendationstore.moc"
