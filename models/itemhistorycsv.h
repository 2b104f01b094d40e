#pragma once

#include "itemhistory.h"
#include "result.h"

#include <QString>

class QIODevice;

namespace Gavel::Models {

/// Item History rows as CSV for a spreadsheet, written as CsvWriter writes every export
/// (UTF-8 with a byte-order mark, CRLF, quoting, formula-safe text, amounts in major units);
/// dates are YYYY-MM-DD, so that a spreadsheet reads them as dates in any locale.
class ItemHistoryCsv final
{
public:
    /// Writes the header and `rows` to an open device.
    static Status write(QIODevice &device, const QList<ItemHistory::Row> &rows);
    /// Writes to `path` through QSaveFile: the file is replaced only when all of it was
    /// written, so a failed export never leaves half a file where a good one was.
    static Status save(const QString &path, const QList<ItemHistory::Row> &rows);

    /// The whole file (header and rows), UTF-8.
    static QByteArray document(const QList<ItemHistory::Row> &rows);

    /// CsvWriter::field.
    static QString field(const QString &text);
    /// CsvWriter::amount.
    static QString amount(const std::optional<qint64> &minor, const QString &currency);
};

} // namespace Gavel::Models
