#pragma once

#include "result.h"

#include <QString>
#include <QStringDecoder>
#include <QStringList>

class QIODevice;

namespace Gavel::Models {

/// A streaming RFC 4180 reader: one record at a time from any QIODevice, so that a file of
/// any size is read in constant memory.
///
/// Fields may be quoted; quoted fields hold delimiters, doubled quotes ("") and line breaks,
/// which are kept as written (a CRLF inside quotes stays CRLF). Records end with LF or CRLF;
/// a final line break is optional. A UTF-8 byte order mark is skipped. Completely empty lines
/// are skipped, as spreadsheets write them. A quote inside an unquoted field is kept as a
/// character (real files write 5'3" that way); text after a closing quote, an unterminated
/// quoted field and bytes that are not valid in the encoding are errors that name the line.
class CsvReader final
{
public:
    /// Reads from `device`, which must be open and stay alive while this reader is used.
    explicit CsvReader(QIODevice *device, QChar delimiter = u',',
                       QStringConverter::Encoding encoding = QStringConverter::Utf8);
    /// Reads with any decoder (Windows-1252 through QStringDecoder("windows-1252"), say).
    CsvReader(QIODevice *device, QChar delimiter, QStringDecoder decoder);
    CsvReader(const CsvReader &) = delete;
    CsvReader &operator=(const CsvReader &) = delete;

    /// Reads the next record into `fields`: true when a record was read, false at the end of
    /// the input, or an Error (ErrorKind::Invalid) saying what is wrong on which line. After
    /// an error the reader stays at the end.
    Result<bool> next(QStringList &fields);

    /// The line (1-based) on which the record last returned by next() starts.
    qint64 recordLine() const { return m_recordLine; }

private:
    /// Decodes the next chunk of the device into the buffer; false at the end of the input.
    bool fill();
    /// The next character, or a null QChar at the end of the input.
    QChar peek();
    Error failure(const QString &what) const;
    QString encodingName() const;

    QIODevice *m_device;
    QChar m_delimiter;
    QStringDecoder m_decoder;
    QString m_buffer;
    qsizetype m_pos = 0;
    /// Where in the buffer the first character that failed to decode is; -1 when none.
    qsizetype m_badAt = -1;
    qint64 m_line = 1;
    qint64 m_recordLine = 0;
    bool m_eof = false;
    bool m_failed = false;
};

} // namespace Gavel::Models
