#pragma once

#include "csvformat.h"
#include "importkind.h"
#include "importmapping.h"
#include "importreport.h"
#include "result.h"

#include <QList>
#include <QStringList>

#include <functional>
#include <optional>

namespace Gavel::Models {

class Database;

/// What to import and how.
struct ImportOptions
{
    ImportKind kind = ImportKind::Customers;
    QString filePath;
    std::optional<CsvFormat::Encoding> encoding; ///< detected when not given
    std::optional<QChar> delimiter;              ///< detected when not given
    std::optional<ImportMapping> mapping;        ///< matched automatically when not given
    /// All or nothing: any rejected row and nothing is imported (the rows are still all
    /// checked, so the report lists every problem at once).
    bool strict = false;
    /// Rows per transaction; 0 picks the default. A cancel keeps the batches committed.
    int batchRows = 0;
};

/// The first rows of a file as detected, for the wizard's preview and mapping.
struct ImportPreview
{
    CsvFormat format;
    QStringList headers;
    QList<QStringList> rows;
    /// For a Mailchimp ZIP: the CSV files inside it.
    QStringList entries;
};

/// Reads a CSV file (or a Mailchimp export ZIP), maps its columns to the fields of an
/// import kind, checks every row and writes the good ones in batches, each batch in one
/// transaction. Rejected rows are collected with line, column and reason.
class Importer final
{
public:
    /// Called with rows done, the estimated total and a stage; return false to cancel.
    using Progress = std::function<bool(qint64 done, qint64 total, const QString &stage)>;

    static constexpr int kDefaultBatchRows = 20'000;

    /// The detected format, headings and first `rowCount` rows. `encoding` and `delimiter`
    /// override the detection. A file that is not CSV gets one clear Error.
    /// A ZIP is read as a Mailchimp audience export only for that kind.
    static Result<ImportPreview> preview(const QString &filePath, ImportKind kind,
                                         std::optional<CsvFormat::Encoding> encoding = {},
                                         std::optional<QChar> delimiter = {}, int rowCount = 20);

    /// Imports on `database` (its own connection; run it on a BackgroundJob for the GUI).
    /// A file-level problem (not CSV, missing required columns, a lost connection) is an
    /// Error; rejected rows and a cancel are in the report.
    static Result<ImportReport> run(Database &database, const ImportOptions &options, const Progress &progress = {});
};

} // namespace Gavel::Models
