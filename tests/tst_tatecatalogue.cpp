#include "tatecatalogue.h"
#include "testdatabase.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Gavel::Models;
using namespace Qt::StringLiterals;

namespace {

const TateWork *find(const TateCatalogue &catalogue, const QString &accession)
{
    for (const TateWork &work : catalogue.works()) {
        if (work.accession == accession) {
            return &work;
        }
    }
    return nullptr;
}

QString writeFile(const QTemporaryDir &dir, const QByteArray &content)
{
    const QString path = dir.filePath(u"works.csv"_s);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(content);
    }
    return path;
}

const QByteArray kHeader = "acno,id,title,artist,classification,medium,dateText,startYear,endYear,acquisitionYear,"
                           "dimensions,width,height,depth,units,creditLine,movements,subjects_level1,subjects_level2,"
                           "subjects_leaf,url\r\n";

} // namespace

class TestTateCatalogue : public QObject
{
    Q_OBJECT

private:
    TateCatalogue m_shared;

private Q_SLOTS:
    void initTestCase()
    {
        auto loaded = TateCatalogue::load(Gavel::Tests::sharedTestData(u"tate-catalogue/artworks.csv"_s));
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().fullText()));
        m_shared = std::move(*loaded);
    }

    void readsEveryWork() { QCOMPARE(m_shared.works().size(), std::size_t(4904)); }

    // Fields of the shared file that exercise the CSV rules: commas and curly quotes in
    // titles, line breaks in dimensions and media, lists, numbers and empty values.
    void fields_data()
    {
        QTest::addColumn<QString>("accession");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("expected");
        QTest::newRow("title with a comma") << u"N05314"_s << u"title"_s << u"Interior of St Mark’s, Venice"_s;
        QTest::newRow("dimensions over two lines")
            << u"T00633"_s << u"dimensions"_s << u"support: 2337 x 3200 mm\nframe: 2445 x 3211 x 38 mm"_s;
        QTest::newRow("first field of the file") << u"T00633"_s << u"artist"_s << u"Alan Davie"_s;
        QTest::newRow("classification with a comma") << u"P02529"_s << u"classification"_s << u"on paper, print"_s;
        QTest::newRow("three movements") << u"N05314"_s << u"movements"_s
                                         << u"British Impressionism|Camden Town Group|New English Art Club"_s;
        QTest::newRow("subject with a comma") << u"T00633"_s << u"subjectsLeaf"_s
                                              << u"death|entrails|figure|gestural|psychology, Jung|sacrifice|symbol"_s;
        QTest::newRow("date text with an en dash") << u"N01374"_s << u"dateText"_s << u"c.1750–5"_s;
        QTest::newRow("start year") << u"N01374"_s << u"startYear"_s << u"1750"_s;
        QTest::newRow("url") << u"T07532"_s << u"url"_s
                             << u"http://www.tate.org.uk/art/artworks/williams-the-st-george-river-t07532"_s;
    }

    void fields()
    {
        QFETCH(QString, accession);
        QFETCH(QString, field);
        QFETCH(QString, expected);
        const TateWork *work = find(m_shared, accession);
        QVERIFY2(work, qPrintable(accession));
        QString actual;
        if (field == u"title") {
            actual = work->title;
        } else if (field == u"dimensions") {
            actual = work->dimensions;
        } else if (field == u"artist") {
            actual = work->artist;
        } else if (field == u"classification") {
            actual = work->classification;
        } else if (field == u"movements") {
            actual = work->movements.join(u'|');
        } else if (field == u"subjectsLeaf") {
            actual = work->subjectsLeaf.join(u'|');
        } else if (field == u"dateText") {
            actual = work->dateText;
        } else if (field == u"startYear") {
            actual = QString::number(work->startYear);
        } else if (field == u"url") {
            actual = work->url;
        }
        QCOMPARE(actual, expected);
    }

    void mediaWithTrailingLineBreaksAreTrimmed()
    {
        int multiLine = 0;
        for (const TateWork &work : m_shared.works()) {
            QVERIFY2(!work.medium.endsWith(u'\n'), qPrintable(work.accession));
            multiLine += work.dimensions.contains(u'\n') ? 1 : 0;
        }
        QVERIFY(multiLine > 900);
    }

    // The shared file has no quotes or line breaks in titles; a written one does.
    void titleWithQuoteCommaAndLineBreak()
    {
        QTemporaryDir dir;
        const QString path = writeFile(
            dir, kHeader + "X1,1,\"The \"\"Blue\"\" Room,\r\nsecond line\",A. Artist,painting,Oil paint on canvas,1901,"
                           "1901,1901,1950,,,,,mm,Gift,,people,adults,man,http://example.invalid/x1\r\n");
        auto loaded = TateCatalogue::load(path);
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().fullText()));
        QCOMPARE(loaded->works().size(), std::size_t(1));
        QCOMPARE(loaded->works().front().title, u"The \"Blue\" Room,\r\nsecond line"_s);
        QCOMPARE(loaded->works().front().startYear, 1901);
    }

    void errorsSayWhatAndWhere_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing column") << QByteArray("acno,title\nX,Y\n") << u"it has no column “artist”."_s;
        QTest::newRow("short line") << kHeader + "X1,1,Title\r\n" << u"line 2 has 3 fields where the header has 21."_s;
        QTest::newRow("unterminated quote") << kHeader + "X1,1,\"Title\r\n" << u"Line 2: a quoted field"_s;
        QTest::newRow("empty") << QByteArray() << u"the file is empty."_s;
    }

    void errorsSayWhatAndWhere()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        QTemporaryDir dir;
        auto loaded = TateCatalogue::load(writeFile(dir, content));
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().kind, ErrorKind::Invalid);
        QVERIFY2(loaded.error().message.contains(message), qPrintable(loaded.error().message));
    }

    void missingFile()
    {
        auto loaded = TateCatalogue::load(u"/nonexistent/works.csv"_s);
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().kind, ErrorKind::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestTateCatalogue)
#include "tst_tatecatalogue.moc"
