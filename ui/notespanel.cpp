#include "notespanel.h"

#include "database.h"
#include "formatting.h"
#include "noteconflictdialog.h"
#include "notedelegate.h"
#include "notedocument.h"
#include "noteeditor.h"
#include "notelistmodel.h"
#include "notestore.h"
#include "notetext.h"
#include "roles.h"

#include <QAction>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace Gavel::Ui {

namespace {

/// How much of a note a question or a bar quotes.
constexpr int kQuoteChars = 80;

QWidget *makeBar(QWidget *parent, const QString &name, QLabel **label)
{
    auto *bar = new QFrame(parent);
    bar->setObjectName(name);
    bar->setFrameShape(QFrame::StyledPanel);
    bar->setAutoFillBackground(true);
    bar->setBackgroundRole(QPalette::AlternateBase);
    *label = new QLabel(bar);
    (*label)->setWordWrap(true);
    auto *layout = new QHBoxLayout(bar);
    layout->addWidget(*label, 1);
    bar->hide();
    return bar;
}

/// Asks a yes/no question whose "yes" is `action`; true if the user chose it. Cancel is the default.
bool ask(QWidget *parent, const QString &title, const QString &text, const QString &informative, const QString &action)
{
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::NoButton, parent);
    box.setObjectName(QStringLiteral("notesQuestion"));
    box.setInformativeText(informative);
    QPushButton *yes = box.addButton(action, QMessageBox::DestructiveRole);
    QPushButton *no = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(no);
    box.setEscapeButton(no);
    box.exec();
    return box.clickedButton() == yes;
}

} // namespace

