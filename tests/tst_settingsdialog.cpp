#include "settingsdialog.h"
#include "settingsstore.h"
#include "testdatabase.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace Gavel;

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { QSettings().clear(); }

    void savesTheUsersNameAndTheHousesSettings()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        Ui::SettingsDialog dialog(test->db());
        dialog.show();
        auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("userName"));
        auto *house = dialog.findChild<QLineEdit *>(QStringLiteral("houseName"));
        auto *currency = dialog.findChild<QComboBox *>(QStringLiteral("houseCurrency"));
        QCOMPARE(currency->currentText(), QStringLiteral("GBP"));
        QTest::keyClicks(name, QStringLiteral("Priya Shah"));
        QTest::keyClicks(house, QStringLiteral("Harcourt & Vale"));
        currency->lineEdit()->selectAll();
        QTest::keyClicks(currency->lineEdit(), QStringLiteral("chf"));
        dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));

        QCOMPARE(QSettings().value(QStringLiteral("identity/name")).toString(), QStringLiteral("Priya Shah"));
        QCOMPARE(test->db().actor(), QStringLiteral("Priya Shah"));
        Models::SettingsStore settings(test->db());
        QCOMPARE(settings.value(Models::SettingsStore::HouseName).value(), QStringLiteral("Harcourt & Vale"));
        QCOMPARE(settings.houseCurrency(), QStringLiteral("CHF"));
    }

    void aBadCurrencyIsExplainedAndNothingIsLost()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        Ui::SettingsDialog dialog(test->db());
        dialog.show();
        auto *currency = dialog.findChild<QComboBox *>(QStringLiteral("houseCurrency"));
        auto *house = dialog.findChild<QLineEdit *>(QStringLiteral("houseName"));
        QTest::keyClicks(house, QStringLiteral("Harcourt"));
        currency->lineEdit()->selectAll();
        QTest::keyClicks(currency->lineEdit(), QStringLiteral("pounds"));
        dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        QVERIFY(dialog.isVisible());
        auto *error = dialog.findChild<QLabel *>(QStringLiteral("settingsError"));
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QStringLiteral("“POUNDS”")), qPrintable(error->text()));
        QCOMPARE(house->text(), QStringLiteral("Harcourt"));
        QCOMPARE(Models::SettingsStore(test->db()).houseCurrency(), QStringLiteral("GBP"));
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
