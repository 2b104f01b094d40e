#pragma once

#include "itemhistory.h"
#include "result.h"

#include <QString>

class QIODevice;

namespace Gavel::Models {

/// Item History rows as CSV (RFC 4180) for a spreadsheet: UTF-8 with a byte-order mark (so
/// that Excel reads accents right), CRLF line ends, a header row, and every field that holds
/// a comma, a quote, a line break or leading/trailing space quoted with its quotes doubled.
/// Amounts are plain decimals in major units with a dot ("12500.00") next to a currency
/// column, dates are YYYY-MM-DD, so that a spreadsheet reads them as numbers and dates in
/// any locale. Text that a spreadsheet would run as a formula (starting with =, +, -, @, a
/// tab or a carriage return) gets a leading apostrophe.
class ItemHistoryCsv final
{
public:
    /// Writes the header and `rows` to an open device.
    static Status write(QIODevice &device, const QList<ItemHistory::Row> &rows);
    /// Writes to `path` through QSaveFile: the file is replaced only when all of it was
    /// written, so a failed export never leaves half a file where a good one was.
    static Status save(const QString &path, const QList<ItemHistory::Row> &rows);

    /// One field, quoted if it needs to be.
    static QString field(const QString &text);
    /// An amount in major units with a dot, "12500.00"; empty when there is none.
    static QString amount(const std::optional<qint64> &minor, const QString &currency);
};

} // namespace Gavel::Models
