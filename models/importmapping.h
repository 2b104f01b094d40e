#pragma once

#include "importkind.h"
#include "result.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace Gavel::Models {

/// Which column of a file fills which field of an import kind, and fixed values for fields
/// the file lacks (a LiveAuctioneers catalogue has no sale number: every row gets the one
/// typed in). Columns are named by heading, so a saved mapping survives reordered columns.
struct ImportMapping
{
    QHash<QString, QString> columns;     ///< field key → column heading
    QHash<QString, QString> fixedValues; ///< field key → value for every row

    /// Matches the headings of a file to the fields of `kind` by name and known synonyms
    /// (case, spaces and punctuation ignored); each heading fills at most one field.
    static ImportMapping automatic(ImportKind kind, const QStringList &headers);

    /// The required fields neither a column nor a fixed value fills, as labels.
    QStringList missingRequired(ImportKind kind, const QStringList &headers) const;

    QString toJson() const;
    static Result<ImportMapping> fromJson(const QString &json);

    bool operator==(const ImportMapping &other) const = default;
};

} // namespace Gavel::Models
