#include "recommendationbatch.h"

#include "recommendationdata.h"
#include "recommender.h"

#include <QThread>

#include <algorithm>
#include <thread>

namespace Gavel::Models {

std::vector<RecommendationBatch::CustomerTop> RecommendationBatch::run(const RecommendationData &data,
                                                                       Recommender &recommender,
                                                                       const std::vector<qint64> &customers,
                                                                       qint64 asOf, int top, int threads)
{
    recommender.prepareHistory(data.lots());
    std::vector<CustomerTop> results(customers.size());
    const std::vector<LotFeatures> &lots = recommender.lots();
    const qint64 saleId = lots.empty() ? 0 : lots.front().saleId;
    const RecommendationData::SaleWishes wishes = data.saleWishes(saleId);
    const auto work = [&](std::size_t first, std::size_t step) {
        for (std::size_t i = first; i < customers.size(); i += step) {
            const qint64 customer = customers[i];
            CustomerProfile profile = CustomerProfile::build(data.facts(customer, asOf, true), data.lots(), asOf);
            profile.collectorSignals = data.collectorSignals(customer, wishes, asOf);
            profile.interests = data.interests(customer, asOf);
            CustomerTop &result = results[i];
            result.customerId = customer;
            for (const auto &[lot, score] : recommender.topLots(profile, top)) {
                result.lots.emplace_back(lots[static_cast<std::size_t>(lot)].id, score);
            }
        }
    };
    const int count = threads > 0 ? threads : std::max(1, QThread::idealThreadCount());
    std::vector<std::thread> pool;
    for (int t = 1; t < count; ++t) {
        pool.emplace_back(work, static_cast<std::size_t>(t), static_cast<std::size_t>(count));
    }
    work(0, static_cast<std::size_t>(count));
    for (std::thread &thread : pool) {
        thread.join();
    }
    return results;
}

} // namespace Gavel::Models
