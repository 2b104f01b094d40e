#include "bubblechart.h"

#include <QFocusEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <array>
#include <cmath>

namespace Gavel::Ui {

BubbleChart::BubbleChart(QWidget *parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAccessibleName(tr("Interests by category"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

QColor BubbleChart::paletteColor(int index)
{
    // Tableau 10: distinct hues of middle lightness, so neither a white nor a black window
    // swallows them.
    static const std::array<QColor, 10> colors = {
        QColor(0x4e, 0x79, 0xa7), QColor(0xf2, 0x8e, 0x2b), QColor(0xe1, 0x57, 0x59), QColor(0x76, 0xb7, 0xb2),
        QColor(0x59, 0xa1, 0x4f), QColor(0xed, 0xc9, 0x48), QColor(0xb0, 0x7a, 0xa1), QColor(0xff, 0x9d, 0xa7),
        QColor(0x9c, 0x75, 0x5f), QColor(0xba, 0xb0, 0xac),
    };
    const int n = static_cast<int>(colors.size());
    return colors[static_cast<std::size_t>(((index % n) + n) % n)];
}

QColor BubbleChart::textColorOn(const QColor &fill)
{
    // Relative luminance (sRGB, WCAG): black text from 0.18 up gives the higher contrast.
    const auto channel = [](qreal c) { return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    const qreal l = 0.2126 * channel(fill.redF()) + 0.7152 * channel(fill.greenF()) + 0.0722 * channel(fill.blueF());
    return l > 0.18 ? QColor(Qt::black) : QColor(Qt::white);
}

void BubbleChart::setBubbles(const QList<Bubble> &bubbles)
{
    m_bubbles = bubbles;
    m_current = -1;
    relayout();
    update();
}

void BubbleChart::setEmptyText(const QString &text)
{
    m_emptyText = text;
    update();
}

QSize BubbleChart::sizeHint() const
{
    const int em = fontMetrics().horizontalAdvance(u'M');
    return {40 * em, 22 * em};
}

QSize BubbleChart::minimumSizeHint() const
{
    const int em = fontMetrics().horizontalAdvance(u'M');
    return {16 * em, 12 * em};
}

void BubbleChart::relayout()
{
    QList<BubbleInput> inputs;
    for (const Bubble &bubble : std::as_const(m_bubbles)) {
        inputs << BubbleInput{bubble.value, bubble.title, bubble.detail};
    }
    const QFontMetricsF metrics(font());
    TextMeasure measure;
    measure.width = [metrics](const QString &text) { return metrics.horizontalAdvance(text); };
    measure.elide = [metrics](const QString &text, qreal width) {
        const QString elided = metrics.elidedText(text, Qt::ElideRight, width);
        // A lone "…" says nothing: leave the bubble bare (the tool tip names it).
        return elided == QStringLiteral("…") ? QString() : elided;
    };
    measure.lineHeight = metrics.height();
    const QRectF area = QRectF(rect()).adjusted(4, 4, -4, -4);
    m_placed = BubbleLayout::layout(inputs, area, measure);
    if (m_current >= m_placed.size()) {
        m_current = -1;
    }
}

void BubbleChart::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void BubbleChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange) {
        relayout();
        update();
    }
}

void BubbleChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    if (m_placed.isEmpty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, m_emptyText);
        return;
    }
    const QColor outline = palette().color(QPalette::Window);
    for (int i = 0; i < m_placed.size(); ++i) {
        const PlacedBubble &placed = m_placed[i];
        const Bubble &bubble = m_bubbles[placed.index];
        painter.setPen(QPen(outline, 1.5));
        painter.setBrush(bubble.color);
        painter.drawEllipse(placed.center, placed.radius, placed.radius);
        painter.setPen(textColorOn(bubble.color));
        painter.drawText(placed.titleRect, Qt::AlignCenter | Qt::TextSingleLine, placed.title);
        if (!placed.detail.isEmpty()) {
            painter.drawText(placed.detailRect, Qt::AlignCenter | Qt::TextSingleLine, placed.detail);
        }
    }
    if (hasFocus() && m_current >= 0) {
        // The keyboard's bubble: a ring in the highlight colour, with the window colour
        // between it and the fill so it shows on any fill.
        const PlacedBubble &placed = m_placed[m_current];
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(palette().color(QPalette::Highlight), 3));
        painter.drawEllipse(placed.center, placed.radius - 2.5, placed.radius - 2.5);
    }
}

bool BubbleChart::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int index = BubbleLayout::bubbleAt(m_placed, help->pos());
        if (index >= 0) {
            QToolTip::showText(help->globalPos(), m_bubbles[m_placed[index].index].toolTip, this);
        } else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    return QWidget::event(event);
}

void BubbleChart::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    const int index = BubbleLayout::bubbleAt(m_placed, event->position());
    if (index >= 0) {
        setCurrent(index);
        activate(index);
    }
}

void BubbleChart::mouseMoveEvent(QMouseEvent *event)
{
    const bool over = BubbleLayout::bubbleAt(m_placed, event->position()) >= 0;
    setCursor(over ? Qt::PointingHandCursor : Qt::ArrowCursor);
    QWidget::mouseMoveEvent(event);
}

void BubbleChart::keyPressEvent(QKeyEvent *event)
{
    if (m_placed.isEmpty()) {
        QWidget::keyPressEvent(event);
        return;
    }
    const int count = static_cast<int>(m_placed.size());
    switch (event->key()) {
    case Qt::Key_Right:
    case Qt::Key_Down:
        setCurrent(m_current < 0 ? 0 : (m_current + 1) % count);
        return;
    case Qt::Key_Left:
    case Qt::Key_Up:
        setCurrent(m_current <= 0 ? count - 1 : m_current - 1);
        return;
    case Qt::Key_Home:
        setCurrent(0);
        return;
    case Qt::Key_End:
        setCurrent(count - 1);
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        if (m_current >= 0) {
            activate(m_current);
            return;
        }
        break;
    default:
        break;
    }
    QWidget::keyPressEvent(event);
}

void BubbleChart::focusInEvent(QFocusEvent *event)
{
    QWidget::focusInEvent(event);
    if (m_current < 0 && !m_placed.isEmpty()) {
        setCurrent(0); // the largest: the bubbles are placed largest first
    }
    update();
}

void BubbleChart::focusOutEvent(QFocusEvent *event)
{
    QWidget::focusOutEvent(event);
    update();
}

void BubbleChart::setCurrent(int index)
{
    m_current = index;
    if (index >= 0) {
        const PlacedBubble &placed = m_placed[index];
        setAccessibleDescription(m_bubbles[placed.index].toolTip);
        if (hasFocus()) {
            QToolTip::showText(mapToGlobal(placed.center.toPoint()), m_bubbles[placed.index].toolTip, this);
        }
    }
    update();
}

void BubbleChart::activate(int index)
{
    if (index >= 0 && index < m_placed.size()) {
        Q_EMIT bubbleActivated(m_bubbles[m_placed[index].index].groupId);
    }
}

} // namespace Gavel::Ui
