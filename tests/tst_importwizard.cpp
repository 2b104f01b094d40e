#include "database.h"
#include "importmappingstore.h"
#include "importresultpage.h"
#include "importwizard.h"
#include "sql.h"
#include "testdatabase.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Gavel::Models;
using namespace Gavel::Ui;
using namespace Gavel::Tests;
using namespace Qt::StringLiterals;

namespace {

qlonglong count(Database &db, const QString &sql)
{
    auto value = Sql::scalar(db.connection(), sql, {}, u"test"_s);
    return value ? value->toLongLong() : -1;
}

template<typename T>
T *child(QWidget *parent, const QString &name)
{
    T *widget = parent->findChild<T *>(name);
    if (!widget) {
        qWarning("no widget %s", qPrintable(name));
    }
    return widget;
}

void next(ImportWizard &wizard)
{
    QAbstractButton *button = wizard.button(QWizard::NextButton);
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
}

} // namespace

class TestImportWizard : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name + QString::number(int(testEngine())));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
            qFatal("cannot write the fixture");
        }
        return path;
    }

private Q_SLOTS:
    void customersWithRejectedRowsSaved()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        Database &db = test->db();
        // A spreadsheet from a German locale: semicolons and Windows-1252.
        const QString path = write(u"customers.csv"_s, "Customer ID;E-mail;First Name;City\r\n"
                                                       "C-1;anna@example.com;J\xFCrgen;M\xFCnchen\r\n"
                                                       "C-2;not-an-address;Ben;Paris\r\n"
                                                       "C-3;cara@example.com;Cara;Rome\r\n"_ba);
        ImportWizard wizard(db);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        auto *pathEdit = child<QLineEdit>(&wizard, u"importFilePath"_s);
        QVERIFY(pathEdit);
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
        QTest::keyClicks(pathEdit, path);
        next(wizard);

        QCOMPARE(wizard.currentId(), int(ImportWizard::FormatPage));
        auto *detected = child<QLabel>(&wizard, u"importDetected"_s);
        QVERIFY2(detected->text().contains(u"Windows-1252"_s), qPrintable(detected->text()));
        QVERIFY(detected->text().contains(u"semicolon"_s));
        auto *raw = child<QTableWidget>(&wizard, u"importRawPreview"_s);
        QCOMPARE(raw->columnCount(), 4);
        QCOMPARE(raw->item(0, 2)->text(), u"Jürgen"_s);
        // Overriding the separator shows at once what it would read.
        auto *delimiter = child<QComboBox>(&wizard, u"importDelimiter"_s);
        delimiter->setFocus();
        QTest::keyClick(delimiter, Qt::Key_Up); // semicolon → comma
        QCOMPARE(raw->columnCount(), 1);
        QTest::keyClick(delimiter, Qt::Key_Down);
        QCOMPARE(raw->columnCount(), 4);
        next(wizard);

        QCOMPARE(wizard.currentId(), int(ImportWizard::MappingPage));
        QCOMPARE(child<QComboBox>(&wizard, u"mapping_email"_s)->currentText(), u"E-mail"_s);
        QCOMPARE(child<QComboBox>(&wizard, u"mapping_customer_no"_s)->currentText(), u"Customer ID"_s);
        auto *preview = child<QTableWidget>(&wizard, u"importMappedPreview"_s);
        QCOMPARE(preview->rowCount(), 3);
        QCOMPARE(preview->columnCount(), 4);
        // A value for every row shows in the preview as it is typed.
        QTest::keyClicks(child<QLineEdit>(&wizard, u"fixed_source"_s), u"fair"_s);
        QCOMPARE(preview->columnCount(), 5);
        QCOMPARE(preview->item(2, 4)->text(), u"fair"_s);
        next(wizard);

        QCOMPARE(wizard.currentId(), int(ImportWizard::ResultPage));
        auto *summary = child<QLabel>(&wizard, u"importSummary"_s);
        QTRY_VERIFY_WITH_TIMEOUT(summary->text().contains(u"rejected"_s), 20000);
        QVERIFY2(summary->text().contains(u"2 new"_s), qPrintable(summary->text()));
        QCOMPARE(count(db, u"SELECT count(*) FROM customers WHERE source = 'fair'"_s), 2);
        QCOMPARE(count(db, u"SELECT count(*) FROM customers WHERE city = 'München'"_s), 1);
        auto *rejects = child<QTableWidget>(&wizard, u"importRejects"_s);
        QCOMPARE(rejects->rowCount(), 1);
        QCOMPARE(rejects->item(0, 0)->text(), u"3"_s);
        QCOMPARE(rejects->item(0, 1)->text(), u"E-mail"_s);
        QVERIFY(rejects->item(0, 2)->text().contains(u"not-an-address"_s));
        QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());

        // Save Rejected Rows…: the file dialog comes up (closed here: driving the file dialog
        // itself proved unreliable offscreen); the page then writes the file it would choose.
        const QString out = m_dir.filePath(u"rejected-%1.csv"_s.arg(int(testEngine())));
        bool dialogShown = false;
        auto *timer = new QTimer(this);
        connect(timer, &QTimer::timeout, this, [timer, &dialogShown] {
            for (QWidget *widget : QApplication::topLevelWidgets()) {
                auto *dialog = qobject_cast<QFileDialog *>(widget);
                if (dialog && dialog->isVisible()) {
                    timer->stop();
                    dialogShown = dialog->objectName() == u"rejectsFileDialog"_s;
                    dialog->reject();
                    return;
                }
            }
        });
        timer->start(50);
        auto *save = child<QPushButton>(&wizard, u"importSaveRejects"_s);
        QVERIFY(save->isEnabled());
        QTest::mouseClick(save, Qt::LeftButton);
        QVERIFY(dialogShown);
        auto *page = qobject_cast<ImportResultPage *>(wizard.page(ImportWizard::ResultPage));
        QVERIFY(page);
        QVERIFY(page->saveRejects(out));
        QFile saved(out);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QByteArray content = saved.readAll();
        QVERIFY(content.contains("Row,Column,Reason,Customer ID,E-mail,First Name,City"));
        QVERIFY(content.contains("3,E-mail,"));
        QVERIFY(content.contains("C-2,not-an-address,Ben,Paris"));
    }

    void catalogueNeedsASaleAndSavesTheMapping()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        Database &db = test->db();
        const QString path = write(u"catalogue.csv"_s, "LotNum,Title,LowEst,HighEst\n1,A chair,100,200\n"
                                                       "2,A table,300,500\n"_ba);
        ImportWizard wizard(db);
        wizard.show();
        QTest::keyClicks(child<QLineEdit>(&wizard, u"importFilePath"_s), path);
        auto *kind = child<QComboBox>(&wizard, u"importKind"_s);
        kind->setFocus();
        QTest::keyClick(kind, Qt::Key_Down);
        QTest::keyClick(kind, Qt::Key_Down);
        QCOMPARE(kind->currentText(), importKindLabel(ImportKind::Lots));
        next(wizard);
        next(wizard);
        QCOMPARE(wizard.currentId(), int(ImportWizard::MappingPage));
        // No sale column: the import waits for a sale number for every row.
        auto *missing = child<QLabel>(&wizard, u"importMissing"_s);
        QVERIFY2(missing->text().contains(u"Sale number"_s), qPrintable(missing->text()));
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
        QTest::keyClicks(child<QLineEdit>(&wizard, u"fixed_sale_no"_s), u"S-7"_s);
        QVERIFY(missing->text().isEmpty());
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());

        QTest::keyClicks(child<QLineEdit>(&wizard, u"importSaveName"_s), u"Catalogue S-7"_s);
        QTest::mouseClick(child<QPushButton>(&wizard, u"importSaveMapping"_s), Qt::LeftButton);
        QVERIFY(child<QLabel>(&wizard, u"importSaveStatus"_s)->text().contains(u"Catalogue S-7"_s));
        auto saved = ImportMappingStore(db).load(ImportKind::Lots, u"Catalogue S-7"_s);
        QVERIFY(saved.ok());
        QCOMPARE(saved->fixedValues.value(u"sale_no"_s), u"S-7"_s);
        QCOMPARE(saved->columns.value(u"lot_no"_s), u"LotNum"_s);

        next(wizard);
        auto *summary = child<QLabel>(&wizard, u"importSummary"_s);
        QTRY_VERIFY_WITH_TIMEOUT(summary->text().contains(u"2 new"_s), 20000);
        QCOMPARE(count(db, u"SELECT count(*) FROM lots l JOIN sales s ON s.id = l.sale_id WHERE s.sale_no = 'S-7'"_s),
                 2);
        QVERIFY(!child<QPushButton>(&wizard, u"importSaveRejects"_s)->isEnabled());
    }

    void aFileThatIsNotCsvIsRefusedWithOneMessage()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        Database &db = test->db();
        const QString path = write(u"customers.xlsx"_s, "PK\x03\x04\x14\x00[Content_Types].xml xl/workbook.xml"_ba);
        ImportWizard wizard(db);
        wizard.show();
        QTest::keyClicks(child<QLineEdit>(&wizard, u"importFilePath"_s), path);
        QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
        QCOMPARE(wizard.currentId(), int(ImportWizard::FilePage));
        auto *problem = child<QLabel>(&wizard, u"importFileProblem"_s);
        QVERIFY(problem->isVisible());
        QVERIFY2(problem->text().contains(u"not a CSV file"_s), qPrintable(problem->text()));
        QVERIFY(problem->text().contains(u"Excel"_s));
    }
};

QTEST_MAIN(TestImportWizard)
#include "tst_importwizard.moc"
