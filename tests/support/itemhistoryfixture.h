#pragma once

#include "database.h"

#include <QString>

namespace Gavel::Tests {

/// A small auction house for the Item History, worked out by hand in itemhistoryfixture.cpp
/// (the comment there lists every lot and how it ended for whom). Customer A has one lot of
/// every outcome; B, C and D bid against A and must never show in A's history. GBP.
struct ItemHistoryFixture
{
    qint64 a = 0, b = 0, c = 0, d = 0;
    qint64 oldMasters = 0, jewellery = 0; ///< departments
    qint64 s1 = 0, s2 = 0, s3 = 0;        ///< sales
    qint64 l1 = 0, l2 = 0, l3 = 0, l4 = 0, l5 = 0, l6 = 0, l7 = 0, l8 = 0, l9 = 0, l10 = 0, l11 = 0, l12 = 0,
           l13 = 0; ///< lots

    /// Builds the house into an empty database; returns what went wrong, or an empty string.
    QString build(Models::Database &database);
};

} // namespace Gavel::Tests
