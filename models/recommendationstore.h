#pragma once

#include "customerprofile.h"
#include "recommendation.h"
#include "result.h"

#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QList>

#include <optional>
#include <vector>

namespace Gavel::Models {

class Database;

/// A sale the recommendations can be made for.
struct SaleChoice
{
    qint64 id = 0;
    QString saleNo;
    QString title;
    qint64 startsAt = 0;
    QString status;
    int lotCount = 0;
};

/// The lots of one sale ranked for one customer, and what the ranking was made for.
struct RecommendationList
{
    SaleChoice sale;
    qint64 customerId = 0;
    std::vector<Recommendation> lots;
};

/// The SQL of recommendations: the sales to choose from, a sale's lots with their tags, and
/// what a customer bid on, won, wishlisted, registered to and tagged. All reads.
class RecommendationStore final
{
public:
    explicit RecommendationStore(const Database &database);

    /// Sales that are upcoming or live, soonest first.
    Result<std::vector<SaleChoice>> openSales() const;
    /// The sale with this id, or NotFound.
    Result<SaleChoice> sale(qint64 saleId) const;
    /// The sale with this sale number, if any.
    Result<std::optional<SaleChoice>> saleByNumber(const QString &saleNo) const;
    /// The next sale to recommend from as of `now`: the first upcoming or live sale that has
    /// not ended; NotFound when there is none.
    Result<SaleChoice> nextSale(qint64 now) const;

    /// The lots of a sale that are still offered (not withdrawn), in lot order, with tags.
    Result<std::vector<LotFeatures>> saleLots(qint64 saleId) const;
    /// Lots by id with their tags.
    Result<QHash<qint64, LotFeatures>> lots(const QList<qint64> &ids) const;
    /// Names of departments, categories, tags and sales for the reasons.
    Result<CatalogueNames> names() const;
    /// A customer's bids, wins and wishlists before `before`, their departments and tags.
    Result<CustomerFacts> customerFacts(qint64 customerId, qint64 before) const;
    /// Lot id → how many other collectors who bid on a lot this customer bid on have the
    /// lot of the sale on their wishlist (added before `before`).
    Result<QHash<qint64, double>> collectorSignals(qint64 customerId, qint64 saleId, qint64 before) const;

    /// The whole of it for one customer and sale, as of `now`: what the Recommendations
    /// dialog and `gavel recommend` show.
    Result<RecommendationList> recommend(qint64 customerId, qint64 saleId, const RecommendationOptions &options,
                                         qint64 now) const;

    /// The profile export's "recommendations" section: the next sale as of the end of `asOf`
    /// ({"sale": null, "lots": []} when there is none) and its kExportedLots best lots for
    /// the customer with Match Score and reasons; money as {currency, minor}, times ISO UTC.
    Result<QJsonObject> exportSection(qint64 customerId, QDate asOf) const;
    static constexpr int kExportedLots = 20;

private:
    Status addTags(std::vector<LotFeatures *> lots, const QString &where) const;

    const Database &m_database;
};

} // namespace Gavel::Models
