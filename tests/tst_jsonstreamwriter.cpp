#include "jsonstreamwriter.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <limits>

using namespace Gavel::Models;
using namespace Qt::StringLiterals;

namespace {

/// Fails every write, as a full disk does.
class BrokenDevice final : public QIODevice
{
public:
    BrokenDevice() { open(QIODevice::WriteOnly); }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *, qint64) override
    {
        setErrorString(u"No space left on device"_s);
        return -1;
    }
};

QByteArray inlineRow(const QJsonValue &value)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    JsonStreamWriter writer(buffer);
    writer.beginArray(JsonStreamWriter::Layout::Inline);
    writer.value(value);
    writer.end();
    if (!writer.finish()) {
        return {};
    }
    return bytes;
}

} // namespace

class TestJsonStreamWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesValues_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QByteArray>("expected");

        QTest::newRow("null") << QJsonValue() << QByteArray("[null]\n");
        QTest::newRow("true") << QJsonValue(true) << QByteArray("[true]\n");
        QTest::newRow("integer") << QJsonValue(qint64(-5000)) << QByteArray("[-5000]\n");
        QTest::newRow("integer above 2^53 stays exact")
            << QJsonValue(qint64(1) << 60) << QByteArray("[1152921504606846976]\n");
        QTest::newRow("fraction") << QJsonValue(0.75) << QByteArray("[0.75]\n");
        QTest::newRow("NaN has no JSON form")
            << QJsonValue(std::numeric_limits<double>::quiet_NaN()) << QByteArray("[null]\n");
        QTest::newRow("plain text") << QJsonValue(u"Old Masters"_s) << QByteArray("[\"Old Masters\"]\n");
        QTest::newRow("quotes and backslashes")
            << QJsonValue(u"a \"b\" \\ c"_s) << QByteArray("[\"a \\\"b\\\" \\\\ c\"]\n");
        QTest::newRow("control characters")
            << QJsonValue(u"1\n2\t3\r4\b5\f6\x01"_s) << QByteArray("[\"1\\n2\\t3\\r4\\b5\\f6\\u0001\"]\n");
        QTest::newRow("non-ASCII as UTF-8")
            << QJsonValue(QString::fromUtf8("Zoë Åström 😀")) << QByteArray("[\"Zoë Åström 😀\"]\n");
        QTest::newRow("object members in key order") << QJsonValue(QJsonObject{{u"b"_s, 1}, {u"a"_s, QJsonArray{1, 2}}})
                                                     << QByteArray("[{\"a\": [1, 2], \"b\": 1}]\n");
    }

    void writesValues()
    {
        QFETCH(QJsonValue, value);
        QFETCH(QByteArray, expected);
        const QByteArray written = inlineRow(value);
        QCOMPARE(written, expected);
        // And Qt reads back what was meant.
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(written, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        if (!value.isDouble() || !qIsNaN(value.toDouble())) {
            QCOMPARE(document.array().at(0), value);
        }
    }

    void laysOutIndentedAndInlineContainers()
    {
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        JsonStreamWriter writer(buffer);
        writer.beginObject();
        writer.member(u"format"_s, u"x"_s);
        writer.key(u"empty"_s);
        writer.beginArray();
        writer.end();
        writer.key(u"rows"_s);
        writer.beginArray();
        for (int i = 1; i <= 2; ++i) {
            writer.beginObject(JsonStreamWriter::Layout::Inline);
            writer.member(u"n"_s, i);
            writer.member(u"money"_s, QJsonObject{{u"minor"_s, 100 * i}, {u"currency"_s, u"GBP"_s}});
            writer.end();
        }
        writer.end();
        writer.key(u"nested"_s);
        writer.value(QJsonObject{{u"a"_s, QJsonArray{true}}});
        writer.end();
        QVERIFY(writer.finish().ok());
        QCOMPARE(bytes, QByteArray("{\n"
                                   "    \"format\": \"x\",\n"
                                   "    \"empty\": [],\n"
                                   "    \"rows\": [\n"
                                   "        {\"n\": 1, \"money\": {\"currency\": \"GBP\", \"minor\": 100}},\n"
                                   "        {\"n\": 2, \"money\": {\"currency\": \"GBP\", \"minor\": 200}}\n"
                                   "    ],\n"
                                   "    \"nested\": {\n"
                                   "        \"a\": [\n"
                                   "            true\n"
                                   "        ]\n"
                                   "    }\n"
                                   "}\n"));
    }

    void streamsInModestPieces()
    {
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        JsonStreamWriter writer(buffer);
        writer.beginArray();
        for (int i = 0; i < 10000; ++i) {
            writer.value(u"row %1 of a long history"_s.arg(i));
            if (i == 5000) {
                // Written out as it goes, not held to the end.
                QVERIFY(bytes.size() > qsizetype(64) * 1024);
            }
        }
        writer.end();
        QVERIFY(writer.finish().ok());
        QCOMPARE(QJsonDocument::fromJson(bytes).array().size(), 10000);
    }

    void reportsAFailedWrite()
    {
        BrokenDevice device;
        JsonStreamWriter writer(device);
        writer.beginArray();
        writer.value(u"anything"_s);
        writer.end();
        QVERIFY(!writer.failed()); // still buffered
        const Status status = writer.finish();
        QVERIFY(!status.ok());
        QVERIFY(writer.failed());
        QCOMPARE(writer.errorString(), u"No space left on device"_s);
        QVERIFY2(status.error().message.contains(u"No space left on device"_s), qPrintable(status.error().message));
    }
};

QTEST_GUILESS_MAIN(TestJsonStreamWriter)
#include "tst_jsonstreamwriter.moc"
