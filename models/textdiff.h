#pragma once

#include <QList>
#include <QString>

namespace Gavel::Models {

/// A word-by-word comparison of two texts, for showing two versions of a note side by side:
/// which words of each side the other does not have.
class TextDiff final
{
public:
    /// A run of characters [start, start + length) of one text.
    struct Range
    {
        qsizetype start = 0;
        qsizetype length = 0;
        friend bool operator==(const Range &a, const Range &b) { return a.start == b.start && a.length == b.length; }
    };

    /// Compares `left` and `right` word by word (whitespace and punctuation are separate
    /// tokens, so that a changed comma is a change of its own).
    static TextDiff compare(const QString &left, const QString &right);

    /// The parts of the left text that the right one does not have.
    const QList<Range> &leftOnly() const { return m_leftOnly; }
    /// The parts of the right text that the left one does not have.
    const QList<Range> &rightOnly() const { return m_rightOnly; }
    bool isEqual() const { return m_leftOnly.isEmpty() && m_rightOnly.isEmpty(); }

private:
    QList<Range> m_leftOnly;
    QList<Range> m_rightOnly;
};

} // namespace Gavel::Models
