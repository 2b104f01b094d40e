#include "customerprofile.h"

#include <algorithm>
#include <cmath>

namespace Gavel::Models {

namespace {

constexpr double kHalfLifeSeconds = 2.0 * 365 * 24 * 3600;
constexpr double kMinimumSpread = 0.25;

double decay(qint64 at, qint64 asOf)
{
    const double age = std::max<qint64>(0, asOf - at);
    return std::exp2(-age / kHalfLifeSeconds);
}

template<typename Key>
void normalise(QHash<Key, double> &map)
{
    double top = 0;
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        top = std::max(top, it.value());
    }
    if (top <= 0) {
        return;
    }
    for (auto it = map.begin(); it != map.end(); ++it) {
        it.value() /= top;
    }
}

} // namespace

QString makerKey(const QString &maker)
{
    const QString key = maker.simplified().toCaseFolded();
    if (key.isEmpty() || key.startsWith(u"unknown") || key.startsWith(u"anonymous") || key == u"various") {
        return {};
    }
    return key;
}

double logPriceOf(const LotFeatures &lot)
{
    qint64 middle = 0;
    if (lot.lowEstimate > 0 && lot.highEstimate > 0) {
        middle = (lot.lowEstimate + lot.highEstimate) / 2;
    } else {
        middle = std::max(lot.lowEstimate, lot.highEstimate);
    }
    return middle > 0 ? std::log10(static_cast<double>(middle)) : 0.0;
}

CustomerProfile CustomerProfile::build(const CustomerFacts &facts, const QHash<qint64, LotFeatures> &lots, qint64 asOf)
{
    CustomerProfile profile;
    profile.customerId = facts.customerId;
    profile.registeredDepartments = facts.registeredDepartments;

    QHash<qint64, double> departmentWeight;
    QHash<qint64, double> derivedTags;
    double priceWeight = 0;
    double priceSum = 0;
    double priceSquares = 0;
    for (const LotInteraction &interaction : facts.interactions) {
        if (interaction.at >= asOf) {
            continue;
        }
        const auto found = lots.constFind(interaction.lotId);
        if (found == lots.cend()) {
            continue;
        }
        const LotFeatures &lot = found.value();
        if (interaction.bid) {
            profile.bidLots.insert(lot.id);
        }
        if (interaction.wishlisted) {
            profile.wishlistedLots.insert(lot.id);
        }
        const double weight = (interaction.won ? 3.0 : interaction.bid ? 2.0 : 1.0) * decay(interaction.at, asOf);
        profile.history.push_back({&lot, weight, interaction.won, interaction.bid});
        // What the reasons count: lots bid on or won, else lots only wishlisted (each adds weight).
        const bool bidOrWon = interaction.bid || interaction.won;
        if (lot.departmentId != 0) {
            departmentWeight[lot.departmentId] += weight;
            ++(bidOrWon ? profile.departmentLots : profile.departmentWished)[lot.departmentId];
        }
        if (lot.categoryId != 0) {
            profile.categories[lot.categoryId] += weight;
            ++(bidOrWon ? profile.categoryLots : profile.categoryWished)[lot.categoryId];
        }
        if (const QString maker = makerKey(lot.maker); !maker.isEmpty()) {
            profile.makers[maker] += weight;
            if (interaction.bid) {
                ++profile.makerLots[maker];
            }
        }
        for (const auto &[tag, tagWeight] : lot.tags) {
            derivedTags[tag] += weight * tagWeight;
        }
        // What they were prepared to pay says more than the estimate; a wishlist only the estimate.
        double price = 0;
        if (interaction.topBid > 0) {
            price = std::log10(static_cast<double>(interaction.topBid));
        } else {
            price = logPriceOf(lot);
        }
        if (price > 0) {
            priceWeight += weight;
            priceSum += weight * price;
            priceSquares += weight * price * price;
            ++profile.priceSamples;
        }
    }

    // Departments: where they bid, relative to where they bid most; registering counts as a
    // solid interest of its own, so a new customer's departments still lead.
    normalise(departmentWeight);
    for (auto it = departmentWeight.cbegin(); it != departmentWeight.cend(); ++it) {
        profile.departments[it.key()] = 0.5 + 0.5 * it.value();
    }
    for (const qint64 department : facts.registeredDepartments) {
        double &value = profile.departments[department];
        value = std::min(1.0, std::max(value, 0.7) + (departmentWeight.contains(department) ? 0.15 : 0.0));
    }
    normalise(profile.categories);
    normalise(profile.makers);

    normalise(derivedTags);
    for (auto it = derivedTags.cbegin(); it != derivedTags.cend(); ++it) {
        RecommendationTag preference;
        preference.state = RecommendationTag::State::Derived;
        preference.weight = it.value();
        profile.tags.insert(it.key(), preference);
    }
    for (auto it = facts.storedTags.cbegin(); it != facts.storedTags.cend(); ++it) {
        profile.tags.insert(it.key(), it.value());
    }

    if (priceWeight > 0) {
        profile.priceCentre = priceSum / priceWeight;
        const double variance = std::max(0.0, priceSquares / priceWeight - profile.priceCentre * profile.priceCentre);
        profile.priceSpread = std::max(kMinimumSpread, std::sqrt(variance));
    }
    return profile;
}

} // namespace Gavel::Models
