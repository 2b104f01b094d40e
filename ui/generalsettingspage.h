#pragma once

#include "settingspage.h"

class QComboBox;
class QLineEdit;

namespace Gavel::Models {
class Database;
}

namespace Gavel::Ui {

/// The General page: the user's name (it signs notes and changes), the house's name and
/// currency.
class GeneralSettingsPage final : public SettingsPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GeneralSettingsPage)

public:
    explicit GeneralSettingsPage(Models::Database &database, QWidget *parent = nullptr);
    QString title() const override;
    Models::Status save() override;

private:
    Models::Database &m_database;
    QLineEdit *m_userName = nullptr;
    QLineEdit *m_houseName = nullptr;
    QComboBox *m_currency = nullptr;
};

} // namespace Gavel::Ui
