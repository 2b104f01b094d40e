#pragma once

#include "interestmodel.h"
#include "recommendation.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <vector>

namespace Gavel::Models {

/// A customer's tag as the recommender weighs it: the states of the Interests panel, and
/// tags Gavel derives itself from the lots they engaged with.
struct RecommendationTag
{
    enum class State { Derived, Optional, Active, Starred, Removed };
    State state = State::Derived;
    double weight = 0; ///< 0..1 for Derived and Optional; Active and Starred count in full
    QString source;
};

/// A customer's interaction with one lot, before the day the profile is reckoned as of.
struct LotInteraction
{
    qint64 lotId = 0;
    qint64 at = 0;       ///< first bid, or when it was wishlisted
    qint64 topBid = 0;   ///< their highest bid, minor units; 0 when they only wishlisted it
    bool bid = false;
    bool won = false;
    bool wishlisted = false;
};

/// Everything stored about a customer that the profile is computed from.
struct CustomerFacts
{
    qint64 customerId = 0;
    std::vector<LotInteraction> interactions;
    QSet<qint64> registeredDepartments;
    QHash<qint64, RecommendationTag> storedTags; ///< customer_tags, with their states
};

/// What a customer is interested in, as the recommender sees it: affinities 0..1 per
/// department, category and maker, their tags, the prices they bid at, and the lots they
/// engaged with (for "similar lots bid on"). Computed by CustomerProfile::build from the
/// customer's bids, wins, wishlists, departments and tags; `interests` comes from the
/// interest model (issue 7), which also sees consignments, clicks and website views.
struct CustomerProfile
{
    struct HistoryLot
    {
        const LotFeatures *lot = nullptr; ///< owned by the LotLibrary the profile was built from
        double weight = 0;                ///< won 3, bid 2, wishlisted 1, halved every two years
        bool won = false;
        bool bid = false;
    };

    qint64 customerId = 0;
    QHash<qint64, double> departments; ///< department id → 0..1
    QSet<qint64> registeredDepartments;
    QHash<qint64, int> departmentLots; ///< lots bid on (or won) per department (for the reasons)
    QHash<qint64, int> departmentWished; ///< lots only wishlisted per department (for the reasons)
    QHash<qint64, double> categories;  ///< category id → 0..1
    QHash<qint64, int> categoryLots;
    QHash<qint64, int> categoryWished;
    QHash<QString, double> makers;     ///< maker key (makerKey) → 0..1
    QHash<QString, int> makerLots;
    QHash<qint64, RecommendationTag> tags; ///< stored tags override derived ones
    double priceCentre = 0;            ///< weighted mean of log10(price in minor units)
    double priceSpread = 0;            ///< their standard deviation, at least 0.25
    int priceSamples = 0;
    std::vector<HistoryLot> history;
    QSet<qint64> bidLots;
    QSet<qint64> wishlistedLots;
    /// Lot id → how many collectors who bid on the same lots as this customer wishlisted it.
    QHash<qint64, double> collectorSignals;
    /// The interest model's department and category scores (issue 7): its wins, bids,
    /// wishlists, consignments, mailing clicks and website views, decayed over a year.
    InterestScores interests;

    /// The profile as of `asOf` (epoch seconds): interactions after it are ignored. `lots`
    /// resolves the interactions' lot ids and must outlive the profile.
    static CustomerProfile build(const CustomerFacts &facts, const QHash<qint64, LotFeatures> &lots, qint64 asOf);
};

/// The key makers are compared by: case-folded, spaces squeezed; empty for "unknown" makers.
QString makerKey(const QString &maker);
/// log10 of a lot's middle estimate, or 0 when it has none.
double logPriceOf(const LotFeatures &lot);

} // namespace Gavel::Models
