#include "textdiff.h"

#include <QTest>

using namespace Gavel::Models;

namespace {

QStringList pieces(const QString &text, const QList<TextDiff::Range> &ranges)
{
    QStringList result;
    for (const TextDiff::Range &range : ranges) {
        result << text.mid(range.start, range.length).trimmed();
    }
    return result;
}

} // namespace

class TestTextDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void compare_data()
    {
        QTest::addColumn<QString>("left");
        QTest::addColumn<QString>("right");
        QTest::addColumn<QStringList>("leftOnly");
        QTest::addColumn<QStringList>("rightOnly");

        QTest::newRow("equal") << QStringLiteral("Same text.") << QStringLiteral("Same text.") << QStringList{}
                               << QStringList{};
        QTest::newRow("a word added") << QStringLiteral("Interested in Meissen.")
                                      << QStringLiteral("Interested in early Meissen.") << QStringList{}
                                      << QStringList{QStringLiteral("early")};
        QTest::newRow("a word replaced") << QStringLiteral("Call on Tuesday.") << QStringLiteral("Call on Friday.")
                                         << QStringList{QStringLiteral("Tuesday")}
                                         << QStringList{QStringLiteral("Friday")};
        QTest::newRow("both sides changed")
            << QStringLiteral("Interested in Meissen and Sèvres.")
            << QStringLiteral("Interested in early Meissen only.") << QStringList{QStringLiteral("and Sèvres")}
            << QStringList{QStringLiteral("early"), QStringLiteral("only")};
        QTest::newRow("punctuation is its own change")
            << QStringLiteral("Yes, call.") << QStringLiteral("Yes; call.") << QStringList{QStringLiteral(",")}
            << QStringList{QStringLiteral(";")};
        QTest::newRow("from nothing") << QString() << QStringLiteral("New note") << QStringList{}
                                      << QStringList{QStringLiteral("New note")};
        QTest::newRow("only spacing") << QStringLiteral("a  b") << QStringLiteral("a b") << QStringList{}
                                      << QStringList{};
    }

    void compare()
    {
        QFETCH(QString, left);
        QFETCH(QString, right);
        QFETCH(QStringList, leftOnly);
        QFETCH(QStringList, rightOnly);
        const TextDiff diff = TextDiff::compare(left, right);
        QCOMPARE(pieces(left, diff.leftOnly()), leftOnly);
        QCOMPARE(pieces(right, diff.rightOnly()), rightOnly);
        QCOMPARE(diff.isEqual(), leftOnly.isEmpty() && rightOnly.isEmpty());
    }

    // Two long, entirely different notes: no table of millions of cells, all shown as changed.
    void longTextsStayCheap()
    {
        QString left;
        QString right;
        for (int i = 0; i < 5000; ++i) {
            left += QStringLiteral("a%1 ").arg(i);
            right += QStringLiteral("b%1 ").arg(i);
        }
        const TextDiff diff = TextDiff::compare(left, right);
        QCOMPARE(diff.leftOnly().size(), 1);
        QCOMPARE(diff.rightOnly().size(), 1);
        QVERIFY(diff.leftOnly().first().length >= left.size() - 1);
    }
};

QTEST_GUILESS_MAIN(TestTextDiff)
#include "tst_textdiff.moc"
