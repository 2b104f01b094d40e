#pragma once

#include "demopricing.h"
#include "demotypes.h"
#include "result.h"
#include "tatecatalogue.h"

#include <QHash>

#include <memory>
#include <optional>

namespace Gavel::Models {
class SeededRandom;
}

namespace Gavel::Models::Demo {

enum class TemplateKind;

/// What the demo house sells: its departments (each with a colour and categories), venues,
/// staff, the keywords lots are tagged with, and the lots themselves — Tate works for the
/// art departments, templates for jewellery, watches, wine, books and Asian art.
class Catalogue final
{
public:
    /// Reads the Tate works (see DemoOptions::cataloguePath) and sorts them into departments.
    static Result<std::unique_ptr<Catalogue>> load(const QString &tatePath);

    struct Tag
    {
        QString name;
        QString kind; ///< subject, movement or keyword
    };
    struct LotTag
    {
        quint32 tag;
        quint16 weight; ///< per mille: specific subjects weigh more than broad ones
    };
    /// The most tags one lot has.
    static constexpr int kMaxLotTags = 12;

    struct LotText
    {
        QString title;
        QString description;
        QString maker;
        QString medium;
        QString dimensions;
        QString dateText;
        int year = 0;
        QString provenance;
        QString condition;
        QString sourceRef;
        QString sourceUrl;
    };

    QString houseName() const { return QStringLiteral("Hawthorne & Reeve"); }
    /// Web addresses of the invented house use a reserved domain.
    QString houseWebsite() const { return QStringLiteral("https://www.hawthorne-reeve.example"); }

    const std::vector<Department> &departments() const { return m_departments; }
    const std::vector<Category> &categories() const { return m_categories; }
    const std::vector<Venue> &venues() const { return m_venues; }
    std::vector<int> venuesOfKind(VenueKind kind) const;
    int venueOfKind(VenueKind kind) const;
    const QStringList &clientServices() const { return m_clientServices; }
    const std::vector<Tag> &tags() const { return m_tags; }
    /// Index 0 is "no maker".
    const QStringList &makers() const { return m_makers; }

    /// Chooses lot `position` of sale `sale` in `department`; the same arguments always give
    /// the same lot. `past` lots may be withdrawn; the auction decides sold or unsold.
    Lot makeLot(quint64 seed, quint32 sale, quint32 position, int department, bool past) const;
    /// Everything written about a lot, made from the same choices.
    LotText text(quint64 seed, const Lot &lot) const;
    static Pricing::Estimate estimate(const Lot &lot) { return Pricing::band(lot.band); }
    /// The tags of a lot, most specific first; returns how many were written to `out`
    /// (at most kMaxLotTags).
    int tagsOf(const Lot &lot, LotTag *out) const;
    /// A lot-like item of the department, for drawing a collector's favourite subjects and
    /// makers from what the department really sells.
    Lot sampleItem(int department, SeededRandom &random) const;

private:
    Catalogue() = default;
    void buildDepartments();
    void buildVenuesAndStaff();
    quint32 internTag(const QString &name, const QString &kind);
    quint32 internMaker(const QString &name);
    int departmentOfWork(const TateWork &work) const;
    int categoryOfWork(int department, const TateWork &work) const;
    static int makerTier(const QString &name);
    std::optional<TemplateKind> templateKind(int department) const;

    struct WorkInfo
    {
        quint8 department = 0;
        quint16 category = 0;
        quint32 maker = 0;
        qint8 bandOffset = 0;
        quint32 firstTag = 0;
        quint8 tagCount = 0;
    };
    /// For a template department: its categories, makers and keywords as house-wide indexes.
    struct TemplateMaps
    {
        std::vector<int> categories;
        std::vector<quint32> makers;
        std::vector<quint32> keywords;
    };

    TateCatalogue m_tate;
    std::vector<Department> m_departments;
    std::vector<Category> m_categories;
    std::vector<Venue> m_venues;
    QStringList m_clientServices;
    std::vector<Tag> m_tags;
    QHash<QString, quint32> m_tagIndex; ///< lookups only; never iterated (its order is random)
    QStringList m_makers;
    QHash<QString, quint32> m_makerIndex;
    std::vector<WorkInfo> m_works;
    std::vector<LotTag> m_workTags;
    std::vector<std::vector<quint32>> m_pools;            ///< per department: its Tate works
    std::vector<std::optional<TemplateMaps>> m_templates; ///< per department
};

} // namespace Gavel::Models::Demo
