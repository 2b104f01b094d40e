#include "recommendationdata.h"

#include "database.h"
#include "interestmodel.h"
#include "recommendationstore.h"
#include "sql.h"

#include <QCoreApplication>
#include <QSqlQuery>

#include <algorithm>

namespace Gavel::Models {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Gavel::Models::RecommendationData", text);
}

RecommendationTag::State stateFrom(const QString &state)
{
    if (state == u"starred") {
        return RecommendationTag::State::Starred;
    }
    if (state == u"active") {
        return RecommendationTag::State::Active;
    }
    if (state == u"removed") {
        return RecommendationTag::State::Removed;
    }
    return RecommendationTag::State::Optional;
}

} // namespace

Result<RecommendationData> RecommendationData::load(const Database &database)
{
    const QSqlDatabase db = database.connection();
    RecommendationData data;
    auto names = RecommendationStore(database).names();
    if (!names) {
        return names.error();
    }
    data.m_names = std::move(*names);

    auto sales = Sql::exec(db, QStringLiteral("SELECT id, starts_at, status FROM sales"), {}, tr("reading the sales"));
    if (!sales) {
        return sales.error();
    }
    while (sales->next()) {
        SaleInfo sale;
        sale.id = sales->value(0).toLongLong();
        sale.startsAt = sales->value(1).toLongLong();
        sale.status = sales->value(2).toString();
        data.m_sales.insert(sale.id, sale);
    }

    auto lots = Sql::exec(db,
                          QStringLiteral("SELECT id, sale_id, lot_no, lot_seq, title, COALESCE(description, ''),"
                                         " COALESCE(maker, ''), COALESCE(department_id, 0), COALESCE(category_id, 0),"
                                         " COALESCE(low_estimate_minor, 0), COALESCE(high_estimate_minor, 0), currency,"
                                         " status FROM lots ORDER BY sale_id, lot_seq, id"),
                          {}, tr("reading the lots"));
    if (!lots) {
        return lots.error();
    }
    while (lots->next()) {
        LotFeatures lot;
        lot.id = lots->value(0).toLongLong();
        lot.saleId = lots->value(1).toLongLong();
        lot.lotNo = lots->value(2).toString();
        lot.lotSeq = lots->value(3).toInt();
        lot.title = lots->value(4).toString();
        lot.description = lots->value(5).toString();
        lot.maker = lots->value(6).toString();
        lot.departmentId = lots->value(7).toLongLong();
        lot.categoryId = lots->value(8).toLongLong();
        lot.lowEstimate = lots->value(9).toLongLong();
        lot.highEstimate = lots->value(10).toLongLong();
        lot.currency = lots->value(11).toString();
        if (lots->value(12).toString() != u"withdrawn") {
            data.m_sales[lot.saleId].lots.push_back(lot.id);
        }
        data.m_lots.insert(lot.id, std::move(lot));
    }
    auto tags = Sql::exec(db, QStringLiteral("SELECT lot_id, tag_id, weight FROM lot_tags ORDER BY lot_id, tag_id"), {},
                          tr("reading the lots' tags"));
    if (!tags) {
        return tags.error();
    }
    while (tags->next()) {
        const auto found = data.m_lots.find(tags->value(0).toLongLong());
        if (found != data.m_lots.end()) {
            found->tags.emplace_back(tags->value(1).toLongLong(), tags->value(2).toFloat());
        }
    }

    auto customers = Sql::exec(db, QStringLiteral("SELECT id FROM customers ORDER BY id"), {},
                               tr("reading the customers"));
    if (!customers) {
        return customers.error();
    }
    while (customers->next()) {
        data.m_customers.push_back(customers->value(0).toLongLong());
    }

    auto bids = Sql::exec(db,
                          QStringLiteral("SELECT customer_id, lot_id, min(placed_at), max(amount_minor), max(is_winning)"
                                         " FROM bids GROUP BY customer_id, lot_id ORDER BY customer_id, lot_id"),
                          {}, tr("reading the bids"));
    if (!bids) {
        return bids.error();
    }
    while (bids->next()) {
        LotInteraction interaction;
        const qint64 customer = bids->value(0).toLongLong();
        interaction.lotId = bids->value(1).toLongLong();
        interaction.at = bids->value(2).toLongLong();
        interaction.topBid = bids->value(3).toLongLong();
        interaction.won = bids->value(4).toInt() != 0;
        interaction.bid = true;
        data.m_interactions[customer].push_back(interaction);
        data.m_bidders[interaction.lotId].emplace_back(customer, interaction.at);
    }
    auto wishlists = Sql::exec(db, QStringLiteral("SELECT customer_id, lot_id, added_at FROM wishlists"
                                                  " ORDER BY customer_id, lot_id"),
                               {}, tr("reading the wishlists"));
    if (!wishlists) {
        return wishlists.error();
    }
    while (wishlists->next()) {
        const qint64 customer = wishlists->value(0).toLongLong();
        LotInteraction interaction;
        interaction.lotId = wishlists->value(1).toLongLong();
        interaction.at = wishlists->value(2).toLongLong();
        interaction.wishlisted = true;
        data.m_interactions[customer].push_back(interaction);
        data.m_wishes[interaction.lotId].push_back({customer, interaction.at});
    }
    auto departments = Sql::exec(db, QStringLiteral("SELECT customer_id, department_id, added_at"
                                                    " FROM customer_departments"),
                                 {}, tr("reading the customers' departments"));
    if (!departments) {
        return departments.error();
    }
    while (departments->next()) {
        data.m_departments[departments->value(0).toLongLong()].emplace_back(departments->value(1).toLongLong(),
                                                                            departments->value(2).toLongLong());
    }
    auto customerTags = Sql::exec(db, QStringLiteral("SELECT customer_id, tag_id, state, weight, source"
                                                     " FROM customer_tags"),
                                  {}, tr("reading the customers' tags"));
    if (!customerTags) {
        return customerTags.error();
    }
    while (customerTags->next()) {
        RecommendationTag preference;
        preference.state = stateFrom(customerTags->value(2).toString());
        preference.weight = customerTags->value(3).toDouble();
        preference.source = customerTags->value(4).toString();
        data.m_tags[customerTags->value(0).toLongLong()].insert(customerTags->value(1).toLongLong(), preference);
    }
    auto interestEvents = InterestModel::readAllSignals(database);
    if (!interestEvents) {
        return interestEvents.error();
    }
    data.m_interestEvents = std::move(*interestEvents);
    return data;
}

