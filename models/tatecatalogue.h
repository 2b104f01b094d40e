#pragma once

#include "result.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace Gavel::Models {

/// One work of the Tate collection's open data (CC0), as the demo house's catalogue uses it.
struct TateWork
{
    QString accession; ///< Tate's accession number ("T00633"): lots.source_ref
    QString title;
    QString artist;
    QString classification; ///< "painting", "on paper, print", "on paper, unique", "sculpture"…
    QString medium;         ///< "Oil paint on canvas"
    QString dateText;       ///< as Tate writes it: "c.1750–5", "exhibited 1828"
    int startYear = 0;      ///< 0 when unknown
    QString dimensions;     ///< may span lines ("support: …\nframe: …")
    QString creditLine;
    QString url; ///< the work's page on Tate's site: lots.source_url
    QStringList movements;
    QStringList subjectsLevel1; ///< the broadest subject terms ("people")
    QStringList subjectsLevel2; ///< "adults", "landscape"
    QStringList subjectsLeaf;   ///< the most specific ("man", "England")
};

/// Reads the Tate collection CSV (artworks.csv of tategallery/collection, or the subset in
/// shared/testdata and in the app's resources). Columns are found by their header names.
class TateCatalogue final
{
public:
    /// Loads every work of the CSV at `path` (a file or a Qt resource path). Errors say which
    /// file, which line and what is wrong.
    static Result<TateCatalogue> load(const QString &path);

    const std::vector<TateWork> &works() const { return m_works; }

private:
    std::vector<TateWork> m_works;
};

} // namespace Gavel::Models
