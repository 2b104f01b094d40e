#include "seededrandom.h"

namespace Gavel::Models {

namespace {

constexpr quint64 kGolden = 0x9E3779B97F4A7C15ULL;

constexpr quint64 rotl(quint64 x, int k)
{
    return (x << k) | (x >> (64 - k));
}

} // namespace

quint64 SeededRandom::mix(quint64 z)
{
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

SeededRandom::SeededRandom(quint64 seed)
{
    // splitmix64 fills the state, as the xoshiro authors recommend; it never yields the
    // all-zero state that xoshiro cannot leave.
    quint64 s = seed;
    for (quint64 &word : m_state) {
        s += kGolden;
        word = mix(s);
    }
}

SeededRandom SeededRandom::derived(quint64 seed, quint64 a, quint64 b, quint64 c)
{
    quint64 s = mix(seed + kGolden);
    s = mix(s ^ (a + 0x632BE59BD9B4E019ULL));
    s = mix(s ^ (b + 0x8CB92BA72F3D8DD7ULL));
    s = mix(s ^ (c + 0xD1B54A32D192ED03ULL));
    return SeededRandom(s);
}

quint64 SeededRandom::next()
{
    const quint64 result = rotl(m_state[1] * 5, 7) * 9;
    const quint64 t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = rotl(m_state[3], 45);
    return result;
}

quint64 SeededRandom::below(quint64 bound)
{
    Q_ASSERT(bound > 0);
    // Reject the few values at the bottom that would make some remainders more likely.
    const quint64 threshold = (0 - bound) % bound;
    for (;;) {
        const quint64 r = next();
        if (r >= threshold) {
            return r % bound;
        }
    }
}

qint64 SeededRandom::between(qint64 low, qint64 high)
{
    Q_ASSERT(high >= low);
    const quint64 span = static_cast<quint64>(high) - static_cast<quint64>(low);
    if (span == ~quint64(0)) {
        return static_cast<qint64>(next());
    }
    return static_cast<qint64>(static_cast<quint64>(low) + below(span + 1));
}

double SeededRandom::unit()
{
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

int SeededRandom::weighted(const int *weights, int count)
{
    quint64 total = 0;
    for (int i = 0; i < count; ++i) {
        total += static_cast<quint64>(qMax(0, weights[i]));
    }
    Q_ASSERT(total > 0);
    quint64 r = below(total);
    for (int i = 0; i < count; ++i) {
        const quint64 w = static_cast<quint64>(qMax(0, weights[i]));
        if (r < w) {
            return i;
        }
        r -= w;
    }
    return count - 1;
}

QString SeededRandom::uuid()
{
    quint64 high = next();
    quint64 low = next();
    high = (high & ~0xF000ULL) | 0x4000ULL;                      // version 4
    low = (low & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL; // RFC 4122 variant
    static const char digits[] = "0123456789abcdef";
    QString text(36, u'-');
    QChar *out = text.data();
    int position = 0;
    const auto put = [&](quint64 word, int nibbles) {
        for (int i = nibbles - 1; i >= 0; --i) {
            if (position == 8 || position == 13 || position == 18 || position == 23) {
                ++position;
            }
            out[position++] = QLatin1Char(digits[(word >> (i * 4)) & 0xF]);
        }
    };
    put(high, 16);
    put(low, 16);
    return text;
}

} // namespace Gavel::Models
