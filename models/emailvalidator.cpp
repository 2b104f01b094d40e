#include "emailvalidator.h"

#include "punycode.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

#include <algorithm>
#include <string_view>

namespace Gavel::Models {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Gavel::Models::EmailValidator", text);
}

/// "… (1 character too many).", "… (3 characters too many).": spelt out, so that English
/// reads right without a translation file.
QString tooMany(const char *text, qsizetype excess)
{
    const QString amount = excess == 1 ? tr("1 character too many") : tr("%1 characters too many").arg(excess);
    return tr(text).arg(amount);
}

constexpr int kMaxLocalPart = 64; // RFC 5321 4.5.3.1.1
constexpr int kMaxLabel = 63;     // RFC 1035 2.3.4
constexpr int kMaxDomain = 253;   // RFC 1035, without the root's trailing period
constexpr int kMaxAddress = 254;  // RFC 5321 4.5.3.1.3: a path of 256 octets including < >

/// Code points, keeping a lone surrogate as itself (so that it is reported, not replaced).
QList<char32_t> codePoints(QStringView text)
{
    QList<char32_t> points;
    points.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            points << QChar::surrogateToUcs4(c, text.at(i + 1));
            ++i;
        } else {
            points << c.unicode();
        }
    }
    return points;
}

bool isAscii(char32_t c)
{
    return c < 0x80;
}

