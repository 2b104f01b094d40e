#include "demoauction.h"

#include "democatalogue.h"
#include "demopricing.h"
#include "demoprofiles.h"
#include "demoschedule.h"
#include "seededrandom.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>
#include <climits>
#include <map>
#include <numeric>

namespace Gavel::Models::Demo {

namespace {

constexpr quint64 kAuctionStream = 0x41554354; // "AUCT"
constexpr quint64 kSettleStream = 0x5345544C;  // "SETL"
constexpr int kMaxBidders = 8;
constexpr int kCandidates = 6;

int yearOf(qint64 epoch)
{
    return QDateTime::fromSecsSinceEpoch(epoch, QTimeZone::utc()).date().year();
}

} // namespace

Auction::Auction(const Catalogue &catalogue, Schedule &schedule, const Profiles &profiles, quint64 seed, int customers)
    : m_catalogue(catalogue), m_schedule(schedule), m_profiles(profiles), m_seed(seed),
      m_customers(static_cast<quint32>(customers))
{
}

int Auction::openingStep(const Lot &lot)
{
    return Pricing::floorStep(Pricing::band(lot.band).low / 2);
}

bool Auction::plan(const std::function<bool(qint64 done)> &tick)
{
    m_intents.clear();
    m_intents.reserve(static_cast<std::size_t>(m_customers) * 4);
    m_intentStart.assign(1, 0);
    m_consignmentStart.assign(1, 0);
    for (quint32 index = 0; index < m_customers; ++index) {
        planCustomer(index);
        m_intentStart.push_back(static_cast<quint32>(m_intents.size()));
        m_consignmentStart.push_back(static_cast<quint32>(m_consignments.size()));
        if (tick && index % 2048 == 2047 && !tick(index + 1)) {
            return false;
        }
    }
    return true;
}

void Auction::planCustomer(quint32 index)
{
    const Profile profile = m_profiles.make(index);
    SeededRandom random = SeededRandom::derived(m_seed, kAuctionStream, index);
    std::vector<Lot> &lots = m_schedule.lots();
    const std::vector<Sale> &sales = m_schedule.sales();
    const quint32 me = index + 1;

    // A sale of one of the customer's departments since they registered, if there is one.
    const auto pickSale = [&]() -> int {
        for (int attempt = 0; attempt < 3; ++attempt) {
            const int department = profile.pickDepartment(random, m_catalogue);
            const std::vector<quint32> &list = m_schedule.pastSalesOf(department);
            const std::size_t from = m_schedule.firstPastSaleFrom(department, profile.activeFrom);
            if (from < list.size()) {
                return static_cast<int>(list[from + random.below(list.size() - from)]);
            }
        }
        return -1;
    };

    if (profile.consignor) {
        const int count = profile.power ? 6 : 1 + static_cast<int>(random.below(2));
        for (int k = 0; k < count; ++k) {
            const int sale = pickSale();
            if (sale < 0) {
                continue;
            }
            ConsignmentPlan plan;
            plan.customer = index;
            plan.sale = static_cast<quint32>(sale);
            const int wanted =
                profile.power ? 2 + static_cast<int>(random.below(7)) : 1 + static_cast<int>(random.below(4));
            for (int n = 0; n < wanted * 2 && static_cast<int>(plan.lots.size()) < wanted; ++n) {
                const quint32 lot = sales[static_cast<std::size_t>(sale)].firstLot +
                                    static_cast<quint32>(random.below(sales[static_cast<std::size_t>(sale)].lotCount));
                if (lots[lot].consignor == 0) {
                    lots[lot].consignor = me;
                    lots[lot].consignment = static_cast<quint32>(m_consignments.size() + 1);
                    plan.lots.push_back(lot);
                }
            }
            if (!plan.lots.empty()) {
                std::sort(plan.lots.begin(), plan.lots.end());
                m_consignments.push_back(std::move(plan));
            }
        }
        // Some have something in the coming sales too.
        const std::vector<quint32> upcoming = m_schedule.upcomingSales();
        if (!upcoming.empty() && random.chance(250)) {
            const quint32 sale = random.pick(upcoming);
            ConsignmentPlan plan;
            plan.customer = index;
            plan.sale = sale;
            for (int n = 0; n < 3; ++n) {
                const quint32 lot = sales[sale].firstLot + static_cast<quint32>(random.below(sales[sale].lotCount));
                if (lots[lot].consignor == 0) {
                    lots[lot].consignor = me;
                    lots[lot].consignment = static_cast<quint32>(m_consignments.size() + 1);
                    plan.lots.push_back(lot);
                }
            }
            if (!plan.lots.empty()) {
                std::sort(plan.lots.begin(), plan.lots.end());
                m_consignments.push_back(std::move(plan));
            }
        }
    }

    // Lots to bid on: a department by interest, a sale since registration (often several
    // lots in the same sale), and of a few lots looked at, the one that suits them best.
    static const std::vector<int> factorWeights = {6, 10, 18, 20, 16, 12, 8, 5, 3, 2};
    static const int factors[] = {700, 850, 1000, 1150, 1300, 1500, 1800, 2200, 3000, 5000};
    std::vector<quint32> chosen;
    int lastSale = -1;
    for (int k = 0; k < profile.activity; ++k) {
        const int sale = lastSale >= 0 && random.chance(350) ? lastSale : pickSale();
        if (sale < 0) {
            continue;
        }
        const Sale &data = sales[static_cast<std::size_t>(sale)];
        int best = -1;
        int bestScore = INT_MIN;
        for (int c = 0; c < kCandidates; ++c) {
            const quint32 candidate = data.firstLot + static_cast<quint32>(random.below(data.lotCount));
            const Lot &lot = lots[candidate];
            if (lot.status == LotWithdrawn || lot.bidders >= kMaxBidders || lot.consignor == me ||
                std::find(chosen.begin(), chosen.end(), candidate) != chosen.end()) {
                continue;
            }
            const int score = m_profiles.affinity(profile, lot) + static_cast<int>(random.below(8));
            if (score > bestScore) {
                bestScore = score;
                best = static_cast<int>(candidate);
            }
        }
        if (best < 0) {
            continue;
        }
        Lot &lot = lots[static_cast<std::size_t>(best)];
        ++lot.bidders;
        chosen.push_back(static_cast<quint32>(best));
        lastSale = sale;

        // How far they will go: around the estimate, further for what they love, less
        // above their usual price band.
        qint64 factor = factors[random.weighted(factorWeights)];
        if (lot.band > profile.bandHigh) {
            factor = factor * 70 / 100;
        } else if (lot.band < profile.bandLow) {
            factor = factor * 115 / 100;
        }
        if (profile.likesMaker(lot.maker)) {
            factor = factor * 130 / 100;
        }
        const qint64 maxBid = Pricing::band(lot.band).low * factor / 1000;
        Intent intent;
        intent.lot = static_cast<quint32>(best);
        intent.customer = index;
        intent.maxBid = static_cast<quint32>(std::min<qint64>(maxBid, UINT_MAX));
        m_intents.push_back(intent);
    }
}

bool Auction::settle(const std::function<bool(qint64 done)> &tick)
{
    std::vector<Lot> &lots = m_schedule.lots();
    // Intentions grouped by lot (a counting sort: each lot knows how many it has), then
    // each lot's bidders from the highest maximum down.
    std::vector<quint32> start(lots.size() + 1, 0);
    for (std::size_t l = 0; l < lots.size(); ++l) {
        start[l + 1] = start[l] + lots[l].bidders;
    }
    std::vector<quint32> order(m_intents.size());
    {
        std::vector<quint32> fill(start.begin(), start.end() - 1);
        for (quint32 i = 0; i < m_intents.size(); ++i) {
            order[fill[m_intents[i].lot]++] = i;
        }
    }
    for (std::size_t l = 0; l < lots.size(); ++l) {
        std::sort(order.begin() + start[l], order.begin() + start[l + 1], [this](quint32 a, quint32 b) {
            const Intent &x = m_intents[a];
            const Intent &y = m_intents[b];
            if (x.maxBid != y.maxBid) {
                return x.maxBid > y.maxBid;
            }
            return x.customer < y.customer; // the earlier bidder wins a tie
        });
    }

    std::size_t begin = 0;
    while (begin < order.size()) {
        const quint32 lotIndex = m_intents[order[begin]].lot;
        std::size_t end = begin;
        while (end < order.size() && m_intents[order[end]].lot == lotIndex) {
            ++end;
        }
        Lot &lot = lots[lotIndex];
        const auto bidder = [&](std::size_t rank) -> Intent & { return m_intents[order[begin + rank]]; };
        const std::size_t count = end - begin;
        const int opening = openingStep(lot);
        const int reserve = Pricing::floorStep(lot.reserve);
        const int top = Pricing::floorStep(bidder(0).maxBid);
        if (lot.status != LotWithdrawn && top >= opening) {
            SeededRandom random = SeededRandom::derived(m_seed, kSettleStream, lotIndex);
            const int second = count > 1 ? Pricing::floorStep(bidder(1).maxBid) : -1;
            int leader = top;  // the top bidder's last bid
            int follower = -1; // the runner-up's last bid
            if (top >= reserve) {
                int hammer = second < 0 ? opening : (second < top ? second + 1 : top);
                hammer = std::max({hammer, opening, reserve});
                leader = hammer;
                follower = std::min(second, hammer - 1);
                lot.status = LotSold;
                lot.hammer = static_cast<quint32>(Pricing::step(hammer));
                lot.buyer = bidder(0).customer + 1;
            } else {
                // Bidding stopped short of the reserve: bought in.
                follower = std::min(second, top - 1);
                lot.status = LotUnsold;
            }
            // The top two took turns; their earlier bids alternate down the ladder.
            const int rounds = 1 + static_cast<int>(random.below(3));
            const auto place = [&](Intent &intent, int finalStep, IntentRole role) {
                intent.topStep = static_cast<quint16>(finalStep);
                intent.bids = static_cast<quint8>(std::min(rounds, (finalStep - opening) / 2 + 1));
                intent.role = role;
                return finalStep - 2 * (intent.bids - 1);
            };
            int lowest = place(bidder(0), leader, lot.status == LotSold ? RoleWinner : RoleOther);
            if (count > 1 && follower >= opening) {
                lowest =
                    std::min(lowest, place(bidder(1), follower, lot.status == LotSold ? RoleUnderbidder : RoleOther));
            }
            // The rest dropped out earlier, each at a bid of their own.
            int next = lowest - 1;
            for (std::size_t rank = 2; rank < count && next >= opening; ++rank) {
                const int own = std::min(Pricing::floorStep(bidder(rank).maxBid), next);
                if (own < opening) {
                    continue;
                }
                bidder(rank).topStep = static_cast<quint16>(own);
                bidder(rank).bids = 1;
                bidder(rank).role = RoleOther;
                next = own - 1;
            }
        }
        begin = end;
        if (tick && lotIndex % 65536 == 65535 && !tick(lotIndex)) {
            return false;
        }
    }

    // Invoice numbers: one invoice per buyer per sale, numbered per year in sale order.
    std::map<int, int> perYear;
    const std::vector<Sale> &sales = m_schedule.sales();
    for (int s = 0; s < m_schedule.pastSaleCount(); ++s) {
        const Sale &sale = sales[static_cast<std::size_t>(s)];
        std::vector<quint32> buyers;
        for (quint32 l = sale.firstLot; l < sale.firstLot + sale.lotCount; ++l) {
            if (lots[l].status == LotSold) {
                buyers.push_back(lots[l].buyer - 1);
            }
        }
        std::sort(buyers.begin(), buyers.end());
        buyers.erase(std::unique(buyers.begin(), buyers.end()), buyers.end());
        int &counter = perYear[yearOf(sale.endsAt + kDay)];
        for (const quint32 buyer : buyers) {
            m_invoices.push_back({buyer, static_cast<quint32>(s), ++counter});
        }
    }
    std::sort(m_invoices.begin(), m_invoices.end(), [](const InvoiceKey &a, const InvoiceKey &b) {
        return a.customer != b.customer ? a.customer < b.customer : a.sale < b.sale;
    });
    return true;
}

const Intent *Auction::intentsBegin(quint32 customer) const
{
    return m_intents.data() + m_intentStart[customer];
}

const Intent *Auction::intentsEnd(quint32 customer) const
{
    return m_intents.data() + m_intentStart[customer + 1];
}

std::pair<std::size_t, std::size_t> Auction::consignmentsOf(quint32 customer) const
{
    return {m_consignmentStart[customer], m_consignmentStart[customer + 1]};
}

int Auction::invoiceNumber(quint32 customer, quint32 sale) const
{
    const auto found =
        std::lower_bound(m_invoices.begin(), m_invoices.end(), std::make_pair(customer, sale),
                         [](const InvoiceKey &key, const std::pair<quint32, quint32> &value) {
                             return key.customer != value.first ? key.customer < value.first : key.sale < value.second;
                         });
    if (found == m_invoices.end() || found->customer != customer || found->sale != sale) {
        return 0;
    }
    return found->number;
}

qint64 Auction::lotTime(const Lot &lot) const
{
    const Sale &sale = m_schedule.sales()[lot.sale];
    if (sale.type == SaleType::Live) {
        return sale.startsAt + qint64(lot.position) * 50;
    }
    // Online lots close one after the other, half a minute apart.
    return sale.endsAt + qint64(lot.position) * 30;
}

qint64 Auction::bidTime(const Lot &lot, int step, int topStep, BidChannel channel, quint32 customer) const
{
    const Sale &sale = m_schedule.sales()[lot.sale];
    const qint64 behind = topStep - step + 1;
    if (sale.type == SaleType::Live) {
        if (channel == BidChannel::Absentee) {
            // Commission bids are left with the auctioneer a day or three before.
            return sale.startsAt - (1 + customer % 3) * kDay - (customer % 7) * kHour - behind * 60;
        }
        return lotTime(lot) - behind * 7;
    }
    return std::max(sale.startsAt + 60, lotTime(lot) - behind * 97 * 60);
}

} // namespace Gavel::Models::Demo
