#pragma once

#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QString>

namespace Gavel::Models {

/// "9 March 1971" (en_GB), "March 9, 1971" (en_US), "9. März 1971" (de): the locale's long
/// date without the weekday, readable at a glance in a sidebar or a table.
QString formatDate(const QDate &date, const QLocale &locale = QLocale());
/// The date as formatDate() and the time in the locale's short format, in local time.
QString formatDateTime(const QDateTime &time, const QLocale &locale = QLocale());
/// The country's name in the user's language for an ISO 3166 code ("DK" → "Denmark").
QString countryName(const QString &isoCode);
/// The language's name for a BCP 47 tag ("fr-CH" → "French").
QString languageName(const QString &tag);

} // namespace Gavel::Models
