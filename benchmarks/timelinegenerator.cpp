#include "timelinegenerator.h"

#include "eventkind.h"

#include <cmath>

namespace Gavel::Benchmarks {

using Models::EventKind;

namespace {

struct Weighted
{
    EventKind kind;
    int weight; ///< per mille, roughly
};

// An active collector's mix: mostly mailings and website, some bidding, few invoices and
// consignments (the rare categories are what make a category filter read far).
constexpr Weighted kMix[] = {
    {EventKind::EmailSent, 220},         {EventKind::EmailOpened, 150},
    {EventKind::EmailLinkClicked, 50},   {EventKind::EmailLotClicked, 30},
    {EventKind::Subscribed, 5},          {EventKind::Unsubscribed, 3},
    {EventKind::EmailBounced, 5},        {EventKind::SmsSent, 30},
    {EventKind::SmsClicked, 5},          {EventKind::SaleRegistered, 10},
    {EventKind::BidPlaced, 60},          {EventKind::LotWon, 8},
    {EventKind::ConsignmentReceived, 1}, {EventKind::ConsignmentCatalogued, 1},
    {EventKind::ConsignmentSold, 1},     {EventKind::ConsignmentUnsold, 1},
    {EventKind::InvoiceIssued, 10},      {EventKind::InvoicePaid, 9},
    {EventKind::WebsiteVisit, 100},      {EventKind::CategoryViewed, 80},
    {EventKind::LotViewed, 120},         {EventKind::PageViewed, 50},
    {EventKind::BasketAbandoned, 5},     {EventKind::WishlistAdded, 10},
    {EventKind::CallCentreContact, 5},   {EventKind::OtherContact, 3},
    {EventKind::LoyaltyAccrued, 9},      {EventKind::LoyaltyRedeemed, 2},
    {EventKind::ScoreChanged, 5},        {EventKind::TagSet, 5},
    {EventKind::NoteAdded, 3},           {EventKind::PromoCodeIssued, 3},
    {EventKind::PollAnswered, 2},
};

int totalWeight()
{
    int total = 0;
    for (const Weighted &w : kMix) {
        total += w.weight;
    }
    return total;
}

} // namespace

QString TimelineShape::key() const
{
    return QStringLiteral("customers=%1 events=%2 heavyEvery=%3 heavy=%4 sales=%5x%6 campaigns=%7 v1")
        .arg(customers)
        .arg(events)
        .arg(heavyEvery)
        .arg(heavyCustomer)
        .arg(sales)
        .arg(lotsPerSale)
        .arg(campaigns);
}

TimelineGenerator::TimelineGenerator(const TimelineShape &shape)
    : m_shape(shape), m_random(20240320), m_currency(QStringLiteral("GBP")), m_rare(rareWord())
{
    for (int i = 0; i < 1000; ++i) {
        m_pages << QStringLiteral("/auctions/%1/lots?page=%2").arg(i % 97).arg(i);
        m_links << QStringLiteral("https://house.example/catalogue/%1").arg(i * 7);
    }
    m_calls = {QStringLiteral("Asked about a condition report"),   QStringLiteral("Wants to bid by phone"),
               QStringLiteral("Shipping quote to Geneva"),         QStringLiteral("Payment by bank transfer"),
               QStringLiteral("Valuation of a family collection"), QStringLiteral("Change of address")};
    m_details = {QStringLiteral(R"({"device":"mobile"})"), QStringLiteral(R"({"device":"desktop"})"),
                 QStringLiteral(R"({"staff":"Anna","duration_min":12})"), QStringLiteral(R"({"paddle":"214"})"),
                 QStringLiteral(R"({"channel":"online"})")};
}

int TimelineGenerator::pickKind()
{
    static const int total = totalWeight();
    int roll = static_cast<int>(m_random() % static_cast<quint64>(total));
    for (const Weighted &w : kMix) {
        if (roll < w.weight) {
            return static_cast<int>(w.kind);
        }
        roll -= w.weight;
    }
    return static_cast<int>(EventKind::EmailSent);
}

qint64 TimelineGenerator::pickCustomer()
{
    // A long tail: low ids are the house's regulars, most customers have a few dozen events.
    const double u = static_cast<double>(m_random() >> 11) / 9007199254740992.0;
    const qint64 customer = 1 + static_cast<qint64>(std::pow(u, 1.5) * static_cast<double>(m_shape.customers));
    return qMin(customer, m_shape.customers);
}

GeneratedEvent TimelineGenerator::event(qint64 index, GeneratedInvoice *invoice, bool *newInvoice)
{
    *newInvoice = false;
    GeneratedEvent e;
    const bool heavy = index % m_shape.heavyEvery == m_shape.heavyEvery / 2;
    e.customerId = heavy ? m_shape.heavyCustomer : pickCustomer();
    const qint64 span = m_shape.lastTs - m_shape.firstTs;
    e.ts = m_shape.firstTs + static_cast<qint64>(static_cast<double>(index) * static_cast<double>(span) /
                                                 static_cast<double>(m_shape.events));
    e.id = static_cast<qint64>(m_random() >> 1);
    e.kind = pickKind();
    const quint64 r = m_random();
    const qint64 lots = m_shape.sales * m_shape.lotsPerSale;
    const auto lot = [&] { return 1 + static_cast<qint64>(r % static_cast<quint64>(lots)); };

    switch (static_cast<EventKind>(e.kind)) {
    case EventKind::EmailSent:
    case EventKind::EmailOpened:
    case EventKind::EmailBounced:
    case EventKind::SmsSent:
    case EventKind::Unsubscribed:
        e.campaignId = 1 + static_cast<qint64>(r % static_cast<quint64>(m_shape.campaigns));
        break;
    case EventKind::EmailLinkClicked:
    case EventKind::SmsClicked:
        e.campaignId = 1 + static_cast<qint64>(r % static_cast<quint64>(m_shape.campaigns));
        e.info = &m_links.at(static_cast<qsizetype>((r >> 20) % 1000));
        break;
    case EventKind::EmailLotClicked:
        e.campaignId = 1 + static_cast<qint64>((r >> 32) % static_cast<quint64>(m_shape.campaigns));
        e.lotId = lot();
        break;
    case EventKind::SaleRegistered:
        e.saleId = 1 + static_cast<qint64>(r % static_cast<quint64>(m_shape.sales));
        e.details = &m_details.at(3);
        break;
    case EventKind::BidPlaced:
    case EventKind::LotWon:
        e.lotId = lot();
        e.hasAmount = true;
        e.amountMinor = 10000 * static_cast<qint64>(1 + (r >> 40) % 500);
        e.currency = &m_currency;
        e.details = &m_details.at(4);
        break;
    case EventKind::LotViewed:
    case EventKind::WishlistAdded:
        e.lotId = lot();
        e.details = &m_details.at(static_cast<qsizetype>((r >> 50) % 2));
        break;
    case EventKind::ConsignmentReceived:
    case EventKind::ConsignmentCatalogued:
    case EventKind::ConsignmentSold:
    case EventKind::ConsignmentUnsold:
        e.refId = 1 + static_cast<qint64>(r % 100000);
        break;
    case EventKind::InvoiceIssued:
        invoice->id = ++m_invoices;
        invoice->customerId = e.customerId;
        invoice->saleId = 1 + static_cast<qint64>(r % static_cast<quint64>(m_shape.sales));
        invoice->issuedAt = e.ts;
        invoice->totalMinor = 12500 * static_cast<qint64>(1 + (r >> 40) % 400);
        *newInvoice = true;
        e.invoiceId = invoice->id;
        e.saleId = invoice->saleId;
        e.hasAmount = true;
        e.amountMinor = invoice->totalMinor;
        e.currency = &m_currency;
        break;
    case EventKind::InvoicePaid:
        // Some invoice of the house: the join finds it (or not) by primary key either way.
        e.invoiceId = m_invoices > 0 ? 1 + static_cast<qint64>(r % static_cast<quint64>(m_invoices)) : 0;
        e.hasAmount = true;
        e.amountMinor = 12500 * static_cast<qint64>(1 + (r >> 40) % 400);
        e.currency = &m_currency;
        break;
    case EventKind::WebsiteVisit:
    case EventKind::PageViewed:
        e.info = &m_pages.at(static_cast<qsizetype>(r % 1000));
        break;
    case EventKind::CategoryViewed:
        e.refId = 1 + static_cast<qint64>(r % static_cast<quint64>(m_shape.categories));
        break;
    case EventKind::BasketAbandoned:
        e.hasAmount = true;
        e.amountMinor = 2500 * static_cast<qint64>(1 + r % 100);
        e.currency = &m_currency;
        break;
    case EventKind::CallCentreContact:
    case EventKind::OtherContact:
        e.info = &m_calls.at(static_cast<qsizetype>(r % static_cast<quint64>(m_calls.size())));
        e.details = &m_details.at(2);
        break;
    case EventKind::LoyaltyAccrued:
    case EventKind::LoyaltyRedeemed:
        e.hasAmount = true;
        e.amountMinor = 100 * static_cast<qint64>(1 + r % 500);
        e.currency = &m_currency;
        break;
    case EventKind::ScoreChanged:
        e.hasAmount = true;
        e.amountMinor = static_cast<qint64>(r % 41) - 20;
        break;
    case EventKind::TagSet:
        e.refId = 1 + static_cast<qint64>(r % static_cast<quint64>(m_shape.tags));
        break;
    case EventKind::NoteAdded:
    case EventKind::PromoCodeIssued:
    case EventKind::PollAnswered:
    case EventKind::Subscribed:
        e.refId = 1 + static_cast<qint64>(r % 1000);
        break;
    }

    if (heavy) {
        // One old event of the heavy customer carries a word nothing else has.
        if (m_heavyIndex == 500) {
            e.info = &m_rare;
        }
        ++m_heavyIndex;
    }
    return e;
}

} // namespace Gavel::Benchmarks
