#pragma once

#include "activityevent.h"

#include <QStyledItemDelegate>

namespace Gavel::Ui {

/// Paints the timeline from the model's roles (never the database): day headings, event rows
/// (category icon, time, name in bold, the description with its links underlined) and the
/// lines of an expanded event. A click on a link emits linkActivated().
class ActivityDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityDelegate)

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;

    /// The link under `pos` (in the view's viewport) in a row painted at option.rect.
    Models::ActivityLink linkAt(const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) const;

Q_SIGNALS:
    void linkActivated(const Gavel::Models::ActivityLink &link);

private:
    /// One piece of text of a row where it is painted, and the link it stands for.
    struct Piece
    {
        QRect rect;
        QString text;
        Models::ActivityLink link;
        QFont font;
        bool secondary = false;
    };
    /// Lays a row out: the same pieces for painting and for finding the link under the mouse.
    QList<Piece> layout(const QStyleOptionViewItem &option, const QModelIndex &index, QRect *iconRect) const;
};

} // namespace Gavel::Ui
