#include "charts/bubblelayout.h"

#include <QFontMetricsF>
#include <QGuiApplication>
#include <QTest>

#include <cmath>

using namespace Gavel;
using Ui::BubbleInput;
using Ui::BubbleLayout;
using Ui::PlacedBubble;
using Ui::TextMeasure;

Q_DECLARE_METATYPE(QList<double>)

// The packing of the interest bubbles, without a widget: no circle overlaps another or leaves
// the area, areas are proportional to the values, and every label is whole inside its circle
// or elided.
class TestBubbleLayout : public QObject
{
    Q_OBJECT

private:
    /// 7 px per character, 16 px lines; eliding drops characters and adds "…".
    static TextMeasure fixedMeasure()
    {
        TextMeasure measure;
        measure.width = [](const QString &text) { return 7.0 * text.size(); };
        measure.elide = [](const QString &text, qreal width) {
            if (7.0 * text.size() <= width) {
                return text;
            }
            for (qsizetype keep = text.size() - 1; keep >= 1; --keep) {
                const QString cut = text.left(keep) + QStringLiteral("…");
                if (7.0 * cut.size() <= width) {
                    return cut;
                }
            }
            return QString();
        };
        measure.lineHeight = 16;
        return measure;
    }

    static TextMeasure fontMeasure(const QFontMetricsF &metrics)
    {
        TextMeasure measure;
        measure.width = [metrics](const QString &text) { return metrics.horizontalAdvance(text); };
        measure.elide = [metrics](const QString &text, qreal width) {
            return metrics.elidedText(text, Qt::ElideRight, width);
        };
        measure.lineHeight = metrics.height();
        return measure;
    }

    static QList<BubbleInput> inputs(const QList<double> &values)
    {
        static const QStringList names = {
            QStringLiteral("Old Master Paintings"), QStringLiteral("Rings"), QStringLiteral("Drawings"),
            QStringLiteral("Watercolours and gouaches"), QStringLiteral("Silver"), QStringLiteral("Clocks"),
            QStringLiteral("Chinese ceramics and works of art"), QStringLiteral("Wine"), QStringLiteral("Maps"),
        };
        QList<BubbleInput> list;
        for (int i = 0; i < values.size(); ++i) {
            list << BubbleInput{values[i], names[i % names.size()], QStringLiteral("%1 %").arg(i + 1)};
        }
        return list;
    }

    static bool inside(const PlacedBubble &bubble, const QRectF &rect)
    {
        if (rect.isNull() || rect.width() <= 0) {
            return true;
        }
        for (const QPointF &corner : {rect.topLeft(), rect.topRight(), rect.bottomLeft(), rect.bottomRight()}) {
            const QPointF d = corner - bubble.center;
            if (std::hypot(d.x(), d.y()) > bubble.radius + 1e-6) {
                return false;
            }
        }
        return true;
    }

    static void checkLayout(const QList<BubbleInput> &in, const QList<PlacedBubble> &out, const QRectF &area,
                            const TextMeasure &measure)
    {
        int positive = 0;
        for (const BubbleInput &input : in) {
            positive += input.value > 0 ? 1 : 0;
        }
        QCOMPARE(out.size(), positive);
        for (int i = 0; i < out.size(); ++i) {
            const PlacedBubble &a = out[i];
            QVERIFY(a.radius > 0);
            // Inside the area.
            QVERIFY2(a.center.x() - a.radius >= area.left() - 1e-6 && a.center.x() + a.radius <= area.right() + 1e-6 &&
                         a.center.y() - a.radius >= area.top() - 1e-6 &&
                         a.center.y() + a.radius <= area.bottom() + 1e-6,
                     qPrintable(QStringLiteral("bubble %1 leaves the area").arg(i)));
            // No overlap.
            for (int j = i + 1; j < out.size(); ++j) {
                const PlacedBubble &b = out[j];
                const qreal d = std::hypot(a.center.x() - b.center.x(), a.center.y() - b.center.y());
                QVERIFY2(d >= a.radius + b.radius - 1e-6,
                         qPrintable(QStringLiteral("bubbles %1 and %2 overlap").arg(i).arg(j)));
            }
            // Area proportional to value: r² / value is the same for all.
            const double k0 = out[0].radius * out[0].radius / in[out[0].index].value;
            const double k = a.radius * a.radius / in[a.index].value;
            QVERIFY2(std::abs(k - k0) <= 1e-6 * k0, qPrintable(QStringLiteral("bubble %1's area is off").arg(i)));
            // The label: whole and inside, or elided (shorter, or nothing).
            const QString full = in[a.index].title;
            QVERIFY(inside(a, a.titleRect));
            QVERIFY(inside(a, a.detailRect));
            if (a.title != full) {
                QVERIFY2(a.elided, qPrintable(a.title));
                QVERIFY(a.title.isEmpty() || a.title.endsWith(QStringLiteral("…")));
                QVERIFY(a.detail.isEmpty());
            }
            if (!a.title.isEmpty()) {
                QVERIFY(measure.width(a.title) <= a.titleRect.width() + 1e-6);
                QVERIFY(a.titleRect.height() >= measure.lineHeight - 1e-6);
            }
        }
    }

private Q_SLOTS:
    void packs_data()
    {
        QTest::addColumn<QList<double>>("values");
        QTest::addColumn<QRectF>("area");
        const QRectF wide(0, 0, 760, 330);  // the chart at 1600 × 1000
        const QRectF small(0, 0, 220, 150); // a small window
        const QRectF tall(10, 20, 200, 500);
        QTest::newRow("one") << QList<double>{3.0} << wide;
        QTest::newRow("two equal") << QList<double>{1.0, 1.0} << wide;
        QTest::newRow("fixture") << QList<double>{7.5, 3.0, 2.0, 3.25} << wide;
        QTest::newRow("a giant and dwarfs") << QList<double>{100, 1, 0.5, 0.2, 0.1, 0.05, 0.01} << wide;
        QList<double> many;
        for (int i = 0; i < 24; ++i) {
            many << 50.0 / (1 + i) + (i % 3);
        }
        QTest::newRow("24 at 1600x1000") << many << wide;
        QTest::newRow("24 small") << many << small;
        QTest::newRow("24 tall") << many << tall;
        QTest::newRow("zeros left out") << QList<double>{0, 4, -1, 2} << small;
    }

