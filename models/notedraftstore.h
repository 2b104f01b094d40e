#pragma once

#include "note.h"
#include "result.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace Gavel::Models {

/// A note being written or edited that is not saved yet. It belongs to whoever types it, so
/// it lives in their own application data folder, not in the shared database.
struct NoteDraft
{
    QString customerUuid;
    qint64 customerId = 0; ///< for opening it; the uuid is what identifies the customer
    /// The note as it was when editing began (its text and version), so that saving the
    /// draft later still notices a colleague's change; empty (uuid empty) for a new note.
    Note base;
    QString text;      ///< what was typed, exactly
    QDateTime savedAt; ///< when the draft was last written

    bool isNew() const { return base.uuid.isEmpty(); }
};

/// Drafts of notes, one file per draft, written atomically (QSaveFile) so that a crash
/// mid-write leaves the previous draft intact. A draft is keyed by the database (its
/// ConnectionSpec::describe()), the customer's uuid and the note's uuid ("new" for a note
/// not saved yet): at most one draft per note, and one new note per customer.
class NoteDraftStore final
{
public:
    /// `folder` defaults to defaultFolder().
    explicit NoteDraftStore(const QString &databaseIdentity, const QString &folder = {});

    /// "drafts" in QStandardPaths::AppLocalDataLocation.
    static QString defaultFolder();

    Status save(const NoteDraft &draft);
    /// The draft of one note (an empty noteUuid: the new note), if there is one.
    std::optional<NoteDraft> load(const QString &customerUuid, const QString &noteUuid) const;
    /// Every draft for a customer, oldest first.
    QList<NoteDraft> forCustomer(const QString &customerUuid) const;
    Status remove(const QString &customerUuid, const QString &noteUuid);

    /// The file a draft is kept in (for tests and messages).
    QString filePath(const QString &customerUuid, const QString &noteUuid) const;

private:
    QString customerFolder(const QString &customerUuid) const;
    std::optional<NoteDraft> read(const QString &path) const;

    QString m_identity;
    QString m_folder;
};

} // namespace Gavel::Models
