#include "notetext.h"

#include <QTest>

using namespace Gavel::Models;

class TestNoteText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plainText_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QString>("plain");
        QTest::newRow("bold and italic") << QStringLiteral("The **Turner** and *the* _Constable_.")
                                         << QStringLiteral("The Turner and the Constable.");
        QTest::newRow("strong underscores") << QStringLiteral("__very__ keen") << QStringLiteral("very keen");
        QTest::newRow("link keeps its text") << QStringLiteral("See [the catalogue](https://example.com/a_b*c).")
                                             << QStringLiteral("See the catalogue.");
        QTest::newRow("autolink") << QStringLiteral("Mail <mailto:a@example.com>")
                                  << QStringLiteral("Mail mailto:a@example.com");
        QTest::newRow("lists") << QStringLiteral("Wants:\n- a report\n* photos\n1. first\n2) second")
                               << QStringLiteral("Wants:\na report\nphotos\nfirst\nsecond");
        QTest::newRow("heading and quote") << QStringLiteral("# Call\n> quoted") << QStringLiteral("Call\nquoted");
        QTest::newRow("snake_case stays") << QStringLiteral("file_name_here") << QStringLiteral("file_name_here");
        QTest::newRow("lone star stays") << QStringLiteral("5 * 3 = 15") << QStringLiteral("5 * 3 = 15");
        QTest::newRow("escapes") << QStringLiteral("\\*not bold\\*") << QStringLiteral("*not bold*");
        QTest::newRow("code") << QStringLiteral("Lot `212A`") << QStringLiteral("Lot 212A");
    }

    void plainText()
    {
        QFETCH(QString, markdown);
        QFETCH(QString, plain);
        QCOMPARE(notePlainText(markdown), plain);
    }

    void excerpt_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<int>("maxChars");
        QTest::addColumn<QString>("excerpt");
        QTest::newRow("short") << QStringLiteral("Short **note**") << 20 << QStringLiteral("Short note");
        QTest::newRow("one line") << QStringLiteral("Line one\n\n- two") << 40 << QStringLiteral("Line one two");
        QTest::newRow("cut at a word") << QStringLiteral("Rang about the Turner watercolour") << 20
                                       << QStringLiteral("Rang about the…");
        QTest::newRow("one long word") << QStringLiteral("Supercalifragilistic") << 10 << QStringLiteral("Supercali…");
    }

    void excerpt()
    {
        QFETCH(QString, markdown);
        QFETCH(int, maxChars);
        QFETCH(QString, excerpt);
        QCOMPARE(noteExcerpt(markdown, maxChars), excerpt);
        QVERIFY(excerpt.size() <= maxChars);
    }
};

QTEST_GUILESS_MAIN(TestNoteText)
#include "tst_notetext.moc"
