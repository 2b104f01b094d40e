#pragma once

#include "settingspage.h"

#include <QStringList>

class QLabel;
class QListWidget;

namespace Gavel::Models {
class Database;
}

namespace Gavel::Ui {

/// The Sidebar page: which attributes the profile's sidebar shows and in which order,
/// shared by everyone using the database (SidebarAttributes).
class SidebarSettingsPage final : public SettingsPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SidebarSettingsPage)

public:
    explicit SidebarSettingsPage(Models::Database &database, QWidget *parent = nullptr);
    QString title() const override;
    Models::Status save() override;

    /// The ticked attributes, in order.
    QStringList chosenKeys() const;
    /// Moves the current attribute up (-1) or down (+1).
    void moveCurrent(int step);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fill(const QStringList &shown);

    Models::Database &m_database;
    QListWidget *m_list = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace Gavel::Ui
