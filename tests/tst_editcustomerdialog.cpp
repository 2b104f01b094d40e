#include "auditstore.h"
#include "conflictreviewdialog.h"
#include "customerstore.h"
#include "departmentstore.h"
#include "editcustomerdialog.h"
#include "mainwindow.h"
#include "profilewidget.h"
#include "sidebarwidget.h"
#include "sqlfixture.h"
#include "subscriptionstore.h"
#include "testdatabase.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QTest>
#include <QTimer>

using namespace Gavel;
using namespace Gavel::Models;
using Gavel::Tests::SqlFixture;

namespace {

Customer sampleCustomer()
{
    Customer customer;
    customer.customerNo = QStringLiteral("C-2001");
    customer.firstName = QStringLiteral("Anna");
    customer.lastName = QStringLiteral("Schmidt");
    customer.email = QStringLiteral("anna@example.co.uk");
    customer.phone = QStringLiteral("07400 123456");
    customer.city = QStringLiteral("London");
    customer.country = QStringLiteral("GB");
    return customer;
}

template<typename T>
T *child(QWidget *parent, const char *name)
{
    T *found = parent->findChild<T *>(QString::fromLatin1(name));
    if (!found) {
        qWarning("no child %s", name);
    }
    return found;
}

/// Replaces the text of a line edit the way a person does: select all, type.
void retype(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    if (text.isEmpty()) {
        QTest::keyClick(edit, Qt::Key_Delete);
    } else {
        QTest::keyClicks(edit, text);
    }
}

/// Saves `theirs` as a colleague would, from another desk, while a dialog is open.
bool saveAsColleague(Database &db, const Customer &theirs)
{
    const QString me = db.actor();
    db.setActor(QStringLiteral("Priya Shah"));
    const bool saved = CustomerStore(db).update(theirs).ok();
    db.setActor(me);
    return saved;
}

/// Runs `interact` on the next modal dialog that opens (QDialog::exec blocks the test).
template<typename Dialog>
void onNextModal(std::function<void(Dialog *)> interact)
{
    QTimer::singleShot(0, [interact] {
        QTRY_VERIFY(qobject_cast<Dialog *>(QApplication::activeModalWidget()));
        interact(qobject_cast<Dialog *>(QApplication::activeModalWidget()));
    });
}

} // namespace

class TestEditCustomerDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QStringLiteral("en_GB"))); }

    void savesWhatIsTypedInOneGo()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        SqlFixture f(test->db());
        f.run(QStringLiteral("INSERT INTO departments (code, name, sort_order) VALUES ('OM', 'Old Masters', 1)"));
        const qint64 jewellery = f.run(QStringLiteral(
            "INSERT INTO departments (code, name, sort_order) VALUES ('JW', 'Jewellery', 2) RETURNING id"));
        QVERIFY2(f.error().isEmpty(), qPrintable(f.error()));
        auto created = CustomerStore(test->db()).create(sampleCustomer());
        QVERIFY(created.ok());

        Ui::EditCustomerDialog dialog(test->db(), *created);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        retype(child<QLineEdit>(&dialog, "editEmail"), QStringLiteral("anna.schmidt@example.org"));
        retype(child<QLineEdit>(&dialog, "editSmsNumber"), QStringLiteral("07400 654321"));
        auto *smsNote = child<QLabel>(&dialog, "editSmsNumberProblem");
        QVERIFY(smsNote->isVisible());
        QVERIFY2(smsNote->text().startsWith(QStringLiteral("Mobile")), qPrintable(smsNote->text()));
        auto *vip = child<QCheckBox>(&dialog, "editVip");
        vip->setFocus();
        QTest::keyClick(vip, Qt::Key_Space);
        auto *emailSubscription = child<QComboBox>(&dialog, "editEmailSubscription");
        emailSubscription->setFocus();
        QTest::keyClick(emailSubscription, Qt::Key_Down); // "Subscribe to all categories"
        auto *departments = child<QListWidget>(&dialog, "editDepartments");
        departments->setFocus();
        QTest::keyClick(departments, Qt::Key_Down); // Jewellery
        QTest::keyClick(departments, Qt::Key_Space);
        QCOMPARE(departments->item(1)->checkState(), Qt::Checked);
        QTest::keyClick(child<QLineEdit>(&dialog, "editCity"), Qt::Key_Return);

        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        auto stored = CustomerStore(test->db()).byId(created->id);
        QCOMPARE(stored->email, QStringLiteral("anna.schmidt@example.org"));
        QCOMPARE(stored->smsNumber, QStringLiteral("07400 654321"));
        QCOMPARE(stored->vip, true);
        QCOMPARE(stored->version, 2);
        QCOMPARE(dialog.savedCustomer().version, 2);
        auto links = DepartmentStore(test->db()).forCustomer(created->id);
        QCOMPARE(links->size(), 1);
        QCOMPARE(links->first().department.id, jewellery);
        QVERIFY(SubscriptionStore(test->db()).summary(created->id)->first().isSubscribedToAll());

        // Every field change is in the audit log with the values before and after.
        auto history = AuditStore(test->db().connection()).forCustomer(created->id);
        bool emailLogged = false;
        for (const AuditEntry &entry : std::as_const(*history)) {
            if (entry.field == u"email") {
                emailLogged = entry.oldValue == u"anna@example.co.uk" &&
                              entry.newValue == u"anna.schmidt@example.org" && entry.actor == u"Test Runner";
            }
        }
        QVERIFY(emailLogged);
    }

    void aValidationErrorSaysWhyAndKeepsEverything()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        auto created = CustomerStore(test->db()).create(sampleCustomer());
        QVERIFY(created.ok());

        Ui::EditCustomerDialog dialog(test->db(), *created);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *email = child<QLineEdit>(&dialog, "editEmail");
        auto *problem = child<QLabel>(&dialog, "editEmailProblem");
        QVERIFY(!problem->isVisible());
        retype(child<QLineEdit>(&dialog, "editCity"), QStringLiteral("Bath"));
        retype(email, QStringLiteral("anna.example.com"));
        QVERIFY(problem->isVisible());
        QVERIFY2(problem->text().contains(QStringLiteral("@")), qPrintable(problem->text()));
        QVERIFY(problem->text().startsWith(QStringLiteral("Not a valid address")));

        retype(child<QLineEdit>(&dialog, "editPhone"), QStringLiteral("12"));
        auto *phoneProblem = child<QLabel>(&dialog, "editPhoneProblem");
        QVERIFY(phoneProblem->text().startsWith(QStringLiteral("Not a valid number")));

        QTest::keyClick(email, Qt::Key_Return);
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        auto *error = child<QLabel>(&dialog, "editError");
        QVERIFY(error->isVisible());
        QVERIFY(error->text().contains(QStringLiteral("nothing was saved")));
        QCOMPARE(QApplication::focusWidget(), email); // the first field to correct
        QCOMPARE(email->text(), QStringLiteral("anna.example.com"));
        QCOMPARE(child<QLineEdit>(&dialog, "editCity")->text(), QStringLiteral("Bath"));
        QCOMPARE(CustomerStore(test->db()).byId(created->id)->city, QStringLiteral("London"));

        // A Customer ID is required.
        retype(email, QStringLiteral("anna@example.org"));
        retype(child<QLineEdit>(&dialog, "editPhone"), QString());
        retype(child<QLineEdit>(&dialog, "editCustomerNo"), QString());
        QVERIFY(child<QLabel>(&dialog, "editCustomerNoProblem")->isVisible());
        QTest::keyClick(email, Qt::Key_Return);
        QVERIFY(dialog.isVisible());

        // A Customer ID that another customer has is refused by the database, and said so.
        Customer other = sampleCustomer();
        other.customerNo = QStringLiteral("C-2002");
        QVERIFY(CustomerStore(test->db()).create(other).ok());
        retype(child<QLineEdit>(&dialog, "editCustomerNo"), QStringLiteral("C-2002"));
        QTest::keyClick(email, Qt::Key_Return);
        QVERIFY(dialog.isVisible());
        QVERIFY2(error->text().contains(QStringLiteral("C-2002 is already in use")), qPrintable(error->text()));

        // Corrected, it saves; a stored value that was already invalid would not have stopped it.
        retype(child<QLineEdit>(&dialog, "editCustomerNo"), QStringLiteral("C-2001"));
        QTest::keyClick(email, Qt::Key_Return);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(CustomerStore(test->db()).byId(created->id)->city, QStringLiteral("Bath"));
    }

    void anInvalidStoredValueDoesNotBlockOtherChanges()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        Customer imported = sampleCustomer();
        imported.email = QStringLiteral("anna at example"); // as it came from an old import
        auto created = CustomerStore(test->db()).create(imported);
        QVERIFY(created.ok());
        Ui::EditCustomerDialog dialog(test->db(), *created);
        dialog.show();
        QVERIFY(child<QLabel>(&dialog, "editEmailProblem")->isVisible());
        retype(child<QLineEdit>(&dialog, "editCity"), QStringLiteral("York"));
        QTest::keyClick(child<QLineEdit>(&dialog, "editCity"), Qt::Key_Return);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(CustomerStore(test->db()).byId(created->id)->city, QStringLiteral("York"));
    }

    void aConflictNamesWhoAndWhenAndLetsTheUserChoose()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        auto created = CustomerStore(test->db()).create(sampleCustomer());
        QVERIFY(created.ok());

        Ui::EditCustomerDialog dialog(test->db(), *created);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        retype(child<QLineEdit>(&dialog, "editCity"), QStringLiteral("Odense"));
        retype(child<QLineEdit>(&dialog, "editLastName"), QStringLiteral("Schmidt-Vale"));

        // Meanwhile a colleague saves the same customer: another city and a new phone.
        Customer theirs = *created;
        theirs.city = QStringLiteral("Aarhus");
        theirs.phone = QStringLiteral("07400 111222");
        QVERIFY(saveAsColleague(test->db(), theirs));

        QTest::keyClick(child<QLineEdit>(&dialog, "editCity"), Qt::Key_Return);
        QVERIFY(dialog.isVisible());
        auto *conflict = child<QFrame>(&dialog, "editConflict");
        QVERIFY(conflict->isVisible());
        const QString said = child<QLabel>(&dialog, "editConflictText")->text();
        QVERIFY2(said.contains(QStringLiteral("Priya Shah")) && said.contains(QStringLiteral("Nothing was saved")),
                 qPrintable(said));
        QVERIFY(said.contains(QLocale().toString(CustomerStore(test->db()).byId(created->id)->updatedAt.toLocalTime(),
                                                 QLocale::ShortFormat)));
        // Nothing of theirs was overwritten, nothing typed was lost.
        auto stored = CustomerStore(test->db()).byId(created->id);
        QCOMPARE(stored->city, QStringLiteral("Aarhus"));
        QCOMPARE(stored->lastName, QStringLiteral("Schmidt"));
        QCOMPARE(child<QLineEdit>(&dialog, "editCity")->text(), QStringLiteral("Odense"));
        QCOMPARE(child<QLineEdit>(&dialog, "editLastName")->text(), QStringLiteral("Schmidt-Vale"));

        // Review: the three fields that differ side by side; keep my city, take their phone
        // (preselected, as I did not touch it), and take their… no: keep my surname.
        QStringList mineShown;
        QStringList theirsShown;
        onNextModal<Ui::ConflictReviewDialog>([&](Ui::ConflictReviewDialog *review) {
            for (int i = 0;; ++i) {
                auto *mine = review->findChild<QRadioButton *>(QStringLiteral("mine%1").arg(i));
                auto *other = review->findChild<QRadioButton *>(QStringLiteral("theirs%1").arg(i));
                if (!mine) {
                    break;
                }
                mineShown << mine->text() + (mine->isChecked() ? QStringLiteral("*") : QString());
                theirsShown << other->text() + (other->isChecked() ? QStringLiteral("*") : QString());
            }
            QTest::keyClick(review->findChild<QPushButton *>(QStringLiteral("useChosenButton")), Qt::Key_Space);
        });
        QTest::keyClick(child<QPushButton>(&dialog, "reviewConflictButton"), Qt::Key_Space);
        QCOMPARE(mineShown, (QStringList{QStringLiteral("Schmidt-Vale*"), QStringLiteral("07400 123456"),
                                         QStringLiteral("Odense*")}));
        QCOMPARE(theirsShown,
                 (QStringList{QStringLiteral("Schmidt"), QStringLiteral("07400 111222*"), QStringLiteral("Aarhus")}));
        QCOMPARE(child<QLineEdit>(&dialog, "editPhone")->text(), QStringLiteral("07400 111222"));
        QCOMPARE(child<QLineEdit>(&dialog, "editCity")->text(), QStringLiteral("Odense"));

        QTest::keyClick(child<QLineEdit>(&dialog, "editCity"), Qt::Key_Return);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        stored = CustomerStore(test->db()).byId(created->id);
        QCOMPARE(stored->city, QStringLiteral("Odense"));
        QCOMPARE(stored->phone, QStringLiteral("07400 111222"));
        QCOMPARE(stored->lastName, QStringLiteral("Schmidt-Vale"));
        QCOMPARE(stored->version, 3);
    }

    void choosingTheirsEverywhereKeepsTheirVersion()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        auto created = CustomerStore(test->db()).create(sampleCustomer());
        QVERIFY(created.ok());
        Ui::EditCustomerDialog dialog(test->db(), *created);
        dialog.show();
        retype(child<QLineEdit>(&dialog, "editCity"), QStringLiteral("Odense"));
        Customer theirs = *created;
        theirs.city = QStringLiteral("Aarhus");
        theirs.vip = true;
        QVERIFY(saveAsColleague(test->db(), theirs));
        QTest::keyClick(child<QLineEdit>(&dialog, "editCity"), Qt::Key_Return);
        QVERIFY(child<QFrame>(&dialog, "editConflict")->isVisible());

        onNextModal<Ui::ConflictReviewDialog>([](Ui::ConflictReviewDialog *review) {
            review->chooseAll(false);
            review->accept();
        });
        QTest::keyClick(child<QPushButton>(&dialog, "reviewConflictButton"), Qt::Key_Space);
        QCOMPARE(child<QLineEdit>(&dialog, "editCity")->text(), QStringLiteral("Aarhus"));
        QVERIFY(child<QCheckBox>(&dialog, "editVip")->isChecked());
        QTest::keyClick(child<QLineEdit>(&dialog, "editCity"), Qt::Key_Return);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        auto stored = CustomerStore(test->db()).byId(created->id);
        QCOMPARE(stored->city, QStringLiteral("Aarhus"));
        QCOMPARE(stored->vip, true);
    }

    // Ctrl+E on a profile opens the dialog; a save shows at once in the sidebar.
    void ctrlEFromTheProfileEditsAndTheSidebarFollows()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        auto created = CustomerStore(test->db()).create(sampleCustomer());
        QVERIFY(created.ok());
        Ui::MainWindow window(test->db());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.openCustomer(created->id);
        QTRY_VERIFY(window.isShowingProfile());
        QTRY_VERIFY(window.profile()->sidebar()->editButton()->isEnabled());
        auto *vip = window.profile()->sidebar()->findChild<QLabel *>(QStringLiteral("sidebarVip"));
        QVERIFY(!vip->isVisible());

        bool opened = false;
        onNextModal<Ui::EditCustomerDialog>([&opened](Ui::EditCustomerDialog *dialog) {
            opened = true;
            auto *box = dialog->findChild<QCheckBox *>(QStringLiteral("editVip"));
            box->setFocus();
            QTest::keyClick(box, Qt::Key_Space);
            retype(dialog->findChild<QLineEdit *>(QStringLiteral("editEmail")), QStringLiteral("anna@example.org"));
            QTest::keyClick(dialog->findChild<QLineEdit *>(QStringLiteral("editEmail")), Qt::Key_Return);
        });
        window.profile()->tabs()->setFocus();
        QTest::keyClick(window.profile()->tabs(), Qt::Key_E, Qt::ControlModifier);
        QVERIFY(opened);
        QTRY_VERIFY(vip->isVisible());
        QCOMPARE(window.profile()->sidebar()->findChild<QLabel *>(QStringLiteral("sidebarEmail"))->text(),
                 QStringLiteral("anna@example.org"));
        QCOMPARE(window.profile()->customer().version, 2);
    }
};

QTEST_MAIN(TestEditCustomerDialog)
#include "tst_editcustomerdialog.moc"
