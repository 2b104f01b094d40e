#pragma once

#include "result.h"

#include <QDate>
#include <QString>

#include <functional>

namespace Gavel::App {

/// Writes a demo database file: generated into "FILE.partial" and renamed into place only
/// when complete, so that a cancelled, failed or killed run never leaves half a database
/// behind under the real name.
struct DemoFileRequest
{
    QString path;
    int customers = 2000;
    quint64 seed = 1;
    QDate anchorDate;
    QString cataloguePath = QStringLiteral(":/demo/tate-artworks.csv");
    QString actor;
};

struct DemoFileResult
{
    qint64 customers = 0;
    qint64 events = 0;
    qint64 totalRows = 0;
    double seconds = 0;
};

using DemoProgress = std::function<bool(qint64 done, qint64 total, const QString &stage)>;

/// Runs on the calling thread with its own connection; `progress` returns false to cancel.
Models::Result<DemoFileResult> writeDemoFile(const DemoFileRequest &request, const DemoProgress &progress);

} // namespace Gavel::App
