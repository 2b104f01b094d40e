#include "database.h"
#include "loader.h"
#include "modalhelper.h"
#include "noteconflictdialog.h"
#include "noteeditor.h"
#include "notelistmodel.h"
#include "notespanel.h"
#include "notespanelsupport.h"
#include "notestore.h"
#include "testcustomers.h"
#include "testdatabase.h"

#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Gavel;
using Models::Customer;
using Models::NoteStore;
using Tests::addTestCustomer;

namespace {

/// Starts the helper, which types `text` into a new note (`mode` "new") or into the
/// customer's first note ("edit"), waits until it has typed it all, and kills it (SIGKILL:
/// no chance to save anything on the way out). Returns an empty string, or what went wrong.
QString typeAndKill(Tests::TestDatabase &test, const QString &drafts, qint64 customerId, const QString &mode,
                    const QString &text)
{
    QProcess helper;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    helper.setProcessEnvironment(environment);
    helper.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    const bool sqlite = test.spec().engine == Models::Engine::Sqlite;
    helper.start(QStringLiteral(NOTE_DRAFT_HELPER), {sqlite ? QStringLiteral("sqlite") : QStringLiteral("postgres"),
                                                     sqlite ? test.spec().sqlitePath : test.spec().describe(), drafts,
                                                     QString::number(customerId), mode, text});
    if (!helper.waitForStarted()) {
        return helper.errorString();
    }
    QByteArray output;
    while (!output.contains("typed") && helper.state() == QProcess::Running) {
        helper.waitForReadyRead(30'000);
        output += helper.readAllStandardOutput();
    }
    if (!output.contains("typed")) {
        return QStringLiteral("the helper stopped before typing: ") + QString::fromLocal8Bit(output);
    }
    helper.kill(); // SIGKILL
    if (!helper.waitForFinished() || helper.exitStatus() != QProcess::CrashExit) {
        return QStringLiteral("the helper was not killed");
    }
    return {};
}

} // namespace

/// A note being typed when the application is killed is not lost: the next start offers it.
class TestNoteDraftRecovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QStringLiteral("en_GB")));
    }

    void newNoteSurvivesAKill()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const Customer customer =
            addTestCustomer(test->db(), QStringLiteral("C-1"), QStringLiteral("Margaret"), QStringLiteral("Hughes"));
        QTemporaryDir drafts;
        const QString typed = QStringLiteral("Rang about lot 212: the **Turner** watercolour.\n- wants a condition "
                                             "report\n- call back Tuesday");
        const QString failure = typeAndKill(*test, drafts.path(), customer.id, QStringLiteral("new"), typed);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QCOMPARE(NoteStore(test->db()).forCustomer(customer.id)->size(), 0); // nothing was saved

        // The application starts again: the Notes tab offers the draft back, word for word.
        Models::Loader loader(test->db());
        auto opened = Tests::openNotesPanel(test->db(), loader, drafts.path(), customer);
        QVERIFY(opened);
        Ui::NotesPanel &panel = *opened;
        QVERIFY(panel.draftBar()->isVisible());
        QVERIFY2(panel.draftMessage().contains(QStringLiteral("unsaved new note")), qPrintable(panel.draftMessage()));
        QVERIFY2(panel.draftMessage().contains(QStringLiteral("Rang about lot 212")), qPrintable(panel.draftMessage()));
        QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("resumeDraftButton")), Qt::LeftButton);
        QVERIFY(panel.isEditing());
        QCOMPARE(panel.editor()->text(), typed);
        QTest::keyClick(panel.editor()->textEdit(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(!panel.isEditing());
        auto notes = NoteStore(test->db()).forCustomer(customer.id);
        QCOMPARE(notes->size(), 1);
        QCOMPARE(notes->first().body, typed);
        QVERIFY(panel.drafts().forCustomer(customer.uuid).isEmpty());
    }

    void editKilledThenOvertakenIsAConflict()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const Customer customer =
            addTestCustomer(test->db(), QStringLiteral("C-1"), QStringLiteral("Margaret"), QStringLiteral("Hughes"));
        auto note = NoteStore(test->db()).add(customer.id, QStringLiteral("Collects Turner watercolours."));
        QVERIFY(note.ok());
        QTemporaryDir drafts;
        const QString failure =
            typeAndKill(*test, drafts.path(), customer.id, QStringLiteral("edit"), QStringLiteral(" Budget 20k."));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QCOMPARE(NoteStore(test->db()).byId(note->id)->body, QStringLiteral("Collects Turner watercolours."));

        // While the draft waited, a colleague changed the note.
        auto other = test->db().openAnother(QStringLiteral("colleague"));
        QVERIFY(other.ok());
        (*other)->setActor(QStringLiteral("Priya Shah"));
        QVERIFY(NoteStore(**other).edit(*note, QStringLiteral("Collects Constable watercolours.")).ok());

        Models::Loader loader(test->db());
        auto opened = Tests::openNotesPanel(test->db(), loader, drafts.path(), customer);
        QVERIFY(opened);
        Ui::NotesPanel &panel = *opened;
        QVERIFY2(panel.draftMessage().contains(QStringLiteral("unsaved changes")), qPrintable(panel.draftMessage()));
        QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("resumeDraftButton")), Qt::LeftButton);
        QCOMPARE(panel.editor()->text(), QStringLiteral("Collects Turner watercolours. Budget 20k."));

        // Saving it does not overwrite the colleague's words unseen: the two are shown side by side.
        bool shown = false;
        QString theirs;
        QString mine;
        Tests::whenModal<Ui::NoteConflictDialog>(&panel, &shown, [&](Ui::NoteConflictDialog *dialog) {
            theirs = dialog->theirsEdit()->toPlainText();
            mine = dialog->mineEdit()->toPlainText();
            QTest::mouseClick(dialog->saveMineButton(), Qt::LeftButton);
        });
        QTest::keyClick(panel.editor()->textEdit(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(shown);
        QCOMPARE(theirs, QStringLiteral("Collects Constable watercolours."));
        QCOMPARE(mine, QStringLiteral("Collects Turner watercolours. Budget 20k."));
        QCOMPARE(NoteStore(test->db()).byId(note->id)->body,
                 QStringLiteral("Collects Turner watercolours. Budget 20k."));
        QVERIFY(panel.drafts().forCustomer(customer.uuid).isEmpty());
    }
};

QTEST_MAIN(TestNoteDraftRecovery)
#include "tst_notedraftrecovery.moc"
