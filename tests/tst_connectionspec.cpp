#include "connectionspec.h"

#include <QTest>

using namespace Gavel::Models;

class TestConnectionSpec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parses_data()
    {
        QTest::addColumn<QString>("conninfo");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("dbname");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("extra");

        QTest::newRow("typical") << "host=db.example.org port=5433 dbname=gavel user=anna" << "db.example.org" << 5433
                                 << "gavel" << "anna" << "" << "";
        QTest::newRow("default port") << "dbname=gavel" << "" << 5432 << "gavel" << "" << "" << "";
        QTest::newRow("spaces around =") << "host = localhost   dbname =  crm" << "localhost" << 5432 << "crm" << ""
                                         << "" << "";
        QTest::newRow("quoted with space and quote") << R"(dbname='my db' password='it\'s secret')" << "" << 5432
                                                     << "my db" << "" << "it's secret" << "";
        QTest::newRow("socket dir and extras") << "host=/tmp/pg dbname=x sslmode=require connect_timeout=3"
                                               << "/tmp/pg" << 5432 << "x" << "" << ""
                                               << "sslmode=require connect_timeout=3";
    }

    void parses()
    {
        QFETCH(QString, conninfo);
        auto spec = ConnectionSpec::fromConninfo(conninfo);
        QVERIFY2(spec.ok(), qPrintable(spec.ok() ? QString() : spec.error().message));
        QCOMPARE(spec->engine, Engine::Postgres);
        QTEST(spec->host, "host");
        QTEST(spec->port, "port");
        QTEST(spec->databaseName, "dbname");
        QTEST(spec->user, "user");
        QTEST(spec->password, "password");
        QTEST(spec->extraOptions, "extra");
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("conninfo");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("no dbname") << "host=x user=y" << "dbname";
        QTest::newRow("missing =") << "host x dbname=y" << "\"=\"";
        QTest::newRow("bad port") << "port=http dbname=y" << "port";
        QTest::newRow("unclosed quote") << "dbname='abc" << "closing quote";
    }

    void rejects()
    {
        QFETCH(QString, conninfo);
        QFETCH(QString, messagePart);
        auto spec = ConnectionSpec::fromConninfo(conninfo);
        QVERIFY(!spec.ok());
        QCOMPARE(spec.error().kind, ErrorKind::Invalid);
        QVERIFY2(spec.error().message.contains(messagePart), qPrintable(spec.error().message));
    }

    void describeNeverShowsThePassword()
    {
        auto spec = ConnectionSpec::fromConninfo(QStringLiteral("host=h dbname=d user=u password=hunter2"));
        QVERIFY(spec.ok());
        QVERIFY(!spec->describe().contains(QStringLiteral("hunter2")));
        QVERIFY(spec->describe().contains(QStringLiteral("dbname=d")));
    }
};

QTEST_GUILESS_MAIN(TestConnectionSpec)
#include "tst_connectionspec.moc"
