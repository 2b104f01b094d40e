#include "phonevalidator.h"
#include "testdatabase.h"

#include <QFile>
#include <QLocale>
#include <QTest>

using namespace Gavel::Models;
using Gavel::Tests::sharedTestData;

Q_DECLARE_METATYPE(Gavel::Models::PhoneType)

namespace {

/// The rows of a CSV file of the phone suite (plain comma-separated values, no quoting).
QList<QStringList> readCsv(const QString &name)
{
    QFile file(sharedTestData(QStringLiteral("phone/") + name));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        qFatal("Cannot read %s", qPrintable(file.fileName()));
    }
    QList<QStringList> rows;
    file.readLine(); // the header
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (!line.isEmpty()) {
            rows << line.split(u',');
        }
    }
    return rows;
}

/// libphonenumber's PhoneNumberType names, as the suite writes them, in our terms.
PhoneType typeFromLibraryName(const QString &name)
{
    static const QHash<QString, PhoneType> types = {
        {QStringLiteral("FIXED_LINE"), PhoneType::Landline},
        {QStringLiteral("MOBILE"), PhoneType::Mobile},
        {QStringLiteral("FIXED_LINE_OR_MOBILE"), PhoneType::MobileOrLandline},
        {QStringLiteral("TOLL_FREE"), PhoneType::TollFree},
        {QStringLiteral("PREMIUM_RATE"), PhoneType::PremiumRate},
        {QStringLiteral("SHARED_COST"), PhoneType::SharedCost},
        {QStringLiteral("VOIP"), PhoneType::Voip},
        {QStringLiteral("PERSONAL_NUMBER"), PhoneType::PersonalNumber},
        {QStringLiteral("PAGER"), PhoneType::Pager},
        {QStringLiteral("UAN"), PhoneType::Uan},
        {QStringLiteral("VOICEMAIL"), PhoneType::Voicemail},
        {QStringLiteral("UNKNOWN"), PhoneType::Invalid},
    };
    if (!types.contains(name)) {
        qFatal("Unknown libphonenumber type %s", qPrintable(name));
    }
    return types.value(name);
}

} // namespace

class TestPhoneValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QStringLiteral("en_GB"))); }

    // Every example number of libphonenumber's metadata, with what Debian 12's 8.12.57 says of
    // it: the validity, type and region must be exactly the library's (21 numbers whose plans
    // changed since 2022 come back invalid, with a reason).
    void debianVerdicts_data()
    {
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("e164");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<PhoneType>("type");
        QTest::addColumn<QString>("libraryRegion");
        const QList<QStringList> rows = readCsv(QStringLiteral("examples_checked_with_debian_8.12.57.csv"));
        QVERIFY(rows.size() > 1000);
        for (const QStringList &row : rows) {
            QCOMPARE(row.size(), 6);
            QTest::newRow(qPrintable(row.at(0) + u' ' + row.at(1) + u' ' + row.at(2)))
                << row.at(0) << row.at(2) << (row.at(3) == u"VALID") << typeFromLibraryName(row.at(4)) << row.at(5);
        }
    }
    void debianVerdicts()
    {
        QFETCH(QString, region);
        QFETCH(QString, e164);
        QFETCH(bool, valid);
        QFETCH(PhoneType, type);
        QFETCH(QString, libraryRegion);
        const PhoneCheck check = PhoneValidator::check(e164, region);
        QCOMPARE(check.isValid(), valid);
        QCOMPARE(check.type, type);
        QCOMPARE(check.region, libraryRegion);
        if (valid) {
            QCOMPARE(check.e164, e164);
            QVERIFY(check.international.startsWith(u'+'));
            QVERIFY(check.reason.isEmpty());
        } else {
            QVERIFY(check.e164.isEmpty());
            QVERIFY(!check.reason.isEmpty());
        }
    }

    // A number typed without its country code is read by the customer's country: the
    // national number of each example gives the example's E.164 number.
    void nationalNumbersReadByTheCustomersCountry_data()
    {
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("national");
        QTest::addColumn<QString>("e164");
        for (const QStringList &row : readCsv(QStringLiteral("example_numbers_from_PhoneNumberMetadata.csv"))) {
            if (row.at(0) == u"001") {
                continue; // non-geographic numbers have no national form
            }
            QTest::newRow(qPrintable(row.at(0) + u' ' + row.at(3) + u' ' + row.at(4)))
                << row.at(0) << row.at(4) << row.at(5);
        }
    }
    void nationalNumbersReadByTheCustomersCountry()
    {
        QFETCH(QString, region);
        QFETCH(QString, national);
        QFETCH(QString, e164);
        const PhoneCheck check = PhoneValidator::check(national, region);
        if (check.isValid()) {
            QCOMPARE(check.e164, e164);
        } else {
            // Only the numbers Debian's library no longer knows may fail, and they must fail
            // the same way with their international form.
            QVERIFY2(!PhoneValidator::check(e164, region).isValid(), qPrintable(check.reason));
        }
    }

    // The decisions staff live with, and the reasons they read.
    void decisions_data()
    {
        QTest::addColumn<QString>("number");
        QTest::addColumn<QString>("country");
        QTest::addColumn<PhoneType>("type");
        QTest::addColumn<bool>("sms");
        QTest::addColumn<QString>("e164OrReason");
        QTest::newRow("UK mobile, national") << QStringLiteral("07400 123456") << QStringLiteral("GB")
                                             << PhoneType::Mobile << true << QStringLiteral("+447400123456");
        QTest::newRow("UK landline: no SMS") << QStringLiteral("020 7946 0018") << QStringLiteral("GB")
                                             << PhoneType::Landline << false << QStringLiteral("+442079460018");
        // Ofcom's drama range: parses, but libphonenumber 8.12 knows it is not in use.
        QTest::newRow("UK drama number 07700 900123")
            << QStringLiteral("07700 900123") << QStringLiteral("GB") << PhoneType::Invalid << false
            << QStringLiteral("not in use in United Kingdom");
        // The whole +1 plan is FIXED_LINE_OR_MOBILE: SMS-eligible (see PhoneValidator).
        QTest::newRow("US number") << QStringLiteral("(201) 555-0123") << QStringLiteral("US")
                                   << PhoneType::MobileOrLandline << true << QStringLiteral("+12015550123");
        QTest::newRow("Canadian number, typed in the UK")
            << QStringLiteral("+1 416 555 0123") << QStringLiteral("GB") << PhoneType::MobileOrLandline << true
            << QStringLiteral("+14165550123");
        QTest::newRow("international prefix 00") << QStringLiteral("0044 7400 123456") << QStringLiteral("DE")
                                                 << PhoneType::Mobile << true << QStringLiteral("+447400123456");
        QTest::newRow("with an extension") << QStringLiteral("+44 20 7946 0018 ext. 12") << QString()
                                           << PhoneType::Landline << false << QStringLiteral("+442079460018");
        QTest::newRow("freephone") << QStringLiteral("0800 123 4567") << QStringLiteral("gb") << PhoneType::TollFree
                                   << false << QStringLiteral("+448001234567");
        QTest::newRow("Danish mobile or landline")
            << QStringLiteral("20 12 34 56") << QStringLiteral("DK") << PhoneType::MobileOrLandline << true
            << QStringLiteral("+4520123456");
        QTest::newRow("no country to read it by") << QStringLiteral("020 7946 0018") << QString() << PhoneType::Invalid
                                                  << false << QStringLiteral("country code (+44 …)");
        QTest::newRow("letters") << QStringLiteral("call the office") << QStringLiteral("GB") << PhoneType::Invalid
                                 << false << QStringLiteral("not a phone number");
        QTest::newRow("without the area code") << QStringLiteral("4567") << QStringLiteral("GB") << PhoneType::Invalid
                                               << false << QStringLiteral("area code");
        QTest::newRow("too short") << QStringLiteral("12") << QStringLiteral("GB") << PhoneType::Invalid << false
                                   << QStringLiteral("too short");
        QTest::newRow("too long") << QStringLiteral("+44 20 7946 0018 9999") << QStringLiteral("GB")
                                  << PhoneType::Invalid << false << QStringLiteral("too long");
        QTest::newRow("unknown country code") << QStringLiteral("+999 1234 5678") << QStringLiteral("GB")
                                              << PhoneType::Invalid << false << QStringLiteral("country code");
        QTest::newRow("missing") << QStringLiteral("  ") << QStringLiteral("GB") << PhoneType::Missing << false
                                 << QStringLiteral("No phone number");
    }
    void decisions()
    {
        QFETCH(QString, number);
        QFETCH(QString, country);
        QFETCH(PhoneType, type);
        QFETCH(bool, sms);
        QFETCH(QString, e164OrReason);
        const PhoneCheck check = PhoneValidator::check(number, country);
        QVERIFY2(check.type == type, qPrintable(PhoneValidator::typeKey(check.type) + u' ' + check.reason));
        QCOMPARE(check.canReceiveSms(), sms);
        if (check.isValid()) {
            QCOMPARE(check.e164, e164OrReason);
        } else {
            QVERIFY2(check.reason.contains(e164OrReason, Qt::CaseInsensitive), qPrintable(check.reason));
        }
    }

    void showsTheNumberToDial()
    {
        const PhoneCheck check =
            PhoneValidator::check(QStringLiteral("+44 20 7946 0018 ext. 12"), QStringLiteral("GB"));
        QCOMPARE(check.international, QStringLiteral("+44 20 7946 0018"));
    }

    void keysAndLabelsRoundTrip()
    {
        QSet<QString> keys;
        QSet<QString> labels;
        for (int value = int(PhoneType::Missing); value <= int(PhoneType::Voicemail); ++value) {
            const auto type = PhoneType(value);
            QCOMPARE(PhoneValidator::typeFromKey(PhoneValidator::typeKey(type)), type);
            keys << PhoneValidator::typeKey(type);
            labels << PhoneValidator::typeLabel(type);
        }
        QCOMPARE(keys.size(), int(PhoneType::Voicemail) + 1);
        QCOMPARE(labels.size(), keys.size());
        QVERIFY(!PhoneValidator::typeFromKey(u"fax").has_value());
    }
};

QTEST_GUILESS_MAIN(TestPhoneValidator)
#include "tst_phonevalidator.moc"
