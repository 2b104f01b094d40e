#include "jsonstreamwriter.h"

#include <QFileDevice>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QVariant>

#include <algorithm>
#include <cmath>
#include <iterator>

namespace Gavel::Models {

namespace {

// Large enough that a file sees few writes, small enough that memory stays flat.
constexpr qsizetype kFlushThreshold = qsizetype(64) * 1024;

struct ShortEscape
{
    char16_t character;
    const char *escaped;
};

// The two-character escapes JSON defines; other control characters become \u00XX.
constexpr ShortEscape kShortEscapes[] = {
    {u'"', "\\\""}, {u'\\', "\\\\"}, {u'\n', "\\n"}, {u'\r', "\\r"}, {u'\t', "\\t"}, {u'\b', "\\b"}, {u'\f', "\\f"},
};

bool needsEscape(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c == u'"' || c == u'\\') {
            return true;
        }
    }
    return false;
}

} // namespace

JsonStreamWriter::JsonStreamWriter(QIODevice &device) : m_device(device) {}

void JsonStreamWriter::beginObject(Layout layout)
{
    beforeValue();
    open('{', true, layout);
}

void JsonStreamWriter::beginArray(Layout layout)
{
    beforeValue();
    open('[', false, layout);
}

void JsonStreamWriter::open(char bracket, bool object, Layout layout)
{
    // Inside an inline container everything stays on its line.
    const bool inlineLayout = layout == Layout::Inline || (!m_levels.isEmpty() && m_levels.constLast().inlineLayout);
    m_buffer += bracket;
    m_levels.append(Level{object, inlineLayout, 0});
}

void JsonStreamWriter::end()
{
    Q_ASSERT(!m_levels.isEmpty() && !m_afterKey);
    const Level level = m_levels.takeLast();
    if (!level.inlineLayout && level.members > 0) {
        newline(m_levels.size());
    }
    m_buffer += level.object ? '}' : ']';
    if (m_levels.isEmpty()) {
        m_buffer += '\n';
    }
    if (m_buffer.size() >= kFlushThreshold) {
        flushBuffer();
    }
}

void JsonStreamWriter::key(const QString &name)
{
    Q_ASSERT(!m_levels.isEmpty() && m_levels.constLast().object && !m_afterKey);
    separate();
    writeString(name);
    m_buffer += ": ";
    m_afterKey = true;
}

void JsonStreamWriter::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false; // key() has already placed the separator
        return;
    }
    if (m_levels.isEmpty()) {
        return;
    }
    Q_ASSERT(!m_levels.constLast().object);
    separate();
}

void JsonStreamWriter::separate()
{
    Level &level = m_levels.last();
    if (level.members > 0) {
        m_buffer += level.inlineLayout ? ", " : ",";
    }
    if (!level.inlineLayout) {
        newline(m_levels.size());
    }
    ++level.members;
}

void JsonStreamWriter::value(const QJsonValue &value)
{
    beforeValue();
    writeValue(value);
    if (m_buffer.size() >= kFlushThreshold) {
        flushBuffer();
    }
}

void JsonStreamWriter::writeValue(const QJsonValue &value)
{
    const Layout layout = !m_levels.isEmpty() && m_levels.constLast().inlineLayout ? Layout::Inline : Layout::Indented;
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        m_buffer += "null";
        break;
    case QJsonValue::Bool:
        m_buffer += value.toBool() ? "true" : "false";
        break;
    case QJsonValue::Double: {
        // Qt 6 keeps integers as integers inside QJsonValue; written through a double they
        // would lose precision above 2^53.
        const QVariant number = value.toVariant();
        if (number.typeId() == QMetaType::LongLong) {
            m_buffer += QByteArray::number(number.toLongLong());
        } else if (std::isfinite(number.toDouble())) {
            m_buffer += QByteArray::number(number.toDouble(), 'g', QLocale::FloatingPointShortest);
        } else {
            m_buffer += "null"; // JSON has no NaN or infinity
        }
        break;
    }
    case QJsonValue::String:
        writeString(value.toString());
        break;
    case QJsonValue::Array: {
        open('[', false, layout);
        const QJsonArray array = value.toArray();
        for (const auto &element : array) {
            beforeValue();
            writeValue(element);
        }
        end();
        break;
    }
    case QJsonValue::Object: {
        open('{', true, layout);
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            key(it.key());
            beforeValue();
            writeValue(it.value());
        }
        end();
        break;
    }
    }
}

void JsonStreamWriter::writeString(const QString &text)
{
    m_buffer += '"';
    if (!needsEscape(text)) {
        m_buffer += text.toUtf8();
    } else {
        QString escaped;
        escaped.reserve(text.size() + 8);
        for (const QChar c : text) {
            const auto shortForm = std::find_if(std::begin(kShortEscapes), std::end(kShortEscapes),
                                                [c](const ShortEscape &escape) { return escape.character == c; });
            if (shortForm != std::end(kShortEscapes)) {
                escaped += QLatin1String(shortForm->escaped);
            } else if (c.unicode() < 0x20) {
                escaped += QStringLiteral("\\u%1").arg(int(c.unicode()), 4, 16, QLatin1Char('0'));
            } else {
                escaped += c;
            }
        }
        m_buffer += escaped.toUtf8();
    }
    m_buffer += '"';
}

void JsonStreamWriter::newline(qsizetype depth)
{
    m_buffer += '\n';
    m_buffer.append(depth * 4, ' ');
}

void JsonStreamWriter::flushBuffer()
{
    if (failed()) {
        m_buffer.clear(); // the output is broken already; writing more cannot mend it
        return;
    }
    if (m_buffer.isEmpty()) {
        return;
    }
    const qint64 written = m_device.write(m_buffer);
    if (written != m_buffer.size()) {
        m_error = m_device.errorString();
        if (m_error.isEmpty() || m_error == u"Unknown error") {
            m_error = QStringLiteral("only %1 of %2 bytes could be written")
                          .arg(qMax<qint64>(written, 0))
                          .arg(m_buffer.size());
        }
    }
    m_buffer.clear();
}

Status JsonStreamWriter::finish()
{
    flushBuffer();
    if (!failed()) {
        // QFile buffers too: a full disk often shows only when that buffer goes out.
        if (auto *file = qobject_cast<QFileDevice *>(&m_device); file && !file->flush()) {
            m_error = file->errorString();
        }
    }
    if (failed()) {
        return Error::make(ErrorKind::General, QStringLiteral("The output could not be written: %1.").arg(m_error));
    }
    return {};
}

} // namespace Gavel::Models
