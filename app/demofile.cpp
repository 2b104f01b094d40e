#include "demofile.h"

#include "database.h"
#include "demogenerator.h"

#include <QCoreApplication>
#include <QFile>

namespace Gavel::App {

using Models::Database;
using Models::Error;
using Models::ErrorKind;

namespace {

void removeSqliteFiles(const QString &path)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")}) {
        QFile::remove(path + suffix);
    }
}

} // namespace

Models::Result<DemoFileResult> writeDemoFile(const DemoFileRequest &request, const DemoProgress &progress)
{
    const QString partial = request.path + QStringLiteral(".partial");
    removeSqliteFiles(partial);

    DemoFileResult result;
    {
        auto database = Database::open(Models::ConnectionSpec::sqlite(partial), QStringLiteral("demo"));
        if (!database) {
            return database.error();
        }
        (*database)->setActor(request.actor);
        Models::DemoOptions options;
        options.customers = request.customers;
        options.seed = request.seed;
        options.anchorDate = request.anchorDate;
        options.cataloguePath = request.cataloguePath;
        Models::DemoGenerator generator(**database, options);
        const Models::Status status = generator.generate(progress);
        if (!status) {
            database->reset();
            removeSqliteFiles(partial);
            return status.error();
        }
        const Models::DemoStats stats = generator.stats();
        result.customers = stats.customers;
        result.events = stats.events;
        result.totalRows = stats.totalRows;
        result.seconds = stats.seconds;
    } // the last connection closes: SQLite folds the WAL into the file and removes it

    removeSqliteFiles(request.path);
    if (!QFile::rename(partial, request.path)) {
        removeSqliteFiles(partial);
        return Error::make(ErrorKind::General,
                           QCoreApplication::translate("Demo", "The demo database was generated but could not be "
                                                               "moved to “%1”.")
                               .arg(request.path));
    }
    return result;
}

} // namespace Gavel::App
