#include "activityview.h"

#include "activitydelegate.h"
#include "activitymodel.h"
#include "roles.h"

#include <QContextMenuEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>

namespace Gavel::Ui {

using Models::ActivityLink;
using Models::ActivityModel;
using Models::ActivitySegment;
using RowType = Models::ActivityModel::RowType;

namespace {

/// Every link a row shows: the segments of an event, the link of a detail line.
QList<ActivityLink> linksOf(const QModelIndex &index)
{
    QList<ActivityLink> links;
    if (ActivityModel::rowTypeOf(index) == RowType::Event) {
        for (const ActivitySegment &segment : index.data(Models::SegmentsRole).value<QList<ActivitySegment>>()) {
            if (segment.link.isValid()) {
                links << segment.link;
            }
        }
    } else {
        const auto link = index.data(Models::LinkRole).value<ActivityLink>();
        if (link.isValid()) {
            links << link;
        }
    }
    return links;
}

} // namespace

ActivityView::ActivityView(QWidget *parent) : QTreeView(parent)
{
    m_delegate = new ActivityDelegate(this);
    setItemDelegate(m_delegate);
    setHeaderHidden(true);
    setRootIsDecorated(true);
    setUniformRowHeights(false);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setExpandsOnDoubleClick(true);
    setAllColumnsShowFocus(true);
    setMouseTracking(true);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    header()->setStretchLastSection(true);
    connect(m_delegate, &ActivityDelegate::linkActivated, this, &ActivityView::linkActivated);
}

ActivityLink ActivityView::linkAt(const QPoint &pos) const
{
    const QModelIndex index = indexAt(pos);
    if (!index.isValid()) {
        return {};
    }
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.rect = visualRect(index);
    return m_delegate->linkAt(option, index, pos);
}

void ActivityView::toggle(const QModelIndex &index)
{
    if (model()->hasChildren(index)) {
        setExpanded(index, !isExpanded(index));
    }
}

void ActivityView::keyPressEvent(QKeyEvent *event)
{
    const QModelIndex current = currentIndex();
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (current.isValid() && enter && (event->modifiers() & Qt::ControlModifier)) {
        const auto link = current.data(Models::LinkRole).value<ActivityLink>();
        if (link.isValid()) {
            Q_EMIT linkActivated(link);
        }
        event->accept();
        return;
    }
    if (current.isValid() && enter && event->modifiers() == Qt::NoModifier) {
        const auto link = current.data(Models::LinkRole).value<ActivityLink>();
        if (ActivityModel::rowTypeOf(current) == RowType::Detail && link.isValid()) {
            Q_EMIT linkActivated(link);
        } else {
            toggle(current);
        }
        event->accept();
        return;
    }
    if (current.isValid() && event->key() == Qt::Key_Space && event->modifiers() == Qt::NoModifier) {
        toggle(current);
        event->accept();
        return;
    }
    QTreeView::keyPressEvent(event);
}

void ActivityView::mouseMoveEvent(QMouseEvent *event)
{
    // A pointing hand over links, as in a browser.
    if (linkAt(event->position().toPoint()).isValid()) {
        viewport()->setCursor(Qt::PointingHandCursor);
    } else {
        viewport()->unsetCursor();
    }
    QTreeView::mouseMoveEvent(event);
}

void ActivityView::contextMenuEvent(QContextMenuEvent *event)
{
    const QModelIndex index = event->reason() == QContextMenuEvent::Keyboard ? currentIndex() : indexAt(event->pos());
    if (!index.isValid()) {
        return;
    }
    QMenu menu(this);
    for (const ActivityLink &link : linksOf(index)) {
        if (!link.isValid()) {
            continue;
        }
        // Lots, sales and invoices say what they are in their text ("Lot 12: …"); a mailing's
        // name does not.
        const QString what = link.target == ActivityLink::Target::Campaign ? tr("Open Mailing “%1”") : tr("Open %1");
        menu.addAction(what.arg(link.text), this, [this, link] { Q_EMIT linkActivated(link); });
    }
    if (model()->hasChildren(index)) {
        if (!menu.isEmpty()) {
            menu.addSeparator();
        }
        menu.addAction(isExpanded(index) ? tr("Hide Details") : tr("Show Details"), this,
                       [this, index] { toggle(index); });
    }
    if (!menu.isEmpty()) {
        const QPoint at = event->reason() == QContextMenuEvent::Keyboard
                              ? viewport()->mapToGlobal(visualRect(index).bottomLeft())
                              : event->globalPos();
        menu.exec(at);
    }
}

} // namespace Gavel::Ui
