#include "demoengagement.h"

#include "democatalogue.h"
#include "demoschedule.h"

#include <algorithm>

namespace Gavel::Models::Demo {

namespace {

constexpr int kNewsletter = 0;
constexpr int kSaleAlerts = 1;
constexpr int kDepartmentNews = 2;
constexpr int kEvents = 3;
constexpr int kOffers = 4;

QString channelKey(Channel channel)
{
    switch (channel) {
    case Channel::Email:
        return QStringLiteral("email");
    case Channel::Sms:
        return QStringLiteral("sms");
    case Channel::Push:
        return QStringLiteral("push");
    case Channel::Post:
        return QStringLiteral("post");
    }
    return {};
}

QString channelLabel(Channel channel)
{
    switch (channel) {
    case Channel::Email:
        return QStringLiteral("e-mail");
    case Channel::Sms:
        return QStringLiteral("SMS");
    case Channel::Push:
        return QStringLiteral("app");
    case Channel::Post:
        return QStringLiteral("post");
    }
    return {};
}

QVariant timeOrNull(qint64 time)
{
    return time == 0 ? QVariant() : QVariant(static_cast<qlonglong>(time));
}

const QString kCodeAlphabet = QStringLiteral("ABCDEFGHJKLMNPQRSTUVWXYZ23456789");

} // namespace

Engagement::Engagement(const Catalogue &catalogue, const Schedule &schedule, const Profiles &profiles, IdPlan &ids)
    : m_catalogue(catalogue), m_schedule(schedule), m_profiles(profiles), m_ids(ids)
{
    m_audience.assign(schedule.campaigns().size(), 0);
    m_control.assign(schedule.campaigns().size(), 0);
    for (const int c : schedule.campaignsOfKind(CampaignKind::Welcome)) {
        (schedule.campaigns()[static_cast<std::size_t>(c)].channel == Channel::Email ? m_welcomeEmail : m_welcomePost) =
            c;
    }
    const QString house = catalogue.houseName();
    m_products = {
        {QStringLiteral("Annual catalogue subscription, all departments"), 25000},
        {QStringLiteral("Annual catalogue subscription, one department"), 9500},
        {house + QStringLiteral(" Review of the Year"), 2500},
        {QStringLiteral("Printed catalogue"), 2000},
        {QStringLiteral("Book: A Collector's Guide to Chinese Ceramics"), 3800},
        {QStringLiteral("Book: The Wristwatch, 1900–2000"), 4500},
        {QStringLiteral("Book: British Watercolours from Turner to Today"), 3500},
        {QStringLiteral("Gift card, £100"), 10000},
        {QStringLiteral("Tote bag"), 1500},
        {QStringLiteral("Valuation day ticket"), 2000},
    };
}

void Engagement::subscribe(Draft &draft) const
{
    // Ticked boxes at registration. People without an address for a channel can still tick
    // it (a landline typed as SMS number): the mailing decides who can be reached.
    const Person &person = draft.person;
    SeededRandom &random = draft.random;
    const qint64 at = draft.profile.registeredAt;
    const auto tick = [&](Channel channel, int category, int permille, const QString &source) {
        if (random.chance(permille)) {
            Draft::Subscription &state =
                draft.subscriptions[static_cast<std::size_t>(channel)][static_cast<std::size_t>(category)];
            state.since = at;
            state.source = source;
        }
    };
    const QString form = QStringLiteral("registration");
    if (!person.email.isEmpty()) {
        tick(Channel::Email, kNewsletter, 800, form);
        tick(Channel::Email, kSaleAlerts, 850, form);
        tick(Channel::Email, kDepartmentNews, 550, form);
        tick(Channel::Email, kEvents, 400, form);
        tick(Channel::Email, kOffers, 350, form);
    }
    if (!person.smsNumber.isEmpty()) {
        tick(Channel::Sms, kSaleAlerts, 450, form);
        tick(Channel::Sms, kOffers, 120, form);
    }
    tick(Channel::Post, kSaleAlerts, draft.profile.power ? 1000 : (person.email.isEmpty() ? 600 : 110), form);
    tick(Channel::Push, kSaleAlerts, 60, QStringLiteral("app"));

    // Everyone gets something: the newsletter by e-mail, or printed matter by post.
    bool any = false;
    for (const auto &channel : draft.subscriptions) {
        for (const Draft::Subscription &state : channel) {
            any = any || state.since > 0;
        }
    }
    if (!any) {
        Draft::Subscription &state = person.canEmail()
                                         ? draft.subscriptions[static_cast<std::size_t>(Channel::Email)][kNewsletter]
                                         : draft.subscriptions[static_cast<std::size_t>(Channel::Post)][kSaleAlerts];
        state.since = at;
        state.source = form;
    }
}

quint32 Engagement::pickLot(Draft &draft, quint32 sale) const
{
    const Sale &data = m_schedule.sales()[sale];
    quint32 best = data.firstLot;
    int bestScore = INT_MIN;
    for (int c = 0; c < 5; ++c) {
        const quint32 lot = data.firstLot + static_cast<quint32>(draft.random.below(data.lotCount));
        const int score =
            m_profiles.affinity(draft.profile, m_schedule.lots()[lot]) + static_cast<int>(draft.random.below(8));
        if (score > bestScore) {
            bestScore = score;
            best = lot;
        }
    }
    return best;
}

void Engagement::addMailings(Draft &draft, Chunk &chunk)
{
    const Profile &profile = draft.profile;
    SeededRandom &random = draft.random;
    const std::vector<Campaign> &campaigns = m_schedule.campaigns();
    m_suppressed = false;

    std::vector<int> picks;
    const auto consider = [&](int campaign) {
        if (campaigns[static_cast<std::size_t>(campaign)].sentAt >= profile.activeFrom) {
            picks.push_back(campaign);
        }
    };
    const auto favourite = [&](int department) {
        return std::find(profile.departments.begin(), profile.departments.begin() + profile.departmentCount,
                         static_cast<quint8>(department)) != profile.departments.begin() + profile.departmentCount;
    };
    const int activity = std::min(profile.activity, 40);
    for (const int c : m_schedule.campaignsOfKind(CampaignKind::Newsletter)) {
        if (random.chance(80 + activity * 25)) {
            consider(c);
        }
    }
    for (const int c : m_schedule.campaignsOfKind(CampaignKind::DepartmentNews)) {
        if (favourite(campaigns[static_cast<std::size_t>(c)].department) && random.chance(100 + activity * 20)) {
            consider(c);
        }
    }
    for (const int c : m_schedule.campaignsOfKind(CampaignKind::Invitation)) {
        if (favourite(campaigns[static_cast<std::size_t>(c)].department) && random.chance(200)) {
            consider(c);
        }
    }
    for (const int c : m_schedule.campaignsOfKind(CampaignKind::Offer)) {
        if (random.chance(200 + activity * 20)) {
            consider(c);
        }
    }
    for (const int c : m_schedule.campaignsOfKind(CampaignKind::SalePost)) {
        if (campaigns[static_cast<std::size_t>(c)].sale < 0 && random.chance(profile.power ? 1000 : 300)) {
            consider(c);
        }
    }
    // The mailings about sales: those they bid in, and more of their departments' sales.
    std::vector<quint32> sales;
    for (const Draft::Engagement &engagement : draft.engaged) {
        sales.push_back(m_schedule.lots()[engagement.lot].sale);
    }
    for (int k = 0; k < 1 + activity * 2; ++k) {
        const int department = profile.pickDepartment(random, m_catalogue);
        const std::vector<quint32> &list = m_schedule.pastSalesOf(department);
        const std::size_t from = m_schedule.firstPastSaleFrom(department, profile.activeFrom + 14 * kDay);
        std::vector<quint32> upcoming;
        for (const quint32 sale : m_schedule.upcomingSales()) {
            if (m_schedule.sales()[sale].department == department) {
                upcoming.push_back(sale);
            }
        }
        const std::size_t choices = list.size() - from + upcoming.size();
        if (choices > 0) {
            const std::size_t pick = random.below(choices);
            sales.push_back(pick < list.size() - from ? list[from + pick] : upcoming[pick - (list.size() - from)]);
        }
    }
    for (const quint32 sale : sales) {
        for (const int c : m_schedule.campaignsOfSale(static_cast<int>(sale))) {
            const CampaignKind kind = campaigns[static_cast<std::size_t>(c)].kind;
            if (kind == CampaignKind::SaleCatalogue || random.chance(kind == CampaignKind::SaleReminder ? 500 : 700)) {
                consider(c);
            }
        }
    }
    std::sort(picks.begin(), picks.end());
    picks.erase(std::unique(picks.begin(), picks.end()), picks.end());

    // New customers are welcomed: by e-mail, or by post without an address.
    if (profile.registeredAt >= m_schedule.windowStart()) {
        addRecipient(draft, chunk, draft.person.canEmail() ? m_welcomeEmail : m_welcomePost, false);
    }
    for (const int campaign : picks) {
        addRecipient(draft, chunk, campaign, true);
    }
    if (draft.mailings == 0) {
        // Still nothing: the latest newsletter or auction calendar they are subscribed to
        // (subscribing them from the start if need be).
        const bool email = draft.person.canEmail();
        const int category = email ? kNewsletter : kSaleAlerts;
        const Channel channel = email ? Channel::Email : Channel::Post;
        Draft::Subscription &state =
            draft.subscriptions[static_cast<std::size_t>(channel)][static_cast<std::size_t>(category)];
        if (state.since == 0 || state.unsubscribedAt != 0) {
            state = {profile.activeFrom, 0, QStringLiteral("staff")};
        }
        const std::vector<int> &kind =
            m_schedule.campaignsOfKind(email ? CampaignKind::Newsletter : CampaignKind::SalePost);
        for (auto it = kind.rbegin(); it != kind.rend() && draft.mailings == 0; ++it) {
            const Campaign &campaign = campaigns[static_cast<std::size_t>(*it)];
            if (campaign.channel == channel && campaign.sentAt >= state.since && campaign.sale < 0) {
                m_suppressed = false;
                addRecipient(draft, chunk, *it, false);
            }
        }
    }
}

void Engagement::addRecipient(Draft &draft, Chunk &chunk, int index, bool allowControl)
{
    if (index < 0) {
        return;
    }
    const Campaign &campaign = m_schedule.campaigns()[static_cast<std::size_t>(index)];
    const Person &person = draft.person;
    SeededRandom &random = draft.random;
    const bool welcome = campaign.kind == CampaignKind::Welcome;
    // Large sends go out over half an hour.
    qint64 sent = welcome ? draft.profile.registeredAt + (campaign.channel == Channel::Post ? 3 * kDay : kHour)
                          : campaign.sentAt + static_cast<qint64>(draft.index % 1800);
    if (sent >= m_schedule.anchor()) {
        return;
    }
    switch (campaign.channel) {
    case Channel::Email:
        if (!person.canEmail() || m_suppressed) {
            return;
        }
        break;
    case Channel::Sms:
        if (!person.canText()) {
            return;
        }
        break;
    case Channel::Post:
    case Channel::Push:
        break;
    }
    if (!welcome && !draft.subscribed(campaign.channel, campaign.subscriptionCategory, sent)) {
        return;
    }
    const qint64 campaignId = m_ids.campaign + index;
    const qint64 saleId = campaign.sale >= 0 ? m_ids.sale + campaign.sale : 0;
    ++m_audience[static_cast<std::size_t>(index)];
    ++draft.mailings;
    // A control group of about 7 % is held back: nothing is sent to it.
    if (allowControl && random.chance(70)) {
        ++m_control[static_cast<std::size_t>(index)];
        chunk.campaignRecipients.add(
            {campaignId, draft.id, 1, QVariant(), QVariant(), 0, QVariant(), 0, QVariant(), QVariant()});
        return;
    }

    qint64 opened = 0;
    int openCount = 0;
    qint64 clicked = 0;
    int clickCount = 0;
    qint64 unsubscribed = 0;
    qint64 bounced = 0;
    const auto unsubscribe = [&](qint64 at, const QString &how) {
        if (campaign.subscriptionCategory < 0) {
            return;
        }
        Draft::Subscription &state = draft.subscriptions[static_cast<std::size_t>(campaign.channel)]
                                                        [static_cast<std::size_t>(campaign.subscriptionCategory)];
        unsubscribed = at;
        state.unsubscribedAt = at;
        EventRow &event = draft.event(EventKind::Unsubscribed, at);
        event.campaign = campaignId;
        event.ref = m_ids.subscriptionCategories[static_cast<std::size_t>(campaign.subscriptionCategory)];
        event.info = how;
        event.details = QStringLiteral("{\"channel\":\"") + channelKey(campaign.channel) + QStringLiteral("\"}");
    };

    switch (campaign.channel) {
    case Channel::Email: {
        EventRow &sentEvent = draft.event(EventKind::EmailSent, sent);
        sentEvent.campaign = campaignId;
        sentEvent.sale = saleId;
        if (person.emailKind == EmailKind::Undeliverable) {
            // The domain does not exist: a hard bounce, and no more mail to that address.
            bounced = sent + 60 + static_cast<qint64>(random.below(600));
            EventRow &event = draft.event(EventKind::EmailBounced, bounced);
            event.campaign = campaignId;
            event.info =
                QStringLiteral("Hard bounce: the domain of ") + person.email + QStringLiteral(" does not exist");
            m_suppressed = true;
            break;
        }
        if (random.chance(draft.profile.openPermille)) {
            opened = sent + 300 + static_cast<qint64>(random.below(2 * kDay));
            openCount = 1 + static_cast<int>(random.below(3));
            for (int k = 0; k < std::min(openCount, 2); ++k) {
                EventRow &event =
                    draft.event(EventKind::EmailOpened, opened + k * (kHour + static_cast<qint64>(random.below(kDay))));
                event.campaign = campaignId;
                event.sale = saleId;
            }
            if (random.chance(draft.profile.clickPermille)) {
                clicked = opened + 30 + static_cast<qint64>(random.below(1200));
                clickCount = 1 + static_cast<int>(random.below(2));
                for (int k = 0; k < clickCount; ++k) {
                    const qint64 at = clicked + k * 90;
                    if (campaign.sale >= 0) {
                        const quint32 lot = pickLot(draft, static_cast<quint32>(campaign.sale));
                        EventRow &event = draft.event(EventKind::EmailLotClicked, at);
                        event.campaign = campaignId;
                        event.sale = saleId;
                        event.lot = m_ids.lot + lot;
                        draft.engaged.push_back({lot, 1000, at});
                    } else {
                        EventRow &event = draft.event(EventKind::EmailLinkClicked, at);
                        event.campaign = campaignId;
                        event.info = m_catalogue.houseWebsite() + pagePath(draft);
                    }
                }
            }
            if (campaign.poll >= 0 && random.chance(300)) {
                addPollAnswer(draft, chunk, campaign, campaignId, opened + 600);
            }
        }
        if (campaign.kind == CampaignKind::Offer && random.chance(500)) {
            addPromoCode(draft, chunk, campaign, campaignId, sent);
        }
        const bool generous = campaign.subscriptionCategory == kSaleAlerts;
        if (random.chance(generous ? 3 : 6)) {
            unsubscribe((opened ? opened : sent) + 120, QStringLiteral("Unsubscribed from ") +
                                                            campaign.name.section(u'—', 0, 0).trimmed() +
                                                            QStringLiteral(" (e-mail)"));
        }
        break;
    }
    case Channel::Sms: {
        EventRow &event = draft.event(EventKind::SmsSent, sent);
        event.campaign = campaignId;
        event.sale = saleId;
        if (random.chance(120)) {
            clicked = sent + 60 + static_cast<qint64>(random.below(3 * kHour));
            clickCount = 1;
            EventRow &click = draft.event(EventKind::SmsClicked, clicked);
            click.campaign = campaignId;
            click.sale = saleId;
            click.info = m_catalogue.houseWebsite() + QStringLiteral("/auctions/") +
                         m_schedule.sales()[static_cast<std::size_t>(std::max(0, campaign.sale))].saleNo;
        }
        if (random.chance(10)) {
            unsubscribe(sent + 600, QStringLiteral("Replied STOP to an SMS"));
        }
        break;
    }
    case Channel::Push:
        if (random.chance(250)) {
            opened = sent + 60 + static_cast<qint64>(random.below(kHour));
            openCount = 1;
        }
        break;
    case Channel::Post:
        break;
    }
    chunk.campaignRecipients.add({campaignId, draft.id, 0, static_cast<qlonglong>(sent), timeOrNull(opened), openCount,
                                  timeOrNull(clicked), clickCount, timeOrNull(unsubscribed), timeOrNull(bounced)});
}

void Engagement::addPromoCode(Draft &draft, Chunk &chunk, const Campaign &campaign, qint64 campaignId, qint64 at)
{
    SeededRandom &random = draft.random;
    QString code = campaign.offerCode + u'-';
    for (int k = 0; k < 4; ++k) {
        code += kCodeAlphabet.at(static_cast<qsizetype>(random.below(static_cast<quint64>(kCodeAlphabet.size()))));
    }
    // Redeemed on an invoice of the next few months, now and then.
    qint64 redeemedAt = 0;
    qint64 invoice = 0;
    for (const Draft::InvoiceRef &ref : draft.invoices) {
        if (!ref.cancelled && ref.issuedAt > at && ref.issuedAt < at + 120 * kDay && random.chance(450)) {
            redeemedAt = ref.issuedAt;
            invoice = ref.id;
            break;
        }
    }
    const auto issue = [&](const QString &text, qint64 when, bool reissued, qint64 redeemed, qint64 invoiceId) {
        const qint64 id = m_ids.nextPromo++;
        chunk.promoCodes.add({id, text, campaignId, draft.id, when, timeOrNull(redeemed),
                              invoiceId ? QVariant(static_cast<qlonglong>(invoiceId)) : QVariant(), reissued ? 1 : 0,
                              reissued ? QStringLiteral("Re-issued: ") + campaign.offerText : campaign.offerText});
        EventRow &event = draft.event(EventKind::PromoCodeIssued, when);
        event.campaign = campaignId;
        event.ref = id;
        event.info = text;
    };
    issue(code, at, false, redeemedAt, invoice);
    if (redeemedAt == 0 && at + 60 * kDay < m_schedule.anchor() && random.chance(150)) {
        // It lapsed unused; client services sent a fresh one.
        issue(code + QStringLiteral("-R"), at + 60 * kDay, true, 0, 0);
    }
}

void Engagement::addPollAnswer(Draft &draft, Chunk &chunk, const Campaign &campaign, qint64 campaignId, qint64 at)
{
    const Poll &poll = m_schedule.polls()[static_cast<std::size_t>(campaign.poll)];
    for (std::size_t q = 0; q < poll.questions.size(); ++q) {
        const QStringList &answers = poll.questions[q].answers;
        chunk.pollAnswers.add({m_ids.nextPollAnswer++,
                               m_ids.pollQuestions[static_cast<std::size_t>(campaign.poll)] + static_cast<qint64>(q),
                               draft.id, draft.random.pick(answers), at + static_cast<qint64>(q) * 20});
    }
    EventRow &event = draft.event(EventKind::PollAnswered, at);
    event.campaign = campaignId;
    event.ref = m_ids.poll + campaign.poll;
    event.info = poll.title;
}

QString Engagement::pagePath(Draft &draft) const
{
    SeededRandom &random = draft.random;
    const Department &department =
        m_catalogue.departments()[static_cast<std::size_t>(draft.profile.pickDepartment(random, m_catalogue))];
    switch (random.below(7)) {
    case 0:
        return QStringLiteral("/how-to-buy");
    case 1:
        return QStringLiteral("/sell/valuations");
    case 2:
        return QStringLiteral("/about/buyers-premium");
    case 3:
        return QStringLiteral("/results/") + department.slug;
    case 4:
        return QStringLiteral("/shop");
    default:
        return QStringLiteral("/departments/") + department.slug;
    }
}

void Engagement::addWeb(Draft &draft, Chunk &chunk) const
{
    const Profile &profile = draft.profile;
    SeededRandom &random = draft.random;
    const qint64 anchor = m_schedule.anchor();
    static const char *const devices[] = {"desktop", "mobile", "mobile", "tablet"};
    static const char *const sources[] = {"direct", "google", "newsletter", "bidding platform", "instagram"};
    const std::vector<quint32> upcoming = m_schedule.upcomingSales();
    const int sessions = 1 + profile.activity + profile.activity / 2;
    for (int s = 0; s < sessions; ++s) {
        // Recent visits are more numerous: the later of two draws.
        const qint64 t = std::max(between(random, profile.activeFrom, anchor - kHour),
                                  between(random, profile.activeFrom, anchor - kHour));
        const int views = 1 + static_cast<int>(random.below(3));
        EventRow &visit = draft.event(EventKind::WebsiteVisit, t);
        visit.info = pagePath(draft);
        visit.details = QStringLiteral("{\"device\":\"%1\",\"source\":\"%2\",\"pages\":%3}")
                            .arg(QLatin1String(devices[random.below(4)]), QLatin1String(sources[random.below(5)]))
                            .arg(views + 1 + static_cast<int>(random.below(5)));
        for (int v = 0; v < views; ++v) {
            const qint64 at = t + 40 + v * 75 + static_cast<qint64>(random.below(60));
            const int roll = static_cast<int>(random.below(100));
            if (roll < 35) {
                const int department = profile.pickDepartment(random, m_catalogue);
                const std::vector<int> &categories =
                    m_catalogue.departments()[static_cast<std::size_t>(department)].categories;
                const int category = profile.categoryCount > 0 && random.chance(600)
                                         ? profile.categories[static_cast<std::size_t>(
                                               random.below(static_cast<quint64>(profile.categoryCount)))]
                                         : random.pick(categories);
                EventRow &event = draft.event(EventKind::CategoryViewed, at);
                event.ref = m_ids.category + category;
                event.info = m_catalogue.categories()[static_cast<std::size_t>(category)].name;
            } else if (roll < 80) {
                // A lot: of an upcoming sale whose catalogue is out, or of a sale around then.
                qint64 sale = -1;
                if (!upcoming.empty() && t > anchor - 30 * kDay && random.chance(650)) {
                    const quint32 candidate = random.pick(upcoming);
                    if (m_schedule.sales()[candidate].startsAt - 15 * kDay <= t) {
                        sale = candidate;
                    }
                } else {
                    const int department = profile.pickDepartment(random, m_catalogue);
                    const std::vector<quint32> &list = m_schedule.pastSalesOf(department);
                    const std::size_t from = m_schedule.firstPastSaleFrom(department, t - 10 * kDay);
                    if (from < list.size() && m_schedule.sales()[list[from]].startsAt < t + 20 * kDay) {
                        sale = list[from];
                    }
                }
                if (sale < 0) {
                    continue;
                }
                const quint32 lot = pickLot(draft, static_cast<quint32>(sale));
                EventRow &event = draft.event(EventKind::LotViewed, at);
                event.sale = m_ids.sale + sale;
                event.lot = m_ids.lot + lot;
                draft.engaged.push_back({lot, 500, at});
            } else {
                EventRow &event = draft.event(EventKind::PageViewed, at);
                event.info = pagePath(draft);
            }
        }
    }
    // What they looked at lately: the "interest in categories" of the last weeks.
    if (profile.activity >= 2 && profile.categoryCount > 0) {
        const int recent = 1 + static_cast<int>(random.below(3));
        for (int k = 0; k < recent; ++k) {
            const int category =
                profile.categories[static_cast<std::size_t>(random.below(static_cast<quint64>(profile.categoryCount)))];
            EventRow &event =
                draft.event(EventKind::CategoryViewed,
                            between(random, std::max(profile.activeFrom, anchor - 30 * kDay), anchor - 60));
            event.ref = m_ids.category + category;
            event.info = m_catalogue.categories()[static_cast<std::size_t>(category)].name;
        }
    }
    if (random.chance(std::min(600, 120 + profile.activity * 20))) {
        addBasket(draft, chunk, false);
    }
    if (random.chance(30)) {
        addBasket(draft, chunk, true);
    }
}

void Engagement::addBasket(Draft &draft, Chunk &chunk, bool open) const
{
    SeededRandom &random = draft.random;
    const qint64 anchor = m_schedule.anchor();
    const qint64 created =
        open ? between(random, std::max(draft.profile.activeFrom, anchor - 2 * kDay), anchor - 3 * kHour)
             : between(random, draft.profile.activeFrom, anchor - 4 * kHour);
    const qint64 id = m_ids.nextBasket++;
    const int items = 1 + static_cast<int>(random.below(3));
    qint64 total = 0;
    for (int k = 0; k < items; ++k) {
        QString name;
        qint64 price = 0;
        QVariant lotId;
        if (random.chance(300)) {
            // Buy now: a lot that did not sell, offered after the sale at its low estimate.
            const int department = draft.profile.pickDepartment(random, m_catalogue);
            const std::vector<quint32> &sales = m_schedule.pastSalesOf(department);
            const std::size_t from = m_schedule.firstPastSaleFrom(department, created - 120 * kDay);
            if (from < sales.size() && m_schedule.sales()[sales[from]].endsAt < created) {
                const Sale &sale = m_schedule.sales()[sales[from]];
                const quint32 lot = sale.firstLot + static_cast<quint32>(random.below(sale.lotCount));
                if (m_schedule.lots()[lot].status == LotUnsold) {
                    price = Catalogue::estimate(m_schedule.lots()[lot]).low * kMinorPerPound;
                    name = QStringLiteral("Buy now: lot %1, ").arg(m_schedule.lots()[lot].position + 1) + sale.saleNo;
                    lotId = static_cast<qlonglong>(m_ids.lot + lot);
                }
            }
        }
        if (price == 0) {
            const Product &product = random.pick(m_products);
            name = product.name;
            price = product.netMinor + Pricing::vat(product.netMinor);
        }
        chunk.basketItems.add(
            {m_ids.nextBasketItem++, id, lotId, name, price, QStringLiteral("GBP"), 1, created + k * 45});
        total += price;
    }
    const qint64 abandoned = open ? 0 : created + 1800 + static_cast<qint64>(random.below(3 * kHour));
    chunk.baskets.add({id, draft.id, m_ids.venue + m_catalogue.venueOfKind(VenueKind::Shop), created,
                       timeOrNull(abandoned), open ? QStringLiteral("open") : QStringLiteral("abandoned"), QVariant()});
    if (!open) {
        EventRow &event = draft.event(EventKind::BasketAbandoned, abandoned);
        event.ref = id;
        event.amount = total;
        event.hasAmount = true;
        event.info = items == 1 ? QStringLiteral("1 item left in the basket")
                                : QStringLiteral("%1 items left in the basket").arg(items);
    }
}

void Engagement::writeSubscriptions(Draft &draft, Chunk &chunk) const
{
    static const char *const names[] = {"Newsletter", "Sale alerts", "Department news", "Events and viewings",
                                        "Offers"};
    // One row per channel and category they ever subscribed to; each change has its event.
    for (std::size_t channel = 0; channel < draft.subscriptions.size(); ++channel) {
        for (std::size_t category = 0; category < draft.subscriptions[channel].size(); ++category) {
            const Draft::Subscription &state = draft.subscriptions[channel][category];
            const qint64 categoryId = m_ids.subscriptionCategories[category];
            if (state.since == 0 || categoryId == 0) {
                continue;
            }
            const bool left = state.unsubscribedAt != 0;
            const qint64 changed = left ? state.unsubscribedAt : state.since;
            EventRow &event = draft.event(EventKind::Subscribed, state.since);
            event.ref = categoryId;
            event.info = QStringLiteral("Subscribed to ") + QLatin1String(names[category]) + QStringLiteral(" (") +
                         channelLabel(static_cast<Channel>(channel)) + u')';
            event.details =
                QStringLiteral("{\"channel\":\"") + channelKey(static_cast<Channel>(channel)) + QStringLiteral("\"}");
            chunk.subscriptions.add({draft.id, channelKey(static_cast<Channel>(channel)), categoryId,
                                     left ? QStringLiteral("unsubscribed") : QStringLiteral("subscribed"), changed,
                                     state.source, 1, changed,
                                     left ? QStringLiteral("customer") : QStringLiteral("registration")});
        }
    }
}

} // namespace Gavel::Models::Demo
