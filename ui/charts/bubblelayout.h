#pragma once

#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <functional>

namespace Gavel::Ui {

/// How the chart measures text: the width of a line, and the text elided to a width
/// ("Old Mas…", or empty when not even "…" fits). The widget passes its QFontMetricsF; tests
/// can pass fixed-width metrics.
struct TextMeasure
{
    std::function<qreal(const QString &)> width;
    std::function<QString(const QString &, qreal)> elide;
    qreal lineHeight = 0;
};

/// One circle to place: its value (the circle's area is proportional to it) and the lines
/// of its label (the first is the name; the second, a figure, is dropped when it does not fit).
struct BubbleInput
{
    double value = 0;
    QString title;
    QString detail;
};

/// A placed circle with the label lines that fit inside it.
struct PlacedBubble
{
    int index = 0; ///< into the inputs
    QPointF center;
    qreal radius = 0;
    QString title;    ///< the name, or the name elided (possibly empty)
    bool elided = false;
    QRectF titleRect; ///< where the title is drawn; inside the circle
    QString detail;   ///< empty when it does not fit
    QRectF detailRect;
};

/// Packs circles into a rectangle without Widgets (unit-tested): the largest first, each next
/// one at the free spot touching two placed circles (or one) that is nearest the middle —
/// nearness measured stretched to the rectangle's shape, so a wide area gets a wide cluster —
/// then the cluster is scaled to fill the rectangle. Areas stay proportional to the values
/// (every radius is scaled alike), circles never overlap (a gap between them), and each label
/// line is either whole inside its circle or elided to fit. Deterministic.
class BubbleLayout final
{
public:
    /// Inputs with a value ≤ 0 are left out. `gap` is the space between circles, in pixels.
    static QList<PlacedBubble> layout(const QList<BubbleInput> &inputs, const QRectF &area,
                                      const TextMeasure &measure, qreal gap = 3.0);
    /// The index of the bubble at `point`, or -1.
    static int bubbleAt(const QList<PlacedBubble> &bubbles, const QPointF &point);
    /// The widest text rectangle of height `height`, centred `offset` below the centre of a
    /// circle of radius `radius`, that fits inside the circle (less `padding` each side); 0 if none.
    static qreal chordWidth(qreal radius, qreal offset, qreal height, qreal padding);
};

} // namespace Gavel::Ui
