#include "customerstore.h"
#include "loader.h"
#include "sql.h"
#include "testdatabase.h"

#include <QTest>
#include <QThread>

#include <atomic>

using namespace Gavel::Models;

class TestLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsOffTheGuiThreadAndDeliversOnIt()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        Customer customer;
        customer.customerNo = QStringLiteral("C-1");
        customer.lastName = QStringLiteral("Lovelace");
        auto created = CustomerStore(test->db()).create(customer);
        QVERIFY(created.ok());

        Loader loader(test->db());
        LoadGeneration generation;
        QThread *workThread = nullptr;
        QThread *doneThread = nullptr;
        QString name;
        loader.run<Customer>(
            generation, this,
            [&](Database &db) {
                workThread = QThread::currentThread();
                return CustomerStore(db).byId(created->id);
            },
            [&](const Result<Customer> &result) {
                doneThread = QThread::currentThread();
                QVERIFY(result.ok());
                name = result->lastName;
            });
        QVERIFY(loader.waitForIdle());
        QCOMPARE(name, QStringLiteral("Lovelace"));
        QVERIFY(workThread != QThread::currentThread());
        QCOMPARE(doneThread, QThread::currentThread());
    }

    void aRenewedGenerationDropsOlderLoads()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        Loader loader(test->db());
        LoadGeneration generation;
        std::atomic<int> ran = 0;
        QList<int> delivered;
        for (int i = 0; i < 20; ++i) {
            generation.renew();
            loader.run<int>(
                generation, this,
                [&ran, i](Database &) -> Result<int> {
                    ++ran;
                    QThread::msleep(2);
                    return i;
                },
                [&delivered](const Result<int> &result) { delivered << *result; });
        }
        QVERIFY(loader.waitForIdle());
        QCOMPARE(delivered, QList<int>{19});
        // Loads that were stale before they started never touched the database.
        QVERIFY2(ran.load() < 20, qPrintable(QString::number(ran.load())));
    }

    void aGoneReceiverGetsNothing()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        Loader loader(test->db());
        LoadGeneration generation;
        bool called = false;
        auto *receiver = new QObject;
        loader.run<int>(
            generation, receiver, [](Database &) -> Result<int> { return 1; },
            [&called](const Result<int> &) { called = true; });
        delete receiver;
        QVERIFY(loader.waitForIdle());
        QVERIFY(!called);
    }

    void errorsArriveAsResults()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        Loader loader(test->db());
        LoadGeneration generation;
        Error error;
        loader.run<QVariant>(
            generation, this,
            [](Database &db) {
                return Sql::scalar(db.connection(), QStringLiteral("SELECT no_such_column FROM customers"), {},
                                   QStringLiteral("reading a test value"));
            },
            [&error](const Result<QVariant> &result) {
                QVERIFY(!result.ok());
                error = result.error();
            });
        QVERIFY(loader.waitForIdle());
        QVERIFY2(error.message.contains(QStringLiteral("reading a test value")), qPrintable(error.message));
    }
};

QTEST_GUILESS_MAIN(TestLoader)
#include "tst_loader.moc"
