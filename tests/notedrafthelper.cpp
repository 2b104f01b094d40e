// A stand-in for a person typing a note when the application dies: opens the Notes panel on
// a customer, starts a new note (or edits the customer's first note), types the text with
// QTest key presses, prints "typed" and waits to be killed. Used by tst_notedraftrecovery.
//
// notedrafthelper sqlite|postgres DATABASE DRAFT_FOLDER CUSTOMER_ID new|edit TEXT

#include "customerstore.h"
#include "database.h"
#include "loader.h"
#include "noteeditor.h"
#include "notelistmodel.h"
#include "notespanel.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>

#include <cstdio>

using namespace Gavel;

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "notedrafthelper: %s\n", qPrintable(message));
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 7) {
        return fail(QStringLiteral("usage: notedrafthelper sqlite|postgres DATABASE DRAFT_FOLDER CUSTOMER_ID "
                                   "new|edit TEXT"));
    }
    Models::ConnectionSpec spec;
    if (args.at(1) == u"sqlite") {
        spec = Models::ConnectionSpec::sqlite(args.at(2));
    } else {
        auto parsed = Models::ConnectionSpec::fromConninfo(args.at(2));
        if (!parsed) {
            return fail(parsed.error().fullText());
        }
        spec = *parsed;
    }
    auto database = Models::Database::open(spec, QStringLiteral("notedrafthelper"));
    if (!database) {
        return fail(database.error().fullText());
    }
    auto customer = Models::CustomerStore(**database).byId(args.at(4).toLongLong());
    if (!customer) {
        return fail(customer.error().fullText());
    }

    Models::Loader loader(**database);
    Ui::NotesPanel panel(**database, loader, args.at(3));
    panel.resize(1000, 600);
    panel.show();
    panel.showCustomer(*customer);
    const QDeadlineTimer deadline(30'000);
    while (!panel.isLoaded() && !deadline.hasExpired()) {
        QTest::qWait(10);
    }
    if (!panel.isLoaded()) {
        return fail(QStringLiteral("the notes did not load"));
    }
    if (args.at(5) == u"edit") {
        panel.list()->setFocus();
        QTest::keyClick(panel.list(), Qt::Key_Return);
    } else {
        QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("newNoteButton")), Qt::LeftButton);
    }
    if (!panel.isEditing()) {
        return fail(QStringLiteral("the editor did not open"));
    }
    QPlainTextEdit *text = panel.editor()->textEdit();
    QTest::keyClick(text, Qt::Key_End, Qt::ControlModifier);
    // Line by line: QTest types no "\n"; Return is what a person presses.
    const QStringList lines = args.at(6).split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i > 0) {
            QTest::keyClick(text, Qt::Key_Return);
        }
        QTest::keyClicks(text, lines.at(i));
    }
    // Typed; now wait until the draft holds every character (it lags by at most
    // NotesPanel::kDraftDelayMs), as the test kills this process at once.
    const QString noteUuid = args.at(5) == u"edit" ? panel.model()->noteAt(0).uuid : QString();
    const QString expected = text->toPlainText();
    const QDeadlineTimer kept(30'000);
    while (!kept.hasExpired()) {
        const auto draft = panel.drafts().load(customer->uuid, noteUuid);
        if (draft && draft->text == expected) {
            break;
        }
        QTest::qWait(10);
    }
    std::puts("typed");
    std::fflush(stdout);
    return app.exec(); // until killed
}
