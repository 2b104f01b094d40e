#include "demoprofiles.h"

#include "democatalogue.h"
#include "demopeople.h"
#include "demoschedule.h"
#include "seededrandom.h"

#include <algorithm>

namespace Gavel::Models::Demo {

namespace {

constexpr quint64 kProfileStream = 0x50524F46; // "PROF"

} // namespace

bool Profile::likesTag(quint32 tag) const
{
    return std::find(tags.begin(), tags.begin() + tagCount, tag) != tags.begin() + tagCount;
}

bool Profile::likesMaker(quint32 maker) const
{
    return maker != 0 && std::find(makers.begin(), makers.begin() + makerCount, maker) != makers.begin() + makerCount;
}

bool Profile::likesCategory(quint16 category) const
{
    return std::find(categories.begin(), categories.begin() + categoryCount, category) !=
           categories.begin() + categoryCount;
}

int Profile::pickDepartment(SeededRandom &random, const Catalogue &catalogue) const
{
    if (departmentCount == 0 || random.chance(120)) {
        return static_cast<int>(random.below(catalogue.departments().size()));
    }
    return departments[static_cast<std::size_t>(random.weighted(departmentWeights.data(), departmentCount))];
}

Profiles::Profiles(const Catalogue &catalogue, const Schedule &schedule, quint64 seed, int customers)
    : m_catalogue(catalogue), m_schedule(schedule), m_seed(seed), m_customers(customers)
{
    for (const Department &department : catalogue.departments()) {
        m_departmentWeights.push_back(department.weight);
    }
}

Profile Profiles::make(quint32 index) const
{
    SeededRandom random = SeededRandom::derived(m_seed, kProfileStream, index);
    Profile profile;
    profile.index = index;
    profile.country = random.weighted(People::countryWeights());

    // The busiest clients: one in a house of a thousand, two in a large one. They bid on
    // hundreds of lots and have thousands of events.
    profile.power = (m_customers >= 1000 && index == static_cast<quint32>(m_customers / 2)) ||
                    (m_customers >= 100000 && index == static_cast<quint32>(m_customers / 3));

    const qint64 window = m_schedule.anchor() - m_schedule.windowStart();
    if (profile.power || random.chance(250)) {
        // Clients from before the house's records begin.
        profile.registeredAt = m_schedule.windowStart() - static_cast<qint64>(random.below(14 * 365)) * kDay -
                               static_cast<qint64>(random.below(kDay));
    } else {
        // Newer customers are more numerous: the later of two uniform draws.
        const qint64 a = static_cast<qint64>(random.below(static_cast<quint64>(window - 2 * kDay)));
        const qint64 b = static_cast<qint64>(random.below(static_cast<quint64>(window - 2 * kDay)));
        profile.registeredAt = m_schedule.windowStart() + std::max(a, b);
    }
    profile.activeFrom = std::max(profile.registeredAt, m_schedule.windowStart());

    static const std::vector<int> tierWeights = {550, 300, 120, 27, 3};
    static const int tierLow[] = {1, 3, 6, 13, 31};
    static const int tierHigh[] = {2, 5, 12, 30, 80};
    const int tier = random.weighted(tierWeights);
    profile.activity = static_cast<int>(random.between(tierLow[tier], tierHigh[tier]));
    if (profile.power) {
        profile.activity = m_customers >= 100000 ? 400 : 150;
    }

    // One to three departments, by the departments' popularity.
    static const std::vector<int> countWeights = {45, 35, 20};
    profile.departmentCount = 1 + random.weighted(countWeights);
    static const int interest[] = {60, 30, 10};
    std::vector<int> weights = m_departmentWeights;
    for (int k = 0; k < profile.departmentCount; ++k) {
        const int department = random.weighted(weights);
        weights[static_cast<std::size_t>(department)] = 0;
        profile.departments[static_cast<std::size_t>(k)] = static_cast<quint8>(department);
        profile.departmentWeights[static_cast<std::size_t>(k)] = interest[k];
    }

    // Favourites are drawn from what the departments really sell, so that common subjects
    // ("landscape", "Art Deco") are common favourites too.
    int bandSum = 0;
    for (int k = 0; k < profile.departmentCount; ++k) {
        const int department = profile.departments[static_cast<std::size_t>(k)];
        bandSum += m_catalogue.departments()[static_cast<std::size_t>(department)].baseBand;
        for (int sample = 0; sample < 2; ++sample) {
            const Lot item = m_catalogue.sampleItem(department, random);
            if (sample == 0 && profile.categoryCount < static_cast<int>(profile.categories.size())) {
                profile.categories[static_cast<std::size_t>(profile.categoryCount++)] = item.category;
            }
            if (item.maker != 0 && random.chance(450) && profile.makerCount < static_cast<int>(profile.makers.size()) &&
                !profile.likesMaker(item.maker)) {
                profile.makers[static_cast<std::size_t>(profile.makerCount++)] = item.maker;
            }
            Catalogue::LotTag tags[Catalogue::kMaxLotTags];
            const int count = m_catalogue.tagsOf(item, tags);
            int taken = 0;
            for (int t = 0; t < count && taken < 2; ++t) {
                if (tags[t].weight >= 600 && random.chance(600) && !profile.likesTag(tags[t].tag) &&
                    profile.tagCount < static_cast<int>(profile.tags.size())) {
                    profile.tags[static_cast<std::size_t>(profile.tagCount++)] = tags[t].tag;
                    ++taken;
                }
            }
        }
    }

    static const std::vector<int> wealthWeights = {20, 20, 20, 15, 10, 7, 5, 3};
    static const int wealthOffset[] = {-3, -2, -1, 0, 1, 2, 4, 7};
    const int centre =
        bandSum / profile.departmentCount + wealthOffset[random.weighted(wealthWeights)] + (profile.power ? 3 : 0);
    profile.bandLow = Pricing::clampBand(centre - 2);
    profile.bandHigh = Pricing::clampBand(centre + 2);

    static const std::vector<int> channelWeights = {15, 15, 15, 55};
    profile.channel = static_cast<BidChannel>(random.weighted(channelWeights));
    const std::vector<int> platforms = m_catalogue.venuesOfKind(VenueKind::Platform);
    profile.platform = random.chance(600) ? m_catalogue.venueOfKind(VenueKind::Online) : random.pick(platforms);
    profile.openPermille = 150 + static_cast<int>(random.below(450));
    profile.clickPermille = 80 + static_cast<int>(random.below(300));
    profile.consignor = profile.power || random.chance(100);
    return profile;
}

int Profiles::affinity(const Profile &profile, const Lot &lot) const
{
    int score = 0;
    Catalogue::LotTag tags[Catalogue::kMaxLotTags];
    const int count = m_catalogue.tagsOf(lot, tags);
    for (int t = 0; t < count; ++t) {
        if (profile.likesTag(tags[t].tag)) {
            score += tags[t].weight * 3 / 100;
        }
    }
    if (profile.likesMaker(lot.maker)) {
        score += 40;
    }
    if (profile.likesCategory(lot.category)) {
        score += 15;
    }
    if (lot.band < profile.bandLow) {
        score -= 6 * (profile.bandLow - lot.band);
    } else if (lot.band > profile.bandHigh) {
        score -= 10 * (lot.band - profile.bandHigh);
    }
    return score;
}

} // namespace Gavel::Models::Demo
