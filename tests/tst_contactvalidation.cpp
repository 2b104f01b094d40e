#include "contactvalidation.h"
#include "customer.h"

#include <QLocale>
#include <QTest>

using namespace Gavel::Models;

Q_DECLARE_METATYPE(Gavel::Models::SmsTarget)

class TestContactValidation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QStringLiteral("en_GB"))); }

    void eligibility_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("phone");
        QTest::addColumn<QString>("smsNumber");
        QTest::addColumn<QString>("country");
        QTest::addColumn<bool>("emailEligible");
        QTest::addColumn<bool>("smsEligible");
        QTest::addColumn<SmsTarget>("target");
        QTest::addColumn<QString>("smsReason");

        QTest::newRow("mobile phone, good e-mail")
            << QStringLiteral("anna@example.co.uk") << QStringLiteral("07400 123456") << QString()
            << QStringLiteral("GB") << true << true << SmsTarget::Phone << QString();
        QTest::newRow("landline only") << QStringLiteral("anna@example.co.uk") << QStringLiteral("020 7946 0018")
                                       << QString() << QStringLiteral("GB") << true << false << SmsTarget::Phone
                                       << QStringLiteral("Landline only");
        QTest::newRow("landline, SMS number a mobile")
            << QStringLiteral("anna@example.co.uk") << QStringLiteral("020 7946 0018") << QStringLiteral("07400 123456")
            << QStringLiteral("GB") << true << true << SmsTarget::SmsNumber << QString();
        // The SMS number is the customer's choice for SMS: an invalid one is not replaced by the phone.
        QTest::newRow("invalid SMS number, mobile phone")
            << QStringLiteral("anna@example.co.uk") << QStringLiteral("07400 123456") << QStringLiteral("07700 900123")
            << QStringLiteral("GB") << true << false << SmsTarget::SmsNumber
            << QStringLiteral("The SMS number is not valid");
        QTest::newRow("SMS number a landline")
            << QStringLiteral("anna@example.co.uk") << QString() << QStringLiteral("+44 20 7946 0018")
            << QStringLiteral("GB") << true << false << SmsTarget::SmsNumber
            << QStringLiteral("The SMS number is a landline");
        QTest::newRow("no numbers, invalid e-mail")
            << QStringLiteral("anna@example") << QString() << QString() << QStringLiteral("GB") << false << false
            << SmsTarget::None << QStringLiteral("No mobile number");
        QTest::newRow("US number: mobile or landline counts")
            << QStringLiteral("bob@example.com") << QStringLiteral("(201) 555-0123") << QString()
            << QStringLiteral("US") << true << true << SmsTarget::Phone << QString();
        QTest::newRow("freephone") << QString() << QStringLiteral("0800 123 4567") << QString() << QStringLiteral("GB")
                                   << false << false << SmsTarget::Phone << QStringLiteral("toll-free number");
        QTest::newRow("national number, no country")
            << QStringLiteral("anna@example.co.uk") << QStringLiteral("07400 123456") << QString() << QString() << true
            << false << SmsTarget::Phone << QStringLiteral("no country");
    }
    void eligibility()
    {
        QFETCH(QString, email);
        QFETCH(QString, phone);
        QFETCH(QString, smsNumber);
        QFETCH(QString, country);
        QFETCH(bool, emailEligible);
        QFETCH(bool, smsEligible);
        QFETCH(SmsTarget, target);
        QFETCH(QString, smsReason);

        Customer customer;
        customer.email = email;
        customer.phone = phone;
        customer.smsNumber = smsNumber;
        customer.country = country;
        const ContactValidation validation = validateContacts(customer);
        QCOMPARE(validation.emailEligible, emailEligible);
        QCOMPARE(validation.emailIneligibleReason.isEmpty(), emailEligible);
        QCOMPARE(validation.emailIneligibleReason, validation.email.reason);
        QCOMPARE(validation.smsEligible, smsEligible);
        QCOMPARE(validation.smsTarget, target);
        QCOMPARE(validation.smsIneligibleReason.isEmpty(), smsEligible);
        QVERIFY2(validation.smsIneligibleReason.contains(smsReason, Qt::CaseInsensitive),
                 qPrintable(validation.smsIneligibleReason));
        QCOMPARE(&validation.smsTargetCheck(),
                 target == SmsTarget::SmsNumber ? &validation.smsNumber : &validation.phone);
    }
};

QTEST_GUILESS_MAIN(TestContactValidation)
#include "tst_contactvalidation.moc"
