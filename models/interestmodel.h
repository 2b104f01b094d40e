#pragma once

#include "customertag.h"
#include "result.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <QHash>

#include <array>
#include <vector>

namespace Gavel::Models {

class Database;

/// What a customer did that says they are interested in something, strongest first.
enum class InterestSignal : int {
    Win = 0,         ///< bought the lot (the buyer of a sold lot)
    Consignment = 1, ///< consigned the lot to the house
    Bid = 2,         ///< bid on the lot (once per lot, however many bids)
    Wishlist = 3,    ///< put the lot on their wishlist
    Click = 4,       ///< clicked the lot in a mailing
    View = 5,        ///< viewed the lot or the category on the website
};
inline constexpr int kInterestSignalCount = 6;

/// How many times each signal happened (not decayed: what staff count).
using SignalCounts = std::array<int, kInterestSignalCount>;

/// A keyword or tag of the lots the customer engaged with, and how strongly (the decayed
/// signal weights of those lots times the tag's weight on each lot).
struct TagWeight
{
    qint64 tagId = 0;
    QString name;
    QString kind; ///< tags.kind ("keyword", "maker", "tag"…)
    double weight = 0;
};

/// A tag as the recommender should use it: the weight derived from behaviour, adjusted by
/// what staff said about it (customer_tags.state). See README, "How interests are scored".
struct TagPreference
{
    qint64 tagId = 0;
    QString name;
    TagState state = TagState::Optional;
    bool stored = false;       ///< a customer_tags row exists (else: derived only)
    double derivedWeight = 0;  ///< from behaviour, as of the day
    double weight = 0;         ///< what to use: 0 for removed
};

/// The interest of a customer in one category of a department. categoryId 0 collects the
/// department's lots without a category.
struct CategoryInterest
{
    qint64 categoryId = 0;
    QString name;
    double score = 0;
    SignalCounts counts{};
    int lotsBid = 0;
    int lotsWon = 0;
    qint64 spentMinor = 0; ///< hammer + buyer's premium on invoices, house currency
};

struct DepartmentInterest
{
    qint64 departmentId = 0;
    QString code;
    QString name;
    int sortOrder = 0;
    double score = 0; ///< the sum of its categories' scores
    SignalCounts counts{};
    int lotsBid = 0;
    int lotsWon = 0;
    qint64 spentMinor = 0;
    QList<CategoryInterest> categories; ///< strongest first
    QList<TagWeight> tags;              ///< keywords of the department's lots engaged with, strongest first
};

/// A category the customer looked at on the website lately ("Interest in categories").
struct RecentCategoryInterest
{
    qint64 categoryId = 0;
    QString name;
    qint64 departmentId = 0;
    QString departmentName;
    int views = 0;
    QDateTime firstViewed; ///< within the window
    QDateTime lastViewed;
    /// Bought a lot of the category after first viewing it in the window.
    QDateTime boughtAt;
    bool satisfied() const { return boughtAt.isValid(); }
};

/// One thing a customer did, attributed to a lot (0: none, a category view) and to the lot's
/// department and category (0: none).
struct InterestEvent
{
    qint64 at = 0;
    InterestSignal kind = InterestSignal::View;
    qint64 lotId = 0;
    qint64 departmentId = 0;
    qint64 categoryId = 0;
};

/// The interest model's scores as the recommender uses them: per department (the sum of its
/// signals) and per category, each relative to the customer's strongest (0..1).
struct InterestScores
{
    QHash<qint64, double> departments;
    QHash<qint64, double> categories;
    bool isEmpty() const { return departments.isEmpty() && categories.isEmpty(); }
};

/// A customer's interests as of a day.
struct Interests
{
    qint64 customerId = 0;
    QDate asOf;
    QString currency;
    double totalScore = 0;
    QList<DepartmentInterest> departments; ///< with a score or a purchase, strongest first
    QList<TagWeight> tags;                 ///< derived from behaviour, strongest first
    QList<TagPreference> preferences;      ///< derived and stored tags with their states, strongest first

    const DepartmentInterest *department(qint64 departmentId) const;
    /// The export's "interests" section: scores rounded to 3 decimals, money {"currency", "minor"}.
    QJsonObject toJson() const;
};

/// The interest model (README, "How interests are scored"): for each department and category
/// the sum over the customer's signals of weight(signal) × 2^(−age in days / half-life),
/// age measured to the end of the as-of day. Signals after the as-of day do not count. The
/// same data and day always give the same scores (signals are summed in a fixed order).
class InterestModel final
{
    Q_DECLARE_TR_FUNCTIONS(InterestModel)

public:
    static constexpr double kHalfLifeDays = 365.0;
    /// The weight of each signal, in InterestSignal order.
    static constexpr std::array<double, kInterestSignalCount> kWeights = {10.0, 6.0, 4.0, 3.0, 2.0, 1.0};
    /// How a stored tag state scales its derived weight for the recommender.
    static constexpr double kActiveFactor = 2.0;
    static constexpr double kStarredFactor = 3.0;
    /// The smallest derived weight an active or starred tag counts with (one view today), so
    /// that a tag staff typed counts although no lot carries it yet.
    static constexpr double kStatedFloor = 1.0;
    /// The tags derived for a customer (customer_tags rows in the optional state).
    static constexpr int kDerivedTagCount = 12;
    /// The keywords listed per department.
    static constexpr int kDepartmentTagCount = 15;
    static constexpr int kRecentCategoryCount = 10;
    static constexpr int kDefaultRecentDays = 30;

    static double weight(InterestSignal signal) { return kWeights[static_cast<std::size_t>(signal)]; }
    /// 2^(−ageSeconds / half-life); 1 for age 0, ½ at the half-life.
    static double decay(qint64 ageSeconds);
    static QString signalKey(InterestSignal signal);

    /// A customer's signals before `end` (epoch seconds): wins, bids (one per lot, the last
    /// before `end`), wishlists, consignments, mailing clicks, lot and category views.
    static Result<std::vector<InterestEvent>> readSignals(const Database &database, qint64 customerId, qint64 end);
    /// Every customer's signals at any time, customer → signals (each bid on its own), for
    /// ranking many customers at once; scores() reckons them as of a moment.
    static Result<QHash<qint64, std::vector<InterestEvent>>> readAllSignals(const Database &database);
    /// Department and category scores of the signals before `end`, each signal weighted and
    /// decayed as in compute() and summed in a fixed order; bids count once per lot (the last
    /// before `end`), so readSignals() and readAllSignals() give the same scores.
    static InterestScores scores(std::vector<InterestEvent> events, qint64 end);

    /// The customer's interests as of `asOf` (today when invalid).
    static Result<Interests> compute(const Database &database, qint64 customerId, QDate asOf);

    /// The categories viewed in the `days` days up to the end of `asOf` (views of the
    /// category page and of its lots), most viewed first, at most kRecentCategoryCount.
    static Result<QList<RecentCategoryInterest>> recentCategories(const Database &database, qint64 customerId,
                                                                  QDate asOf, int days);
    /// The "interests.recent_days" setting: the team's X, kDefaultRecentDays until set.
    static Result<int> recentDays(const Database &database);
    /// The export's "interests" section: Interests::toJson() with the recent categories of
    /// the team's window.
    static Result<QJsonObject> exportSection(const Database &database, qint64 customerId, QDate asOf);
    static inline const QString RecentDaysKey = QStringLiteral("interests.recent_days");
};

} // namespace Gavel::Models
