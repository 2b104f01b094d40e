#include "activitydelegate.h"

#include "activityicons.h"
#include "activitymodel.h"
#include "roles.h"

#include <QApplication>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QTime>

namespace Gavel::Ui {

using Models::ActivityLink;
using Models::ActivityModel;
using Models::ActivitySegment;
using RowType = Models::ActivityModel::RowType;

namespace {

int padding(const QFontMetrics &metrics)
{
    return qMax(2, metrics.height() / 4);
}

QFont boldFont(const QFont &font)
{
    QFont bold = font;
    bold.setBold(true);
    return bold;
}

QFont linkFont(const QFont &font)
{
    // Underlined as well as coloured: a link must not depend on colour alone.
    QFont underlined = font;
    underlined.setUnderline(true);
    return underlined;
}

QFont dayFont(const QFont &font)
{
    QFont day = boldFont(font);
    day.setPointSizeF(day.pointSizeF() * 1.1);
    return day;
}

/// The widest time of day in this locale, so that names line up under each other.
int timeWidth(const QFontMetrics &metrics)
{
    const QLocale locale;
    return qMax(metrics.horizontalAdvance(locale.toString(QTime(23, 59), QLocale::ShortFormat)),
                metrics.horizontalAdvance(locale.toString(QTime(12, 59), QLocale::ShortFormat)));
}

} // namespace

QList<ActivityDelegate::Piece> ActivityDelegate::layout(const QStyleOptionViewItem &option, const QModelIndex &index,
                                                        QRect *iconRect) const
{
    const QFontMetrics metrics(option.font);
    const int pad = padding(metrics);
    const QRect area = option.rect.adjusted(pad, 0, -pad, 0);
    QList<Piece> pieces;
    int x = area.left();
    const auto add = [&](const QString &text, const QFont &font, int maxWidth, const ActivityLink &link = {},
                         bool secondary = false) {
        if (text.isEmpty() || x >= area.right()) {
            return;
        }
        const QFontMetrics fm(font);
        const int room = qMin(maxWidth, area.right() - x);
        const QString shown = fm.horizontalAdvance(text) > room ? fm.elidedText(text, Qt::ElideRight, room) : text;
        const int width = fm.horizontalAdvance(shown);
        pieces << Piece{QRect(x, area.top(), width, area.height()), shown, link, font, secondary};
        x += width;
    };
    const int unlimited = area.width();

    switch (ActivityModel::rowTypeOf(index)) {
    case RowType::Day:
        add(index.data(Qt::DisplayRole).toString(), dayFont(option.font), unlimited);
        break;
    case RowType::Event: {
        const int iconSize = metrics.height();
        *iconRect = QRect(x, area.center().y() - iconSize / 2 + 1, iconSize, iconSize);
        x += iconSize + 2 * pad;
        const int timeLeft = x;
        add(index.data(Models::TimeTextRole).toString(), option.font, unlimited, {}, true);
        x = timeLeft + timeWidth(metrics) + 2 * pad;
        const QFont bold = boldFont(option.font);
        add(index.data(Models::EventNameRole).toString(), bold, 18 * metrics.horizontalAdvance(u'M'));
        x += 2 * pad;
        const auto segments = index.data(Models::SegmentsRole).value<QList<ActivitySegment>>();
        for (const ActivitySegment &segment : segments) {
            const bool link = segment.link.isValid();
            add(segment.text, link ? linkFont(option.font) : option.font, unlimited, segment.link);
        }
        break;
    }
    case RowType::Detail: {
        add(index.data(Models::DetailLabelRole).toString() + u':', option.font, 14 * metrics.horizontalAdvance(u'M'),
            {}, true);
        x += 2 * pad;
        const ActivityLink link = index.data(Models::LinkRole).value<ActivityLink>();
        add(index.data(Models::DetailValueRole).toString(), link.isValid() ? linkFont(option.font) : option.font,
            unlimited, link);
        break;
    }
    }
    return pieces;
}

void ActivityDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    // The background, selection and focus the style draws for any item; the text is ours.
    opt.text.clear();
    opt.icon = QIcon();
    opt.features &= ~QStyleOptionViewItem::HasDecoration;
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    QRect iconRect;
    const QList<Piece> pieces = layout(option, index, &iconRect);
    painter->save();
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = option.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    if (iconRect.isValid()) {
        ActivityIcons::forCategory(index.data(Models::EventCategoryRole).toInt()).paint(painter, iconRect);
    }
    for (const Piece &piece : pieces) {
        QColor color = option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
        if (!selected && piece.link.isValid()) {
            color = option.palette.color(group, QPalette::Link);
        } else if (!selected && piece.secondary) {
            color.setAlphaF(0.7f);
        }
        painter->setPen(color);
        painter->setFont(piece.font);
        painter->drawText(piece.rect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, piece.text);
    }
    if (ActivityModel::rowTypeOf(index) == RowType::Day) {
        // A hairline under the heading separates the days.
        QColor line = option.palette.color(group, QPalette::Text);
        line.setAlphaF(0.2f);
        painter->setPen(line);
        painter->drawLine(option.rect.bottomLeft(), option.rect.bottomRight());
    }
    painter->restore();
}

QSize ActivityDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QFontMetrics metrics(option.font);
    const int pad = padding(metrics);
    switch (ActivityModel::rowTypeOf(index)) {
    case RowType::Day:
        return {option.rect.width(), QFontMetrics(dayFont(option.font)).height() + 3 * pad};
    case RowType::Event:
        return {option.rect.width(), metrics.height() + 2 * pad};
    case RowType::Detail:
        return {option.rect.width(), metrics.height() + pad};
    }
    return QStyledItemDelegate::sizeHint(option, index);
}

ActivityLink ActivityDelegate::linkAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                                      const QPoint &pos) const
{
    QRect iconRect;
    for (const Piece &piece : layout(option, index, &iconRect)) {
        if (piece.link.isValid() && piece.rect.contains(pos)) {
            return piece.link;
        }
    }
    return {};
}

bool ActivityDelegate::editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                                   const QModelIndex &index)
{
    if (event->type() == QEvent::MouseButtonRelease) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton) {
            const ActivityLink link = linkAt(option, index, mouse->position().toPoint());
            if (link.isValid()) {
                Q_EMIT linkActivated(link);
                return true;
            }
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

} // namespace Gavel::Ui
