#include "recommender.h"

#include "money.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <algorithm>
#include <array>
#include <cmath>

namespace Gavel::Models {

namespace {

constexpr int kPartCount = 9;
// How far the profile's text vector must point at a lot for the full "similar lots" part:
// cosines of TF-IDF vectors of short catalogue entries rarely go much above this.
constexpr double kFullSimilarity = 0.6;
// A lot sharing starred tags only gets the whole tags part; active ones count 1.0.
constexpr double kFullTagMatch = 1.6;
constexpr double kStarred = 1.6;
constexpr double kActive = 1.0;
// Of the other parts, the share a removed tag (at full lot weight) takes away.
constexpr double kRemovedShare = 0.6;
constexpr double kCollectorsForFull = 2.0;
// The interest model's part, and how its category and department scores share it.
constexpr double kInterestsCeiling = 10;
constexpr double kInterestsCategoryShare = 0.75;
// Parts worth less are left out of the contributions (they do not change the score shown).
constexpr double kSmallestPart = 0.05;

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("Gavel::Models::Recommender", text, nullptr, n);
}

// "1 lot" or "%2 lots": the one and the many as whole sentences, for translators.
QString counted(const char *one, const char *many, int n, const QString &name)
{
    if (n == 1) {
        return name.isNull() ? tr(one) : tr(one).arg(name);
    }
    return name.isNull() ? tr(many) : tr(many).arg(name).arg(n);
}

int index(MatchPart part)
{
    return static_cast<int>(part);
}

double tagPreference(const RecommendationTag &preference)
{
    switch (preference.state) {
    case RecommendationTag::State::Starred:
        return kStarred;
    case RecommendationTag::State::Active:
        return kActive;
    case RecommendationTag::State::Optional:
        return 0.35 + 0.35 * std::clamp(preference.weight, 0.0, 1.0);
    case RecommendationTag::State::Derived:
        return 0.5 * std::clamp(preference.weight, 0.0, 1.0);
    case RecommendationTag::State::Removed:
        return 0;
    }
    return 0;
}

bool isStopWord(const QString &word)
{
    static const QSet<QString> words = {
        QStringLiteral("the"),   QStringLiteral("and"),  QStringLiteral("with"), QStringLiteral("for"),
        QStringLiteral("from"),  QStringLiteral("its"),  QStringLiteral("his"),  QStringLiteral("her"),
        QStringLiteral("their"), QStringLiteral("this"), QStringLiteral("that"), QStringLiteral("after"),
        QStringLiteral("into"),  QStringLiteral("over"), QStringLiteral("under"), QStringLiteral("lot"),
        QStringLiteral("des"),   QStringLiteral("les"),  QStringLiteral("une"),  QStringLiteral("der"),
        QStringLiteral("die"),   QStringLiteral("das"),  QStringLiteral("und"),
    };
    return words.contains(word);
}

template<typename Add>
void words(const QString &text, float weight, Add &&add)
{
    QString word;
    const auto flush = [&] {
        if (word.size() >= 3 && !isStopWord(word)) {
            add(word, weight);
        }
        word.clear();
    };
    for (const QChar c : text) {
        if (c.isLetterOrNumber()) {
            word += c.toLower();
        } else if (!word.isEmpty()) {
            flush();
        }
    }
    flush();
}

// The terms of a lot and their raw weights: the words of the title, fewer of the
// description, and the maker, category and tags as terms of their own.
template<typename Add>
void lotTerms(const LotFeatures &lot, Add &&add)
{
    words(lot.title, 1.0F, add);
    words(lot.description.left(600), 0.35F, add);
    if (const QString maker = makerKey(lot.maker); !maker.isEmpty()) {
        add(QStringLiteral("m:") + maker, 2.0F);
    }
    if (lot.categoryId != 0) {
        add(QStringLiteral("c:") + QString::number(lot.categoryId), 1.0F);
    }
    for (const auto &[tag, weight] : lot.tags) {
        add(QStringLiteral("t:") + QString::number(tag), 1.5F * weight);
    }
}

void normalise(std::vector<std::pair<int, float>> &vector)
{
    std::sort(vector.begin(), vector.end());
    // Equal slots (a word twice in a title) add up.
    std::size_t out = 0;
    for (std::size_t i = 0; i < vector.size(); ++i) {
        if (out > 0 && vector[out - 1].first == vector[i].first) {
            vector[out - 1].second += vector[i].second;
        } else {
            vector[out++] = vector[i];
        }
    }
    vector.resize(out);
    double norm = 0;
    for (const auto &entry : vector) {
        norm += double(entry.second) * entry.second;
    }
    norm = std::sqrt(norm);
    if (norm > 0) {
        for (auto &entry : vector) {
            entry.second = static_cast<float>(entry.second / norm);
        }
    }
}

double cosine(const std::vector<std::pair<int, float>> &a, const std::vector<std::pair<int, float>> &b)
{
    double sum = 0;
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].first < b[j].first) {
            ++i;
        } else if (b[j].first < a[i].first) {
            ++j;
        } else {
            sum += double(a[i++].second) * b[j++].second;
        }
    }
    return sum;
}

} // namespace

