#pragma once

#include "place.h"

#include <QObject>

namespace Gavel::Ui {

/// Handed down to every widget that links somewhere (a campaign name in the timeline, a lot
/// in the item history): open() asks the main window to go there, recorded in the history.
class Navigator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Navigator)

public:
    using QObject::QObject;

    void open(const Place &place) { Q_EMIT openRequested(place); }

Q_SIGNALS:
    void openRequested(const Gavel::Ui::Place &place);
};

} // namespace Gavel::Ui
