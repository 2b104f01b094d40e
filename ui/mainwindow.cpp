#include "mainwindow.h"

#include "backgroundjob.h"
#include "campaignpage.h"
#include "connectiondialog.h"
#include "customerlistmodel.h"
#include "customerlistwidget.h"
#include "database.h"
#include "importwizard.h"
#include "jobprogressdialog.h"
#include "invoicepage.h"
#include "loader.h"
#include "lotpage.h"
#include "navigator.h"
#include "notesearchdialog.h"
#include "notespanel.h"
#include "pollpage.h"
#include "profilewidget.h"
#include "segmentstore.h"
#include "salepage.h"
#include "settingsdialog.h"
#include "sidebarwidget.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QGuiApplication>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QToolBar>

namespace Gavel::Ui {

MainWindow::MainWindow(Models::Database &database, QWidget *parent) : QMainWindow(parent), m_database(database)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Gavel — %1").arg(database.spec().describe()));
    setWindowIcon(QIcon(QStringLiteral(":/icons/gavel.svg")));

    m_loader = new Models::Loader(database, this);
    m_navigator = new Navigator(this);
    m_stack = new QStackedWidget(this);
    setCentralWidget(m_stack);
    m_list = new CustomerListWidget(database, this);
    m_list->model()->setLoader(m_loader);
    m_profile = new ProfileWidget(database, *m_loader, *m_navigator, this);
    addPage(Place::Kind::CustomerList, m_list);
    addPage(Place::Kind::Customer, m_profile);
    addPage(Place::Kind::Campaign, new CampaignPage(*m_loader, *m_navigator, this));
    addPage(Place::Kind::Lot, new LotPage(*m_loader, *m_navigator, this));
    addPage(Place::Kind::Sale, new SalePage(*m_loader, *m_navigator, this));
    addPage(Place::Kind::Invoice, new InvoicePage(*m_loader, *m_navigator, this));
    addPage(Place::Kind::Poll, new PollPage(database, *m_loader, *m_navigator, this));

    connect(m_navigator, &Navigator::openRequested, this, &MainWindow::open);
    connect(m_list, &CustomerListWidget::customerActivated, this, &MainWindow::openCustomer);
    connect(m_list, &CustomerListWidget::placeRequested, this, &MainWindow::open);
    connect(m_profile, &ProfileWidget::customerShown, this, [this](const Models::Customer &customer) {
        setWindowTitle(tr("%1 — Gavel").arg(customer.displayName()));
        updateActions();
    });
    connect(m_profile, &ProfileWidget::customerFailed, this, [this](qint64 customerId, const QString &message) {
        m_history.forget(Place::customer(customerId));
        statusBar()->showMessage(message, 5000);
        updateActions();
    });

    m_databaseLabel = new QLabel(this);
    m_databaseLabel->setText(tr("%1 database: %2").arg(database.dialect().engineName(), database.spec().describe()));
    statusBar()->addPermanentWidget(m_databaseLabel);

