#include "textdiff.h"

#include <QStringView>

#include <vector>

namespace Gavel::Models {

namespace {

/// Words, runs of whitespace, and single other characters (punctuation).
QList<TextDiff::Range> tokenize(const QString &text)
{
    QList<TextDiff::Range> tokens;
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype start = i;
        const QChar c = text.at(i);
        if (c.isLetterOrNumber() || c.isMark()) {
            while (i < text.size() && (text.at(i).isLetterOrNumber() || text.at(i).isMark())) {
                ++i;
            }
        } else if (c.isSpace()) {
            while (i < text.size() && text.at(i).isSpace()) {
                ++i;
            }
        } else {
            ++i;
        }
        tokens << TextDiff::Range{start, i - start};
    }
    return tokens;
}

/// Adds a token to a list of ranges, joining it to the previous range when they touch.
void append(QList<TextDiff::Range> &ranges, const TextDiff::Range &token)
{
    if (!ranges.isEmpty() && ranges.last().start + ranges.last().length == token.start) {
        ranges.last().length += token.length;
    } else {
        ranges << token;
    }
}

/// Marks whitespace-only ranges as unchanged: a moved space says nothing to a reader.
QList<TextDiff::Range> withoutBlankRanges(const QList<TextDiff::Range> &ranges, const QString &text)
{
    QList<TextDiff::Range> kept;
    for (const TextDiff::Range &range : ranges) {
        if (!QStringView(text).mid(range.start, range.length).trimmed().isEmpty()) {
            kept << range;
        }
    }
    return kept;
}

/// Beyond this many cells the table would cost too much memory for a note: everything
/// between the common start and end is then shown as changed.
constexpr qsizetype kMaxCells = 4'000'000;

} // namespace

TextDiff TextDiff::compare(const QString &left, const QString &right)
{
    const QList<Range> a = tokenize(left);
    const QList<Range> b = tokenize(right);
    const auto same = [&](qsizetype i, qsizetype j) {
        return QStringView(left).mid(a.at(i).start, a.at(i).length) ==
               QStringView(right).mid(b.at(j).start, b.at(j).length);
    };

    // Common start and end first: most edits touch a small part of a note.
    qsizetype prefix = 0;
    while (prefix < a.size() && prefix < b.size() && same(prefix, prefix)) {
        ++prefix;
    }
    qsizetype suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
           same(a.size() - 1 - suffix, b.size() - 1 - suffix)) {
        ++suffix;
    }
    const qsizetype n = a.size() - prefix - suffix;
    const qsizetype m = b.size() - prefix - suffix;

    TextDiff diff;
    if ((n + 1) * (m + 1) > kMaxCells) {
        for (qsizetype i = 0; i < n; ++i) {
            append(diff.m_leftOnly, a.at(prefix + i));
        }
        for (qsizetype j = 0; j < m; ++j) {
            append(diff.m_rightOnly, b.at(prefix + j));
        }
    } else {
        // Longest common subsequence of the middle tokens; lcs[i][j] covers a[i..], b[j..].
        std::vector<int> lcs(static_cast<size_t>((n + 1) * (m + 1)), 0);
        const auto at = [m](qsizetype i, qsizetype j) { return static_cast<size_t>(i * (m + 1) + j); };
        for (qsizetype i = n - 1; i >= 0; --i) {
            for (qsizetype j = m - 1; j >= 0; --j) {
                lcs[at(i, j)] = same(prefix + i, prefix + j) ? lcs[at(i + 1, j + 1)] + 1
                                                             : std::max(lcs[at(i + 1, j)], lcs[at(i, j + 1)]);
            }
        }
        qsizetype i = 0;
        qsizetype j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && same(prefix + i, prefix + j)) {
                ++i;
                ++j;
            } else if (j < m && (i == n || lcs[at(i, j + 1)] >= lcs[at(i + 1, j)])) {
                append(diff.m_rightOnly, b.at(prefix + j));
                ++j;
            } else {
                append(diff.m_leftOnly, a.at(prefix + i));
                ++i;
            }
        }
    }
    diff.m_leftOnly = withoutBlankRanges(diff.m_leftOnly, left);
    diff.m_rightOnly = withoutBlankRanges(diff.m_rightOnly, right);
    return diff;
}

} // namespace Gavel::Models