NotesPanel::NotesPanel(Models::Database &database, Models::Loader &loader, const QString &draftFolder, QWidget *parent)
    : ProfilePanel(parent), m_database(database), m_loader(loader), m_drafts(database.spec().describe(), draftFolder)
{
    m_model = new Models::NoteListModel(this);

    // The buttons. Mnemonics avoid the menu bar's and the profile tabs' letters.
    m_newButton = new QPushButton(tr("Ne&w Note"), this);
    m_newButton->setObjectName(QStringLiteral("newNoteButton"));
    m_newButton->setToolTip(tr("Write a note about this customer (Ctrl+N)"));
    m_editButton = new QPushButton(tr("Edit Note"), this);
    m_editButton->setObjectName(QStringLiteral("editNoteButton"));
    m_editButton->setToolTip(tr("Change the chosen note (F2 or Enter)"));
    m_pinButton = new QPushButton(tr("&Pin to Top"), this);
    m_pinButton->setObjectName(QStringLiteral("pinNoteButton"));
    m_deleteButton = new QPushButton(tr("&Delete Note…"), this);
    m_deleteButton->setObjectName(QStringLiteral("deleteNoteButton"));
    m_deleteButton->setToolTip(tr("Delete the chosen note (Delete); it can be undone"));
    connect(m_newButton, &QPushButton::clicked, this, &NotesPanel::newNote);
    connect(m_editButton, &QPushButton::clicked, this, &NotesPanel::editNote);
    connect(m_pinButton, &QPushButton::clicked, this, &NotesPanel::togglePin);
    connect(m_deleteButton, &QPushButton::clicked, this, &NotesPanel::deleteNote);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_newButton);
    buttons->addWidget(m_editButton);
    buttons->addWidget(m_pinButton);
    buttons->addWidget(m_deleteButton);
    buttons->addStretch(1);

    auto *newAction = new QAction(this);
    newAction->setShortcut(QKeySequence::New);
    // The whole window while the Notes tab shows: after Alt+T the focus is on the tab bar, outside the panel.
    newAction->setShortcutContext(Qt::WindowShortcut);
    connect(newAction, &QAction::triggered, this, &NotesPanel::newNote);
    addAction(newAction);

    // A recovered draft, and the undo of a deletion, each in a bar above the notes.
    m_draftBar = makeBar(this, QStringLiteral("draftBar"), &m_draftLabel);
    auto *resume = new QPushButton(tr("&Resume Draft"), m_draftBar);
    resume->setObjectName(QStringLiteral("resumeDraftButton"));
    auto *discard = new QPushButton(tr("Discard Draft…"), m_draftBar);
    discard->setObjectName(QStringLiteral("discardDraftButton"));
    m_draftBar->layout()->addWidget(resume);
    m_draftBar->layout()->addWidget(discard);
    connect(resume, &QPushButton::clicked, this, &NotesPanel::resumeDraft);
    connect(discard, &QPushButton::clicked, this, &NotesPanel::discardDraft);

    m_undoBar = makeBar(this, QStringLiteral("undoBar"), &m_undoLabel);
    auto *undo = new QPushButton(tr("&Undo"), m_undoBar);
    undo->setObjectName(QStringLiteral("undoDeleteButton"));
    undo->setToolTip(tr("Bring the note back (Ctrl+Z)"));
    auto *dismiss = new QPushButton(tr("Dismiss"), m_undoBar);
    m_undoBar->layout()->addWidget(undo);
    m_undoBar->layout()->addWidget(dismiss);
    connect(undo, &QPushButton::clicked, this, &NotesPanel::undoDelete);
    connect(dismiss, &QPushButton::clicked, m_undoBar, &QWidget::hide);
    auto *undoAction = new QAction(this);
    undoAction->setShortcut(QKeySequence::Undo);
    undoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(undoAction, &QAction::triggered, this, [this] {
        if (m_undoBar->isVisible() && !m_editing) {
            undoDelete();
        }
    });
    addAction(undoAction);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("notesError"));
    m_error->setWordWrap(true);
    m_error->hide();

    // The list of notes.
    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("noteList"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new NoteDelegate(m_list));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setUniformItemSizes(true);
    m_list->setAlternatingRowColors(true);
    m_list->setAccessibleName(tr("Notes"));
    connect(m_list, &QListView::activated, this, &NotesPanel::editNote);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        showSelected();
        updateButtons();
    });
    auto *editAction = new QAction(this);
    editAction->setShortcut(QKeySequence(Qt::Key_F2));
    editAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(editAction, &QAction::triggered, this, [this] {
        if (!m_editing) {
            editNote();
        }
    });
    addAction(editAction);
    // While writing, the text field takes Delete for itself; elsewhere in the panel it deletes the note.
    auto *deleteAction = new QAction(this);
    deleteAction->setShortcut(QKeySequence::Delete);
    deleteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(deleteAction, &QAction::triggered, this, &NotesPanel::deleteNote);
    addAction(deleteAction);

    m_empty = new QLabel(tr("No notes about this customer yet.\nPress Ctrl+N to write the first."), this);
    m_empty->setObjectName(QStringLiteral("notesEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->hide();
    auto *listColumn = new QWidget(this);
    // Wide enough for a note's heading (pin, author, date) on one line.
    listColumn->setMinimumWidth(36 * fontMetrics().horizontalAdvance(u'M'));
    auto *listLayout = new QVBoxLayout(listColumn);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_list, 1);
    listLayout->addWidget(m_empty, 1);

    // The chosen note, rendered; or the editor.
    m_viewerPage = new QWidget(this);
    m_viewerHeading = new QLabel(m_viewerPage);
    m_viewerHeading->setObjectName(QStringLiteral("noteHeading"));
    m_viewerHeading->setWordWrap(true);
    m_viewerHeading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_document = new NoteDocument(this);
    m_viewer = new QTextBrowser(m_viewerPage);
    m_viewer->setObjectName(QStringLiteral("noteViewer"));
    m_viewer->setDocument(m_document);
    m_viewer->setOpenLinks(false);
    m_viewer->setAccessibleName(tr("The chosen note"));
    connect(m_viewer, &QTextBrowser::anchorClicked, this, [](const QUrl &url) {
        // Only web pages and e-mail: a note must not be able to start anything else.
        if (NoteDocument::isOpenableLink(url)) {
            QDesktopServices::openUrl(url);
        }
    });
    auto *viewerLayout = new QVBoxLayout(m_viewerPage);
    viewerLayout->setContentsMargins(0, 0, 0, 0);
    viewerLayout->addWidget(m_viewerHeading);
    viewerLayout->addWidget(m_viewer, 1);

    m_editor = new NoteEditor(this);
    m_editor->setObjectName(QStringLiteral("noteEditor"));
    m_draftDelay.setSingleShot(true);
    m_draftDelay.setInterval(kDraftDelayMs);
    connect(&m_draftDelay, &QTimer::timeout, this, &NotesPanel::keepDraft);
    // Not restarted by each key: a draft is at most kDraftDelayMs behind, also while typing on.
    connect(m_editor, &NoteEditor::textEdited, this, [this] {
        if (!m_draftDelay.isActive()) {
            m_draftDelay.start();
        }
    });
    connect(m_editor, &NoteEditor::saveRequested, this, &NotesPanel::save);
    connect(m_editor, &NoteEditor::cancelRequested, this, &NotesPanel::cancelEdit);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_viewerPage);
    m_stack->addWidget(m_editor);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(listColumn);
    splitter->addWidget(m_stack);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_draftBar);
    layout->addWidget(m_undoBar);
    layout->addWidget(m_error);
    layout->addWidget(splitter, 1);

    updateButtons();
}