double partCeiling(MatchPart part)
{
    switch (part) {
    case MatchPart::Department:
        return 25;
    case MatchPart::Tags:
        return 20;
    case MatchPart::Maker:
        return 15;
    case MatchPart::Category:
        return 5;
    case MatchPart::SimilarLots:
        return 10;
    case MatchPart::Price:
        return 10;
    case MatchPart::SimilarCollectors:
        return 5;
    case MatchPart::RemovedTag:
        return kRemovedShare * 100;
    case MatchPart::Interests:
        return kInterestsCeiling;
    }
    return 0;
}

QString partName(MatchPart part)
{
    switch (part) {
    case MatchPart::Department:
        return tr("Department");
    case MatchPart::Tags:
        return tr("Shared tags");
    case MatchPart::Maker:
        return tr("Artist or maker");
    case MatchPart::Category:
        return tr("Category");
    case MatchPart::SimilarLots:
        return tr("Similar lots bid on");
    case MatchPart::Price:
        return tr("Price band");
    case MatchPart::SimilarCollectors:
        return tr("Similar collectors");
    case MatchPart::RemovedTag:
        return tr("Removed tag");
    case MatchPart::Interests:
        return tr("Interests");
    }
    return {};
}

QString partKey(MatchPart part)
{
    switch (part) {
    case MatchPart::Department:
        return QStringLiteral("department");
    case MatchPart::Tags:
        return QStringLiteral("tags");
    case MatchPart::Maker:
        return QStringLiteral("maker");
    case MatchPart::Category:
        return QStringLiteral("category");
    case MatchPart::SimilarLots:
        return QStringLiteral("similar_lots");
    case MatchPart::Price:
        return QStringLiteral("price");
    case MatchPart::SimilarCollectors:
        return QStringLiteral("similar_collectors");
    case MatchPart::RemovedTag:
        return QStringLiteral("removed_tag");
    case MatchPart::Interests:
        return QStringLiteral("interests");
    }
    return {};
}

QJsonArray contributionsToJson(const std::vector<MatchContribution> &contributions)
{
    QJsonArray parts;
    for (const MatchContribution &part : contributions) {
        parts.append(QJsonObject{{QStringLiteral("part"), partKey(part.part)},
                                 {QStringLiteral("points"), std::round(part.points * 100) / 100},
                                 {QStringLiteral("reason"), part.reason}});
    }
    return parts;
}

QStringList Recommendation::reasons() const
{
    QStringList list;
    for (const MatchContribution &contribution : contributions) {
        const long points = std::lround(contribution.points);
        if (points == 0) {
            continue; // a fraction of a point: true, but not worth a line
        }
        list << QStringLiteral("%1 (%2%3)")
                    .arg(contribution.reason, points < 0 ? QStringLiteral("−") : QStringLiteral("+"))
                    .arg(std::abs(points));
    }
    return list;
}

