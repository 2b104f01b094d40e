#include "democustomerbuilder.h"

#include "customer.h"
#include "demoauction.h"
#include "democatalogue.h"
#include "demopricing.h"
#include "demoschedule.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>
#include <map>

namespace Gavel::Models::Demo {

namespace {

constexpr quint64 kEventStream = 0x45564E54; // "EVNT"
constexpr quint64 kMask63 = (quint64(1) << 63) - 1;

QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QVariant textOrNull(const QString &value)
{
    return value.isEmpty() ? QVariant() : QVariant(value);
}

QDate dateOf(qint64 epoch)
{
    return QDateTime::fromSecsSinceEpoch(epoch, QTimeZone::utc()).date();
}

QString channelText(BidChannel channel)
{
    switch (channel) {
    case BidChannel::Room:
        return QStringLiteral("room");
    case BidChannel::Phone:
        return QStringLiteral("phone");
    case BidChannel::Absentee:
        return QStringLiteral("absentee");
    case BidChannel::Online:
        return QStringLiteral("online");
    }
    return {};
}

/// "£12,000": grouped by hand, as QLocale's grouping depends on the machine's locale.
QString pounds(qint64 whole)
{
    QString digits = QString::number(whole);
    for (qsizetype at = digits.size() - 3; at > 0; at -= 3) {
        digits.insert(at, u',');
    }
    return u'£' + digits;
}

/// The moment a day starts (UTC), plus hours.
qint64 dayStart(qint64 epoch, int hours)
{
    return epoch - (epoch % kDay) + hours * kHour;
}

} // namespace

CustomerBuilder::CustomerBuilder(const Catalogue &catalogue, const Schedule &schedule, const Profiles &profiles,
                                 const Auction &auction, IdPlan &ids, quint64 seed)
    : m_catalogue(catalogue), m_schedule(schedule), m_profiles(profiles), m_auction(auction), m_ids(ids), m_seed(seed),
      m_engagement(catalogue, schedule, profiles, ids)
{
    m_paddles.assign(schedule.sales().size(), 0);
    SeededRandom random = SeededRandom::derived(seed, kEventStream);
    m_eventKey = random.next();
    m_eventMultiplier = random.next() | 1U;
}

const std::vector<CustomerBuilder::LabelData> &CustomerBuilder::labels()
{
    static const std::vector<LabelData> list = {
        {QStringLiteral("Trade buyer"), QStringLiteral("#8e44ad"),
         QStringLiteral("Dealers and galleries buying for stock")},
        {QStringLiteral("Museum"), QStringLiteral("#16a085"), QStringLiteral("Public collections and institutions")},
        {QStringLiteral("Catalogue by post"), QStringLiteral("#d35400"), QStringLiteral("Sent printed catalogues")},
        {QStringLiteral("Prefers phone bidding"), QStringLiteral("#2980b9"), QStringLiteral("Book a telephone line")},
        {QStringLiteral("Private collector"), QStringLiteral("#27ae60"),
         QStringLiteral("Buys for their own collection")},
        {QStringLiteral("Consignor"), QStringLiteral("#c0392b"), QStringLiteral("Has sold through the house")},
        {QStringLiteral("Young collector"), QStringLiteral("#f39c12"),
         QStringLiteral("Under 35: invite to the Young Collectors' evenings")},
        {QStringLiteral("Do not call"), QStringLiteral("#7f8c8d"), QStringLiteral("Contact in writing only")},
        {QStringLiteral("Press"), QStringLiteral("#34495e"), QStringLiteral("Journalists and critics")},
        {QStringLiteral("Overseas shipping"), QStringLiteral("#2c3e50"), QStringLiteral("Purchases shipped abroad")},
        {QStringLiteral("Slow payer"), QStringLiteral("#e67e22"), QStringLiteral("Ask for payment before release")},
    };
    return list;
}

void CustomerBuilder::build(quint32 index, Chunk &chunk)
{
    Draft draft(index, m_ids.customer + index, m_seed);
    draft.nextEventId = [this] {
        // A keyed bijection of a counter: random-looking 63-bit ids that never collide.
        for (;;) {
            quint64 x = (m_eventCounter++ + m_eventKey) & kMask63;
            x = (x * m_eventMultiplier) & kMask63;
            x ^= x >> 31;
            x = (x * 0x5851F42D4C957F2DULL) & kMask63;
            x ^= x >> 29;
            if (x != 0) {
                return static_cast<qint64>(x);
            }
        }
    };
    draft.profile = m_profiles.make(index);
    addIdentity(draft);
    m_engagement.subscribe(draft);
    addBids(draft, chunk);
    addConsignments(draft, chunk);
    addInvoices(draft, chunk);
    addShopOrders(draft, chunk);
    addLoyalty(draft, chunk);
    addWishlists(draft, chunk);
    m_engagement.addMailings(draft, chunk);
    m_engagement.addWeb(draft, chunk);
    addContacts(draft);
    addNotes(draft, chunk);
    addTags(draft, chunk);
    addLabelsAndDepartments(draft, chunk);
    addScores(draft);
    m_engagement.writeSubscriptions(draft, chunk);
    finish(draft, chunk);
}

void CustomerBuilder::addIdentity(Draft &draft) const
{
    draft.person = People::make(draft.profile.country, dateOf(m_schedule.anchor()).year(), draft.random);
    if (draft.profile.power && draft.person.company.isEmpty()) {
        draft.person.company = draft.person.lastName + QStringLiteral(" Fine Art Ltd");
    }
    draft.customerNo =
        QStringLiteral("C-%1").arg(100000 + qint64(draft.index) * 7 + static_cast<qint64>(draft.random.below(7)));
}

QString CustomerBuilder::staffFor(Draft &draft, int department) const
{
    if (department >= 0 && draft.random.chance(700)) {
        return draft.random.pick(m_catalogue.departments()[static_cast<std::size_t>(department)].specialists);
    }
    return draft.random.pick(m_catalogue.clientServices());
}

void CustomerBuilder::addBids(Draft &draft, Chunk &chunk)
{
    const Profile &profile = draft.profile;
    SeededRandom &random = draft.random;
    const std::vector<Lot> &lots = m_schedule.lots();
    const std::vector<Sale> &sales = m_schedule.sales();
    struct Registration
    {
        quint32 sale;
        qint64 firstBid;
        qint64 platform;
    };
    std::vector<Registration> registrations;

    for (const Intent *intent = m_auction.intentsBegin(draft.index); intent != m_auction.intentsEnd(draft.index);
         ++intent) {
        const Lot &lot = lots[intent->lot];
        const Sale &sale = sales[lot.sale];
        const qint64 lotId = m_ids.lot + intent->lot;
        const qint64 saleId = m_ids.sale + lot.sale;
        const qint64 offered = m_auction.lotTime(lot);
        const auto view = [&](qint64 before) {
            const qint64 at =
                std::max(profile.activeFrom + 60, before - kDay - static_cast<qint64>(random.below(5 * kDay)));
            if (at < before) {
                EventRow &event = draft.event(EventKind::LotViewed, at);
                event.lot = lotId;
                event.sale = saleId;
                draft.engaged.push_back({intent->lot, 500, at});
            }
        };
        if (intent->bids == 0) {
            // Outbid before they could bid, or the lot was withdrawn: they had looked at it.
            view(std::min(offered, sale.startsAt));
            continue;
        }
        BidChannel channel = BidChannel::Online;
        if (sale.type == SaleType::Live) {
            channel = random.chance(800) ? profile.channel : static_cast<BidChannel>(random.below(4));
        }
        draft.phoneBidder = draft.phoneBidder || channel == BidChannel::Phone;
        const qint64 platform = channel == BidChannel::Online ? m_ids.venue + profile.platform : 0;
        const QString details =
            channel == BidChannel::Online
                ? QString(QStringLiteral("{\"channel\":\"online\",\"platform\":") +
                          jsonString(m_catalogue.venues()[static_cast<std::size_t>(profile.platform)].name) + u'}')
                : QString(QStringLiteral("{\"channel\":\"") + channelText(channel) + QStringLiteral("\"}"));
        // Bids are placed in the order of the ladder; the reference is the lot's last step.
        const int reference = lot.status == LotSold ? Pricing::floorStep(lot.hammer) : intent->topStep + 1;
        qint64 firstBid = 0;
        for (int k = intent->bids - 1; k >= 0; --k) {
            const int step = intent->topStep - 2 * k;
            const qint64 amount = Pricing::step(step) * kMinorPerPound;
            const qint64 placed = m_auction.bidTime(lot, step, reference, channel, draft.index);
            const bool winning = intent->role == RoleWinner && k == 0;
            chunk.bids.add({m_ids.nextBid++, lotId, draft.id, amount, QStringLiteral("GBP"), placed,
                            channelText(channel), platform ? QVariant(static_cast<qlonglong>(platform)) : QVariant(),
                            winning ? 1 : 0});
            EventRow &event = draft.event(EventKind::BidPlaced, placed);
            event.lot = lotId;
            event.sale = saleId;
            event.amount = amount;
            event.hasAmount = true;
            event.details = details;
            firstBid = firstBid == 0 ? placed : std::min(firstBid, placed);
        }
        draft.hasBids = true;
        draft.engaged.push_back({intent->lot, intent->role == RoleWinner ? 3000 : 2000, firstBid});
        if (random.chance(600)) {
            view(firstBid);
        }
        if (intent->role == RoleWinner) {
            EventRow &event = draft.event(EventKind::LotWon, offered);
            event.lot = lotId;
            event.sale = saleId;
            event.amount = qint64(lot.hammer) * kMinorPerPound;
            event.hasAmount = true;
            ++draft.lotsWon;
            const auto won = std::find_if(draft.departmentsWon.begin(), draft.departmentsWon.end(),
                                          [&](const auto &entry) { return entry.first == lot.department; });
            if (won == draft.departmentsWon.end()) {
                draft.departmentsWon.emplace_back(lot.department, offered);
            }
        }
        // Some saved it to their wishlist while the catalogue was online.
        if (random.chance(250) &&
            std::find(draft.wishlisted.begin(), draft.wishlisted.end(), intent->lot) == draft.wishlisted.end()) {
            const qint64 added = std::max(profile.activeFrom + 60,
                                          sale.startsAt - 2 * kDay - static_cast<qint64>(random.below(12 * kDay)));
            if (added < firstBid) {
                draft.wishlisted.push_back(intent->lot);
                chunk.wishlists.add({m_ids.nextWishlist++, draft.id, lotId, added});
                EventRow &event = draft.event(EventKind::WishlistAdded, added);
                event.lot = lotId;
                event.sale = saleId;
            }
        }
        auto registration = std::find_if(registrations.begin(), registrations.end(),
                                         [&](const Registration &entry) { return entry.sale == lot.sale; });
        if (registration == registrations.end()) {
            registrations.push_back({lot.sale, firstBid, platform});
        } else {
            registration->firstBid = std::min(registration->firstBid, firstBid);
            registration->platform = registration->platform ? registration->platform : platform;
        }
    }

    for (const Registration &registration : registrations) {
        const Sale &sale = sales[registration.sale];
        qint64 at =
            std::min(registration.firstBid - kHour, sale.startsAt - kDay - static_cast<qint64>(random.below(6 * kDay)));
        at = std::max(at, profile.registeredAt + 60);
        at = std::min(at, registration.firstBid - 60);
        int &paddle = m_paddles[registration.sale];
        if (paddle == 0) {
            paddle = 100 + static_cast<int>(registration.sale * 37 % 400);
        }
        ++paddle;
        chunk.saleRegistrations.add(
            {m_ids.sale + registration.sale, draft.id, QString::number(paddle),
             registration.platform ? QVariant(static_cast<qlonglong>(registration.platform)) : QVariant(), at});
        EventRow &event = draft.event(EventKind::SaleRegistered, at);
        event.sale = m_ids.sale + registration.sale;
        event.info = QStringLiteral("Paddle %1").arg(paddle);
    }
}

void CustomerBuilder::addConsignments(Draft &draft, Chunk &chunk) const
{
    const auto [first, last] = m_auction.consignmentsOf(draft.index);
    const std::vector<Lot> &lots = m_schedule.lots();
    for (std::size_t c = first; c < last; ++c) {
        const ConsignmentPlan &plan = m_auction.consignments()[c];
        const Sale &sale = m_schedule.sales()[plan.sale];
        const qint64 id = m_ids.consignment + static_cast<qint64>(c);
        const qint64 saleId = m_ids.sale + plan.sale;
        qint64 received = sale.startsAt - 35 * kDay - static_cast<qint64>(draft.random.below(55 * kDay));
        received = std::clamp(received, draft.profile.registeredAt + kHour, m_schedule.anchor() - 2 * kDay);
        int sold = 0;
        int withdrawn = 0;
        for (const quint32 lot : plan.lots) {
            sold += lots[lot].status == LotSold ? 1 : 0;
            withdrawn += lots[lot].status == LotWithdrawn ? 1 : 0;
        }
        const qint64 catalogued = sale.startsAt - 28 * kDay;
        QString status;
        if (sale.upcoming) {
            status = catalogued < m_schedule.anchor() && catalogued > received ? QStringLiteral("catalogued")
                                                                               : QStringLiteral("received");
        } else if (sold > 0) {
            status = QStringLiteral("sold");
        } else if (withdrawn == static_cast<int>(plan.lots.size())) {
            status = QStringLiteral("withdrawn");
        } else {
            status = draft.random.chance(500) ? QStringLiteral("returned") : QStringLiteral("unsold");
        }
        const int count = static_cast<int>(plan.lots.size());
        const QString description = (count == 1 ? QStringLiteral("1 lot") : QStringLiteral("%1 lots").arg(count)) +
                                    QStringLiteral(" for ") + sale.title;
        qint64 updated = received;
        EventRow &receivedEvent = draft.event(EventKind::ConsignmentReceived, received);
        receivedEvent.ref = id;
        receivedEvent.sale = saleId;
        receivedEvent.info = description;
        if (catalogued > received && catalogued < m_schedule.anchor()) {
            EventRow &event = draft.event(EventKind::ConsignmentCatalogued, catalogued);
            event.ref = id;
            event.sale = saleId;
            updated = catalogued;
        }
        for (const quint32 lot : plan.lots) {
            chunk.lotConsignments.emplace_back(m_ids.lot + lot, id);
            if (sale.upcoming) {
                continue;
            }
            const qint64 at = m_auction.lotTime(lots[lot]);
            EventRow &event = draft.event(
                lots[lot].status == LotSold ? EventKind::ConsignmentSold : EventKind::ConsignmentUnsold, at);
            event.ref = id;
            event.sale = saleId;
            event.lot = m_ids.lot + lot;
            if (lots[lot].status == LotSold) {
                event.amount = qint64(lots[lot].hammer) * kMinorPerPound;
                event.hasAmount = true;
            } else if (lots[lot].status == LotWithdrawn) {
                event.info = QStringLiteral("Withdrawn before the sale");
            }
            updated = std::max(updated, at);
        }
        const QDate receivedDate = dateOf(received);
        chunk.consignments.add(
            {id, draft.random.uuid(),
             QStringLiteral("CN-%1-%2").arg(receivedDate.year()).arg(qint64(c) + 1, 6, 10, QLatin1Char('0')), draft.id,
             m_ids.department + sale.department, received, status, description, sale.specialist, 1, updated,
             sale.specialist});
    }
}

void CustomerBuilder::addInvoices(Draft &draft, Chunk &chunk) const
{
    SeededRandom &random = draft.random;
    const std::vector<Lot> &lots = m_schedule.lots();
    const qint64 anchor = m_schedule.anchor();
    std::map<quint32, std::vector<quint32>> won; // sale → lots, in sale order
    for (const Intent *intent = m_auction.intentsBegin(draft.index); intent != m_auction.intentsEnd(draft.index);
         ++intent) {
        if (intent->role == RoleWinner) {
            won[lots[intent->lot].sale].push_back(intent->lot);
        }
    }
    const bool trade = !draft.person.company.isEmpty();
    for (auto &[saleIndex, saleLots] : won) {
        std::sort(saleLots.begin(), saleLots.end());
        const Sale &sale = m_schedule.sales()[saleIndex];
        const qint64 id = m_ids.nextInvoice++;
        const qint64 issued = dayStart(sale.endsAt + kDay, 9);
        const int number = m_auction.invoiceNumber(draft.index, saleIndex);
        const QString invoiceNo =
            QStringLiteral("INV-%1-%2").arg(dateOf(issued).year()).arg(number, 6, 10, QLatin1Char('0'));
        const qint64 due = issued + (trade ? 30 : 14) * kDay;

        qint64 hammerSum = 0;
        qint64 premiumSum = 0;
        qint64 taxSum = 0;
        int lineNo = 0;
        for (const quint32 lot : saleLots) {
            const qint64 hammer = qint64(lots[lot].hammer) * kMinorPerPound;
            const qint64 premium = Pricing::premium(hammer, sale.premiumBp);
            const qint64 tax = Pricing::vat(premium);
            chunk.invoiceLines.add({m_ids.nextInvoiceLine++, id, ++lineNo, m_ids.lot + lot,
                                    QString(QStringLiteral("Lot %1: ").arg(lots[lot].position + 1) +
                                            m_catalogue.text(m_seed, lots[lot]).title),
                                    hammer, premium, tax, hammer + premium + tax});
            hammerSum += hammer;
            premiumSum += premium;
            taxSum += tax;
        }
        const qint64 delivery = random.chance(300) ? 2500 + static_cast<qint64>(random.below(60)) * 250 : 0;
        const qint64 total = hammerSum + premiumSum + taxSum + delivery;

        QString status = QStringLiteral("paid");
        qint64 paid = issued + kDay + static_cast<qint64>(random.below(20 * kDay));
        const int roll = static_cast<int>(random.below(1000));
        if (roll < 20) {
            status = QStringLiteral("cancelled");
            paid = 0;
        } else if (roll < 60 && due < anchor) {
            status = QStringLiteral("overdue");
            paid = 0;
        } else if (roll < 80 && due < anchor) {
            status = QStringLiteral("part_paid");
        }
        if (paid >= anchor) {
            status = due < anchor ? QStringLiteral("overdue") : QStringLiteral("issued");
            paid = 0;
        }
        static const std::vector<int> methodWeights = {55, 35, 4};
        static const char *const methods[] = {"bank_transfer", "card", "cheque"};
        const QString method = paid ? QString::fromLatin1(methods[random.weighted(methodWeights)]) : QString();
        const qint64 updated = paid ? paid : issued;
        chunk.invoices.add({id, invoiceNo, draft.id, m_ids.sale + saleIndex, m_ids.venue + sale.venue, issued, due,
                            paid ? QVariant(static_cast<qlonglong>(paid)) : QVariant(), status, QStringLiteral("GBP"),
                            hammerSum, premiumSum, taxSum, delivery, total, textOrNull(method), 1, updated,
                            QStringLiteral("Accounts")});
        EventRow &issuedEvent = draft.event(EventKind::InvoiceIssued, issued);
        issuedEvent.invoice = id;
        issuedEvent.sale = m_ids.sale + saleIndex;
        issuedEvent.amount = total;
        issuedEvent.hasAmount = true;
        issuedEvent.info = invoiceNo;
        if (paid) {
            EventRow &event = draft.event(EventKind::InvoicePaid, paid);
            event.invoice = id;
            event.sale = m_ids.sale + saleIndex;
            event.amount = status == u"part_paid" ? total / 2 : total;
            event.hasAmount = true;
            event.info = status == u"part_paid" ? QStringLiteral("Part payment, ") + invoiceNo : invoiceNo;
        }
        const bool cancelled = status == u"cancelled";
        draft.invoices.push_back(
            {id, invoiceNo, issued, status == u"paid" ? paid : 0, total, hammerSum, cancelled, status == u"overdue"});
        if (!cancelled) {
            draft.totalSpent += total;
        }
    }
}

void CustomerBuilder::addShopOrders(Draft &draft, Chunk &chunk) const
{
    SeededRandom &random = draft.random;
    // Everyone has bought something: those who never won a lot at least a catalogue.
    int orders = draft.invoices.empty() ? 1 + (random.chance(300) ? 1 : 0) : (random.chance(150) ? 1 : 0);
    const std::vector<Engagement::Product> &products = m_engagement.products();
    const qint64 shop = m_ids.venue + m_catalogue.venueOfKind(VenueKind::Shop);
    for (int k = 0; k < orders; ++k) {
        const qint64 issued = between(random, draft.profile.activeFrom + kHour, m_schedule.anchor() - 2 * kHour);
        const qint64 id = m_ids.nextInvoice++;
        const QString invoiceNo = QStringLiteral("WEB-") + dateOf(issued).toString(QStringLiteral("yyyyMMdd")) + u'-' +
                                  draft.customerNo.mid(2) + QString::number(k + 1);
        const int items = 1 + (random.chance(250) ? 1 : 0);
        qint64 net = 0;
        qint64 tax = 0;
        bool physical = false;
        const qint64 basket = m_ids.nextBasket++;
        for (int line = 0; line < items; ++line) {
            const Engagement::Product &product = random.pick(products);
            const qint64 vat = Pricing::vat(product.netMinor);
            chunk.invoiceLines.add({m_ids.nextInvoiceLine++, id, line + 1, QVariant(), product.name, product.netMinor,
                                    0, vat, product.netMinor + vat});
            chunk.basketItems.add({m_ids.nextBasketItem++, basket, QVariant(), product.name, product.netMinor + vat,
                                   QStringLiteral("GBP"), 1, issued - 600 + line * 40});
            net += product.netMinor;
            tax += vat;
            physical = physical || !product.name.startsWith(u"Gift card");
        }
        const qint64 delivery = physical ? 450 : 0;
        const qint64 total = net + tax + delivery;
        const bool cancelled = random.chance(20);
        const qint64 paid = cancelled ? 0 : issued + 120;
        chunk.invoices.add({id, invoiceNo, draft.id, QVariant(), shop, issued, issued,
                            paid ? QVariant(static_cast<qlonglong>(paid)) : QVariant(),
                            cancelled ? QStringLiteral("cancelled") : QStringLiteral("paid"), QStringLiteral("GBP"),
                            net, 0, tax, delivery, total, cancelled ? QVariant() : QVariant(QStringLiteral("card")), 1,
                            paid ? paid : issued, QStringLiteral("Online shop")});
        chunk.baskets.add({basket, draft.id, shop, issued - 600, QVariant(), QStringLiteral("converted"),
                           static_cast<qlonglong>(id)});
        EventRow &issuedEvent = draft.event(EventKind::InvoiceIssued, issued);
        issuedEvent.invoice = id;
        issuedEvent.amount = total;
        issuedEvent.hasAmount = true;
        issuedEvent.info = invoiceNo;
        if (paid) {
            EventRow &event = draft.event(EventKind::InvoicePaid, paid);
            event.invoice = id;
            event.amount = total;
            event.hasAmount = true;
            event.info = invoiceNo;
            draft.totalSpent += total;
        }
        draft.invoices.push_back({id, invoiceNo, issued, paid, total, 0, cancelled, false});
    }
    std::sort(draft.invoices.begin(), draft.invoices.end(),
              [](const Draft::InvoiceRef &a, const Draft::InvoiceRef &b) { return a.issuedAt < b.issuedAt; });
}

void CustomerBuilder::addLoyalty(Draft &draft, Chunk &chunk) const
{
    // House credit: 1 % of the hammer price of paid invoices, usable after 30 days for a year.
    if (!draft.profile.power && !draft.random.chance(600)) {
        return;
    }
    struct Credit
    {
        qint64 activates;
        qint64 expires;
        qint64 remaining;
    };
    std::vector<Credit> credits;
    const qint64 anchor = m_schedule.anchor();
    for (const Draft::InvoiceRef &invoice : draft.invoices) {
        // Use what is available first (oldest credit first) on this invoice, now and then.
        qint64 available = 0;
        for (const Credit &credit : credits) {
            if (credit.activates <= invoice.issuedAt && invoice.issuedAt < credit.expires) {
                available += credit.remaining;
            }
        }
        const qint64 use = std::min(available, invoice.total / 5);
        if (!invoice.cancelled && use >= 500 && draft.random.chance(450)) {
            qint64 left = use;
            for (Credit &credit : credits) {
                if (credit.activates <= invoice.issuedAt && invoice.issuedAt < credit.expires) {
                    const qint64 taken = std::min(left, credit.remaining);
                    credit.remaining -= taken;
                    left -= taken;
                }
            }
            chunk.loyalty.add({m_ids.nextLoyalty++, draft.id, QStringLiteral("redemption"), -use, QStringLiteral("GBP"),
                               invoice.issuedAt, QVariant(), QVariant(),
                               QString(QStringLiteral("Used towards ") + invoice.number),
                               static_cast<qlonglong>(invoice.id)});
            EventRow &event = draft.event(EventKind::LoyaltyRedeemed, invoice.issuedAt);
            event.invoice = invoice.id;
            event.amount = use;
            event.hasAmount = true;
            event.info = QStringLiteral("House credit used towards ") + invoice.number;
        }
        if (invoice.paidAt == 0 || invoice.hammer == 0) {
            continue;
        }
        const qint64 amount = invoice.hammer / 100;
        const qint64 activates = invoice.paidAt + 30 * kDay;
        const qint64 expires = activates + 365 * kDay;
        const QString reason = QStringLiteral("1% of the hammer price of ") + invoice.number;
        chunk.loyalty.add({m_ids.nextLoyalty++, draft.id, QStringLiteral("accrual"), amount, QStringLiteral("GBP"),
                           invoice.paidAt, activates, expires, reason, static_cast<qlonglong>(invoice.id)});
        EventRow &event = draft.event(EventKind::LoyaltyAccrued, invoice.paidAt);
        event.invoice = invoice.id;
        event.amount = amount;
        event.hasAmount = true;
        event.info = reason;
        credits.push_back({activates, expires, amount});
    }
    for (const Credit &credit : credits) {
        if (credit.remaining > 0 && credit.expires < anchor) {
            chunk.loyalty.add({m_ids.nextLoyalty++, draft.id, QStringLiteral("expiry"), -credit.remaining,
                               QStringLiteral("GBP"), credit.expires, QVariant(), QVariant(),
                               QStringLiteral("Expired unused"), QVariant()});
        }
    }
}

void CustomerBuilder::addWishlists(Draft &draft, Chunk &chunk) const
{
    const Profile &profile = draft.profile;
    SeededRandom &random = draft.random;
    const qint64 anchor = m_schedule.anchor();
    const std::vector<quint32> upcoming = m_schedule.upcomingSales();
    const auto add = [&](quint32 lot, qint64 at) {
        if (std::find(draft.wishlisted.begin(), draft.wishlisted.end(), lot) != draft.wishlisted.end()) {
            return;
        }
        draft.wishlisted.push_back(lot);
        chunk.wishlists.add({m_ids.nextWishlist++, draft.id, m_ids.lot + lot, at});
        EventRow &event = draft.event(EventKind::WishlistAdded, at);
        event.lot = m_ids.lot + lot;
        event.sale = m_ids.sale + m_schedule.lots()[lot].sale;
        draft.engaged.push_back({lot, 1500, at});
    };
    // Lots of the coming sales: what the recommendations will be judged against.
    const auto addUpcoming = [&] {
        std::vector<quint32> mine;
        for (const quint32 sale : upcoming) {
            const int department = m_schedule.sales()[sale].department;
            if (std::find(profile.departments.begin(), profile.departments.begin() + profile.departmentCount,
                          static_cast<quint8>(department)) != profile.departments.begin() + profile.departmentCount) {
                mine.push_back(sale);
            }
        }
        const quint32 sale = random.pick(mine.empty() ? upcoming : mine);
        // From when its catalogue went online (a later sale's lots are previewed earlier).
        const qint64 online = std::min(m_schedule.sales()[sale].startsAt - 14 * kDay, anchor - 3 * kDay);
        const qint64 from = std::max(profile.activeFrom, online);
        add(m_engagement.pickLot(draft, sale), between(random, from, anchor - 60));
    };
    if (!upcoming.empty()) {
        const int count = (profile.activity >= 2 ? std::min(profile.activity, 6) : 0) + (random.chance(400) ? 1 : 0);
        for (int k = 0; k < count; ++k) {
            addUpcoming();
        }
    }
    const int past = random.chance(std::min(900, profile.activity * 50)) ? 1 + profile.activity / 8 : 0;
    for (int k = 0; k < past; ++k) {
        const int department = profile.pickDepartment(random, m_catalogue);
        const std::vector<quint32> &sales = m_schedule.pastSalesOf(department);
        const std::size_t from = m_schedule.firstPastSaleFrom(department, profile.activeFrom + 15 * kDay);
        if (from < sales.size()) {
            const quint32 sale = sales[from + random.below(sales.size() - from)];
            const qint64 at = m_schedule.sales()[sale].startsAt - kDay - static_cast<qint64>(random.below(13 * kDay));
            add(m_engagement.pickLot(draft, sale), std::max(at, profile.activeFrom + 60));
        }
    }
    if (!draft.hasBids && draft.wishlisted.empty()) {
        if (!upcoming.empty()) {
            addUpcoming();
        } else {
            const quint32 lot = static_cast<quint32>(random.below(m_schedule.pastLotCount()));
            add(lot,
                std::max(profile.activeFrom + 60, m_schedule.sales()[m_schedule.lots()[lot].sale].startsAt - kDay));
        }
    }
}

qint64 CustomerBuilder::someLot(Draft &draft) const
{
    if (draft.engaged.empty()) {
        return -1;
    }
    return draft.engaged[draft.random.below(draft.engaged.size())].lot;
}

void CustomerBuilder::addContacts(Draft &draft) const
{
    SeededRandom &random = draft.random;
    const qint64 anchor = m_schedule.anchor();
    const int calls = draft.profile.activity / 3 + (random.chance(400) ? 1 : 0);
    for (int k = 0; k < calls; ++k) {
        const qint64 at = between(random, draft.profile.activeFrom + kHour, anchor - kHour);
        const qint64 lot = someLot(draft);
        QString summary;
        int department = draft.profile.departments[0];
        if (lot >= 0 && random.chance(600)) {
            const Lot &data = m_schedule.lots()[static_cast<std::size_t>(lot)];
            const Sale &sale = m_schedule.sales()[data.sale];
            department = data.department;
            static const char *const forms[] = {
                "Asked for a condition report on lot %1, %2", "Asked about shipping lot %1 of %2 to %3",
                "Booked a telephone line for lot %1, %2", "Asked for the result of lot %1, %2"};
            summary = fillPattern(QString::fromLatin1(forms[random.below(4)]),
                                  {QString::number(data.position + 1), sale.saleNo, draft.person.city});
        } else {
            static const char *const forms[] = {
                "Updated their postal address",    "Asked how to sell at auction",
                "Asked about the buyer's premium", "Asked to receive fewer e-mails",
                "Requested a valuation",           "Asked how to register for online bidding"};
            summary = QString::fromLatin1(forms[random.below(6)]);
        }
        EventRow &event = draft.event(EventKind::CallCentreContact, at);
        event.info = summary;
        event.details = QStringLiteral("{\"minutes\":%1,\"staff\":").arg(2 + random.below(18)) +
                        jsonString(staffFor(draft, department)) + QStringLiteral(",\"direction\":\"") +
                        (random.chance(700) ? QStringLiteral("inbound") : QStringLiteral("outbound")) +
                        QStringLiteral("\"}");
    }
    if (random.chance(std::min(800, 150 + draft.profile.activity * 30))) {
        const int department = draft.profile.departments[0];
        const QString &name = m_catalogue.departments()[department].name;
        static const char *const forms[] = {
            "Met at the private view of the %1 sale", "Visited the London saleroom for the %1 viewing",
            "Came to a valuation day with %1", "Spoke with the %1 team at a collectors' evening"};
        EventRow &event =
            draft.event(EventKind::OtherContact, between(random, draft.profile.activeFrom + kHour, anchor - kHour));
        event.info = QString::fromLatin1(forms[random.below(4)]).arg(name);
    }
}

void CustomerBuilder::addNotes(Draft &draft, Chunk &chunk) const
{
    SeededRandom &random = draft.random;
    const Profile &profile = draft.profile;
    const qint64 anchor = m_schedule.anchor();
    const int count = 1 + std::min(profile.activity / 3, 20);
    const auto bandText = [&] { return pounds(Pricing::band((profile.bandLow + profile.bandHigh) / 2).high); };
    for (int k = 0; k < count; ++k) {
        const qint64 created = between(random, profile.activeFrom + kHour, anchor - kHour);
        int department =
            profile.departments[static_cast<std::size_t>(random.below(static_cast<quint64>(profile.departmentCount)))];
        const QString &departmentName = m_catalogue.departments()[static_cast<std::size_t>(department)].name;
        const qint64 lot = someLot(draft);
        QString body;
        switch (random.below(lot >= 0 ? 10 : 7)) {
        case 0:
            body = QStringLiteral("Prefers to bid by telephone in %1 sales; call on the mobile, not the landline.")
                       .arg(departmentName);
            break;
        case 1:
            body = QStringLiteral("Interested in %1. Send the catalogue as soon as it is online.").arg(departmentName);
            break;
        case 2:
            body = profile.makerCount > 0 ? QStringLiteral("Collects %1. Alert when anything by %1 is consigned.")
                                                .arg(m_catalogue.makers().value(profile.makers[0]))
                                          : QStringLiteral("Building a collection of %1; budget around %2 a lot.")
                                                .arg(departmentName, bandText());
            break;
        case 3:
            body = QStringLiteral("Met at a %1 viewing; keen, budget around %2 a lot.").arg(departmentName, bandText());
            break;
        case 4:
            body = QStringLiteral("Shipping to %1: use the fine art shipper, not the post.")
                       .arg(draft.person.city.isEmpty() ? draft.person.country : draft.person.city);
            break;
        case 5:
            body = QStringLiteral("Considering selling part of the collection (%1). Follow up in the spring.")
                       .arg(departmentName);
            break;
        case 6:
            body = QStringLiteral("Do not call before 10am; prefers e-mail. Speaks %1.").arg(draft.person.language);
            break;
        default: {
            const Lot &data = m_schedule.lots()[static_cast<std::size_t>(lot)];
            const Sale &sale = m_schedule.sales()[data.sale];
            department = data.department;
            static const char *const forms[] = {"Called about lot %1 in %2; wants a condition report before bidding.",
                                                "Asked us to hold lot %1 of %2 for collection.",
                                                "Very disappointed to miss lot %1 in %2; watch for similar pieces."};
            body = QString::fromLatin1(forms[random.below(3)]).arg(data.position + 1).arg(sale.title);
            break;
        }
        }
        const QString author = staffFor(draft, department);
        const qint64 id = m_ids.nextNote++;
        const bool deleted = count > 1 && k > 0 && random.chance(20);
        const qint64 deletedAt =
            deleted ? std::min(anchor - 60, created + kDay + static_cast<qint64>(random.below(60 * kDay))) : 0;
        chunk.notes.add({id, random.uuid(), draft.id, body, k == 0 && random.chance(120) ? 1 : 0, author, created,
                         deleted ? QVariant(static_cast<qlonglong>(deletedAt)) : QVariant(), 1,
                         deleted ? deletedAt : created, author});
        EventRow &event = draft.event(EventKind::NoteAdded, created);
        event.ref = id;
        event.info = body.left(120);
    }
}

void CustomerBuilder::addTags(Draft &draft, Chunk &chunk) const
{
    SeededRandom &random = draft.random;
    const Profile &profile = draft.profile;
    const qint64 anchor = m_schedule.anchor();
    // Interest in a tag: the weight of each engagement (won > bid > wishlist > click > view)
    // times the tag's weight on the lot.
    std::map<quint32, qint64> scores;
    qint64 lastEngagement = profile.activeFrom + kHour;
    for (const Draft::Engagement &engagement : draft.engaged) {
        Catalogue::LotTag tags[Catalogue::kMaxLotTags];
        const int count = m_catalogue.tagsOf(m_schedule.lots()[engagement.lot], tags);
        for (int t = 0; t < count; ++t) {
            scores[tags[t].tag] += qint64(engagement.weight) * tags[t].weight / 1000;
        }
        lastEngagement = std::max(lastEngagement, std::min(engagement.at, anchor - 60));
    }
    std::vector<std::pair<quint32, qint64>> ranked(scores.begin(), scores.end());
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    if (ranked.empty()) {
        for (int t = 0; t < profile.tagCount; ++t) {
            ranked.emplace_back(profile.tags[static_cast<std::size_t>(t)], 500);
        }
    }
    if (ranked.empty()) {
        Catalogue::LotTag tags[Catalogue::kMaxLotTags];
        const Lot item = m_catalogue.sampleItem(profile.departments[0], random);
        const int count = m_catalogue.tagsOf(item, tags);
        for (int t = 0; t < count && t < 3; ++t) {
            ranked.emplace_back(tags[t].tag, 300);
        }
    }
    const std::size_t keep = std::min<std::size_t>(ranked.size(), 3 + std::min(profile.activity, 10));
    for (std::size_t rank = 0; rank < keep; ++rank) {
        const auto [tag, score] = ranked[rank];
        QString state = QStringLiteral("optional");
        QString source = QStringLiteral("derived");
        if (rank == 0 && profile.activity >= 3) {
            state = QStringLiteral("starred");
            source = QStringLiteral("staff");
        } else if (rank <= 2 && profile.activity >= 2) {
            state = QStringLiteral("active");
            source = random.chance(500) ? QStringLiteral("staff") : QStringLiteral("customer");
        } else if (rank + 1 == keep && keep >= 5 && random.chance(150)) {
            state = QStringLiteral("removed");
            source = QStringLiteral("staff");
        }
        const bool derived = source == u"derived";
        const qint64 updated = derived ? lastEngagement : between(random, lastEngagement, anchor - 60);
        const QString by =
            derived ? QStringLiteral("Gavel")
                    : (source == u"customer" ? QStringLiteral("Customer") : staffFor(draft, profile.departments[0]));
        chunk.customerTags.add({m_ids.nextCustomerTag++, random.uuid(), draft.id, m_ids.tag + tag, state,
                                static_cast<double>(score) / 1000.0, source, 1, updated, by});
        if (!derived) {
            EventRow &event = draft.event(EventKind::TagSet, updated);
            event.ref = m_ids.tag + tag;
            event.info = m_catalogue.tags()[tag].name;
            event.details = QStringLiteral("{\"state\":\"") + state + QStringLiteral("\"}");
        }
    }
}

void CustomerBuilder::addLabelsAndDepartments(Draft &draft, Chunk &chunk) const
{
    SeededRandom &random = draft.random;
    const Profile &profile = draft.profile;
    const Person &person = draft.person;
    const qint64 anchor = m_schedule.anchor();
    std::vector<int> labels;
    const auto [consignmentsBegin, consignmentsEnd] = m_auction.consignmentsOf(draft.index);
    if (!person.company.isEmpty() && (draft.lotsWon > 0 || profile.power)) {
        labels.push_back(person.company.contains(u"Museum") ? 1 : 0);
    }
    if (draft.subscriptions[static_cast<std::size_t>(Channel::Post)][1].since > 0) {
        labels.push_back(2);
    }
    if (draft.phoneBidder) {
        labels.push_back(3);
    }
    if (person.company.isEmpty() && draft.lotsWon >= 3 && random.chance(300)) {
        labels.push_back(4);
    }
    if (consignmentsEnd > consignmentsBegin) {
        labels.push_back(5);
    }
    if (!person.birthDate.isEmpty() && dateOf(anchor).year() - person.birthDate.left(4).toInt() < 35) {
        labels.push_back(6);
    }
    if (random.chance(20)) {
        labels.push_back(7);
    }
    if (random.chance(5)) {
        labels.push_back(8);
    }
    if (person.country != u"GB" && draft.lotsWon > 0) {
        labels.push_back(9);
    }
    if (std::any_of(draft.invoices.begin(), draft.invoices.end(),
                    [](const Draft::InvoiceRef &i) { return i.overdue; })) {
        labels.push_back(10);
    }
    for (const int label : labels) {
        chunk.customerLabels.add({draft.id, m_ids.label + label,
                                  between(random, profile.activeFrom + kHour, anchor - 60),
                                  staffFor(draft, profile.departments[0])});
    }

    for (int k = 0; k < profile.departmentCount; ++k) {
        chunk.customerDepartments.add({draft.id, m_ids.department + profile.departments[static_cast<std::size_t>(k)],
                                       QStringLiteral("registered"), profile.registeredAt, QVariant()});
    }
    for (const auto &[department, since] : draft.departmentsWon) {
        if (std::find(profile.departments.begin(), profile.departments.begin() + profile.departmentCount,
                      static_cast<quint8>(department)) == profile.departments.begin() + profile.departmentCount) {
            chunk.customerDepartments.add(
                {draft.id, m_ids.department + department, QStringLiteral("activity"), since, QStringLiteral("Gavel")});
        }
    }
}

void CustomerBuilder::addScores(Draft &draft) const
{
    // A yearly engagement score for the customers who do enough to have one.
    if (draft.profile.activity < 3) {
        return;
    }
    SeededRandom &random = draft.random;
    int score = 30 + static_cast<int>(random.below(20));
    for (qint64 at = draft.profile.activeFrom + 365 * kDay; at < m_schedule.anchor(); at += 365 * kDay) {
        const int next =
            std::clamp(score + static_cast<int>(random.between(-8, 15)) + (draft.lotsWon > 0 ? 4 : 0), 1, 100);
        EventRow &event = draft.event(EventKind::ScoreChanged, at);
        event.info = QStringLiteral("Engagement score %1 → %2").arg(score).arg(next);
        event.details = QStringLiteral("{\"from\":%1,\"to\":%2}").arg(score).arg(next);
        score = next;
    }
}

void CustomerBuilder::finish(Draft &draft, Chunk &chunk)
{
    const Person &person = draft.person;
    const bool vip =
        draft.profile.power || (draft.totalSpent >= 4000000 && draft.random.chance(850)) || draft.random.chance(12);
    std::sort(draft.events.begin(), draft.events.end(),
              [](const EventRow &a, const EventRow &b) { return a.ts != b.ts ? a.ts < b.ts : a.id < b.id; });
    const qint64 lastActivity = draft.events.empty() ? draft.profile.registeredAt : draft.events.back().ts;
    const qint64 registered = draft.profile.registeredAt;
    chunk.customers.add({draft.id,
                         draft.random.uuid(),
                         draft.customerNo,
                         text(person.title),
                         text(person.firstName),
                         text(person.lastName),
                         text(person.company),
                         text(person.email),
                         text(person.phone),
                         text(person.smsNumber),
                         text(person.addressLine1),
                         text(person.addressLine2),
                         text(person.city),
                         text(person.region),
                         text(person.postalCode),
                         text(person.country),
                         text(person.gender),
                         text(person.birthDate),
                         text(person.language),
                         registered,
                         vip ? 1 : 0,
                         QStringLiteral("demo"),
                         Customer::sortNameFor(person.firstName, person.lastName, person.company),
                         lastActivity,
                         draft.totalSpent,
                         registered,
                         registered,
                         QStringLiteral("Demo data"),
                         1});
    m_events += static_cast<qint64>(draft.events.size());
    for (EventRow &event : draft.events) {
        chunk.events.push_back(std::move(event));
    }
}

} // namespace Gavel::Models::Demo
