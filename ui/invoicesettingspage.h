#pragma once

#include "settingspage.h"

class QListWidget;

namespace Gavel::Ui {

/// The Invoices page: which columns the profile's invoice list shows (a personal choice).
class InvoiceSettingsPage final : public SettingsPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InvoiceSettingsPage)

public:
    explicit InvoiceSettingsPage(QWidget *parent = nullptr);
    QString title() const override;
    Models::Status save() override;

    QListWidget *columnList() const { return m_columns; }

private:
    QListWidget *m_columns = nullptr;
};

} // namespace Gavel::Ui