NotesPanel::~NotesPanel()
{
    flushDraft(); // the window closes: keep the last words typed
}

void NotesPanel::showCustomer(const Models::Customer &customer)
{
    const bool same = customer.id == m_customer.id;
    if (m_editing && !same) {
        // The draft is kept; it is offered back when this customer is shown again.
        flushDraft();
        endEdit();
    }
    if (!same) {
        m_undoBar->hide();
        m_deletedNoteId = 0;
        m_model->setNotes({});
    }
    const std::optional<Models::Note> selected = selectedNote();
    m_customer = customer;
    reload(same && selected ? selected->id : 0);
}

void NotesPanel::revealNote(qint64 noteId)
{
    const int row = m_loaded ? m_model->rowOfNote(noteId) : -1;
    if (row >= 0) {
        m_list->setCurrentIndex(m_model->index(row));
        m_list->scrollTo(m_model->index(row));
    } else {
        m_pendingSelect = noteId;
    }
}

void NotesPanel::reload(qint64 selectNoteId)
{
    m_generation.renew();
    m_loaded = false;
    const qint64 customerId = m_customer.id;
    m_loader.run<QList<Models::Note>>(
        m_generation, this,
        [customerId](Models::Database &db) { return Models::NoteStore(db).forCustomer(customerId); },
        [this, selectNoteId](const Models::Result<QList<Models::Note>> &notes) {
            m_loaded = true;
            if (!notes) {
                m_model->setNotes({});
                showError(notes.error().message, notes.error().detail);
            } else {
                m_error->hide();
                m_model->setNotes(*notes);
            }
            int row = m_model->rowOfNote(m_pendingSelect != 0 ? m_pendingSelect : selectNoteId);
            if (row >= 0) {
                m_pendingSelect = 0;
            } else if (m_model->rowCount() > 0) {
                row = 0;
            }
            if (row >= 0) {
                m_list->setCurrentIndex(m_model->index(row));
                m_list->scrollTo(m_model->index(row));
            }
            m_list->setVisible(m_model->rowCount() > 0);
            m_empty->setVisible(m_model->rowCount() == 0 && notes.ok());
            showSelected();
            updateButtons();
            offerDrafts();
            Q_EMIT notesShown();
        });
}

