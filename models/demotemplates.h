#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace Gavel::Models {
class SeededRandom;
}

namespace Gavel::Models::Demo {

/// The departments whose lots are not Tate works, made from templates: plausible titles,
/// makers (Cartier, Patek Philippe, Château Latour…), categories and keywords.
enum class TemplateKind
{
    Jewellery,
    Watches,
    Wine,
    Books,
    Asian
};

/// Makes template lots. A lot is a handful of random choices packed into 32 bits: the
/// simulation reads its facets (category, maker, keywords, price) cheaply, and its text is
/// made from the same choices only when the lot is written.
class TemplateLots final
{
public:
    struct Facets
    {
        int category = 0;   ///< index into categoryNames(kind)
        int maker = 0;      ///< index into makers(kind); 0 = none
        int bandOffset = 0; ///< added to the department's estimate band
        int year = 0;
        int tags[6] = {-1, -1, -1, -1, -1, -1}; ///< indexes into keywords(kind); -1 = none
    };
    struct Text
    {
        QString title;
        QString medium;
        QString dimensions;
        QString dateText;
        QString description;
    };

    static QStringList categoryNames(TemplateKind kind);
    /// Keywords the lots are tagged with.
    static QStringList keywords(TemplateKind kind);
    /// Makers; index 0 is "no maker" (an empty string).
    static QStringList makers(TemplateKind kind);

    static quint32 choose(TemplateKind kind, SeededRandom &random);
    static Facets facets(TemplateKind kind, quint32 choices);
    /// `random` only varies wording that does not change the facets.
    static Text text(TemplateKind kind, quint32 choices, SeededRandom &random);
};

} // namespace Gavel::Models::Demo
