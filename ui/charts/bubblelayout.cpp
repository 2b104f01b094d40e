#include "bubblelayout.h"

#include <QtMath>

#include <algorithm>
#include <cmath>
#include <limits>

namespace Gavel::Ui {

namespace {

struct Circle
{
    QPointF center;
    qreal radius = 0; ///< inflated by half the gap
};

/// The circles of radius `radius` touching both `a` and `b` from outside (zero, one or two).
int tangentTo(const Circle &a, const Circle &b, qreal radius, QPointF out[2])
{
    const qreal da = a.radius + radius;
    const qreal db = b.radius + radius;
    const QPointF delta = b.center - a.center;
    const qreal d = std::hypot(delta.x(), delta.y());
    if (d <= 1e-12 || d > da + db || d < std::abs(da - db)) {
        return 0;
    }
    const qreal along = (da * da - db * db + d * d) / (2 * d);
    const qreal h = std::sqrt(std::max<qreal>(0, da * da - along * along));
    const QPointF unit = delta / d;
    const QPointF base = a.center + unit * along;
    const QPointF normal(-unit.y(), unit.x());
    out[0] = base + normal * h;
    out[1] = base - normal * h;
    return 2;
}

bool fits(const QList<Circle> &placed, const QPointF &center, qreal radius)
{
    for (const Circle &circle : placed) {
        const qreal d = std::hypot(center.x() - circle.center.x(), center.y() - circle.center.y());
        if (d < circle.radius + radius - 1e-9) {
            return false;
        }
    }
    return true;
}

/// Packs inflated circles (radius + gap/2) in the given order around the origin; `stretchX`
/// and `stretchY` shape the cluster like the target area.
QList<Circle> pack(const QList<qreal> &radii, qreal gap, qreal stretchX, qreal stretchY)
{
    QList<Circle> placed;
    const auto cost = [&](const QPointF &p) {
        const qreal x = p.x() / stretchX;
        const qreal y = p.y() / stretchY;
        return x * x + y * y;
    };
    for (const qreal unitRadius : radii) {
        const qreal radius = unitRadius + gap / 2;
        if (placed.isEmpty()) {
            placed << Circle{QPointF(0, 0), radius};
            continue;
        }
        QPointF best;
        qreal bestCost = std::numeric_limits<qreal>::max();
        const auto consider = [&](const QPointF &candidate) {
            const qreal c = cost(candidate);
            if (c < bestCost - 1e-12 && fits(placed, candidate, radius)) {
                best = candidate;
                bestCost = c;
            }
        };
        for (qsizetype i = 0; i < placed.size(); ++i) {
            for (qsizetype j = i + 1; j < placed.size(); ++j) {
                QPointF points[2];
                const int n = tangentTo(placed[i], placed[j], radius, points);
                for (int k = 0; k < n; ++k) {
                    consider(points[k]);
                }
            }
            // Touching one circle only: along the axes and diagonals.
            for (int step = 0; step < 8; ++step) {
                const qreal angle = step * M_PI / 4;
                const qreal d = placed[i].radius + radius;
                consider(placed[i].center + QPointF(std::cos(angle) * d, std::sin(angle) * d));
            }
        }
        if (bestCost == std::numeric_limits<qreal>::max()) {
            qreal right = 0;
            for (const Circle &circle : std::as_const(placed)) {
                right = std::max(right, circle.center.x() + circle.radius);
            }
            best = QPointF(right + radius, 0);
        }
        placed << Circle{best, radius};
    }
    return placed;
}

QRectF bounds(const QList<Circle> &circles)
{
    QRectF box;
    for (const Circle &circle : circles) {
        const QRectF r(circle.center.x() - circle.radius, circle.center.y() - circle.radius, 2 * circle.radius,
                       2 * circle.radius);
        box = box.isNull() ? r : box.united(r);
    }
    return box;
}

} // namespace

qreal BubbleLayout::chordWidth(qreal radius, qreal offset, qreal height, qreal padding)
{
    const qreal far = std::abs(offset) + height / 2;
    if (far >= radius) {
        return 0;
    }
    return std::max<qreal>(0, 2 * std::sqrt(radius * radius - far * far) - 2 * padding);
}

QList<PlacedBubble> BubbleLayout::layout(const QList<BubbleInput> &inputs, const QRectF &area,
                                         const TextMeasure &measure, qreal gap)
{
    QList<int> order;
    double largest = 0;
    for (int i = 0; i < inputs.size(); ++i) {
        if (inputs[i].value > 0 && std::isfinite(inputs[i].value)) {
            order << i;
            largest = std::max(largest, inputs[i].value);
        }
    }
    if (order.isEmpty() || area.width() <= 0 || area.height() <= 0) {
        return {};
    }
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return inputs[a].value > inputs[b].value; });
    QList<qreal> radii;
    for (const int i : std::as_const(order)) {
        radii << std::sqrt(inputs[i].value / largest); // area ∝ value
    }
    const qreal stretchX = std::max<qreal>(1, area.width() / area.height());
    const qreal stretchY = std::max<qreal>(1, area.height() / area.width());

    // Twice: the gap in the cluster's units depends on the scale, which depends on the gap.
    qreal unitGap = 0.05;
    QList<Circle> circles;
    qreal scale = 1;
    QRectF box;
    for (int pass = 0; pass < 2; ++pass) {
        circles = pack(radii, unitGap, stretchX, stretchY);
        box = bounds(circles);
        scale = std::min(area.width() / box.width(), area.height() / box.height());
        unitGap = gap / scale;
    }
    const QPointF shift = area.center() - box.center() * scale;

    const qreal padding = 4;
    const qreal lh = measure.lineHeight;
    QList<PlacedBubble> placed;
    for (qsizetype k = 0; k < order.size(); ++k) {
        const BubbleInput &input = inputs[order[k]];
        PlacedBubble bubble;
        bubble.index = order[k];
        bubble.center = circles[k].center * scale + shift;
        bubble.radius = radii[k] * scale;
        const qreal r = bubble.radius;
        const qreal titleWidth = measure.width(input.title);
        const qreal twoLineTitle = chordWidth(r, lh / 2, lh, padding);
        const qreal twoLineDetail = chordWidth(r, lh / 2, lh, padding);
        if (!input.detail.isEmpty() && titleWidth <= twoLineTitle && measure.width(input.detail) <= twoLineDetail) {
            const qreal detailWidth = measure.width(input.detail);
            bubble.title = input.title;
            bubble.titleRect = QRectF(bubble.center.x() - titleWidth / 2, bubble.center.y() - lh, titleWidth, lh);
            bubble.detail = input.detail;
            bubble.detailRect = QRectF(bubble.center.x() - detailWidth / 2, bubble.center.y(), detailWidth, lh);
        } else {
            const qreal available = chordWidth(r, 0, lh, padding);
            if (titleWidth <= available) {
                bubble.title = input.title;
            } else {
                bubble.elided = true;
                bubble.title = available > 0 ? measure.elide(input.title, available) : QString();
            }
            const qreal w = bubble.title.isEmpty() ? 0 : measure.width(bubble.title);
            bubble.titleRect = QRectF(bubble.center.x() - w / 2, bubble.center.y() - lh / 2, w, lh);
        }
        placed << bubble;
    }
    return placed;
}

int BubbleLayout::bubbleAt(const QList<PlacedBubble> &bubbles, const QPointF &point)
{
    for (int i = 0; i < bubbles.size(); ++i) {
        const QPointF d = point - bubbles[i].center;
        if (std::hypot(d.x(), d.y()) <= bubbles[i].radius) {
            return i;
        }
    }
    return -1;
}

} // namespace Gavel::Ui
