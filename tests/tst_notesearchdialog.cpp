#include "customerlistwidget.h"
#include "loader.h"
#include "mainwindow.h"
#include "modalhelper.h"
#include "notesearchdialog.h"
#include "notesearchmodel.h"
#include "notespanel.h"
#include "notestore.h"
#include "profilewidget.h"
#include "roles.h"
#include "testcustomers.h"
#include "testdatabase.h"

#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>

using namespace Gavel;
using Models::Customer;
using Models::NoteStore;
using Tests::addTestCustomer;

/// Go → Search Notes… (Ctrl+Shift+F) from anywhere in the window: the notes of all customers,
/// and Enter opens the customer on the Notes tab with the note chosen.
class TestNoteSearchDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QStringLiteral("en_GB")));
    }

    void findsAcrossCustomersAndOpensTheNote()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const Customer margaret =
            addTestCustomer(test->db(), QStringLiteral("C-1"), QStringLiteral("Margaret"), QStringLiteral("Hughes"));
        const Customer akiko =
            addTestCustomer(test->db(), QStringLiteral("C-2"), QStringLiteral("Akiko"), QStringLiteral("Tanaka"));
        NoteStore store(test->db());
        QVERIFY(store.add(margaret.id, QStringLiteral("Prefers phone calls.")).ok());
        auto wanted = store.add(akiko.id, QStringLiteral("Looking for a **Hokusai** print, budget 5k."));
        QVERIFY(wanted.ok());
        QVERIFY(store.add(akiko.id, QStringLiteral("Newer note about shipping.")).ok());
        QVERIFY(store.add(margaret.id, QStringLiteral("Asked about Japanese prints in general.")).ok());

        Ui::MainWindow window(test->db());
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));

        bool shown = false;
        int rows = 0;
        QString customerShown;
        QString summary;
        Tests::whenModal<Ui::NoteSearchDialog>(&window, &shown, [&](Ui::NoteSearchDialog *dialog) {
            QVERIFY(dialog->searchField()->hasFocus());
            QTest::keyClicks(dialog->searchField(), QStringLiteral("hokus"));
            QTRY_COMPARE(dialog->model()->rowCount(), 1);
            rows = dialog->model()->rowCount();
            customerShown = dialog->model()->index(0, Models::NoteSearchModel::CustomerColumn).data().toString();
            summary = dialog->summary();
            QTest::keyClick(dialog->searchField(), Qt::Key_Return);
        });
        QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(shown);
        QCOMPARE(rows, 1);
        QCOMPARE(customerShown, QStringLiteral("Akiko Tanaka"));
        QVERIFY2(summary.contains(QStringLiteral("1 note found")), qPrintable(summary));

        QTRY_VERIFY(window.isShowingProfile());
        QCOMPARE(window.profile()->customerId(), akiko.id);
        auto *notes = qobject_cast<Ui::NotesPanel *>(window.profile()->panel(Ui::ProfileWidget::Notes));
        QVERIFY(notes);
        QCOMPARE(window.profile()->tabs()->currentWidget(), notes);
        QTRY_VERIFY(notes->isLoaded());
        QCOMPARE(notes->list()->currentIndex().data(Models::IdRole).toLongLong(), wanted->id);
        QVERIFY(notes->viewer()->toPlainText().contains(QStringLiteral("Hokusai print")));
    }

    void nothingFoundSaysSo()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const Customer margaret =
            addTestCustomer(test->db(), QStringLiteral("C-1"), QStringLiteral("Margaret"), QStringLiteral("Hughes"));
        QVERIFY(NoteStore(test->db()).add(margaret.id, QStringLiteral("Prefers phone calls.")).ok());
        Models::Loader loader(test->db());
        Ui::NoteSearchDialog dialog(loader);
        dialog.show();
        QApplication::setActiveWindow(&dialog);
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QTest::keyClicks(dialog.searchField(), QStringLiteral("zeppelin"));
        QTRY_VERIFY(dialog.summary().contains(QStringLiteral("No note contains")));
        QCOMPARE(dialog.model()->rowCount(), 0);
        dialog.searchField()->clear();
        QTest::keyClicks(dialog.searchField(), QStringLiteral("phone"));
        QTRY_COMPARE(dialog.model()->rowCount(), 1);
        // Down goes from the field to the results.
        QTest::keyClick(dialog.searchField(), Qt::Key_Down);
        QVERIFY(dialog.table()->hasFocus());
        QCOMPARE(dialog.table()->currentIndex().row(), 0);
    }
};

QTEST_MAIN(TestNoteSearchDialog)
#include "tst_notesearchdialog.moc"
