#include "csvreader.h"

#include <QIODevice>

#include <algorithm>

namespace Gavel::Models {

namespace {

constexpr qint64 kChunkBytes = 64 * 1024;

} // namespace

CsvReader::CsvReader(QIODevice *device, QChar delimiter, QStringConverter::Encoding encoding)
    : m_device(device), m_delimiter(delimiter), m_decoder(encoding)
{
}

CsvReader::CsvReader(QIODevice *device, QChar delimiter, QStringDecoder decoder)
    : m_device(device), m_delimiter(delimiter), m_decoder(std::move(decoder))
{
}

bool CsvReader::fill()
{
    while (!m_eof) {
        const QByteArray bytes = m_device->read(kChunkBytes);
        if (bytes.isEmpty()) {
            m_eof = true;
            return false;
        }
        const bool hadError = m_decoder.hasError();
        m_buffer = m_decoder.decode(bytes);
        m_pos = 0;
        if (!hadError && m_decoder.hasError()) {
            // The decoder substitutes U+FFFD; stop at the first one of this chunk so that the
            // error names the line it is on.
            const qsizetype bad = m_buffer.indexOf(QChar::ReplacementCharacter);
            m_badAt = bad < 0 ? 0 : bad;
        }
        if (!m_buffer.isEmpty()) {
            return true;
        }
    }
    return false;
}

QChar CsvReader::peek()
{
    if (m_pos >= m_buffer.size()) {
        m_badAt = -1;
        if (!fill()) {
            return QChar();
        }
    }
    return m_buffer.at(m_pos);
}

Error CsvReader::failure(const QString &what) const
{
    return Error::make(ErrorKind::Invalid, QStringLiteral("Line %1: %2").arg(m_line).arg(what));
}

Result<bool> CsvReader::next(QStringList &fields)
{
    // The fields of the last record are written over in place: each keeps its memory from
    // record to record, so a million rows cost no allocation per cell. A field the caller
    // still shares (a copy of the list, a cache key) is left alone and replaced instead.
    qsizetype count = 0;
    const auto nextField = [&fields, &count]() -> QString & {
        if (count == fields.size()) {
            fields.append(QString());
        }
        QString &field = fields[count++];
        if (field.isDetached()) {
            field.truncate(0);
        } else {
            field = QString();
        }
        return field;
    };
    if (m_failed) {
        fields.clear();
        return false;
    }
    // Consumes one line break (LF, CRLF or a lone CR) at the current position.
    const auto takeLineBreak = [this] {
        const QChar c = peek();
        ++m_pos;
        if (c == u'\r' && peek() == u'\n') {
            ++m_pos;
        }
        ++m_line;
    };
    const auto fail = [this, &fields, &count](const QString &what) -> Result<bool> {
        // The fields completed before the one at fault stay, as they always did.
        fields.resize(std::max<qsizetype>(count - 1, 0));
        m_failed = true;
        return failure(what);
    };
    const auto badEncodingHere = [this] { return m_badAt >= 0 && m_pos >= m_badAt; };

    // Skip empty lines; the end of the input ends the records.
    for (;;) {
        const QChar c = peek();
        if (c.isNull()) {
            fields.clear();
            return false;
        }
        if (c != u'\n' && c != u'\r') {
            break;
        }
        takeLineBreak();
    }
    m_recordLine = m_line;

    for (;;) {
        QString &field = nextField();
        QChar c = peek();
        if (c == u'"') {
            const qint64 startLine = m_line;
            ++m_pos;
            for (;;) {
                c = peek();
                if (badEncodingHere()) {
                    return fail(QStringLiteral("the text is not valid %1.").arg(encodingName()));
                }
                if (c.isNull()) {
                    m_line = startLine;
                    return fail(QStringLiteral("a quoted field starts here but its closing quote is missing."));
                }
                ++m_pos;
                if (c == u'"') {
                    if (peek() == u'"') {
                        field += u'"';
                        ++m_pos;
                        continue;
                    }
                    break;
                }
                if (c == u'\n') {
                    ++m_line;
                }
                field += c;
            }
            c = peek();
            if (!c.isNull() && c != m_delimiter && c != u'\n' && c != u'\r') {
                return fail(
                    QStringLiteral("unexpected text after the closing quote of field %1.").arg(count));
            }
        } else {
            while (!c.isNull() && c != m_delimiter && c != u'\n' && c != u'\r') {
                // Take the plain run up to the next delimiter or line break at once: an import
                // spends most of its parsing time here.
                qsizetype end = m_pos;
                const qsizetype size = m_buffer.size();
                const QChar *data = m_buffer.constData();
                while (end < size && data[end] != m_delimiter && data[end] != u'\n' && data[end] != u'\r') {
                    ++end;
                }
                if (m_badAt < 0 || m_badAt >= end) {
                    field += QStringView(data + m_pos, end - m_pos);
                    m_pos = end;
                    c = peek();
                    continue;
                }
                if (badEncodingHere()) {
                    return fail(QStringLiteral("the text is not valid %1.").arg(encodingName()));
                }
                field += c;
                ++m_pos;
                c = peek();
            }
        }
        if (field.isEmpty()) {
            field = QString(); // null, as an empty field always was
        }
        if (c == m_delimiter) {
            ++m_pos;
            continue;
        }
        if (!c.isNull()) {
            takeLineBreak();
        }
        fields.resize(count);
        return true;
    }
}

QString CsvReader::encodingName() const
{
    const char *name = m_decoder.name();
    return name ? QString::fromLatin1(name) : QStringLiteral("text");
}

} // namespace Gavel::Models
