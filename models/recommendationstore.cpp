#include "recommendationstore.h"

#include "asof.h"
#include "database.h"
#include "epoch.h"
#include "interestmodel.h"
#include "recommender.h"
#include "sql.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSqlQuery>


namespace Gavel::Models {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Gavel::Models::RecommendationStore", text);
}

constexpr int kChunk = 500;

const QString kLotColumns = QStringLiteral(
    "l.id, l.sale_id, l.lot_no, l.lot_seq, l.title, COALESCE(l.description, ''), COALESCE(l.maker, ''),"
    " COALESCE(l.department_id, 0), COALESCE(l.category_id, 0), COALESCE(l.low_estimate_minor, 0),"
    " COALESCE(l.high_estimate_minor, 0), l.currency");

LotFeatures lotFrom(const QSqlQuery &query)
{
    LotFeatures lot;
    lot.id = query.value(0).toLongLong();
    lot.saleId = query.value(1).toLongLong();
    lot.lotNo = query.value(2).toString();
    lot.lotSeq = query.value(3).toInt();
    lot.title = query.value(4).toString();
    lot.description = query.value(5).toString();
    lot.maker = query.value(6).toString();
    lot.departmentId = query.value(7).toLongLong();
    lot.categoryId = query.value(8).toLongLong();
    lot.lowEstimate = query.value(9).toLongLong();
    lot.highEstimate = query.value(10).toLongLong();
    lot.currency = query.value(11).toString();
    return lot;
}

SaleChoice saleFrom(const QSqlQuery &query)
{
    SaleChoice sale;
    sale.id = query.value(0).toLongLong();
    sale.saleNo = query.value(1).toString();
    sale.title = query.value(2).toString();
    sale.startsAt = query.value(3).toLongLong();
    sale.status = query.value(4).toString();
    sale.lotCount = query.value(5).toInt();
    return sale;
}

const QString kSaleSelect = QStringLiteral(
    "SELECT s.id, s.sale_no, s.title, s.starts_at, s.status,"
    " (SELECT count(*) FROM lots l WHERE l.sale_id = s.id AND l.status <> 'withdrawn') FROM sales s");

QString placeholders(qsizetype count)
{
    QString text;
    text.reserve(count * 2);
    for (qsizetype i = 0; i < count; ++i) {
        text += i == 0 ? QStringLiteral("?") : QStringLiteral(",?");
    }
    return text;
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

RecommendationStore::RecommendationStore(const Database &database) : m_database(database) {}

Result<std::vector<SaleChoice>> RecommendationStore::openSales() const
{
    auto query = Sql::exec(m_database.connection(),
                           kSaleSelect + QStringLiteral(" WHERE s.status IN ('upcoming', 'live')"
                                                        " ORDER BY s.starts_at, s.id"),
                           {}, tr("reading the upcoming sales"));
    if (!query) {
        return query.error();
    }
    std::vector<SaleChoice> sales;
    while (query->next()) {
        sales.push_back(saleFrom(*query));
    }
    return sales;
}

Result<SaleChoice> RecommendationStore::sale(qint64 saleId) const
{
    auto query = Sql::exec(m_database.connection(), kSaleSelect + QStringLiteral(" WHERE s.id = ?"), {saleId},
                           tr("reading the sale"));
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return Error::make(ErrorKind::NotFound, tr("The sale is no longer in the database."));
    }
    return saleFrom(*query);
}

Result<std::optional<SaleChoice>> RecommendationStore::saleByNumber(const QString &saleNo) const
{
    auto query = Sql::exec(m_database.connection(), kSaleSelect + QStringLiteral(" WHERE s.sale_no = ?"), {saleNo},
                           tr("looking up the sale"));
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return std::optional<SaleChoice>();
    }
    return std::optional<SaleChoice>(saleFrom(*query));
}

Result<SaleChoice> RecommendationStore::nextSale(qint64 now) const
{
    auto query = Sql::exec(m_database.connection(),
                           kSaleSelect + QStringLiteral(" WHERE s.status IN ('upcoming', 'live')"
                                                        " AND COALESCE(s.ends_at, s.starts_at) >= ?"
                                                        " ORDER BY s.starts_at, s.id"),
                           {now}, tr("finding the next sale"));
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return Error::make(ErrorKind::NotFound, tr("There is no upcoming sale to recommend lots from."));
    }
    return saleFrom(*query);
}

