#include "database.h"
#include "loader.h"
#include "modalhelper.h"
#include "navigator.h"
#include "noteconflictdialog.h"
#include "noteeditor.h"
#include "notelistmodel.h"
#include "notespanel.h"
#include "notespanelsupport.h"
#include "notestore.h"
#include "profilewidget.h"
#include "roles.h"
#include "sql.h"
#include "testcustomers.h"
#include "testdatabase.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>

using namespace Gavel;
using Models::Customer;
using Models::Note;
using Models::NoteStore;
using Tests::addTestCustomer;
using Tests::openNotesPanel;
using Tests::whenModal;

namespace {

bool setCreatedAt(Models::Database &db, qint64 noteId, qint64 epoch)
{
    return Models::Sql::exec(db.connection(),
                             QStringLiteral("UPDATE notes SET created_at = ?, updated_at = ? WHERE id = ?"),
                             {epoch, epoch, noteId}, QStringLiteral("test"))
        .ok();
}

QList<qint64> shownIds(const Ui::NotesPanel &panel)
{
    QList<qint64> ids;
    for (int row = 0; row < panel.model()->rowCount(); ++row) {
        ids << panel.model()->index(row).data(Models::IdRole).toLongLong();
    }
    return ids;
}

/// Clicks the button of a question box whose text is `text`.
void clickButton(QMessageBox *box, const QString &text)
{
    for (QAbstractButton *button : box->buttons()) {
        if (button->text().remove(u'&') == text) {
            // click(), not a simulated mouse click: the box closes inside the click, and a simulated
            // release would be left over for the next box at the same place.
            button->click();
            return;
        }
    }
    qWarning("no button %s", qPrintable(text));
    box->reject();
}

} // namespace

class TestNotesPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QStringLiteral("en_GB")));
    }

    void pinnedFirstThenNewestRendered()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const Customer customer =
            addTestCustomer(test->db(), QStringLiteral("C-1"), QStringLiteral("Margaret"), QStringLiteral("Hughes"));
        NoteStore store(test->db());
        auto older =
            store.add(customer.id, QStringLiteral("Asked about the **Turner** watercolour, *lot 212*.\n\n"
                                                  "- condition report\n- [catalogue](https://example.com/212)"));
        auto newer = store.add(customer.id, QStringLiteral("Prefers phone calls."));
        auto oldest = store.add(customer.id, QStringLiteral("First met at the spring sale."));
        QVERIFY(older.ok() && newer.ok() && oldest.ok());
        QVERIFY(setCreatedAt(test->db(), oldest->id, 1'700'000'000));
        QVERIFY(setCreatedAt(test->db(), older->id, 1'700'100'000));
        QVERIFY(setCreatedAt(test->db(), newer->id, 1'700'200'000));
        QVERIFY(store.setPinned(oldest->id, true).ok());

        QTemporaryDir drafts;
        Models::Loader loader(test->db());
        auto panel = openNotesPanel(test->db(), loader, drafts.path());
        QAbstractItemModelTester tester(panel->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        panel->showCustomer(customer);
        QTRY_VERIFY(panel->isLoaded());

        // The pinned note on top, then the newest first.
        QCOMPARE(shownIds(*panel), (QList<qint64>{oldest->id, newer->id, older->id}));
        QVERIFY(panel->list()->isVisible());
        QCOMPARE(panel->list()->currentIndex().row(), 0);
        QVERIFY(panel->viewerHeading()->text().contains(QStringLiteral("Pinned")));
        QVERIFY(panel->viewerHeading()->text().contains(QStringLiteral("Test Runner")));
        QVERIFY(panel->viewerHeading()->text().contains(QStringLiteral("2023"))); // 14 Nov 2023, in en_GB

        // Choosing a note with the keyboard shows it rendered: no markup, bold bold, a list, a link.
        panel->list()->setFocus();
        QTest::keyClick(panel->list(), Qt::Key_End);
        QCOMPARE(panel->list()->currentIndex().data(Models::IdRole).toLongLong(), older->id);
        QTextDocument *document = panel->viewer()->document();
        const QString shown = document->toPlainText();
        QVERIFY2(!shown.contains(u'*') && !shown.contains(u'['), qPrintable(shown));
        QVERIFY(shown.startsWith(QStringLiteral("Asked about the Turner watercolour, lot 212.")));
        QTextCursor cursor(document);
        cursor.setPosition(int(shown.indexOf(QStringLiteral("Turner"))) + 1);
        QVERIFY(cursor.charFormat().font().bold());
        cursor.setPosition(int(shown.indexOf(QStringLiteral("lot 212"))) + 1);
        QVERIFY(cursor.charFormat().font().italic());
        cursor.setPosition(int(shown.indexOf(QStringLiteral("condition"))));
        QVERIFY(cursor.block().textList() != nullptr);
        cursor.setPosition(int(shown.indexOf(QStringLiteral("catalogue"))) + 1);
        QCOMPARE(cursor.charFormat().anchorHref(), QStringLiteral("https://example.com/212"));
        QVERIFY(!panel->viewerHeading()->text().contains(QStringLiteral("Pinned")));
    }

    void emptyCustomerInvitesTheFirstNote()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const Customer customer =
            addTestCustomer(test->db(), QStringLiteral("C-1"), QStringLiteral("Akiko"), QStringLiteral("Tanaka"));
        QTemporaryDir drafts;
        Models::Loader loader(test->db());
        auto panel = openNotesPanel(test->db(), loader, drafts.path(), customer);
        QVERIFY(panel);
        auto *empty = panel->findChild<QLabel *>(QStringLiteral("notesEmpty"));
        QVERIFY(empty->isVisible());
        QVERIFY(empty->text().contains(QStringLiteral("Ctrl+N")));
        QVERIFY(!panel->findChild<QPushButton *>(QStringLiteral("editNoteButton"))->isEnabled());
        QVERIFY(!panel->findChild<QPushButton *>(QStringLiteral("deleteNoteButton"))->isEnabled());
    }

    void writeANoteWithTheKeyboard()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        test->db().setActor(QStringLiteral("Anna Schmidt"));
        const Customer customer =
            addTestCustomer(test->db(), QStringLiteral("C-1"), QStringLiteral("Margaret"), QStringLiteral("Hughes"));
        QTemporaryDir drafts;
        Models::Loader loader(test->db());
        auto panel = openNotesPanel(test->db(), loader, drafts.path(), customer);
        QVERIFY(panel);

        panel->findChild<QPushButton *>(QStringLiteral("newNoteButton"))->setFocus();
        QTest::keyClick(panel->findChild<QPushButton *>(QStringLiteral("newNoteButton")), Qt::Key_N,
                        Qt::ControlModifier);
        QVERIFY(panel->isEditing());
        QPlainTextEdit *text = panel->editor()->textEdit();
        QVERIFY(text->hasFocus());
        QTest::keyClicks(text, QStringLiteral("Wants the "));
        QTest::keyClick(text, Qt::Key_B, Qt::ControlModifier); // bold: "****", cursor in between
        QTest::keyClicks(text, QStringLiteral("Turner"));
        QTest::keyClick(text, Qt::Key_End);
        QTest::keyClicks(text, QStringLiteral(" report"));
        QCOMPARE(text->toPlainText(), QStringLiteral("Wants the **Turner** report"));
        // Kept as typed, before any save.
        QTRY_VERIFY_WITH_TIMEOUT(panel->drafts().load(customer.uuid, {}).has_value(),
                                 Ui::NotesPanel::kDraftDelayMs + 1000);
        QCOMPARE(panel->drafts().load(customer.uuid, {})->text, QStringLiteral("Wants the **Turner** report"));

        QTest::keyClick(text, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(!panel->isEditing());
        QTRY_COMPARE(panel->model()->rowCount(), 1);
        auto notes = NoteStore(test->db()).forCustomer(customer.id);
        QVERIFY(notes.ok());
        QCOMPARE(notes->size(), 1);
        QCOMPARE(notes->first().body, QStringLiteral("Wants the **Turner** report"));
        QCOMPARE(notes->first().author, QStringLiteral("Anna Schmidt"));
        QVERIFY(!panel->drafts().load(customer.uuid, {}).has_value());
        QCOMPARE(panel->viewer()->toPlainText(), QStringLiteral("Wants the Turner report"));
        QVERIFY(panel->viewerHeading()->text().contains(QStringLiteral("Anna Schmidt")));
    }

    void anEmptyNoteIsRefused()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const Customer customer =
            addTestCustomer(test->db(), QStringLiteral("C-1"), QStringLiteral("Margaret"), QStringLiteral("Hughes"));
        QTemporaryDir drafts;
        Models::Loader loader(test->db());
        auto panel = openNotesPanel(test->db(), loader, drafts.path(), customer);
        QVERIFY(panel);
        QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("newNoteButton")), Qt::LeftButton);
        QTest::keyClicks(panel->editor()->textEdit(), QStringLiteral("   "));
        QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("saveNoteButton")), Qt::LeftButton);
        QVERIFY(panel->isEditing());
        QVERIFY(panel->editor()->status().contains(QStringLiteral("needs some text")));
        QCOMPARE(NoteStore(test->db()).forCustomer(customer.id)->size(), 0);
    }

    void editShowsWhoEditedAndWhen()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const Customer customer =
            addTestCustomer(test->db(), QStringLiteral("C-1"), QStringLiteral("Margaret"), QStringLiteral("Hughes"));
        auto note = NoteStore(test->db()).add(customer.id, QStringLiteral("Call on Tuesday."));
        QVERIFY(note.ok());
        QVERIFY(setCreatedAt(test->db(), note->id, 1'700'000'000));
        test->db().setActor(QStringLiteral("Tom Baker"));
        QTemporaryDir drafts;
        Models::Loader loader(test->db());
        auto panel = openNotesPanel(test->db(), loader, drafts.path(), customer);
        QVERIFY(panel);
        QVERIFY(!panel->viewerHeading()->text().contains(QStringLiteral("edited")));

        panel->list()->setFocus();
        QTest::keyClick(panel->list(), Qt::Key_F2);
        QVERIFY(panel->isEditing());
        QPlainTextEdit *text = panel->editor()->textEdit();
        QCOMPARE(text->toPlainText(), QStringLiteral("Call on Tuesday."));
        QTest::keyClick(text, Qt::Key_Backspace);
        QTest::keyClicks(text, QStringLiteral(" after 2 pm."));
        QTRY_VERIFY(panel->drafts().load(customer.uuid, note->uuid).has_value());
        QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("saveNoteButton")), Qt::LeftButton);
        QVERIFY(!panel->isEditing());
        QTRY_VERIFY(panel->viewerHeading()->text().contains(QStringLiteral("edited")));
        QVERIFY(panel->viewerHeading()->text().contains(QStringLiteral("by Tom Baker")));
        QCOMPARE(NoteStore(test->db()).byId(note->id)->body, QStringLiteral("Call on Tuesday after 2 pm."));
        QVERIFY(!panel->drafts().load(customer.uuid, note->uuid).has_value());
    }

    void pinMovesANoteToTheTop()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const Customer customer =
            addTestCustomer(test->db(), QStringLiteral("C-1"), QStringLiteral("Margaret"), QStringLiteral("Hughes"));
        NoteStore store(test->db());
        auto first = store.add(customer.id, QStringLiteral("Older note."));
        auto second = store.add(customer.id, QStringLiteral("Newer note."));
        QVERIFY(first.ok() && second.ok());
        QVERIFY(setCreatedAt(test->db(), first->id, 1'700'000'000));
        QTemporaryDir drafts;
        Models::Loader loader(test->db());
        auto panel = openNotesPanel(test->db(), loader, drafts.path(), customer);
        QVERIFY(panel);
        QCOMPARE(shownIds(*panel), (QList<qint64>{second->id, first->id}));

        panel->list()->setFocus();
        QTest::keyClick(panel->list(), Qt::Key_Down);
        auto *pin = panel->findChild<QPushButton *>(QStringLiteral("pinNoteButton"));
        QCOMPARE(pin->text(), QStringLiteral("&Pin to Top"));
        QTest::mouseClick(pin, Qt::LeftButton);
        QTRY_COMPARE(shownIds(*panel), (QList<qint64>{first->id, second->id}));
        QCOMPARE(panel->list()->currentIndex().row(), 0); // the pinned note stays chosen
        QCOMPARE(pin->text(), QStringLiteral("Un&pin"));
        QVERIFY(NoteStore(test->db()).byId(first->id)->pinned);
        QTest::mouseClick(pin, Qt::LeftButton);
        QTRY_COMPARE(shownIds(*panel), (QList<qint64>{second->id, first->id}));
    }

    void deleteAsksAndCanBeUndone()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const Customer customer =
            addTestCustomer(test->db(), QStringLiteral("C-1"), QStringLiteral("Margaret"), QStringLiteral("Hughes"));
        NoteStore store(test->db());
        auto keep = store.add(customer.id, QStringLiteral("Keep this one."));
        auto drop = store.add(customer.id, QStringLiteral("Delete this one."));
        QVERIFY(keep.ok() && drop.ok());
        QVERIFY(setCreatedAt(test->db(), keep->id, 1'700'000'000));
        QTemporaryDir drafts;
        Models::Loader loader(test->db());
        auto panel = openNotesPanel(test->db(), loader, drafts.path(), customer);
        QVERIFY(panel);
        QCOMPARE(panel->list()->currentIndex().data(Models::IdRole).toLongLong(), drop->id);
        panel->list()->setFocus();

        // Delete asks; Cancel keeps the note.
        bool asked = false;
        QString question;
        whenModal<QMessageBox>(panel.get(), &asked, [&question](QMessageBox *box) {
            question = box->text() + u'\n' + box->informativeText();
            clickButton(box, QStringLiteral("Cancel"));
        });
        QTest::keyClick(panel->list(), Qt::Key_Delete);
        QVERIFY(asked);
        QVERIFY(question.contains(QStringLiteral("Delete this note by Test Runner?")));
        QVERIFY(question.contains(QStringLiteral("Delete this one.")));
        QVERIFY(!NoteStore(test->db()).byId(drop->id)->isDeleted());
        QCOMPARE(panel->model()->rowCount(), 2);

        // Confirmed, it goes, and the bar offers to undo. (The offscreen platform does not give the
        // window back its activation when a dialog closes, as a desktop does; shortcuts need it.)
        QApplication::setActiveWindow(panel.get());
        whenModal<QMessageBox>(panel.get(), &asked,
                               [](QMessageBox *box) { clickButton(box, QStringLiteral("Delete")); });
        QTest::keyClick(panel->list(), Qt::Key_Delete);
        QVERIFY(asked);
        QVERIFY(NoteStore(test->db()).byId(drop->id)->isDeleted());
        QTRY_COMPARE(shownIds(*panel), (QList<qint64>{keep->id}));
        QVERIFY(panel->undoBar()->isVisible());

        // Ctrl+Z brings it back.
        QApplication::setActiveWindow(panel.get());
        QTest::keyClick(panel->list(), Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(shownIds(*panel), (QList<qint64>{drop->id, keep->id}));
        QVERIFY(!panel->undoBar()->isVisible());
        QVERIFY(!NoteStore(test->db()).byId(drop->id)->isDeleted());
        QCOMPARE(panel->list()->currentIndex().data(Models::IdRole).toLongLong(), drop->id);
    }

    void conflictIsShownSideBySideAndMineCanBeSaved()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const Customer customer =
            addTestCustomer(test->db(), QStringLiteral("C-1"), QStringLiteral("Margaret"), QStringLiteral("Hughes"));
        auto note = NoteStore(test->db()).add(customer.id, QStringLiteral("Collects Turner watercolours."));
        QVERIFY(note.ok());
        QTemporaryDir drafts;
        Models::Loader loader(test->db());
        auto panel = openNotesPanel(test->db(), loader, drafts.path(), customer);
        QVERIFY(panel);

        panel->list()->setFocus();
        QTest::keyClick(panel->list(), Qt::Key_F2);
        QPlainTextEdit *text = panel->editor()->textEdit();
        QTest::keyClicks(text, QStringLiteral(" Budget about 20k."));

        // Meanwhile a colleague changes the same note on another connection.
        auto other = test->db().openAnother(QStringLiteral("colleague"));
        QVERIFY(other.ok());
        (*other)->setActor(QStringLiteral("Priya Shah"));
        QVERIFY(NoteStore(**other).edit(*note, QStringLiteral("Collects Turner and Constable watercolours.")).ok());

        bool shown = false;
        QString theirs, mine, message;
        bool marked = false;
        whenModal<Ui::NoteConflictDialog>(panel.get(), &shown, [&](Ui::NoteConflictDialog *dialog) {
            theirs = dialog->theirsEdit()->toPlainText();
            mine = dialog->mineEdit()->toPlainText();
            message = dialog->findChild<QLabel *>(QStringLiteral("conflictMessage"))->text();
            marked =
                !dialog->theirsEdit()->extraSelections().isEmpty() && !dialog->mineEdit()->extraSelections().isEmpty();
            // Merge by hand: take the colleague's Constable into my side, then save it.
            QPlainTextEdit *edit = dialog->mineEdit();
            edit->setFocus();
            QTest::keyClick(edit, Qt::Key_Home, Qt::ControlModifier);
            for (int i = 0; i < int(QStringLiteral("Collects Turner").size()); ++i) {
                QTest::keyClick(edit, Qt::Key_Right);
            }
            QTest::keyClicks(edit, QStringLiteral(" and Constable"));
            QTest::mouseClick(dialog->saveMineButton(), Qt::LeftButton);
        });
        QTest::keyClick(text, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(shown);
        QCOMPARE(theirs, QStringLiteral("Collects Turner and Constable watercolours."));
        QCOMPARE(mine, QStringLiteral("Collects Turner watercolours. Budget about 20k."));
        QVERIFY2(message.contains(QStringLiteral("Priya Shah")), qPrintable(message));
        QVERIFY(marked);

        const QString merged = QStringLiteral("Collects Turner and Constable watercolours. Budget about 20k.");
        QVERIFY(!panel->isEditing());
        QCOMPARE(NoteStore(test->db()).byId(note->id)->body, merged);
        QTRY_COMPARE(panel->viewer()->toPlainText(), merged);
        QVERIFY(!panel->drafts().load(customer.uuid, note->uuid).has_value());
    }

    void conflictCanKeepTheirs()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const Customer customer =
            addTestCustomer(test->db(), QStringLiteral("C-1"), QStringLiteral("Margaret"), QStringLiteral("Hughes"));
        auto note = NoteStore(test->db()).add(customer.id, QStringLiteral("Prefers e-mail."));
        QVERIFY(note.ok());
        QTemporaryDir drafts;
        Models::Loader loader(test->db());
        auto panel = openNotesPanel(test->db(), loader, drafts.path(), customer);
        QVERIFY(panel);
        panel->list()->setFocus();
        QTest::keyClick(panel->list(), Qt::Key_Return); // Enter edits too
        QVERIFY(panel->isEditing());
        QTest::keyClicks(panel->editor()->textEdit(), QStringLiteral(" Never phone."));
        auto other = test->db().openAnother(QStringLiteral("colleague"));
        QVERIFY(other.ok());
        QVERIFY(NoteStore(**other).edit(*note, QStringLiteral("Prefers phone calls now.")).ok());

        bool shown = false;
        whenModal<Ui::NoteConflictDialog>(panel.get(), &shown, [](Ui::NoteConflictDialog *dialog) {
            QTest::mouseClick(dialog->keepTheirsButton(), Qt::LeftButton);
        });
        QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("saveNoteButton")), Qt::LeftButton);
        QVERIFY(shown);
        QVERIFY(!panel->isEditing());
        QCOMPARE(NoteStore(test->db()).byId(note->id)->body, QStringLiteral("Prefers phone calls now."));
        QTRY_COMPARE(panel->viewer()->toPlainText(), QStringLiteral("Prefers phone calls now."));
        QVERIFY(!panel->drafts().load(customer.uuid, note->uuid).has_value());
        QVERIFY(!panel->draftBar()->isVisible());
    }

    void aNoteDeletedMeanwhileCanBeSavedAsNew()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const Customer customer =
            addTestCustomer(test->db(), QStringLiteral("C-1"), QStringLiteral("Margaret"), QStringLiteral("Hughes"));
        auto note = NoteStore(test->db()).add(customer.id, QStringLiteral("Old address."));
        QVERIFY(note.ok());
        QTemporaryDir drafts;
        Models::Loader loader(test->db());
        auto panel = openNotesPanel(test->db(), loader, drafts.path(), customer);
        QVERIFY(panel);
        panel->list()->setFocus();
        QTest::keyClick(panel->list(), Qt::Key_F2);
        QTest::keyClicks(panel->editor()->textEdit(), QStringLiteral(" Moved to Bath."));
        QVERIFY(NoteStore(test->db()).remove(note->id).ok());

        bool asked = false;
        whenModal<QMessageBox>(panel.get(), &asked,
                               [](QMessageBox *box) { clickButton(box, QStringLiteral("Save as New Note")); });
        QTest::keyClick(panel->editor()->textEdit(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(asked);
        QVERIFY(!panel->isEditing());
        auto notes = NoteStore(test->db()).forCustomer(customer.id);
        QCOMPARE(notes->size(), 1);
        QCOMPARE(notes->first().body, QStringLiteral("Old address. Moved to Bath."));
        QVERIFY(notes->first().id != note->id);
        QVERIFY(panel->drafts().forCustomer(customer.uuid).isEmpty());
    }

    void draftSurvivesClosingAndIsOfferedBack()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const Customer customer =
            addTestCustomer(test->db(), QStringLiteral("C-1"), QStringLiteral("Margaret"), QStringLiteral("Hughes"));
        QTemporaryDir drafts;
        Models::Loader loader(test->db());
        {
            auto panel = openNotesPanel(test->db(), loader, drafts.path(), customer);
            QVERIFY(panel);
            QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("newNoteButton")), Qt::LeftButton);
            QTest::keyClicks(panel->editor()->textEdit(), QStringLiteral("Half-written thought about the sale"));
            // The window closes without a save.
        }
        auto panel = openNotesPanel(test->db(), loader, drafts.path(), customer);
        QVERIFY(panel);
        QVERIFY(panel->draftBar()->isVisible());
        QVERIFY2(panel->draftMessage().contains(QStringLiteral("Half-written thought about the sale")),
                 qPrintable(panel->draftMessage()));
        QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("resumeDraftButton")), Qt::LeftButton);
        QVERIFY(panel->isEditing());
        QVERIFY(!panel->draftBar()->isVisible());
        QCOMPARE(panel->editor()->text(), QStringLiteral("Half-written thought about the sale"));
        QTest::keyClicks(panel->editor()->textEdit(), QStringLiteral("."));
        QTest::keyClick(panel->editor()->textEdit(), Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE(panel->model()->rowCount(), 1);
        QCOMPARE(panel->model()->noteAt(0).body, QStringLiteral("Half-written thought about the sale."));
        QVERIFY(panel->drafts().forCustomer(customer.uuid).isEmpty());
    }

    void switchingCustomerKeepsTheDraft()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const Customer first =
            addTestCustomer(test->db(), QStringLiteral("C-1"), QStringLiteral("Margaret"), QStringLiteral("Hughes"));
        const Customer second =
            addTestCustomer(test->db(), QStringLiteral("C-2"), QStringLiteral("Akiko"), QStringLiteral("Tanaka"));
        QTemporaryDir drafts;
        Models::Loader loader(test->db());
        auto panel = openNotesPanel(test->db(), loader, drafts.path());
        panel->showCustomer(first);
        QTRY_VERIFY(panel->isLoaded());
        QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("newNoteButton")), Qt::LeftButton);
        QTest::keyClicks(panel->editor()->textEdit(), QStringLiteral("For Margaret"));
        panel->showCustomer(second);
        QVERIFY(!panel->isEditing());
        QTRY_VERIFY(panel->isLoaded());
        QVERIFY(!panel->draftBar()->isVisible()); // Akiko has no draft
        panel->showCustomer(first);
        QTRY_VERIFY(panel->isLoaded());
        QVERIFY(panel->draftMessage().contains(QStringLiteral("For Margaret")));
        // Ctrl+N picks the unsaved new note up again rather than starting another.
        panel->list()->setFocus();
        QTest::keyClick(panel->findChild<QPushButton *>(QStringLiteral("newNoteButton")), Qt::Key_N,
                        Qt::ControlModifier);
        QCOMPARE(panel->editor()->text(), QStringLiteral("For Margaret"));
    }

    void ctrlNWorksFromTheProfileTabs()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const Customer customer =
            addTestCustomer(test->db(), QStringLiteral("C-1"), QStringLiteral("Margaret"), QStringLiteral("Hughes"));
        Models::Loader loader(test->db());
        Ui::Navigator navigator;
        Ui::ProfileWidget profile(test->db(), loader, navigator);
        profile.resize(1400, 800);
        profile.show();
        QApplication::setActiveWindow(&profile);
        QVERIFY(QTest::qWaitForWindowActive(&profile));
        profile.showCustomer(customer.id);
        QTRY_COMPARE(profile.customerId(), customer.id);
        auto *notes = qobject_cast<Ui::NotesPanel *>(profile.panel(Ui::ProfileWidget::Notes));
        QVERIFY(notes);
        QTRY_VERIFY(notes->isLoaded());

        // On another tab Ctrl+N is not the Notes panel's.
        QTabBar *tabBar = profile.tabs()->tabBar();
        tabBar->setFocus();
        QTest::keyClick(tabBar, Qt::Key_N, Qt::ControlModifier);
        QVERIFY(!notes->isEditing());

        // Alt+T shows the notes with the focus still on the tabs; Ctrl+N starts a note from there.
        QTest::keyClick(tabBar, Qt::Key_T, Qt::AltModifier);
        QCOMPARE(profile.tabs()->currentWidget(), notes);
        QTest::keyClick(tabBar, Qt::Key_N, Qt::ControlModifier);
        QVERIFY(notes->isEditing());
        QVERIFY(notes->editor()->textEdit()->hasFocus());
    }

    void cancelAsksBeforeDroppingText()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const Customer customer =
            addTestCustomer(test->db(), QStringLiteral("C-1"), QStringLiteral("Margaret"), QStringLiteral("Hughes"));
        QTemporaryDir drafts;
        Models::Loader loader(test->db());
        auto panel = openNotesPanel(test->db(), loader, drafts.path(), customer);
        QVERIFY(panel);
        QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("newNoteButton")), Qt::LeftButton);
        QTest::keyClicks(panel->editor()->textEdit(), QStringLiteral("Maybe"));

        bool asked = false;
        whenModal<QMessageBox>(panel.get(), &asked,
                               [](QMessageBox *box) { clickButton(box, QStringLiteral("Cancel")); });
        QTest::keyClick(panel->editor()->textEdit(), Qt::Key_Escape);
        QVERIFY(asked);
        QVERIFY(panel->isEditing());
        QCOMPARE(panel->editor()->text(), QStringLiteral("Maybe"));

        QApplication::setActiveWindow(panel.get()); // as in deleteAsksAndCanBeUndone
        whenModal<QMessageBox>(panel.get(), &asked,
                               [](QMessageBox *box) { clickButton(box, QStringLiteral("Discard")); });
        QTest::keyClick(panel->editor()->textEdit(), Qt::Key_Escape);
        QVERIFY(asked);
        QVERIFY(!panel->isEditing());
        QVERIFY(panel->drafts().forCustomer(customer.uuid).isEmpty());
        QCOMPARE(NoteStore(test->db()).forCustomer(customer.id)->size(), 0);
    }
};

QTEST_MAIN(TestNotesPanel)
#include "tst_notespanel.moc"
