#pragma once

#include <QDate>
#include <QDateTime>
#include <QTimeZone>

namespace Gavel::Models {

/// Computed figures (days since, RFM, balances) are reckoned "as of" a calendar day: they
/// count what happened up to the end of that day (UTC) and measure days from it. Both the
/// profile (today) and `--as-of YYYY-MM-DD` (exports, tests) go through these.
struct AsOf
{
    QDate day;

    /// `day`, or today (UTC) when it is invalid.
    static AsOf resolve(QDate day) { return {day.isValid() ? day : QDateTime::currentDateTimeUtc().date()}; }

    /// The first second after the day: rows with a time before it count.
    qint64 endEpoch() const { return QDateTime(day.addDays(1), QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch(); }
    /// Days since 1970-01-01 (UTC); a time's day number is epoch / 86400.
    qint64 dayNumber() const { return QDateTime(day, QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch() / kDaySeconds; }
    /// Whole calendar days from the day of `epoch` to the as-of day (0 on the same day).
    qint64 daysSince(qint64 epoch) const { return dayNumber() - floorDiv(epoch, kDaySeconds); }

    static constexpr qint64 kDaySeconds = 86400;

private:
    static qint64 floorDiv(qint64 a, qint64 b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0); }
};

} // namespace Gavel::Models
