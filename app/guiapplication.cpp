#include "guiapplication.h"

#include "backgroundjob.h"
#include "commandline.h"
#include "commands.h"
#include "database.h"
#include "demofile.h"
#include "jobprogressdialog.h"
#include "mainwindow.h"
#include "profileexporter.h"
#include "profilesections.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMessageBox>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>

namespace Gavel::App {

using Models::ConnectionSpec;
using Models::Database;
using Models::Error;
using Models::ErrorKind;

namespace {

void showError(QWidget *parent, const QString &title, const Error &error)
{
    QMessageBox box(QMessageBox::Warning, title, error.message, QMessageBox::Ok, parent);
    if (!error.detail.isEmpty()) {
        box.setDetailedText(error.detail);
    }
    box.exec();
}

} // namespace

GuiApplication::GuiApplication() = default;

GuiApplication::~GuiApplication()
{
    // The window's models hold queries on the connection: they go first.
    m_window.reset();
    m_database.reset();
}

bool GuiApplication::start(int *exitCode)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Gavel, a desktop CRM for auction houses.") + overviewHelp());
    parser.addHelpOption();
    parser.addVersionOption();
    addDatabaseOptions(parser, true);
    parser.addPositionalArgument(QStringLiteral("file"), tr("A Gavel database file to open (as --database)."),
                                 QStringLiteral("[FILE]"));
    parser.process(*QCoreApplication::instance());

    // A file given on its own (a double-click on a .gavel file) is opened like --database.
    QString fallback = QSettings().value(QStringLiteral("database/lastFile")).toString();
    if (fallback.isEmpty()) {
        fallback = defaultDatabasePath();
    }
    if (!parser.positionalArguments().isEmpty()) {
        fallback = QFileInfo(parser.positionalArguments().constFirst()).absoluteFilePath();
    }
    auto choice = databaseChoice(parser, fallback);
    if (!choice) {
        showError(nullptr, tr("Gavel"), choice.error());
        *exitCode = 2;
        return false;
    }
    auto database = openDatabase(choice->spec, choice->demo);
    if (!database) {
        if (database.error().kind != ErrorKind::Cancelled) {
            showError(nullptr, tr("Cannot open the database"), database.error());
        }
        *exitCode = database.error().kind == ErrorKind::Cancelled ? 0 : 1;
        return false;
    }
    showWindow(std::move(*database));
    return true;
}

Models::Result<std::unique_ptr<Database>> GuiApplication::openDatabase(ConnectionSpec spec, bool demo)
{
    if (demo && !ensureDemoExists(spec.sqlitePath)) {
        return Error::make(ErrorKind::Cancelled, tr("The demo database was not created."));
    }
    for (int attempt = 0;; ++attempt) {
        auto database = Database::open(spec, QStringLiteral("gui"));
        if (database || spec.engine != Models::Engine::Postgres || database.error().kind != ErrorKind::Invalid ||
            attempt >= 3) {
            if (database) {
                (*database)->setActor(userName());
            }
            return database;
        }
        // The server wants a password (or the last one was wrong): ask, never store it here.
        bool ok = false;
        spec.password = QInputDialog::getText(
            nullptr, tr("PostgreSQL password"),
            (attempt == 0 ? QString() : tr("That password was not accepted.") + u'\n') +
                tr("Password for %1 on %2:").arg(spec.user.isEmpty() ? tr("your user") : spec.user, spec.host),
            QLineEdit::Password, QString(), &ok);
        if (!ok) {
            return Error::make(ErrorKind::Cancelled, tr("No password was given."));
        }
    }
}

bool GuiApplication::ensureDemoExists(const QString &path)
{
    if (QFileInfo(path).size() > 0) {
        return true;
    }
    DemoFileRequest request;
    request.path = path;
    request.actor = userName();
    Models::Status outcome;
    // The demo is written to a file of its own on the job's thread and renamed into place.
    Models::BackgroundJob job(
        QStringLiteral("demo"), [request](Models::BackgroundJob::Context &context) -> Models::Status {
            auto result = writeDemoFile(request, [&context](qint64 done, qint64 total, const QString &stage) {
                return context.progress(done, total, stage);
            });
            if (!result) {
                return result.error();
            }
            return {};
        });
    Ui::JobProgressDialog dialog(&job, tr("Creating the demo database"));
    dialog.setLabelText(tr("Creating a demo auction house with 2,000 customers…"));
    QEventLoop loop;
    connect(&job, &Models::BackgroundJob::finished, &loop, [&](const Models::Status &status) {
        outcome = status;
        loop.quit();
    });
    dialog.show();
    job.start();
    loop.exec();
    dialog.hide();
    if (!outcome.ok() && outcome.error().kind != ErrorKind::Cancelled) {
        showError(nullptr, tr("The demo database could not be created"), outcome.error());
    }
    return outcome.ok();
}

void GuiApplication::showWindow(std::unique_ptr<Database> database)
{
    m_window.reset();
    m_database = std::move(database);
    if (m_database->spec().engine == Models::Engine::Sqlite &&
        m_database->spec().sqlitePath != demoDatabasePath()) {
        QSettings().setValue(QStringLiteral("database/lastFile"), m_database->spec().sqlitePath);
    }
    m_window = std::make_unique<Ui::MainWindow>(*m_database);
    connect(m_window.get(), &Ui::MainWindow::databaseChangeRequested, this,
            [this](const ConnectionSpec &spec) { switchDatabase(spec, false); });
    connect(m_window.get(), &Ui::MainWindow::demoDatabaseRequested, this,
            [this] { switchDatabase(ConnectionSpec::sqlite(demoDatabasePath()), true); });
    connect(m_window.get(), &Ui::MainWindow::exportProfileRequested, this, &GuiApplication::exportProfile);
    m_window->show();
}

void GuiApplication::switchDatabase(const ConnectionSpec &spec, bool demo)
{
    // Open the new one first: if it fails, the user keeps working where they were.
    auto database = openDatabase(spec, demo);
    if (!database) {
        if (database.error().kind != ErrorKind::Cancelled) {
            showError(m_window.get(), tr("Cannot open the database"), database.error());
        }
        return;
    }
    // Leave the signal handler before the window that sent it is destroyed.
    auto *pending = database->release();
    QTimer::singleShot(0, this, [this, pending] { showWindow(std::unique_ptr<Database>(pending)); });
}

void GuiApplication::exportProfile(const QString &customerNo)
{
    const QString suggested =
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + u'/' + customerNo + u".json";
    const QString path =
        QFileDialog::getSaveFileName(m_window.get(), tr("Export Profile"), suggested, tr("JSON files (*.json)"));
    if (path.isEmpty()) {
        return;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        showError(m_window.get(), tr("Export Profile"),
                  Error::make(ErrorKind::General, tr("Cannot write “%1”: %2").arg(path, file.errorString())));
        return;
    }
    Models::ProfileExporter exporter(*m_database);
    Models::addProfileSections(exporter);
    if (Models::Status status = exporter.exportJson(customerNo, file); !status) {
        file.cancelWriting();
        showError(m_window.get(), tr("Export Profile"), status.error());
        return;
    }
    if (!file.commit()) {
        showError(m_window.get(), tr("Export Profile"),
                  Error::make(ErrorKind::General, tr("Cannot write “%1”: %2").arg(path, file.errorString())));
        return;
    }
    m_window->statusBar()->showMessage(tr("Exported %1 to %2").arg(customerNo, path), 5000);
}

} // namespace Gavel::App
