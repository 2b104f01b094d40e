#pragma once

#include "customerprofile.h"
#include "recommendation.h"
#include "result.h"

#include <QHash>

#include <vector>

namespace Gavel::Models {

class Database;

/// The whole house in memory, as the recommender reads it: every lot with its tags, every
/// customer's bids, wins and wishlists, departments and tags. For ranking every customer at
/// once (the campaign batch) and for the evaluation, where reading per customer would be
/// a hundred thousand round trips.
class RecommendationData final
{
public:
    struct SaleInfo
    {
        qint64 id = 0;
        qint64 startsAt = 0;
        QString status;
        std::vector<qint64> lots; ///< not withdrawn, in lot order
    };
    struct Wish
    {
        qint64 customerId = 0;
        qint64 at = 0;
    };

    static Result<RecommendationData> load(const Database &database);

    const QHash<qint64, LotFeatures> &lots() const { return m_lots; }
    const QHash<qint64, SaleInfo> &sales() const { return m_sales; }
    const CatalogueNames &names() const { return m_names; }
    /// Every customer id, ascending.
    const std::vector<qint64> &customers() const { return m_customers; }
    /// The lots of a sale, for a Recommender.
    std::vector<LotFeatures> saleLots(qint64 saleId) const;
    /// Customers who bid on lots of the sale, ascending.
    std::vector<qint64> biddersOf(qint64 saleId) const;
    /// Lots of the sale the customer bid on.
    QSet<qint64> lotsBidOn(qint64 customerId, qint64 saleId) const;

    /// A customer's facts as of `before` (as RecommendationStore::customerFacts): bids and
    /// wishlists before it, departments registered before it; nothing about
    /// the lots of `leaveOutSale` (the held-out sale of the evaluation; 0 for none); stored
    /// tags only when asked (they carry no date, so the evaluation leaves them out).
    CustomerFacts facts(qint64 customerId, qint64 before, bool withStoredTags, qint64 leaveOutSale = 0) const;
    /// Who wishlisted lots of one sale (not withdrawn): customer → (lot id, when), for the
    /// collector signal. Worked out once per sale, so that each customer's signal walks only
    /// their co-bidders who wishlisted something in the sale.
    using SaleWishes = QHash<qint64, std::vector<std::pair<qint64, qint64>>>;
    SaleWishes saleWishes(qint64 saleId) const;
    /// As RecommendationStore::collectorSignals, from memory.
    QHash<qint64, double> collectorSignals(qint64 customerId, qint64 saleId, qint64 before) const;
    /// The same with the sale's wishes worked out beforehand (the batch: one sale, every customer).
    QHash<qint64, double> collectorSignals(qint64 customerId, const SaleWishes &wishes, qint64 before) const;
    /// The interest model's scores of a customer as of `before`, leaving out what they did
    /// with the lots of `leaveOutSale` (the evaluation's held-out sale; 0 for none).
    InterestScores interests(qint64 customerId, qint64 before, qint64 leaveOutSale = 0) const;
    /// Lot id → wishlists of the sale's lots by anyone but `customerId` before `before`.
    QHash<qint64, int> wishlistCounts(qint64 saleId, qint64 before, qint64 customerId) const;

private:
    QHash<qint64, LotFeatures> m_lots;
    QHash<qint64, SaleInfo> m_sales;
    CatalogueNames m_names;
    std::vector<qint64> m_customers;
    QHash<qint64, std::vector<LotInteraction>> m_interactions;
    QHash<qint64, std::vector<std::pair<qint64, qint64>>> m_departments; ///< (department, added_at)
    QHash<qint64, QHash<qint64, RecommendationTag>> m_tags;
    QHash<qint64, std::vector<std::pair<qint64, qint64>>> m_bidders; ///< lot → (customer, first bid)
    QHash<qint64, std::vector<Wish>> m_wishes;                        ///< lot → wishlists
    QHash<qint64, std::vector<InterestEvent>> m_interestEvents;       ///< customer → every signal
};

} // namespace Gavel::Models
