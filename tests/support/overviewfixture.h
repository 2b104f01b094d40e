#pragma once

#include "database.h"

#include <QDate>
#include <QString>

namespace Gavel::Tests {

/// A small auction house whose Overview figures are worked out by hand in
/// overviewfixture.cpp (the arithmetic is in the comments there): customer A has something
/// in every figure, B shares sales and lots with A and must never show in A's figures, and
/// the empty customer has nothing at all. The house currency is GBP.
struct OverviewFixture
{
    /// The day every figure is reckoned as of.
    static QDate asOf() { return QDate(2024, 6, 30); }

    qint64 a = 0;
    qint64 b = 0;
    qint64 empty = 0;
    qint64 oldMasters = 0; ///< department "OM"
    qint64 jewellery = 0;  ///< department "JW"
    qint64 wine = 0;       ///< department "WN", no figures for anyone

    /// Builds the house into an empty database; returns what went wrong, or an empty string.
    QString build(Models::Database &database);
};

} // namespace Gavel::Tests
