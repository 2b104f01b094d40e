#pragma once

#include "database.h"

#include <QString>

namespace Gavel::Tests {

/// A small house for recommendation tests, dated around `now`:
///
/// - Paintings (categories Landscapes, Portraits) and Silver (Spoons); tags Sea, Horse, Winter.
/// - Past sale P1 "Autumn Paintings" (closed, 200 days ago): L101 "Boats in a harbour at dusk"
///   and L102 "Coast with fishing boats" by Anna Marsh (Sea), L103 "Grey horse" by Carl Stubb
///   (Horse).
/// - Upcoming sale U1 "Winter Paintings" (in 10 days): lot 1 "Fishing boats off the coast"
///   (Anna Marsh, Sea, £2,000–3,000), lot 2 "A bay horse in a paddock" (Horse), lot 3
///   "Skaters on a frozen pond" (Winter), lot 4 "Portrait of a lady" (Anna Marsh, £20,000),
///   lot 5 withdrawn. Upcoming sale U2 "Silver" (in 30 days): lot 1 "Six apostle spoons".
/// - Customer A (C1, Alice Avery): registered to Paintings; bid on L101 (won, £1,800) and
///   L102 (£2,400); wishlisted U1 lot 1.
/// - Customer B (C2, Bruno Berg): bid on L102 and L103; wishlisted U1 lot 2 (so lot 2 is
///   wishlisted by a collector who bid on the same lots as A).
/// - Customer N (C3, Nina New): no history at all.
struct RecommendationFixture
{
    qint64 now = 0;
    qint64 a = 0;
    qint64 b = 0;
    qint64 newcomer = 0;
    qint64 paintings = 0;
    qint64 silver = 0;
    qint64 sea = 0;
    qint64 horse = 0;
    qint64 winter = 0;
    qint64 pastSale = 0;
    qint64 upcoming = 0;      ///< U1, the next sale
    qint64 laterSale = 0;     ///< U2
    qint64 boats = 0;         ///< U1 lot 1
    qint64 horseLot = 0;      ///< U1 lot 2
    qint64 skaters = 0;       ///< U1 lot 3
    qint64 portrait = 0;      ///< U1 lot 4
    qint64 withdrawn = 0;     ///< U1 lot 5

    /// Builds the house; returns what went wrong, or an empty string.
    QString build(Models::Database &database, qint64 now);
    /// Sets (or adds) a customer's tag in a state ('optional', 'active', 'starred', 'removed').
    static QString setTag(Models::Database &database, qint64 customer, qint64 tag, const QString &state);
};

} // namespace Gavel::Tests
