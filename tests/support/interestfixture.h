#pragma once

#include "database.h"

#include <QDate>
#include <QString>

namespace Gavel::Tests {

/// A small house whose interest scores are worked out by hand in interestfixture.cpp (the
/// arithmetic is in the comments there). Every signal of customer A sits exactly one or two
/// half-lives (365 or 730 days) before the end of the as-of day, so the decays are ½ and ¼.
/// Customer B shares the lots and must never count for A; `empty` has nothing.
struct InterestFixture
{
    static QDate asOf() { return QDate(2024, 6, 30); }
    /// The first second after the as-of day (2024-07-01 00:00 UTC).
    static qint64 end();
    static constexpr qint64 kDay = 86400;

    qint64 a = 0;
    qint64 b = 0;
    qint64 empty = 0;
    qint64 oldMasters = 0; ///< "OM": Paintings, Drawings
    qint64 jewellery = 0;  ///< "JW": Rings
    qint64 paintings = 0;
    qint64 drawings = 0;
    qint64 rings = 0;
    qint64 l1 = 0; ///< OM Paintings, won by A
    qint64 l2 = 0; ///< OM Drawings, bid on by A, won by B
    qint64 l3 = 0; ///< JW Rings, wishlisted by A
    qint64 l4 = 0; ///< JW Rings, consigned by A
    qint64 oil = 0;      ///< tag on L1
    qint64 portrait = 0; ///< tag on L1 and L2
    qint64 gold = 0;     ///< tag on L3 and L4

    QString build(Models::Database &database);
    /// Adds A's recent website views and purchases ("Interest in categories").
    QString addRecent(Models::Database &database);
};

} // namespace Gavel::Tests