Status RecommendationStore::addTags(std::vector<LotFeatures *> lots, const QString &where) const
{
    QHash<qint64, LotFeatures *> byId;
    for (LotFeatures *lot : lots) {
        byId.insert(lot->id, lot);
    }
    for (std::size_t from = 0; from < lots.size(); from += kChunk) {
        const std::size_t to = std::min(lots.size(), from + kChunk);
        QVariantList ids;
        for (std::size_t i = from; i < to; ++i) {
            ids << lots[i]->id;
        }
        auto query = Sql::exec(m_database.connection(),
                               QStringLiteral("SELECT lot_id, tag_id, weight FROM lot_tags WHERE lot_id IN (%1)"
                                              " ORDER BY lot_id, tag_id")
                                   .arg(placeholders(ids.size())),
                               ids, where);
        if (!query) {
            return query.error();
        }
        while (query->next()) {
            if (LotFeatures *lot = byId.value(query->value(0).toLongLong())) {
                lot->tags.emplace_back(query->value(1).toLongLong(), query->value(2).toFloat());
            }
        }
    }
    return {};
}

Result<std::vector<LotFeatures>> RecommendationStore::saleLots(qint64 saleId) const
{
    auto query = Sql::exec(m_database.connection(),
                           QStringLiteral("SELECT %1 FROM lots l WHERE l.sale_id = ? AND l.status <> 'withdrawn'"
                                          " ORDER BY l.lot_seq, l.id")
                               .arg(kLotColumns),
                           {saleId}, tr("reading the lots of the sale"));
    if (!query) {
        return query.error();
    }
    std::vector<LotFeatures> lots;
    while (query->next()) {
        lots.push_back(lotFrom(*query));
    }
    query->finish();
    // One statement for the whole sale's tags rather than one per lot.
    auto tags = Sql::exec(m_database.connection(),
                          QStringLiteral("SELECT t.lot_id, t.tag_id, t.weight FROM lot_tags t"
                                         " JOIN lots l ON l.id = t.lot_id WHERE l.sale_id = ?"
                                         " ORDER BY t.lot_id, t.tag_id"),
                          {saleId}, tr("reading the tags of the sale's lots"));
    if (!tags) {
        return tags.error();
    }
    QHash<qint64, LotFeatures *> byId;
    for (LotFeatures &lot : lots) {
        byId.insert(lot.id, &lot);
    }
    while (tags->next()) {
        if (LotFeatures *lot = byId.value(tags->value(0).toLongLong())) {
            lot->tags.emplace_back(tags->value(1).toLongLong(), tags->value(2).toFloat());
        }
    }
    return lots;
}

Result<QHash<qint64, LotFeatures>> RecommendationStore::lots(const QList<qint64> &ids) const
{
    QHash<qint64, LotFeatures> lots;
    for (qsizetype from = 0; from < ids.size(); from += kChunk) {
        QVariantList chunk;
        for (qsizetype i = from; i < std::min(ids.size(), from + kChunk); ++i) {
            chunk << ids[i];
        }
        auto query = Sql::exec(
            m_database.connection(),
            QStringLiteral("SELECT %1 FROM lots l WHERE l.id IN (%2)").arg(kLotColumns, placeholders(chunk.size())),
            chunk, tr("reading the lots the customer bid on"));
        if (!query) {
            return query.error();
        }
        while (query->next()) {
            LotFeatures lot = lotFrom(*query);
            lots.insert(lot.id, lot);
        }
    }
    std::vector<LotFeatures *> all;
    for (auto it = lots.begin(); it != lots.end(); ++it) {
        all.push_back(&it.value());
    }
    if (Status status = addTags(all, tr("reading the tags of the lots the customer bid on")); !status) {
        return status.error();
    }
    return lots;
}

