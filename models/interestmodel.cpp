#include "interestmodel.h"

#include "asof.h"
#include "database.h"
#include "eventkind.h"
#include "settingsstore.h"
#include "sql.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace Gavel::Models {

namespace {

/// One thing the customer did, attributed to a lot (0: none, a category view) and to the
/// lot's department and category (0: none).
struct Signal
{
    qint64 at = 0;
    InterestSignal kind = InterestSignal::View;
    qint64 lotId = 0;
    qint64 departmentId = 0;
    qint64 categoryId = 0;
};

struct LotTag
{
    qint64 tagId = 0;
    double weight = 0;
};

struct TagInfo
{
    QString name;
    QString kind;
};

double rounded(double value)
{
    return std::round(value * 1000.0) / 1000.0;
}

QList<TagWeight> rankTags(const std::map<qint64, double> &weights, const std::map<qint64, TagInfo> &info, int limit)
{
    QList<TagWeight> tags;
    for (const auto &[tagId, weight] : weights) {
        const auto found = info.find(tagId);
        if (found != info.end() && weight > 0) {
            tags << TagWeight{tagId, found->second.name, found->second.kind, weight};
        }
    }
    std::sort(tags.begin(), tags.end(), [](const TagWeight &a, const TagWeight &b) {
        return std::tie(b.weight, a.name, a.tagId) < std::tie(a.weight, b.name, b.tagId);
    });
    if (limit > 0 && tags.size() > limit) {
        tags.resize(limit);
    }
    return tags;
}

QJsonObject money(qint64 minor, const QString &currency)
{
    return QJsonObject{{QStringLiteral("currency"), currency}, {QStringLiteral("minor"), minor}};
}

QJsonObject countsJson(const SignalCounts &counts)
{
    QJsonObject object;
    for (int s = 0; s < kInterestSignalCount; ++s) {
        object.insert(InterestModel::signalKey(InterestSignal(s)), counts[static_cast<std::size_t>(s)]);
    }
    return object;
}

/// Reads signals of one kind: rows of (lot id, department id, category id, time).
Status readSignals(const QSqlDatabase &db, InterestSignal kind, const QString &statement, const QVariantList &values,
                   std::vector<Signal> *signalsOut)
{
    auto query = Sql::exec(db, statement, values, QStringLiteral("reading what the customer engaged with"));
    if (!query) {
        return query.error();
    }
    while (query->next()) {
        Signal signal;
        signal.lotId = query->value(0).toLongLong();
        signal.departmentId = query->value(1).toLongLong();
        signal.categoryId = query->value(2).toLongLong();
        signal.at = query->value(3).toLongLong();
        signal.kind = kind;
        if (query->record().count() > 4 && query->value(4).toInt() == int(EventKind::LotViewed)) {
            signal.kind = InterestSignal::View;
        }
        signalsOut->push_back(signal);
    }
    return {};
}

} // namespace

double InterestModel::decay(qint64 ageSeconds)
{
    const double days = static_cast<double>(std::max<qint64>(ageSeconds, 0)) / double(AsOf::kDaySeconds);
    return std::exp2(-days / kHalfLifeDays);
}

QString InterestModel::signalKey(InterestSignal signal)
{
    switch (signal) {
    case InterestSignal::Win:
        return QStringLiteral("wins");
    case InterestSignal::Consignment:
        return QStringLiteral("consignments");
    case InterestSignal::Bid:
        return QStringLiteral("bids");
    case InterestSignal::Wishlist:
        return QStringLiteral("wishlists");
    case InterestSignal::Click:
        return QStringLiteral("clicks");
    case InterestSignal::View:
        return QStringLiteral("views");
    }
    return {};
}

const DepartmentInterest *Interests::department(qint64 departmentId) const
{
    for (const DepartmentInterest &department : departments) {
        if (department.departmentId == departmentId) {
            return &department;
        }
    }
    return nullptr;
}

