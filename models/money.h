#pragma once

#include <QLocale>
#include <QString>

namespace Gavel::Models {

/// Digits after the decimal point for an ISO 4217 currency (0 for JPY, 2 for most).
int currencyDecimals(const QString &currency);

/// "£12,500" or "£12,500.50" in the user's locale: the minor part is shown only when
/// there is one, as auction estimates and hammer prices are whole amounts.
QString formatMoney(qint64 minorUnits, const QString &currency, const QLocale &locale = QLocale());

/// "£8,000–12,000", an estimate range; a single figure when only one end is known.
QString formatEstimate(qint64 lowMinor, qint64 highMinor, const QString &currency, const QLocale &locale = QLocale());

/// The symbol used for a currency in this locale ("£", "€", "CHF").
QString currencySymbol(const QString &currency, const QLocale &locale = QLocale());

} // namespace Gavel::Models
