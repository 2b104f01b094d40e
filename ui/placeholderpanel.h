#pragma once

#include "profilepanel.h"

class QLabel;

namespace Gavel::Ui {

/// A panel whose content is not built yet: it says plainly what it will hold, and shows no
/// invented figures.
class PlaceholderPanel final : public ProfilePanel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlaceholderPanel)

public:
    explicit PlaceholderPanel(const QString &description, QWidget *parent = nullptr);
    void showCustomer(const Models::Customer &customer) override;
};

} // namespace Gavel::Ui
