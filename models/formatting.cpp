#include "formatting.h"

#include <QRegularExpression>

namespace Gavel::Models {

namespace {

QString dateFormatWithoutWeekday(const QLocale &locale)
{
    QString format = locale.dateFormat(QLocale::LongFormat);
    // Drop the weekday and the separator that follows or precedes it ("dddd, d MMMM yyyy").
    static const QRegularExpression weekday(QStringLiteral("\\s*dddd[,.]?\\s*|[,.]?\\s*dddd"));
    format.remove(weekday);
    return format.trimmed();
}

} // namespace

QString formatDate(const QDate &date, const QLocale &locale)
{
    if (!date.isValid()) {
        return {};
    }
    return locale.toString(date, dateFormatWithoutWeekday(locale));
}

QString formatDateTime(const QDateTime &time, const QLocale &locale)
{
    if (!time.isValid()) {
        return {};
    }
    const QDateTime local = time.toLocalTime();
    return formatDate(local.date(), locale) + u' ' + locale.toString(local.time(), QLocale::ShortFormat);
}

QString countryName(const QString &isoCode)
{
    if (isoCode.isEmpty()) {
        return {};
    }
    const QLocale::Territory territory = QLocale::codeToTerritory(isoCode);
    return territory == QLocale::AnyTerritory ? isoCode : QLocale::territoryToString(territory);
}

QString languageName(const QString &tag)
{
    if (tag.isEmpty()) {
        return {};
    }
    const QLocale::Language language = QLocale::codeToLanguage(QString(tag).section(u'-', 0, 0));
    return language == QLocale::AnyLanguage ? tag : QLocale::languageToString(language);
}

} // namespace Gavel::Models
