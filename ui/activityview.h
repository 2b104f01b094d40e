#pragma once

#include "activityevent.h"

#include <QTreeView>

namespace Gavel::Ui {

class ActivityDelegate;

/// The timeline's view: days, events and their expanded lines. From the keyboard: arrows move,
/// Enter or Space opens or closes an event's details, Enter on a line with a link opens it, and
/// Ctrl+Enter opens an event's main link (its campaign, lot, sale or invoice). The context menu
/// (mouse or Menu key) lists every link of the row.
class ActivityView final : public QTreeView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityView)

public:
    explicit ActivityView(QWidget *parent = nullptr);

    ActivityDelegate *activityDelegate() const { return m_delegate; }
    /// The link under a point of the viewport, if any.
    Models::ActivityLink linkAt(const QPoint &pos) const;

Q_SIGNALS:
    void linkActivated(const Gavel::Models::ActivityLink &link);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void toggle(const QModelIndex &index);

    ActivityDelegate *m_delegate = nullptr;
};

} // namespace Gavel::Ui
