#pragma once

#include "place.h"

#include <QWidget>

namespace Gavel::Ui {

/// A page of the main window that shows one kind of place (a lot, a sale, a campaign…).
class PlacePage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlacePage)

public:
    using QWidget::QWidget;

    /// Shows the place; when it cannot be shown (deleted meanwhile) the page says why.
    virtual void showPlace(const Place &place) = 0;
    /// What the page shows, for the window title and the status bar.
    virtual QString title() const = 0;
};

} // namespace Gavel::Ui
