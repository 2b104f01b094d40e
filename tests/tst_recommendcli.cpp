// `gavel recommend` and `gavel evaluate-recommendations`, run as a person would, on a small
// SQLite house (RecommendationFixture).

#include "recommendationfixture.h"
#include "testdatabase.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using Gavel::Tests::RecommendationFixture;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run gavel(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(GAVEL_EXECUTABLE), arguments);
    Run run;
    if (!process.waitForFinished(60000)) {
        run.err = process.errorString();
        return run;
    }
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace

class TestRecommendCli final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void json();
    void text();
    void chosenSaleAndLeaveOut();
    void mistakes();
    void evaluate();

private:
    std::unique_ptr<Gavel::Tests::TestDatabase> m_test;
    RecommendationFixture m_fixture;
    QString m_path;
};

void TestRecommendCli::initTestCase()
{
    QString why;
    m_test = Gavel::Tests::TestDatabase::create(&why);
    QVERIFY2(m_test, qPrintable(why));
    QVERIFY(m_fixture.build(m_test->db(), QDateTime::currentSecsSinceEpoch()).isEmpty());
    m_path = m_test->spec().sqlitePath;
    m_test->close();
}

void TestRecommendCli::json()
{
    const Run run = gavel({QStringLiteral("recommend"), QStringLiteral("--customer"), QStringLiteral("C1"),
                           QStringLiteral("--top"), QStringLiteral("3"), QStringLiteral("--json"),
                           QStringLiteral("--database"), m_path});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QJsonParseError error;
    const QJsonObject root = QJsonDocument::fromJson(run.out.toUtf8(), &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QCOMPARE(root.value(QStringLiteral("customer_no")).toString(), QStringLiteral("C1"));
    QCOMPARE(root.value(QStringLiteral("sale")).toObject().value(QStringLiteral("sale_no")).toString(),
             QStringLiteral("U1")); // the next upcoming sale
    const QJsonArray lots = root.value(QStringLiteral("lots")).toArray();
    QCOMPARE(lots.size(), 3);
    QCOMPARE(lots.at(0).toObject().value(QStringLiteral("title")).toString(),
             QStringLiteral("Fishing boats off the coast"));
    int previous = 101;
    for (const QJsonValue &value : lots) {
        const QJsonObject lot = value.toObject();
        const int score = lot.value(QStringLiteral("match_score")).toInt();
        QVERIFY(score <= previous);
        previous = score;
        double sum = 0;
        for (const QJsonValue &part : lot.value(QStringLiteral("parts")).toArray()) {
            sum += part.toObject().value(QStringLiteral("points")).toDouble();
            QVERIFY(!part.toObject().value(QStringLiteral("reason")).toString().isEmpty());
        }
        QVERIFY(std::abs(sum - lot.value(QStringLiteral("exact_score")).toDouble()) < 0.5);
    }
    QVERIFY(lots.at(0).toObject().value(QStringLiteral("wishlisted")).toBool());
}

void TestRecommendCli::text()
{
    const Run run = gavel({QStringLiteral("recommend"), QStringLiteral("--customer"), QStringLiteral("C1"),
                           QStringLiteral("--database"), m_path});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.contains(QStringLiteral("Winter Paintings")));
    QVERIFY(run.out.contains(QStringLiteral("Alice Avery")));
    QVERIFY(run.out.contains(QStringLiteral("1. Lot 1 Match")));
    QVERIFY(run.out.contains(QStringLiteral("Artist or maker Anna Marsh")));
    QVERIFY(!run.out.contains(QStringLiteral("withdrawn")));
}

void TestRecommendCli::chosenSaleAndLeaveOut()
{
    Run run = gavel({QStringLiteral("recommend"), QStringLiteral("--customer"), QStringLiteral("C1"),
                     QStringLiteral("--sale"), QStringLiteral("U2"), QStringLiteral("--json"),
                     QStringLiteral("--database"), m_path});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QJsonObject root = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(root.value(QStringLiteral("lots")).toArray().size(), 1);
    QCOMPARE(root.value(QStringLiteral("lots")).toArray().at(0).toObject().value(QStringLiteral("title")).toString(),
             QStringLiteral("Six apostle spoons"));

    run = gavel({QStringLiteral("recommend"), QStringLiteral("--customer"), QStringLiteral("C1"),
                 QStringLiteral("--leave-out-engaged"), QStringLiteral("--json"), QStringLiteral("--database"),
                 m_path});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    root = QJsonDocument::fromJson(run.out.toUtf8()).object();
    const QJsonArray lots = root.value(QStringLiteral("lots")).toArray();
    QCOMPARE(lots.size(), 3);
    for (const QJsonValue &lot : lots) {
        QVERIFY(!lot.toObject().value(QStringLiteral("wishlisted")).toBool());
    }
}

void TestRecommendCli::mistakes()
{
    Run run = gavel({QStringLiteral("recommend"), QStringLiteral("--database"), m_path});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains(QStringLiteral("--customer")));
    run = gavel({QStringLiteral("recommend"), QStringLiteral("--customer"), QStringLiteral("C99"),
                 QStringLiteral("--database"), m_path});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.err.contains(QStringLiteral("C99")));
    run = gavel({QStringLiteral("recommend"), QStringLiteral("--customer"), QStringLiteral("C1"),
                 QStringLiteral("--sale"), QStringLiteral("X9"), QStringLiteral("--database"), m_path});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.err.contains(QStringLiteral("X9")));
    run = gavel({QStringLiteral("recommend"), QStringLiteral("--customer"), QStringLiteral("C1"),
                 QStringLiteral("--top"), QStringLiteral("many"), QStringLiteral("--database"), m_path});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains(QStringLiteral("--top")));
}

void TestRecommendCli::evaluate()
{
    const Run run = gavel({QStringLiteral("evaluate-recommendations"), QStringLiteral("--database"), m_path});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.contains(QStringLiteral("1 held-out sales")));
    QVERIFY(run.out.contains(QStringLiteral("| Gavel recommender |")));
    QVERIFY(run.out.contains(QStringLiteral("| Popularity (wishlists) |")));
    QVERIFY(run.out.contains(QStringLiteral("| Department only |")));
    QVERIFY(run.out.contains(QStringLiteral("NDCG@10")));
}

QTEST_GUILESS_MAIN(TestRecommendCli)
#include "tst_recommendcli.moc"