Result<Interests> InterestModel::compute(const Database &database, qint64 customerId, QDate asOfDay)
{
    const QSqlDatabase db = database.connection();
    const AsOf asOf = AsOf::resolve(asOfDay);
    const qint64 end = asOf.endEpoch();
    Interests interests;
    interests.customerId = customerId;
    interests.asOf = asOf.day;
    interests.currency = SettingsStore(database).houseCurrency();

    std::vector<Signal> signalList;
    const QVariantList who = {customerId, end};
    const struct
    {
        InterestSignal kind;
        QString statement;
    } sources[] = {
        {InterestSignal::Win,
         QStringLiteral("SELECT l.id, l.department_id, l.category_id, s.starts_at FROM lots l"
                        " JOIN sales s ON s.id = l.sale_id WHERE l.buyer_id = ? AND l.status = 'sold'"
                        " AND s.starts_at < ?")},
        {InterestSignal::Bid,
         QStringLiteral("SELECT b.lot_id, l.department_id, l.category_id, max(b.placed_at) FROM bids b"
                        " JOIN lots l ON l.id = b.lot_id WHERE b.customer_id = ? AND b.placed_at < ?"
                        " GROUP BY b.lot_id, l.department_id, l.category_id")},
        {InterestSignal::Wishlist,
         QStringLiteral("SELECT w.lot_id, l.department_id, l.category_id, w.added_at FROM wishlists w"
                        " JOIN lots l ON l.id = w.lot_id WHERE w.customer_id = ? AND w.added_at < ?")},
        {InterestSignal::Consignment,
         QStringLiteral("SELECT l.id, COALESCE(l.department_id, c.department_id), l.category_id, c.received_at"
                        " FROM consignments c JOIN lots l ON l.consignment_id = c.id"
                        " WHERE c.customer_id = ? AND c.received_at < ?")},
        // A consignment not catalogued into lots yet still says which department.
        {InterestSignal::Consignment,
         QStringLiteral("SELECT 0, c.department_id, 0, c.received_at FROM consignments c"
                        " WHERE c.customer_id = ? AND c.received_at < ? AND c.department_id IS NOT NULL"
                        " AND NOT EXISTS (SELECT 1 FROM lots l WHERE l.consignment_id = c.id)")},
        {InterestSignal::Click,
         QStringLiteral("SELECT e.lot_id, l.department_id, l.category_id, e.ts, e.kind FROM events e"
                        " JOIN lots l ON l.id = e.lot_id WHERE e.customer_id = ? AND e.ts < ? AND e.kind IN (%1, %2)")
             .arg(int(EventKind::EmailLotClicked))
             .arg(int(EventKind::LotViewed))},
        {InterestSignal::View,
         QStringLiteral("SELECT 0, c.department_id, c.id, e.ts FROM events e JOIN categories c ON c.id = e.ref_id"
                        " WHERE e.customer_id = ? AND e.ts < ? AND e.kind = %1")
             .arg(int(EventKind::CategoryViewed))},
    };
    for (const auto &source : sources) {
        if (Status status = readSignals(db, source.kind, source.statement, who, &signalList); !status) {
            return status.error();
        }
    }
    // A fixed order of summation: the same data gives the same floating-point scores.
    std::sort(signalList.begin(), signalList.end(), [](const Signal &a, const Signal &b) {
        return std::tie(a.at, a.kind, a.lotId, a.departmentId, a.categoryId) <
               std::tie(b.at, b.kind, b.lotId, b.departmentId, b.categoryId);
    });

    // The keywords of every lot engaged with.
    std::map<qint64, std::vector<LotTag>> lotTags;
    std::map<qint64, TagInfo> tagInfo;
    {
        auto query = Sql::exec(
            db,
            QStringLiteral("SELECT lt.lot_id, t.id, t.name, t.kind, lt.weight FROM lot_tags lt"
                           " JOIN tags t ON t.id = lt.tag_id WHERE lt.lot_id IN ("
                           " SELECT lot_id FROM bids WHERE customer_id = ?"
                           " UNION SELECT id FROM lots WHERE buyer_id = ?"
                           " UNION SELECT lot_id FROM wishlists WHERE customer_id = ?"
                           " UNION SELECT l.id FROM lots l JOIN consignments c ON c.id = l.consignment_id"
                           " WHERE c.customer_id = ?"
                           " UNION SELECT lot_id FROM events WHERE customer_id = ? AND lot_id IS NOT NULL"
                           " AND kind IN (%1, %2))")
                .arg(int(EventKind::EmailLotClicked))
                .arg(int(EventKind::LotViewed)),
            {customerId, customerId, customerId, customerId, customerId},
            QStringLiteral("reading the keywords of the lots the customer engaged with"));
        if (!query) {
            return query.error();
        }
        while (query->next()) {
            const qint64 tagId = query->value(1).toLongLong();
            lotTags[query->value(0).toLongLong()].push_back({tagId, query->value(4).toDouble()});
            tagInfo[tagId] = {query->value(2).toString(), query->value(3).toString()};
        }
        for (auto &[lot, tags] : lotTags) {
            std::sort(tags.begin(), tags.end(), [](const LotTag &a, const LotTag &b) { return a.tagId < b.tagId; });
        }
    }

    // Scores per (department, category) and tag weights, in the fixed signal order.
    std::map<qint64, std::map<qint64, CategoryInterest>> cells;
    std::map<qint64, double> tagWeights;
    std::map<qint64, std::map<qint64, double>> departmentTagWeights;
    for (const Signal &signal : signalList) {
        const double w = weight(signal.kind) * decay(end - signal.at);
        if (signal.departmentId != 0) {
            CategoryInterest &cell = cells[signal.departmentId][signal.categoryId];
            cell.categoryId = signal.categoryId;
            cell.score += w;
            ++cell.counts[static_cast<std::size_t>(signal.kind)];
            cell.lotsBid += signal.kind == InterestSignal::Bid ? 1 : 0;
            cell.lotsWon += signal.kind == InterestSignal::Win ? 1 : 0;
        }
        const auto tags = lotTags.find(signal.lotId);
        if (signal.lotId == 0 || tags == lotTags.end()) {
            continue;
        }
        for (const LotTag &tag : tags->second) {
            tagWeights[tag.tagId] += w * tag.weight;
            if (signal.departmentId != 0) {
                departmentTagWeights[signal.departmentId][tag.tagId] += w * tag.weight;
            }
        }
    }

    // Spend per category.
    {
        auto query = Sql::exec(db,
                               QStringLiteral("SELECT l.department_id, COALESCE(l.category_id, 0),"
                                              " CAST(sum(il.hammer_minor + il.premium_minor) AS BIGINT)"
                                              " FROM invoices i JOIN invoice_lines il ON il.invoice_id = i.id"
                                              " JOIN lots l ON l.id = il.lot_id WHERE i.customer_id = ?"
                                              " AND i.currency = ? AND i.status <> 'cancelled' AND i.issued_at < ?"
                                              " AND l.department_id IS NOT NULL"
                                              " GROUP BY l.department_id, COALESCE(l.category_id, 0)"),
                               {customerId, interests.currency, end},
                               QStringLiteral("adding up the customer's purchases per category"));
        if (!query) {
            return query.error();
        }
        while (query->next()) {
            const qint64 categoryId = query->value(1).toLongLong();
            CategoryInterest &cell = cells[query->value(0).toLongLong()][categoryId];
            cell.categoryId = categoryId;
            cell.spentMinor += query->value(2).toLongLong();
        }
    }

    // Names of departments and categories (small tables: read whole).
    std::map<qint64, DepartmentInterest> departmentInfo;
    std::map<qint64, QString> categoryNames;
    {
        auto query = Sql::exec(db, QStringLiteral("SELECT id, code, name, sort_order FROM departments"), {},
                               QStringLiteral("reading the departments"));
        if (!query) {
            return query.error();
        }
        while (query->next()) {
            DepartmentInterest &department = departmentInfo[query->value(0).toLongLong()];
            department.departmentId = query->value(0).toLongLong();
            department.code = query->value(1).toString();
            department.name = query->value(2).toString();
            department.sortOrder = query->value(3).toInt();
        }
        auto categories = Sql::exec(db, QStringLiteral("SELECT id, name FROM categories"), {},
                                    QStringLiteral("reading the categories"));
        if (!categories) {
            return categories.error();
        }
        while (categories->next()) {
            categoryNames[categories->value(0).toLongLong()] = categories->value(1).toString();
        }
    }

    for (auto &[departmentId, categoryCells] : cells) {
        auto info = departmentInfo.find(departmentId);
        if (info == departmentInfo.end()) {
            continue;
        }
        DepartmentInterest department = info->second;
        for (auto &[categoryId, cell] : categoryCells) {
            cell.name = categoryId != 0 ? categoryNames[categoryId] : tr("Other");
            department.score += cell.score;
            for (int s = 0; s < kInterestSignalCount; ++s) {
                department.counts[static_cast<std::size_t>(s)] += cell.counts[static_cast<std::size_t>(s)];
            }
            department.lotsBid += cell.lotsBid;
            department.lotsWon += cell.lotsWon;
            department.spentMinor += cell.spentMinor;
            department.categories << cell;
        }
        std::sort(department.categories.begin(), department.categories.end(),
                  [](const CategoryInterest &a, const CategoryInterest &b) {
                      return std::tie(b.score, b.spentMinor, a.name, a.categoryId) <
                             std::tie(a.score, a.spentMinor, b.name, b.categoryId);
                  });
        department.tags = rankTags(departmentTagWeights[departmentId], tagInfo, kDepartmentTagCount);
        interests.departments << department;
    }
    std::sort(interests.departments.begin(), interests.departments.end(),
              [](const DepartmentInterest &a, const DepartmentInterest &b) {
                  return std::tie(b.score, b.spentMinor, a.sortOrder, a.departmentId) <
                         std::tie(a.score, a.spentMinor, b.sortOrder, b.departmentId);
              });
    for (const DepartmentInterest &department : std::as_const(interests.departments)) {
        interests.totalScore += department.score;
    }
    interests.tags = rankTags(tagWeights, tagInfo, 0);

    // What staff said about the tags.
    auto stored = Sql::exec(db,
                            QStringLiteral("SELECT ct.tag_id, t.name, ct.state FROM customer_tags ct"
                                           " JOIN tags t ON t.id = ct.tag_id WHERE ct.customer_id = ?"),
                            {customerId}, QStringLiteral("reading the customer's tags"));
    if (!stored) {
        return stored.error();
    }
    std::map<qint64, TagPreference> preferences;
    for (const TagWeight &tag : std::as_const(interests.tags)) {
        preferences[tag.tagId] = TagPreference{tag.tagId, tag.name, TagState::Optional, false, tag.weight, tag.weight};
    }
    while (stored->next()) {
        TagPreference &preference = preferences[stored->value(0).toLongLong()];
        preference.tagId = stored->value(0).toLongLong();
        preference.name = stored->value(1).toString();
        preference.state = tagStateFromKey(stored->value(2).toString()).value_or(TagState::Optional);
        preference.stored = true;
        switch (preference.state) {
        case TagState::Optional:
            preference.weight = preference.derivedWeight;
            break;
        case TagState::Active:
            preference.weight = kActiveFactor * std::max(preference.derivedWeight, kStatedFloor);
            break;
        case TagState::Starred:
            preference.weight = kStarredFactor * std::max(preference.derivedWeight, kStatedFloor);
            break;
        case TagState::Removed:
            preference.weight = 0;
            break;
        }
    }
    for (const auto &[tagId, preference] : preferences) {
        interests.preferences << preference;
    }
    std::sort(interests.preferences.begin(), interests.preferences.end(),
              [](const TagPreference &a, const TagPreference &b) {
                  return std::tie(b.weight, a.name, a.tagId) < std::tie(a.weight, b.name, b.tagId);
              });
    return interests;
}

