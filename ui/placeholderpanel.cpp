#include "placeholderpanel.h"

#include <QLabel>
#include <QVBoxLayout>

namespace Gavel::Ui {

PlaceholderPanel::PlaceholderPanel(const QString &description, QWidget *parent) : ProfilePanel(parent)
{
    auto *label = new QLabel(description, this);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignCenter);
    label->setEnabled(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
}

void PlaceholderPanel::showCustomer(const Models::Customer &customer)
{
    Q_UNUSED(customer)
}

} // namespace Gavel::Ui
