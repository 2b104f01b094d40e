#include "democatalogue.h"

#include "demotemplates.h"
#include "seededrandom.h"

#include <array>

namespace Gavel::Models::Demo {

namespace {

constexpr quint64 kLotStream = 0x4C4F54;     // "LOT"
constexpr quint64 kLotTextStream = 0x545854; // "TXT"

struct DepartmentData
{
    const char *code;
    const char *name;
    const char *saleName;
    const char *color;
    int weight;
    int baseBand;
    const char *slug;
    const char *specialists;
    int templateKind; ///< -1: Tate works
    /// Categories: "code:name:rules", rules are '|'-separated medium words, or "class:…"
    /// (Tate's classification) and "subject:…" (a subject term); the first match wins and
    /// the last category takes the rest.
    std::array<const char *, 7> categories;
};

// clang-format off
const std::array<DepartmentData, 13> kDepartments = {{
    {"OMP", "Old Master Paintings & Drawings", "Old Master Paintings & Drawings", "#7b3f00", 7, 12, "old-masters",
     "Julian Ashby|Francesca Moretti", -1,
     {"omp-panel:Paintings on panel & copper:panel|wood|oak|mahogany|copper", "omp-canvas:Paintings on canvas:canvas|oil",
      "omp-watercolours:Watercolours & bodycolour:watercolour|gouache|bodycolour",
      "omp-drawings:Old Master drawings:chalk|ink|graphite|pencil|pen", "omp-british:British pictures 1600–1800:"}},
    {"C19", "19th Century Art", "Victorian & 19th Century Art", "#a0522d", 7, 10, "nineteenth-century",
     "Henrietta Blake|Samuel Okonkwo", -1,
     {"c19-portraits:Portraits:subject:portraits", "c19-landscapes:Landscapes & marines:subject:landscape|subject:water: coastal|subject:townscapes, man-made features",
      "c19-genre:Narrative & genre painting:"}},
    {"MBI", "Modern British & Impressionist Art", "Modern British & Impressionist Art", "#2e6f95", 10, 11, "modern-british",
     "Eleanor Vance|Marcus Lindqvist", -1,
     {"mbi-abstract:Abstraction:subject:non-representational", "mbi-portraits:Portraits & figures:subject:portraits|subject:adults",
      "mbi-landscapes:Landscapes & townscapes:subject:landscape|subject:townscapes, man-made features",
      "mbi-stilllife:Still life & interiors:subject:still life|subject:interiors", "mbi-other:Modern British paintings:"}},
    {"PWC", "Post-War & Contemporary Art", "Post-War & Contemporary Art", "#c0392b", 11, 12, "contemporary",
     "Noor Haddad|Oliver Strand", -1,
     {"pwc-installation:Installation & new media:class:installation|video|film|projection|slide",
      "pwc-abstract:Abstract painting:subject:non-representational", "pwc-figurative:Figurative works:subject:adults|subject:portraits",
      "pwc-other:Contemporary works:"}},
    {"PRM", "Prints & Multiples", "Prints & Multiples", "#6c5b7b", 9, 7, "prints",
     "Rosa Delgado|Tom Whitfield", -1,
     {"prm-screenprints:Screenprints:screenprint", "prm-lithographs:Lithographs:lithograph",
      "prm-woodcuts:Woodcuts & linocuts:woodcut|wood engraving|linocut|relief print|woodblock",
      "prm-etchings:Etchings & engravings:etching|engraving|intaglio|aquatint|drypoint|mezzotint",
      "prm-other:Multiples & other prints:"}},
    {"DRW", "Drawings & Watercolours", "British Drawings & Watercolours", "#5d8a66", 6, 8, "drawings",
     "Isabel Carrington|Dev Mistry", -1,
     {"drw-watercolours:Watercolours:watercolour|gouache|bodycolour", "drw-pastel:Pastel, chalk & charcoal:pastel|chalk|charcoal",
      "drw-ink:Pen & ink:ink|pen", "drw-graphite:Graphite & pencil:graphite|pencil", "drw-other:Mixed media on paper:"}},
    {"SCU", "Sculpture", "Sculpture", "#7f8c8d", 6, 10, "sculpture",
     "Hugo Lambert|Grace Adeyemi", -1,
     {"scu-reliefs:Reliefs:class:relief", "scu-bronze:Bronzes:bronze", "scu-stone:Marble & stone:marble|stone|alabaster|limestone|slate|granite",
      "scu-wood:Wood carvings:wood", "scu-ceramics:Ceramics & plaster:stoneware|plaster|ceramic|clay|terracotta|earthenware|porcelain",
      "scu-modern:Steel, glass & modern materials:steel|aluminium|iron|brass|plastic|perspex|acrylic|fibreglass|glass|resin",
      "scu-other:Mixed media sculpture:"}},
    {"PHO", "Photographs", "Photographs", "#34495e", 4, 8, "photographs",
     "Lena Hoffmann|Kwame Mensah", -1,
     {"pho-silver:Gelatin silver prints:gelatin|gelatine|silver", "pho-colour:Colour photographs:chromogenic|colour|dye",
      "pho-digital:Digital prints:digital|inkjet", "pho-other:Photographs:"}},
    {"JEW", "Jewellery", "Fine Jewellery", "#b8860b", 9, 10, "jewellery", "Catherine Beaumont|Raj Malhotra", 0, {}},
    {"WAT", "Watches", "Important Watches", "#1f3a5f", 8, 12, "watches", "Felix Morgenthaler|Amy Chen", 1, {}},
    {"WIN", "Wine & Spirits", "Fine Wine & Spirits", "#722f37", 7, 7, "wine", "Charles Ashdown|Élise Marchand", 2, {}},
    {"BKS", "Books & Manuscripts", "Books, Maps & Manuscripts", "#8e6c3a", 5, 8, "books", "Matthew Pryce|Anneliese Vogt", 3, {}},
    {"ASN", "Asian Art", "Fine Chinese & Japanese Art", "#c2452d", 8, 9, "asian-art", "Wei-Lin Cheung|Kenji Morita", 4, {}},
}};
// clang-format on

const std::array<const char *, 6> kProvenances = {
    "Private collection, %1; by descent to the present owner.",
    "With %2, London, %3; acquired from the above by the present owner.",
    "The artist's studio; acquired directly by the present owner.",
    "Anonymous sale, Hawthorne & Reeve, London, %3; private collection, %1.",
    "Private collection, %1, acquired in the 1970s.",
    "Acquired by the father of the present owner in %1, %3.",
};
const std::array<const char *, 6> kProvenanceCities = {"London", "Paris", "New York", "Geneva", "Edinburgh", "Milan"};
const std::array<const char *, 5> kDealers = {"Agnew's", "The Fine Art Society", "Marlborough Fine Art",
                                              "Leicester Galleries", "Colnaghi"};
const std::array<const char *, 6> kConditions = {
    "Sound overall. Minor retouching visible under UV light.",
    "Good condition. Light surface dirt; slight craquelure.",
    "Some foxing and light staining to the margins.",
    "Frame with minor losses. The work itself in good order.",
    "Excellent condition.",
    "Minor abrasions; a small loss lower left, stable.",
};
const std::array<const char *, 5> kSignatures = {"Signed lower right.", "Signed and dated.", "Unsigned.",
                                                 "Inscribed on the reverse.", "Signed with initials."};

QString u8(const char *text)
{
    return QString::fromUtf8(text);
}

/// FNV-1a over the UTF-16 code units: a stable hash (qHash is seeded per process).
quint32 stableHash(const QString &text)
{
    quint32 hash = 2166136261U;
    for (const QChar c : text) {
        hash = (hash ^ c.unicode()) * 16777619U;
    }
    return hash;
}

/// "support: 2337 x 3200 mm\nframe: …" → "2337 × 3200 mm".
QString lotDimensions(const QString &tate)
{
    QString first = tate.section(u'\n', 0, 0).trimmed();
    const qsizetype colon = first.indexOf(QStringLiteral(": "));
    if (colon >= 0 && colon < 16) {
        first = first.mid(colon + 2);
    }
    first.replace(QStringLiteral(" x "), QStringLiteral(" × "));
    return first;
}

bool ruleMatches(const QString &rule, const TateWork &work, const QString &medium)
{
    if (rule.startsWith(u"class:")) {
        return work.classification == rule.mid(6);
    }
    if (rule.startsWith(u"subject:")) {
        const QString subject = rule.mid(8);
        return work.subjectsLevel2.contains(subject) || work.subjectsLeaf.contains(subject) ||
               work.subjectsLevel1.contains(subject);
    }
    return medium.contains(rule);
}

} // namespace

Result<std::unique_ptr<Catalogue>> Catalogue::load(const QString &tatePath)
{
    auto tate = TateCatalogue::load(tatePath);
    if (!tate) {
        return tate.error();
    }
    std::unique_ptr<Catalogue> catalogue(new Catalogue);
    catalogue->m_tate = std::move(*tate);
    catalogue->m_makers << QString();
    catalogue->buildDepartments();
    catalogue->buildVenuesAndStaff();

    catalogue->m_pools.resize(catalogue->m_departments.size());
    const std::vector<TateWork> &works = catalogue->m_tate.works();
    catalogue->m_works.reserve(works.size());
    for (std::size_t i = 0; i < works.size(); ++i) {
        const TateWork &work = works[i];
        WorkInfo info;
        info.department = static_cast<quint8>(catalogue->departmentOfWork(work));
        info.category = static_cast<quint16>(catalogue->categoryOfWork(info.department, work));
        info.maker = catalogue->internMaker(work.artist);
        const bool painting = work.classification == u"painting" || work.classification == u"sculpture";
        info.bandOffset = static_cast<qint8>(makerTier(work.artist) + (painting ? 1 : 0));
        info.firstTag = static_cast<quint32>(catalogue->m_workTags.size());
        // Most specific first, weighted by level: a leaf subject says more about a work
        // (and about who likes it) than "people" does.
        const auto add = [&](const QStringList &names, int limit, const QString &kind, quint16 weight) {
            for (qsizetype k = 0; k < names.size() && k < limit; ++k) {
                const quint32 tag = catalogue->internTag(names.at(k), kind);
                bool seen = false;
                for (std::size_t t = info.firstTag; t < catalogue->m_workTags.size(); ++t) {
                    seen = seen || catalogue->m_workTags[t].tag == tag;
                }
                if (!seen) {
                    catalogue->m_workTags.push_back({tag, weight});
                }
            }
        };
        add(work.subjectsLeaf, 5, QStringLiteral("subject"), 1000);
        add(work.movements, 2, QStringLiteral("movement"), 800);
        add(work.subjectsLevel2, 3, QStringLiteral("subject"), 600);
        add(work.subjectsLevel1, 2, QStringLiteral("subject"), 300);
        info.tagCount = static_cast<quint8>(catalogue->m_workTags.size() - info.firstTag);
        catalogue->m_works.push_back(info);
        catalogue->m_pools[info.department].push_back(static_cast<quint32>(i));
    }

    catalogue->m_templates.resize(catalogue->m_departments.size());
    for (std::size_t d = 0; d < catalogue->m_departments.size(); ++d) {
        const auto kind = catalogue->templateKind(static_cast<int>(d));
        if (!kind) {
            if (catalogue->m_pools[d].empty()) {
                return Error::make(ErrorKind::Invalid,
                                   QStringLiteral("The catalogue of works “%1” has no works for the department %2.")
                                       .arg(tatePath, catalogue->m_departments[d].name));
            }
            continue;
        }
        TemplateMaps maps;
        maps.categories = catalogue->m_departments[d].categories;
        for (const QString &maker : TemplateLots::makers(*kind)) {
            maps.makers.push_back(maker.isEmpty() ? 0 : catalogue->internMaker(maker));
        }
        for (const QString &keyword : TemplateLots::keywords(*kind)) {
            maps.keywords.push_back(catalogue->internTag(keyword, QStringLiteral("keyword")));
        }
        catalogue->m_templates[d] = std::move(maps);
    }
    return catalogue;
}

void Catalogue::buildDepartments()
{
    for (const DepartmentData &data : kDepartments) {
        Department department;
        department.code = u8(data.code);
        department.name = u8(data.name);
        department.saleName = u8(data.saleName);
        department.color = u8(data.color);
        department.weight = data.weight;
        department.baseBand = data.baseBand;
        department.tate = data.templateKind < 0;
        department.slug = u8(data.slug);
        department.specialists = u8(data.specialists).split(u'|');
        const int index = static_cast<int>(m_departments.size());
        const auto addCategory = [&](const QString &code, const QString &name, const QStringList &keywords) {
            Category category;
            category.department = index;
            category.code = code;
            category.name = name;
            category.keywords = keywords;
            category.slug = code.mid(4);
            department.categories.push_back(static_cast<int>(m_categories.size()));
            m_categories.push_back(category);
        };
        if (data.templateKind < 0) {
            for (const char *spec : data.categories) {
                if (!spec) {
                    break;
                }
                const QString text = u8(spec);
                const QString code = text.section(u':', 0, 0);
                const QString name = text.section(u':', 1, 1);
                const QString rules = text.section(u':', 2);
                addCategory(code, name, rules.isEmpty() ? QStringList() : rules.split(u'|'));
            }
        } else {
            const QStringList names = TemplateLots::categoryNames(static_cast<TemplateKind>(data.templateKind));
            for (qsizetype c = 0; c < names.size(); ++c) {
                addCategory(department.code.toLower() + QStringLiteral("-%1").arg(c + 1), names.at(c), {});
            }
        }
        m_departments.push_back(department);
    }
}

void Catalogue::buildVenuesAndStaff()
{
    const QString site = houseWebsite();
    m_venues = {
        {QStringLiteral("LDN"), QStringLiteral("Hawthorne & Reeve, London"), VenueKind::Saleroom,
         QStringLiteral("London"), QStringLiteral("GB"), site + QStringLiteral("/london"), QStringLiteral("L")},
        {QStringLiteral("EDI"), QStringLiteral("Hawthorne & Reeve, Edinburgh"), VenueKind::Saleroom,
         QStringLiteral("Edinburgh"), QStringLiteral("GB"), site + QStringLiteral("/edinburgh"), QStringLiteral("E")},
        {QStringLiteral("BTH"), QStringLiteral("Hawthorne & Reeve, Bath"), VenueKind::Saleroom, QStringLiteral("Bath"),
         QStringLiteral("GB"), site + QStringLiteral("/bath"), QStringLiteral("B")},
        {QStringLiteral("ONL"), QStringLiteral("Hawthorne & Reeve Online"), VenueKind::Online, QString(), QString(),
         site + QStringLiteral("/online"), QStringLiteral("O")},
        {QStringLiteral("TSR"), QStringLiteral("the-saleroom.com"), VenueKind::Platform, QString(),
         QStringLiteral("GB"), QStringLiteral("https://www.the-saleroom.com"), QString()},
        {QStringLiteral("LVA"), QStringLiteral("LiveAuctioneers"), VenueKind::Platform, QString(), QStringLiteral("US"),
         QStringLiteral("https://www.liveauctioneers.com"), QString()},
        {QStringLiteral("INV"), QStringLiteral("Invaluable"), VenueKind::Platform, QString(), QStringLiteral("US"),
         QStringLiteral("https://www.invaluable.com"), QString()},
        {QStringLiteral("SHP"), QStringLiteral("Hawthorne & Reeve Shop"), VenueKind::Shop, QString(),
         QStringLiteral("GB"), site + QStringLiteral("/shop"), QString()},
    };
    m_clientServices = {QStringLiteral("Amelia Hart"), QStringLiteral("Tom Okafor"), QStringLiteral("Priya Raman"),
                        QString::fromUtf8("Lucía Fernández"), QStringLiteral("Ben Kowalski")};
}

std::vector<int> Catalogue::venuesOfKind(VenueKind kind) const
{
    std::vector<int> indexes;
    for (std::size_t i = 0; i < m_venues.size(); ++i) {
        if (m_venues[i].kind == kind) {
            indexes.push_back(static_cast<int>(i));
        }
    }
    return indexes;
}

int Catalogue::venueOfKind(VenueKind kind) const
{
    const std::vector<int> indexes = venuesOfKind(kind);
    return indexes.empty() ? -1 : indexes.front();
}

quint32 Catalogue::internTag(const QString &name, const QString &kind)
{
    const QString key = name.toCaseFolded();
    const auto found = m_tagIndex.constFind(key);
    if (found != m_tagIndex.cend()) {
        return *found;
    }
    const quint32 index = static_cast<quint32>(m_tags.size());
    m_tags.push_back({name, kind});
    m_tagIndex.insert(key, index);
    return index;
}

quint32 Catalogue::internMaker(const QString &name)
{
    if (name.isEmpty()) {
        return 0;
    }
    const auto found = m_makerIndex.constFind(name);
    if (found != m_makerIndex.cend()) {
        return *found;
    }
    const quint32 index = static_cast<quint32>(m_makers.size());
    m_makers << name;
    m_makerIndex.insert(name, index);
    return index;
}

std::optional<TemplateKind> Catalogue::templateKind(int department) const
{
    const int kind = kDepartments[static_cast<std::size_t>(department)].templateKind;
    if (kind < 0) {
        return std::nullopt;
    }
    return static_cast<TemplateKind>(kind);
}

int Catalogue::departmentOfWork(const TateWork &work) const
{
    const QString medium = work.medium.toLower();
    const QString &kind = work.classification;
    const int year = work.startYear;
    const auto index = [](const char *code) {
        for (std::size_t i = 0; i < kDepartments.size(); ++i) {
            if (qstrcmp(kDepartments[i].code, code) == 0) {
                return static_cast<int>(i);
            }
        }
        return 0;
    };
    if (medium.contains(u"photograph") || medium.contains(u"gelatin")) {
        return index("PHO");
    }
    if (kind == u"on paper, print" || kind == u"block for printing") {
        return index("PRM");
    }
    if (kind == u"sculpture" || kind == u"relief") {
        return index("SCU");
    }
    if (kind == u"installation") {
        return index("PWC");
    }
    if (kind == u"painting") {
        if (year == 0) {
            return index("MBI");
        }
        return year < 1800 ? index("OMP") : year < 1900 ? index("C19") : year < 1945 ? index("MBI") : index("PWC");
    }
    return year > 0 && year < 1800 ? index("OMP") : index("DRW");
}

int Catalogue::categoryOfWork(int department, const TateWork &work) const
{
    const QString medium = work.medium.toLower();
    const std::vector<int> &categories = m_departments[static_cast<std::size_t>(department)].categories;
    for (const int category : categories) {
        for (const QString &rule : m_categories[static_cast<std::size_t>(category)].keywords) {
            if (ruleMatches(rule, work, medium)) {
                return category;
            }
        }
    }
    return categories.back();
}

int Catalogue::makerTier(const QString &name)
{
    // A maker's standing is fixed (the same artist is always priced alike); a stable hash
    // spreads a few stars among many modest names.
    if (name.contains(u"School") || name.contains(u"Unknown") || name.startsWith(u"After ")) {
        return -1;
    }
    const quint32 roll = stableHash(name) % 100;
    return roll < 40 ? 0 : roll < 70 ? 1 : roll < 85 ? 2 : roll < 93 ? 3 : roll < 98 ? 4 : 6;
}

Lot Catalogue::makeLot(quint64 seed, quint32 sale, quint32 position, int department, bool past) const
{
    SeededRandom random = SeededRandom::derived(seed, kLotStream, sale, position);
    Lot lot;
    lot.sale = sale;
    lot.position = position;
    lot.department = static_cast<quint8>(department);
    const Department &data = m_departments[static_cast<std::size_t>(department)];
    int bandOffset = 0;
    if (const auto kind = templateKind(department)) {
        lot.item = TemplateLots::choose(*kind, random);
        const TemplateLots::Facets facets = TemplateLots::facets(*kind, lot.item);
        const TemplateMaps &maps = *m_templates[static_cast<std::size_t>(department)];
        lot.category = static_cast<quint16>(maps.categories[static_cast<std::size_t>(facets.category)]);
        lot.maker = maps.makers[static_cast<std::size_t>(facets.maker)];
        bandOffset = facets.bandOffset;
    } else {
        const std::vector<quint32> &pool = m_pools[static_cast<std::size_t>(department)];
        lot.item = pool[random.below(pool.size())];
        const WorkInfo &work = m_works[lot.item];
        lot.category = work.category;
        lot.maker = work.maker;
        bandOffset = work.bandOffset;
    }
    lot.band =
        static_cast<quint8>(Pricing::clampBand(data.baseBand + bandOffset + static_cast<int>(random.between(-2, 2))));
    // Reserves are confidential and at or below the low estimate, on the bid ladder.
    static const std::vector<int> reservePercent = {60, 70, 75, 80, 80, 90, 100};
    const qint64 low = Pricing::band(lot.band).low;
    lot.reserve = static_cast<quint32>(Pricing::step(Pricing::floorStep(low * random.pick(reservePercent) / 100)));
    lot.status = past ? (random.chance(30) ? LotWithdrawn : LotUnsold) : LotUpcoming;
    return lot;
}

Catalogue::LotText Catalogue::text(quint64 seed, const Lot &lot) const
{
    SeededRandom random = SeededRandom::derived(seed, kLotTextStream, lot.sale, lot.position);
    LotText text;
    text.maker = m_makers.value(static_cast<qsizetype>(lot.maker));
    if (const auto kind = templateKind(lot.department)) {
        const TemplateLots::Text made = TemplateLots::text(*kind, lot.item, random);
        text.title = made.title;
        text.medium = made.medium;
        text.dimensions = made.dimensions;
        text.dateText = made.dateText;
        text.description = made.description;
        text.year = TemplateLots::facets(*kind, lot.item).year;
    } else {
        const TateWork &work = m_tate.works()[lot.item];
        text.title = work.title;
        text.medium = work.medium;
        text.dimensions = lotDimensions(work.dimensions);
        text.dateText = work.dateText;
        text.year = work.startYear;
        text.description = (work.medium.isEmpty() ? QString() : work.medium + QStringLiteral(". ")) +
                           u8(random.pick(kSignatures)) +
                           (text.dimensions.isEmpty() ? QString() : u8(" ") + text.dimensions + u'.');
        text.sourceRef = work.accession;
        text.sourceUrl = work.url;
    }
    const int year = 1950 + static_cast<int>(random.below(60));
    text.provenance = fillPattern(u8(random.pick(kProvenances)), {u8(random.pick(kProvenanceCities)),
                                                                  u8(random.pick(kDealers)), QString::number(year)});
    if (random.chance(550)) {
        text.condition = u8(random.pick(kConditions));
    }
    return text;
}

int Catalogue::tagsOf(const Lot &lot, LotTag *out) const
{
    int count = 0;
    if (const auto kind = templateKind(lot.department)) {
        const TemplateLots::Facets facets = TemplateLots::facets(*kind, lot.item);
        const TemplateMaps &maps = *m_templates[lot.department];
        for (const int keyword : facets.tags) {
            if (keyword >= 0 && count < kMaxLotTags) {
                out[count++] = {maps.keywords[static_cast<std::size_t>(keyword)], 1000};
            }
        }
        return count;
    }
    const WorkInfo &work = m_works[lot.item];
    for (quint32 t = 0; t < work.tagCount && count < kMaxLotTags; ++t) {
        out[count++] = m_workTags[work.firstTag + t];
    }
    return count;
}

Lot Catalogue::sampleItem(int department, SeededRandom &random) const
{
    // Any sale and position will do: only the item's facets matter.
    return makeLot(random.next(), 0, 0, department, false);
}

} // namespace Gavel::Models::Demo