std::optional<Models::Note> NotesPanel::selectedNote() const
{
    const QModelIndex index = m_list->currentIndex();
    if (!index.isValid() || index.row() >= m_model->rowCount()) {
        return std::nullopt;
    }
    return m_model->noteAt(index.row());
}

void NotesPanel::showSelected()
{
    const QModelIndex index = m_list->currentIndex();
    if (!index.isValid()) {
        m_viewerHeading->clear();
        m_document->setNoteText({});
        return;
    }
    m_viewerHeading->setText(NoteDelegate::heading(index));
    m_document->setNoteText(index.data(Models::MarkdownRole).toString());
}

void NotesPanel::updateButtons()
{
    const std::optional<Models::Note> note = selectedNote();
    const bool ready = m_customer.id != 0 && !m_editing;
    m_newButton->setEnabled(ready);
    m_editButton->setEnabled(ready && note);
    m_pinButton->setEnabled(ready && note);
    m_deleteButton->setEnabled(ready && note);
    m_pinButton->setText(note && note->pinned ? tr("Un&pin") : tr("&Pin to Top"));
    m_pinButton->setToolTip(note && note->pinned ? tr("Let the note take its place by date again")
                                                 : tr("Keep the note above the others"));
    m_list->setEnabled(!m_editing);
}

void NotesPanel::offerDrafts()
{
    m_offered.clear();
    if (!m_customer.uuid.isEmpty()) {
        const QList<Models::NoteDraft> drafts = m_drafts.forCustomer(m_customer.uuid);
        for (const Models::NoteDraft &draft : drafts) {
            if (!(m_editing && draft.base.uuid == m_base.uuid)) {
                m_offered << draft;
            }
        }
    }
    if (m_offered.isEmpty()) {
        m_draftBar->hide();
        return;
    }
    const Models::NoteDraft &draft = m_offered.last();
    const QString when = Models::formatDateTime(draft.savedAt);
    const QString quote = Models::noteExcerpt(draft.text, kQuoteChars);
    QString text =
        draft.isNew()
            ? tr("✎ You have an unsaved new note from %1: “%2”").arg(when, quote)
            : tr("✎ You have unsaved changes from %1 to the note by %2: “%3”").arg(when, draft.base.author, quote);
    if (m_offered.size() > 1) {
        const int more = int(m_offered.size() - 1);
        text += u' ' + (more == 1 ? tr("(1 more unsaved note after this one)")
                                  : tr("(%1 more unsaved notes after this one)").arg(QLocale().toString(more)));
    }
    m_draftLabel->setText(text);
    m_draftBar->show();
}

QString NotesPanel::draftMessage() const
{
    return m_draftBar->isVisible() ? m_draftLabel->text() : QString();
}

QString NotesPanel::errorMessage() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void NotesPanel::showError(const QString &message, const QString &detail)
{
    m_error->setText(QStringLiteral("⚠ ") + message);
    m_error->setToolTip(detail);
    m_error->show();
}

void NotesPanel::newNote()
{
    if (m_customer.id == 0) {
        return;
    }
    if (m_editing) {
        m_editor->focusText();
        return;
    }
    if (auto draft = m_drafts.load(m_customer.uuid, {})) {
        beginEdit(draft->base, draft->text);
        m_editor->setStatus(tr("Your unsaved note from %1 is back.").arg(Models::formatDateTime(draft->savedAt)));
        return;
    }
    beginEdit({}, {});
}

void NotesPanel::editNote()
{
    const std::optional<Models::Note> note = selectedNote();
    if (!note || m_editing) {
        return;
    }
    if (auto draft = m_drafts.load(m_customer.uuid, note->uuid)) {
        beginEdit(draft->base, draft->text);
        m_editor->setStatus(tr("Your unsaved changes from %1 are back.").arg(Models::formatDateTime(draft->savedAt)));
        return;
    }
    beginEdit(*note, note->body);
}

