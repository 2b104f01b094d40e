#pragma once

#include <QString>
#include <QtGlobal>

#include <array>
#include <vector>

namespace Gavel::Models {

/// A small, fast pseudo-random generator (xoshiro256**, seeded through splitmix64) whose
/// numbers are the same on every platform, compiler and standard library: generated data
/// (the demo house) must be identical for the same seed everywhere. That is why this exists
/// instead of std::uniform_*_distribution (whose algorithms differ between libraries) or
/// QRandomGenerator's shared global instance (seeded per process). All helpers use integer
/// arithmetic only, except unit(), which is exact (53 random bits scaled by a power of two).
class SeededRandom final
{
public:
    explicit SeededRandom(quint64 seed);

    /// An independent stream for one part of a whole (customer 42, sale 7…), so that the part
    /// can be generated again, alone, without replaying everything before it.
    static SeededRandom derived(quint64 seed, quint64 a, quint64 b = 0, quint64 c = 0);

    /// 64 random bits.
    quint64 next();
    /// Uniform in [0, bound); bound must be > 0. Unbiased (rejection sampling).
    quint64 below(quint64 bound);
    /// Uniform in [low, high], both included; high >= low.
    qint64 between(qint64 low, qint64 high);
    /// True with the probability permille / 1000.
    bool chance(int permille) { return below(1000) < static_cast<quint64>(qMax(0, permille)); }
    /// Uniform in [0, 1) with 53 random bits.
    double unit();
    /// An index chosen with probability proportional to its non-negative weight; the weights
    /// must not all be zero.
    int weighted(const int *weights, int count);
    template<typename Container>
    int weighted(const Container &weights)
    {
        return weighted(weights.data(), static_cast<int>(weights.size()));
    }
    /// One element, uniformly; the container must not be empty.
    template<typename Container>
    const auto &pick(const Container &items)
    {
        return items[static_cast<qsizetype>(below(static_cast<quint64>(items.size())))];
    }
    /// Fisher–Yates, the same permutation everywhere.
    template<typename T>
    void shuffle(std::vector<T> &items)
    {
        for (std::size_t i = items.size(); i > 1; --i) {
            std::swap(items[i - 1], items[below(i)]);
        }
    }
    /// A version 4 UUID made of this generator's bits ("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx").
    QString uuid();

    /// The splitmix64 finaliser: a bijective 64-bit mix, for deriving seeds and keys.
    static quint64 mix(quint64 value);

private:
    std::array<quint64, 4> m_state;
};

} // namespace Gavel::Models
