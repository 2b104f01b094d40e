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

using Signal = InterestEvent;

/// Where each signal comes from. `customer` is the column naming the customer, `at` the
/// time column (an aggregate when `perLot` groups one customer's rows per lot); `columns`
/// are the lot, department, category (and for events the kind) after the customer.
struct SignalSource
{
    InterestSignal kind;
    const char *customer;
    const char *columns; ///< %1: the time expression
    const char *from;    ///< FROM … WHERE …, without the customer and time conditions
    const char *at;
    const char *groupBy = nullptr; ///< per customer: one row per lot
};

const std::vector<SignalSource> &signalSources()
{
    static const std::vector<SignalSource> sources = {
        {InterestSignal::Win, "l.buyer_id", "l.id, l.department_id, l.category_id, %1",
         "FROM lots l JOIN sales s ON s.id = l.sale_id WHERE l.status = 'sold' AND l.buyer_id IS NOT NULL",
         "s.starts_at"},
        {InterestSignal::Bid, "b.customer_id", "b.lot_id, l.department_id, l.category_id, %1",
         "FROM bids b JOIN lots l ON l.id = b.lot_id WHERE 1 = 1", "b.placed_at",
         "b.lot_id, l.department_id, l.category_id"},
        {InterestSignal::Wishlist, "w.customer_id", "w.lot_id, l.department_id, l.category_id, %1",
         "FROM wishlists w JOIN lots l ON l.id = w.lot_id WHERE 1 = 1", "w.added_at"},
        {InterestSignal::Consignment, "c.customer_id",
         "l.id, COALESCE(l.department_id, c.department_id), l.category_id, %1",
         "FROM consignments c JOIN lots l ON l.consignment_id = c.id WHERE 1 = 1", "c.received_at"},
        // A consignment not catalogued into lots yet still says which department.
        {InterestSignal::Consignment, "c.customer_id", "0, c.department_id, 0, %1",
         "FROM consignments c WHERE c.department_id IS NOT NULL"
         " AND NOT EXISTS (SELECT 1 FROM lots l WHERE l.consignment_id = c.id)",
         "c.received_at"},
        {InterestSignal::Click, "e.customer_id", "e.lot_id, l.department_id, l.category_id, %1, e.kind",
         "FROM events e JOIN lots l ON l.id = e.lot_id WHERE e.kind IN (%2, %3)", "e.ts"},
        {InterestSignal::View, "e.customer_id", "0, c.department_id, c.id, %1",
         "FROM events e JOIN categories c ON c.id = e.ref_id WHERE e.kind = %4", "e.ts"},
    };
    return sources;
}

/// The statement of a source: for one customer (`?` customer, `?` end) or for all.
QString signalStatement(const SignalSource &source, bool oneCustomer)
{
    QString from = QString::fromLatin1(source.from);
    from.replace(QStringLiteral("%2"), QString::number(int(EventKind::EmailLotClicked)))
        .replace(QStringLiteral("%3"), QString::number(int(EventKind::LotViewed)))
        .replace(QStringLiteral("%4"), QString::number(int(EventKind::CategoryViewed)));
    const QString at = QString::fromLatin1(source.at);
    if (!oneCustomer) {
        return QStringLiteral("SELECT %1, %2 %3")
            .arg(QString::fromLatin1(source.customer), QString::fromLatin1(source.columns).arg(at), from);
    }
    QString statement = QStringLiteral("SELECT %1 %2 AND %3 = ? AND %4 < ?")
                            .arg(QString::fromLatin1(source.columns)
                                     .arg(source.groupBy != nullptr ? QStringLiteral("max(%1)").arg(at) : at),
                                 from, QString::fromLatin1(source.customer), at);
    if (source.groupBy != nullptr) {
        statement += QStringLiteral(" GROUP BY ") + QString::fromLatin1(source.groupBy);
    }
    return statement;
}

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

