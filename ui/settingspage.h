#pragma once

#include "result.h"

#include <QWidget>

namespace Gavel::Ui {

/// One page of the Settings dialog. Pages load their values when created and save them
/// when the dialog is accepted; a page that cannot save says why and the dialog stays open.
class SettingsPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsPage)

public:
    using QWidget::QWidget;

    virtual QString title() const = 0;
    virtual Models::Status save() = 0;
};

} // namespace Gavel::Ui
