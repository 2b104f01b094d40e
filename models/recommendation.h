#pragma once

#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <QString>
#include <QStringList>

#include <utility>
#include <vector>

namespace Gavel::Models {

/// One lot as the recommender reads it: what it is, where it sits in the catalogue, and
/// its estimate. Lots of an upcoming sale have no bids yet, so these are what carry them.
struct LotFeatures
{
    qint64 id = 0;
    qint64 saleId = 0;
    QString lotNo;
    int lotSeq = 0;
    QString title;
    QString description;
    QString maker;
    qint64 departmentId = 0;
    qint64 categoryId = 0;
    qint64 lowEstimate = 0;  ///< minor units; 0 when unknown
    qint64 highEstimate = 0; ///< minor units; 0 when unknown
    QString currency;
    std::vector<std::pair<qint64, float>> tags; ///< tag id and the lot's weight for it (0..1)
};

/// The names the reasons speak in (departments, categories, tags, sales).
struct CatalogueNames
{
    QHash<qint64, QString> departments;
    QHash<qint64, QString> categories;
    QHash<qint64, QString> tags;
    QHash<qint64, QString> sales;
};

/// The parts a Match Score is made of. Each has a ceiling (partCeiling); the ceilings of the
/// positive parts add up to 100, and a removed tag takes points away again.
enum class MatchPart {
    Department,        ///< departments they registered to or bid in: the largest part
    Tags,              ///< the lot's tags against the customer's (starred > active > optional)
    Maker,             ///< an artist or maker they bid on before
    Category,          ///< a category they bid in
    SimilarLots,       ///< TF-IDF similarity of title, maker, tags to the lots they bid on
    Price,             ///< the estimate against the prices they usually bid
    SimilarCollectors, ///< wishlisted by collectors who bid on the same lots as they did
    RemovedTag,        ///< carries a tag removed from their interests (negative)
    Interests,         ///< the interest model's score of the lot's category and department
};

/// Highest points a part can give (RemovedTag: the share of the other parts it takes away).
double partCeiling(MatchPart part);
/// The part's name for people ("Department", "Artist or maker"…).
QString partName(MatchPart part);
/// The part's key for files and the command line ("department", "maker"…).
QString partKey(MatchPart part);

/// One part of a Match Score with the reason behind it, in the house's words.
struct MatchContribution
{
    MatchPart part = MatchPart::Department;
    double points = 0; ///< what the part adds to the score (negative for RemovedTag)
    QString reason;
};

/// A lot of the sale ranked for one customer.
struct Recommendation
{
    qint64 lotId = 0;
    QString lotNo;
    int lotSeq = 0;
    QString title;
    QString maker;
    qint64 lowEstimate = 0;
    qint64 highEstimate = 0;
    QString currency;
    double exactScore = 0; ///< the sum of the contributions, 0..100
    int score = 0;         ///< the Match Score shown: exactScore rounded
    bool bidOn = false;      ///< the customer already bid on this lot
    bool wishlisted = false; ///< the lot is on the customer's wishlist
    std::vector<MatchContribution> contributions; ///< largest first; parts under 0.05 points left out

    /// The reasons, largest part first ("Department Old Masters: registered (+27)"); parts
    /// that round to no points are left out.
    QStringList reasons() const;
};

/// The parts of a score for files and the command line: [{"part": partKey, "points": rounded
/// to 0.01, "reason": …}], largest first.
QJsonArray contributionsToJson(const std::vector<MatchContribution> &contributions);

struct RecommendationOptions
{
    int top = 0;                   ///< how many to return; 0 = every lot of the sale
    bool leaveOutEngaged = false;  ///< leave out lots already bid on or wishlisted
    bool withReasons = true;       ///< the batch ranks without them
};

} // namespace Gavel::Models
