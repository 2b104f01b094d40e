#include "punycode.h"

#include <QList>

#include <limits>

namespace Gavel::Models::Punycode {

namespace {

// The parameters of RFC 3492, section 5.
constexpr quint32 kBase = 36;
constexpr quint32 kTMin = 1;
constexpr quint32 kTMax = 26;
constexpr quint32 kSkew = 38;
constexpr quint32 kDamp = 700;
constexpr quint32 kInitialBias = 72;
constexpr quint32 kInitialN = 0x80;
constexpr quint32 kMaxInt = std::numeric_limits<quint32>::max();

quint32 adapt(quint32 delta, quint32 points, bool first)
{
    delta = first ? delta / kDamp : delta / 2;
    delta += delta / points;
    quint32 k = 0;
    while (delta > ((kBase - kTMin) * kTMax) / 2) {
        delta /= kBase - kTMin;
        k += kBase;
    }
    return k + (kBase - kTMin + 1) * delta / (delta + kSkew);
}

char16_t digitChar(quint32 digit)
{
    return digit < 26 ? char16_t(u'a' + digit) : char16_t(u'0' + (digit - 26));
}

std::optional<quint32> digitValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9') {
        return u - u'0' + 26;
    }
    if (u >= u'a' && u <= u'z') {
        return u - u'a';
    }
    if (u >= u'A' && u <= u'Z') {
        return u - u'A';
    }
    return std::nullopt;
}

quint32 threshold(quint32 k, quint32 bias)
{
    if (k <= bias) {
        return kTMin;
    }
    if (k >= bias + kTMax) {
        return kTMax;
    }
    return k - bias;
}

} // namespace

std::optional<QString> encode(QStringView label)
{
    const QList<uint> input = label.toUcs4();
    QString output;
    for (const uint c : input) {
        if (c < kInitialN) {
            output += QChar(char16_t(c));
        }
    }
    const quint32 basic = quint32(output.size());
    quint32 handled = basic;
    if (basic > 0) {
        output += u'-';
    }
    quint32 n = kInitialN;
    quint32 delta = 0;
    quint32 bias = kInitialBias;
    while (handled < quint32(input.size())) {
        quint32 m = kMaxInt;
        for (const uint c : input) {
            if (c >= n && c < m) {
                m = c;
            }
        }
        if (m - n > (kMaxInt - delta) / (handled + 1)) {
            return std::nullopt;
        }
        delta += (m - n) * (handled + 1);
        n = m;
        for (const uint c : input) {
            if (c < n && ++delta == 0) {
                return std::nullopt;
            }
            if (c == n) {
                quint32 q = delta;
                for (quint32 k = kBase;; k += kBase) {
                    const quint32 t = threshold(k, bias);
                    if (q < t) {
                        break;
                    }
                    output += QChar(digitChar(t + (q - t) % (kBase - t)));
                    q = (q - t) / (kBase - t);
                }
                output += QChar(digitChar(q));
                bias = adapt(delta, handled + 1, handled == basic);
                delta = 0;
                ++handled;
            }
        }
        ++delta;
        ++n;
    }
    return output;
}

std::optional<QString> decode(QStringView encoded)
{
    QList<uint> output;
    const qsizetype delimiter = encoded.lastIndexOf(u'-');
    qsizetype in = 0;
    if (delimiter > 0) {
        for (qsizetype i = 0; i < delimiter; ++i) {
            if (encoded.at(i).unicode() >= kInitialN) {
                return std::nullopt;
            }
            output << encoded.at(i).unicode();
        }
        in = delimiter + 1;
    }
    quint32 n = kInitialN;
    quint32 i = 0;
    quint32 bias = kInitialBias;
    while (in < encoded.size()) {
        const quint32 oldi = i;
        quint32 w = 1;
        for (quint32 k = kBase;; k += kBase) {
            if (in >= encoded.size()) {
                return std::nullopt; // the last code point is incomplete
            }
            const auto digit = digitValue(encoded.at(in++));
            if (!digit || *digit > (kMaxInt - i) / w) {
                return std::nullopt;
            }
            i += *digit * w;
            const quint32 t = threshold(k, bias);
            if (*digit < t) {
                break;
            }
            if (w > kMaxInt / (kBase - t)) {
                return std::nullopt;
            }
            w *= kBase - t;
        }
        const quint32 length = quint32(output.size()) + 1;
        bias = adapt(i - oldi, length, oldi == 0);
        if (i / length > kMaxInt - n) {
            return std::nullopt;
        }
        n += i / length;
        i %= length;
        if (n > 0x10FFFF || (n >= 0xD800 && n <= 0xDFFF)) {
            return std::nullopt;
        }
        output.insert(i, n);
        ++i;
    }
    return QString::fromUcs4(reinterpret_cast<const char32_t *>(output.constData()), output.size());
}

} // namespace Gavel::Models::Punycode
