#include "database.h"
#include "importer.h"
#include "importevents.h"
#include "importmappingstore.h"
#include "importvalues.h"
#include "sql.h"
#include "testdatabase.h"

#include <QBuffer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <zip.h>

using namespace Gavel::Models;
using namespace Gavel::Tests;
using namespace Qt::StringLiterals;

namespace {

qlonglong count(Database &db, const QString &sql, const QVariantList &values = {})
{
    auto value = Sql::scalar(db.connection(), sql, values, u"test"_s);
    return value ? value->toLongLong() : -1;
}

QString text(Database &db, const QString &sql, const QVariantList &values = {})
{
    auto value = Sql::scalar(db.connection(), sql, values, u"test"_s);
    return value ? value->toString() : u"<error>"_s;
}

} // namespace

class TestImporter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
            qFatal("cannot write the fixture");
        }
        return path;
    }

    static Result<ImportReport> import(Database &db, ImportKind kind, const QString &path,
                                       const QHash<QString, QString> &fixed = {})
    {
        ImportOptions options;
        options.kind = kind;
        options.filePath = path;
        if (!fixed.isEmpty()) {
            auto preview = Importer::preview(path, kind);
            if (!preview) {
                return preview.error();
            }
            options.mapping = ImportMapping::automatic(kind, preview->headers);
            options.mapping->fixedValues = fixed;
        }
        return Importer::run(db, options);
    }

    /// Departments, customers, a sale with three lots: what bids, invoices and events refer to.
    void buildHouse(Database &db)
    {
        auto legend = import(db, ImportKind::Legend,
                             write(u"legend.csv"_s, "Department Code,Department,Category,Sub-category\n"
                                                    "PIC,Pictures,Old Masters,Flemish\n"
                                                    "SIL,Silver,Flatware,\n"_ba));
        QVERIFY2(legend.ok(), qPrintable(legend.ok() ? QString() : legend.error().fullText()));
        auto customers = import(db, ImportKind::Customers,
                                write(u"house-customers.csv"_s, "Customer ID,Email,First Name,Last Name,Departments\n"
                                                                "C-1,anna@example.com,Anna,Berg,Pictures\n"
                                                                "C-2,ben@example.com,Ben,Cole,SIL\n"
                                                                "C-3,cara@example.com,Cara,Dunn,\n"_ba));
        QVERIFY(customers.ok());
        QCOMPARE(customers->created, 3);
        auto lots = import(db, ImportKind::Lots,
                           write(u"house-lots.csv"_s, "Auction Number,Auction Date,Lot Number,Title,Low Estimate,"
                                                      "High Estimate,Category\n"
                                                      "S1,2024-05-01,1,A Flemish landscape,1000,1500,Flemish\n"
                                                      "S1,2024-05-01,2,Six spoons,200,300,Flatware\n"
                                                      "S1,2024-05-01,2A,A salver,400,600,Flatware\n"_ba));
        QVERIFY2(lots.ok(), qPrintable(lots.ok() ? QString() : lots.error().fullText()));
        QCOMPARE(lots->created, 3);
        QCOMPARE(lots->rejected, 0);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void customersCreateMatchAndReimportChangesNothing()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        Database &db = test->db();
        const QString path =
            write(u"customers.csv"_s, "Customer ID,Email,First Name,Last Name,City,Country,Tags,Subscription Status\n"
                                      "C-100,anna@example.com,Anna,Berg,London,gb,\"VIP, Old Masters\",subscribed\n"
                                      ",ben@example.com,Ben,Cole,Paris,FR,,unsubscribed\n"
                                      "C-102,,Cara,Dunn,,,,\n"_ba);
        auto first = import(db, ImportKind::Customers, path);
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().fullText()));
        QCOMPARE(first->created, 3);
        QCOMPARE(first->rejected, 0);
        QCOMPARE(count(db, u"SELECT count(*) FROM customers"_s), 3);
        QCOMPARE(text(db, u"SELECT country FROM customers WHERE customer_no = 'C-100'"_s), u"GB"_s);
        QCOMPARE(text(db, u"SELECT sort_name FROM customers WHERE customer_no = 'C-100'"_s).isEmpty(), false);
        QCOMPARE(count(db, u"SELECT count(*) FROM customer_labels"_s), 2);
        QCOMPARE(text(db, u"SELECT status FROM subscriptions s JOIN customers c ON c.id = s.customer_id"
                          " WHERE c.email = 'ben@example.com'"_s),
                 u"unsubscribed"_s);
        // Without a Customer ID the number is stable, derived from the e-mail.
        const QString benNo = text(db, u"SELECT customer_no FROM customers WHERE email = 'ben@example.com'"_s);
        QVERIFY(benNo.startsWith(u"M-"_s));

        auto again = import(db, ImportKind::Customers, path);
        QVERIFY(again.ok());
        QCOMPARE(again->created, 0);
        QCOMPARE(again->updated, 0);
        QCOMPARE(again->unchanged, 3);
        QCOMPARE(count(db, u"SELECT count(*) FROM customers"_s), 3);
        QCOMPARE(count(db, u"SELECT max(version) FROM customers"_s), 1);

        // Matched by e-mail when the row has no Customer ID.
        auto byEmail = import(db, ImportKind::Customers,
                              write(u"by-email.csv"_s, "Email,Phone\nANNA@example.com,+44 20 7946 0000\n"_ba));
        QVERIFY(byEmail.ok());
        QCOMPARE(byEmail->updated, 1);
        QCOMPARE(text(db, u"SELECT phone FROM customers WHERE customer_no = 'C-100'"_s), u"+44 20 7946 0000"_s);
    }

    void updatedFileKeepsEditsMadeInTheApp()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        Database &db = test->db();
        db.setActor(u"importer"_s);
        const QByteArray header = "Customer ID,Email,First Name,City,Tags\n"_ba;
        auto first = import(db, ImportKind::Customers,
                            write(u"v1.csv"_s, header + "C-1,anna@example.com,Anna,London,Prints\n"_ba));
        QVERIFY(first.ok());
        // Staff correct the first name, remove the tag and write a note.
        auto edited = Sql::exec(db.connection(),
                                u"UPDATE customers SET first_name = 'Annabel', version = version + 1,"
                                " updated_by = 'staff' WHERE customer_no = 'C-1'"_s,
                                {}, u"test"_s);
        QVERIFY(edited.ok());
        QVERIFY(Sql::exec(db.connection(), u"DELETE FROM customer_labels"_s, {}, u"test"_s).ok());
        QVERIFY(Sql::exec(db.connection(),
                          u"INSERT INTO notes (uuid, customer_id, body, author, created_at, updated_at, updated_by)"
                          " SELECT 'n1', id, 'Prefers phone', 'staff', 1, 1, 'staff' FROM customers"_s,
                          {}, u"test"_s)
                    .ok());

        // The same file again: the edits stay.
        auto same = import(db, ImportKind::Customers,
                           write(u"v1again.csv"_s, header + "C-1,anna@example.com,Anna,London,Prints\n"_ba));
        QVERIFY(same.ok());
        QCOMPARE(same->unchanged, 1);
        QCOMPARE(text(db, u"SELECT first_name FROM customers"_s), u"Annabel"_s);
        QCOMPARE(count(db, u"SELECT count(*) FROM customer_labels"_s), 0);
        QCOMPARE(count(db, u"SELECT version FROM customers"_s), 2);

        // An updated file: only what changed in it is written; the edit and the note stay.
        auto updated = import(db, ImportKind::Customers,
                              write(u"v2.csv"_s, header + "C-1,anna@example.com,Anna,Bath,Prints\n"_ba));
        QVERIFY(updated.ok());
        QCOMPARE(updated->updated, 1);
        QCOMPARE(text(db, u"SELECT city FROM customers"_s), u"Bath"_s);
        QCOMPARE(text(db, u"SELECT first_name FROM customers"_s), u"Annabel"_s);
        QCOMPARE(count(db, u"SELECT count(*) FROM customer_labels"_s), 0);
        QCOMPARE(count(db, u"SELECT count(*) FROM notes"_s), 1);
        QCOMPARE(count(db, u"SELECT version FROM customers"_s), 3);
        QCOMPARE(text(db, u"SELECT updated_by FROM customers"_s), u"importer"_s);
        QCOMPARE(text(db, u"SELECT old_value || '>' || new_value FROM audit_log WHERE action = 'import'"
                          " AND field = 'city'"_s),
                 u"London>Bath"_s);
    }

    void legendDepartmentsAndCategories()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        Database &db = test->db();
        const QString path = write(u"legend-only.csv"_s, "Department Code,Department,Category,Sub-category\n"
                                                         "PIC,Pictures,Old Masters,Flemish\n"
                                                         "PIC,Pictures,Old Masters,Dutch\n"
                                                         "JEW,Jewellery,,\n"
                                                         ",No code,,\n"_ba);
        auto report = import(db, ImportKind::Legend, path);
        QVERIFY(report.ok());
        QCOMPARE(report->created, 3);
        QCOMPARE(report->rejected, 1);
        QCOMPARE(report->rejects.first().line, 5);
        QCOMPARE(count(db, u"SELECT count(*) FROM departments"_s), 2);
        QCOMPARE(count(db, u"SELECT count(*) FROM categories"_s), 3);
        QCOMPARE(count(db, u"SELECT count(*) FROM categories WHERE parent_id IS NOT NULL"_s), 2);
        auto again = import(db, ImportKind::Legend, path);
        QVERIFY(again.ok());
        QCOMPARE(again->created, 0);
        QCOMPARE(again->unchanged, 3);
    }

    void liveAuctioneersCatalogueInWindows1252()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        Database &db = test->db();
        // Saved by Excel as "CSV", not "CSV UTF-8": é and € are single bytes.
        const QString path =
            write(u"catalogue.csv"_s, "LotNum,Title,Description,LowEst,HighEst,StartPrice,Condition,Creator\r\n"
                                      "27,Caf\xE9 scene,\"Oil on canvas,\r\nsigned\",800,1200,400,Good,Anon\r\n"
                                      "27A,Companion piece \x80,,900,700,,,\r\n"
                                      "28,A vase,,\"1,000\",\"1,500\",500,,\r\n"_ba);
        auto preview = Importer::preview(path, ImportKind::Lots);
        QVERIFY(preview.ok());
        QCOMPARE(preview->format.encoding, CsvFormat::Encoding::Windows1252);
        auto report = import(db, ImportKind::Lots, path, {{u"sale_no"_s, u"LA-2024"_s}});
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().fullText()));
        QCOMPARE(report->created, 2);
        QCOMPARE(report->rejected, 1);
        QCOMPARE(report->rejects.first().column, u"LowEst"_s); // 27A: low above high
        QCOMPARE(text(db, u"SELECT title FROM lots WHERE lot_no = '27'"_s), u"Café scene"_s);
        QCOMPARE(text(db, u"SELECT description FROM lots WHERE lot_no = '27'"_s), u"Oil on canvas,\r\nsigned"_s);
        QCOMPARE(count(db, u"SELECT high_estimate_minor FROM lots WHERE lot_no = '28'"_s), 150000);
        QCOMPARE(count(db, u"SELECT count(*) FROM sales WHERE sale_no = 'LA-2024'"_s), 1);

        // The catalogue updated: one estimate changed.
        const QString updatedPath =
            write(u"catalogue2.csv"_s, "LotNum,Title,LowEst,HighEst\r\n27,Caf\xE9 scene,900,1200\r\n"
                                       "28,A vase,\"1,000\",\"1,500\"\r\n"_ba);
        auto updated = import(db, ImportKind::Lots, updatedPath, {{u"sale_no"_s, u"LA-2024"_s}});
        QVERIFY(updated.ok());
        QCOMPARE(updated->updated, 1);
        QCOMPARE(updated->unchanged, 1);
        QCOMPARE(count(db, u"SELECT low_estimate_minor FROM lots WHERE lot_no = '27'"_s), 90000);
    }

    void bidsIncludingWinningBids()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        Database &db = test->db();
        buildHouse(db);
        const QString path = write(u"bids.csv"_s, "Auction Number,Lot Number,Customer Email or ID,Bid or Sold Price,"
                                                  "Bid Date,Winning\n"
                                                  "S1,1,C-1,1100,2024-05-01 10:00:00,no\n"
                                                  "S1,1,ben@example.com,1200,2024-05-01 10:01:00,no\n"
                                                  "S1,1,C-1,1300,2024-05-01 10:02:00,yes\n"
                                                  "S1,2,C-3,250,,\n"_ba);
        auto report = import(db, ImportKind::Bids, path);
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().fullText()));
        QCOMPARE(report->created, 4);
        QCOMPARE(report->rejected, 0);
        QCOMPARE(count(db, u"SELECT count(*) FROM bids"_s), 4);
        QCOMPARE(count(db, u"SELECT count(*) FROM bids WHERE is_winning = 1"_s), 1);
        QCOMPARE(text(db, u"SELECT l.status || ' ' || l.hammer_minor || ' ' || c.customer_no FROM lots l"
                          " JOIN customers c ON c.id = l.buyer_id WHERE l.lot_no = '1'"_s),
                 u"sold 130000 C-1"_s);
        QCOMPARE(count(db, u"SELECT count(*) FROM events WHERE kind = 31"_s), 4);
        QCOMPARE(count(db, u"SELECT count(*) FROM events WHERE kind = 32"_s), 1);

        auto again = import(db, ImportKind::Bids, path);
        QVERIFY(again.ok());
        QCOMPARE(again->created, 0);
        QCOMPARE(again->unchanged, 4);
        QCOMPARE(count(db, u"SELECT count(*) FROM bids"_s), 4);
        QCOMPARE(count(db, u"SELECT count(*) FROM events"_s), 5);
        if (db.dialect().isSqlite()) {
            // The load leaves foreign-key checks out; they are on again afterwards.
            QCOMPARE(count(db, u"PRAGMA foreign_keys"_s), 1);
        }
    }

    void bidsAlreadyThereOrTwiceInAFileGetOneEvent()
    {
        // The sink writes a batch's bids sorted by their unique key and says afterwards which
        // were new: only those get a timeline event, and of two rows with the same key the
        // first in the file is the one written. The file's order is not the key's, so a flag
        // given to the wrong row shows as a missing event.
        GAVEL_OPEN_TEST_DATABASE(test);
        Database &db = test->db();
        buildHouse(db);
        auto first = import(db, ImportKind::Bids,
                            write(u"bids-first.csv"_s, "Auction Number,Lot Number,Customer Email or ID,"
                                                       "Bid or Sold Price,Bid Date,Channel\n"
                                                       "S1,2,C-2,300,2024-05-01 10:05:00,room\n"_ba));
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().fullText()));
        QCOMPARE(first->created, 1);
        auto second = import(db, ImportKind::Bids,
                             write(u"bids-second.csv"_s, "Auction Number,Lot Number,Customer Email or ID,"
                                                         "Bid or Sold Price,Bid Date,Channel\n"
                                                         "S1,2,C-2,300,2024-05-01 10:05:00,absentee\n"
                                                         "S1,2A,C-3,900,2024-05-01 11:00:00,phone\n"
                                                         "S1,1,C-1,500,2024-05-01 09:00:00,room\n"
                                                         "S1,2A,C-3,900,2024-05-01 11:00:00,online\n"_ba));
        QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.error().fullText()));
        QCOMPARE(second->rowsRead, 4);
        QCOMPARE(second->created, 2);
        QCOMPARE(second->unchanged, 2);
        QCOMPARE(second->rejected, 0);
        QCOMPARE(count(db, u"SELECT count(*) FROM bids"_s), 3);
        QCOMPARE(count(db, u"SELECT count(*) FROM events WHERE kind = 31"_s), 3);
        // The bid already there kept its channel; the doubled one is the file's first row.
        QCOMPARE(text(db, u"SELECT channel FROM bids WHERE amount_minor = 30000"_s), u"room"_s);
        QCOMPARE(text(db, u"SELECT channel FROM bids WHERE amount_minor = 90000"_s), u"phone"_s);
        QCOMPARE(count(db, u"SELECT count(*) FROM events e JOIN bids b ON b.customer_id = e.customer_id"
                           " AND b.placed_at = e.ts AND b.amount_minor = e.amount_minor WHERE e.kind = 31"_s),
                 3);
    }

    void eventIdsStayAsEarlierImportsMadeThem_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<qlonglong>("customer");
        QTest::addColumn<qlonglong>("ts");
        QTest::addColumn<QString>("key");
        QTest::newRow("bid") << int(EventKind::BidPlaced) << 17LL << 1714557600LL << u"130000"_s;
        QTest::newRow("won, no key") << int(EventKind::LotWon) << 3LL << 1714557720LL << QString();
        QTest::newRow("before 1970") << int(EventKind::WishlistAdded) << 123456789LL << -86400LL << QString();
        QTest::newRow("campaign key") << int(EventKind::EmailOpened) << 5LL << 1700000000LL << u"cmp-42|open"_s;
        QTest::newRow("not ASCII") << int(EventKind::PageViewed) << 9LL << 1700000001LL
                                   << u"https://example.com/café?lot=1|Ölgemälde"_s;
    }
    void eventIdsStayAsEarlierImportsMadeThem()
    {
        // Databases imported into before keep their events: the same file again must make the
        // same ids, or every timeline event would be written a second time.
        QFETCH(int, kind);
        QFETCH(qlonglong, customer);
        QFETCH(qlonglong, ts);
        QFETCH(QString, key);
        GAVEL_OPEN_TEST_DATABASE(test);
        ImportEvents events(test->db());
        const qint64 earlier = ImportValues::stableId(u"%1|%2|%3|%4"_s.arg(kind).arg(customer).arg(ts).arg(key));
        QCOMPARE(events.idOf(static_cast<EventKind>(kind), customer, ts, key), earlier);
        bool number = false;
        const qint64 numberKey = key.toLongLong(&number);
        if (number) {
            QCOMPARE(events.idOf(static_cast<EventKind>(kind), customer, ts, numberKey), earlier);
        }
    }

    void aCustomerDeletedBetweenBatchesIsLookedUpAgain()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        Database &db = test->db();
        buildHouse(db);
        // 2,048 bids of C-1 and C-2 in turn, in batches of 1,024: the progress report after the
        // first batch comes while no transaction is open, and someone else deletes C-2 then.
        QByteArray bytes = "Auction Number,Lot Number,Customer Email or ID,Bid or Sold Price,Bid Date\n"_ba;
        for (int i = 0; i < 2048; ++i) {
            bytes += "S1,1,C-" + QByteArray::number(i % 2 + 1) + ',' + QByteArray::number(100 + i) +
                     ",2024-05-01 10:00:00\n";
        }
        auto other = Database::open(test->spec(), u"other"_s);
        QVERIFY(other.ok());
        ImportOptions options;
        options.kind = ImportKind::Bids;
        options.filePath = write(u"bids-while-deleting.csv"_s, bytes);
        options.batchRows = 1024;
        bool deleted = false;
        auto report = Importer::run(db, options, [&](qint64 done, qint64, const QString &) {
            if (done == 1024 && !deleted) {
                deleted = Sql::exec((*other)->connection(), u"DELETE FROM customers WHERE customer_no = ?"_s,
                                    {u"C-2"_s}, u"test"_s)
                              .ok();
            }
            return true;
        });
        QVERIFY(deleted);
        if (db.dialect().isSqlite()) {
            // The foreign keys were off for the load: the import noticed the other writer and
            // looked C-2 up again instead of writing bids for a customer who is gone.
            QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().fullText()));
            QCOMPARE(report->rejected, 512);
            QCOMPARE(report->created, 1024 + 512);
            QVERIFY(report->rejects.first().reason.contains(u"C-2"_s));
            QCOMPARE(count(db, u"SELECT count(*) FROM bids b JOIN customers c ON c.id = b.customer_id"
                               " WHERE c.customer_no = 'C-1'"_s),
                     1024);
        }
        // On PostgreSQL the foreign keys stay on and refuse the batch; either way nothing
        // refers to the deleted customer.
        QCOMPARE(count(db, u"SELECT count(*) FROM bids b LEFT JOIN customers c ON c.id = b.customer_id"
                           " WHERE c.id IS NULL"_s),
                 0);
        QCOMPARE(count(db, u"SELECT count(*) FROM events e LEFT JOIN customers c ON c.id = e.customer_id"
                           " WHERE c.id IS NULL"_s),
                 0);
    }

    void wishlists()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        Database &db = test->db();
        buildHouse(db);
        const QString path = write(u"wishlists.csv"_s, "Auction Number,Lot Number,Customer Email or ID\n"
                                                       "S1,1,C-2\nS1,2A,cara@example.com\nS1,9,C-2\n"_ba);
        auto report = import(db, ImportKind::Wishlists, path);
        QVERIFY(report.ok());
        QCOMPARE(report->created, 2);
        QCOMPARE(report->rejected, 1);
        QVERIFY(report->rejects.first().reason.contains(u"lot 9"_s));
        QCOMPARE(count(db, u"SELECT count(*) FROM wishlists"_s), 2);
        QCOMPARE(count(db, u"SELECT count(*) FROM events WHERE kind = 65"_s), 2);
        auto again = import(db, ImportKind::Wishlists, path);
        QVERIFY(again.ok());
        QCOMPARE(again->created, 0);
    }

    void consignments()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        Database &db = test->db();
        buildHouse(db);
        const QString path = write(u"consignments.csv"_s, "Consignment Number,Consignor,Received,Status,Department,"
                                                          "Description\n"
                                                          "R-1,C-1,2024-01-10,received,PIC,Two oils\n"
                                                          "R-2,C-2,2024-01-11,lost,SIL,Spoons\n"_ba);
        auto report = import(db, ImportKind::Consignments, path);
        QVERIFY(report.ok());
        QCOMPARE(report->created, 1);
        QCOMPARE(report->rejected, 1);
        QCOMPARE(report->rejects.first().column, u"Status"_s);
        QCOMPARE(count(db, u"SELECT count(*) FROM events WHERE kind = 40"_s), 1);
        auto updated =
            import(db, ImportKind::Consignments,
                   write(u"consignments2.csv"_s, "Consignment Number,Consignor,Status\nR-1,C-1,catalogued\n"_ba));
        QVERIFY(updated.ok());
        QCOMPARE(updated->updated, 1);
        QCOMPARE(text(db, u"SELECT status || ' ' || version FROM consignments"_s), u"catalogued 2"_s);
        QCOMPARE(text(db, u"SELECT description FROM consignments"_s), u"Two oils"_s);
    }

    void invoicesWithLines()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        Database &db = test->db();
        buildHouse(db);
        const QString path =
            write(u"invoices.csv"_s, "Invoice Number,Customer ID,Invoice Date,Auction Number,Lot Number,Hammer,Premium,"
                                     "Tax,Paid Date\n"
                                     "INV-1,C-1,2024-05-02,S1,1,1300,325,65,2024-05-10\n"
                                     "INV-1,C-1,2024-05-02,S1,2,250,62.50,12.50,2024-05-10\n"
                                     "INV-2,C-3,2024-05-03,S1,2A,400,100,20,\n"_ba);
        auto report = import(db, ImportKind::Invoices, path);
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().fullText()));
        QCOMPARE(report->rejected, 0);
        QCOMPARE(count(db, u"SELECT count(*) FROM invoices"_s), 2);
        QCOMPARE(count(db, u"SELECT count(*) FROM invoice_lines"_s), 3);
        QCOMPARE(text(db, u"SELECT status || ' ' || hammer_minor || ' ' || total_minor FROM invoices"
                          " WHERE invoice_no = 'INV-1'"_s),
                 u"paid 155000 201500"_s);
        QCOMPARE(count(db, u"SELECT count(*) FROM events WHERE kind IN (50, 51)"_s), 3);
        auto again = import(db, ImportKind::Invoices, path);
        QVERIFY(again.ok());
        QCOMPARE(again->created + again->updated, 0);
        QCOMPARE(count(db, u"SELECT max(version) FROM invoices"_s), 1);
    }

    void campaignsAndRecipientEvents()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        Database &db = test->db();
        buildHouse(db);
        const QString path =
            write(u"campaign.csv"_s, "Campaign ID,Campaign Name,Subject,Email,Event,Timestamp\n"
                                     "CMP-1,May sale,Lots to see,anna@example.com,sent,2024-04-20 09:00\n"
                                     "CMP-1,May sale,Lots to see,anna@example.com,open,2024-04-20 10:00\n"
                                     "CMP-1,May sale,Lots to see,anna@example.com,open,2024-04-21 08:00\n"
                                     "CMP-1,May sale,Lots to see,anna@example.com,click,2024-04-21 08:01\n"
                                     "CMP-1,May sale,Lots to see,ben@example.com,control,\n"
                                     "CMP-1,May sale,Lots to see,cara@example.com,unsubscribe,"
                                     "2024-04-22 12:00\n"
                                     "CMP-1,May sale,Lots to see,cara@example.com,forwarded,"
                                     "2024-04-22 12:00\n"_ba);
        auto report = import(db, ImportKind::CampaignEvents, path);
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().fullText()));
        QCOMPARE(report->rejected, 1);
        QCOMPARE(count(db, u"SELECT count(*) FROM campaigns"_s), 1);
        QCOMPARE(text(db, u"SELECT name || ' / ' || subject FROM campaigns"_s), u"May sale / Lots to see"_s);
        QCOMPARE(count(db, u"SELECT count(*) FROM campaign_recipients"_s), 3);
        QCOMPARE(text(db, u"SELECT r.open_count || ' ' || r.click_count FROM campaign_recipients r"
                          " JOIN customers c ON c.id = r.customer_id WHERE c.customer_no = 'C-1'"_s),
                 u"2 1"_s);
        QCOMPARE(count(db, u"SELECT in_control FROM campaign_recipients r JOIN customers c ON c.id = r.customer_id"
                           " WHERE c.customer_no = 'C-2'"_s),
                 1);
        QCOMPARE(count(db, u"SELECT count(*) FROM campaign_recipients WHERE unsubscribed_at IS NOT NULL"_s), 1);
        auto again = import(db, ImportKind::CampaignEvents, path);
        QVERIFY(again.ok());
        QCOMPARE(again->created, 0);
        QCOMPARE(text(db, u"SELECT r.open_count || ' ' || r.click_count FROM campaign_recipients r"
                          " JOIN customers c ON c.id = r.customer_id WHERE c.customer_no = 'C-1'"_s),
                 u"2 1"_s);
    }

    void smsAndWebEvents()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        Database &db = test->db();
        buildHouse(db);
        QVERIFY(Sql::exec(db.connection(),
                          u"UPDATE customers SET sms_number = '+447700900123' WHERE customer_no = 'C-2'"_s, {},
                          u"test"_s)
                    .ok());
        auto sms = import(db, ImportKind::SmsEvents,
                          write(u"sms.csv"_s, "To,Status,Sent At,Message\n"
                                              "+447700900123,delivered,2024-04-30 18:00,Sale tomorrow\n"
                                              "+447700900123,clicked,2024-04-30 18:05,Sale tomorrow\n"
                                              "+440000000000,delivered,2024-04-30 18:00,Sale tomorrow\n"_ba));
        QVERIFY(sms.ok());
        QCOMPARE(sms->created, 2);
        QCOMPARE(sms->rejected, 1);
        QCOMPARE(count(db, u"SELECT count(*) FROM events WHERE kind IN (20, 21)"_s), 2);
        const QString webPath = write(u"web.csv"_s, "Customer ID,Event,Timestamp,URL,Auction Number,Lot Number\n"
                                                    "C-1,visit,2024-04-29 20:00,https://house.example/,,\n"
                                                    "C-1,lot,2024-04-29 20:01,https://house.example/s1/1,S1,1\n"
                                                    "C-1,teleport,2024-04-29 20:02,,,\n"_ba);
        auto web = import(db, ImportKind::WebEvents, webPath);
        QVERIFY(web.ok());
        QCOMPARE(web->created, 2);
        QCOMPARE(web->rejected, 1);
        QCOMPARE(count(db, u"SELECT count(*) FROM events WHERE kind = 62 AND lot_id IS NOT NULL"_s), 1);
        auto again = import(db, ImportKind::WebEvents, webPath);
        QVERIFY(again.ok());
        QCOMPARE(again->created, 0);
    }

    void mailchimpExportFiles()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        Database &db = test->db();
        for (const QString &name : {u"subscribed.csv"_s, u"unsubscribed.csv"_s, u"cleaned.csv"_s}) {
            auto report = import(db, ImportKind::Mailchimp, sharedTestData(u"mailchimp-export/"_s + name));
            QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().fullText()));
            QCOMPARE(report->created, 5);
            QCOMPARE(report->rejected, 0);
        }
        QCOMPARE(count(db, u"SELECT count(*) FROM customers WHERE source = 'mailchimp'"_s), 15);
        QCOMPARE(text(db, u"SELECT first_name || '|' || last_name || '|' || company FROM customers"
                          " WHERE email = 's5@example.com'"_s),
                 u"Dolor|Simet|Lorem Co."_s); // trimmed
        QCOMPARE(count(db, u"SELECT count(*) FROM subscriptions WHERE status = 'subscribed'"_s), 5);
        QCOMPARE(count(db, u"SELECT count(*) FROM subscriptions WHERE status = 'unsubscribed'"_s), 10);
        QCOMPARE(count(db, u"SELECT count(*) FROM events WHERE kind = 15"_s), 5);
        QCOMPARE(count(db, u"SELECT count(*) FROM events WHERE kind = 16"_s), 5);
        QCOMPARE(count(db, u"SELECT count(*) FROM customer_labels cl JOIN labels l ON l.id = cl.label_id"
                           " WHERE l.name = 'Lorem Editors'"_s),
                 8);
        QCOMPARE(count(db, u"SELECT count(*) FROM customer_labels cl JOIN labels l ON l.id = cl.label_id"
                           " WHERE l.name = 'Editors'"_s),
                 4);
    }

    void mailchimpZipImportsOnce()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        Database &db = test->db();
        const QString zipPath = m_dir.filePath(u"audience-%1.zip"_s.arg(int(testEngine())));
        QFile::remove(zipPath);
        int error = 0;
        zip_t *archive = zip_open(QFile::encodeName(zipPath).constData(), ZIP_CREATE | ZIP_TRUNCATE, &error);
        QVERIFY(archive);
        for (const char *name : {"subscribed.csv", "unsubscribed.csv", "cleaned.csv"}) {
            const QByteArray path = QFile::encodeName(sharedTestData(u"mailchimp-export/"_s + QLatin1String(name)));
            zip_source_t *source = zip_source_file(archive, path.constData(), 0, -1);
            QVERIFY(source);
            QVERIFY(zip_file_add(archive, QByteArray(QByteArray("members_export/") + name).constData(), source, 0) >=
                    0);
        }
        QCOMPARE(zip_close(archive), 0);

        auto preview = Importer::preview(zipPath, ImportKind::Mailchimp);
        QVERIFY(preview.ok());
        QCOMPARE(preview->entries.size(), 3);
        QCOMPARE(preview->headers.first(), u"Email Address"_s);
        auto report = import(db, ImportKind::Mailchimp, zipPath);
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().fullText()));
        QCOMPARE(report->created, 15);
        QCOMPARE(count(db, u"SELECT count(*) FROM subscriptions WHERE status = 'unsubscribed'"_s), 10);
        auto again = import(db, ImportKind::Mailchimp, zipPath);
        QVERIFY(again.ok());
        QCOMPARE(again->created, 0);
        QCOMPARE(again->updated, 0);
        QCOMPARE(again->unchanged, 15);
        // A ZIP for any other kind is not a CSV.
        auto wrongKind = import(db, ImportKind::Customers, zipPath);
        QVERIFY(!wrongKind.ok());
        QVERIFY(wrongKind.error().message.contains(u"ZIP"_s));
    }

    void rejectedRowsAreListedAndSaved()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        Database &db = test->db();
        buildHouse(db);
        const QString path =
            write(u"bad-bids.csv"_s, "Auction Number,Lot Number,Customer Email or ID,Bid or Sold Price\n"
                                     "S1,1,C-1,1100\n"
                                     "S1,77,C-1,1100\n"
                                     "S1,1,nobody@example.com,1200\n"
                                     "S1,2,C-2,lots\n"
                                     "S1,2,C-2,300\n"_ba);
        auto report = import(db, ImportKind::Bids, path);
        QVERIFY(report.ok());
        QCOMPARE(report->created, 2);
        QCOMPARE(report->rejected, 3);
        QCOMPARE(report->outcome, ImportReport::Outcome::Complete);
        QCOMPARE(report->rejects.size(), 3);
        QCOMPARE(report->rejects.at(0).line, 3);
        QCOMPARE(report->rejects.at(0).column, u"Lot Number"_s);
        QCOMPARE(report->rejects.at(1).line, 4);
        QCOMPARE(report->rejects.at(1).column, u"Customer Email or ID"_s);
        QVERIFY(report->rejects.at(1).reason.contains(u"nobody@example.com"_s));
        QCOMPARE(report->rejects.at(2).column, u"Bid or Sold Price"_s);
        QVERIFY(report->rejects.at(2).reason.contains(u"lots"_s));
        QCOMPARE(count(db, u"SELECT count(*) FROM bids"_s), 2);

        QBuffer out;
        out.open(QIODevice::WriteOnly);
        QVERIFY(report->writeRejects(out).ok());
        const QList<QByteArray> lines = out.data().split('\n');
        QVERIFY(lines.first().startsWith("\xEF\xBB\xBFRow,Column,Reason,Auction Number,Lot Number"));
        QVERIFY(lines.at(1).startsWith("3,Lot Number,"));
        QVERIFY(lines.at(1).trimmed().endsWith("S1,77,C-1,1100"));
        QCOMPARE(lines.size(), 5); // heading, three rows, the empty end

        // A broken quote: the rows before it import, the reader's message names the line.
        auto broken = import(db, ImportKind::Bids,
                             write(u"broken.csv"_s, "Auction Number,Lot Number,Customer Email or ID,Bid\n"
                                                    "S1,2A,C-3,500\nS1,2A,\"C-3,600\n"_ba));
        QVERIFY(broken.ok());
        QCOMPARE(broken->created, 1);
        QCOMPARE(broken->rejected, 1);
        QVERIFY(broken->rejects.first().reason.contains(u"quote"_s));
    }

    void strictModeImportsNothingWhenARowIsRejected()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        Database &db = test->db();
        const QString path = write(u"strict.csv"_s, "Customer ID,Email\nC-1,a@example.com\nC-2,not-an-email\n"
                                                    "C-3,c@example.com\n"_ba);
        ImportOptions options;
        options.kind = ImportKind::Customers;
        options.filePath = path;
        options.strict = true;
        auto report = Importer::run(db, options);
        QVERIFY(report.ok());
        QCOMPARE(report->outcome, ImportReport::Outcome::RolledBack);
        QCOMPARE(report->rejected, 1);
        QCOMPARE(report->rejects.first().column, u"Email"_s);
        QCOMPARE(report->created, 0);
        QVERIFY(report->summary().contains(u"Nothing was imported"_s));
        QCOMPARE(count(db, u"SELECT count(*) FROM customers"_s), 0);

        const QString good = write(u"strict-good.csv"_s, "Customer ID,Email\nC-1,a@example.com\n"_ba);
        options.filePath = good;
        auto ok = Importer::run(db, options);
        QVERIFY(ok.ok());
        QCOMPARE(ok->outcome, ImportReport::Outcome::Complete);
        QCOMPARE(count(db, u"SELECT count(*) FROM customers"_s), 1);
    }

    void cancelStopsAtABatchBoundary_data()
    {
        QTest::addColumn<bool>("strict");
        QTest::newRow("batches") << false;
        QTest::newRow("strict") << true;
    }
    void cancelStopsAtABatchBoundary()
    {
        QFETCH(bool, strict);
        GAVEL_OPEN_TEST_DATABASE(test);
        Database &db = test->db();
        QByteArray bytes = "Customer ID,Email\n"_ba;
        for (int i = 1; i <= 3000; ++i) {
            bytes += QByteArray("C-") + QByteArray::number(i) + ",c" + QByteArray::number(i) + "@example.com\n";
        }
        ImportOptions options;
        options.kind = ImportKind::Customers;
        options.filePath = write(u"many-%1.csv"_s.arg(strict), bytes);
        options.batchRows = 500;
        options.strict = strict;
        int calls = 0;
        auto report = Importer::run(db, options, [&](qint64, qint64, const QString &) { return ++calls < 1; });
        QVERIFY(report.ok());
        QCOMPARE(calls, 1); // asked at row 1024
        if (strict) {
            QCOMPARE(report->outcome, ImportReport::Outcome::RolledBack);
            QCOMPARE(count(db, u"SELECT count(*) FROM customers"_s), 0);
        } else {
            QCOMPARE(report->outcome, ImportReport::Outcome::CancelledAtBatch);
            QCOMPARE(count(db, u"SELECT count(*) FROM customers"_s), 1000);
            QCOMPARE(report->created, 1000);
            QCOMPARE(report->committedThroughLine, 1001);
            QVERIFY(report->summary().contains(u"1,001"_s) || report->summary().contains(u"1001"_s));
            // Importing again finishes the job and leaves the first thousand as they were.
            auto rest = Importer::run(db, options);
            QVERIFY(rest.ok());
            QCOMPARE(rest->created, 2000);
            QCOMPARE(rest->unchanged, 1000);
        }
    }

    void encodingsAndDelimiters_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("encoding"); // override, or empty
        QTest::addColumn<QString>("delimiter");
        QTest::newRow("utf-8 bom semicolon") << "\xEF\xBB\xBF"
                                                "Customer ID;First Name;City\nC-1;Zo\xC3\xAB;K\xC3\xB6ln\n"_ba
                                             << QString() << QString();
        QTest::newRow("windows-1252 tab")
            << "Customer ID\tFirst Name\tCity\nC-1\tZo\xEB\tK\xF6ln\n"_ba << QString() << QString();
        QTest::newRow("overridden") << "Customer ID|First Name|City\nC-1|Zo\xEB|K\xF6ln\n"_ba << u"windows-1252"_s
                                    << u"|"_s;
    }
    void encodingsAndDelimiters()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, encoding);
        QFETCH(QString, delimiter);
        GAVEL_OPEN_TEST_DATABASE(test);
        Database &db = test->db();
        ImportOptions options;
        options.kind = ImportKind::Customers;
        options.filePath = write(u"enc-%1.csv"_s.arg(QString::fromLatin1(QTest::currentDataTag()).remove(u' ')), bytes);
        if (!encoding.isEmpty()) {
            options.encoding = *CsvFormat::encodingFromName(encoding);
        }
        if (!delimiter.isEmpty()) {
            options.delimiter = delimiter.at(0);
        }
        auto report = Importer::run(db, options);
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().fullText()));
        QCOMPARE(report->created, 1);
        QCOMPARE(text(db, u"SELECT first_name || ' ' || city FROM customers"_s), u"Zoë Köln"_s);
    }

    void fileLevelProblemsGetOneClearMessage()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        Database &db = test->db();
        auto pdf = import(db, ImportKind::Customers, write(u"list.pdf"_s, "%PDF-1.4\n\x01\x02\x03"_ba));
        QVERIFY(!pdf.ok());
        QVERIFY(pdf.error().message.contains(u"“list.pdf” is not a CSV file"_s));
        auto missing = import(db, ImportKind::Bids, write(u"no-lots.csv"_s, "Customer,Bid\nC-1,100\n"_ba));
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error().message.contains(u"Sale number"_s), qPrintable(missing.error().message));
        QVERIFY(missing.error().message.contains(u"Lot number"_s));
        auto absent = import(db, ImportKind::Customers, m_dir.filePath(u"nowhere.csv"_s));
        QVERIFY(!absent.ok());
    }

    void savedMappingsAreSharedInTheDatabase()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        Database &db = test->db();
        ImportMappingStore store(db);
        ImportMapping mapping;
        mapping.columns.insert(u"email"_s, u"Mail"_s);
        QVERIFY(store.save(ImportKind::Customers, u"Fair sign-ups"_s, mapping).ok());
        mapping.fixedValues.insert(u"source"_s, u"fair"_s);
        QVERIFY(store.save(ImportKind::Customers, u"Fair sign-ups"_s, mapping).ok()); // replaces
        QVERIFY(store.save(ImportKind::Bids, u"Platform"_s, mapping).ok());
        QCOMPARE(*store.names(ImportKind::Customers), QStringList{u"Fair sign-ups"_s});
        auto loaded = store.load(ImportKind::Customers, u"Fair sign-ups"_s);
        QVERIFY(loaded.ok());
        QCOMPARE(*loaded, mapping);
        QCOMPARE(count(db, u"SELECT version FROM import_mappings WHERE kind = 'customers'"_s), 2);
        auto missing = store.load(ImportKind::Lots, u"Fair sign-ups"_s);
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().kind, ErrorKind::NotFound);
        QVERIFY(!store.save(ImportKind::Lots, u"  "_s, mapping).ok());
        QVERIFY(store.remove(ImportKind::Bids, u"Platform"_s).ok());
        QVERIFY(store.names(ImportKind::Bids)->isEmpty());

        // A saved mapping drives an import of a file with unusual headings.
        auto report = [&] {
            ImportOptions options;
            options.kind = ImportKind::Customers;
            options.filePath = write(u"fair.csv"_s, "Mail,Name\nzed@example.com,Zed\n"_ba);
            options.mapping = *loaded;
            return Importer::run(db, options);
        }();
        QVERIFY(report.ok());
        QCOMPARE(report->created, 1);
    }
};

QTEST_GUILESS_MAIN(TestImporter)
#include "tst_importer.moc"
