// The recommender on hand-made lots and profiles: deterministic scores, tag states acting as
// documented (starred raises, active counts more than optional, removed lowers), departments
// leading, price band, and reasons that add up to the score.

#include "customerprofile.h"
#include "interestmodel.h"
#include "recommender.h"

#include <QTest>

#include <algorithm>
#include <set>
#include <cmath>

using namespace Gavel::Models;

namespace {

constexpr qint64 kNow = 1'750'000'000;
constexpr qint64 kDay = 24 * 3600;
constexpr qint64 kPaintings = 1;
constexpr qint64 kSilver = 2;
constexpr qint64 kLandscapes = 11;
constexpr qint64 kPortraits = 12;
constexpr qint64 kSpoons = 21;
constexpr qint64 kSea = 101;
constexpr qint64 kHorse = 102;
constexpr qint64 kWinter = 103;

LotFeatures lot(qint64 id, int seq, const QString &title, const QString &maker, qint64 department, qint64 category,
                qint64 low, std::vector<std::pair<qint64, float>> tags, qint64 sale = 9)
{
    LotFeatures features;
    features.id = id;
    features.saleId = sale;
    features.lotNo = QString::number(seq);
    features.lotSeq = seq;
    features.title = title;
    features.maker = maker;
    features.departmentId = department;
    features.categoryId = category;
    features.lowEstimate = low;
    features.highEstimate = low * 3 / 2;
    features.currency = QStringLiteral("GBP");
    features.tags = std::move(tags);
    return features;
}

CatalogueNames names()
{
    CatalogueNames names;
    names.departments = {{kPaintings, QStringLiteral("Paintings")}, {kSilver, QStringLiteral("Silver")}};
    names.categories = {{kLandscapes, QStringLiteral("Landscapes")},
                        {kPortraits, QStringLiteral("Portraits")},
                        {kSpoons, QStringLiteral("Spoons")}};
    names.tags = {{kSea, QStringLiteral("Sea")}, {kHorse, QStringLiteral("Horse")}, {kWinter, QStringLiteral("Winter")}};
    names.sales = {{1, QStringLiteral("Autumn Paintings")}, {9, QStringLiteral("Winter Paintings")}};
    return names;
}

// The upcoming sale: lots that differ in one thing each, so that a change of tag state or
// history moves exactly the lots it should.
std::vector<LotFeatures> sale()
{
    return {
        lot(201, 1, QStringLiteral("Fishing boats off the coast"), QStringLiteral("Anna Marsh"), kPaintings,
            kLandscapes, 200'000, {{kSea, 1.0F}}),
        lot(202, 2, QStringLiteral("A bay horse in a paddock"), QStringLiteral("Carl Stubb"), kPaintings, kLandscapes,
            200'000, {{kHorse, 1.0F}}),
        lot(203, 3, QStringLiteral("Skaters on a frozen pond"), QStringLiteral("Hendrick Ice"), kPaintings,
            kLandscapes, 200'000, {{kWinter, 1.0F}}),
        lot(204, 4, QStringLiteral("Portrait of a lady"), QStringLiteral("Anna Marsh"), kPaintings, kPortraits,
            2'000'000, {}),
        lot(205, 5, QStringLiteral("Six apostle spoons"), QStringLiteral("London silversmith"), kSilver, kSpoons,
            200'000, {{kSea, 0.3F}}),
    };
}

// What the customer did before: bid on two of Anna Marsh's sea pieces around £2,000.
QHash<qint64, LotFeatures> history()
{
    QHash<qint64, LotFeatures> lots;
    lots.insert(101, lot(101, 7, QStringLiteral("Boats in a harbour at dusk"), QStringLiteral("Anna Marsh"),
                         kPaintings, kLandscapes, 150'000, {{kSea, 0.9F}}, 1));
    lots.insert(102, lot(102, 8, QStringLiteral("Coast with fishing boats"), QStringLiteral("Anna Marsh"), kPaintings,
                         kLandscapes, 250'000, {{kSea, 0.8F}}, 1));
    return lots;
}

CustomerFacts facts()
{
    CustomerFacts facts;
    facts.customerId = 1;
    facts.interactions.push_back({101, kNow - 200 * kDay, 180'000, true, true, false});
    facts.interactions.push_back({102, kNow - 100 * kDay, 240'000, true, false, false});
    facts.registeredDepartments.insert(kPaintings);
    return facts;
}

const Recommendation &find(const std::vector<Recommendation> &list, qint64 lotId)
{
    const auto found =
        std::find_if(list.begin(), list.end(), [lotId](const Recommendation &r) { return r.lotId == lotId; });
    Q_ASSERT(found != list.end());
    return *found;
}

int rankOf(const std::vector<Recommendation> &list, qint64 lotId)
{
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (list[i].lotId == lotId) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

double partOf(const Recommendation &r, MatchPart part)
{
    for (const MatchContribution &c : r.contributions) {
        if (c.part == part) {
            return c.points;
        }
    }
    return 0;
}

RecommendationTag tag(RecommendationTag::State state, double weight = 0.5)
{
    RecommendationTag preference;
    preference.state = state;
    preference.weight = weight;
    return preference;
}

} // namespace

class TestRecommender final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scoresAreDeterministic();
    void historyLeadsTheRanking();
    void departmentsDominate();
    void starredTagRaisesItsLots();
    void activeCountsMoreThanOptional();
    void removedTagLowersItsLots();
    void priceBandFollowsTheirBids();
    void reasonsMatchTheParts();
    void leavesOutWhatTheyBidOnOrWishlisted();
    void aNewCustomerStillGetsTheirDepartments();
    void interestInACategoryRaisesItsLots();
    void interestScoresCountBidsOncePerLot();
    void wishlistOnlyReasonsSaySo();
};

void TestRecommender::scoresAreDeterministic()
{
    const QHash<qint64, LotFeatures> lots = history();
    const CustomerProfile profile = CustomerProfile::build(facts(), lots, kNow);
    Recommender first(sale(), names());
    std::vector<LotFeatures> reversed = sale();
    std::reverse(reversed.begin(), reversed.end());
    Recommender second(reversed, names());
    const auto a = first.rank(profile);
    const auto b = second.rank(profile);
    const auto c = first.rank(profile);
    QCOMPARE(a.size(), sale().size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        QCOMPARE(a[i].lotId, b[i].lotId);
        QCOMPARE(a[i].exactScore, b[i].exactScore);
        QCOMPARE(a[i].lotId, c[i].lotId);
        QCOMPARE(a[i].reasons(), c[i].reasons());
        if (i > 0) {
            QVERIFY(a[i - 1].exactScore >= a[i].exactScore);
        }
    }
}

void TestRecommender::historyLeadsTheRanking()
{
    const QHash<qint64, LotFeatures> lots = history();
    const CustomerProfile profile = CustomerProfile::build(facts(), lots, kNow);
    Recommender recommender(sale(), names());
    const auto list = recommender.rank(profile);
    // The sea piece by the maker they bid on, in their category and price band, comes first.
    QCOMPARE(list.front().lotId, qint64(201));
    QVERIFY(partOf(list.front(), MatchPart::Maker) > 0);
    QVERIFY(partOf(list.front(), MatchPart::SimilarLots) > 0);
    QVERIFY(partOf(list.front(), MatchPart::Tags) > 0);
    // The same maker's portrait, ten times their usual price, loses the price part.
    const Recommendation &portrait = find(list, 204);
    QVERIFY(partOf(portrait, MatchPart::Price) < partOf(list.front(), MatchPart::Price));
}

void TestRecommender::departmentsDominate()
{
    const QHash<qint64, LotFeatures> lots = history();
    const CustomerProfile profile = CustomerProfile::build(facts(), lots, kNow);
    Recommender recommender(sale(), names());
    const auto list = recommender.rank(profile);
    // The silver spoons share a (weak) sea tag and the price, but not the department.
    QCOMPARE(rankOf(list, 205), static_cast<int>(list.size()) - 1);
    QCOMPARE(partOf(find(list, 205), MatchPart::Department), 0.0);
    QCOMPARE(partOf(find(list, 202), MatchPart::Department), partCeiling(MatchPart::Department));
}

void TestRecommender::starredTagRaisesItsLots()
{
    const QHash<qint64, LotFeatures> lots = history();
    CustomerFacts plain = facts();
    Recommender recommender(sale(), names());
    const auto before = recommender.rank(CustomerProfile::build(plain, lots, kNow));

    CustomerFacts starred = facts();
    starred.storedTags.insert(kHorse, tag(RecommendationTag::State::Starred));
    const auto after = recommender.rank(CustomerProfile::build(starred, lots, kNow));

    QVERIFY(find(after, 202).exactScore > find(before, 202).exactScore);
    QVERIFY(rankOf(after, 202) < rankOf(before, 202));
    // Lots without the tag keep their scores.
    QCOMPARE(find(after, 203).exactScore, find(before, 203).exactScore);
    QVERIFY(find(after, 202).reasons().join(u'\n').contains(QStringLiteral("★ Horse")));
}

void TestRecommender::activeCountsMoreThanOptional()
{
    const QHash<qint64, LotFeatures> lots = history();
    Recommender recommender(sale(), names());
    double previous = -1;
    for (const RecommendationTag::State state :
         {RecommendationTag::State::Optional, RecommendationTag::State::Active, RecommendationTag::State::Starred}) {
        CustomerFacts withTag = facts();
        withTag.storedTags.insert(kWinter, tag(state, 1.0));
        const double score = find(recommender.rank(CustomerProfile::build(withTag, lots, kNow)), 203).exactScore;
        QVERIFY2(score > previous, qPrintable(QStringLiteral("state %1").arg(int(state))));
        previous = score;
    }
}

void TestRecommender::removedTagLowersItsLots()
{
    const QHash<qint64, LotFeatures> lots = history();
    Recommender recommender(sale(), names());
    const auto before = recommender.rank(CustomerProfile::build(facts(), lots, kNow));
    CustomerFacts removed = facts();
    removed.storedTags.insert(kSea, tag(RecommendationTag::State::Removed));
    const auto after = recommender.rank(CustomerProfile::build(removed, lots, kNow));

    QCOMPARE(rankOf(before, 201), 0);
    QVERIFY(find(after, 201).exactScore < find(before, 201).exactScore / 2);
    QVERIFY(rankOf(after, 201) > rankOf(after, 202)); // below a lot they showed no special interest in
    QVERIFY(partOf(find(after, 201), MatchPart::RemovedTag) < 0);
    QVERIFY(find(after, 201).reasons().join(u'\n').contains(QStringLiteral("Sea")));
    // Only the lots with the removed tag move down.
    QCOMPARE(find(after, 202).exactScore, find(before, 202).exactScore);
}

void TestRecommender::priceBandFollowsTheirBids()
{
    const QHash<qint64, LotFeatures> lots = history();
    const CustomerProfile profile = CustomerProfile::build(facts(), lots, kNow);
    QVERIFY(profile.priceSamples == 2);
    // Their bids were £1,800 and £2,400: the centre lies between.
    QVERIFY(profile.priceCentre > std::log10(180'000.0) && profile.priceCentre < std::log10(240'000.0));
    Recommender recommender(sale(), names());
    const auto list = recommender.rank(profile);
    QVERIFY(partOf(find(list, 202), MatchPart::Price) > 9.0);
    QVERIFY(partOf(find(list, 204), MatchPart::Price) < 1.0);
}

void TestRecommender::reasonsMatchTheParts()
{
    const QHash<qint64, LotFeatures> lots = history();
    CustomerFacts withTags = facts();
    withTags.storedTags.insert(kHorse, tag(RecommendationTag::State::Active));
    withTags.storedTags.insert(kWinter, tag(RecommendationTag::State::Removed));
    CustomerProfile profile = CustomerProfile::build(withTags, lots, kNow);
    profile.collectorSignals.insert(202, 3);
    profile.interests.categories = {{kLandscapes, 1.0}, {kPortraits, 0.4}};
    profile.interests.departments = {{kPaintings, 1.0}};
    Recommender recommender(sale(), names());
    recommender.prepareHistory(lots);
    const auto list = recommender.rank(profile);
    const std::vector<LotFeatures> offered = sale();
    std::set<int> seen;
    for (const Recommendation &r : list) {
        double sum = 0;
        int shown = 0;
        for (const MatchContribution &c : r.contributions) {
            seen.insert(static_cast<int>(c.part));
            sum += c.points;
            QVERIFY(!c.reason.isEmpty());
            if (c.part != MatchPart::RemovedTag) {
                QVERIFY(c.points > 0);
                QVERIFY(c.points <= partCeiling(c.part) + 1e-9);
            }
            if (std::lround(c.points) != 0) {
                // The reason is shown with its own points.
                const QString line = r.reasons().value(shown++);
                QVERIFY2(line.startsWith(c.reason), qPrintable(line));
                QVERIFY2(line.endsWith(QString::number(std::abs(std::lround(c.points))) + u')'), qPrintable(line));
            }
        }
        QCOMPARE(shown, r.reasons().size());
        QVERIFY2(std::abs(std::clamp(sum, 0.0, 100.0) - r.exactScore) < 9 * 0.05,
                 qPrintable(QStringLiteral("lot %1: parts %2, score %3").arg(r.lotNo).arg(sum).arg(r.exactScore)));
        QCOMPARE(r.score, static_cast<int>(std::lround(r.exactScore)));
        QVERIFY(r.score >= 0 && r.score <= 100);
        // Each reason names what it is about.
        for (const MatchContribution &c : r.contributions) {
            const LotFeatures &features = *std::find_if(offered.begin(), offered.end(),
                                                        [&](const LotFeatures &l) { return l.id == r.lotId; });
            switch (c.part) {
            case MatchPart::Department:
                QVERIFY(c.reason.contains(names().departments.value(features.departmentId)));
                break;
            case MatchPart::Category:
                QVERIFY(c.reason.contains(names().categories.value(features.categoryId)));
                break;
            case MatchPart::Maker:
                QVERIFY(c.reason.contains(features.maker));
                break;
            case MatchPart::Tags:
            case MatchPart::RemovedTag:
                QVERIFY(c.reason.contains(names().tags.value(features.tags.front().first)));
                break;
            case MatchPart::SimilarLots:
                QVERIFY(c.reason.contains(QStringLiteral("Autumn Paintings")));
                break;
            case MatchPart::SimilarCollectors:
                QVERIFY(c.reason.contains(QStringLiteral("3")));
                break;
            case MatchPart::Price:
                QVERIFY(c.reason.contains(QStringLiteral("£")));
                break;
            case MatchPart::Interests:
                QVERIFY2(c.reason.contains(names().categories.value(features.categoryId)), qPrintable(c.reason));
                break;
            }
        }
    }
    // Every kind of part showed up somewhere, so every kind of reason was checked.
    QCOMPARE(seen.size(), std::size_t(9));
}

void TestRecommender::leavesOutWhatTheyBidOnOrWishlisted()
{
    QHash<qint64, LotFeatures> lots = history();
    for (const LotFeatures &features : sale()) {
        lots.insert(features.id, features);
    }
    CustomerFacts withSale = facts();
    withSale.interactions.push_back({201, kNow - kDay, 0, false, false, true});
    withSale.interactions.push_back({203, kNow - kDay, 150'000, true, false, false});
    const CustomerProfile profile = CustomerProfile::build(withSale, lots, kNow);
    Recommender recommender(sale(), names());
    const auto all = recommender.rank(profile);
    QVERIFY(find(all, 201).wishlisted);
    QVERIFY(find(all, 203).bidOn);
    RecommendationOptions options;
    options.leaveOutEngaged = true;
    options.top = 10;
    const auto fresh = recommender.rank(profile, options);
    QCOMPARE(fresh.size(), all.size() - 2);
    QCOMPARE(rankOf(fresh, 201), -1);
    QCOMPARE(rankOf(fresh, 203), -1);
    options.top = 2;
    QCOMPARE(recommender.rank(profile, options).size(), std::size_t(2));
    // topLots (the batch) agrees with rank().
    const auto top = recommender.topLots(profile, 3);
    for (std::size_t i = 0; i < top.size(); ++i) {
        QCOMPARE(recommender.lots()[static_cast<std::size_t>(top[i].first)].id, all[i].lotId);
        QCOMPARE(top[i].second, all[i].exactScore);
    }
}

void TestRecommender::aNewCustomerStillGetsTheirDepartments()
{
    CustomerFacts newcomer;
    newcomer.customerId = 2;
    newcomer.registeredDepartments.insert(kSilver);
    const CustomerProfile profile = CustomerProfile::build(newcomer, {}, kNow);
    Recommender recommender(sale(), names());
    const auto list = recommender.rank(profile);
    QCOMPARE(list.front().lotId, qint64(205));
    QVERIFY(list.front().reasons().join(u'\n').contains(QStringLiteral("Silver")));
    QCOMPARE(list.back().score, 0);
}

void TestRecommender::interestInACategoryRaisesItsLots()
{
    // A new customer registered to Paintings: every painting scores the same, in lot order.
    const QHash<qint64, LotFeatures> lots = history();
    CustomerFacts registered;
    registered.customerId = 2;
    registered.registeredDepartments.insert(kPaintings);
    Recommender recommender(sale(), names());
    const CustomerProfile plain = CustomerProfile::build(registered, lots, kNow);
    const auto before = recommender.rank(plain);
    QCOMPARE(rankOf(before, 204), 3);

    // The interest model says portraits most (say, many views of the category lately).
    CustomerProfile interested = plain;
    interested.interests.categories = {{kPortraits, 1.0}, {kLandscapes, 0.2}};
    interested.interests.departments = {{kPaintings, 1.0}};
    const auto after = recommender.rank(interested);

    QVERIFY(find(after, 204).exactScore > find(before, 204).exactScore);
    QCOMPARE(rankOf(after, 204), 0);
    // The portrait gains more than the landscapes, which the customer is less into.
    QVERIFY(find(after, 204).exactScore - find(before, 204).exactScore >
            find(after, 202).exactScore - find(before, 202).exactScore);
    QCOMPARE(partOf(find(after, 204), MatchPart::Interests), partCeiling(MatchPart::Interests));
    QVERIFY(find(after, 204).reasons().join(u'\n').contains(QStringLiteral("Interests: Portraits (Paintings)")));
    QCOMPARE(partOf(find(before, 204), MatchPart::Interests), 0.0);
    // Silver: no interest, no part.
    QCOMPARE(partOf(find(after, 205), MatchPart::Interests), 0.0);
}

void TestRecommender::interestScoresCountBidsOncePerLot()
{
    const auto event = [](qint64 at, InterestSignal kind, qint64 lot, qint64 department, qint64 category) {
        return InterestEvent{at, kind, lot, department, category};
    };
    // Three bids on one landscape (the per-bid rows of the batch), a portrait viewed once,
    // and a spoon bid on after the moment reckoned as of.
    const std::vector<InterestEvent> perBid = {
        event(kNow - 30 * kDay, InterestSignal::Bid, 201, kPaintings, kLandscapes),
        event(kNow - 20 * kDay, InterestSignal::Bid, 201, kPaintings, kLandscapes),
        event(kNow - 10 * kDay, InterestSignal::Bid, 201, kPaintings, kLandscapes),
        event(kNow - 5 * kDay, InterestSignal::View, 0, kPaintings, kPortraits),
        event(kNow + kDay, InterestSignal::Bid, 205, kSilver, kSpoons),
    };
    // The same as one customer's query gives them: the last bid per lot before the moment.
    const std::vector<InterestEvent> perLot = {
        event(kNow - 5 * kDay, InterestSignal::View, 0, kPaintings, kPortraits),
        event(kNow - 10 * kDay, InterestSignal::Bid, 201, kPaintings, kLandscapes),
    };
    const InterestScores a = InterestModel::scores(perBid, kNow);
    const InterestScores b = InterestModel::scores(perLot, kNow);
    QCOMPARE(a.categories, b.categories);
    QCOMPARE(a.departments, b.departments);
    QCOMPARE(a.categories.value(kLandscapes), 1.0); // the strongest
    const double expected = InterestModel::weight(InterestSignal::View) * InterestModel::decay(5 * kDay) /
                            (InterestModel::weight(InterestSignal::Bid) * InterestModel::decay(10 * kDay));
    QVERIFY(std::abs(a.categories.value(kPortraits) - expected) < 1e-12);
    QVERIFY(!a.categories.contains(kSpoons));
    QVERIFY(!a.departments.contains(kSilver));
    QCOMPARE(a.departments.value(kPaintings), 1.0);
    QVERIFY(InterestModel::scores({}, kNow).isEmpty());
}

// A department or category known only from the wishlist: its reason says so, never "bid on 0 lots".
void TestRecommender::wishlistOnlyReasonsSaySo()
{
    const QHash<qint64, LotFeatures> lots = history();
    CustomerFacts wished;
    wished.customerId = 1;
    wished.interactions.push_back({102, kNow - 100 * kDay, 0, false, false, true});
    const CustomerProfile profile = CustomerProfile::build(wished, lots, kNow);
    Recommender recommender(sale(), names());
    recommender.prepareHistory(lots);
    int checked = 0;
    for (const Recommendation &r : recommender.rank(profile)) {
        for (const MatchContribution &c : r.contributions) {
            if (c.part == MatchPart::Department || c.part == MatchPart::Category) {
                QVERIFY2(c.reason.contains(QStringLiteral("1 lot in it on their wishlist")), qPrintable(c.reason));
                QVERIFY2(!c.reason.contains(QStringLiteral("bid on")), qPrintable(c.reason));
                ++checked;
            }
        }
    }
    QVERIFY(checked > 0);
}

QTEST_GUILESS_MAIN(TestRecommender)
#include "tst_recommender.moc"

