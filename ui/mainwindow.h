#pragma once

#include "connectionspec.h"
#include "navigationhistory.h"

#include <QHash>
#include <QMainWindow>

class QAction;
class QLabel;
class QStackedWidget;

namespace Gavel::Models {
class Database;
class Loader;
struct Customer;
} // namespace Gavel::Models

namespace Gavel::Ui {

class CustomerListWidget;
class Navigator;
class PlacePage;
class ProfileWidget;

/// The main window: the customer list, customer profiles and the pages of lots, sales,
/// campaigns and invoices, with browser-like back and forward between them.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(Models::Database &database, QWidget *parent = nullptr);
    ~MainWindow() override;

    CustomerListWidget *customerList() const { return m_list; }
    ProfileWidget *profile() const { return m_profile; }
    Navigator *navigator() const { return m_navigator; }
    Models::Loader *loader() const { return m_loader; }
    /// Whether a customer's profile is on screen (loaded, not just requested).
    bool isShowingProfile() const;
    Place currentPlace() const { return m_history.current(); }

    /// Shows a place and records it in the history.
    void open(const Place &place);
    void openCustomer(qint64 customerId) { open(Place::customer(customerId)); }
    void goBack();
    void goForward();
    /// The previous (-1) or next (+1) customer of the list, from inside a profile.
    void openNeighbour(int step);
    /// Adds a page for a kind of place (a lot page, a campaign page…).
    void addPage(Place::Kind kind, PlacePage *page);

Q_SIGNALS:
    /// The user chose another database; the application reopens the window on it.
    void databaseChangeRequested(const Gavel::Models::ConnectionSpec &spec);
    void demoDatabaseRequested();
    void exportProfileRequested(const QString &customerNo);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void display(const Place &place);
    void updateActions();
    void searchNotes();
    void chooseDatabaseFile();
    void connectToServer();
    void showAbout();

    Models::Database &m_database;
    Models::Loader *m_loader = nullptr;
    Navigator *m_navigator = nullptr;
    NavigationHistory m_history;
    QStackedWidget *m_stack = nullptr;
    CustomerListWidget *m_list = nullptr;
    ProfileWidget *m_profile = nullptr;
    QHash<Place::Kind, PlacePage *> m_pages;
    QLabel *m_databaseLabel = nullptr;

    QAction *m_back = nullptr;
    QAction *m_forward = nullptr;
    QAction *m_home = nullptr;
    QAction *m_previousCustomer = nullptr;
    QAction *m_nextCustomer = nullptr;
    QAction *m_exportProfile = nullptr;
};

} // namespace Gavel::Ui