struct Recommender::Projection
{
    std::vector<float> departments;
    std::vector<float> categories;
    std::vector<float> makers;
    std::vector<float> tags;
    std::vector<char> removed;
    std::vector<float> terms;
    /// The dot product of terms with each lot's vector (summed in term order, as a dot
    /// product over the lot's sorted terms would be); empty without terms.
    std::vector<double> similarity;
    std::vector<float> collectors; ///< per lot
    std::vector<float> interestDepartments; ///< per department slot, 0..1
    std::vector<float> interestCategories;  ///< per category slot, 0..1
    /// The TF-IDF vector of each of profile.history (null for wishlist-only lots), from the
    /// prepared ones or worked out once here.
    std::vector<const SparseVector *> history;
    std::vector<SparseVector> owned;
    double priceCentre = 0;
    double priceSpread = 0;
    bool hasPrice = false;
    bool hasTerms = false;
};

Recommender::Recommender(std::vector<LotFeatures> lots, CatalogueNames names)
    : m_lots(std::move(lots)), m_names(std::move(names))
{
    // Vocabulary and document frequencies of the sale.
    std::vector<int> documentFrequency;
    std::vector<std::vector<std::pair<int, float>>> raw(m_lots.size());
    for (std::size_t l = 0; l < m_lots.size(); ++l) {
        const LotFeatures &lot = m_lots[l];
        m_lotIndex.insert(lot.id, static_cast<int>(l));
        auto &vector = raw[l];
        lotTerms(lot, [&](const QString &term, float weight) {
            auto found = m_terms.constFind(term);
            if (found == m_terms.cend()) {
                found = m_terms.insert(term, static_cast<int>(m_terms.size()));
                documentFrequency.push_back(0);
            }
            vector.emplace_back(found.value(), weight);
        });
        std::sort(vector.begin(), vector.end());
        for (std::size_t i = 0; i < vector.size(); ++i) {
            if (i == 0 || vector[i].first != vector[i - 1].first) {
                ++documentFrequency[static_cast<std::size_t>(vector[i].first)];
            }
        }
    }
    const double n = static_cast<double>(m_lots.size());
    m_idf.resize(documentFrequency.size());
    for (std::size_t t = 0; t < documentFrequency.size(); ++t) {
        m_idf[t] = static_cast<float>(std::log((n + 1.0) / (documentFrequency[t] + 0.5)));
    }

    m_slots.resize(m_lots.size());
    for (std::size_t l = 0; l < m_lots.size(); ++l) {
        const LotFeatures &lot = m_lots[l];
        LotSlots &slots = m_slots[l];
        if (lot.departmentId != 0) {
            slots.department = m_departments.value(lot.departmentId, static_cast<int>(m_departments.size()));
            m_departments.insert(lot.departmentId, slots.department);
        }
        if (lot.categoryId != 0) {
            slots.category = m_categories.value(lot.categoryId, static_cast<int>(m_categories.size()));
            m_categories.insert(lot.categoryId, slots.category);
        }
        if (const QString maker = makerKey(lot.maker); !maker.isEmpty()) {
            slots.maker = m_makers.value(maker, static_cast<int>(m_makers.size()));
            m_makers.insert(maker, slots.maker);
        }
        for (const auto &[tag, weight] : lot.tags) {
            auto found = m_tags.constFind(tag);
            if (found == m_tags.cend()) {
                found = m_tags.insert(tag, static_cast<int>(m_tagIds.size()));
                m_tagIds.push_back(tag);
            }
            slots.tags.emplace_back(found.value(), weight);
        }
        slots.logPrice = logPriceOf(lot);
        slots.terms = std::move(raw[l]);
        for (auto &[term, weight] : slots.terms) {
            weight *= m_idf[static_cast<std::size_t>(term)];
        }
        normalise(slots.terms);
    }
    m_postings.resize(m_idf.size());
    for (std::size_t l = 0; l < m_slots.size(); ++l) {
        for (const auto &[term, weight] : m_slots[l].terms) {
            m_postings[static_cast<std::size_t>(term)].emplace_back(static_cast<int>(l), weight);
        }
    }
}

