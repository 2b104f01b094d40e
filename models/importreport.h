#pragma once

#include "result.h"

#include <QList>
#include <QString>
#include <QStringList>

class QIODevice;

namespace Gavel::Models {

/// A row the import left out, and why: what a person needs to fix it in the file.
struct RejectedRow
{
    QString file;       ///< the file (or ZIP entry) the row came from
    qint64 line = 0;    ///< the line the row starts on, as a spreadsheet numbers it (headings are 1)
    QString column;     ///< the column heading (or field) at fault
    QString reason;     ///< what is wrong, in the house's words
    QStringList values; ///< the row as read, to fix and import again
};

/// What an import did.
struct ImportReport
{
    enum class Outcome
    {
        Complete,         ///< every batch committed
        CancelledAtBatch, ///< stopped by the person; the batches before stay imported
        RolledBack,       ///< nothing imported: strict mode found rejected rows, or it was cancelled
    };

    Outcome outcome = Outcome::Complete;
    QStringList headers; ///< the first file's headings, for the rejected-rows file
    qint64 rowsRead = 0;
    qint64 created = 0;   ///< new records (customers, lots, bids…)
    qint64 updated = 0;   ///< existing records with at least one field changed
    qint64 unchanged = 0; ///< rows that matched a record and changed nothing
    qint64 rejected = 0;
    qint64 committedThroughLine = 0; ///< after a cancel: rows up to this line are imported
    QList<RejectedRow> rejects;      ///< capped at kMaxListedRejects; `rejected` counts them all
    double seconds = 0;

    static constexpr int kMaxListedRejects = 100'000;

    qint64 accepted() const { return created + updated + unchanged; }
    double rowsPerSecond() const { return seconds > 0 ? rowsRead / seconds : 0; }
    /// One or two sentences for people: what was imported and, after a cancel or a strict
    /// failure, in what state the database was left.
    QString summary() const;
    /// Writes the rejected rows as CSV (UTF-8 with BOM, so spreadsheets read it): Row,
    /// Column, Reason, then the row's own columns under their headings, ready to be fixed
    /// and imported again.
    Status writeRejects(QIODevice &device) const;
};

} // namespace Gavel::Models
