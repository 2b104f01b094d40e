#pragma once

#include "demotypes.h"

#include <array>

namespace Gavel::Models {
class SeededRandom;
}

namespace Gavel::Models::Demo {

class Catalogue;
class Schedule;

/// What a collector likes, hidden from the data but behind all of it: departments,
/// categories, subjects, makers, a price band, how they bid and how engaged they are.
/// Bids, wishlists, views and clicks follow it with noise, so that history predicts what a
/// customer bids on next.
struct Profile
{
    quint32 index = 0;
    int country = 0;
    qint64 registeredAt = 0;
    qint64 activeFrom = 0; ///< registration, or the start of the house's records if earlier
    int activity = 1;      ///< long-tailed: most 1–5, a few dozens, one or two hundreds
    bool power = false;    ///< one of the house's busiest clients
    bool consignor = false;
    int departmentCount = 0;
    std::array<quint8, 3> departments{};
    std::array<int, 3> departmentWeights{};
    int categoryCount = 0;
    std::array<quint16, 3> categories{};
    int tagCount = 0;
    std::array<quint32, 8> tags{};
    int makerCount = 0;
    std::array<quint32, 3> makers{};
    int bandLow = 0;
    int bandHigh = 0;
    BidChannel channel = BidChannel::Online;
    int platform = 0; ///< venue index of the bidding platform they use online
    int openPermille = 300;
    int clickPermille = 150;

    bool likesTag(quint32 tag) const;
    bool likesMaker(quint32 maker) const;
    bool likesCategory(quint16 category) const;
    /// A department, drawn by their interest (or, now and then, any).
    int pickDepartment(SeededRandom &random, const Catalogue &catalogue) const;
};

/// Makes each customer's profile, always the same for the same seed and index.
class Profiles final
{
public:
    Profiles(const Catalogue &catalogue, const Schedule &schedule, quint64 seed, int customers);
    Profile make(quint32 index) const;
    /// How well a lot suits a profile; higher is better (used to pick among candidates).
    int affinity(const Profile &profile, const Lot &lot) const;

private:
    const Catalogue &m_catalogue;
    const Schedule &m_schedule;
    quint64 m_seed;
    int m_customers;
    std::vector<int> m_departmentWeights;
};

} // namespace Gavel::Models::Demo
