#pragma once

#include <QtGlobal>

#include <vector>

namespace Gavel::Models::Demo {

/// The demo house's money rules, in whole pounds: estimate bands, the auctioneer's bid
/// ladder, reserves, buyer's premium and VAT. Integer arithmetic only, so every platform
/// computes the same figures.
class Pricing final
{
public:
    struct Estimate
    {
        qint64 low;
        qint64 high;
    };

    /// The estimates a cataloguer writes, in round figures from £100–150 to £3–5m.
    static int bandCount();
    static Estimate band(int index);
    static int clampBand(int index);

    /// The auctioneer's increments (£50 to £1,000, then £100, 2-5-8 steps…), as a ladder of
    /// every amount that can be bid.
    static qint64 step(int index);
    static int stepCount();
    /// The highest ladder index whose amount is at most `pounds` (0 for less than the first).
    static int floorStep(qint64 pounds);

    /// Buyer's premium on a hammer price (minor units), rounded half up.
    static qint64 premium(qint64 hammerMinor, int premiumBp);
    /// VAT at 20 % on a premium or a price (minor units), rounded half up.
    static qint64 vat(qint64 netMinor);

private:
    static const std::vector<qint64> &ladder();
};

} // namespace Gavel::Models::Demo