void NotesPanel::beginEdit(const Models::Note &base, const QString &text)
{
    m_editing = true;
    m_base = base;
    m_base.customerId = m_customer.id;
    m_editor->setText(text);
    m_editor->setHeading(
        base.uuid.isEmpty()
            ? tr("New note about %1").arg(m_customer.displayName())
            : tr("Editing the note by %1 of %2").arg(base.author, Models::formatDateTime(base.createdAt)));
    m_editor->setStatus(tr("What you type is kept as you type it, until you save."));
    m_stack->setCurrentWidget(m_editor);
    m_undoBar->hide();
    updateButtons();
    offerDrafts();
    m_editor->focusText();
}

void NotesPanel::endEdit()
{
    m_draftDelay.stop(); // the draft was saved, dropped or flushed: no late write may bring it back
    m_editing = false;
    m_base = {};
    m_editor->setText({});
    m_stack->setCurrentWidget(m_viewerPage);
    updateButtons();
    offerDrafts();
    m_list->setFocus(Qt::OtherFocusReason);
}

void NotesPanel::flushDraft()
{
    if (m_draftDelay.isActive()) {
        m_draftDelay.stop();
        keepDraft();
    }
}

void NotesPanel::keepDraft()
{
    if (!m_editing) {
        return;
    }
    const QString text = m_editor->text();
    const bool unchanged = m_base.uuid.isEmpty() ? text.trimmed().isEmpty() : text == m_base.body;
    if (unchanged) {
        dropDraft();
        return;
    }
    Models::NoteDraft draft;
    draft.customerUuid = m_customer.uuid;
    draft.customerId = m_customer.id;
    draft.base = m_base;
    draft.text = text;
    draft.savedAt = QDateTime::currentDateTimeUtc();
    if (Models::Status status = m_drafts.save(draft); !status) {
        m_editor->setStatus(status.error().message, true);
    } else if (m_editor->status().startsWith(QStringLiteral("⚠"))) {
        m_editor->setStatus(tr("What you type is kept as you type it, until you save."));
    }
}

void NotesPanel::dropDraft()
{
    if (Models::Status status = m_drafts.remove(m_customer.uuid, m_base.uuid); !status) {
        showError(status.error().message, status.error().detail);
    }
}

void NotesPanel::save()
{
    if (!m_editing) {
        return;
    }
    const QString text = m_editor->text();
    if (text.trimmed().isEmpty()) {
        m_editor->setStatus(tr("A note needs some text. To remove a note, delete it."), true);
        return;
    }
    Models::NoteStore store(m_database);
    const Models::Result<Models::Note> saved =
        m_base.uuid.isEmpty() ? store.add(m_customer.id, text) : store.edit(m_base, text);
    if (!saved) {
        if (saved.error().kind == Models::ErrorKind::Conflict) {
            resolveConflict(saved.error());
            return;
        }
        m_editor->setStatus(saved.error().message + u' ' + tr("Your text is kept as a draft; try again."), true);
        m_editor->setToolTip(saved.error().detail);
        return;
    }
    dropDraft();
    endEdit();
    reload(saved->id);
}

void NotesPanel::resolveConflict(const Models::Error &error)
{
    const Models::Result<Models::Note> current = Models::NoteStore(m_database).byId(m_base.id);
    if (!current) {
        m_editor->setStatus(current.error().message + u' ' + tr("Your text is kept as a draft."), true);
        return;
    }
    if (current->isDeleted()) {
        if (ask(this, tr("Note Deleted"), error.message, tr("Save your text as a new note?"),
                tr("&Save as New Note"))) {
            dropDraft();
            m_base = {};
            keepDraft();
            save();
        }
        return;
    }
    NoteConflictDialog dialog(*current, m_editor->text(), error.message, this);
    dialog.exec();
    switch (dialog.choice()) {
    case NoteConflictDialog::KeepTheirs:
        dropDraft();
        endEdit();
        reload(current->id);
        return;
    case NoteConflictDialog::SaveMine:
    case NoteConflictDialog::KeepEditing:
        // Their version is the one the user has now seen: edit against it from here on.
        m_base = *current;
        m_editor->setText(dialog.mine());
        keepDraft();
        if (dialog.choice() == NoteConflictDialog::SaveMine) {
            save();
        } else {
            m_editor->setStatus(tr("You are now editing against their version; saving replaces it."));
            m_editor->focusText();
        }
        return;
    }
}

