#pragma once

#include <QStyledItemDelegate>

namespace Gavel::Ui {

/// Paints a cell from its Models::HighlightHtmlRole (escaped rich text, search matches in
/// <b>) where the model gives one, else as usual. One line, cut at the cell's edge.
class RichTextDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RichTextDelegate)

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace Gavel::Ui
