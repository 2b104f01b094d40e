#include "money.h"

#include <QTest>

using namespace Gavel::Models;

class TestMoney : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formats_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<qlonglong>("minor");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<QString>("expected");

        QTest::newRow("whole pounds, en_GB") << "en_GB" << 1250000LL << "GBP" << QString::fromUtf8("£12,500");
        QTest::newRow("pence shown when present") << "en_GB" << 1250050LL << "GBP" << QString::fromUtf8("£12,500.50");
        QTest::newRow("zero") << "en_GB" << 0LL << "GBP" << QString::fromUtf8("£0");
        QTest::newRow("euro in en_GB") << "en_GB" << 99900LL << "EUR" << QString::fromUtf8("€999");
        QTest::newRow("yen has no minor unit") << "en_GB" << 150000LL << "JPY" << QString::fromUtf8("¥150,000");
        QTest::newRow("unknown currency shows its code") << "en_GB" << 1000LL << "CHF" << QString::fromUtf8("CHF10");
    }

    void formats()
    {
        QFETCH(QString, locale);
        QFETCH(qlonglong, minor);
        QFETCH(QString, currency);
        QFETCH(QString, expected);
        QCOMPARE(formatMoney(minor, currency, QLocale(locale)), expected);
    }

    void germanLocaleUsesItsSeparators()
    {
        const QString text = formatMoney(1250050, QStringLiteral("EUR"), QLocale(QStringLiteral("de_DE")));
        QVERIFY2(text.contains(QStringLiteral("12.500,50")), qPrintable(text));
        QVERIFY(text.contains(QString::fromUtf8("€")));
    }

    void estimates()
    {
        const QLocale gb(QStringLiteral("en_GB"));
        QCOMPARE(formatEstimate(800000, 1200000, QStringLiteral("GBP"), gb), QString::fromUtf8("£8,000–12,000"));
        QCOMPARE(formatEstimate(800000, 0, QStringLiteral("GBP"), gb), QString::fromUtf8("£8,000"));
        QCOMPARE(formatEstimate(0, 0, QStringLiteral("GBP"), gb), QString());
    }
};

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
