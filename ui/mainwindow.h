#pragma once

#include "connectionspec.h"
#include "navigationhistory.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>

class QAction;
class QLabel;
class QStackedWidget;

namespace Gavel::Models {
class BackgroundJob;
class Database;
class Loader;
struct Customer;
} // namespace Gavel::Models

namespace Gavel::Ui {

class CustomerListWidget;
class JobProgressDialog;
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
    /// Customers → Recalculate Segments…: scores RFM and recomputes every segment as of
    /// today in a background job with a progress dialog; the list and profile then reload.
    void recalculateSegments();
    /// File → Import…
    void importFile();
    QAction *recalculateSegmentsAction() const { return m_recalculateSegments; }

Q_SIGNALS:
    /// A segment recalculation ended (ok, cancelled or failed); the status bar says how.
    void segmentsRecalculated(bool ok);
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
    QAction *m_recalculateSegments = nullptr;
    QPointer<Models::BackgroundJob> m_segmentJob;
    /// Kept (hidden) after its job ends and replaced by the next run: the job's end can be
    /// handled inside the dialog's own progress update (QProgressDialog::setValue runs the
    /// event loop), so deleting it then would pull it from under that call.
    QPointer<JobProgressDialog> m_segmentDialog;
};

} // namespace Gavel::Ui
