#pragma once

#include <QtGlobal>

#include <functional>
#include <utility>
#include <vector>

namespace Gavel::Models {

class RecommendationData;
class Recommender;

/// Ranks one sale for every customer at once (a campaign's "lots for you" mailing), on
/// several threads: each thread takes every n-th customer, so no locks are needed; the
/// Recommender and the data are only read.
class RecommendationBatch final
{
public:
    struct CustomerTop
    {
        qint64 customerId = 0;
        std::vector<std::pair<qint64, double>> lots; ///< lot id, exact Match Score; best first
    };

    /// The top `top` lots of `recommender`'s sale for each of `customers`, as of `asOf`;
    /// `threads` ≤ 0 uses every core. Results come in the order of `customers`. Prepares the
    /// recommender with the vectors of every lot of the house first (each customer's history
    /// is then a lookup, not a tokenisation).
    static std::vector<CustomerTop> run(const RecommendationData &data, Recommender &recommender,
                                        const std::vector<qint64> &customers, qint64 asOf, int top, int threads);
};

} // namespace Gavel::Models
