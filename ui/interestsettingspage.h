#pragma once

#include "settingspage.h"

class QSpinBox;

namespace Gavel::Models {
class Database;
}

namespace Gavel::Ui {

/// The Interests page: over how many days "Interest in categories" counts views. Shared by
/// the team (SettingsStore), like the retail seed's "Calculate customer interest for the
/// last X days".
class InterestSettingsPage final : public SettingsPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InterestSettingsPage)

public:
    explicit InterestSettingsPage(Models::Database &database, QWidget *parent = nullptr);
    QString title() const override;
    Models::Status save() override;

    QSpinBox *daysBox() const { return m_days; }

private:
    Models::Database &m_database;
    QSpinBox *m_days = nullptr;
    int m_loaded = 0;
};

} // namespace Gavel::Ui
