#include "importvalues.h"

#include <QCryptographicHash>
#include <QDate>
#include <QDateTime>
#include <QRegularExpression>

namespace Gavel::Models::ImportValues {

namespace {

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil):
/// far cheaper than QDateTime for a million rows.
qint64 daysFromCivil(int y, int m, int d)
{
    y -= m <= 2 ? 1 : 0;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return qint64(era) * 146097 + doe - 719468;
}

bool digits(const QString &text, qsizetype at, qsizetype count, int &out)
{
    if (at + count > text.size()) {
        return false;
    }
    int value = 0;
    for (qsizetype i = at; i < at + count; ++i) {
        const QChar c = text.at(i);
        if (c < u'0' || c > u'9') {
            return false;
        }
        value = value * 10 + (c.unicode() - u'0');
    }
    out = value;
    return true;
}

QChar charAt(const QString &text, qsizetype at)
{
    return at < text.size() ? text.at(at) : QChar();
}

bool validDate(int y, int m, int d)
{
    return QDate::isValid(y, m, d) && y >= 1000 && y <= 9999;
}

struct Parsed
{
    int y = 0, m = 0, d = 0, hh = 0, mm = 0, ss = 0;
    int offsetSeconds = 0;
};

std::optional<Parsed> parse(const QString &raw)
{
    const QString text = raw.trimmed();
    Parsed p;
    qsizetype at = 0;
    if (digits(text, 0, 4, p.y) && text.size() >= 10 && text.at(4) == u'-' && digits(text, 5, 2, p.m) &&
        text.at(7) == u'-' && digits(text, 8, 2, p.d)) {
        at = 10;
    } else {
        // Day first: d/M/yyyy or dd.MM.yyyy.
        const qsizetype firstSep = text.indexOf(QRegularExpression(QStringLiteral("[/.]")));
        if (firstSep < 1 || firstSep > 2) {
            return std::nullopt;
        }
        const QChar sep = text.at(firstSep);
        const qsizetype secondSep = text.indexOf(sep, firstSep + 1);
        if (secondSep < firstSep + 2 || secondSep > firstSep + 3) {
            return std::nullopt;
        }
        if (!digits(text, 0, firstSep, p.d) || !digits(text, firstSep + 1, secondSep - firstSep - 1, p.m) ||
            !digits(text, secondSep + 1, 4, p.y)) {
            return std::nullopt;
        }
        at = secondSep + 5;
    }
    if (!validDate(p.y, p.m, p.d)) {
        return std::nullopt;
    }
    if (at < text.size()) {
        const QChar sep = text.at(at);
        if (sep != u' ' && sep != u'T') {
            return std::nullopt;
        }
        ++at;
        if (!digits(text, at, 2, p.hh) || charAt(text, at + 2) != u':' || !digits(text, at + 3, 2, p.mm)) {
            return std::nullopt;
        }
        at += 5;
        if (charAt(text, at) == u':') {
            if (!digits(text, at + 1, 2, p.ss)) {
                return std::nullopt;
            }
            at += 3;
        }
        if (charAt(text, at) == u'.') { // fractions of a second
            ++at;
            while (at < text.size() && text.at(at).isDigit()) {
                ++at;
            }
        }
        if (p.hh > 23 || p.mm > 59 || p.ss > 60) {
            return std::nullopt;
        }
        if (at < text.size()) {
            const QChar zone = text.at(at);
            if (zone == u'Z' && at + 1 == text.size()) {
                at += 1;
            } else if (zone == u'+' || zone == u'-') {
                int oh = 0;
                int om = 0;
                if (!digits(text, at + 1, 2, oh)) {
                    return std::nullopt;
                }
                qsizetype next = at + 3;
                if (charAt(text, next) == u':') {
                    ++next;
                }
                if (next < text.size() && !digits(text, next, 2, om)) {
                    return std::nullopt;
                }
                p.offsetSeconds = (zone == u'-' ? -1 : 1) * (oh * 3600 + om * 60);
                at = next < text.size() ? next + 2 : next;
            }
            if (at != text.size()) {
                return std::nullopt;
            }
        }
    }
    return p;
}

} // namespace