Recommender::SparseVector Recommender::termsOf(const LotFeatures &lot, bool weighted) const
{
    SparseVector vector;
    lotTerms(lot, [&](const QString &term, float weight) {
        const auto found = m_terms.constFind(term);
        if (found != m_terms.cend()) {
            vector.emplace_back(found.value(), weighted ? weight * m_idf[static_cast<std::size_t>(found.value())]
                                                        : weight);
        }
    });
    normalise(vector);
    return vector;
}

void Recommender::prepareHistory(const QHash<qint64, LotFeatures> &lots)
{
    for (auto it = lots.cbegin(); it != lots.cend(); ++it) {
        if (!m_historyTerms.contains(it.key())) {
            m_historyTerms.insert(it.key(), termsOf(it.value(), true));
        }
    }
}

Recommender::Projection Recommender::project(const CustomerProfile &profile) const
{
    Projection projection;
    projection.departments.assign(m_departments.size(), 0.0F);
    for (auto it = m_departments.cbegin(); it != m_departments.cend(); ++it) {
        projection.departments[static_cast<std::size_t>(it.value())] =
            static_cast<float>(profile.departments.value(it.key(), 0.0));
    }
    projection.categories.assign(m_categories.size(), 0.0F);
    for (auto it = m_categories.cbegin(); it != m_categories.cend(); ++it) {
        projection.categories[static_cast<std::size_t>(it.value())] =
            static_cast<float>(profile.categories.value(it.key(), 0.0));
    }
    if (!profile.interests.isEmpty()) {
        projection.interestDepartments.assign(m_departments.size(), 0.0F);
        for (auto it = m_departments.cbegin(); it != m_departments.cend(); ++it) {
            projection.interestDepartments[static_cast<std::size_t>(it.value())] =
                static_cast<float>(profile.interests.departments.value(it.key(), 0.0));
        }
        projection.interestCategories.assign(m_categories.size(), 0.0F);
        for (auto it = m_categories.cbegin(); it != m_categories.cend(); ++it) {
            projection.interestCategories[static_cast<std::size_t>(it.value())] =
                static_cast<float>(profile.interests.categories.value(it.key(), 0.0));
        }
    }
    projection.makers.assign(m_makers.size(), 0.0F);
    if (!profile.makers.isEmpty()) {
        for (auto it = profile.makers.cbegin(); it != profile.makers.cend(); ++it) {
            const auto found = m_makers.constFind(it.key());
            if (found != m_makers.cend()) {
                projection.makers[static_cast<std::size_t>(found.value())] = static_cast<float>(it.value());
            }
        }
    }
    projection.tags.assign(m_tagIds.size(), 0.0F);
    projection.removed.assign(m_tagIds.size(), 0);
    for (auto it = profile.tags.cbegin(); it != profile.tags.cend(); ++it) {
        const auto found = m_tags.constFind(it.key());
        if (found == m_tags.cend()) {
            continue;
        }
        const auto slot = static_cast<std::size_t>(found.value());
        projection.tags[slot] = static_cast<float>(tagPreference(it.value()));
        projection.removed[slot] = it.value().state == RecommendationTag::State::Removed ? 1 : 0;
    }
    projection.terms.assign(m_idf.size(), 0.0F);
    projection.owned.reserve(profile.history.size()); // the pointers below must stay valid
    projection.history.reserve(profile.history.size());
    std::vector<int> touched;
    double norm = 0;
    for (const CustomerProfile::HistoryLot &item : profile.history) {
        if (!item.bid && !item.won) {
            projection.history.push_back(nullptr); // "similar to lots they bid on": not wishlists
            continue;
        }
        const auto cached = m_historyTerms.constFind(item.lot->id);
        const SparseVector *vector = nullptr;
        if (cached != m_historyTerms.cend()) {
            vector = &cached.value();
        } else {
            projection.owned.push_back(termsOf(*item.lot, true));
            vector = &projection.owned.back();
        }
        projection.history.push_back(vector);
        for (const auto &[term, weight] : *vector) {
            projection.terms[static_cast<std::size_t>(term)] += static_cast<float>(item.weight * weight);
            touched.push_back(term);
        }
    }
    // Only the touched terms are non-zero; summed in term order as over the whole vector.
    std::sort(touched.begin(), touched.end());
    touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
    for (const int term : touched) {
        const float weight = projection.terms[static_cast<std::size_t>(term)];
        norm += double(weight) * weight;
    }
    if (norm > 0) {
        projection.hasTerms = true;
        const double scale = 1.0 / std::sqrt(norm);
        projection.similarity.assign(m_lots.size(), 0.0);
        for (const int term : touched) {
            float &weight = projection.terms[static_cast<std::size_t>(term)];
            weight = static_cast<float>(weight * scale);
            for (const auto &[lot, lotWeight] : m_postings[static_cast<std::size_t>(term)]) {
                projection.similarity[static_cast<std::size_t>(lot)] += double(lotWeight) * weight;
            }
        }
    }
    if (!profile.collectorSignals.isEmpty()) {
        projection.collectors.assign(m_lots.size(), 0.0F);
        for (auto it = profile.collectorSignals.cbegin(); it != profile.collectorSignals.cend(); ++it) {
            const auto found = m_lotIndex.constFind(it.key());
            if (found != m_lotIndex.cend()) {
                projection.collectors[static_cast<std::size_t>(found.value())] = static_cast<float>(it.value());
            }
        }
    }
    projection.hasPrice = profile.priceSamples > 0;
    projection.priceCentre = profile.priceCentre;
    projection.priceSpread = profile.priceSpread > 0 ? profile.priceSpread : 0.25;
    return projection;
}

