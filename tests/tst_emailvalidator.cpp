#include "emailvalidator.h"
#include "punycode.h"
#include "testdatabase.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

using namespace Gavel::Models;
using Gavel::Tests::sharedTestData;

// The policy, where what the RFCs allow and what mailing services accept differ: Gavel
// accepts what a mailing service delivers to, as python-email-validator does with its
// default options (allow_quoted_local=False, allow_display_name=False,
// allow_domain_literal=False, allow_smtputf8=True, globally deliverable names only):
// - refused although valid by RFC 5321/5322: quoted local parts, IP addresses in brackets,
//   domains without a period (test@io, which is_email calls valid), numeric top-level
//   domains, comments, folding white space, obsolete syntax, a display name, special-use
//   domains, and local parts over 64 characters;
// - accepted: international local parts (SMTPUTF8) and international domains.
// is_email's DNSWARN cases need live DNS and are left out: this validator checks syntax only.
//
// The test data are the third-party suites in ../shared/testdata/email, read as they are.

Q_DECLARE_METATYPE(Gavel::Models::EmailProblem)

namespace {

QJsonObject pythonCases()
{
    QFile file(sharedTestData(QStringLiteral("email/python-email-validator-cases.json")));
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("Cannot read %s", qPrintable(file.fileName()));
    }
    return QJsonDocument::fromJson(file.readAll()).object();
}

QJsonArray casesOf(const QString &group)
{
    const QJsonArray cases = pythonCases().value(group).toObject().value(QStringLiteral("cases")).toArray();
    if (cases.isEmpty()) {
        qFatal("No cases in group %s", qPrintable(group));
    }
    return cases;
}

/// What python-email-validator's human-readable message says went wrong, in our terms. The
/// test then checks that Gavel names the same problem (in its own words).
EmailProblem problemFromPythonMessage(const QString &message)
{
    const auto has = [&message](const char *text) { return message.contains(QLatin1String(text)); };
    if (has("must have an @-sign")) {
        return EmailProblem::MissingAt;
    }
    if (has("full-width") || has("small commercial at")) {
        return EmailProblem::LookalikeAt;
    }
    if (has("angle bracket") || has("display name") || has("anything after")) {
        return EmailProblem::DisplayName;
    }
    if (has("bracket") || has("address literal")) {
        return EmailProblem::DomainLiteral;
    }
    if (has("too long") || has("so many characters")) {
        return EmailProblem::TooLong;
    }
    if (has("should have a period")) {
        return EmailProblem::DomainWithoutDot;
    }
    if (has("hyphen") || has("two dashes")) {
        return EmailProblem::HyphenPlacement;
    }
    if (has("period")) {
        return EmailProblem::DotPlacement;
    }
    if (has("unsafe characters")) {
        return EmailProblem::UnsafeCharacter;
    }
    if (has("invalid characters")) {
        return EmailProblem::InvalidCharacter;
    }
    if (has("something before the @-sign")) {
        return EmailProblem::MissingLocalPart;
    }
    if (has("top-level domain")) {
        return EmailProblem::InvalidTopLevelDomain;
    }
    if (has("IDNA")) {
        return EmailProblem::InvalidInternationalDomain;
    }
    if (has("special-use or reserved")) {
        return EmailProblem::ReservedDomain;
    }
    if (has("Quoting")) {
        return EmailProblem::QuotedLocalPart;
    }
    qFatal("Unmapped message: %s", qPrintable(message));
}

/// A field of the repr python-email-validator's suite expects ("ascii_domain='xn--…'"), or a
/// null string when the stored text was cut off before it ends.
QString reprField(const QString &repr, const QString &field)
{
    const QRegularExpression single(field + QStringLiteral("='([^'\\\\]*)'"));
    const QRegularExpression dbl(field + QStringLiteral("=\"([^\"\\\\]*)\""));
    for (const QRegularExpression &pattern : {single, dbl}) {
        const auto match = pattern.match(repr);
        if (match.hasMatch()) {
            return match.captured(1);
        }
    }
    return {};
}

