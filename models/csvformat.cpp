#include "csvformat.h"

#include <QCoreApplication>

#include <array>

namespace Gavel::Models {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CsvFormat", text);
}

/// Whether `bytes` is well-formed UTF-8; a sequence cut off at the very end (the sample
/// ends mid-character) still counts as well-formed.
bool isUtf8(const QByteArray &bytes)
{
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype size = bytes.size();
    qsizetype i = 0;
    while (i < size) {
        const unsigned char c = data[i];
        int extra = 0;
        if (c < 0x80) {
            ++i;
            continue;
        }
        if ((c & 0xE0) == 0xC0 && c >= 0xC2) {
            extra = 1;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
        } else if ((c & 0xF8) == 0xF0 && c <= 0xF4) {
            extra = 3;
        } else {
            return false;
        }
        for (int k = 1; k <= extra; ++k) {
            if (i + k >= size) {
                return true;
            }
            if ((data[i + k] & 0xC0) != 0x80) {
                return false;
            }
        }
        i += extra + 1;
    }
    return true;
}

/// What a binary file most likely is, from its signature; empty when unknown.
QString binaryKind(const QByteArray &head)
{
    if (head.startsWith("PK\x03\x04")) {
        if (head.contains("xl/") || head.contains("[Content_Types].xml")) {
            return tr("an Excel workbook");
        }
        return tr("a ZIP archive");
    }
    if (head.startsWith("%PDF")) {
        return tr("a PDF document");
    }
    if (head.startsWith("\xD0\xCF\x11\xE0")) {
        return tr("an old Excel or Word document");
    }
    if (head.startsWith("SQLite format 3")) {
        return tr("a database file");
    }
    if (head.startsWith("\x89PNG") || head.startsWith("\xFF\xD8\xFF") || head.startsWith("GIF8")) {
        return tr("a picture");
    }
    return {};
}

/// How many times `delimiter` occurs outside quotes on each of the first lines.
QList<int> countsPerLine(const QByteArray &text, char delimiter, int maxLines)
{
    QList<int> counts;
    bool quoted = false;
    int count = 0;
    for (qsizetype i = 0; i < text.size() && counts.size() < maxLines; ++i) {
        const char c = text.at(i);
        if (c == '"') {
            quoted = !quoted;
        } else if (!quoted && c == delimiter) {
            ++count;
        } else if (!quoted && c == '\n') {
            counts << count;
            count = 0;
        }
    }
    if (count > 0 && counts.size() < maxLines) {
        counts << count;
    }
    return counts;
}

} // namespace

QStringDecoder CsvFormat::decoder() const
{
    if (encoding == Encoding::Windows1252) {
        QStringDecoder windows("windows-1252");
        if (windows.isValid()) {
            return windows;
        }
        return QStringDecoder(QStringConverter::Latin1);
    }
    return QStringDecoder(QStringConverter::Utf8);
}

QString CsvFormat::encodingName(Encoding encoding)
{
    return encoding == Encoding::Windows1252 ? QStringLiteral("Windows-1252") : QStringLiteral("UTF-8");
}

Result<CsvFormat::Encoding> CsvFormat::encodingFromName(const QString &name)
{
    const QString key = name.trimmed().toLower().remove(u'-').remove(u'_');
    if (key == u"utf8") {
        return Encoding::Utf8;
    }
    if (key == u"windows1252" || key == u"cp1252" || key == u"latin1" || key == u"iso88591" || key == u"ansi") {
        return Encoding::Windows1252;
    }
    return Error::make(ErrorKind::Invalid,
                       tr("“%1” is not an encoding Gavel reads; use utf-8 or windows-1252.").arg(name));
}

QString CsvFormat::delimiterName(QChar delimiter)
{
    if (delimiter == u',') {
        return tr("comma");
    }
    if (delimiter == u';') {
        return tr("semicolon");
    }
    if (delimiter == u'\t') {
        return tr("tab");
    }
    return QString(delimiter);
}

Result<QChar> CsvFormat::delimiterFromName(const QString &name)
{
    const QString key = name.trimmed().toLower();
    if (key == u"comma" || name == u",") {
        return QChar(u',');
    }
    if (key == u"semicolon" || name == u";") {
        return QChar(u';');
    }
    if (key == u"tab" || name == u"\t" || key == u"\\t") {
        return QChar(u'\t');
    }
    return Error::make(ErrorKind::Invalid,
                       tr("“%1” is not a delimiter Gavel reads; use comma, semicolon or tab.").arg(name));
}

Result<CsvFormat> CsvFormat::detect(const QByteArray &head, const QString &fileName)
{
    const auto notCsv = [&](const QString &why) {
        return Error::make(ErrorKind::Invalid,
                           tr("“%1” is not a CSV file (%2). Save it from your spreadsheet or platform as CSV "
                              "(comma-separated values) and import that file.")
                               .arg(fileName, why));
    };
    if (head.isEmpty()) {
        return Error::make(ErrorKind::Invalid, tr("“%1” is empty: there is nothing to import.").arg(fileName));
    }
    if (const QString kind = binaryKind(head); !kind.isEmpty()) {
        return notCsv(tr("it looks like %1").arg(kind));
    }
    CsvFormat format;
    QByteArray text = head;
    if (text.startsWith("\xEF\xBB\xBF")) {
        format.byteOrderMark = true;
        text.remove(0, 3);
    } else if (text.startsWith("\xFF\xFE") || text.startsWith("\xFE\xFF")) {
        return notCsv(tr("it is written as UTF-16; save it as UTF-8 CSV"));
    }
    // Text files have no NUL bytes and few control characters.
    int controls = 0;
    for (const char c : std::as_const(text)) {
        const auto u = static_cast<unsigned char>(c);
        if (u == 0) {
            return notCsv(tr("it holds binary data"));
        }
        if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            ++controls;
        }
    }
    if (controls > text.size() / 100 + 2) {
        return notCsv(tr("it holds binary data"));
    }
    format.encoding = format.byteOrderMark || isUtf8(text) ? Encoding::Utf8 : Encoding::Windows1252;

    // The delimiter that splits the first lines most consistently, preferring more fields.
    constexpr int kLines = 20;
    const std::array<char, 3> candidates = {',', ';', '\t'};
    int bestScore = -1;
    for (const char candidate : candidates) {
        const QList<int> counts = countsPerLine(text, candidate, kLines);
        if (counts.isEmpty() || counts.first() == 0) {
            continue;
        }
        int consistent = 0;
        for (const int count : counts) {
            if (count == counts.first()) {
                ++consistent;
            }
        }
        const int score = consistent * 1000 + counts.first();
        if (score > bestScore) {
            bestScore = score;
            format.delimiter = QChar(QLatin1Char(candidate));
        }
    }
    if (text.trimmed().startsWith('<') || text.trimmed().startsWith('{')) {
        if (bestScore < 0) {
            return notCsv(tr("it looks like a web page, XML or JSON"));
        }
    }
    return format;
}

} // namespace Gavel::Models
