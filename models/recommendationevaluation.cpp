#include "recommendationevaluation.h"

#include "recommendationdata.h"
#include "recommender.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cmath>

namespace Gavel::Models {

namespace {

struct Totals
{
    double ndcg = 0;
    double recall = 0;
    double hits = 0;
};

// Adds the metrics of one ranking (lot indexes, best first) against the relevant lots.
void score(const std::vector<int> &ranking, const std::vector<char> &relevant, int relevantCount, int k,
           Totals &totals)
{
    double dcg = 0;
    int hits = 0;
    for (int rank = 0; rank < k && rank < static_cast<int>(ranking.size()); ++rank) {
        if (relevant[static_cast<std::size_t>(ranking[static_cast<std::size_t>(rank)])] != 0) {
            dcg += 1.0 / std::log2(rank + 2.0);
            ++hits;
        }
    }
    double ideal = 0;
    for (int rank = 0; rank < std::min(k, relevantCount); ++rank) {
        ideal += 1.0 / std::log2(rank + 2.0);
    }
    totals.ndcg += ideal > 0 ? dcg / ideal : 0;
    totals.recall += relevantCount > 0 ? double(hits) / relevantCount : 0;
    totals.hits += hits > 0 ? 1 : 0;
}

// Lot indexes by descending score, ties in lot order (the lots come in lot order).
std::vector<int> order(const std::vector<double> &scores)
{
    std::vector<int> ranking(scores.size());
    for (std::size_t i = 0; i < scores.size(); ++i) {
        ranking[i] = static_cast<int>(i);
    }
    std::stable_sort(ranking.begin(), ranking.end(),
                     [&](int a, int b) { return scores[static_cast<std::size_t>(a)] > scores[static_cast<std::size_t>(b)]; });
    return ranking;
}

} // namespace

RecommendationEvaluation::Report RecommendationEvaluation::run(const RecommendationData &data, const Options &options,
                                                               const std::function<void(int, int)> &progress)
{
    QElapsedTimer timer;
    timer.start();
    // The most recent closed sales that have bids.
    std::vector<std::pair<qint64, qint64>> closed; // (starts_at, id)
    for (auto it = data.sales().cbegin(); it != data.sales().cend(); ++it) {
        if (it->status == u"closed" && !it->lots.empty()) {
            closed.emplace_back(it->startsAt, it->id);
        }
    }
    std::sort(closed.begin(), closed.end(), std::greater<>());
    std::vector<qint64> heldOut;
    for (const auto &[startsAt, id] : closed) {
        if (static_cast<int>(heldOut.size()) >= options.sales) {
            break;
        }
        if (!data.biddersOf(id).empty()) {
            heldOut.push_back(id);
        }
    }

    Report report;
    Totals model;
    Totals popularity;
    Totals department;
    double lots = 0;
    double relevantTotal = 0;
    int done = 0;
    for (const qint64 saleId : heldOut) {
        const RecommendationData::SaleInfo sale = data.sales().value(saleId);
        const qint64 before = sale.startsAt;
        Recommender recommender(data.saleLots(saleId), data.names());
        const std::vector<LotFeatures> &saleLots = recommender.lots();
        lots += static_cast<double>(saleLots.size());
        ++report.sales;
        const RecommendationData::SaleWishes saleWishes = data.saleWishes(saleId);
        for (const qint64 customer : data.biddersOf(saleId)) {
            const QSet<qint64> bidOn = data.lotsBidOn(customer, saleId);
            std::vector<char> relevant(saleLots.size(), 0);
            int relevantCount = 0;
            for (std::size_t l = 0; l < saleLots.size(); ++l) {
                if (bidOn.contains(saleLots[l].id)) {
                    relevant[l] = 1;
                    ++relevantCount;
                }
            }
            if (relevantCount == 0) {
                continue; // bid only on withdrawn lots
            }
            CustomerProfile profile =
                CustomerProfile::build(data.facts(customer, before, false, saleId), data.lots(), before);
            profile.collectorSignals = data.collectorSignals(customer, saleWishes, before);
            profile.interests = data.interests(customer, before, saleId);
            score(order(recommender.scores(profile)), relevant, relevantCount, options.cutoff, model);

            const QHash<qint64, int> wishes = data.wishlistCounts(saleId, before, customer);
            std::vector<double> popular(saleLots.size());
            std::vector<double> departmentOnly(saleLots.size());
            for (std::size_t l = 0; l < saleLots.size(); ++l) {
                popular[l] = wishes.value(saleLots[l].id);
                departmentOnly[l] = profile.departments.value(saleLots[l].departmentId);
            }
            score(order(popular), relevant, relevantCount, options.cutoff, popularity);
            score(order(departmentOnly), relevant, relevantCount, options.cutoff, department);
            ++report.rankings;
            relevantTotal += relevantCount;
        }
        if (progress) {
            progress(++done, static_cast<int>(heldOut.size()));
        }
    }
    const double n = std::max(1, report.rankings);
    const auto figures = [n](const QString &method, const Totals &totals) {
        return Figures{method, totals.ndcg / n, totals.recall / n, totals.hits / n};
    };
    report.methods.push_back(figures(QCoreApplication::translate("Gavel::Models::RecommendationEvaluation", "Gavel recommender"), model));
    report.methods.push_back(figures(QCoreApplication::translate("Gavel::Models::RecommendationEvaluation", "Popularity (wishlists)"), popularity));
    report.methods.push_back(figures(QCoreApplication::translate("Gavel::Models::RecommendationEvaluation", "Department only"), department));
    report.lotsPerSale = report.sales > 0 ? lots / report.sales : 0;
    report.relevantPerRanking = relevantTotal / n;
    report.seconds = static_cast<double>(timer.elapsed()) / 1000.0;
    return report;
}

} // namespace Gavel::Models
