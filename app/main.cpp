#include "commands.h"
#include "guiapplication.h"

#include <QApplication>
#include <QIcon>
#include <QLocale>

namespace {

void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Gavel"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("gavel.invalid"));
    QCoreApplication::setApplicationName(QStringLiteral("Gavel"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GAVEL_VERSION));
    // The POSIX "C" locale (containers, CI, a bare session) has no conventions for dates and
    // money: Qt would write "6,297.60£". Fall back to plain English ones there.
    if (QLocale::system().language() == QLocale::C) {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }
}

bool wantsTextOnly(int argc, char **argv)
{
    // `gavel --help` and `gavel --version` must work without a display, like the commands.
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--help" || arg == "-h" || arg == "--version" || arg == "-v" || arg == "--help-all") {
            return true;
        }
    }
    return false;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc > 1 && Gavel::App::isCommand(QString::fromLocal8Bit(argv[1]))) {
        QCoreApplication app(argc, argv);
        describeApplication();
        return Gavel::App::runCommand(QCoreApplication::arguments());
    }
    if (wantsTextOnly(argc, argv)) {
        QCoreApplication app(argc, argv);
        describeApplication();
        Gavel::App::GuiApplication gui;
        int exitCode = 0;
        gui.start(&exitCode); // QCommandLineParser prints the help or version and exits
        return exitCode;
    }

    QApplication app(argc, argv);
    describeApplication();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/gavel.svg")));
    QApplication::setDesktopFileName(QStringLiteral("io.github.gavelcrm.Gavel"));

    Gavel::App::GuiApplication gui;
    int exitCode = 0;
    if (!gui.start(&exitCode)) {
        return exitCode;
    }
    return QApplication::exec();
}
