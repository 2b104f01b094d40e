#pragma once

#include "result.h"

#include <QString>

#include <functional>
#include <vector>

namespace Gavel::Models {

class RecommendationData;

/// Offline evaluation of the recommender: the bids of past sales are held out, and each
/// held-out sale's lots are ranked for every customer who bid in it, using only what was
/// known before the sale started (bids and wishlists before it, departments registered
/// before it; the stored customer tags carry no date and are left out). Compared with two
/// baselines: popularity (the lots most wishlisted before the sale) and department only
/// (the customer's department affinity, ties in lot order).
class RecommendationEvaluation final
{
public:
    struct Options
    {
        int sales = 12;  ///< the most recent closed sales with bids are held out
        int cutoff = 10; ///< the k of NDCG@k, recall@k and hit rate@k
    };
    struct Figures
    {
        QString method;
        double ndcg = 0;
        double recall = 0;
        double hitRate = 0;
    };
    struct Report
    {
        int sales = 0;
        int rankings = 0;   ///< customer × sale pairs ranked
        double lotsPerSale = 0;
        double relevantPerRanking = 0;
        std::vector<Figures> methods; ///< the recommender first, then the baselines
        double seconds = 0;
    };

    static Report run(const RecommendationData &data, const Options &options,
                      const std::function<void(int done, int total)> &progress = {});
};

} // namespace Gavel::Models
