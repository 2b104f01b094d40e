#include "notetext.h"

#include <QRegularExpression>

namespace Gavel::Models {

namespace {

constexpr char16_t kParked = 0xE000;

} // namespace

QString notePlainText(const QString &markdown)
{
    // Order matters: escapes first (an escaped * is no emphasis), then images and links (a
    // URL may hold * or _), then the line prefixes and emphasis.
    static const QRegularExpression image(QStringLiteral("!\\[([^\\]]*)\\]\\([^)]*\\)"));
    static const QRegularExpression link(QStringLiteral("\\[([^\\]]+)\\]\\([^)]*\\)"));
    static const QRegularExpression emptyLink(QStringLiteral("\\[\\]\\(([^)]*)\\)"));
    static const QRegularExpression autolink(QStringLiteral("<((?:https?|mailto):[^>\\s]+)>"));
    static const QRegularExpression linePrefix(
        QStringLiteral(
            "^[ \\t]{0,3}(?:#{1,6}[ \\t]+|>[ \\t]?|[-*+][ \\t]+(?:\\[[ xX]\\][ \\t]+)?|\\d{1,9}[.)][ \\t]+)"),
        QRegularExpression::MultilineOption);
    static const QRegularExpression strong(QStringLiteral("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1"));
    static const QRegularExpression starEmphasis(QStringLiteral("\\*(?=[^\\s*])(.+?)(?<=[^\\s*])\\*"));
    static const QRegularExpression underscoreEmphasis(
        QStringLiteral("(?<![\\p{L}\\p{N}_])_(?=[^\\s_])(.+?)(?<=[^\\s_])_(?![\\p{L}\\p{N}_])"));
    static const QRegularExpression code(QStringLiteral("`([^`]*)`"));
    static const QRegularExpression escape(QStringLiteral("\\\\([\\\\`*_{}\\[\\]()#+\\-.!<>])"));

    // An escaped character is parked in the private-use area (U+E000 + its ASCII code) while
    // the markup is removed, and put back at the end.
    QString text;
    text.reserve(markdown.size());
    QRegularExpressionMatchIterator escapes = escape.globalMatch(markdown);
    qsizetype at = 0;
    while (escapes.hasNext()) {
        const QRegularExpressionMatch match = escapes.next();
        text += QStringView(markdown).mid(at, match.capturedStart() - at);
        text += QChar(kParked + match.captured(1).at(0).unicode());
        at = match.capturedEnd();
    }
    text += QStringView(markdown).mid(at);

    text.replace(image, QStringLiteral("\\1"));
    text.replace(link, QStringLiteral("\\1"));
    text.replace(emptyLink, QStringLiteral("\\1"));
    text.replace(autolink, QStringLiteral("\\1"));
    text.replace(linePrefix, QString());
    text.replace(strong, QStringLiteral("\\2"));
    text.replace(starEmphasis, QStringLiteral("\\1"));
    text.replace(underscoreEmphasis, QStringLiteral("\\1"));
    text.replace(code, QStringLiteral("\\1"));
    for (QChar &c : text) {
        if (c.unicode() >= kParked && c.unicode() < kParked + 0x80) {
            c = QChar(c.unicode() - kParked);
        }
    }
    return text;
}

QString noteExcerpt(const QString &markdown, int maxChars)
{
    const QString line = notePlainText(markdown).simplified();
    if (line.size() <= maxChars) {
        return line;
    }
    qsizetype cut = line.lastIndexOf(u' ', maxChars - 1);
    if (cut < maxChars / 2) {
        cut = maxChars - 1; // one long word: cut inside it
    }
    return line.left(cut) + QStringLiteral("…");
}

} // namespace Gavel::Models
