#include "contactvalidationstore.h"
#include "customerstore.h"
#include "migrations.h"
#include "sql.h"
#include "testdatabase.h"

#include <QSqlQuery>
#include <QTest>

using namespace Gavel::Models;
using Gavel::Tests::RawConnection;
using Gavel::Tests::TestDatabase;

namespace {

Customer customer(const QString &no, const QString &email, const QString &phone, const QString &smsNumber,
                  const QString &country = QStringLiteral("GB"))
{
    Customer c;
    c.customerNo = no;
    c.lastName = no;
    c.email = email;
    c.phone = phone;
    c.smsNumber = smsNumber;
    c.country = country;
    return c;
}

/// The contacts of a test population: every kind of case, cycled, so that a few thousand
/// rows cross several batches and statements.
QStringList contactsFor(int i)
{
    static const QList<QStringList> kinds = {
        {QStringLiteral("a%1@example.co.uk"), QStringLiteral("07400 1%1"), QString(), QStringLiteral("GB")},
        {QStringLiteral("b%1@example"), QStringLiteral("020 7946 %1"), QString(), QStringLiteral("GB")},
        {QString(), QStringLiteral("(201) 555-%1"), QString(), QStringLiteral("US")},
        {QStringLiteral("d%1@example.dk"), QStringLiteral("+45 32 1%1"), QStringLiteral("07700 900123"),
         QStringLiteral("DK")},
        {QStringLiteral("e %1@example.com"), QString(), QStringLiteral("+44 7400 1%1"), QString()},
    };
    QStringList row = kinds.at(i % kinds.size());
    const QString digits = QStringLiteral("%1").arg(i % 10000, 4, 10, QChar(u'0'));
    const QString digits5 = QStringLiteral("%1").arg(i % 100000, 5, 10, QChar(u'0'));
    row[0] = row.at(0).arg(i);
    row[1] = row.at(1).contains(QStringLiteral("07400")) || row.at(1).contains(QStringLiteral("+45"))
                 ? row.at(1).arg(digits5)
                 : row.at(1).arg(digits);
    row[2] = row.at(2).contains(QStringLiteral("%1")) ? row.at(2).arg(digits5) : row.at(2);
    for (QString &field : row) {
        if (field.isNull()) {
            field = QStringLiteral(""); // the columns are NOT NULL DEFAULT ''
        }
    }
    return row;
}

/// Checks that the stored columns of every customer are what validateContacts() says now.
void verifyAllStored(const QSqlDatabase &db, int expectedRows)
{
    auto query =
        Sql::exec(db, QStringLiteral("SELECT id, email, phone, sms_number, country FROM customers ORDER BY id"), {},
                  QStringLiteral("test"));
    QVERIFY(query.ok());
    QList<QStringList> rows;
    QList<qint64> ids;
    while (query->next()) {
        ids << query->value(0).toLongLong();
        rows << QStringList{query->value(1).toString(), query->value(2).toString(), query->value(3).toString(),
                            query->value(4).toString()};
    }
    query->finish();
    QCOMPARE(rows.size(), expectedRows);
    ContactValidationStore store(db);
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const ContactValidation expected = validateContacts(rows[i][0], rows[i][1], rows[i][2], rows[i][3]);
        auto stored = store.stored(ids.at(i));
        QVERIFY(stored.ok());
        QCOMPARE(stored->emailStatus, EmailValidator::statusKey(expected.email.status));
        QCOMPARE(stored->phoneType, PhoneValidator::typeKey(expected.phone.type));
        QCOMPARE(stored->phoneE164, expected.phone.e164.isNull() ? QStringLiteral("") : expected.phone.e164);
        QCOMPARE(stored->smsNumberType, PhoneValidator::typeKey(expected.smsNumber.type));
        QCOMPARE(stored->smsNumberE164,
                 expected.smsNumber.e164.isNull() ? QStringLiteral("") : expected.smsNumber.e164);
        QCOMPARE(stored->emailEligible, expected.emailEligible);
        QCOMPARE(stored->smsEligible, expected.smsEligible);
        QCOMPARE(stored->rulesVersion, ContactValidation::kRulesVersion);
    }
}

