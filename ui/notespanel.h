#pragma once

#include "customer.h"
#include "loader.h"
#include "note.h"
#include "notedraftstore.h"
#include "profilepanel.h"

#include <QTimer>

class QLabel;
class QListView;
class QPushButton;
class QStackedWidget;
class QTextBrowser;

namespace Gavel::Models {
class Database;
class NoteListModel;
} // namespace Gavel::Models

namespace Gavel::Ui {

class NoteDocument;
class NoteEditor;

/// The Notes tab of a profile: the customer's notes, pinned ones on top, then newest first;
/// the chosen one rendered (bold, italic, lists, links) with its author and times; writing,
/// editing, pinning and deleting notes.
///
/// Nothing typed is lost: what is typed in the editor is kept as a draft in the user's own
/// data folder (NoteDraftStore) at most kDraftDelayMs after each change, and at once when the
/// panel closes or changes customer, so it survives closing the window, switching customers
/// and a crash, and is offered back when the customer is shown again. Saving an
/// edit that a colleague's edit overtook opens NoteConflictDialog; deleting asks first and
/// can be undone from the bar that follows.
class NotesPanel final : public ProfilePanel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotesPanel)

public:
    /// The longest a change in the editor waits to be written to its draft. Saving a draft
    /// costs ~11 ms here (QSaveFile syncs the file to disk; docs/benchmarks.md), too much for
    /// every keystroke on the GUI thread; a crash loses at most this much typing.
    static constexpr int kDraftDelayMs = 300;

    /// `draftFolder` defaults to NoteDraftStore::defaultFolder().
    NotesPanel(Models::Database &database, Models::Loader &loader, const QString &draftFolder = {},
               QWidget *parent = nullptr);
    ~NotesPanel() override;

    void showCustomer(const Models::Customer &customer) override;
    /// Selects this note once the customer's notes are shown (from Search Notes).
    void revealNote(qint64 noteId);

    void newNote();
    void editNote();
    void deleteNote();
    void togglePin();
    void undoDelete();
    void resumeDraft();
    void discardDraft();

    bool isEditing() const { return m_editing; }
    /// Whether the customer's notes are on screen (the last load has arrived).
    bool isLoaded() const { return m_loaded; }
    Models::NoteListModel *model() const { return m_model; }
    QListView *list() const { return m_list; }
    NoteEditor *editor() const { return m_editor; }
    QTextBrowser *viewer() const { return m_viewer; }
    QLabel *viewerHeading() const { return m_viewerHeading; }
    QWidget *draftBar() const { return m_draftBar; }
    QWidget *undoBar() const { return m_undoBar; }
    QString draftMessage() const;
    QString errorMessage() const;
    const Models::NoteDraftStore &drafts() const { return m_drafts; }

Q_SIGNALS:
    /// The notes on screen changed (a load arrived).
    void notesShown();

private:
    void reload(qint64 selectNoteId = 0);
    void showSelected();
    void updateButtons();
    void offerDrafts();
    void beginEdit(const Models::Note &base, const QString &text);
    void endEdit();
    void keepDraft();
    /// Writes the draft now if a change is waiting for kDraftDelayMs.
    void flushDraft();
    /// Removes the draft of the note being edited (it was saved, or the user dropped it).
    void dropDraft();
    void save();
    void cancelEdit();
    /// After a failed save because someone else changed or deleted the note: asks what to do.
    void resolveConflict(const Models::Error &error);
    std::optional<Models::Note> selectedNote() const;
    void showError(const QString &message, const QString &detail = {});

    Models::Database &m_database;
    Models::Loader &m_loader;
    Models::LoadGeneration m_generation;
    Models::NoteDraftStore m_drafts;
    Models::Customer m_customer;
    Models::NoteListModel *m_model = nullptr;
    bool m_loaded = false;
    qint64 m_pendingSelect = 0;

    bool m_editing = false;
    Models::Note m_base; ///< the note being edited as it was opened (uuid empty: a new note)
    QList<Models::NoteDraft> m_offered;
    QTimer m_draftDelay;
    qint64 m_deletedNoteId = 0;

    QListView *m_list = nullptr;
    QStackedWidget *m_stack = nullptr;
    QWidget *m_viewerPage = nullptr;
    QLabel *m_viewerHeading = nullptr;
    QTextBrowser *m_viewer = nullptr;
    NoteDocument *m_document = nullptr;
    NoteEditor *m_editor = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_error = nullptr;

    QWidget *m_draftBar = nullptr;
    QLabel *m_draftLabel = nullptr;
    QWidget *m_undoBar = nullptr;
    QLabel *m_undoLabel = nullptr;

    QPushButton *m_newButton = nullptr;
    QPushButton *m_editButton = nullptr;
    QPushButton *m_pinButton = nullptr;
    QPushButton *m_deleteButton = nullptr;
};

} // namespace Gavel::Ui
