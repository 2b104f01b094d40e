#pragma once

#include "result.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QString>

class QIODevice;

namespace Gavel::Models {

/// Writes one JSON document to a device piece by piece, so that a document far larger than
/// memory (a customer's whole timeline) never exists in one piece. QJsonDocument can only
/// serialise what it holds in full.
///
/// Containers are Indented (one member a line) or Inline (all on one line, for rows: one
/// row a line keeps a long export readable and easy to compare). Output is UTF-8 and
/// buffered; a failed write is remembered, everything after it is dropped, and finish()
/// reports it. The caller must balance begin…/end() and put key() before each member of an
/// object; that is checked by assertions only.
class JsonStreamWriter final
{
public:
    enum class Layout
    {
        Indented, ///< each member on its own line, indented by four spaces a level
        Inline,   ///< the whole container, and all it holds, on one line
    };

    explicit JsonStreamWriter(QIODevice &device);
    JsonStreamWriter(const JsonStreamWriter &) = delete;
    JsonStreamWriter &operator=(const JsonStreamWriter &) = delete;

    void beginObject(Layout layout = Layout::Indented);
    void beginArray(Layout layout = Layout::Indented);
    /// Closes the innermost open object or array.
    void end();
    /// The name of the next member of the current object.
    void key(const QString &name);
    /// A scalar, or an object or array written in full in the current layout
    /// (QJsonObject's members in its own, alphabetical, order).
    void value(const QJsonValue &value);
    void member(const QString &name, const QJsonValue &value)
    {
        key(name);
        this->value(value);
    }

    /// Whether a write has failed; nothing more is written after that.
    bool failed() const { return !m_error.isEmpty(); }
    /// Why the first failed write failed, in the device's words; empty while none has.
    QString errorString() const { return m_error; }
    /// Writes what is buffered and flushes a file's own buffer, where a full disk shows.
    /// Fails with the device's own words ("No space left on device") if any write failed.
    Status finish();

private:
    struct Level
    {
        bool object = false;
        bool inlineLayout = false;
        int members = 0;
    };

    void beforeValue();
    /// The comma and line break before the next member of the innermost container.
    void separate();
    void open(char bracket, bool object, Layout layout);
    void writeValue(const QJsonValue &value);
    void writeString(const QString &text);
    void newline(qsizetype depth);
    void flushBuffer();

    QIODevice &m_device;
    QByteArray m_buffer;
    QList<Level> m_levels;
    bool m_afterKey = false;
    QString m_error;
};

} // namespace Gavel::Models