double Recommender::score(const Projection &projection, int lot, std::vector<MatchContribution> *parts) const
{
    const LotSlots &slots = m_slots[static_cast<std::size_t>(lot)];
    std::array<double, kPartCount> points{};
    if (slots.department >= 0) {
        points[index(MatchPart::Department)] =
            partCeiling(MatchPart::Department) * projection.departments[static_cast<std::size_t>(slots.department)];
    }
    if (slots.category >= 0) {
        points[index(MatchPart::Category)] =
            partCeiling(MatchPart::Category) * projection.categories[static_cast<std::size_t>(slots.category)];
    }
    if (slots.maker >= 0) {
        points[index(MatchPart::Maker)] =
            partCeiling(MatchPart::Maker) * projection.makers[static_cast<std::size_t>(slots.maker)];
    }
    double tagMatch = 0;
    double tagTotal = 0;
    double removed = 0;
    for (const auto &[tag, weight] : slots.tags) {
        tagTotal += weight;
        tagMatch += weight * projection.tags[static_cast<std::size_t>(tag)];
        if (projection.removed[static_cast<std::size_t>(tag)] != 0) {
            removed = std::max(removed, double(weight));
        }
    }
    if (tagTotal > 0) {
        points[index(MatchPart::Tags)] =
            partCeiling(MatchPart::Tags) * std::min(1.0, tagMatch / tagTotal / kFullTagMatch);
    }
    if (projection.hasTerms) {
        const double dot = projection.similarity[static_cast<std::size_t>(lot)];
        points[index(MatchPart::SimilarLots)] =
            partCeiling(MatchPart::SimilarLots) * std::min(1.0, std::max(0.0, dot) / kFullSimilarity);
    }
    if (projection.hasPrice && slots.logPrice > 0) {
        const double z = (slots.logPrice - projection.priceCentre) / projection.priceSpread;
        points[index(MatchPart::Price)] = partCeiling(MatchPart::Price) * std::exp(-0.5 * z * z);
    }
    if (!projection.collectors.empty()) {
        points[index(MatchPart::SimilarCollectors)] =
            partCeiling(MatchPart::SimilarCollectors) *
            std::min(1.0, projection.collectors[static_cast<std::size_t>(lot)] / kCollectorsForFull);
    }
    if (!projection.interestDepartments.empty()) {
        const double category =
            slots.category >= 0 ? projection.interestCategories[static_cast<std::size_t>(slots.category)] : 0.0;
        const double department =
            slots.department >= 0 ? projection.interestDepartments[static_cast<std::size_t>(slots.department)] : 0.0;
        points[index(MatchPart::Interests)] =
            kInterestsCeiling * (kInterestsCategoryShare * category + (1 - kInterestsCategoryShare) * department);
    }
    double total = 0;
    for (const double value : points) {
        total += value;
    }
    if (removed > 0) {
        // A removed tag pulls the lot down by a share of everything else, however well it
        // matches otherwise: the customer (or their specialist) said no.
        points[index(MatchPart::RemovedTag)] = -total * kRemovedShare * (0.5 + 0.5 * removed);
        total += points[index(MatchPart::RemovedTag)];
    }
    if (parts != nullptr) {
        parts->clear();
        for (int p = 0; p < kPartCount; ++p) {
            if (std::abs(points[static_cast<std::size_t>(p)]) >= kSmallestPart) {
                parts->push_back({static_cast<MatchPart>(p), points[static_cast<std::size_t>(p)], {}});
            }
        }
    }
    return std::clamp(total, 0.0, 100.0);
}

