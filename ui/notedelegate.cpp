#include "notedelegate.h"

#include "formatting.h"
#include "roles.h"

#include <QApplication>
#include <QPainter>
#include <QTextLayout>

namespace Gavel::Ui {

namespace {

constexpr int kMargin = 6;

QFont headingFont(const QFont &base)
{
    QFont font = base;
    font.setBold(true);
    return font;
}

} // namespace

QString NoteDelegate::heading(const QModelIndex &index)
{
    QStringList parts;
    if (index.data(Models::PinnedRole).toBool()) {
        parts << tr("⚑ Pinned");
    }
    parts << index.data(Models::AuthorRole).toString();
    parts << Models::formatDateTime(index.data(Models::TimestampRole).toDateTime());
    const QDateTime edited = index.data(Models::EditedAtRole).toDateTime();
    if (edited.isValid()) {
        parts << tr("edited %1 by %2").arg(Models::formatDateTime(edited), index.data(Models::EditedByRole).toString());
    }
    return parts.join(QStringLiteral(" · "));
}

void NoteDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = option.state.testFlag(QStyle::State_Selected);
    const QPalette::ColorGroup group =
        option.state.testFlag(QStyle::State_Active) ? QPalette::Active : QPalette::Inactive;
    painter->save();
    painter->setPen(option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
    const QRect area = option.rect.adjusted(kMargin, kMargin, -kMargin, -kMargin);

    const QFont bold = headingFont(option.font);
    const QFontMetrics boldMetrics(bold);
    painter->setFont(bold);
    painter->drawText(QRect(area.left(), area.top(), area.width(), boldMetrics.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      boldMetrics.elidedText(heading(index), Qt::ElideRight, area.width()));

    // The note's first lines, wrapped, the last one cut with "…" if there is more.
    painter->setFont(option.font);
    const QFontMetrics metrics(option.font);
    QString text = index.data(Qt::DisplayRole).toString();
    text.replace(u'\n', QChar::LineSeparator);
    QTextLayout layout(text, option.font);
    layout.beginLayout();
    int y = area.top() + boldMetrics.height() + 2;
    for (int line = 0; line < kTextLines; ++line) {
        QTextLine textLine = layout.createLine();
        if (!textLine.isValid()) {
            break;
        }
        textLine.setLineWidth(area.width());
        const int start = textLine.textStart();
        QString shown = text.mid(start, textLine.textLength());
        const bool last = line == kTextLines - 1;
        if (last && start + textLine.textLength() < text.size()) {
            shown =
                metrics.elidedText(text.mid(start).replace(QChar::LineSeparator, u' '), Qt::ElideRight, area.width());
        }
        painter->drawText(QPoint(area.left(), y + metrics.ascent()), shown.trimmed());
        y += metrics.lineSpacing();
    }
    layout.endLayout();
    painter->restore();
}

QSize NoteDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    Q_UNUSED(index)
    const QFontMetrics boldMetrics(headingFont(option.font));
    const QFontMetrics metrics(option.font);
    return {boldMetrics.horizontalAdvance(u'M') * 20,
            2 * kMargin + boldMetrics.height() + 2 + kTextLines * metrics.lineSpacing()};
}

} // namespace Gavel::Ui