bool isAsciiLetterOrDigit(char32_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

/// RFC 5322 atext, the characters of an unquoted local part, and the period between atoms.
bool isLocalAscii(char32_t c)
{
    static constexpr std::u32string_view specials = U"!#$%&'*+-/=?^_`{|}~.";
    return isAsciiLetterOrDigit(c) || specials.find(c) != std::u32string_view::npos;
}

bool isDomainAscii(char32_t c)
{
    return isAsciiLetterOrDigit(c) || c == u'-' || c == u'.';
}

bool isMark(char32_t c)
{
    const QChar::Category category = QChar::category(c);
    return category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining ||
           category == QChar::Mark_Enclosing;
}

/// Characters that are legal in an international address but make it render as another
/// one, or not at all: non-ASCII controls, format characters (zero-width spaces, bidi
/// overrides), surrogates, private use, unassigned code points, separators other than the
/// ASCII space, and a combining mark with nothing to combine with. ASCII is judged by the
/// syntax rules instead.
bool isUnsafe(char32_t c, bool atStart)
{
    if (isAscii(c)) {
        return false;
    }
    switch (QChar::category(c)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
    case QChar::Separator_Space:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return true;
    default:
        return atStart && isMark(c);
    }
}

QString hexName(char32_t c)
{
    return QStringLiteral("U+%1").arg(quint32(c), 4, 16, QChar(u'0')).toUpper();
}

/// How a character is named in a message: "space", "line break", “!”, U+200B.
QString describe(char32_t c)
{
    if (c == u' ') {
        return tr("space");
    }
    if (c == u'\n' || c == u'\r') {
        return tr("line break");
    }
    if (c == u'\t') {
        return tr("tab");
    }
    if (c < 0x20 || c == 0x7f || isUnsafe(c, false) || isMark(c)) {
        return hexName(c);
    }
    return u'“' + QString::fromUcs4(&c, 1) + u'”';
}

QString describeAll(const QList<char32_t> &characters)
{
    QStringList names;
    QList<char32_t> seen;
    for (const char32_t c : characters) {
        if (!seen.contains(c)) {
            seen << c;
            names << describe(c);
        }
    }
    return names.join(QStringLiteral(", "));
}

EmailCheck invalid(EmailProblem problem, QString reason)
{
    EmailCheck check;
    check.status = EmailStatus::Invalid;
    check.problem = problem;
    check.reason = std::move(reason);
    return check;
}

std::optional<EmailCheck> checkUnsafe(QStringView part)
{
    QList<char32_t> unsafe;
    const QList<char32_t> points = codePoints(part);
    for (qsizetype i = 0; i < points.size(); ++i) {
        if (isUnsafe(points.at(i), i == 0)) {
            unsafe << points.at(i);
        }
    }
    if (unsafe.isEmpty()) {
        return std::nullopt;
    }
    return invalid(EmailProblem::UnsafeCharacter,
                   tr("It contains invisible or unsafe characters (%1) that make it look like another address.")
                       .arg(describeAll(unsafe)));
}

/// Checks the part before the @-sign; on success sets *nfc to its NFC form.
std::optional<EmailCheck> checkLocalPart(const QString &local, QString *nfc)
{
    if (local.isEmpty()) {
        return invalid(EmailProblem::MissingLocalPart, tr("There must be something before the @-sign."));
    }
    if (local.startsWith(u'"')) {
        return invalid(EmailProblem::QuotedLocalPart,
                       tr("Quotation marks before the @-sign are allowed by the e-mail standard, but mailing "
                          "services do not accept them."));
    }
    if (auto unsafe = checkUnsafe(local)) {
        return unsafe;
    }
    // Decomposed, so that look-alikes of forbidden ASCII (a Greek question mark for ";",
    // "≮" for "<") are caught as what they stand for.
    QList<char32_t> bad;
    for (const char32_t c : codePoints(local.normalized(QString::NormalizationForm_D))) {
        if (isAscii(c) && !isLocalAscii(c)) {
            bad << c;
        }
    }
    if (!bad.isEmpty()) {
        return invalid(
            EmailProblem::InvalidCharacter,
            tr("The part before the @-sign contains characters an address cannot have: %1.").arg(describeAll(bad)));
    }
    *nfc = local.normalized(QString::NormalizationForm_C);
    if (nfc->startsWith(u'.')) {
        return invalid(EmailProblem::DotPlacement, tr("An e-mail address cannot start with a period."));
    }
    if (nfc->endsWith(u'.')) {
        return invalid(EmailProblem::DotPlacement,
                       tr("An e-mail address cannot have a period immediately before the @-sign."));
    }
    if (nfc->contains(QStringLiteral(".."))) {
        return invalid(EmailProblem::DotPlacement, tr("An e-mail address cannot have two periods in a row."));
    }
    const qsizetype length = codePoints(*nfc).size();
    if (length > kMaxLocalPart) {
        return invalid(EmailProblem::TooLong, tooMany(QT_TRANSLATE_NOOP("Gavel::Models::EmailValidator",
                                                                        "The part before the @-sign is too long (%1)."),
                                                      length - kMaxLocalPart));
    }
    return std::nullopt;
}

/// The domain's characters one by one, as international domain names map them (full-width
/// letters, periods and hyphens to ASCII); reports characters that cannot be in a domain.
std::optional<EmailCheck> checkDomainCharacters(const QString &domain)
{
    QList<char32_t> bad;
    for (const char32_t c : codePoints(domain)) {
        if (isAscii(c)) {
            if (!isDomainAscii(c)) {
                bad << c;
            }
            continue;
        }
        const QString mapped = QString::fromUcs4(&c, 1).normalized(QString::NormalizationForm_KC);
        const QList<char32_t> mappedPoints = codePoints(mapped);
        const bool allAscii = std::all_of(mappedPoints.begin(), mappedPoints.end(), isAscii);
        if (allAscii) {
            // "．" and "ｅ" stand for "." and "e"; "⒈" would smuggle in a period, ";" (Greek
            // question mark) a semicolon.
            if (mappedPoints.size() == 1 && isDomainAscii(mappedPoints.first())) {
                continue;
            }
            bad << (mappedPoints.size() == 1 ? mappedPoints.first() : c);
            continue;
        }
        for (const char32_t m : mappedPoints) {
            const QChar::Category category = QChar::category(m);
            const bool letterOrDigit = (category >= QChar::Letter_Uppercase && category <= QChar::Letter_Other) ||
                                       category == QChar::Number_DecimalDigit || isMark(m);
            if (!letterOrDigit) {
                bad << c;
                break;
            }
        }
    }
    if (bad.isEmpty()) {
        return std::nullopt;
    }
    return invalid(EmailProblem::InvalidCharacter,
                   tr("The part after the @-sign contains characters a domain cannot have: %1.").arg(describeAll(bad)));
}

bool isReservedName(const QString &topLevel)
{
    // RFC 6761 and RFC 7686 special-use names: nothing on the public internet receives mail there.
    static const QStringList reserved = {QStringLiteral("arpa"),  QStringLiteral("invalid"),
                                         QStringLiteral("local"), QStringLiteral("localhost"),
                                         QStringLiteral("onion"), QStringLiteral("test")};
    return reserved.contains(topLevel);
}

/// Checks the part after the @-sign; on success sets the ASCII (Punycode) and Unicode forms.
std::optional<EmailCheck> checkDomain(const QString &domain, QString *ascii, QString *unicode)
{
    if (domain.isEmpty()) {
        return invalid(EmailProblem::MissingDomain,
                       tr("There must be a domain after the @-sign, such as example.com."));
    }
    if (domain.startsWith(u'[')) {
        return invalid(EmailProblem::DomainLiteral,
                       tr("An IP address in brackets after the @-sign is not accepted by mailing services; use the "
                          "domain name instead."));
    }
    if (auto unsafe = checkUnsafe(domain)) {
        return unsafe;
    }
    if (auto bad = checkDomainCharacters(domain)) {
        return bad;
    }
    const QString mapped =
        domain.normalized(QString::NormalizationForm_KC).toLower().normalized(QString::NormalizationForm_KC);
    if (mapped.startsWith(u'.')) {
        return invalid(EmailProblem::DotPlacement,
                       tr("An e-mail address cannot have a period immediately after the @-sign."));
    }
    if (mapped.endsWith(u'.')) {
        return invalid(EmailProblem::DotPlacement, tr("An e-mail address cannot end with a period."));
    }
    if (mapped.contains(QStringLiteral(".."))) {
        return invalid(EmailProblem::DotPlacement, tr("An e-mail address cannot have two periods in a row."));
    }
    const QStringList labels = mapped.split(u'.');
    for (qsizetype i = 0; i < labels.size(); ++i) {
        const QString &label = labels.at(i);
        if (label.startsWith(u'-')) {
            return invalid(EmailProblem::HyphenPlacement,
                           i == 0 ? tr("An e-mail address cannot have a hyphen immediately after the @-sign.")
                                  : tr("An e-mail address cannot have a period and a hyphen next to each other."));
        }
        if (label.endsWith(u'-')) {
            return invalid(EmailProblem::HyphenPlacement,
                           i == labels.size() - 1
                               ? tr("An e-mail address cannot end with a hyphen.")
                               : tr("An e-mail address cannot have a period and a hyphen next to each other."));
        }
        if (label.size() >= 4 && label.at(2) == u'-' && label.at(3) == u'-' &&
            !label.startsWith(QStringLiteral("xn"))) {
            return invalid(EmailProblem::HyphenPlacement,
                           tr("“%1” cannot be part of a domain: two hyphens in the third and fourth place are kept "
                              "for international names (xn--).")
                               .arg(label));
        }
        if (isMark(codePoints(label).constFirst())) {
            return invalid(EmailProblem::InvalidInternationalDomain,
                           tr("A part of the domain cannot start with an accent or other combining mark."));
        }
    }
    if (labels.size() < 2) {
        return invalid(EmailProblem::DomainWithoutDot,
                       tr("The part after the @-sign is not a full domain: it needs a period, as in example.com."));
    }

    QStringList asciiLabels;
    QStringList unicodeLabels;
    for (const QString &label : labels) {
        const QList<char32_t> points = codePoints(label);
        if (std::all_of(points.begin(), points.end(), isAscii)) {
            if (label.startsWith(QStringLiteral("xn--"))) {
                // An "xn--" label must be real Punycode of a non-ASCII name, and its canonical form.
                const auto decoded = Punycode::decode(QStringView(label).mid(4));
                const QList<char32_t> decodedPoints = decoded ? codePoints(*decoded) : QList<char32_t>();
                const bool ok = decoded && !decoded->isEmpty() &&
                                !std::all_of(decodedPoints.begin(), decodedPoints.end(), isAscii) &&
                                Punycode::encode(*decoded).value_or(QString()) == label.mid(4);
                if (!ok) {
                    return invalid(EmailProblem::InvalidInternationalDomain,
                                   tr("“%1” is not a valid international domain name.").arg(label));
                }
                unicodeLabels << *decoded;
            } else {
                unicodeLabels << label;
            }
            asciiLabels << label;
        } else {
            const auto encoded = Punycode::encode(label);
            if (!encoded) {
                return invalid(EmailProblem::InvalidInternationalDomain,
                               tr("“%1” is not a valid international domain name.").arg(label));
            }
            asciiLabels << QStringLiteral("xn--") + *encoded;
            unicodeLabels << label;
        }
        if (asciiLabels.constLast().size() > kMaxLabel) {
            return invalid(EmailProblem::TooLong,
                           tooMany(QT_TRANSLATE_NOOP("Gavel::Models::EmailValidator",
                                                     "A part of the domain between periods is too long (%1)."),
                                   asciiLabels.constLast().size() - kMaxLabel));
        }
    }
    const QString &topLevel = asciiLabels.constLast();
    const QChar last = topLevel.back();
    if (!(last >= u'a' && last <= u'z')) {
        return invalid(EmailProblem::InvalidTopLevelDomain,
                       tr("The domain does not end in a valid top-level domain such as .com or .uk."));
    }
    if (isReservedName(topLevel)) {
        return invalid(EmailProblem::ReservedDomain,
                       tr("“%1” is a special-use domain that cannot receive e-mail.").arg(unicodeLabels.join(u'.')));
    }
    *ascii = asciiLabels.join(u'.');
    if (ascii->size() > kMaxDomain) {
        return invalid(EmailProblem::TooLong, tooMany(QT_TRANSLATE_NOOP("Gavel::Models::EmailValidator",
                                                                        "The part after the @-sign is too long (%1)."),
                                                      ascii->size() - kMaxDomain));
    }
    *unicode = unicodeLabels.join(u'.');
    return std::nullopt;
}

} // namespace