std::vector<LotFeatures> RecommendationData::saleLots(qint64 saleId) const
{
    std::vector<LotFeatures> lots;
    for (const qint64 id : m_sales.value(saleId).lots) {
        lots.push_back(m_lots.value(id));
    }
    return lots;
}

std::vector<qint64> RecommendationData::biddersOf(qint64 saleId) const
{
    std::vector<qint64> bidders;
    for (const qint64 lot : m_sales.value(saleId).lots) {
        for (const auto &[customer, at] : m_bidders.value(lot)) {
            bidders.push_back(customer);
        }
    }
    std::sort(bidders.begin(), bidders.end());
    bidders.erase(std::unique(bidders.begin(), bidders.end()), bidders.end());
    return bidders;
}

QSet<qint64> RecommendationData::lotsBidOn(qint64 customerId, qint64 saleId) const
{
    QSet<qint64> lots;
    for (const LotInteraction &interaction : m_interactions.value(customerId)) {
        if (interaction.bid && m_lots.value(interaction.lotId).saleId == saleId) {
            lots.insert(interaction.lotId);
        }
    }
    return lots;
}

CustomerFacts RecommendationData::facts(qint64 customerId, qint64 before, bool withStoredTags,
                                        qint64 leaveOutSale) const
{
    CustomerFacts facts;
    facts.customerId = customerId;
    const auto interactions = m_interactions.constFind(customerId);
    if (interactions != m_interactions.cend()) {
        // As RecommendationStore::customerFacts: a lot bid on and wishlisted is one
        // interaction (the bid, marked wishlisted), not two. Bids come before wishlists.
        QHash<qint64, std::size_t> bidOn;
        for (const LotInteraction &interaction : interactions.value()) {
            if (interaction.at >= before) {
                continue;
            }
            const auto lot = m_lots.constFind(interaction.lotId);
            if (lot == m_lots.cend() || lot->saleId == leaveOutSale) {
                continue; // the held-out sale: its bids are what is being predicted
            }
            if (interaction.bid) {
                bidOn.insert(interaction.lotId, facts.interactions.size());
            } else if (const auto bid = bidOn.constFind(interaction.lotId); bid != bidOn.cend()) {
                facts.interactions[bid.value()].wishlisted = true;
                continue;
            }
            facts.interactions.push_back(interaction);
        }
    }
    if (const auto departments = m_departments.constFind(customerId); departments != m_departments.cend()) {
        for (const auto &[department, addedAt] : departments.value()) {
            if (addedAt < before) {
                facts.registeredDepartments.insert(department);
            }
        }
    }
    if (withStoredTags) {
        facts.storedTags = m_tags.value(customerId);
    }
    return facts;
}

