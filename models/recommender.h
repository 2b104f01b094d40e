#pragma once

#include "customerprofile.h"
#include "recommendation.h"

#include <QHash>

#include <vector>

namespace Gavel::Models {

/// Ranks the lots of one sale for a customer. Built once per sale: every lot's TF-IDF vector
/// (title, description, maker, category, tags; the document frequencies are the sale's own,
/// so words every lot shares weigh little) and its catalogue slots are worked out up front,
/// so that ranking a customer is a pass over flat arrays. Const after construction: one
/// Recommender can rank for many customers on several threads at once.
class Recommender final
{
public:
    Recommender(std::vector<LotFeatures> lots, CatalogueNames names);

    const std::vector<LotFeatures> &lots() const { return m_lots; }
    const CatalogueNames &names() const { return m_names; }

    /// Works out the term vectors of lots a profile refers to (its history), for the
    /// "similar lots" part; lots left out are vectorised on each use instead.
    void prepareHistory(const QHash<qint64, LotFeatures> &lots);

    /// Every lot (or the top options.top), best first; ties in lot order. Deterministic.
    std::vector<Recommendation> rank(const CustomerProfile &profile, const RecommendationOptions &options = {}) const;

    /// The top `count` lots as (index into lots(), exact score), best first, without reasons:
    /// what the batch and the evaluation use.
    std::vector<std::pair<int, double>> topLots(const CustomerProfile &profile, int count) const;

    /// The Match Score of every lot (in lots() order), for the evaluation's baselines.
    std::vector<double> scores(const CustomerProfile &profile) const;

private:
    using SparseVector = std::vector<std::pair<int, float>>;
    struct LotSlots
    {
        int department = -1;
        int category = -1;
        int maker = -1;
        double logPrice = 0;
        SparseVector tags;  ///< tag slot, lot weight
        SparseVector terms; ///< term slot, tf-idf, unit length
    };
    struct Projection;

    SparseVector termsOf(const LotFeatures &lot, bool weighted) const;
    Projection project(const CustomerProfile &profile) const;
    double score(const Projection &projection, int lot, std::vector<MatchContribution> *parts) const;
    void explain(const CustomerProfile &profile, const Projection &projection, int lot,
                 std::vector<MatchContribution> &parts) const;

    std::vector<LotFeatures> m_lots;
    CatalogueNames m_names;
    std::vector<LotSlots> m_slots;
    /// Term slot → (lot, tf-idf weight), lots ascending: a customer's text vector touches a
    /// few hundred terms, so walking their lots beats a dot product with every lot.
    std::vector<SparseVector> m_postings;
    QHash<QString, int> m_terms;
    std::vector<float> m_idf;
    QHash<qint64, int> m_departments;
    QHash<qint64, int> m_categories;
    QHash<QString, int> m_makers;
    QHash<qint64, int> m_tags;
    std::vector<qint64> m_tagIds;
    QHash<qint64, int> m_lotIndex;
    QHash<qint64, SparseVector> m_historyTerms;
};

} // namespace Gavel::Models