    createActions();
    m_history.visit(Place::customerList());
    updateActions();

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray())) {
        // First start: a CRM shows a lot side by side, so take the whole screen; later starts
        // come back as the user left it.
        // (Without a window manager, maximising is only a hint: take the screen's size too.)
        const QScreen *screen = QGuiApplication::primaryScreen();
        resize(screen != nullptr ? screen->availableGeometry().size() : QSize(1280, 800));
        setWindowState(Qt::WindowMaximized);
    }
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *openFile = file->addAction(tr("&Open Database…"), this, &MainWindow::chooseDatabaseFile);
    openFile->setShortcut(QKeySequence::Open);
    file->addAction(tr("&Connect to PostgreSQL Server…"), this, &MainWindow::connectToServer);
    file->addAction(tr("Open &Demo Database"), this, &MainWindow::demoDatabaseRequested);
    file->addSeparator();
    QAction *importFile = file->addAction(tr("&Import…"), this, &MainWindow::importFile);
    importFile->setObjectName(QStringLiteral("importAction"));
    importFile->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    m_exportProfile = file->addAction(tr("&Export Profile…"), this, [this] {
        if (isShowingProfile()) {
            Q_EMIT exportProfileRequested(m_profile->customer().customerNo);
        }
    });
    m_exportProfile->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_exportProfile->setObjectName(QStringLiteral("exportProfileAction"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *settings = edit->addAction(tr("&Settings…"), this, [this] {
        SettingsDialog dialog(m_database, this);
        if (dialog.exec() == QDialog::Accepted && m_profile->customerId() != 0) {
            m_profile->sidebar()->setCustomer(m_profile->customer()); // the sidebar's attributes may have changed
        }
    });
    settings->setShortcut(QKeySequence::Preferences);
    settings->setMenuRole(QAction::PreferencesRole);

    QMenu *customers = menuBar()->addMenu(tr("&Customers"));
    m_recalculateSegments =
        customers->addAction(tr("&Recalculate Segments…"), this, &MainWindow::recalculateSegments);
    m_recalculateSegments->setObjectName(QStringLiteral("recalculateSegmentsAction"));
    m_recalculateSegments->setToolTip(tr("Score every customer's RFM and work out who is in each segment, as of "
                                         "today"));

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    m_back = go->addAction(style()->standardIcon(QStyle::SP_ArrowBack), tr("&Back"), this, &MainWindow::goBack);
    m_back->setShortcuts(QKeySequence::Back);
    m_forward =
        go->addAction(style()->standardIcon(QStyle::SP_ArrowForward), tr("&Forward"), this, &MainWindow::goForward);
    m_forward->setShortcuts(QKeySequence::Forward);
    m_home = go->addAction(style()->standardIcon(QStyle::SP_FileDialogListView), tr("&Customer List"), this,
                           [this] { open(Place::customerList()); });
    m_home->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Home));
    QAction *find = go->addAction(tr("&Find Customer"), this, [this] {
        if (m_stack->currentWidget() != m_list) {
            open(Place::customerList());
        }
        m_list->focusSearch();
    });
    find->setShortcut(QKeySequence::Find);
    QAction *searchNotes = go->addAction(tr("Search &Notes…"), this, &MainWindow::searchNotes);
    searchNotes->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    searchNotes->setObjectName(QStringLiteral("searchNotesAction"));
    go->addSeparator();
    m_previousCustomer = go->addAction(tr("&Previous Customer in List"), this, [this] { openNeighbour(-1); });
    m_previousCustomer->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    m_nextCustomer = go->addAction(tr("&Next Customer in List"), this, [this] { openNeighbour(+1); });
    m_nextCustomer->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Gavel"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)->setMenuRole(QAction::AboutQtRole);

    QToolBar *toolbar = addToolBar(tr("Navigation"));
    toolbar->setObjectName(QStringLiteral("navigationToolBar"));
    toolbar->setMovable(false);
    toolbar->addAction(m_back);
    toolbar->addAction(m_forward);
    toolbar->addAction(m_home);
}

bool MainWindow::isShowingProfile() const
{
    return m_stack->currentWidget() == m_profile && m_profile->customerId() != 0 &&
           m_history.current() == Place::customer(m_profile->customerId());
}

void MainWindow::addPage(Place::Kind kind, PlacePage *page)
{
    m_pages.insert(kind, page);
    m_stack->addWidget(page);
}

void MainWindow::open(const Place &place)
{
    if (place.kind == Place::Kind::Customer && place.id == 0) {
        return;
    }
    m_history.visit(place);
    display(place);
}

void MainWindow::goBack()
{
    display(m_history.back());
}

void MainWindow::goForward()
{
    display(m_history.forward());
}

void MainWindow::openNeighbour(int step)
{
    if (!isShowingProfile()) {
        return;
    }
    const qint64 neighbour = m_list->neighbourOf(m_profile->customerId(), step);
    if (neighbour != 0) {
        openCustomer(neighbour);
    }
}

void MainWindow::display(const Place &place)
{
    PlacePage *page = m_pages.value(place.kind);
    if (!page) {
        statusBar()->showMessage(tr("This kind of page cannot be shown yet."), 5000);
        return;
    }
    page->showPlace(place);
    m_stack->setCurrentWidget(page);
    if (page == m_list) {
        setWindowTitle(tr("Gavel — %1").arg(m_database.spec().describe()));
        // Keep the last opened customer selected, so the arrows continue from there.
        const int row = m_list->model()->rowOfCustomer(m_profile->customerId());
        if (row >= 0) {
            m_list->table()->selectRow(row);
            m_list->table()->setFocus();
        } else {
            m_list->focusSearch();
        }
    } else if (page == m_profile) {
        m_profile->tabs()->setFocus();
    } else {
        setWindowTitle(tr("%1 — Gavel").arg(page->title()));
        page->setFocus();
    }
    updateActions();
}