Result<CatalogueNames> RecommendationStore::names() const
{
    CatalogueNames names;
    const struct
    {
        QString sql;
        QHash<qint64, QString> *into;
    } lists[] = {
        {QStringLiteral("SELECT id, name FROM departments"), &names.departments},
        {QStringLiteral("SELECT id, name FROM categories"), &names.categories},
        {QStringLiteral("SELECT id, name FROM tags"), &names.tags},
        {QStringLiteral("SELECT id, title FROM sales"), &names.sales},
    };
    for (const auto &list : lists) {
        auto query = Sql::exec(m_database.connection(), list.sql, {}, tr("reading the catalogue's names"));
        if (!query) {
            return query.error();
        }
        while (query->next()) {
            list.into->insert(query->value(0).toLongLong(), query->value(1).toString());
        }
    }
    return names;
}

Result<CustomerFacts> RecommendationStore::customerFacts(qint64 customerId, qint64 before) const
{
    const QSqlDatabase db = m_database.connection();
    CustomerFacts facts;
    facts.customerId = customerId;
    QHash<qint64, std::size_t> byLot;
    auto bids = Sql::exec(db,
                          QStringLiteral("SELECT lot_id, min(placed_at), max(amount_minor), max(is_winning) FROM bids"
                                         " WHERE customer_id = ? AND placed_at < ? GROUP BY lot_id ORDER BY lot_id"),
                          {customerId, before}, tr("reading the customer's bids"));
    if (!bids) {
        return bids.error();
    }
    while (bids->next()) {
        LotInteraction interaction;
        interaction.lotId = bids->value(0).toLongLong();
        interaction.at = bids->value(1).toLongLong();
        interaction.topBid = bids->value(2).toLongLong();
        interaction.bid = true;
        interaction.won = bids->value(3).toInt() != 0;
        byLot.insert(interaction.lotId, facts.interactions.size());
        facts.interactions.push_back(interaction);
    }
    auto wishlists = Sql::exec(db,
                               QStringLiteral("SELECT lot_id, added_at FROM wishlists WHERE customer_id = ?"
                                              " AND added_at < ? ORDER BY lot_id"),
                               {customerId, before}, tr("reading the customer's wishlist"));
    if (!wishlists) {
        return wishlists.error();
    }
    while (wishlists->next()) {
        const qint64 lot = wishlists->value(0).toLongLong();
        if (const auto found = byLot.constFind(lot); found != byLot.cend()) {
            facts.interactions[found.value()].wishlisted = true;
            continue;
        }
        LotInteraction interaction;
        interaction.lotId = lot;
        interaction.at = wishlists->value(1).toLongLong();
        interaction.wishlisted = true;
        facts.interactions.push_back(interaction);
    }
    auto departments = Sql::exec(db,
                                 QStringLiteral("SELECT department_id FROM customer_departments"
                                                " WHERE customer_id = ? AND added_at < ?"),
                                 {customerId, before}, tr("reading the customer's departments"));
    if (!departments) {
        return departments.error();
    }
    while (departments->next()) {
        facts.registeredDepartments.insert(departments->value(0).toLongLong());
    }
    auto tags = Sql::exec(db,
                          QStringLiteral("SELECT tag_id, state, weight, source FROM customer_tags"
                                         " WHERE customer_id = ? ORDER BY tag_id"),
                          {customerId}, tr("reading the customer's tags"));
    if (!tags) {
        return tags.error();
    }
    while (tags->next()) {
        RecommendationTag preference;
        preference.state = stateFrom(tags->value(1).toString());
        preference.weight = tags->value(2).toDouble();
        preference.source = tags->value(3).toString();
        facts.storedTags.insert(tags->value(0).toLongLong(), preference);
    }
    return facts;
}

Result<QHash<qint64, double>> RecommendationStore::collectorSignals(qint64 customerId, qint64 saleId,
                                                                   qint64 before) const
{
    auto query = Sql::exec(m_database.connection(),
                           QStringLiteral("SELECT w.lot_id, count(DISTINCT w.customer_id) FROM wishlists w"
                                          " JOIN lots l ON l.id = w.lot_id"
                                          " WHERE l.sale_id = ? AND w.customer_id <> ? AND w.added_at < ?"
                                          " AND w.customer_id IN (SELECT other.customer_id FROM bids mine"
                                          "  JOIN bids other ON other.lot_id = mine.lot_id"
                                          "  WHERE mine.customer_id = ? AND mine.placed_at < ?"
                                          "  AND other.customer_id <> ? AND other.placed_at < ?)"
                                          " GROUP BY w.lot_id"),
                           {saleId, customerId, before, customerId, before, customerId, before},
                           tr("reading what similar collectors wishlisted"));
    if (!query) {
        return query.error();
    }
    QHash<qint64, double> wishes;
    while (query->next()) {
        wishes.insert(query->value(0).toLongLong(), query->value(1).toDouble());
    }
    return wishes;
}