void NotesPanel::cancelEdit()
{
    if (!m_editing) {
        return;
    }
    const QString text = m_editor->text();
    const bool changed = m_base.uuid.isEmpty() ? !text.trimmed().isEmpty() : text != m_base.body;
    if (changed && !ask(this, tr("Discard Changes"), tr("Discard what you wrote in this note?"),
                        tr("It cannot be brought back."), tr("&Discard"))) {
        m_editor->focusText();
        return;
    }
    dropDraft();
    endEdit();
    showSelected();
}

void NotesPanel::deleteNote()
{
    const std::optional<Models::Note> note = selectedNote();
    if (!note || m_editing) {
        return;
    }
    if (!ask(this, tr("Delete Note"), tr("Delete this note by %1?").arg(note->author),
             QStringLiteral("“") + Models::noteExcerpt(note->body, kQuoteChars) + QStringLiteral("”\n\n") +
                 tr("You can undo this straight after."),
             tr("&Delete"))) {
        return;
    }
    const Models::Result<Models::Note> removed = Models::NoteStore(m_database).remove(note->id);
    if (!removed) {
        showError(removed.error().message, removed.error().detail);
        return;
    }
    m_deletedNoteId = note->id;
    m_undoLabel->setText(tr("The note by %1 was deleted.").arg(note->author));
    m_undoBar->show();
    reload();
}

void NotesPanel::undoDelete()
{
    if (m_deletedNoteId == 0) {
        return;
    }
    const Models::Result<Models::Note> restored = Models::NoteStore(m_database).restore(m_deletedNoteId);
    if (!restored) {
        showError(restored.error().message, restored.error().detail);
        return;
    }
    m_deletedNoteId = 0;
    m_undoBar->hide();
    reload(restored->id);
}

void NotesPanel::togglePin()
{
    const std::optional<Models::Note> note = selectedNote();
    if (!note || m_editing) {
        return;
    }
    const Models::Result<Models::Note> pinned = Models::NoteStore(m_database).setPinned(note->id, !note->pinned);
    if (!pinned) {
        showError(pinned.error().message, pinned.error().detail);
        return;
    }
    reload(pinned->id);
}

void NotesPanel::resumeDraft()
{
    if (m_offered.isEmpty()) {
        return;
    }
    const Models::NoteDraft draft = m_offered.last();
    if (m_editing) {
        flushDraft();
        endEdit(); // its draft is kept, and offered in turn
    }
    beginEdit(draft.base, draft.text);
    m_editor->setStatus(tr("Your unsaved note from %1 is back: save it, or cancel to drop it.")
                            .arg(Models::formatDateTime(draft.savedAt)));
}

void NotesPanel::discardDraft()
{
    if (m_offered.isEmpty()) {
        return;
    }
    const Models::NoteDraft draft = m_offered.last();
    if (!ask(this, tr("Discard Draft"), tr("Discard this unsaved note?"),
             QStringLiteral("“") + Models::noteExcerpt(draft.text, kQuoteChars) + QStringLiteral("”\n\n") +
                 tr("It cannot be brought back."),
             tr("&Discard"))) {
        return;
    }
    if (Models::Status status = m_drafts.remove(draft.customerUuid, draft.base.uuid); !status) {
        showError(status.error().message, status.error().detail);
    }
    offerDrafts();
}

} // namespace Gavel::Ui
