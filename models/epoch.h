#pragma once

#include <QDate>
#include <QDateTime>
#include <QTimeZone>
#include <QVariant>

namespace Gavel::Models {

/// Times are stored as seconds since the epoch (UTC); 0 or NULL means "none".
inline QDateTime fromEpoch(qint64 seconds)
{
    return seconds == 0 ? QDateTime() : QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc());
}

inline QDateTime fromEpoch(const QVariant &value)
{
    return value.isNull() ? QDateTime() : fromEpoch(value.toLongLong());
}

inline qint64 toEpoch(const QDateTime &time)
{
    return time.isValid() ? time.toSecsSinceEpoch() : 0;
}

/// Calendar dates are stored as 'YYYY-MM-DD' text; empty means "none".
inline QString toIsoDate(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

inline QDate fromIsoDate(const QString &text)
{
    return text.isEmpty() ? QDate() : QDate::fromString(text, Qt::ISODate);
}

} // namespace Gavel::Models
