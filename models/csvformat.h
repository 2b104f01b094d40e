#pragma once

#include "result.h"

#include <QByteArray>
#include <QChar>
#include <QString>
#include <QStringDecoder>
#include <QStringList>

namespace Gavel::Models {

/// How a CSV file is written: its text encoding and the character between fields. Detected
/// from the start of the file and overridable by the person importing (a spreadsheet in a
/// German locale writes semicolons; LiveAuctioneers wants Windows-1252).
struct CsvFormat
{
    enum class Encoding
    {
        Utf8,        ///< with or without a byte order mark
        Windows1252, ///< what Excel's "CSV" (not "CSV UTF-8") writes on Western systems
    };

    Encoding encoding = Encoding::Utf8;
    QChar delimiter = u',';
    bool byteOrderMark = false;

    /// A decoder for the encoding (Windows-1252 falls back to Latin-1 where Qt has no ICU).
    QStringDecoder decoder() const;

    static QString encodingName(Encoding encoding);
    /// "utf-8" / "windows-1252" (and "cp1252", "latin1"…) as typed on the command line.
    static Result<Encoding> encodingFromName(const QString &name);
    /// "comma", "semicolon", "tab" for a delimiter; the character itself otherwise.
    static QString delimiterName(QChar delimiter);
    /// "comma", ",", "semicolon", ";", "tab", "\t".
    static Result<QChar> delimiterFromName(const QString &name);

    /// Detects the format from the first bytes of a file (64 KiB is plenty). A file that
    /// is not text (a spreadsheet, a PDF, an archive) is an Error naming `fileName` and
    /// saying what it looks like, so that the person knows to save it as CSV.
    static Result<CsvFormat> detect(const QByteArray &head, const QString &fileName);
};

} // namespace Gavel::Models
