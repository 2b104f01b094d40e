#include "itemhistorydelegate.h"

#include "itemhistory.h"
#include "itemhistorymodel.h"
#include "roles.h"

#include <QPainter>
#include <QPainterPath>

namespace Gavel::Ui {

namespace {

using Models::ItemHistory;
using Models::ItemHistoryModel;

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

// A tick in a filled disc (won) or a bar in a ring (underbid), drawn at the size asked.
QIcon markIcon(ItemHistory::Outcome outcome, const QColor &color, int size)
{
    QPixmap pixmap(size * 2, size * 2);
    pixmap.setDevicePixelRatio(2.0);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF disc(1.0, 1.0, size - 2.0, size - 2.0);
    if (outcome == ItemHistory::Outcome::Won) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawEllipse(disc);
        QPen pen(color.lightness() > 150 ? Qt::black : Qt::white, size / 7.0, Qt::SolidLine, Qt::RoundCap,
                 Qt::RoundJoin);
        painter.setPen(pen);
        QPainterPath tick;
        tick.moveTo(size * 0.28, size * 0.52);
        tick.lineTo(size * 0.44, size * 0.68);
        tick.lineTo(size * 0.72, size * 0.34);
        painter.drawPath(tick);
    } else {
        painter.setPen(QPen(color, size / 8.0));
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(disc.adjusted(size / 16.0, size / 16.0, -size / 16.0, -size / 16.0));
        painter.drawLine(QPointF(size * 0.32, size * 0.5), QPointF(size * 0.68, size * 0.5));
    }
    painter.end();
    return QIcon(pixmap);
}

} // namespace

QColor ItemHistoryDelegate::wonColor(const QPalette &palette)
{
    // Both pass 4.5:1 against the usual light and dark bases.
    return isDark(palette) ? QColor(0x6d, 0xd5, 0x8c) : QColor(0x1a, 0x7f, 0x37);
}

QColor ItemHistoryDelegate::underbidColor(const QPalette &palette)
{
    // Between the text and the base, nearer the text: grey in either mode, still readable.
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    return QColor::fromRgbF(text.redF() * 0.6f + base.redF() * 0.4f, text.greenF() * 0.6f + base.greenF() * 0.4f,
                            text.blueF() * 0.6f + base.blueF() * 0.4f);
}

void ItemHistoryDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const int column = index.column();
    const auto outcome = static_cast<ItemHistory::Outcome>(index.data(Models::OutcomeRole).toInt());
    const bool won = outcome == ItemHistory::Outcome::Won;
    const bool underbid = outcome == ItemHistory::Outcome::Underbid;
    if (!won && !underbid) {
        return;
    }
    const bool amount = column == ItemHistoryModel::TopBidColumn || (won && column == ItemHistoryModel::HammerColumn);
    if (!amount && column != ItemHistoryModel::ResultColumn) {
        return;
    }
    if (option->text.isEmpty()) {
        return; // a lot bought without an imported bid has no top bid to colour
    }
    const QColor color = won ? wonColor(option->palette) : underbidColor(option->palette);
    option->palette.setColor(QPalette::Text, color);
    if (column == ItemHistoryModel::ResultColumn || column == ItemHistoryModel::TopBidColumn) {
        const int size = option->fontMetrics.height();
        const QString key = QStringLiteral("%1/%2/%3").arg(int(outcome)).arg(color.rgba()).arg(size);
        auto cached = m_icons.constFind(key);
        if (cached == m_icons.constEnd()) {
            cached = m_icons.insert(key, markIcon(outcome, color, size));
        }
        option->icon = *cached;
        option->decorationSize = QSize(size, size);
        option->features |= QStyleOptionViewItem::HasDecoration;
    }
}

} // namespace Gavel::Ui