EmailCheck EmailValidator::check(const QString &address)
{
    if (address.isEmpty()) {
        EmailCheck missing;
        missing.reason = tr("No e-mail address.");
        return missing;
    }
    // ASCII white space only: other spaces are reported as unsafe characters below.
    const auto isAsciiSpace = [](QChar c) { return c.unicode() < 0x80 && c.isSpace(); };
    if (isAsciiSpace(address.front()) || isAsciiSpace(address.back())) {
        QList<char32_t> spaces;
        for (const QChar c : {address.front(), address.back()}) {
            if (isAsciiSpace(c)) {
                spaces << c.unicode();
            }
        }
        return invalid(EmailProblem::InvalidCharacter, tr("It starts or ends with a %1.").arg(describeAll(spaces)));
    }

    // "Anna Schmidt <anna@example.com>": say what is wrong with the address inside first,
    // then that only the address belongs here.
    // A "<" followed by a combining mark is half of a look-alike ("≮"), not a bracket.
    qsizetype open = address.indexOf(u'<');
    while (open >= 0 && open + 1 < address.size() && address.at(open + 1).isMark()) {
        open = address.indexOf(u'<', open + 1);
    }
    if (open >= 0) {
        const qsizetype close = address.indexOf(u'>', open);
        if (open == 0 || close >= 0) {
            if (close == address.size() - 1 && address.lastIndexOf(u'<') == open) {
                const QString inner = address.mid(open + 1, close - open - 1);
                const EmailCheck innerCheck = check(inner);
                if (!innerCheck.isValid() && innerCheck.status != EmailStatus::Missing) {
                    return innerCheck;
                }
                if (innerCheck.isValid()) {
                    return invalid(EmailProblem::DisplayName,
                                   tr("Enter only the address (%1), without a name or angle brackets.").arg(inner));
                }
            }
            return invalid(EmailProblem::DisplayName,
                           tr("Enter only the address, without a name, angle brackets or anything after it."));
        }
    }

    const qsizetype at = address.lastIndexOf(u'@');
    if (at < 0) {
        for (const char16_t lookalike : {u'\uFF20', u'\uFE6B'}) {
            if (address.contains(QChar(lookalike))) {
                return invalid(EmailProblem::LookalikeAt,
                               tr("It has a “%1” in place of a regular @-sign.").arg(QChar(lookalike)));
            }
        }
        return invalid(EmailProblem::MissingAt, tr("An e-mail address needs an @-sign, as in anna@example.com."));
    }

    QString local;
    if (auto failed = checkLocalPart(address.left(at), &local)) {
        return *failed;
    }
    QString asciiDomain;
    QString unicodeDomain;
    if (auto failed = checkDomain(address.mid(at + 1), &asciiDomain, &unicodeDomain)) {
        return *failed;
    }
    // Counted as typed and as normalised, whichever is longer: a mailing service may send either.
    const qsizetype localOctets = qMax(local.toUtf8().size(), address.left(at).toUtf8().size());
    const qsizetype octets = localOctets + 1 + asciiDomain.size();
    if (octets > kMaxAddress) {
        return invalid(EmailProblem::TooLong,
                       tooMany(QT_TRANSLATE_NOOP("Gavel::Models::EmailValidator", "The address is too long (%1)."),
                               octets - kMaxAddress));
    }

    EmailCheck valid;
    valid.status = EmailStatus::Valid;
    valid.problem = EmailProblem::None;
    valid.normalized = local + u'@' + unicodeDomain;
    valid.asciiDomain = asciiDomain;
    valid.internationalLocalPart = std::any_of(local.begin(), local.end(), [](QChar c) { return c.unicode() >= 0x80; });
    return valid;
}