Result<QList<RecentCategoryInterest>> InterestModel::recentCategories(const Database &database, qint64 customerId,
                                                                      QDate asOfDay, int days)
{
    const QSqlDatabase db = database.connection();
    const AsOf asOf = AsOf::resolve(asOfDay);
    const qint64 end = asOf.endEpoch();
    const qint64 start = end - qint64(std::max(days, 1)) * AsOf::kDaySeconds;
    auto viewed = Sql::exec(
        db,
        QStringLiteral("SELECT v.category_id, c.name, c.department_id, d.name, count(*), min(v.ts), max(v.ts) FROM ("
                       " SELECT e.ref_id AS category_id, e.ts AS ts FROM events e"
                       " WHERE e.customer_id = ? AND e.kind = %1 AND e.ts >= ? AND e.ts < ?"
                       " UNION ALL SELECT l.category_id, e.ts FROM events e JOIN lots l ON l.id = e.lot_id"
                       " WHERE e.customer_id = ? AND e.kind = %2 AND e.ts >= ? AND e.ts < ?"
                       " AND l.category_id IS NOT NULL) v"
                       " JOIN categories c ON c.id = v.category_id JOIN departments d ON d.id = c.department_id"
                       " GROUP BY v.category_id, c.name, c.department_id, d.name")
            .arg(int(EventKind::CategoryViewed))
            .arg(int(EventKind::LotViewed)),
        {customerId, start, end, customerId, start, end},
        QStringLiteral("reading the categories the customer viewed lately"));
    if (!viewed) {
        return viewed.error();
    }
    QList<RecentCategoryInterest> categories;
    while (viewed->next()) {
        RecentCategoryInterest interest;
        interest.categoryId = viewed->value(0).toLongLong();
        interest.name = viewed->value(1).toString();
        interest.departmentId = viewed->value(2).toLongLong();
        interest.departmentName = viewed->value(3).toString();
        interest.views = viewed->value(4).toInt();
        interest.firstViewed = QDateTime::fromSecsSinceEpoch(viewed->value(5).toLongLong(), QTimeZone::utc());
        interest.lastViewed = QDateTime::fromSecsSinceEpoch(viewed->value(6).toLongLong(), QTimeZone::utc());
        categories << interest;
    }
    // Purchases (lots won) in the window, earliest first: the first at or after the first
    // view satisfies the interest.
    auto bought = Sql::exec(db,
                            QStringLiteral("SELECT l.category_id, s.starts_at FROM lots l JOIN sales s ON s.id = l.sale_id"
                                           " WHERE l.buyer_id = ? AND l.status = 'sold' AND l.category_id IS NOT NULL"
                                           " AND s.starts_at >= ? AND s.starts_at < ? ORDER BY s.starts_at"),
                            {customerId, start, end}, QStringLiteral("reading what the customer bought lately"));
    if (!bought) {
        return bought.error();
    }
    while (bought->next()) {
        const qint64 categoryId = bought->value(0).toLongLong();
        const qint64 at = bought->value(1).toLongLong();
        for (RecentCategoryInterest &interest : categories) {
            if (interest.categoryId == categoryId && !interest.boughtAt.isValid() &&
                at >= interest.firstViewed.toSecsSinceEpoch()) {
                interest.boughtAt = QDateTime::fromSecsSinceEpoch(at, QTimeZone::utc());
            }
        }
    }
    std::sort(categories.begin(), categories.end(),
              [](const RecentCategoryInterest &a, const RecentCategoryInterest &b) {
                  return std::tuple(b.views, b.lastViewed, a.name, a.categoryId) <
                         std::tuple(a.views, a.lastViewed, b.name, b.categoryId);
              });
    if (categories.size() > kRecentCategoryCount) {
        categories.resize(kRecentCategoryCount);
    }
    return categories;
}

