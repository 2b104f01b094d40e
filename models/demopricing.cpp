#include "demopricing.h"

#include <algorithm>
#include <array>

namespace Gavel::Models::Demo {

namespace {

constexpr std::array<Pricing::Estimate, 36> kBands = {{
    {100, 150},       {150, 200},        {200, 300},         {300, 500},         {400, 600},         {500, 700},
    {600, 800},       {800, 1200},       {1000, 1500},       {1500, 2000},       {2000, 3000},       {3000, 5000},
    {4000, 6000},     {5000, 7000},      {6000, 8000},       {8000, 12000},      {10000, 15000},     {15000, 20000},
    {20000, 30000},   {30000, 50000},    {40000, 60000},     {50000, 70000},     {60000, 80000},     {80000, 120000},
    {100000, 150000}, {150000, 200000},  {200000, 300000},   {300000, 500000},   {400000, 600000},   {500000, 700000},
    {600000, 800000}, {800000, 1200000}, {1000000, 1500000}, {1500000, 2000000}, {2000000, 3000000}, {3000000, 5000000},
}};

/// The next bid after `pounds`, as London salerooms call them: steps of 10 % or so, and
/// the "2-5-8" pattern between round thousands.
qint64 nextStep(qint64 pounds)
{
    const auto twoFiveEight = [](qint64 value, qint64 unit) {
        // Within each multiple of 10 units: 0, 2, 5, 8 units.
        const qint64 decade = value / (10 * unit) * (10 * unit);
        const qint64 within = value - decade;
        if (within < 2 * unit) {
            return decade + 2 * unit;
        }
        if (within < 5 * unit) {
            return decade + 5 * unit;
        }
        if (within < 8 * unit) {
            return decade + 8 * unit;
        }
        return decade + 10 * unit;
    };
    if (pounds < 200) {
        return pounds + 10;
    }
    if (pounds < 1000) {
        return pounds + 50;
    }
    if (pounds < 2000) {
        return pounds + 100;
    }
    if (pounds < 10000) {
        return twoFiveEight(pounds, 100);
    }
    if (pounds < 20000) {
        return pounds + 1000;
    }
    if (pounds < 100000) {
        return twoFiveEight(pounds, 1000);
    }
    if (pounds < 200000) {
        return pounds + 10000;
    }
    if (pounds < 1000000) {
        return twoFiveEight(pounds, 10000);
    }
    return twoFiveEight(pounds, 100000);
}

} // namespace

int Pricing::bandCount()
{
    return static_cast<int>(kBands.size());
}

Pricing::Estimate Pricing::band(int index)
{
    return kBands[static_cast<std::size_t>(clampBand(index))];
}

int Pricing::clampBand(int index)
{
    return std::clamp(index, 0, bandCount() - 1);
}

const std::vector<qint64> &Pricing::ladder()
{
    static const std::vector<qint64> steps = [] {
        std::vector<qint64> list;
        for (qint64 value = 20; value <= 8000000; value = nextStep(value)) {
            list.push_back(value);
        }
        return list;
    }();
    return steps;
}

qint64 Pricing::step(int index)
{
    const std::vector<qint64> &steps = ladder();
    return steps[static_cast<std::size_t>(std::clamp(index, 0, static_cast<int>(steps.size()) - 1))];
}

int Pricing::stepCount()
{
    return static_cast<int>(ladder().size());
}

int Pricing::floorStep(qint64 pounds)
{
    const std::vector<qint64> &steps = ladder();
    const auto above = std::upper_bound(steps.begin(), steps.end(), pounds);
    return above == steps.begin() ? 0 : static_cast<int>(above - steps.begin()) - 1;
}

qint64 Pricing::premium(qint64 hammerMinor, int premiumBp)
{
    return (hammerMinor * premiumBp + 5000) / 10000;
}

qint64 Pricing::vat(qint64 netMinor)
{
    return (netMinor * 2000 + 5000) / 10000;
}

} // namespace Gavel::Models::Demo
