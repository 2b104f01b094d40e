#pragma once

#include "bubblelayout.h"

#include <QColor>
#include <QWidget>

namespace Gavel::Ui {

/// One bubble: a category of a department, say.
struct Bubble
{
    qint64 groupId = 0; ///< what a click reports (the department)
    double value = 0;   ///< the area is proportional to it
    QString title;      ///< the name in the bubble
    QString detail;     ///< a short figure under the name, when it fits ("34 %")
    QString toolTip;    ///< the figures, shown on hover and read by screen readers
    QColor color;
};

/// Packed circles drawn with QPainter (Qt Charts 6.4 draws per-point bubble sizes wrongly;
/// PERFORMANCE.md): the area of each circle proportional to its value, a label that fits or
/// is elided, a tool tip with the figures. Click a bubble, or move between bubbles with the
/// arrow keys and press Enter or Space, to activate it. The layout is BubbleLayout's.
class BubbleChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BubbleChart)

public:
    explicit BubbleChart(QWidget *parent = nullptr);

    void setBubbles(const QList<Bubble> &bubbles);
    const QList<Bubble> &bubbles() const { return m_bubbles; }
    /// Shown when there are no bubbles.
    void setEmptyText(const QString &text);

    /// The circles as drawn (for tests): PlacedBubble::index points into bubbles().
    const QList<PlacedBubble> &placed() const { return m_placed; }
    /// The bubble the keyboard is on (an index into placed()), or -1.
    int currentIndex() const { return m_current; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    /// A fill per department, by its position in the house's list: mid tones that read on a
    /// light and on a dark window; text on them is black or white, whichever contrasts more.
    static QColor paletteColor(int index);
    static QColor textColorOn(const QColor &fill);

Q_SIGNALS:
    void bubbleActivated(qint64 groupId);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void relayout();
    void setCurrent(int index);
    void activate(int index);

    QList<Bubble> m_bubbles;
    QList<PlacedBubble> m_placed;
    QString m_emptyText;
    int m_current = -1;
};

} // namespace Gavel::Ui
