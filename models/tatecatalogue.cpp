#include "tatecatalogue.h"

#include "csvreader.h"

#include <QFile>

#include <array>

namespace Gavel::Models {

namespace {

enum Column
{
    Accession,
    Title,
    Artist,
    Classification,
    Medium,
    DateText,
    StartYear,
    Dimensions,
    CreditLine,
    Movements,
    SubjectsLevel1,
    SubjectsLevel2,
    SubjectsLeaf,
    Url,
    ColumnCount
};

constexpr std::array<const char *, ColumnCount> kHeaders = {
    "acno",       "title",      "artist",    "classification",  "medium",          "dateText",      "startYear",
    "dimensions", "creditLine", "movements", "subjects_level1", "subjects_level2", "subjects_leaf", "url",
};

/// Tate separates list values with '|'.
QStringList splitList(const QString &text)
{
    QStringList items;
    for (const QString &item : text.split(u'|', Qt::SkipEmptyParts)) {
        const QString trimmed = item.trimmed();
        if (!trimmed.isEmpty()) {
            items << trimmed;
        }
    }
    return items;
}

} // namespace

Result<TateCatalogue> TateCatalogue::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error::make(
            ErrorKind::NotFound,
            QStringLiteral("The catalogue of works “%1” could not be opened: %2.").arg(path, file.errorString()));
    }
    const auto invalid = [&](const QString &what) {
        return Error::make(ErrorKind::Invalid,
                           QStringLiteral("The catalogue of works “%1” is not usable: %2").arg(path, what));
    };

    CsvReader reader(&file);
    QStringList fields;
    auto header = reader.next(fields);
    if (!header) {
        return invalid(header.error().message);
    }
    if (!*header) {
        return invalid(QStringLiteral("the file is empty."));
    }
    std::array<qsizetype, ColumnCount> index{};
    for (int column = 0; column < ColumnCount; ++column) {
        index[column] = fields.indexOf(QLatin1String(kHeaders[column]));
        if (index[column] < 0) {
            return invalid(QStringLiteral("it has no column “%1”.").arg(QLatin1String(kHeaders[column])));
        }
    }
    const qsizetype width = fields.size();

    TateCatalogue catalogue;
    for (;;) {
        auto more = reader.next(fields);
        if (!more) {
            return invalid(more.error().message);
        }
        if (!*more) {
            break;
        }
        if (fields.size() != width) {
            return invalid(QStringLiteral("line %1 has %2 fields where the header has %3.")
                               .arg(reader.recordLine())
                               .arg(fields.size())
                               .arg(width));
        }
        const auto at = [&](Column column) { return fields.at(index[column]).trimmed(); };
        TateWork work;
        work.accession = at(Accession);
        work.title = at(Title);
        work.artist = at(Artist);
        work.classification = at(Classification);
        work.medium = at(Medium);
        work.dateText = at(DateText);
        work.startYear = at(StartYear).toInt(); // empty or not a number: 0, unknown
        work.dimensions = at(Dimensions);
        work.creditLine = at(CreditLine);
        work.url = at(Url);
        work.movements = splitList(at(Movements));
        work.subjectsLevel1 = splitList(at(SubjectsLevel1));
        work.subjectsLevel2 = splitList(at(SubjectsLevel2));
        work.subjectsLeaf = splitList(at(SubjectsLeaf));
        if (work.accession.isEmpty() || work.title.isEmpty()) {
            return invalid(
                QStringLiteral("the work on line %1 has no accession number or title.").arg(reader.recordLine()));
        }
        catalogue.m_works.push_back(std::move(work));
    }
    if (catalogue.m_works.empty()) {
        return invalid(QStringLiteral("it holds no works."));
    }
    return catalogue;
}

} // namespace Gavel::Models
