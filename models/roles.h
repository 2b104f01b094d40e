#pragma once

#include <Qt>

namespace Gavel::Models {

/// The custom item roles of every Gavel model. Display text stays in Qt::DisplayRole;
/// the raw values behind it (for sorting, filtering and navigation) are here.
enum Role : int {
    IdRole = Qt::UserRole + 1, ///< qint64: the row's local id (customer, lot, invoice…)
    SortRole,                  ///< the raw value the column sorts by (epoch, minor units, folded text)
    CustomerNoRole,            ///< QString: the customer's Customer ID
    MoneyMinorRole,            ///< qint64: an amount in minor units
    CurrencyRole,              ///< QString: ISO 4217 code of MoneyMinorRole
    TimestampRole,             ///< QDateTime (UTC) of the row
    VipRole,                   ///< bool: the customer is a VIP
    ReasonsRole,               ///< QStringList: why a lot was recommended, largest part first
};

} // namespace Gavel::Models
