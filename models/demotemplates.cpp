#include "demotemplates.h"

#include "demotypes.h"
#include "seededrandom.h"

#include <array>
#include <span>

namespace Gavel::Models::Demo {

namespace {

QString u8(const char *text)
{
    return QString::fromUtf8(text);
}

QStringList u8List(std::span<const char *const> texts)
{
    QStringList list;
    for (const char *text : texts) {
        list << u8(text);
    }
    return list;
}

/// Up to six choices of up to 5 bits each.
quint32 pack(std::initializer_list<int> choices)
{
    quint32 packed = 0;
    int shift = 0;
    for (int choice : choices) {
        packed |= (static_cast<quint32>(choice) & 31U) << shift;
        shift += 5;
    }
    return packed;
}

int slot(quint32 packed, int index)
{
    return static_cast<int>((packed >> (5 * index)) & 31U);
}

template<typename T, std::size_t N>
int pickIndex(SeededRandom &random, const std::array<T, N> &)
{
    return static_cast<int>(random.below(N));
}

// --- Jewellery ---------------------------------------------------------------------------

constexpr std::array<const char *, 5> kJewelleryCategories = {"Rings", "Necklaces & pendants", "Brooches & clips",
                                                              "Earrings", "Bracelets & bangles"};
struct JewelType
{
    const char *name;
    int category;
    const char *size;
};
constexpr std::array<JewelType, 12> kJewelTypes = {{
    {"single-stone ring", 0, "Ring size N"},
    {"cluster ring", 0, "Ring size L½"},
    {"three-stone ring", 0, "Ring size M"},
    {"necklace", 1, "Length 41.5 cm"},
    {"pendant", 1, "Pendant 4.2 cm, chain 45 cm"},
    {"rivière necklace", 1, "Length 38 cm"},
    {"clip brooch", 2, "5.1 cm wide"},
    {"bar brooch", 2, "6.8 cm wide"},
    {"pair of ear clips", 3, "Each 2.4 cm"},
    {"pair of pendent earrings", 3, "Each 3.9 cm"},
    {"line bracelet", 4, "Length 18 cm"},
    {"hinged bangle", 4, "Inner circumference 17 cm"},
}};
struct Stone
{
    const char *name;
    const char *plural;
    int band;
};
constexpr std::array<Stone, 10> kStones = {{
    {"diamond", "diamonds", 1},
    {"sapphire", "sapphires", 1},
    {"ruby", "rubies", 1},
    {"emerald", "emeralds", 1},
    {"pearl", "pearls", 0},
    {"aquamarine", "aquamarines", -1},
    {"opal", "opals", -1},
    {"tourmaline", "tourmalines", -1},
    {"jade", "jade", 0},
    {"onyx", "onyx", -1},
}};
constexpr std::array<const char *, 5> kMetals = {"platinum", "18ct gold", "18ct white gold", "9ct gold",
                                                 "silver-topped gold"};
struct Period
{
    const char *text;
    int year;
    const char *style;
};
constexpr std::array<Period, 8> kJewelPeriods = {{
    {"circa 1880", 1880, "Victorian"},
    {"circa 1905", 1905, "Belle Époque"},
    {"circa 1925", 1925, "Art Deco"},
    {"circa 1935", 1935, "Art Deco"},
    {"circa 1945", 1945, "Retro"},
    {"circa 1965", 1965, "1960s"},
    {"circa 1975", 1975, "1970s"},
    {"2015", 2015, "contemporary"},
}};
struct Maker
{
    const char *name;
    int band;
};
constexpr std::array<Maker, 13> kJewellers = {{
    {"", 0},
    {"Cartier", 3},
    {"Van Cleef & Arpels", 3},
    {"Tiffany & Co.", 2},
    {"Bulgari", 2},
    {"Boucheron", 2},
    {"Chaumet", 2},
    {"Graff", 3},
    {"Harry Winston", 3},
    {"Buccellati", 1},
    {"David Webb", 1},
    {"Lalique", 1},
    {"Georg Jensen", 0},
}};

// Jewellery keywords: stones, then metals, then styles, then "signed".
QStringList jewelleryKeywords()
{
    QStringList list;
    for (const Stone &stone : kStones) {
        list << u8(stone.name);
    }
    for (const char *metal : kMetals) {
        list << u8(metal);
    }
    for (const char *style : {"Victorian", "Belle Époque", "Art Deco", "Retro", "1960s", "1970s", "contemporary"}) {
        list << u8(style);
    }
    list << QStringLiteral("signed jewel");
    return list;
}

/// The style keyword of each period (the lists above, in order).
constexpr std::array<int, 8> kJewelPeriodStyle = {0, 1, 2, 2, 3, 4, 5, 6};

int jewelStyleTag(int period)
{
    return static_cast<int>(kStones.size() + kMetals.size()) + kJewelPeriodStyle[static_cast<std::size_t>(period)];
}

// --- Watches -----------------------------------------------------------------------------

constexpr std::array<const char *, 4> kWatchCategories = {"Wristwatches", "Chronographs", "Dive & sports watches",
                                                          "Pocket watches"};
constexpr std::array<const char *, 14> kWatchMakers = {"",
                                                       "Rolex",
                                                       "Patek Philippe",
                                                       "Audemars Piguet",
                                                       "Vacheron Constantin",
                                                       "Omega",
                                                       "Jaeger-LeCoultre",
                                                       "Cartier",
                                                       "Heuer",
                                                       "IWC",
                                                       "Breguet",
                                                       "A. Lange & Söhne",
                                                       "Universal Genève",
                                                       "Tudor"};
struct WatchModel
{
    int maker;
    const char *model;
    const char *reference;
    int category;
    int band;
    int fromYear;
    int toYear;
    const char *movement;
};
constexpr std::array<WatchModel, 28> kWatchModels = {{
    {1, "Submariner", "ref. 5513", 2, 1, 1962, 1989, "automatic"},
    {1, "Cosmograph Daytona", "ref. 6263", 1, 3, 1969, 1987, "manual winding"},
    {1, "GMT-Master", "ref. 1675", 2, 1, 1960, 1980, "automatic"},
    {1, "Datejust", "ref. 1601", 0, 0, 1960, 1978, "automatic"},
    {1, "Day-Date", "ref. 1803", 0, 1, 1960, 1978, "automatic"},
    {1, "Explorer", "ref. 1016", 2, 1, 1963, 1989, "automatic"},
    {2, "Calatrava", "ref. 96", 0, 2, 1934, 1970, "manual winding"},
    {2, "Nautilus", "ref. 3700", 2, 4, 1976, 1990, "automatic"},
    {2, "Perpetual calendar chronograph", "ref. 3970", 1, 5, 1986, 2004, "manual winding"},
    {2, "Aquanaut", "ref. 5167", 2, 2, 2007, 2020, "automatic"},
    {3, "Royal Oak", "ref. 5402ST", 2, 3, 1972, 1989, "automatic"},
    {4, "Patrimony", "ref. 81180", 0, 1, 2004, 2020, "manual winding"},
    {5, "Speedmaster Professional", "ref. 145.022", 1, -1, 1969, 1996, "manual winding"},
    {5, "Seamaster 300", "ref. 165.024", 2, -2, 1964, 1970, "automatic"},
    {5, "Constellation", "ref. 168.005", 0, -2, 1966, 1972, "automatic"},
    {6, "Reverso", "ref. 270.3.62", 0, 0, 1991, 2010, "manual winding"},
    {6, "Memovox", "ref. E855", 0, -1, 1965, 1975, "automatic"},
    {7, "Tank Louis Cartier", "ref. 2441", 0, 0, 1970, 2005, "manual winding"},
    {7, "Santos", "ref. 2960", 0, 0, 1980, 2000, "automatic"},
    {8, "Carrera", "ref. 2447", 1, 0, 1963, 1970, "manual winding"},
    {8, "Monaco", "ref. 1133B", 1, 1, 1969, 1974, "automatic"},
    {8, "Autavia", "ref. 2446", 1, 1, 1962, 1970, "manual winding"},
    {9, "Mark XI", "ref. 6B/346", 0, 0, 1949, 1981, "manual winding"},
    {10, "Classique", "ref. 3130", 0, 1, 1990, 2010, "automatic"},
    {11, "Lange 1", "ref. 101.021", 0, 2, 1994, 2015, "manual winding"},
    {12, "Polerouter", "ref. 20217", 0, -1, 1955, 1968, "automatic"},
    {13, "Submariner", "ref. 7928", 2, -1, 1959, 1968, "automatic"},
    {2, "open-face keyless lever pocket watch", "", 3, 1, 1890, 1930, "manual winding"},
}};
constexpr std::array<const char *, 5> kWatchCases = {"stainless steel", "18ct yellow gold", "18ct white gold",
                                                     "platinum", "steel and gold"};
constexpr std::array<const char *, 12> kWatchKeywords = {
    "wristwatch", "chronograph", "dive watch",     "pocket watch",  "stainless steel", "gold",
    "platinum",   "automatic",   "manual winding", "vintage watch", "complication",    "box and papers"};

// --- Wine and spirits ----------------------------------------------------------------------

constexpr std::array<const char *, 6> kWineCategories = {"Bordeaux",      "Burgundy",       "Champagne",
                                                         "Rhône & Italy", "Port & Madeira", "Whisky & spirits"};
struct Producer
{
    const char *name;
    const char *appellation;
    int category;
    int band;
    const char *kind;
    bool firstGrowth;
};
constexpr std::array<Producer, 30> kProducers = {{
    {"Château Lafite Rothschild", "Pauillac, 1er Cru Classé", 0, 3, "red wine", true},
    {"Château Latour", "Pauillac, 1er Cru Classé", 0, 3, "red wine", true},
    {"Château Margaux", "Margaux, 1er Cru Classé", 0, 3, "red wine", true},
    {"Château Mouton Rothschild", "Pauillac, 1er Cru Classé", 0, 3, "red wine", true},
    {"Château Haut-Brion", "Pessac-Léognan, 1er Cru Classé", 0, 2, "red wine", true},
    {"Pétrus", "Pomerol", 0, 5, "red wine", false},
    {"Château Cheval Blanc", "Saint-Émilion, 1er Grand Cru Classé A", 0, 3, "red wine", false},
    {"Château d'Yquem", "Sauternes, 1er Cru Supérieur", 0, 2, "sweet white wine", true},
    {"Château Léoville Las Cases", "Saint-Julien, 2ème Cru Classé", 0, 1, "red wine", false},
    {"Château Palmer", "Margaux, 3ème Cru Classé", 0, 1, "red wine", false},
    {"Château Lynch-Bages", "Pauillac, 5ème Cru Classé", 0, 0, "red wine", false},
    {"Domaine de la Romanée-Conti, Romanée-Conti", "Grand Cru", 1, 6, "red wine", false},
    {"Domaine de la Romanée-Conti, La Tâche", "Grand Cru", 1, 5, "red wine", false},
    {"Domaine Leroy, Musigny", "Grand Cru", 1, 4, "red wine", false},
    {"Domaine Armand Rousseau, Chambertin", "Grand Cru", 1, 4, "red wine", false},
    {"Domaine Leflaive, Puligny-Montrachet", "Les Pucelles, 1er Cru", 1, 1, "white wine", false},
    {"Joseph Drouhin, Beaune", "Clos des Mouches, 1er Cru", 1, -1, "red wine", false},
    {"Krug", "Vintage Brut", 2, 1, "Champagne", false},
    {"Dom Pérignon", "Vintage Brut", 2, 1, "Champagne", false},
    {"Louis Roederer, Cristal", "Brut", 2, 1, "Champagne", false},
    {"Salon", "Le Mesnil, Blanc de Blancs", 2, 2, "Champagne", false},
    {"E. Guigal, La Mouline", "Côte-Rôtie", 3, 2, "red wine", false},
    {"Paul Jaboulet Aîné, La Chapelle", "Hermitage", 3, 1, "red wine", false},
    {"Tenuta San Guido, Sassicaia", "Bolgheri", 3, 1, "red wine", false},
    {"Giacomo Conterno, Monfortino", "Barolo Riserva", 3, 2, "red wine", false},
    {"Taylor's", "Vintage Port", 4, -1, "port", false},
    {"Quinta do Noval, Nacional", "Vintage Port", 4, 2, "port", false},
    {"Blandy's", "Bual Madeira", 4, -2, "Madeira", false},
    {"The Macallan", "Fine & Rare, 30 year old", 5, 3, "single malt Scotch whisky", false},
    {"Port Ellen", "1979, 25 year old", 5, 1, "single malt Scotch whisky", false},
}};
constexpr std::array<int, 17> kVintages = {1945, 1959, 1961, 1970, 1982, 1985, 1986, 1989, 1990,
                                           1995, 1996, 2000, 2005, 2009, 2010, 2015, 2016};
struct Format
{
    const char *text;
    const char *dimensions;
    int band;
};
constexpr std::array<Format, 6> kFormats = {{
    {"12 bottles", "12 × 75 cl, original wooden case", 2},
    {"6 bottles", "6 × 75 cl, original carton", 1},
    {"3 bottles", "3 × 75 cl", 0},
    {"1 bottle", "1 × 75 cl", -1},
    {"1 magnum", "1 × 150 cl", 0},
    {"6 magnums", "6 × 150 cl, original wooden case", 2},
}};
constexpr std::array<const char *, 12> kWineKeywords = {"Bordeaux",     "Burgundy", "Champagne",   "Rhône",
                                                        "Italian wine", "port",     "whisky",      "first growth",
                                                        "grand cru",    "magnum",   "old vintage", "original case"};

// --- Books and manuscripts -------------------------------------------------------------------

constexpr std::array<const char *, 5> kBookCategories = {
    "Printed books", "Modern first editions", "Manuscripts & letters", "Maps & atlases", "Natural history & travel"};
struct BookWork
{
    const char *author;
    const char *title;
    int year;
    int category;
    int band;
    const char *subject;
    const char *format;
};
constexpr std::array<BookWork, 28> kBooks = {{
    {"Jane Austen", "Pride and Prejudice", 1813, 0, 3, "English literature", "12mo, 3 volumes"},
    {"Charles Dickens", "A Christmas Carol", 1843, 0, 1, "English literature", "8vo"},
    {"Mary Shelley", "Frankenstein; or, The Modern Prometheus", 1818, 0, 4, "English literature", "12mo, 3 volumes"},
    {"Isaac Newton", "Philosophiæ Naturalis Principia Mathematica", 1687, 0, 5, "science", "4to"},
    {"William Shakespeare", "Comedies, Histories, and Tragedies (the Second Folio)", 1632, 0, 5, "English literature",
     "folio"},
    {"Lewis Carroll", "Alice's Adventures in Wonderland", 1866, 0, 2, "children's literature", "8vo"},
    {"J.R.R. Tolkien", "The Hobbit", 1937, 1, 3, "English literature", "8vo, dust jacket"},
    {"Ian Fleming", "Casino Royale", 1953, 1, 2, "English literature", "8vo, dust jacket"},
    {"Virginia Woolf", "Mrs Dalloway", 1925, 1, 0, "English literature", "8vo, dust jacket"},
    {"James Joyce", "Ulysses", 1922, 1, 2, "English literature", "4to, original blue wrappers"},
    {"T.S. Eliot", "The Waste Land", 1922, 1, 0, "English literature", "8vo"},
    {"Arthur Conan Doyle", "The Hound of the Baskervilles", 1902, 1, 0, "English literature", "8vo"},
    {"Beatrix Potter", "The Tale of Peter Rabbit", 1901, 1, 1, "children's literature", "16mo"},
    {"J.K. Rowling", "Harry Potter and the Philosopher's Stone", 1997, 1, 2, "children's literature", "8vo"},
    {"Winston Churchill", "autograph letter signed, to his wife Clementine", 1940, 2, 1, "history", "2 pages, 4to"},
    {"Charles Dickens", "autograph letter signed, to his publisher", 1855, 2, -1, "English literature", "1 page, 8vo"},
    {"Lord Byron", "autograph letter signed, from Venice", 1817, 2, 0, "English literature", "3 pages, 4to"},
    {"", "Book of Hours, illuminated manuscript on vellum, Use of Rome", 1470, 2, 4, "medieval manuscripts",
     "8vo, 142 leaves"},
    {"John Speed", "The Theatre of the Empire of Great Britaine", 1611, 3, 2, "cartography", "folio"},
    {"Abraham Ortelius", "Theatrum Orbis Terrarum", 1570, 3, 3, "cartography", "folio"},
    {"Gerard Mercator", "Atlas sive Cosmographicae Meditationes", 1595, 3, 3, "cartography", "folio"},
    {"Christopher Saxton", "Map of Yorkshire, hand-coloured", 1577, 3, -1, "cartography", "sheet 420 × 530 mm"},
    {"John James Audubon", "American Flamingo, from The Birds of America", 1838, 4, 2, "natural history",
     "double elephant folio sheet"},
    {"John Gould", "The Birds of Great Britain", 1873, 4, 2, "natural history", "folio, 5 volumes"},
    {"James Cook", "A Voyage to the Pacific Ocean", 1784, 4, 1, "travel", "4to, 3 volumes and atlas"},
    {"Charles Darwin", "On the Origin of Species", 1859, 4, 3, "science", "8vo"},
    {"Ernest Shackleton", "The Heart of the Antarctic", 1909, 4, 0, "travel", "8vo, 2 volumes"},
    {"Hans Sloane", "A Voyage to the Islands Madera, Barbados … and Jamaica", 1707, 4, 1, "natural history",
     "folio, 2 volumes"},
}};
struct Copy
{
    const char *text;
    int band;
    int tag; ///< index into kBookKeywords, or -1
};
constexpr std::array<Copy, 6> kCopies = {{
    {"first edition", 0, 0},
    {"first edition, signed by the author", 2, 1},
    {"first edition, inscribed by the author", 2, 2},
    {"first edition, later binding", -1, 0},
    {"second edition", -2, -1},
    {"presentation copy", 1, 2},
}};
constexpr std::array<const char *, 5> kBindings = {"original cloth", "contemporary calf", "later red morocco gilt",
                                                   "original boards", "modern half morocco"};
constexpr std::array<const char *, 13> kBookKeywords = {
    "first edition",         "signed",       "inscribed",   "English literature", "science",
    "children's literature", "history",      "cartography", "natural history",    "travel",
    "medieval manuscripts",  "fine binding", "manuscript"};

// --- Asian art ----------------------------------------------------------------------------

constexpr std::array<const char *, 5> kAsianCategories = {"Chinese ceramics", "Jades & hardstones",
                                                          "Chinese paintings & calligraphy", "Japanese art",
                                                          "Bronzes & Buddhist art"};
constexpr std::array<const char *, 12> kAsianMakers = {
    "",      "Zhang Daqian",       "Qi Baishi",         "Wu Guanzhong",     "Xu Beihong",        "Lin Fengmian",
    "Pu Ru", "Katsushika Hokusai", "Utagawa Hiroshige", "Kitagawa Utamaro", "Utagawa Kuniyoshi", "Shibata Zeshin"};
struct AsianForm
{
    const char *pattern; ///< %1 decoration, %2 motif
    int category;
    int maker; ///< fixed maker, 0 none, -1 one of the painters, -2 one of the print artists
    int band;
    const char *medium;
    const char *dimensions;
    int decorationTag; ///< -1 when the form has no decoration choice
};
constexpr std::array<AsianForm, 14> kAsianForms = {{
    {"A %1 '%2' meiping", 0, 0, 1, "Porcelain", "32.5 cm high", 0},
    {"A %1 '%2' bowl", 0, 0, 0, "Porcelain", "18.2 cm diameter", 0},
    {"A %1 '%2' moon flask", 0, 0, 2, "Porcelain", "29 cm high", 0},
    {"A pair of %1 '%2' dishes", 0, 0, 0, "Porcelain", "Each 21 cm diameter", 0},
    {"A celadon jade '%2' brush washer", 1, 0, 0, "Nephrite", "12.4 cm wide", -1},
    {"A white jade '%2' boulder", 1, 0, 1, "Nephrite", "9.8 cm high", -1},
    {"A rock crystal '%2' snuff bottle", 1, 0, -2, "Rock crystal", "6.1 cm high", -1},
    {"%2, hanging scroll", 2, -1, 2, "Ink and colour on paper", "96 × 45 cm", -1},
    {"%2, album of eight leaves", 2, -1, 1, "Ink on paper", "Each leaf 24 × 30 cm", -1},
    {"%2, from a series of views, woodblock print", 3, -2, 0, "Woodblock print, ink and colour on paper",
     "25.5 × 37.5 cm", -1},
    {"A gold lacquer '%2' inro", 3, 11, 0, "Lacquer", "8.2 cm high", -1},
    {"A Satsuma earthenware '%2' vase", 3, 0, -1, "Earthenware, enamels and gilding", "31 cm high", -1},
    {"A gilt-bronze figure of Buddha Shakyamuni", 4, 0, 2, "Gilt bronze", "24 cm high", -1},
    {"A cloisonné enamel '%2' censer", 4, 0, 0, "Cloisonné enamel on copper", "19 cm wide", -1},
}};
constexpr std::array<const char *, 6> kDecorations = {"blue and white", "famille rose", "celadon-glazed",
                                                      "copper-red",     "doucai",       "yellow-ground"};
constexpr std::array<const char *, 8> kMotifs = {"dragon",    "phoenix", "lotus", "peony",
                                                 "landscape", "fish",    "crane", "bamboo"};
constexpr std::array<Period, 8> kAsianPeriods = {{
    {"Kangxi mark and period (1662–1722)", 1700, "Qing dynasty"},
    {"Yongzheng mark and period (1723–1735)", 1730, "Qing dynasty"},
    {"Qianlong mark and period (1736–1795)", 1760, "Qing dynasty"},
    {"Qing dynasty, 19th century", 1850, "Qing dynasty"},
    {"Ming dynasty, 16th century", 1550, "Ming dynasty"},
    {"Republic period", 1925, "Republic period"},
    {"Meiji period (1868–1912)", 1890, "Meiji period"},
    {"Edo period, 19th century", 1830, "Edo period"},
}};
// Decorations, motifs, periods, then the kinds of work.
QStringList asianKeywords()
{
    QStringList list = u8List(kDecorations);
    list += u8List(kMotifs);
    for (const char *period : {"Qing dynasty", "Ming dynasty", "Republic period", "Meiji period", "Edo period"}) {
        list << u8(period);
    }
    for (const char *kind : {"jade", "Chinese painting", "ukiyo-e", "Buddhist art", "imperial porcelain"}) {
        list << u8(kind);
    }
    return list;
}

/// The period keyword of each period (Qing, Ming, Republic, Meiji, Edo).
constexpr std::array<int, 8> kAsianPeriodStyle = {0, 0, 0, 0, 1, 2, 3, 4};

int asianPeriodTag(int period)
{
    return static_cast<int>(kDecorations.size() + kMotifs.size()) + kAsianPeriodStyle[static_cast<std::size_t>(period)];
}

constexpr int kAsianKindTag = static_cast<int>(kDecorations.size() + kMotifs.size()) + 5;

/// For each book: its author's index in makers(Books) and its subject's in kBookKeywords.
struct BookIndexes
{
    std::array<int, kBooks.size()> maker{};
    std::array<int, kBooks.size()> subject{};
};

const BookIndexes &bookIndexes()
{
    static const BookIndexes indexes = [] {
        BookIndexes result;
        const QStringList authors = TemplateLots::makers(TemplateKind::Books);
        const QStringList keywords = u8List(kBookKeywords);
        for (std::size_t i = 0; i < kBooks.size(); ++i) {
            result.maker[i] = kBooks[i].author[0] == '\0' ? 0 : static_cast<int>(authors.indexOf(u8(kBooks[i].author)));
            result.subject[i] = static_cast<int>(keywords.indexOf(u8(kBooks[i].subject)));
        }
        return result;
    }();
    return indexes;
}

/// "A" or "An" before a word, as it is read aloud ("an 18ct gold…", "an opal…").
QString article(const QString &next)
{
    const bool vowelSound = QStringLiteral("aeiouAEIOU").contains(next.at(0)) || next.startsWith(u"18") ||
                            next.startsWith(u"8") || next.startsWith(u"11");
    return vowelSound ? QStringLiteral("An ") : QStringLiteral("A ");
}

QString capitalised(QString text)
{
    if (!text.isEmpty()) {
        text[0] = text.at(0).toUpper();
    }
    return text;
}

} // namespace

QStringList TemplateLots::categoryNames(TemplateKind kind)
{
    switch (kind) {
    case TemplateKind::Jewellery:
        return u8List(kJewelleryCategories);
    case TemplateKind::Watches:
        return u8List(kWatchCategories);
    case TemplateKind::Wine:
        return u8List(kWineCategories);
    case TemplateKind::Books:
        return u8List(kBookCategories);
    case TemplateKind::Asian:
        return u8List(kAsianCategories);
    }
    return {};
}

QStringList TemplateLots::keywords(TemplateKind kind)
{
    switch (kind) {
    case TemplateKind::Jewellery:
        return jewelleryKeywords();
    case TemplateKind::Watches:
        return u8List(kWatchKeywords);
    case TemplateKind::Wine:
        return u8List(kWineKeywords);
    case TemplateKind::Books:
        return u8List(kBookKeywords);
    case TemplateKind::Asian:
        return asianKeywords();
    }
    return {};
}

QStringList TemplateLots::makers(TemplateKind kind)
{
    QStringList list;
    switch (kind) {
    case TemplateKind::Jewellery:
        for (const Maker &maker : kJewellers) {
            list << u8(maker.name);
        }
        return list;
    case TemplateKind::Watches:
        return u8List(kWatchMakers);
    case TemplateKind::Wine:
        list << QString();
        for (const Producer &producer : kProducers) {
            list << u8(producer.name);
        }
        return list;
    case TemplateKind::Books:
        list << QString();
        for (const BookWork &book : kBooks) {
            if (book.author[0] != '\0' && !list.contains(u8(book.author))) {
                list << u8(book.author);
            }
        }
        return list;
    case TemplateKind::Asian:
        return u8List(kAsianMakers);
    }
    return list;
}

quint32 TemplateLots::choose(TemplateKind kind, SeededRandom &random)
{
    switch (kind) {
    case TemplateKind::Jewellery: {
        // Half the jewels in a sale are unsigned.
        const int maker = random.chance(500) ? 0 : 1 + static_cast<int>(random.below(kJewellers.size() - 1));
        return pack({pickIndex(random, kJewelTypes), pickIndex(random, kStones), pickIndex(random, kMetals),
                     pickIndex(random, kJewelPeriods), maker});
    }
    case TemplateKind::Watches: {
        const int model = pickIndex(random, kWatchModels);
        const int span = kWatchModels[model].toYear - kWatchModels[model].fromYear;
        return pack({model, pickIndex(random, kWatchCases), static_cast<int>(random.below(32)) * (span + 1) / 32,
                     random.chance(300) ? 1 : 0});
    }
    case TemplateKind::Wine: {
        const int producer = pickIndex(random, kProducers);
        return pack({producer, pickIndex(random, kVintages), pickIndex(random, kFormats)});
    }
    case TemplateKind::Books:
        return pack({pickIndex(random, kBooks), pickIndex(random, kCopies), pickIndex(random, kBindings)});
    case TemplateKind::Asian:
        return pack({pickIndex(random, kAsianForms), pickIndex(random, kDecorations), pickIndex(random, kMotifs),
                     pickIndex(random, kAsianPeriods), static_cast<int>(random.below(6)),
                     static_cast<int>(random.below(4))});
    }
    return 0;
}

TemplateLots::Facets TemplateLots::facets(TemplateKind kind, quint32 choices)
{
    Facets facets;
    switch (kind) {
    case TemplateKind::Jewellery: {
        const JewelType &type = kJewelTypes[slot(choices, 0)];
        const Stone &stone = kStones[slot(choices, 1)];
        const int period = slot(choices, 3);
        const int maker = slot(choices, 4);
        facets.category = type.category;
        facets.maker = maker;
        facets.bandOffset = stone.band + kJewellers[maker].band + (slot(choices, 2) == 0 ? 1 : 0);
        facets.year = kJewelPeriods[period].year;
        facets.tags[0] = slot(choices, 1);
        facets.tags[1] = static_cast<int>(kStones.size()) + slot(choices, 2);
        facets.tags[2] = jewelStyleTag(period);
        facets.tags[3] = maker > 0 ? static_cast<int>(kStones.size() + kMetals.size()) + 7 : -1;
        break;
    }
    case TemplateKind::Watches: {
        const WatchModel &model = kWatchModels[slot(choices, 0)];
        const int material = slot(choices, 1);
        facets.category = model.category;
        facets.maker = model.maker;
        facets.year = model.fromYear + slot(choices, 2);
        facets.bandOffset = model.band + (material == 0 ? 0 : 1) + (slot(choices, 3) ? 1 : 0);
        facets.tags[0] = model.category; // wristwatch, chronograph, dive watch, pocket watch
        facets.tags[1] = material == 0 ? 4 : (material == 3 ? 6 : 5);
        facets.tags[2] = model.movement[0] == 'a' ? 7 : 8;
        facets.tags[3] = facets.year < 1990 ? 9 : -1;
        facets.tags[4] = model.band >= 5 ? 10 : -1;
        facets.tags[5] = slot(choices, 3) ? 11 : -1;
        break;
    }
    case TemplateKind::Wine: {
        const Producer &producer = kProducers[slot(choices, 0)];
        const int vintage = kVintages[slot(choices, 1)];
        const Format &format = kFormats[slot(choices, 2)];
        facets.category = producer.category;
        facets.maker = 1 + slot(choices, 0);
        facets.year = vintage;
        facets.bandOffset = producer.band + format.band + (vintage < 1970 ? 2 : 0);
        static constexpr int kRegionTag[6] = {0, 1, 2, 3, 5, 6};
        facets.tags[0] = kRegionTag[producer.category];
        if (producer.category == 3 && QByteArrayView(producer.appellation).contains("Bolgheri")) {
            facets.tags[0] = 4;
        }
        facets.tags[1] = producer.firstGrowth ? 7 : (producer.category == 1 && producer.band >= 4 ? 8 : -1);
        facets.tags[2] = QByteArrayView(format.text).contains("magnum") ? 9 : -1;
        facets.tags[3] = vintage < 1980 ? 10 : -1;
        facets.tags[4] = QByteArrayView(format.dimensions).contains("original") ? 11 : -1;
        break;
    }
    case TemplateKind::Books: {
        const int index = slot(choices, 0);
        const BookWork &book = kBooks[static_cast<std::size_t>(index)];
        const Copy &copy = kCopies[slot(choices, 1)];
        facets.category = book.category;
        facets.maker = bookIndexes().maker[static_cast<std::size_t>(index)];
        facets.year = book.year;
        const bool letter = book.category == 2;
        facets.bandOffset = book.band + (letter ? 0 : copy.band);
        facets.tags[0] = bookIndexes().subject[static_cast<std::size_t>(index)];
        facets.tags[1] = letter ? 12 : copy.tag;
        facets.tags[2] = slot(choices, 2) == 2 ? 11 : -1;
        break;
    }
    case TemplateKind::Asian: {
        const AsianForm &form = kAsianForms[slot(choices, 0)];
        facets.category = form.category;
        const int painter = 1 + slot(choices, 4) % 6; // Zhang Daqian … Pu Ru
        const int printer = 7 + slot(choices, 5) % 4; // Hokusai … Kuniyoshi
        facets.maker = form.maker == -1 ? painter : (form.maker == -2 ? printer : form.maker);
        const int period = form.category == 3 ? 6 + slot(choices, 3) % 2 : slot(choices, 3) % 6;
        facets.year = kAsianPeriods[period].year;
        facets.bandOffset = form.band + (period <= 2 ? 2 : 0) + (form.maker < 0 && facets.maker <= 2 ? 2 : 0);
        facets.tags[0] = form.decorationTag >= 0 ? slot(choices, 1) : -1;
        facets.tags[1] = static_cast<int>(kDecorations.size()) + slot(choices, 2);
        facets.tags[2] = form.category == 2 ? -1 : asianPeriodTag(period);
        static constexpr int kKind[5] = {4, 0, 1, 2, 3}; // imperial porcelain, jade, painting, ukiyo-e, Buddhist
        facets.tags[3] = (form.category == 0 && period > 2) ? -1 : kAsianKindTag + kKind[form.category];
        break;
    }
    }
    return facets;
}

TemplateLots::Text TemplateLots::text(TemplateKind kind, quint32 choices, SeededRandom &random)
{
    Text text;
    const Facets facets = TemplateLots::facets(kind, choices);
    const QStringList makerNames = makers(kind);
    const QString maker = makerNames.value(facets.maker);
    const QString prefix = maker.isEmpty() ? QString() : maker + QStringLiteral(": ");
    switch (kind) {
    case TemplateKind::Jewellery: {
        const JewelType &type = kJewelTypes[slot(choices, 0)];
        const Stone &stone = kStones[slot(choices, 1)];
        const Period &period = kJewelPeriods[slot(choices, 3)];
        const bool diamond = stone.name == QByteArrayView("diamond");
        const QString what = diamond ? QString(QStringLiteral("diamond ") + u8(type.name))
                                     : QString(u8(stone.name) + QStringLiteral(" and diamond ") + u8(type.name));
        const bool pair = QByteArrayView(type.name).startsWith("pair of");
        const QString jewel = pair ? QString(QStringLiteral("A ") + u8(type.name) + QStringLiteral(", set with ") +
                                             u8(stone.plural) + (diamond ? QString() : QStringLiteral(" and diamonds")))
                                   : QString(article(what) + what);
        text.title = prefix + jewel + QStringLiteral(", ") + u8(period.text);
        text.medium = capitalised(u8(kMetals[slot(choices, 2)])) + QStringLiteral(", ") + u8(stone.plural) +
                      (stone.name == QByteArrayView("diamond") ? QString() : QStringLiteral(" and diamonds"));
        text.dimensions = u8(type.size);
        text.dateText = u8(period.text);
        static const char *const notes[] = {"Signed and numbered.", "With maker's case.", "French assay marks.",
                                            "Later fitted case.", "Unsigned."};
        text.description = text.medium + QStringLiteral(". ") +
                           (maker.isEmpty() ? QStringLiteral("Unsigned.") : u8(notes[random.below(4)]));
        break;
    }
    case TemplateKind::Watches: {
        const WatchModel &model = kWatchModels[slot(choices, 0)];
        const QString material = u8(kWatchCases[slot(choices, 1)]);
        const bool pocket = model.category == 3;
        text.title = prefix + article(material) + material + QStringLiteral(" ") +
                     (pocket ? u8(model.model)
                             : (model.category == 1 ? QStringLiteral("chronograph wristwatch")
                                                    : u8(model.movement) + QStringLiteral(" wristwatch")) +
                                   QStringLiteral(", ") + u8(model.model)) +
                     (model.reference[0] ? QStringLiteral(", ") + u8(model.reference) : QString()) +
                     QStringLiteral(", circa %1").arg(facets.year);
        text.medium =
            capitalised(material) + QStringLiteral(" case, ") + u8(model.movement) + QStringLiteral(" movement");
        text.dimensions = pocket ? QStringLiteral("Case 50 mm diameter")
                                 : QStringLiteral("Case %1 mm").arg(34 + slot(choices, 2) % 9);
        text.dateText = QStringLiteral("circa %1").arg(facets.year);
        text.description = text.medium + (slot(choices, 3) ? QStringLiteral(". With box and papers.")
                                                           : QStringLiteral(". Later strap and buckle."));
        break;
    }
    case TemplateKind::Wine: {
        const Producer &producer = kProducers[slot(choices, 0)];
        const Format &format = kFormats[slot(choices, 2)];
        const bool whisky = producer.category == 5;
        text.title = u8(producer.name) + (whisky ? QString() : QStringLiteral(" %1").arg(facets.year)) +
                     QStringLiteral(", ") + u8(producer.appellation) + QStringLiteral(" (") + u8(format.text) + u8(")");
        text.medium = capitalised(u8(producer.kind));
        text.dimensions = u8(format.dimensions);
        text.dateText = whisky ? QStringLiteral("bottled %1").arg(facets.year + 25) : QString::number(facets.year);
        static const char *const levels[] = {"Levels into neck.", "Levels top shoulder.", "Labels lightly soiled.",
                                             "Stored in the house's bonded cellar since purchase."};
        text.description = u8(levels[random.below(4)]) + QStringLiteral(" Ex-cellar of a private collector.");
        break;
    }
    case TemplateKind::Books: {
        const BookWork &book = kBooks[slot(choices, 0)];
        const Copy &copy = kCopies[slot(choices, 1)];
        const bool manuscript = book.category == 2;
        text.title = prefix + u8(book.title) + (manuscript ? QString() : QStringLiteral(", ") + u8(copy.text)) +
                     QStringLiteral(", %1").arg(book.year);
        text.medium = manuscript ? QStringLiteral("Ink on paper") : capitalised(u8(kBindings[slot(choices, 2)]));
        text.dimensions = u8(book.format);
        text.dateText = QString::number(book.year);
        static const char *const notes[] = {"Some light foxing.", "Bookplate of a private collector.",
                                            "A fine, bright copy.", "Spine sunned, corners rubbed."};
        text.description = text.dimensions + QStringLiteral(". ") + u8(notes[random.below(4)]);
        break;
    }
    case TemplateKind::Asian: {
        const AsianForm &form = kAsianForms[slot(choices, 0)];
        const int period = form.category == 3 ? 6 + slot(choices, 3) % 2 : slot(choices, 3) % 6;
        QString body =
            fillPattern(u8(form.pattern), {u8(kDecorations[slot(choices, 1)]), u8(kMotifs[slot(choices, 2)])});
        if (form.category == 2 || form.maker == -2) {
            body = capitalised(body);
        }
        text.title =
            prefix + body + (form.category == 2 ? QString() : QStringLiteral(", ") + u8(kAsianPeriods[period].text));
        text.medium = u8(form.medium);
        text.dimensions = u8(form.dimensions);
        text.dateText = form.category == 2 ? QStringLiteral("20th century") : u8(kAsianPeriods[period].text);
        static const char *const notes[] = {"With a fitted wood stand.", "Japanese wood box.",
                                            "Acquired in Hong Kong in the 1980s.", "Old collection label to base."};
        text.description = text.medium + QStringLiteral(". ") + u8(notes[random.below(4)]);
        break;
    }
    }
    return text;
}

} // namespace Gavel::Models::Demo