Result<int> InterestModel::recentDays(const Database &database)
{
    auto value = SettingsStore(database).value(RecentDaysKey, QString::number(kDefaultRecentDays));
    if (!value) {
        return value.error();
    }
    bool ok = false;
    const int days = value->toInt(&ok);
    return ok && days >= 1 ? std::min(days, 3650) : kDefaultRecentDays;
}

Result<QJsonObject> InterestModel::exportSection(const Database &database, qint64 customerId, QDate asOf)
{
    auto interests = compute(database, customerId, asOf);
    if (!interests) {
        return interests.error();
    }
    auto days = recentDays(database);
    if (!days) {
        return days.error();
    }
    auto recent = recentCategories(database, customerId, asOf, *days);
    if (!recent) {
        return recent.error();
    }
    QJsonArray recentJson;
    for (const RecentCategoryInterest &category : std::as_const(*recent)) {
        recentJson.append(QJsonObject{
            {QStringLiteral("category"), category.name},
            {QStringLiteral("department"), category.departmentName},
            {QStringLiteral("views"), category.views},
            {QStringLiteral("firstViewed"), category.firstViewed.toString(Qt::ISODate)},
            {QStringLiteral("lastViewed"), category.lastViewed.toString(Qt::ISODate)},
            {QStringLiteral("satisfied"), category.satisfied()},
            {QStringLiteral("boughtAt"),
             category.satisfied() ? QJsonValue(category.boughtAt.toString(Qt::ISODate)) : QJsonValue()},
        });
    }
    QJsonObject section = interests->toJson();
    section.insert(QStringLiteral("recentDays"), *days);
    section.insert(QStringLiteral("recentCategories"), recentJson);
    return section;
}