QString EmailValidator::statusKey(EmailStatus status)
{
    switch (status) {
    case EmailStatus::Valid:
        return QStringLiteral("valid");
    case EmailStatus::Invalid:
        return QStringLiteral("invalid");
    case EmailStatus::Missing:
        break;
    }
    return QStringLiteral("missing");
}

std::optional<EmailStatus> EmailValidator::statusFromKey(QStringView key)
{
    for (const EmailStatus status : {EmailStatus::Missing, EmailStatus::Valid, EmailStatus::Invalid}) {
        if (key == statusKey(status)) {
            return status;
        }
    }
    return std::nullopt;
}

QString EmailValidator::problemKey(EmailProblem problem)
{
    switch (problem) {
    case EmailProblem::None:
        return {};
    case EmailProblem::Missing:
        return QStringLiteral("missing");
    case EmailProblem::MissingAt:
        return QStringLiteral("missing_at");
    case EmailProblem::LookalikeAt:
        return QStringLiteral("lookalike_at");
    case EmailProblem::DisplayName:
        return QStringLiteral("display_name");
    case EmailProblem::MissingLocalPart:
        return QStringLiteral("missing_local_part");
    case EmailProblem::MissingDomain:
        return QStringLiteral("missing_domain");
    case EmailProblem::QuotedLocalPart:
        return QStringLiteral("quoted_local_part");
    case EmailProblem::UnsafeCharacter:
        return QStringLiteral("unsafe_character");
    case EmailProblem::InvalidCharacter:
        return QStringLiteral("invalid_character");
    case EmailProblem::DotPlacement:
        return QStringLiteral("dot_placement");
    case EmailProblem::HyphenPlacement:
        return QStringLiteral("hyphen_placement");
    case EmailProblem::DomainWithoutDot:
        return QStringLiteral("domain_without_dot");
    case EmailProblem::InvalidTopLevelDomain:
        return QStringLiteral("invalid_top_level_domain");
    case EmailProblem::InvalidInternationalDomain:
        return QStringLiteral("invalid_international_domain");
    case EmailProblem::DomainLiteral:
        return QStringLiteral("domain_literal");
    case EmailProblem::ReservedDomain:
        return QStringLiteral("reserved_domain");
    case EmailProblem::TooLong:
        return QStringLiteral("too_long");
    }
    return {};
}

} // namespace Gavel::Models
