#include "richtextdelegate.h"

#include "roles.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QPainter>
#include <QTextDocument>

namespace Gavel::Ui {

void RichTextDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QString html = index.data(Models::HighlightHtmlRole).toString();
    if (html.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QRect area = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);
    QTextDocument document;
    document.setDefaultFont(option.font);
    document.setDocumentMargin(0);
    document.setHtml(html);
    QAbstractTextDocumentLayout::PaintContext context;
    const bool selected = option.state.testFlag(QStyle::State_Selected);
    context.palette = option.palette;
    context.palette.setColor(QPalette::Text,
                             option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    painter->save();
    painter->setClipRect(area);
    const int top = area.top() + qMax(0, (area.height() - int(document.size().height())) / 2);
    painter->translate(area.left(), top);
    document.documentLayout()->draw(painter, context);
    painter->restore();
}

} // namespace Gavel::Ui