    void packs()
    {
        QFETCH(QList<double>, values);
        QFETCH(QRectF, area);
        const TextMeasure measure = fixedMeasure();
        const QList<BubbleInput> in = inputs(values);
        const QList<PlacedBubble> out = BubbleLayout::layout(in, area, measure);
        checkLayout(in, out, area, measure);
        // Deterministic: the same input gives the same picture.
        const QList<PlacedBubble> again = BubbleLayout::layout(in, area, measure);
        QCOMPARE(again.size(), out.size());
        for (int i = 0; i < out.size(); ++i) {
            QCOMPARE(again[i].center, out[i].center);
            QCOMPARE(again[i].radius, out[i].radius);
            QCOMPARE(again[i].title, out[i].title);
        }
    }

    void fillsTheArea()
    {
        // The cluster is scaled to touch the area on its tighter side.
        const QRectF area(0, 0, 760, 330);
        const QList<PlacedBubble> out =
            BubbleLayout::layout(inputs({7.5, 3.0, 2.0, 3.25}), area, fixedMeasure());
        qreal left = area.right(), right = area.left(), top = area.bottom(), bottom = area.top();
        for (const PlacedBubble &b : out) {
            left = std::min(left, b.center.x() - b.radius);
            right = std::max(right, b.center.x() + b.radius);
            top = std::min(top, b.center.y() - b.radius);
            bottom = std::max(bottom, b.center.y() + b.radius);
        }
        QVERIFY(bottom - top >= area.height() - 6 || right - left >= area.width() - 6);
        // The largest comes first and carries its whole name.
        QCOMPARE(out.first().index, 0);
        QCOMPARE(out.first().title, QStringLiteral("Old Master Paintings"));
        QVERIFY(!out.first().elided);
    }

    void longNamesAreElidedInSmallBubbles()
    {
        const QList<PlacedBubble> out = BubbleLayout::layout(
            {BubbleInput{1.0, QStringLiteral("Chinese ceramics and works of art"), {}}}, QRectF(0, 0, 120, 120),
            fixedMeasure());
        QCOMPARE(out.size(), 1);
        QVERIFY(out[0].elided);
        QVERIFY(out[0].title.endsWith(QStringLiteral("…")));
        QVERIFY(out[0].title.size() > 1);
    }

    void withTheRealFont()
    {
        const QFontMetricsF metrics(QGuiApplication::font());
        const TextMeasure measure = fontMeasure(metrics);
        QList<double> values;
        for (int i = 0; i < 24; ++i) {
            values << 30.0 / (1 + i);
        }
        for (const QRectF &area : {QRectF(0, 0, 760, 330), QRectF(0, 0, 220, 150)}) {
            const QList<BubbleInput> in = inputs(values);
            checkLayout(in, BubbleLayout::layout(in, area, measure), area, measure);
        }
    }

    void hitTesting()
    {
        const QList<PlacedBubble> out =
            BubbleLayout::layout(inputs({4.0, 1.0}), QRectF(0, 0, 400, 200), fixedMeasure());
        QCOMPARE(BubbleLayout::bubbleAt(out, out[0].center), 0);
        QCOMPARE(BubbleLayout::bubbleAt(out, out[1].center), 1);
        QCOMPARE(BubbleLayout::bubbleAt(out, QPointF(-50, -50)), -1);
    }

    void chordWidth()
    {
        // A line 10 high centred in a circle of radius 13: half-width √(13² − 5²) = 12.
        QCOMPARE(BubbleLayout::chordWidth(13, 0, 10, 0), 24.0);
        QCOMPARE(BubbleLayout::chordWidth(13, 0, 10, 2), 20.0);
        QCOMPARE(BubbleLayout::chordWidth(5, 0, 10, 0), 0.0);
    }
};

QTEST_MAIN(TestBubbleLayout)
#include "tst_bubblelayout.moc"