std::vector<double> Recommender::scores(const CustomerProfile &profile) const
{
    const Projection projection = project(profile);
    std::vector<double> result(m_lots.size());
    for (std::size_t l = 0; l < m_lots.size(); ++l) {
        result[l] = score(projection, static_cast<int>(l), nullptr);
    }
    return result;
}

std::vector<std::pair<int, double>> Recommender::topLots(const CustomerProfile &profile, int count) const
{
    const Projection projection = project(profile);
    std::vector<std::pair<int, double>> ranked(m_lots.size());
    for (std::size_t l = 0; l < m_lots.size(); ++l) {
        ranked[l] = {static_cast<int>(l), score(projection, static_cast<int>(l), nullptr)};
    }
    const auto better = [this](const std::pair<int, double> &a, const std::pair<int, double> &b) {
        if (a.second != b.second) {
            return a.second > b.second;
        }
        const LotFeatures &x = m_lots[static_cast<std::size_t>(a.first)];
        const LotFeatures &y = m_lots[static_cast<std::size_t>(b.first)];
        return x.lotSeq != y.lotSeq ? x.lotSeq < y.lotSeq : x.id < y.id;
    };
    const std::size_t keep = count > 0 ? std::min<std::size_t>(static_cast<std::size_t>(count), ranked.size())
                                       : ranked.size();
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep), ranked.end(), better);
    ranked.resize(keep);
    return ranked;
}

