#include "demoschedule.h"

#include "democatalogue.h"
#include "seededrandom.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>
#include <array>

namespace Gavel::Models::Demo {

namespace {

constexpr quint64 kScheduleStream = 0x5343484544; // "SCHED"
constexpr int kYears = 6;

qint64 epochOf(const QDate &date, int hour, int minute = 0)
{
    return QDateTime(date, QTime(hour, minute), QTimeZone::utc()).toSecsSinceEpoch();
}

QDate dateOf(qint64 epoch)
{
    return QDateTime::fromSecsSinceEpoch(epoch, QTimeZone::utc()).date();
}

/// Salerooms sell on weekdays.
QDate weekday(QDate date)
{
    if (date.dayOfWeek() == 6) {
        return date.addDays(-1);
    }
    if (date.dayOfWeek() == 7) {
        return date.addDays(1);
    }
    return date;
}

struct OfferData
{
    const char *code;
    const char *name;
    const char *text;
};
constexpr std::array<OfferData, 4> kOffers = {{
    {"FREEDEL", "Free UK delivery", "Free UK delivery on your next purchase"},
    {"CAT20", "Catalogue subscriptions", "20% off a year's subscription to our printed catalogues"},
    {"PREMIUM5", "Online bidding offer", "5% off the buyer's premium at our next online sales"},
    {"SHOP15", "Shop offer", "15% off books and catalogues in our online shop"},
}};

constexpr std::array<const char *, 6> kNewsletterSubjects = {"This month at Hawthorne & Reeve",
                                                             "Highlights of the season",
                                                             "News from the salerooms",
                                                             "Record prices and new consignments",
                                                             "What our specialists are looking at",
                                                             "Dates for your diary"};

} // namespace

QString Schedule::monthName(int month)
{
    static const std::array<const char *, 12> names = {"January",   "February", "March",    "April",
                                                       "May",       "June",     "July",     "August",
                                                       "September", "October",  "November", "December"};
    return QString::fromLatin1(names[static_cast<std::size_t>(std::clamp(month, 1, 12) - 1)]);
}

QStringList Schedule::subscriptionCategoryCodes()
{
    return {QStringLiteral("newsletter"), QStringLiteral("sale_alerts"), QStringLiteral("department_news"),
            QStringLiteral("events"), QStringLiteral("offers")};
}

Schedule::Schedule(const Catalogue &catalogue, quint64 seed, const QDate &anchorDate, int customers)
    : m_seed(seed), m_customers(customers)
{
    m_anchor = epochOf(anchorDate, 0);
    m_windowStart = epochOf(anchorDate.addYears(-kYears), 0);
    m_campaignsByKind.resize(static_cast<std::size_t>(CampaignKind::Offer) + 1);
    planSales(catalogue, customers);
    planCampaigns(catalogue);
    planPolls();
}

void Schedule::planSales(const Catalogue &catalogue, int customers)
{
    SeededRandom random = SeededRandom::derived(m_seed, kScheduleStream, 1);
    const std::vector<Department> &departments = catalogue.departments();
    const int departmentCount = static_cast<int>(departments.size());

    // About 1.15 past lots per customer keeps most lots bid on at any scale; small houses
    // get small sales, large ones sales of up to 300 lots.
    const int averageLots = std::clamp(customers / 40, 12, 300);
    const qint64 targetLots = std::max<qint64>(qint64(departmentCount) * averageLots, qint64(customers) * 115 / 100);
    const int pastSales = std::max(departmentCount, static_cast<int>((targetLots + averageLots / 2) / averageLots));

    // Each department gets sales in proportion to its weight (largest remainder), every
    // department at least one; the order over the years is shuffled.
    int totalWeight = 0;
    for (const Department &department : departments) {
        totalWeight += department.weight;
    }
    std::vector<int> order;
    std::vector<std::pair<int, int>> remainders;
    for (int d = 0; d < departmentCount; ++d) {
        const int share = std::max(1, pastSales * departments[static_cast<std::size_t>(d)].weight / totalWeight);
        for (int k = 0; k < share; ++k) {
            order.push_back(d);
        }
        remainders.emplace_back(-(pastSales * departments[static_cast<std::size_t>(d)].weight % totalWeight), d);
    }
    std::sort(remainders.begin(), remainders.end());
    for (std::size_t k = 0; static_cast<int>(order.size()) < pastSales; ++k) {
        order.push_back(remainders[k % remainders.size()].second);
    }
    random.shuffle(order);

    const std::vector<int> salerooms = catalogue.venuesOfKind(VenueKind::Saleroom);
    const int online = catalogue.venueOfKind(VenueKind::Online);
    const QDate anchorDate = dateOf(m_anchor);
    const QDate first = dateOf(m_windowStart).addDays(7);
    const qint64 span = first.daysTo(anchorDate.addDays(-5));
    const qint64 premiumChange = m_anchor - 2 * 365 * kDay;

    const auto makeSale = [&](int department, QDate date, bool upcoming, int lots) {
        Sale sale;
        sale.department = department;
        sale.upcoming = upcoming;
        const int roll = static_cast<int>(random.below(100));
        sale.type = roll < 60 ? SaleType::Live : roll < 90 ? SaleType::Online : SaleType::Timed;
        date = weekday(date);
        if (sale.type == SaleType::Live) {
            static const std::vector<int> roomWeights = {60, 25, 15};
            sale.venue = salerooms[static_cast<std::size_t>(random.weighted(roomWeights))];
            sale.startsAt = epochOf(date, random.chance(500) ? 10 : 14);
            sale.endsAt = sale.startsAt + qint64(lots) * 50 + 30 * 60;
        } else {
            sale.venue = online;
            sale.startsAt = epochOf(date, 12);
            QDate end = date.addDays(7 + static_cast<qint64>(random.below(4)));
            if (!upcoming && end >= anchorDate.addDays(-2)) {
                end = anchorDate.addDays(-3);
            }
            sale.endsAt = std::max(sale.startsAt + kDay, epochOf(end, 19));
        }
        sale.premiumBp = departments[static_cast<std::size_t>(department)].code == u"WIN" ? 2250
                         : sale.startsAt < premiumChange                                  ? 2500
                                                                                          : 2600;
        sale.specialist = random.pick(departments[static_cast<std::size_t>(department)].specialists);
        sale.lotCount = static_cast<quint32>(lots);
        return sale;
    };

    for (int i = 0; i < pastSales; ++i) {
        const qint64 slot = span * i / pastSales;
        const qint64 jitter =
            static_cast<qint64>(random.below(static_cast<quint64>(std::max<qint64>(1, span / pastSales))));
        const int lots = std::max(8, averageLots * static_cast<int>(random.between(70, 130)) / 100);
        m_sales.push_back(makeSale(order[static_cast<std::size_t>(i)], first.addDays(slot + jitter), false, lots));
    }
    std::stable_sort(m_sales.begin(), m_sales.end(),
                     [](const Sale &a, const Sale &b) { return a.startsAt < b.startsAt; });
    m_pastSales = pastSales;

    // Two to four sales in the coming weeks, of different departments: what the house is
    // calling its collectors about.
    const int upcoming = static_cast<int>(random.between(2, 4));
    std::vector<int> candidates;
    for (int d = 0; d < departmentCount; ++d) {
        for (int w = 0; w < departments[static_cast<std::size_t>(d)].weight; ++w) {
            candidates.push_back(d);
        }
    }
    std::vector<int> chosen;
    while (static_cast<int>(chosen.size()) < upcoming) {
        const int department = random.pick(candidates);
        if (std::find(chosen.begin(), chosen.end(), department) == chosen.end()) {
            chosen.push_back(department);
        }
    }
    const int upcomingLots = std::clamp(customers / 20, 20, 250);
    for (int k = 0; k < upcoming; ++k) {
        const QDate date = anchorDate.addDays(6 + k * 9 + static_cast<qint64>(random.below(6)));
        Sale sale = makeSale(chosen[static_cast<std::size_t>(k)], date, true,
                             upcomingLots * static_cast<int>(random.between(80, 120)) / 100);
        m_sales.push_back(sale);
    }

    // Numbers and titles, in time order: the saleroom's letter, the year, a sequence.
    std::vector<std::pair<QString, int>> sequences;
    quint32 firstLot = 0;
    m_pastSalesByDepartment.assign(departments.size(), {});
    for (std::size_t i = 0; i < m_sales.size(); ++i) {
        Sale &sale = m_sales[i];
        const QString prefix = catalogue.venues()[static_cast<std::size_t>(sale.venue)].salePrefix;
        const int year = dateOf(sale.startsAt).year();
        const QString key = prefix + QString::number(year);
        auto found =
            std::find_if(sequences.begin(), sequences.end(), [&](const auto &entry) { return entry.first == key; });
        if (found == sequences.end()) {
            sequences.emplace_back(key, 0);
            found = sequences.end() - 1;
        }
        ++found->second;
        sale.saleNo = QStringLiteral("%1%2%3")
                          .arg(prefix)
                          .arg(year % 100, 2, 10, QLatin1Char('0'))
                          .arg(found->second, 3, 10, QLatin1Char('0'));
        sale.title = saleTitle(catalogue, sale);
        sale.firstLot = firstLot;
        firstLot += sale.lotCount;
        if (!sale.upcoming) {
            m_pastSalesByDepartment[static_cast<std::size_t>(sale.department)].push_back(static_cast<quint32>(i));
        }
    }
}

QString Schedule::saleTitle(const Catalogue &catalogue, const Sale &sale) const
{
    const Department &department = catalogue.departments()[static_cast<std::size_t>(sale.department)];
    const QDate start = dateOf(sale.startsAt);
    const QDate end = dateOf(sale.endsAt);
    const auto day = [](const QDate &date) {
        return QStringLiteral("%1 %2 %3").arg(date.day()).arg(monthName(date.month())).arg(date.year());
    };
    if (sale.type == SaleType::Live) {
        const QString city = catalogue.venues()[static_cast<std::size_t>(sale.venue)].city;
        return department.saleName + QStringLiteral(", ") + city + QStringLiteral(", ") + day(start);
    }
    QString dates;
    if (start.month() == end.month() && start.year() == end.year()) {
        dates = QStringLiteral("%1–").arg(start.day()) + day(end);
    } else {
        dates = QStringLiteral("%1 %2 – ").arg(start.day()).arg(monthName(start.month())) + day(end);
    }
    return department.saleName + QStringLiteral(", Online, ") + dates;
}

bool Schedule::makeLots(const Catalogue &catalogue, const std::function<bool()> &tick)
{
    m_lots.clear();
    m_lots.reserve(m_sales.empty() ? 0 : m_sales.back().firstLot + m_sales.back().lotCount);
    for (std::size_t i = 0; i < m_sales.size(); ++i) {
        const Sale &sale = m_sales[i];
        for (quint32 position = 0; position < sale.lotCount; ++position) {
            m_lots.push_back(
                catalogue.makeLot(m_seed, static_cast<quint32>(i), position, sale.department, !sale.upcoming));
        }
        if (!sale.upcoming) {
            m_pastLots = static_cast<quint32>(m_lots.size());
        }
        if (tick && i % 16 == 15 && !tick()) {
            return false;
        }
    }
    return true;
}

const std::vector<quint32> &Schedule::pastSalesOf(int department) const
{
    return m_pastSalesByDepartment[static_cast<std::size_t>(department)];
}

std::size_t Schedule::firstPastSaleFrom(int department, qint64 time) const
{
    const std::vector<quint32> &list = pastSalesOf(department);
    const auto found = std::lower_bound(list.begin(), list.end(), time,
                                        [this](quint32 sale, qint64 value) { return m_sales[sale].startsAt < value; });
    return static_cast<std::size_t>(found - list.begin());
}

std::vector<quint32> Schedule::upcomingSales() const
{
    std::vector<quint32> list;
    for (std::size_t i = static_cast<std::size_t>(m_pastSales); i < m_sales.size(); ++i) {
        list.push_back(static_cast<quint32>(i));
    }
    return list;
}

const std::vector<int> &Schedule::campaignsOfKind(CampaignKind kind) const
{
    return m_campaignsByKind[static_cast<std::size_t>(kind)];
}

std::vector<int> Schedule::campaignsOfSale(int sale) const
{
    if (sale < 0 || static_cast<std::size_t>(sale) >= m_campaignsBySale.size()) {
        return {};
    }
    return m_campaignsBySale[static_cast<std::size_t>(sale)];
}

void Schedule::planCampaigns(const Catalogue &catalogue)
{
    SeededRandom random = SeededRandom::derived(m_seed, kScheduleStream, 2);
    const std::vector<Department> &departments = catalogue.departments();
    std::vector<Campaign> campaigns;
    const auto add = [&](Campaign campaign) {
        // Only what was sent before "today" exists.
        if (campaign.sentAt > 0 && campaign.sentAt < m_anchor) {
            campaigns.push_back(std::move(campaign));
        }
    };
    const int newsletter = 0, saleAlerts = 1, departmentNews = 2, events = 3, offers = 4;

    Campaign welcome;
    welcome.kind = CampaignKind::Welcome;
    welcome.key = QStringLiteral("welcome");
    welcome.name = QStringLiteral("Welcome to ") + catalogue.houseName();
    welcome.programme = QStringLiteral("Welcome series");
    welcome.subject =
        QStringLiteral("Welcome to ") + catalogue.houseName() + QStringLiteral(": how to buy and sell with us");
    welcome.sentAt = m_windowStart;
    add(welcome);
    // Customers without an e-mail address get their welcome by post.
    welcome.channel = Channel::Post;
    welcome.key = QStringLiteral("welcome-pack");
    welcome.name = QStringLiteral("Welcome pack by post");
    welcome.subject = QString();
    add(welcome);

    for (std::size_t i = 0; i < m_sales.size(); ++i) {
        const Sale &sale = m_sales[i];
        const QString &department = departments[static_cast<std::size_t>(sale.department)].name;
        Campaign campaign;
        campaign.sale = static_cast<int>(i);
        campaign.department = sale.department;
        campaign.subscriptionCategory = saleAlerts;

        campaign.kind = CampaignKind::SaleCatalogue;
        campaign.key = QStringLiteral("catalogue-") + sale.saleNo;
        campaign.name = QStringLiteral("Catalogue online: ") + sale.title;
        campaign.programme = QStringLiteral("Sale catalogues");
        campaign.subject =
            QStringLiteral("Now online: ") + departments[static_cast<std::size_t>(sale.department)].saleName;
        campaign.sentAt = sale.startsAt - 14 * kDay - 3 * kHour;
        add(campaign);

        if (random.chance(400)) {
            const bool live = sale.type == SaleType::Live;
            campaign.kind = CampaignKind::SaleReminder;
            campaign.key = QStringLiteral("reminder-") + sale.saleNo;
            campaign.name = (live ? QStringLiteral("Sale tomorrow: ") : QStringLiteral("Closing soon: ")) + sale.title;
            campaign.programme = QStringLiteral("Sale reminders");
            campaign.subject =
                live ? QString(QStringLiteral("Tomorrow: ") + department + QStringLiteral(" — leave your bids"))
                     : QString(QStringLiteral("Last chance to bid: ") + department);
            campaign.sentAt = (live ? sale.startsAt : sale.endsAt) - kDay;
            add(campaign);
        }
        if (random.chance(150)) {
            campaign.kind = CampaignKind::SaleSms;
            campaign.channel = Channel::Sms;
            campaign.key = QStringLiteral("sms-") + sale.saleNo;
            campaign.name = QStringLiteral("SMS: ") + sale.title + QStringLiteral(" starts today");
            campaign.programme = QStringLiteral("Sale reminders");
            campaign.subject = department + QStringLiteral(" starts today. Bid online: ") + catalogue.houseWebsite() +
                               QStringLiteral("/s/") + sale.saleNo;
            campaign.sentAt = sale.startsAt - 3 * kHour;
            add(campaign);
        }
        if (sale.type == SaleType::Live && random.chance(150)) {
            campaign.kind = CampaignKind::SalePost;
            campaign.channel = Channel::Post;
            campaign.key = QStringLiteral("post-") + sale.saleNo;
            campaign.name = QStringLiteral("Printed catalogue: ") + sale.title;
            campaign.programme = QStringLiteral("Printed catalogues");
            campaign.subject = QString();
            campaign.sentAt = sale.startsAt - 21 * kDay;
            add(campaign);
        }
        if (random.chance(60)) {
            campaign.kind = CampaignKind::SalePush;
            campaign.channel = Channel::Push;
            campaign.key = QStringLiteral("push-") + sale.saleNo;
            campaign.name = QStringLiteral("App: ") + sale.title + QStringLiteral(" is live");
            campaign.programme = QStringLiteral("App notifications");
            campaign.subject = QStringLiteral("Live now: ") + department;
            campaign.sentAt = sale.startsAt;
            add(campaign);
        }
    }

    const QDate start = dateOf(m_windowStart);
    for (int month = 0; month < kYears * 12; ++month) {
        const QDate first = QDate(start.year(), start.month(), 1).addMonths(month);
        const QString label = monthName(first.month()) + u' ' + QString::number(first.year());
        const QString stamp = QStringLiteral("%1-%2").arg(first.year()).arg(first.month(), 2, 10, QLatin1Char('0'));

        Campaign news;
        news.kind = CampaignKind::Newsletter;
        news.subscriptionCategory = newsletter;
        news.key = QStringLiteral("newsletter-") + stamp;
        news.name = QStringLiteral("Newsletter — ") + label;
        news.programme = QStringLiteral("Monthly newsletter");
        news.subject =
            QString::fromLatin1(kNewsletterSubjects[static_cast<std::size_t>(month) % kNewsletterSubjects.size()]);
        news.sentAt = epochOf(weekday(first.addDays(2)), 9);
        add(news);

        for (int k = 0; k < 2; ++k) {
            const int department = (month * 2 + k) % static_cast<int>(departments.size());
            Campaign item;
            item.kind = CampaignKind::DepartmentNews;
            item.subscriptionCategory = departmentNews;
            item.department = department;
            item.key =
                QStringLiteral("department-") + stamp + u'-' + departments[static_cast<std::size_t>(department)].code;
            item.name = departments[static_cast<std::size_t>(department)].name + QStringLiteral(" news — ") + label;
            item.programme = QStringLiteral("Department news");
            item.subject = QStringLiteral("From our ") + departments[static_cast<std::size_t>(department)].name +
                           QStringLiteral(" specialists");
            item.sentAt = epochOf(weekday(first.addDays(14)), 10);
            add(item);
        }

        if (month % 2 == 1) {
            // A private view of the next live sale a few weeks away, or a specialist's talk.
            const qint64 sent = epochOf(weekday(first.addDays(19)), 11);
            Campaign invitation;
            invitation.kind = CampaignKind::Invitation;
            invitation.subscriptionCategory = events;
            invitation.key = QStringLiteral("invitation-") + stamp;
            invitation.programme = QStringLiteral("Events and viewings");
            invitation.sentAt = sent;
            const auto next = std::find_if(m_sales.begin(), m_sales.end(), [&](const Sale &sale) {
                return sale.type == SaleType::Live && sale.startsAt > sent + 10 * kDay;
            });
            if (next != m_sales.end() && next->startsAt < sent + 45 * kDay) {
                invitation.sale = static_cast<int>(next - m_sales.begin());
                invitation.department = next->department;
                invitation.name = QStringLiteral("Invitation: private view, ") + next->title;
                invitation.subject = QStringLiteral("You are invited to a private view");
            } else {
                invitation.department = month % static_cast<int>(departments.size());
                invitation.name = QStringLiteral("Invitation: talk, collecting ") +
                                  departments[static_cast<std::size_t>(invitation.department)].name;
                invitation.subject = QStringLiteral("An evening with our specialists");
            }
            add(invitation);
        }

        if (month % 3 == 1) {
            // The season's auction calendar, by post to those who asked for printed matter.
            static const char *const seasons[] = {"Winter", "Spring", "Summer", "Autumn"};
            Campaign calendar;
            calendar.kind = CampaignKind::SalePost;
            calendar.channel = Channel::Post;
            calendar.subscriptionCategory = saleAlerts;
            calendar.key = QStringLiteral("calendar-") + stamp;
            calendar.name = QStringLiteral("Auction calendar by post — ") +
                            QString::fromLatin1(seasons[(first.month() % 12) / 3]) + u' ' +
                            QString::number(first.year());
            calendar.programme = QStringLiteral("Printed catalogues");
            calendar.sentAt = epochOf(weekday(first.addDays(4)), 8);
            add(calendar);
        }

        if (month % 3 == 0) {
            const OfferData &offer = kOffers[static_cast<std::size_t>(month / 3) % kOffers.size()];
            Campaign item;
            item.kind = CampaignKind::Offer;
            item.subscriptionCategory = offers;
            item.key = QStringLiteral("offer-") + stamp;
            item.name = QString::fromLatin1(offer.name) + QStringLiteral(" — ") + label;
            item.programme = QStringLiteral("Offers");
            item.subject = QString::fromLatin1(offer.text);
            item.offerCode = QString::fromLatin1(offer.code) + QString::number(first.year() % 100);
            item.offerText = QString::fromLatin1(offer.text);
            item.sentAt = epochOf(weekday(first.addDays(7)), 9);
            add(item);
        }
    }

    std::stable_sort(campaigns.begin(), campaigns.end(), [](const Campaign &a, const Campaign &b) {
        return a.sentAt != b.sentAt ? a.sentAt < b.sentAt : a.key < b.key;
    });
    m_campaigns = std::move(campaigns);
    m_campaignsBySale.assign(m_sales.size(), {});
    for (std::size_t i = 0; i < m_campaigns.size(); ++i) {
        const Campaign &campaign = m_campaigns[i];
        m_campaignsByKind[static_cast<std::size_t>(campaign.kind)].push_back(static_cast<int>(i));
        if (campaign.sale >= 0) {
            m_campaignsBySale[static_cast<std::size_t>(campaign.sale)].push_back(static_cast<int>(i));
        }
    }
}

void Schedule::planPolls()
{
    struct PollData
    {
        const char *key;
        const char *title;
        std::vector<std::pair<const char *, const char *>> questions; // question, '|'-separated answers
    };
    const std::vector<PollData> data = {
        {"collecting-interests",
         "Your collecting interests",
         {{"Which areas do you collect?",
           "Old Masters|Modern British|Contemporary art|Jewellery and watches|Asian art|Books and manuscripts"},
          {"How often do you buy at auction?", "Several times a year|Once or twice a year|Rarely|I am new to auctions"},
          {"What do you usually spend on a lot?", "Under £1,000|£1,000–£10,000|£10,000–£100,000|Over £100,000"}}},
        {"bidding",
         "How do you like to bid?",
         {{"How do you usually bid?", "In the saleroom|By telephone|Commission bids|Online"},
          {"Which bidding platforms do you use?", "Our website|the-saleroom.com|LiveAuctioneers|Invaluable"}}},
        {"website",
         "Our new website",
         {{"How easy is it to find lots?", "Very easy|Easy|Difficult|Very difficult"},
          {"Would you use a mobile app?", "Yes|No|Maybe"},
          {"Which feature would you like most?",
           "Saved searches|Price alerts|Live video of sales|Condition reports online"},
          {"How did you hear about us?", "A friend|A search engine|A bidding platform|Press"}}},
        {"events",
         "Events and viewings",
         {{"Which events interest you?", "Private views|Talks by specialists|Collectors' dinners|Valuation days"},
          {"Where would you attend?", "London|Edinburgh|Bath|Online only"}}},
    };
    const std::vector<int> &newsletters = campaignsOfKind(CampaignKind::Newsletter);
    for (std::size_t p = 0; p < data.size() && !newsletters.empty(); ++p) {
        // Spread over the years, each in a newsletter.
        const int campaign = newsletters[(p * 2 + 1) * newsletters.size() / (data.size() * 2)];
        Poll poll;
        poll.key = QString::fromLatin1(data[p].key);
        poll.title = QString::fromUtf8(data[p].title);
        poll.campaign = campaign;
        poll.createdAt = m_campaigns[static_cast<std::size_t>(campaign)].sentAt;
        for (const auto &[question, answers] : data[p].questions) {
            poll.questions.push_back({QString::fromUtf8(question), QString::fromUtf8(answers).split(u'|')});
        }
        m_campaigns[static_cast<std::size_t>(campaign)].poll = static_cast<int>(m_polls.size());
        m_polls.push_back(std::move(poll));
    }
}

} // namespace Gavel::Models::Demo
