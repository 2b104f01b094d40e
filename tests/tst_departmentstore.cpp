#include "auditstore.h"
#include "customerstore.h"
#include "departmentstore.h"
#include "sqlfixture.h"
#include "testdatabase.h"
#include "topdepartments.h"

#include <QLocale>
#include <QTest>
#include <QTimeZone>

using namespace Gavel::Models;
using Gavel::Tests::SqlFixture;

namespace {

constexpr qint64 kNow = 1717236000; // 2024-06-01T10:00:00Z
constexpr qint64 kDay = 86400;
constexpr qint64 kYear = 365 * kDay;

struct Departments
{
    qint64 oldMasters = 0;
    qint64 jewellery = 0;
    qint64 asianArt = 0;
    qint64 watches = 0;
    qint64 books = 0;
};

Departments createDepartments(SqlFixture &f)
{
    Departments d;
    d.oldMasters =
        f.run(QStringLiteral("INSERT INTO departments (code, name, sort_order) VALUES ('OM', 'Old Masters', 1)"
                             " RETURNING id"));
    d.jewellery = f.run(QStringLiteral("INSERT INTO departments (code, name, sort_order) VALUES ('JW', 'Jewellery', 2)"
                                       " RETURNING id"));
    d.asianArt = f.run(QStringLiteral("INSERT INTO departments (code, name, sort_order) VALUES ('AS', 'Asian Art', 3)"
                                      " RETURNING id"));
    d.watches = f.run(QStringLiteral("INSERT INTO departments (code, name, sort_order) VALUES ('WA', 'Watches', 4)"
                                     " RETURNING id"));
    d.books = f.run(QStringLiteral("INSERT INTO departments (code, name, sort_order) VALUES ('BK', 'Books', 5)"
                                   " RETURNING id"));
    return d;
}

Customer createCustomer(Database &db, const QString &no)
{
    Customer c;
    c.customerNo = no;
    c.lastName = no;
    auto created = CustomerStore(db).create(c);
    return created ? *created : Customer();
}

/// A sale of `department` at `at` with `lots` lots; returns the lot ids.
QList<qint64> createSale(SqlFixture &f, const QString &saleNo, qint64 department, qint64 at, int lots)
{
    const qint64 sale = f.run(QStringLiteral("INSERT INTO sales (sale_no, title, department_id, starts_at, status,"
                                             " currency) VALUES (?, ?, ?, ?, 'closed', 'GBP') RETURNING id"),
                              {saleNo, saleNo, department, at});
    QList<qint64> ids;
    for (int i = 1; i <= lots; ++i) {
        ids << f.run(QStringLiteral("INSERT INTO lots (sale_id, lot_no, lot_seq, title, department_id, currency,"
                                    " status) VALUES (?, ?, ?, 'A lot', ?, 'GBP', 'unsold') RETURNING id"),
                     {sale, QString::number(i), i, department});
    }
    return ids;
}

void win(SqlFixture &f, qint64 lot, qint64 customer)
{
    f.run(QStringLiteral("UPDATE lots SET status = 'sold', buyer_id = ?, hammer_minor = 100000 WHERE id = ?"),
          {customer, lot});
}

void bid(SqlFixture &f, qint64 lot, qint64 customer, qint64 at, qint64 amount)
{
    f.run(QStringLiteral("INSERT INTO bids (lot_id, customer_id, amount_minor, currency, placed_at)"
                         " VALUES (?, ?, ?, 'GBP', ?)"),
          {lot, customer, amount, at});
}

QStringList names(const QList<DepartmentScore> &scores)
{
    QStringList list;
    for (const DepartmentScore &score : scores) {
        list << score.department.name;
    }
    return list;
}

} // namespace

class TestDepartmentStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QStringLiteral("en_GB"))); }

    void addAndRemoveAreAuditedAndIdempotent()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        SqlFixture f(test->db());
        const Departments d = createDepartments(f);
        QVERIFY2(f.error().isEmpty(), qPrintable(f.error()));
        const Customer customer = createCustomer(test->db(), QStringLiteral("C-1"));
        f.run(QStringLiteral("INSERT INTO customer_departments (customer_id, department_id, source, added_at)"
                             " VALUES (?, ?, 'registered', 1)"),
              {customer.id, d.books});

        DepartmentStore store(test->db());
        auto all = store.all();
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 5);
        QCOMPARE(all->first().name, QStringLiteral("Old Masters"));

        auto changed = store.change(customer.id, customer.uuid, {d.watches, d.jewellery, d.books}, {d.books});
        QVERIFY(changed.ok());
        QCOMPARE(*changed, 3); // two added (Books was there already), Books removed
        auto links = store.forCustomer(customer.id);
        QVERIFY(links.ok());
        QCOMPARE(links->size(), 2);
        QCOMPARE(links->at(0).department.name, QStringLiteral("Jewellery"));
        QCOMPARE(links->at(0).source, QStringLiteral("staff"));
        QCOMPARE(links->at(0).addedBy, QStringLiteral("Test Runner"));
        QCOMPARE(links->at(1).department.name, QStringLiteral("Watches"));

        // Removing what is gone and adding what is there change nothing and log nothing.
        QCOMPARE(*store.change(customer.id, customer.uuid, {d.watches}, {d.books}), 0);

        auto history = AuditStore(test->db().connection()).forCustomer(customer.id);
        QStringList logged;
        for (const AuditEntry &entry : std::as_const(*history)) {
            if (entry.entity == u"customer_department") {
                logged << entry.action + u' ' + entry.oldValue + u'>' + entry.newValue;
            }
        }
        logged.sort();
        QCOMPARE(logged, (QStringList{QStringLiteral("create >Jewellery"), QStringLiteral("create >Watches"),
                                      QStringLiteral("delete Books>")}));

        auto missing = store.change(customer.id, customer.uuid, {987654}, {});
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().kind, ErrorKind::NotFound);
    }

    void topDepartmentsWeighActivityAndRecency()
    {
        GAVEL_OPEN_TEST_DATABASE(test);
        SqlFixture f(test->db());
        const Departments d = createDepartments(f);
        const Customer anna = createCustomer(test->db(), QStringLiteral("C-1"));
        const Customer other = createCustomer(test->db(), QStringLiteral("C-2"));

        // Old Masters: two lots won a month ago (bid on, too), one invoiced.
        const QList<qint64> om = createSale(f, QStringLiteral("OM1"), d.oldMasters, kNow - 30 * kDay, 3);
        for (const qint64 lot : om.mid(0, 2)) {
            bid(f, lot, anna.id, kNow - 30 * kDay, 90000);
            bid(f, lot, anna.id, kNow - 30 * kDay + 60, 100000);
            win(f, lot, anna.id);
        }
        const qint64 invoice =
            f.run(QStringLiteral("INSERT INTO invoices (invoice_no, customer_id, issued_at, status,"
                                 " currency, total_minor, updated_at, updated_by)"
                                 " VALUES ('I-1', ?, ?, 'paid', 'GBP', 125000, 1, 'x') RETURNING id"),
                  {anna.id, kNow - 29 * kDay});
        f.run(QStringLiteral("INSERT INTO invoice_lines (invoice_id, line_no, lot_id, description, amount_minor)"
                             " VALUES (?, 1, ?, 'Lot 1', 125000), (?, 2, ?, 'Lot 2', 125000)"),
              {invoice, om.at(0), invoice, om.at(1)});
        // Jewellery: three lots bid on five years ago.
        for (const qint64 lot : createSale(f, QStringLiteral("JW1"), d.jewellery, kNow - 5 * kYear, 3)) {
            bid(f, lot, anna.id, kNow - 5 * kYear, 5000);
        }
        // Asian Art: a consignment a year ago.
        f.run(QStringLiteral("INSERT INTO consignments (uuid, customer_id, department_id, received_at, status,"
                             " updated_at, updated_by) VALUES ('c-1', ?, ?, ?, 'received', 1, 'x')"),
              {anna.id, d.asianArt, kNow - kYear});
        // Watches: linked by staff, no activity. Books: another customer's.
        f.run(QStringLiteral("INSERT INTO customer_departments (customer_id, department_id, source, added_at)"
                             " VALUES (?, ?, 'staff', 1)"),
              {anna.id, d.watches});
        const QList<qint64> books = createSale(f, QStringLiteral("BK1"), d.books, kNow - 10 * kDay, 1);
        bid(f, books.first(), other.id, kNow - 10 * kDay, 1000);
        win(f, books.first(), other.id);
        QVERIFY2(f.error().isEmpty(), qPrintable(f.error()));

        const QDateTime now = QDateTime::fromSecsSinceEpoch(kNow, QTimeZone::utc());
        auto top = TopDepartments::forCustomer(test->db().connection(), anna.id, now);
        QVERIFY2(top.ok(), qPrintable(top.ok() ? QString() : top.error().fullText()));
        // A recent win and invoice beat a recent consignment, which beats a bare link, which
        // beats bids faded over five years; another customer's department does not appear.
        QCOMPARE(names(*top), (QStringList{QStringLiteral("Old Masters"), QStringLiteral("Asian Art"),
                                           QStringLiteral("Watches"), QStringLiteral("Jewellery")}));
        const DepartmentScore &oldMasters = top->at(0);
        QCOMPARE(oldMasters.lotsWon, 2);
        QCOMPARE(oldMasters.lotsBidOn, 2); // lots, not bids
        QCOMPARE(oldMasters.invoices, 1);
        QCOMPARE(oldMasters.consignments, 0);
        QCOMPARE(oldMasters.lastActivity, QDateTime::fromSecsSinceEpoch(kNow - 29 * kDay, QTimeZone::utc()));
        QVERIFY2(oldMasters.reason().startsWith(QStringLiteral("Won 2 lots, bid on 2 lots, 1 invoice; last on ")),
                 qPrintable(oldMasters.reason()));
        QCOMPARE(top->at(1).consignments, 1);
        QCOMPARE(top->at(2).linkSource, QStringLiteral("staff"));
        QCOMPARE(top->at(2).reason(), QStringLiteral("added by staff"));
        QCOMPARE(top->at(3).lotsBidOn, 3);
        QVERIFY(top->at(3).score < top->at(2).score);

        // The same activity counts less the older it is.
        const QDateTime later = now.addYears(4);
        auto faded = TopDepartments::forCustomer(test->db().connection(), anna.id, later);
        QVERIFY(faded.ok());
        QVERIFY(faded->at(0).score < top->at(0).score);
        QCOMPARE(faded->first().department.name, QStringLiteral("Old Masters"));

        auto limited = TopDepartments::forCustomer(test->db().connection(), anna.id, now, 3);
        QCOMPARE(limited->size(), 3);

        auto nobody = TopDepartments::forCustomer(test->db().connection(), 424242, now);
        QVERIFY(nobody.ok());
        QVERIFY(nobody->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDepartmentStore)
#include "tst_departmentstore.moc"