std::vector<Recommendation> Recommender::rank(const CustomerProfile &profile,
                                              const RecommendationOptions &options) const
{
    const Projection projection = project(profile);
    std::vector<std::pair<int, double>> ranked;
    ranked.reserve(m_lots.size());
    for (std::size_t l = 0; l < m_lots.size(); ++l) {
        const qint64 id = m_lots[l].id;
        if (options.leaveOutEngaged && (profile.bidLots.contains(id) || profile.wishlistedLots.contains(id))) {
            continue;
        }
        ranked.emplace_back(static_cast<int>(l), score(projection, static_cast<int>(l), nullptr));
    }
    std::sort(ranked.begin(), ranked.end(), [this](const auto &a, const auto &b) {
        if (a.second != b.second) {
            return a.second > b.second;
        }
        const LotFeatures &x = m_lots[static_cast<std::size_t>(a.first)];
        const LotFeatures &y = m_lots[static_cast<std::size_t>(b.first)];
        return x.lotSeq != y.lotSeq ? x.lotSeq < y.lotSeq : x.id < y.id;
    });
    if (options.top > 0 && ranked.size() > static_cast<std::size_t>(options.top)) {
        ranked.resize(static_cast<std::size_t>(options.top));
    }
    std::vector<Recommendation> result;
    result.reserve(ranked.size());
    for (const auto &[lot, exact] : ranked) {
        const LotFeatures &features = m_lots[static_cast<std::size_t>(lot)];
        Recommendation recommendation;
        recommendation.lotId = features.id;
        recommendation.lotNo = features.lotNo;
        recommendation.lotSeq = features.lotSeq;
        recommendation.title = features.title;
        recommendation.maker = features.maker;
        recommendation.lowEstimate = features.lowEstimate;
        recommendation.highEstimate = features.highEstimate;
        recommendation.currency = features.currency;
        recommendation.exactScore = exact;
        recommendation.score = static_cast<int>(std::lround(exact));
        recommendation.bidOn = profile.bidLots.contains(features.id);
        recommendation.wishlisted = profile.wishlistedLots.contains(features.id);
        if (options.withReasons) {
            score(projection, lot, &recommendation.contributions);
            explain(profile, projection, lot, recommendation.contributions);
            std::stable_sort(recommendation.contributions.begin(), recommendation.contributions.end(),
                             [](const MatchContribution &a, const MatchContribution &b) {
                                 return std::abs(a.points) > std::abs(b.points);
                             });
        }
        result.push_back(std::move(recommendation));
    }
    return result;
}

