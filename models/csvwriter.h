#pragma once

#include "result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QIODevice;

namespace Gavel::Models {

/// CSV (RFC 4180) for a spreadsheet, as every export of Gavel writes it: UTF-8 with a
/// byte-order mark (so that Excel reads accents right), CRLF line ends, a header row, and
/// every field that holds a comma, a quote, a line break or leading/trailing space quoted
/// with its quotes doubled. Amounts are plain decimals in major units with a dot ("12500.00")
/// next to a currency column, so that a spreadsheet reads them as numbers in any locale.
/// Text that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a
/// carriage return) gets a leading apostrophe (textField).
class CsvWriter final
{
public:
    /// One field, quoted if it needs to be.
    static QString field(const QString &text);
    /// Text a person typed or imported: formula-safe, then quoted if it needs to be.
    static QString textField(const QString &text);
    /// An amount in major units with a dot, "12500.00"; empty when there is none.
    static QString amount(const std::optional<qint64> &minor, const QString &currency);

    /// The whole file: the byte-order mark, the header (quoted as needed) and the rows (their
    /// fields already made with field(), textField() or amount()).
    static QByteArray document(const QStringList &header, const QList<QStringList> &rows);
    /// Writes `bytes` to an open device; `failed` is the message when it cannot.
    static Status write(QIODevice &device, const QByteArray &bytes, const QString &failed);
    /// Writes `bytes` to `path` through QSaveFile: the file is replaced only when all of it
    /// was written, so a failed export never leaves half a file where a good one was.
    /// `failed` is the message, with %1 for the path and %2 for the reason.
    static Status save(const QString &path, const QByteArray &bytes, const QString &failed);
};

} // namespace Gavel::Models