RecommendationData::SaleWishes RecommendationData::saleWishes(qint64 saleId) const
{
    SaleWishes wishes;
    const auto sale = m_sales.constFind(saleId);
    if (sale == m_sales.cend()) {
        return wishes;
    }
    for (const qint64 lot : sale->lots) {
        const auto found = m_wishes.constFind(lot);
        if (found == m_wishes.cend()) {
            continue;
        }
        for (const Wish &wish : found.value()) {
            wishes[wish.customerId].emplace_back(lot, wish.at);
        }
    }
    return wishes;
}

QHash<qint64, double> RecommendationData::collectorSignals(qint64 customerId, qint64 saleId, qint64 before) const
{
    return collectorSignals(customerId, saleWishes(saleId), before);
}

QHash<qint64, double> RecommendationData::collectorSignals(qint64 customerId, const SaleWishes &wishes,
                                                           qint64 before) const
{
    QHash<qint64, double> counts;
    const auto interactions = m_interactions.constFind(customerId);
    if (interactions == m_interactions.cend() || wishes.isEmpty()) {
        return counts;
    }
    // Only co-bidders who wishlisted a lot of the sale can add anything: look those up
    // rather than every lot of the sale (the busiest customers have thousands of co-bidders).
    std::vector<qint64> neighbours;
    for (const LotInteraction &interaction : interactions.value()) {
        if (!interaction.bid || interaction.at >= before) {
            continue;
        }
        const auto bidders = m_bidders.constFind(interaction.lotId);
        if (bidders == m_bidders.cend()) {
            continue;
        }
        for (const auto &[other, at] : bidders.value()) {
            if (other != customerId && at < before && wishes.contains(other)) {
                neighbours.push_back(other);
            }
        }
    }
    std::sort(neighbours.begin(), neighbours.end());
    neighbours.erase(std::unique(neighbours.begin(), neighbours.end()), neighbours.end());
    for (const qint64 other : neighbours) {
        for (const auto &[lot, at] : wishes.constFind(other).value()) {
            if (at < before) {
                counts[lot] += 1;
            }
        }
    }
    return counts;
}

InterestScores RecommendationData::interests(qint64 customerId, qint64 before, qint64 leaveOutSale) const
{
    const auto found = m_interestEvents.constFind(customerId);
    if (found == m_interestEvents.cend()) {
        return {};
    }
    std::vector<InterestEvent> events;
    events.reserve(found->size());
    for (const InterestEvent &event : found.value()) {
        if (event.at >= before) {
            continue;
        }
        if (leaveOutSale != 0 && event.lotId != 0) {
            const auto lot = m_lots.constFind(event.lotId);
            if (lot != m_lots.cend() && lot->saleId == leaveOutSale) {
                continue; // the held-out sale: what they did with its lots is being predicted
            }
        }
        events.push_back(event);
    }
    return InterestModel::scores(std::move(events), before);
}

QHash<qint64, int> RecommendationData::wishlistCounts(qint64 saleId, qint64 before, qint64 customerId) const
{
    QHash<qint64, int> counts;
    for (const qint64 lot : m_sales.value(saleId).lots) {
        for (const Wish &wish : m_wishes.value(lot)) {
            if (wish.at < before && wish.customerId != customerId) {
                ++counts[lot];
            }
        }
    }
    return counts;
}

} // namespace Gavel::Models