void Recommender::explain(const CustomerProfile &profile, const Projection &projection, int lot,
                          std::vector<MatchContribution> &parts) const
{
    const LotFeatures &features = m_lots[static_cast<std::size_t>(lot)];
    const LotSlots &slots = m_slots[static_cast<std::size_t>(lot)];
    for (MatchContribution &part : parts) {
        switch (part.part) {
        case MatchPart::Department: {
            const QString name = m_names.departments.value(features.departmentId, tr("this department"));
            const int bids = profile.departmentLots.value(features.departmentId);
            const bool registered = profile.registeredDepartments.contains(features.departmentId);
            if (registered && bids > 0) {
                part.reason = counted("Department %1: registered, bid on 1 lot in it", "Department %1: registered, bid on %2 lots in it",
                                      bids, name);
            } else if (registered) {
                part.reason = tr("Department %1: registered to it").arg(name);
            } else if (bids > 0) {
                part.reason = counted("Department %1: bid on 1 lot in it", "Department %1: bid on %2 lots in it", bids, name);
            } else {
                part.reason = counted("Department %1: 1 lot in it on their wishlist",
                                      "Department %1: %2 lots in it on their wishlist",
                                      profile.departmentWished.value(features.departmentId), name);
            }
            break;
        }
        case MatchPart::Category: {
            const QString name = m_names.categories.value(features.categoryId, tr("of this lot"));
            const int bids = profile.categoryLots.value(features.categoryId);
            part.reason = bids > 0 ? counted("Category %1: bid on 1 lot in it", "Category %1: bid on %2 lots in it", bids, name)
                                   : counted("Category %1: 1 lot in it on their wishlist",
                                             "Category %1: %2 lots in it on their wishlist",
                                             profile.categoryWished.value(features.categoryId), name);
            break;
        }
        case MatchPart::Maker: {
            const int bids = profile.makerLots.value(makerKey(features.maker));
            part.reason = bids > 0 ? counted("Artist or maker %1: bid on 1 of their lots", "Artist or maker %1: bid on %2 of their lots",
                                             bids, features.maker)
                                   : tr("Artist or maker %1: on their wishlist before").arg(features.maker);
            break;
        }
        case MatchPart::Tags: {
            std::vector<std::pair<double, QString>> shared;
            for (const auto &[tag, weight] : slots.tags) {
                const double preference = projection.tags[static_cast<std::size_t>(tag)];
                if (preference <= 0) {
                    continue;
                }
                const qint64 tagId = m_tagIds[static_cast<std::size_t>(tag)];
                QString name = m_names.tags.value(tagId, QString::number(tagId));
                const RecommendationTag stored = profile.tags.value(tagId);
                if (stored.state == RecommendationTag::State::Starred) {
                    name = tr("★ %1 (starred)").arg(name);
                } else if (stored.state == RecommendationTag::State::Active) {
                    name = tr("%1 (active)").arg(name);
                }
                shared.emplace_back(weight * preference, name);
            }
            std::stable_sort(shared.begin(), shared.end(),
                             [](const auto &a, const auto &b) { return a.first > b.first; });
            QStringList names;
            for (std::size_t i = 0; i < shared.size() && i < 3; ++i) {
                names << shared[i].second;
            }
            part.reason = tr("Shared tags: %1").arg(names.join(QStringLiteral(", ")));
            break;
        }
        case MatchPart::SimilarLots: {
            const CustomerProfile::HistoryLot *best = nullptr;
            double bestSimilarity = 0;
            for (std::size_t h = 0; h < profile.history.size(); ++h) {
                if (projection.history[h] == nullptr) {
                    continue;
                }
                const double similarity = cosine(*projection.history[h], slots.terms);
                if (similarity > bestSimilarity) {
                    bestSimilarity = similarity;
                    best = &profile.history[h];
                }
            }
            if (best != nullptr) {
                const QString sale = m_names.sales.value(best->lot->saleId);
                part.reason = sale.isEmpty() ? tr("Like lot %1 “%2” they bid on").arg(best->lot->lotNo, best->lot->title)
                                             : tr("Like lot %1 “%2” they bid on in %3")
                                                   .arg(best->lot->lotNo, best->lot->title, sale);
            } else {
                part.reason = tr("Like the lots they bid on");
            }
            break;
        }
        case MatchPart::Price: {
            const qint64 usual = static_cast<qint64>(std::llround(std::pow(10.0, profile.priceCentre)));
            part.reason = tr("Estimate %1 near their usual price (about %2)")
                              .arg(formatEstimate(features.lowEstimate, features.highEstimate, features.currency),
                                   formatMoney(usual, features.currency));
            break;
        }
        case MatchPart::SimilarCollectors: {
            const int count = static_cast<int>(std::lround(profile.collectorSignals.value(features.id)));
            part.reason = counted("Wishlisted by %1 collector who bid on the same lots as them",
                                  "Wishlisted by %1 collectors who bid on the same lots as them", count, QString())
                              .arg(count);
            break;
        }
        case MatchPart::Interests: {
            const double category = profile.interests.categories.value(features.categoryId);
            const QString department = m_names.departments.value(features.departmentId, tr("this department"));
            if (category > 0) {
                part.reason = tr("Interests: %1 (%2) at %3 % of their strongest category, from bids, wins, "
                                 "wishlists, clicks and views")
                                  .arg(m_names.categories.value(features.categoryId, tr("this category")), department)
                                  .arg(std::lround(100 * category));
            } else {
                part.reason = tr("Interests: %1 at %2 % of their strongest department, from bids, wins, wishlists, "
                                 "clicks and views")
                                  .arg(department)
                                  .arg(std::lround(100 * profile.interests.departments.value(features.departmentId)));
            }
            break;
        }
        case MatchPart::RemovedTag: {
            QStringList names;
            for (const auto &[tag, weight] : slots.tags) {
                if (projection.removed[static_cast<std::size_t>(tag)] != 0) {
                    const qint64 tagId = m_tagIds[static_cast<std::size_t>(tag)];
                    names << m_names.tags.value(tagId, QString::number(tagId));
                }
            }
            part.reason = tr("Tagged %1, which was removed from their interests").arg(names.join(QStringLiteral(", ")));
            break;
        }
        }
    }
}

} // namespace Gavel::Models
