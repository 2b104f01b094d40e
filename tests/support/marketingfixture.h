#pragma once

#include "database.h"

#include <QString>

namespace Gavel::Tests {

/// A small house for the profile's Invoices and Marketing tabs (marketingfixture.cpp lists
/// what each customer has): customer A has something in every block, B shares sales,
/// campaigns and polls with A and must never show in A's lists, and C has only a landline.
struct MarketingFixture
{
    qint64 a = 0;
    qint64 b = 0;
    qint64 c = 0; ///< phone only, no SMS number

    qint64 london = 0;   ///< saleroom "LDN"
    qint64 platform = 0; ///< bidding platform "TSR"
    qint64 shop = 0;     ///< shop "SHP"
    qint64 sale1 = 0;
    qint64 sale2 = 0;

    qint64 inv1 = 0; ///< A, sale 1 at London, registered through the platform, paid
    qint64 inv2 = 0; ///< A, sale 2 at London, issued (newest sale invoice)
    qint64 inv3 = 0; ///< A, shop, cancelled
    qint64 inv4 = 0; ///< A, shop, paid (the newest)
    qint64 invB = 0; ///< B's

    qint64 sentCampaign = 0;    ///< e-mail "Spring Sale Preview": A opened twice and clicked
    qint64 controlCampaign = 0; ///< e-mail "Autumn Highlights": A held back in the control group
    qint64 smsCampaign = 0;     ///< SMS "Viewing Reminder": A sent, not opened

    qint64 poll = 0;        ///< two questions; A, B and C answered
    qint64 otherPoll = 0;   ///< nobody answered

    qint64 newsletter = 0;  ///< subscription category ids (of migration 1)
    qint64 saleAlerts = 0;
    qint64 offers = 0;

    QString build(Models::Database &database);
};

} // namespace Gavel::Tests