/// Reads signals of one kind: rows of ([customer id,] lot id, department id, category id,
/// time[, event kind]); `add(customer, signal)` takes each (customer 0 without the column).
template<typename Add>
Status readSignalRows(const QSqlDatabase &db, InterestSignal kind, const QString &statement, const QVariantList &values,
                   bool withCustomer, Add &&add)
{
    auto query = Sql::exec(db, statement, values, QStringLiteral("reading what the customer engaged with"));
    if (!query) {
        return query.error();
    }
    const int first = withCustomer ? 1 : 0;
    const bool withKind = query->record().count() > first + 4;
    while (query->next()) {
        Signal signal;
        signal.lotId = query->value(first).toLongLong();
        signal.departmentId = query->value(first + 1).toLongLong();
        signal.categoryId = query->value(first + 2).toLongLong();
        signal.at = query->value(first + 3).toLongLong();
        signal.kind = kind;
        if (withKind && query->value(first + 4).toInt() == int(EventKind::LotViewed)) {
            signal.kind = InterestSignal::View;
        }
        add(withCustomer ? query->value(0).toLongLong() : 0, signal);
    }
    return {};
}

bool signalOrder(const Signal &a, const Signal &b)
{
    return std::tie(a.at, a.kind, a.lotId, a.departmentId, a.categoryId) <
           std::tie(b.at, b.kind, b.lotId, b.departmentId, b.categoryId);
}

template<typename Key>
void relativeToStrongest(QHash<Key, double> &map)
{
    double top = 0;
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        top = std::max(top, it.value());
    }
    for (auto it = map.begin(); it != map.end(); ++it) {
        it.value() = top > 0 ? it.value() / top : 0.0;
    }
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

Result<std::vector<InterestEvent>> InterestModel::readSignals(const Database &database, qint64 customerId, qint64 end)
{
    const QSqlDatabase db = database.connection();
    std::vector<InterestEvent> events;
    for (const SignalSource &source : signalSources()) {
        Status status = readSignalRows(db, source.kind, signalStatement(source, true), {customerId, end},
                                                     false, [&](qint64, const Signal &signal) {
                                                         events.push_back(signal);
                                                     });
        if (!status) {
            return status.error();
        }
    }
    return events;
}

Result<QHash<qint64, std::vector<InterestEvent>>> InterestModel::readAllSignals(const Database &database)
{
    const QSqlDatabase db = database.connection();
    QHash<qint64, std::vector<InterestEvent>> events;
    for (const SignalSource &source : signalSources()) {
        Status status = readSignalRows(db, source.kind, signalStatement(source, false), {}, true,
                                                     [&](qint64 customer, const Signal &signal) {
                                                         events[customer].push_back(signal);
                                                     });
        if (!status) {
            return status.error();
        }
    }
    return events;
}

InterestScores InterestModel::scores(std::vector<InterestEvent> events, qint64 end)
{
    events.erase(std::remove_if(events.begin(), events.end(), [end](const Signal &s) { return s.at >= end; }),
                 events.end());
    // Bids: the last one per lot, as readSignals' GROUP BY gives them.
    std::sort(events.begin(), events.end(), [](const Signal &a, const Signal &b) {
        return std::tie(a.kind, a.lotId, b.at) < std::tie(b.kind, b.lotId, a.at);
    });
    events.erase(std::unique(events.begin(), events.end(),
                             [](const Signal &a, const Signal &b) {
                                 return a.kind == InterestSignal::Bid && b.kind == InterestSignal::Bid &&
                                        a.lotId == b.lotId;
                             }),
                 events.end());
    std::sort(events.begin(), events.end(), signalOrder);
    InterestScores scores;
    for (const Signal &signal : events) {
        const double w = weight(signal.kind) * decay(end - signal.at);
        if (signal.departmentId != 0) {
            scores.departments[signal.departmentId] += w;
        }
        if (signal.categoryId != 0) {
            scores.categories[signal.categoryId] += w;
        }
    }
    relativeToStrongest(scores.departments);
    relativeToStrongest(scores.categories);
    return scores;
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

    auto read = readSignals(database, customerId, end);
    if (!read) {
        return read.error();
    }
    std::vector<Signal> signalList = std::move(*read);
    // A fixed order of summation: the same data gives the same floating-point scores.
    std::sort(signalList.begin(), signalList.end(), signalOrder);

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