QJsonObject Interests::toJson() const
{
    QJsonObject weights;
    for (int s = 0; s < kInterestSignalCount; ++s) {
        weights.insert(InterestModel::signalKey(InterestSignal(s)), InterestModel::kWeights[static_cast<std::size_t>(s)]);
    }
    QJsonArray departmentsJson;
    for (const DepartmentInterest &department : departments) {
        QJsonArray categoriesJson;
        for (const CategoryInterest &category : department.categories) {
            categoriesJson.append(QJsonObject{
                {QStringLiteral("category"), category.name},
                {QStringLiteral("score"), rounded(category.score)},
                {QStringLiteral("counts"), countsJson(category.counts)},
                {QStringLiteral("lotsBid"), category.lotsBid},
                {QStringLiteral("lotsWon"), category.lotsWon},
                {QStringLiteral("spent"), money(category.spentMinor, currency)},
            });
        }
        QJsonArray keywords;
        for (const TagWeight &tag : department.tags) {
            keywords.append(QJsonObject{{QStringLiteral("name"), tag.name}, {QStringLiteral("weight"), rounded(tag.weight)}});
        }
        departmentsJson.append(QJsonObject{
            {QStringLiteral("code"), department.code},
            {QStringLiteral("name"), department.name},
            {QStringLiteral("score"), rounded(department.score)},
            {QStringLiteral("share"), totalScore > 0 ? rounded(department.score / totalScore) : 0.0},
            {QStringLiteral("counts"), countsJson(department.counts)},
            {QStringLiteral("lotsBid"), department.lotsBid},
            {QStringLiteral("lotsWon"), department.lotsWon},
            {QStringLiteral("spent"), money(department.spentMinor, currency)},
            {QStringLiteral("categories"), categoriesJson},
            {QStringLiteral("keywords"), keywords},
        });
    }
    QJsonArray tagsJson;
    for (const TagPreference &tag : preferences) {
        tagsJson.append(QJsonObject{
            {QStringLiteral("name"), tag.name},
            {QStringLiteral("state"), tag.stored ? tagStateKey(tag.state) : QStringLiteral("derived")},
            {QStringLiteral("derivedWeight"), rounded(tag.derivedWeight)},
            {QStringLiteral("weight"), rounded(tag.weight)},
        });
    }
    return QJsonObject{
        {QStringLiteral("asOf"), asOf.toString(Qt::ISODate)},
        {QStringLiteral("halfLifeDays"), InterestModel::kHalfLifeDays},
        {QStringLiteral("weights"), weights},
        {QStringLiteral("totalScore"), rounded(totalScore)},
        {QStringLiteral("departments"), departmentsJson},
        {QStringLiteral("tags"), tagsJson},
    };
}

} // namespace Gavel::Models
