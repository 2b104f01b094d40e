#pragma once

#include <QDialog>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace Gavel::Models {
class Database;
}

namespace Gavel::Ui {

class SettingsPage;

/// Edit → Settings: a list of pages on the left, the selected page on the right. Settings
/// the team shares are stored in the database; the user's own (their name) in QSettings.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    explicit SettingsDialog(Models::Database &database, QWidget *parent = nullptr);

    void addPage(SettingsPage *page);
    SettingsPage *page(int index) const;
    int pageCount() const;

    void accept() override;

private:
    QListWidget *m_list = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace Gavel::Ui
