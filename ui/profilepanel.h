#pragma once

#include "customer.h"

#include <QWidget>

namespace Gavel::Ui {

/// One tab of a profile (Overview, Activities…). Panels load their data through the
/// profile's Models::Loader, off the GUI thread, and fill in as it arrives.
class ProfilePanel : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfilePanel)

public:
    using QWidget::QWidget;

    /// Shows this customer; pending loads for the previous one must be dropped
    /// (Models::LoadGeneration::renew()).
    virtual void showCustomer(const Models::Customer &customer) = 0;
};

} // namespace Gavel::Ui