QString describe(const EmailCheck &check)
{
    return QStringLiteral("%1 (%2): %3")
        .arg(EmailValidator::statusKey(check.status), EmailValidator::problemKey(check.problem), check.reason);
}

} // namespace

class TestEmailValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Dominic Sayers' is_email corpus: only ISEMAIL_VALID addresses with a period in the
    // domain are deliverable; every other category is refused (see the policy above).
    void isEmailCorpus_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("category");
        QTest::addColumn<QString>("diagnosis");
        QFile file(sharedTestData(QStringLiteral("email/tests.xml")));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        QXmlStreamReader xml(&file);
        QString id;
        QString address;
        QString category;
        QString diagnosis;
        int rows = 0;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == u"test") {
                id = xml.attributes().value(QStringLiteral("id")).toString();
                address.clear();
            } else if (xml.isStartElement() && xml.name() == u"address") {
                address = xml.readElementText();
                // Control characters are written as Unicode control pictures (U+2400 + code).
                for (QChar &c : address) {
                    if (c.unicode() >= 0x2400 && c.unicode() <= 0x241F) {
                        c = QChar(char16_t(c.unicode() - 0x2400));
                    }
                }
            } else if (xml.isStartElement() && xml.name() == u"category") {
                category = xml.readElementText();
            } else if (xml.isStartElement() && xml.name() == u"diagnosis") {
                diagnosis = xml.readElementText();
            } else if (xml.isEndElement() && xml.name() == u"test") {
                if (category != u"ISEMAIL_DNSWARN") { // needs DNS
                    QTest::newRow(qPrintable(QStringLiteral("is_email #") + id)) << address << category << diagnosis;
                    ++rows;
                }
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(rows > 150);
    }
    void isEmailCorpus()
    {
        QFETCH(QString, address);
        QFETCH(QString, category);
        QFETCH(QString, diagnosis);
        const bool hasDot = address.section(u'@', -1).contains(u'.');
        const bool expected = category == u"ISEMAIL_VALID_CATEGORY" && hasDot;
        const EmailCheck check = EmailValidator::check(address);
        QVERIFY2(check.isValid() == expected,
                 qPrintable(QStringLiteral("%1 [%2] → %3").arg(address, diagnosis, describe(check))));
        if (!expected) {
            QCOMPARE(check.status, address.isEmpty() ? EmailStatus::Missing : EmailStatus::Invalid);
            QVERIFY(!check.reason.isEmpty());
        }
        if (diagnosis == u"ISEMAIL_VALID" && !hasDot) {
            QCOMPARE(check.problem, EmailProblem::DomainWithoutDot);
        }
    }

    // python-email-validator's valid addresses. A few are valid upstream only with
    // allow_quoted_local or allow_display_name, which Gavel refuses (see the policy above);
    // the rest must come out valid with the same normalised form and ASCII domain.
    void pythonValid_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("expected");
        for (const QString &group :
             {QStringLiteral("test_email_valid"), QStringLiteral("test_email_valid_intl_local_part")}) {
            for (const QJsonValue &value : casesOf(group)) {
                const QJsonArray row = value.toArray();
                QTest::newRow(qPrintable(group + u' ' + row.at(0).toString()))
                    << row.at(0).toString() << row.at(1).toString();
            }
        }
    }
    void pythonValid()
    {
        QFETCH(QString, address);
        QFETCH(QString, expected);
        const EmailCheck check = EmailValidator::check(address);
        if (address.contains(u'<')) {
            QVERIFY2(check.problem == EmailProblem::DisplayName || check.problem == EmailProblem::QuotedLocalPart,
                     qPrintable(describe(check)));
            return;
        }
        if (address.startsWith(u'"')) {
            QCOMPARE(check.problem, EmailProblem::QuotedLocalPart);
            return;
        }
        QVERIFY2(check.isValid(), qPrintable(describe(check)));
        QVERIFY(check.reason.isEmpty());
        const QString asciiDomain = reprField(expected, QStringLiteral("ascii_domain"));
        if (!asciiDomain.isNull()) {
            QCOMPARE(check.asciiDomain, asciiDomain);
        }
        const QString normalized = reprField(expected, QStringLiteral("normalized"));
        if (!normalized.isNull()) {
            QCOMPARE(check.normalized, normalized);
        }
        QCOMPARE(check.internationalLocalPart, expected.contains(QStringLiteral("smtputf8=True")));
    }

    // Valid only with allow_quoted_local upstream; refused by default there and here.
    void pythonQuotedLocalParts_data()
    {
        QTest::addColumn<QString>("address");
        for (const QJsonValue &value : casesOf(QStringLiteral("test_email_valid_only_if_quoted_local_part"))) {
            const QString address = value.toArray().at(0).toString();
            QTest::newRow(qPrintable(address)) << address;
        }
    }
    void pythonQuotedLocalParts()
    {
        QFETCH(QString, address);
        const EmailCheck check = EmailValidator::check(address);
        QCOMPARE(check.problem, EmailProblem::QuotedLocalPart);
        QVERIFY(check.reason.contains(QStringLiteral("Quotation marks")));
    }

    // Invalid addresses: Gavel must refuse each, and name the same problem as
    // python-email-validator's message (in its own words).
    void pythonInvalid_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("message");
        for (const QString &group :
             {QStringLiteral("test_email_invalid_syntax"), QStringLiteral("test_email_invalid_syntax_strict")}) {
            int index = 0;
            for (const QJsonValue &value : casesOf(group)) {
                const QJsonArray row = value.toArray();
                QTest::newRow(
                    qPrintable(QStringLiteral("%1 #%2 %3").arg(group).arg(++index).arg(row.at(0).toString().left(40))))
                    << row.at(0).toString() << row.at(1).toString();
            }
        }
    }
    void pythonInvalid()
    {
        QFETCH(QString, address);
        QFETCH(QString, message);
        const EmailCheck check = EmailValidator::check(address);
        QCOMPARE(check.status, EmailStatus::Invalid);
        QVERIFY(!check.reason.isEmpty());
        QVERIFY2(check.problem == problemFromPythonMessage(message),
                 qPrintable(QStringLiteral("expected like “%1”, got %2").arg(message, describe(check))));
    }

    void pythonReservedDomains_data()
    {
        QTest::addColumn<QString>("address");
        for (const QJsonValue &value : casesOf(QStringLiteral("test_email_invalid_reserved_domain"))) {
            QTest::newRow(qPrintable(value.toString())) << value.toString();
        }
    }
    void pythonReservedDomains()
    {
        QFETCH(QString, address);
        const EmailCheck check = EmailValidator::check(address);
        QCOMPARE(check.problem, EmailProblem::ReservedDomain);
        QVERIFY(check.reason.contains(address.section(u'@', 1)));
    }

    // Characters that are legal but make an address render as another one (or not at all),
    // before and after the @-sign.
    void pythonUnsafeCharacters_data()
    {
        QTest::addColumn<QString>("characters");
        for (const QJsonValue &value : casesOf(QStringLiteral("test_email_unsafe_character"))) {
            const QJsonArray row = value.toArray();
            QString characters = row.at(0).toString();
            // Qt's JSON parser turns a lone surrogate into U+FFFD: take such a character
            // from its name ("U+D800") instead.
            static const QRegularExpression codePoint(QStringLiteral("^U\\+([0-9A-F]{4,8})$"));
            const auto match = codePoint.match(row.at(1).toString());
            if (match.hasMatch()) {
                const char32_t c = match.captured(1).toUInt(nullptr, 16);
                characters = c > 0xFFFF ? QString::fromUcs4(&c, 1) : QString(QChar(char16_t(c)));
            }
            QTest::newRow(qPrintable(row.at(1).toString())) << characters;
        }
    }
    void pythonUnsafeCharacters()
    {
        QFETCH(QString, characters);
        const EmailCheck before = EmailValidator::check(characters + QStringLiteral("@example.com"));
        QVERIFY2(before.problem == EmailProblem::UnsafeCharacter, qPrintable(describe(before)));
        const EmailCheck after = EmailValidator::check(QStringLiteral("test@") + characters);
        QVERIFY2(after.problem == EmailProblem::UnsafeCharacter, qPrintable(describe(after)));
    }

    // Upstream refuses these only with allow_smtputf8=False; Gavel accepts international
    // local parts (the default there too), so with a deliverable domain they are valid
    // unless quoted.
    void pythonInternationalLocalParts_data()
    {
        QTest::addColumn<QString>("local");
        for (const QJsonValue &value : casesOf(QStringLiteral("test_email_invalid_character_smtputf8_off"))) {
            const QString address = value.toArray().at(0).toString();
            QTest::newRow(qPrintable(address)) << address.left(address.lastIndexOf(u'@'));
        }
    }
    void pythonInternationalLocalParts()
    {
        QFETCH(QString, local);
        const EmailCheck check = EmailValidator::check(local + QStringLiteral("@example.com"));
        if (local.startsWith(u'"')) {
            QCOMPARE(check.problem, EmailProblem::QuotedLocalPart);
        } else {
            QVERIFY2(check.isValid(), qPrintable(describe(check)));
            QVERIFY(check.internationalLocalPart);
        }
    }

    // pyIsEmail's suite as python-email-validator runs it: only ISEMAIL_VALID passes.
    void pyIsEmail_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("status");
        int index = 0;
        for (const QJsonValue &value : casesOf(QStringLiteral("test_pyisemail_tests"))) {
            const QJsonArray row = value.toArray();
            QTest::newRow(qPrintable(QStringLiteral("#%1 %2").arg(++index).arg(row.at(1).toString())))
                << row.at(0).toString() << row.at(1).toString();
        }
    }
    void pyIsEmail()
    {
        QFETCH(QString, address);
        QFETCH(QString, status);
        const EmailCheck check = EmailValidator::check(address);
        QVERIFY2(check.isValid() == (status == u"ISEMAIL_VALID"), qPrintable(address + u' ' + describe(check)));
    }

    // What staff see: the reason names the problem in plain words.
    void reasonsStaffRead_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<EmailProblem>("problem");
        QTest::addColumn<QString>("reasonContains");
        QTest::newRow("empty") << QString() << EmailProblem::Missing << QStringLiteral("No e-mail address");
        QTest::newRow("no @") << QStringLiteral("anna.schmidt.example.com") << EmailProblem::MissingAt
                              << QStringLiteral("@-sign");
        QTest::newRow("no domain") << QStringLiteral("anna@") << EmailProblem::MissingDomain
                                   << QStringLiteral("example.com");
        QTest::newRow("gmail without .com")
            << QStringLiteral("anna@gmail") << EmailProblem::DomainWithoutDot << QStringLiteral("needs a period");
        QTest::newRow("trailing space") << QStringLiteral("anna@example.com ") << EmailProblem::InvalidCharacter
                                        << QStringLiteral("ends with a space");
        QTest::newRow("comma for period")
            << QStringLiteral("anna@example,com") << EmailProblem::InvalidCharacter << QStringLiteral("“,”");
        QTest::newRow("from an e-mail header") << QStringLiteral("Anna Schmidt <anna@example.com>")
                                               << EmailProblem::DisplayName << QStringLiteral("anna@example.com");
        QTest::newRow("two @") << QStringLiteral("anna@home@example.com") << EmailProblem::InvalidCharacter
                               << QStringLiteral("“@”");
        QTest::newRow("zero-width space")
            << QStringLiteral("anna\u200B@example.com") << EmailProblem::UnsafeCharacter << QStringLiteral("U+200B");
        QTest::newRow(".test") << QStringLiteral("anna@gallery.test") << EmailProblem::ReservedDomain
                               << QStringLiteral("gallery.test");
        QTest::newRow("IP address") << QStringLiteral("anna@[192.0.2.1]") << EmailProblem::DomainLiteral
                                    << QStringLiteral("domain name");
        QTest::newRow("valid") << QStringLiteral("anna.schmidt+sales@auction-house.co.uk") << EmailProblem::None
                               << QString();
        QTest::newRow("valid, German umlaut domain")
            << QString::fromUtf8("jörg@bücher.de") << EmailProblem::None << QString();
    }
    void reasonsStaffRead()
    {
        QFETCH(QString, address);
        QFETCH(EmailProblem, problem);
        QFETCH(QString, reasonContains);
        const EmailCheck check = EmailValidator::check(address);
        QVERIFY2(check.problem == problem, qPrintable(describe(check)));
        QVERIFY2(check.reason.contains(reasonContains), qPrintable(check.reason));
        QCOMPARE(check.reason.isEmpty(), problem == EmailProblem::None);
    }

    void internationalDomainsBecomePunycode()
    {
        const EmailCheck check = EmailValidator::check(QString::fromUtf8("Jörg@Bücher.DE"));
        QVERIFY(check.isValid());
        QCOMPARE(check.asciiDomain, QStringLiteral("xn--bcher-kva.de"));
        QCOMPARE(check.normalized, QString::fromUtf8("Jörg@bücher.de"));
        QVERIFY(check.internationalLocalPart);
    }

    void statusKeysRoundTrip()
    {
        for (const EmailStatus status : {EmailStatus::Missing, EmailStatus::Valid, EmailStatus::Invalid}) {
            QCOMPARE(EmailValidator::statusFromKey(EmailValidator::statusKey(status)), status);
        }
        QVERIFY(!EmailValidator::statusFromKey(u"unchecked").has_value());
    }

    // RFC 3492's own samples (7.1) and labels from the suites.
    void punycode_data()
    {
        QTest::addColumn<QString>("unicode");
        QTest::addColumn<QString>("encoded");
        QTest::newRow("bücher") << QString::fromUtf8("bücher") << QStringLiteral("bcher-kva");
        QTest::newRow("Arabic (Egyptian)")
            << QString::fromUtf8("ليهمابتكلموشعربي؟") << QStringLiteral("egbpdaj6bu4bxfgehfvwxn");
        QTest::newRow("Chinese (simplified)")
            << QString::fromUtf8("他们为什么不说中文") << QStringLiteral("ihqwcrb4cv8a8dqg056pqjye");
        QTest::newRow("Russian") << QString::fromUtf8("почемужеонинеговорятпорусски")
                                 << QStringLiteral("b1abfaaepdrnnbgefbadotcwatmq2g4l");
        QTest::newRow("3年B組金八先生") << QString::fromUtf8("3年B組金八先生")
                                        << QStringLiteral("3B-ww4c5e180e575a65lsy2b");
        QTest::newRow("臺網中心") << QString::fromUtf8("臺網中心") << QStringLiteral("fiqq24b10vi0d");
    }
    void punycode()
    {
        QFETCH(QString, unicode);
        QFETCH(QString, encoded);
        QCOMPARE(Punycode::encode(unicode).value_or(QString()), encoded);
        QCOMPARE(Punycode::decode(encoded).value_or(QString()), unicode);
    }

    void punycodeRefusesGarbage()
    {
        QVERIFY(!Punycode::decode(u"0").has_value());           // an incomplete code point
        QVERIFY(!Punycode::decode(u"a!b").has_value());         // not a Punycode digit
        QVERIFY(!Punycode::decode(u"ü-abc").has_value());       // non-ASCII before the delimiter
        QVERIFY(!Punycode::decode(u"99999999999").has_value()); // overflow
    }
};

QTEST_GUILESS_MAIN(TestEmailValidator)
#include "tst_emailvalidator.moc"