Result<RecommendationList> RecommendationStore::recommend(qint64 customerId, qint64 saleId,
                                                          const RecommendationOptions &options, qint64 now) const
{
    auto chosen = sale(saleId);
    if (!chosen) {
        return chosen.error();
    }
    auto saleLots = this->saleLots(saleId);
    if (!saleLots) {
        return saleLots.error();
    }
    auto names = this->names();
    if (!names) {
        return names.error();
    }
    auto facts = customerFacts(customerId, now);
    if (!facts) {
        return facts.error();
    }
    QList<qint64> ids;
    for (const LotInteraction &interaction : facts->interactions) {
        ids << interaction.lotId;
    }
    auto history = lots(ids);
    if (!history) {
        return history.error();
    }
    auto wishes = collectorSignals(customerId, saleId, now);
    if (!wishes) {
        return wishes.error();
    }
    auto interests = InterestModel::readSignals(m_database, customerId, now);
    if (!interests) {
        return interests.error();
    }
    Recommender recommender(std::move(*saleLots), std::move(*names));
    recommender.prepareHistory(*history);
    CustomerProfile profile = CustomerProfile::build(*facts, *history, now);
    profile.collectorSignals = std::move(*wishes);
    profile.interests = InterestModel::scores(std::move(*interests), now);
    RecommendationList list;
    list.sale = *chosen;
    list.customerId = customerId;
    list.lots = recommender.rank(profile, options);
    return list;
}

Result<QJsonObject> RecommendationStore::exportSection(qint64 customerId, QDate asOf) const
{
    const qint64 now = AsOf::resolve(asOf).endEpoch();
    auto sale = nextSale(now);
    if (!sale) {
        if (sale.error().kind == ErrorKind::NotFound) {
            return QJsonObject{{QStringLiteral("sale"), QJsonValue::Null}, {QStringLiteral("lots"), QJsonArray()}};
        }
        return sale.error();
    }
    RecommendationOptions options;
    options.top = kExportedLots;
    auto list = recommend(customerId, sale->id, options, now);
    if (!list) {
        return list.error();
    }
    const auto money = [](qint64 minor, const QString &currency) -> QJsonValue {
        if (minor <= 0) {
            return QJsonValue::Null;
        }
        return QJsonObject{{QStringLiteral("currency"), currency}, {QStringLiteral("minor"), minor}};
    };
    QJsonArray lots;
    for (const Recommendation &lot : list->lots) {
        lots.append(QJsonObject{
            {QStringLiteral("lotNo"), lot.lotNo},
            {QStringLiteral("title"), lot.title},
            {QStringLiteral("maker"), lot.maker},
            {QStringLiteral("lowEstimate"), money(lot.lowEstimate, lot.currency)},
            {QStringLiteral("highEstimate"), money(lot.highEstimate, lot.currency)},
            {QStringLiteral("matchScore"), lot.score},
            {QStringLiteral("bidOn"), lot.bidOn},
            {QStringLiteral("wishlisted"), lot.wishlisted},
            {QStringLiteral("parts"), contributionsToJson(lot.contributions)},
        });
    }
    return QJsonObject{
        {QStringLiteral("sale"), QJsonObject{{QStringLiteral("saleNo"), list->sale.saleNo},
                                             {QStringLiteral("title"), list->sale.title},
                                             {QStringLiteral("startsAt"),
                                              fromEpoch(list->sale.startsAt).toUTC().toString(Qt::ISODate)},
                                             {QStringLiteral("status"), list->sale.status}}},
        {QStringLiteral("lots"), lots},
    };
}

} // namespace Gavel::Models
