#include "money.h"

#include <cmath>

namespace Gavel::Models {

int currencyDecimals(const QString &currency)
{
    static const QStringList zeroDecimal = {QStringLiteral("JPY"), QStringLiteral("KRW"), QStringLiteral("ISK"),
                                            QStringLiteral("CLP"), QStringLiteral("VND")};
    return zeroDecimal.contains(currency) ? 0 : 2;
}

QString currencySymbol(const QString &currency, const QLocale &locale)
{
    if (locale.currencySymbol(QLocale::CurrencyIsoCode) == currency) {
        return locale.currencySymbol(QLocale::CurrencySymbol);
    }
    struct Known
    {
        const char16_t *code;
        const char16_t *symbol;
    };
    static constexpr Known known[] = {
        {u"GBP", u"£"}, {u"EUR", u"€"}, {u"USD", u"US$"}, {u"JPY", u"¥"}, {u"HKD", u"HK$"}, {u"CNY", u"CN¥"},
    };
    for (const Known &k : known) {
        if (currency == QStringView(k.code)) {
            return QString::fromUtf16(k.symbol);
        }
    }
    return currency;
}

namespace {

QString formatAmount(qint64 minorUnits, const QString &currency, const QLocale &locale, const QString &symbol)
{
    const int decimals = currencyDecimals(currency);
    const qint64 scale = decimals == 0 ? 1 : 100;
    const bool whole = minorUnits % scale == 0;
    const double value = static_cast<double>(minorUnits) / static_cast<double>(scale);
    return locale.toCurrencyString(value, symbol, whole ? 0 : decimals);
}

} // namespace

QString formatMoney(qint64 minorUnits, const QString &currency, const QLocale &locale)
{
    return formatAmount(minorUnits, currency, locale, currencySymbol(currency, locale));
}

QString formatEstimate(qint64 lowMinor, qint64 highMinor, const QString &currency, const QLocale &locale)
{
    if (lowMinor <= 0 && highMinor <= 0) {
        return {};
    }
    if (lowMinor <= 0 || highMinor <= 0 || lowMinor == highMinor) {
        return formatMoney(lowMinor > 0 ? lowMinor : highMinor, currency, locale);
    }
    const int decimals = currencyDecimals(currency);
    const qint64 scale = decimals == 0 ? 1 : 100;
    const QString high = locale.toString(static_cast<double>(highMinor) / static_cast<double>(scale), 'f',
                                         highMinor % scale == 0 ? 0 : decimals);
    return formatMoney(lowMinor, currency, locale) + u'–' + high;
}

} // namespace Gavel::Models