std::optional<qint64> money(const QString &raw, int decimals)
{
    qint64 scale = 1;
    for (int i = 0; i < decimals; ++i) {
        scale *= 10;
    }
    // Plain digits, the usual case in a big file: no copy. Up to 15 digits stays below the
    // limit the general path checks (2^50).
    if (!raw.isEmpty() && raw.size() <= 15) {
        qint64 whole = 0;
        bool plain = true;
        for (const QChar c : raw) {
            if (c < u'0' || c > u'9') {
                plain = false;
                break;
            }
            whole = whole * 10 + (c.unicode() - u'0');
        }
        if (plain) {
            return whole * scale;
        }
    }
    QString text;
    text.reserve(raw.size());
    bool negative = false;
    for (const QChar c : raw) {
        if (c.isDigit() || c == u'.' || c == u',') {
            text += c;
        } else if (c == u'-' || c == u'(') {
            negative = true;
        } else if (c.isLetter() || c.isSpace() || c.category() == QChar::Symbol_Currency || c == u')' || c == u'\'') {
            continue; // currency codes and symbols, thousands spaces and apostrophes
        } else {
            return std::nullopt;
        }
    }
    if (text.isEmpty()) {
        return std::nullopt;
    }
    // The last separator followed by 1–2 digits (or 3 with a dot and no other dot) is the
    // decimal point; every other separator groups thousands.
    qsizetype decimalAt = -1;
    const qsizetype lastSep = std::max(text.lastIndexOf(u'.'), text.lastIndexOf(u','));
    if (lastSep >= 0) {
        const qsizetype after = text.size() - lastSep - 1;
        const bool onlyOne = text.count(text.at(lastSep)) == 1;
        if (after >= 1 && after <= 2) {
            decimalAt = lastSep;
        } else if (after != 3 && onlyOne) {
            decimalAt = lastSep;
        }
    }
    qint64 whole = 0;
    qint64 fraction = 0;
    int fractionDigits = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (i == decimalAt || !c.isDigit()) {
            continue;
        }
        const int digit = c.unicode() - u'0';
        if (decimalAt >= 0 && i > decimalAt) {
            if (fractionDigits < decimals) {
                fraction = fraction * 10 + digit;
                ++fractionDigits;
            }
        } else {
            if (whole > (Q_INT64_C(1) << 50)) {
                return std::nullopt;
            }
            whole = whole * 10 + digit;
        }
    }
    while (fractionDigits < decimals) {
        fraction *= 10;
        ++fractionDigits;
    }
    const qint64 value = whole * scale + fraction;
    return negative ? -value : value;
}

std::optional<qint64> dateTime(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (const auto epoch = integer(trimmed); epoch && trimmed.size() >= 9) {
        return *epoch;
    }
    const auto parsed = parse(trimmed);
    if (!parsed) {
        return std::nullopt;
    }
    return daysFromCivil(parsed->y, parsed->m, parsed->d) * 86400 + parsed->hh * 3600 + parsed->mm * 60 + parsed->ss -
           parsed->offsetSeconds;
}

std::optional<QString> date(const QString &text)
{
    const auto parsed = parse(text);
    if (!parsed) {
        return std::nullopt;
    }
    return QDate(parsed->y, parsed->m, parsed->d).toString(Qt::ISODate);
}

std::optional<bool> flag(const QString &raw)
{
    const QString text = raw.trimmed().toLower();
    if (text == u"yes" || text == u"y" || text == u"true" || text == u"1" || text == u"x" || text == u"won" ||
        text == u"sold" || text == u"winner" || text == u"winning") {
        return true;
    }
    if (text.isEmpty() || text == u"no" || text == u"n" || text == u"false" || text == u"0" || text == u"lost" ||
        text == u"unsold") {
        return false;
    }
    return std::nullopt;
}

std::optional<qint64> integer(const QString &text)
{
    bool ok = false;
    const qint64 value = text.trimmed().toLongLong(&ok);
    return ok ? std::optional<qint64>(value) : std::nullopt;
}

bool looksLikeEmail(const QString &text)
{
    const qsizetype at = text.indexOf(u'@');
    if (at <= 0 || at != text.lastIndexOf(u'@') || at == text.size() - 1) {
        return false;
    }
    const qsizetype dot = text.lastIndexOf(u'.');
    if (dot < at + 2 || dot == text.size() - 1) {
        return false;
    }
    for (const QChar c : text) {
        if (c.isSpace() || c == u',' || c == u';') {
            return false;
        }
    }
    return true;
}

qint64 stableId(const QString &parts)
{
    const QByteArray hash = QCryptographicHash::hash(parts.toUtf8(), QCryptographicHash::Sha1);
    quint64 value = 0;
    for (int i = 0; i < 8; ++i) {
        value = (value << 8) | static_cast<unsigned char>(hash.at(i));
    }
    return static_cast<qint64>(value & 0x7FFFFFFFFFFFFFFFULL);
}

} // namespace Gavel::Models::ImportValues
