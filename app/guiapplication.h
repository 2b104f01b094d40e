#pragma once

#include "connectionspec.h"
#include "result.h"

#include <QObject>

#include <memory>

namespace Gavel::Models {
class Database;
}
namespace Gavel::Ui {
class MainWindow;
}

namespace Gavel::App {

/// The composition root of the window: opens the database (asking for a password or
/// creating the demo when needed), builds the main window on it, and rebuilds it when the
/// user switches databases.
class GuiApplication final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuiApplication)

public:
    GuiApplication();
    ~GuiApplication() override;

    /// Parses the command line and shows the window; false when the app should quit
    /// (bad options, or the user gave up opening a database). `exitCode` says with what.
    bool start(int *exitCode);

private:
    /// Opens `spec`, creating the demo first if asked; shows errors in a dialog.
    Models::Result<std::unique_ptr<Models::Database>> openDatabase(Models::ConnectionSpec spec, bool demo);
    bool ensureDemoExists(const QString &path);
    void showWindow(std::unique_ptr<Models::Database> database);
    void switchDatabase(const Models::ConnectionSpec &spec, bool demo);
    void exportProfile(const QString &customerNo);

    std::unique_ptr<Models::Database> m_database;
    std::unique_ptr<Ui::MainWindow> m_window;
};

} // namespace Gavel::App