int count(const QSqlDatabase &db, const QString &where)
{
    auto n =
        Sql::scalar(db, QStringLiteral("SELECT count(*) FROM customers WHERE ") + where, {}, QStringLiteral("test"));
    return n ? n->toInt() : -1;
}

} // namespace

class TestContactValidationStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createAndUpdateStoreTheChecks()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        CustomerStore customers(test->db());
        ContactValidationStore checks(test->db().connection());

        auto created = customers.create(customer(QStringLiteral("C-1"), QStringLiteral("anna@example"),
                                                 QStringLiteral("020 7946 0018"), QString()));
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().fullText()));
        auto stored = checks.stored(created->id);
        QVERIFY(stored.ok());
        QCOMPARE(stored->emailStatus, QStringLiteral("invalid"));
        QCOMPARE(stored->emailEligible, false);
        QCOMPARE(stored->phoneType, QStringLiteral("landline"));
        QCOMPARE(stored->phoneE164, QStringLiteral("+442079460018"));
        QCOMPARE(stored->smsNumberType, QStringLiteral("missing"));
        QCOMPARE(stored->smsEligible, false);
        QCOMPARE(stored->rulesVersion, ContactValidation::kRulesVersion);

        Customer edited = *created;
        edited.email = QStringLiteral("anna@example.com");
        edited.smsNumber = QStringLiteral("07400 123456");
        auto updated = customers.update(edited);
        QVERIFY(updated.ok());
        QCOMPARE(updated->version, created->version + 1);
        stored = checks.stored(created->id);
        QCOMPARE(stored->emailStatus, QStringLiteral("valid"));
        QCOMPARE(stored->emailEligible, true);
        QCOMPARE(stored->smsNumberType, QStringLiteral("mobile"));
        QCOMPARE(stored->smsNumberE164, QStringLiteral("+447400123456"));
        QCOMPARE(stored->smsEligible, true);

        // The country decides how a national number reads.
        edited = *updated;
        edited.country = QStringLiteral("US");
        QVERIFY(customers.update(edited).ok());
        stored = checks.stored(created->id);
        QCOMPARE(stored->smsNumberType, QStringLiteral("invalid"));
        QCOMPARE(stored->smsEligible, false);
    }

    // Segments, lists and exports select by eligibility in SQL.
    void eligibilityIsUsableInSql()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        CustomerStore customers(test->db());
        for (int i = 0; i < 10; ++i) {
            const QStringList c = contactsFor(i);
            QVERIFY(customers.create(customer(QStringLiteral("C-%1").arg(i), c[0], c[1], c[2], c[3])).ok());
        }
        const QSqlDatabase db = test->db().connection();
        int emailEligible = 0;
        int smsEligible = 0;
        for (int i = 0; i < 10; ++i) {
            const QStringList c = contactsFor(i);
            const ContactValidation v = validateContacts(c[0], c[1], c[2], c[3]);
            emailEligible += v.emailEligible;
            smsEligible += v.smsEligible;
        }
        QVERIFY(emailEligible > 0 && emailEligible < 10);
        QVERIFY(smsEligible > 0 && smsEligible < 10);
        QCOMPARE(count(db, QStringLiteral("email_eligible = 1")), emailEligible);
        QCOMPARE(count(db, QStringLiteral("sms_eligible = 1")), smsEligible);
        QCOMPARE(count(db, QStringLiteral("phone_type = 'landline' AND sms_eligible = 1")), 0);
    }

    // Rows written around CustomerStore (a bulk load) are found and checked, without touching
    // their version: the checks are derived data, not somebody's edit.
    void revalidateChecksRowsWrittenInBulk()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        const QSqlDatabase db = test->db().connection();
        const int rows = 2600;
        QVERIFY(Sql::exec(db, QStringLiteral("BEGIN"), {}, QStringLiteral("test")).ok());
        for (int i = 0; i < rows; ++i) {
            const QStringList c = contactsFor(i);
            QVERIFY(Sql::exec(
                        db,
                        QStringLiteral("INSERT INTO customers (uuid, customer_no, email, phone, sms_number, country,"
                                       " created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, 1, 1, 'bulk')"),
                        {QStringLiteral("u-%1").arg(i), QStringLiteral("B-%1").arg(i), c[0], c[1], c[2], c[3]},
                        QStringLiteral("test"))
                        .ok());
        }
        QVERIFY(Sql::exec(db, QStringLiteral("COMMIT"), {}, QStringLiteral("test")).ok());
        QCOMPARE(count(db, QStringLiteral("contacts_checked = 0 AND email_status = 'unchecked'")), rows);

        ContactValidationStore store(db);
        QList<qint64> progress;
        auto checked = store.revalidate(ContactValidationStore::Scope::Outdated, [&](qint64 done, qint64 total) {
            progress << done;
            return total == rows;
        });
        QVERIFY2(checked.ok(), qPrintable(checked.ok() ? QString() : checked.error().fullText()));
        QCOMPARE(*checked, qint64(rows));
        QCOMPARE(progress, (QList<qint64>{2000, 2600}));
        verifyAllStored(db, rows);
        QCOMPARE(count(db, QStringLiteral("version = 1 AND updated_at = 1")), rows);

        // Nothing is left to do; Scope::All checks everything again.
        auto again = store.revalidate();
        QVERIFY(again.ok());
        QCOMPARE(*again, qint64(0));
        auto all = store.revalidate(ContactValidationStore::Scope::All, {}, 1000);
        QVERIFY(all.ok());
        QCOMPARE(*all, qint64(rows));
    }

    void revalidateCanBeStopped()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        CustomerStore customers(test->db());
        for (int i = 0; i < 5; ++i) {
            QVERIFY(customers.create(customer(QStringLiteral("C-%1").arg(i), QString(), QString(), QString())).ok());
        }
        ContactValidationStore store(test->db().connection());
        auto stopped = store.revalidate(
            ContactValidationStore::Scope::All, [](qint64, qint64) { return false; }, 2);
        QVERIFY(!stopped.ok());
        QCOMPARE(stopped.error().kind, ErrorKind::Cancelled);
    }

    // Migration 2 checks the customers an older database already has.
    void migrationChecksExistingCustomers()
    {
        QString why;
        auto test = TestDatabase::create(&why, /*migrate=*/false);
        if (!test && Gavel::Tests::testEngine() == Engine::Postgres && !TestDatabase::postgresRequired()) {
            QSKIP(qPrintable(QStringLiteral("SKIPPED ON POSTGRESQL: ") + why));
        }
        QVERIFY2(test, qPrintable(why));
        const int rows = 2345;
        {
            RawConnection raw(test->spec());
            QVERIFY(raw.ok());
            const Dialect dialect(test->spec().engine);
            const Status status = applyMigrations(raw.db(), dialect, QStringLiteral("test"), 0, 1);
            QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().fullText()));
            QVERIFY(raw.exec(QStringLiteral("BEGIN")));
            for (int i = 0; i < rows; ++i) {
                const QStringList c = contactsFor(i);
                QVERIFY(
                    Sql::exec(raw.db(),
                              QStringLiteral("INSERT INTO customers (uuid, customer_no, email, phone, sms_number,"
                                             " country, created_at, updated_at, updated_by, version)"
                                             " VALUES (?, ?, ?, ?, ?, ?, 1, 1, 'v1', 3)"),
                              {QStringLiteral("u-%1").arg(i), QStringLiteral("V-%1").arg(i), c[0], c[1], c[2], c[3]},
                              QStringLiteral("test"))
                        .ok());
            }
            QVERIFY(raw.exec(QStringLiteral("COMMIT")));
        }
        auto opened = Database::open(test->spec(), QStringLiteral("upgrade"));
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().fullText()));
        QCOMPARE((*opened)->schemaVersion(), Database::currentSchemaVersion());
        verifyAllStored((*opened)->connection(), rows);
        QCOMPARE(count((*opened)->connection(), QStringLiteral("version = 3 AND updated_by = 'v1'")), rows);
    }
};

QTEST_GUILESS_MAIN(TestContactValidationStore)
#include "tst_contactvalidationstore.moc"