void MainWindow::updateActions()
{
    m_back->setEnabled(m_history.canGoBack());
    m_forward->setEnabled(m_history.canGoForward());
    const bool profile = isShowingProfile();
    m_exportProfile->setEnabled(profile);
    m_previousCustomer->setEnabled(profile);
    m_nextCustomer->setEnabled(profile);
}

void MainWindow::recalculateSegments()
{
    if (m_segmentJob) {
        return;
    }
    auto summary = std::make_shared<Models::SegmentRecomputeSummary>();
    auto *job = new Models::BackgroundJob(
        m_database.spec(), m_database.actor(), QStringLiteral("segments"),
        [summary](Models::Database &db, Models::BackgroundJob::Context &context) -> Models::Status {
            auto result = Models::SegmentStore(db).recompute(
                Models::AsOf::resolve({}),
                [&context](qint64 done, qint64 total, const QString &stage) { return context.progress(done, total, stage); });
            if (!result) {
                return result.error();
            }
            *summary = *result;
            return {};
        },
        this);
    m_segmentJob = job;
    m_recalculateSegments->setEnabled(false);
    delete m_segmentDialog;
    auto *dialog = new JobProgressDialog(job, tr("Recalculating Segments"), this);
    m_segmentDialog = dialog;
    connect(job, &Models::BackgroundJob::finished, this, [this, job, dialog, summary](const Models::Status &status) {
        dialog->hide();
        job->deleteLater();
        m_recalculateSegments->setEnabled(true);
        const QLocale locale;
        if (status) {
            statusBar()->showMessage(tr("Segments recalculated: %1 customers scored, %2 segment memberships, in %3 s.")
                                         .arg(locale.toString(summary->customersScored),
                                              locale.toString(summary->memberships),
                                              locale.toString(summary->seconds, 'f', 1)),
                                     10000);
        } else if (status.error().kind == Models::ErrorKind::Cancelled) {
            statusBar()->showMessage(tr("Recalculation stopped; the segments were left as they were."), 10000);
        } else {
            QMessageBox box(QMessageBox::Warning, tr("Recalculate Segments"), status.error().message, QMessageBox::Ok,
                            this);
            box.setDetailedText(status.error().detail);
            box.exec();
        }
        m_list->reload();
        m_profile->refresh();
        Q_EMIT segmentsRecalculated(status.ok());
    });
    dialog->show();
    job->start();
}

void MainWindow::searchNotes()
{
    NoteSearchDialog dialog(*m_loader, this);
    connect(&dialog, &NoteSearchDialog::noteChosen, this, [this](qint64 customerId, qint64 noteId) {
        openCustomer(customerId);
        auto *notes = qobject_cast<NotesPanel *>(m_profile->panel(ProfileWidget::Notes));
        if (notes) {
            m_profile->tabs()->setCurrentWidget(notes);
            notes->revealNote(noteId);
        }
    });
    dialog.exec();
}

void MainWindow::importFile()
{
    auto *wizard = new ImportWizard(m_database, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &ImportWizard::imported, this, [this](bool changed) {
        if (changed) {
            m_list->reload();
            m_profile->refresh();
        }
    });
    wizard->show();
}

void MainWindow::chooseDatabaseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Gavel Database"), QString(),
                                                      tr("Gavel databases (*.gavel *.sqlite *.db);;All files (*)"));
    if (!path.isEmpty()) {
        Q_EMIT databaseChangeRequested(Models::ConnectionSpec::sqlite(path));
    }
}

void MainWindow::connectToServer()
{
    ConnectionDialog dialog(this);
    if (m_database.spec().engine == Models::Engine::Postgres) {
        dialog.setSpec(m_database.spec());
    }
    if (dialog.exec() == QDialog::Accepted) {
        Q_EMIT databaseChangeRequested(dialog.spec());
    }
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Gavel"),
        tr("<h3>Gavel %1</h3>"
           "<p>A desktop CRM for auction houses: every collector's relationship with the house in one profile.</p>"
           "<p>The demo database's lots come from the Tate collection's open data (CC0), "
           "<a href=\"https://github.com/tategallery/collection\">github.com/tategallery/collection</a>.</p>"
           "<p>Phone numbers are checked with Google's libphonenumber (Apache 2.0).</p>")
            .arg(QApplication::applicationVersion()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    event->accept();
}

} // namespace Gavel::Ui
