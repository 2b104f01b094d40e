#include "csvformat.h"
#include "importkind.h"
#include "importmapping.h"
#include "importvalues.h"

#include <QTest>

using namespace Gavel::Models;
using namespace Qt::StringLiterals;

class TestCsvFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void detectsEncodingAndDelimiter_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("encoding");
        QTest::addColumn<QString>("delimiter");
        QTest::addColumn<bool>("bom");
        const int utf8 = int(CsvFormat::Encoding::Utf8);
        const int windows = int(CsvFormat::Encoding::Windows1252);
        QTest::newRow("utf-8 comma") << "Name,City\nJosé,Zürich\n"_ba << utf8 << u","_s << false;
        QTest::newRow("utf-8 with bom") << "\xEF\xBB\xBFName;City\nA;B\n"_ba << utf8 << u";"_s << true;
        QTest::newRow("windows-1252 semicolon")
            << "LotNum;Title;LowEst\n1;Caf\xE9 sc\x8Ane \x80 100;100\n"_ba << windows << u";"_s << false;
        QTest::newRow("tab") << "a\tb\tc\n1\t2\t3\n"_ba << utf8 << u"\t"_s << false;
        QTest::newRow("comma inside quotes is not the delimiter")
            << "\"a;b\",\"c;d\"\n\"1;2\",\"3;4\"\n"_ba << utf8 << u","_s << false;
        QTest::newRow("semicolons with decimal commas")
            << "Lot;Price;Estimate\n1;1,50;2,00\n2;3,50;4,00\n"_ba << utf8 << u";"_s << false;
        QTest::newRow("one column") << "Email\na@b.c\n"_ba << utf8 << u","_s << false;
    }
    void detectsEncodingAndDelimiter()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, encoding);
        QFETCH(QString, delimiter);
        QFETCH(bool, bom);
        auto format = CsvFormat::detect(bytes, u"f.csv"_s);
        QVERIFY2(format.ok(), qPrintable(format.ok() ? QString() : format.error().message));
        QCOMPARE(int(format->encoding), encoding);
        QCOMPARE(QString(format->delimiter), delimiter);
        QCOMPARE(format->byteOrderMark, bom);
    }

    void windows1252Decodes()
    {
        CsvFormat format;
        format.encoding = CsvFormat::Encoding::Windows1252;
        QStringDecoder decoder = format.decoder();
        QCOMPARE(QString(decoder.decode("Caf\xE9 \x80 \x93x\x94"_ba)), u"Café € “x”"_s);
    }

    void refusesWhatIsNotCsv_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("says");
        QTest::newRow("excel") << "PK\x03\x04\x14\x00\x06\x00[Content_Types].xml xl/workbook.xml"_ba << u"Excel"_s;
        QTest::newRow("pdf") << "%PDF-1.7\n%\xE2\xE3\xCF\xD3"_ba << u"PDF"_s;
        QTest::newRow("binary") << QByteArray("ab\0\0\0cd\x01\x02", 9) << u"binary"_s;
        QTest::newRow("utf-16") << "\xFF\xFEN\0a\0"_ba << u"UTF-16"_s;
        QTest::newRow("empty") << QByteArray() << u"empty"_s;
        QTest::newRow("json") << "{\"a\": 1}"_ba << u"JSON"_s;
    }
    void refusesWhatIsNotCsv()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, says);
        auto format = CsvFormat::detect(bytes, u"customers.xlsx"_s);
        QVERIFY(!format.ok());
        QVERIFY2(format.error().message.contains(u"customers.xlsx"_s), qPrintable(format.error().message));
        QVERIFY2(format.error().message.contains(says), qPrintable(format.error().message));
    }

    void namesOverride()
    {
        QCOMPARE(*CsvFormat::encodingFromName(u"cp1252"_s), CsvFormat::Encoding::Windows1252);
        QCOMPARE(*CsvFormat::encodingFromName(u"UTF-8"_s), CsvFormat::Encoding::Utf8);
        QVERIFY(!CsvFormat::encodingFromName(u"ebcdic"_s).ok());
        QCOMPARE(*CsvFormat::delimiterFromName(u"semicolon"_s), QChar(u';'));
        QCOMPARE(*CsvFormat::delimiterFromName(u"tab"_s), QChar(u'\t'));
        QVERIFY(!CsvFormat::delimiterFromName(u"pipe"_s).ok());
    }

    void money_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qlonglong>("minor"); // -1: not an amount
        QTest::newRow("whole") << u"1200"_s << 120000LL;
        QTest::newRow("thousands") << u"1,200"_s << 120000LL;
        QTest::newRow("decimals") << u"1200.5"_s << 120050LL;
        QTest::newRow("symbol") << u"£1,200.00"_s << 120000LL;
        QTest::newRow("code") << u"EUR 99"_s << 9900LL;
        QTest::newRow("decimal comma") << u"1.200,50"_s << 120050LL;
        QTest::newRow("millions") << u"1,000,000"_s << 100000000LL;
        QTest::newRow("garbage") << u"12/4"_s << -1LL;
        QTest::newRow("empty") << u""_s << -1LL;
    }
    void money()
    {
        QFETCH(QString, text);
        QFETCH(qlonglong, minor);
        const auto parsed = ImportValues::money(text);
        QCOMPARE(parsed.has_value() ? *parsed : -1, minor);
    }

    void dateTime_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qlonglong>("epoch"); // -1: not a time
        QTest::newRow("mailchimp") << u"2018-02-05 19:28:23"_s << 1517858903LL;
        QTest::newRow("iso z") << u"2018-02-05T19:28:23Z"_s << 1517858903LL;
        QTest::newRow("offset") << u"2018-02-05T20:28:23+01:00"_s << 1517858903LL;
        QTest::newRow("date") << u"2018-02-05"_s << 1517788800LL;
        QTest::newRow("day first") << u"05/02/2018"_s << 1517788800LL;
        QTest::newRow("day first with time") << u"5/2/2018 19:28"_s << 1517858880LL;
        QTest::newRow("epoch") << u"1517858903"_s << 1517858903LL;
        QTest::newRow("no such day") << u"2018-02-30"_s << -1LL;
        QTest::newRow("words") << u"yesterday"_s << -1LL;
    }
    void dateTime()
    {
        QFETCH(QString, text);
        QFETCH(qlonglong, epoch);
        const auto parsed = ImportValues::dateTime(text);
        QCOMPARE(parsed.has_value() ? *parsed : -1, epoch);
    }

    void matchesKnownHeaders()
    {
        // The LiveAuctioneers catalogue upload layout.
        const QStringList liveAuctioneers = {u"LotNum"_s,        u"Title"_s,      u"Description"_s,
                                             u"LowEst"_s,        u"HighEst"_s,    u"StartPrice"_s,
                                             u"Condition"_s,     u"Creator"_s,    u"Materials & Techniques"_s,
                                             u"Reserve Price"_s, u"ImageFile.1"_s};
        const ImportMapping lots = ImportMapping::automatic(ImportKind::Lots, liveAuctioneers);
        QCOMPARE(lots.columns.value(u"lot_no"_s), u"LotNum"_s);
        QCOMPARE(lots.columns.value(u"low_estimate"_s), u"LowEst"_s);
        QCOMPARE(lots.columns.value(u"maker"_s), u"Creator"_s);
        QCOMPARE(lots.columns.value(u"medium"_s), u"Materials & Techniques"_s);
        QCOMPARE(lots.columns.value(u"reserve"_s), u"Reserve Price"_s);
        QCOMPARE(lots.columns.value(u"condition_report"_s), u"Condition"_s);
        QVERIFY(!lots.columns.values().contains(u"ImageFile.1"_s));
        // No sale number in that layout: it is missing until given for every row.
        QCOMPARE(lots.missingRequired(ImportKind::Lots, liveAuctioneers), QStringList{u"Sale number"_s});
        ImportMapping withSale = lots;
        withSale.fixedValues.insert(u"sale_no"_s, u"2024-05"_s);
        QVERIFY(withSale.missingRequired(ImportKind::Lots, liveAuctioneers).isEmpty());

        // A CRM's onboarding layout, in other spellings.
        const QStringList customers = {
            u"E-mail Address"_s, u"customer id"_s,      u"FIRST NAME"_s,         u"Surname"_s,
            u"State"_s,          u"SMS Phone Number"_s, u"Subscription Status"_s};
        const ImportMapping people = ImportMapping::automatic(ImportKind::Customers, customers);
        QCOMPARE(people.columns.value(u"email"_s), u"E-mail Address"_s);
        QCOMPARE(people.columns.value(u"customer_no"_s), u"customer id"_s);
        QCOMPARE(people.columns.value(u"first_name"_s), u"FIRST NAME"_s);
        QCOMPARE(people.columns.value(u"last_name"_s), u"Surname"_s);
        QCOMPARE(people.columns.value(u"region"_s), u"State"_s);
        QCOMPARE(people.columns.value(u"sms_number"_s), u"SMS Phone Number"_s);
        QCOMPARE(people.columns.value(u"subscription"_s), u"Subscription Status"_s);

        const QStringList bids = {u"Auction Number"_s, u"Lot Number"_s, u"Customer Email or ID"_s,
                                  u"Bid or Sold Price"_s};
        const ImportMapping bidMapping = ImportMapping::automatic(ImportKind::Bids, bids);
        QVERIFY(bidMapping.missingRequired(ImportKind::Bids, bids).isEmpty());
        QCOMPARE(bidMapping.columns.value(u"amount"_s), u"Bid or Sold Price"_s);
    }

    void mappingRoundTrips()
    {
        ImportMapping mapping;
        mapping.columns.insert(u"email"_s, u"Mail"_s);
        mapping.fixedValues.insert(u"source"_s, u"fair 2024"_s);
        auto back = ImportMapping::fromJson(mapping.toJson());
        QVERIFY(back.ok());
        QCOMPARE(*back, mapping);
        QVERIFY(!ImportMapping::fromJson(u"not json"_s).ok());
    }

    void everyKindHasKeyAndFields()
    {
        for (const ImportKind kind : allImportKinds()) {
            QCOMPARE(importKindFromKey(importKindKey(kind)), std::optional<ImportKind>(kind));
            QVERIFY(!importFields(kind).isEmpty());
            QVERIFY(!importKindLabel(kind).isEmpty());
        }
        QVERIFY(!importKindFromKey(u"nonsense"_s).has_value());
    }
};

QTEST_GUILESS_MAIN(TestCsvFormat)
#include "tst_csvformat.moc"
