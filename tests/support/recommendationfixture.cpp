#include "recommendationfixture.h"

#include "sql.h"
#include "sqlfixture.h"

#include <QUuid>

namespace Gavel::Tests {

namespace {

constexpr qint64 kDay = 24 * 3600;

} // namespace

QString RecommendationFixture::build(Models::Database &database, qint64 when)
{
    now = when;
    SqlFixture f(database);
    const auto department = [&](const QString &code, const QString &name) {
        return f.run(QStringLiteral("INSERT INTO departments (code, name) VALUES (?, ?) RETURNING id"), {code, name});
    };
    paintings = department(QStringLiteral("PT"), QStringLiteral("Paintings"));
    silver = department(QStringLiteral("SV"), QStringLiteral("Silver"));
    const auto category = [&](qint64 dept, const QString &code, const QString &name) {
        return f.run(QStringLiteral("INSERT INTO categories (department_id, code, name) VALUES (?, ?, ?) RETURNING id"),
                     {dept, code, name});
    };
    const qint64 landscapes = category(paintings, QStringLiteral("PT-LAND"), QStringLiteral("Landscapes"));
    const qint64 portraits = category(paintings, QStringLiteral("PT-PORT"), QStringLiteral("Portraits"));
    const qint64 spoons = category(silver, QStringLiteral("SV-SPOON"), QStringLiteral("Spoons"));
    const auto tag = [&](const QString &name) {
        return f.run(QStringLiteral("INSERT INTO tags (name, name_key) VALUES (?, ?) RETURNING id"),
                     {name, name.toCaseFolded()});
    };
    sea = tag(QStringLiteral("Sea"));
    horse = tag(QStringLiteral("Horse"));
    winter = tag(QStringLiteral("Winter"));
    const auto sale = [&](const QString &no, const QString &title, qint64 dept, qint64 starts, const QString &status) {
        return f.run(QStringLiteral("INSERT INTO sales (sale_no, title, department_id, starts_at, ends_at, status,"
                                    " currency) VALUES (?, ?, ?, ?, ?, ?, 'GBP') RETURNING id"),
                     {no, title, dept, starts, starts + 4 * 3600, status});
    };
    pastSale = sale(QStringLiteral("P1"), QStringLiteral("Autumn Paintings"), paintings, now - 200 * kDay,
                    QStringLiteral("closed"));
    upcoming = sale(QStringLiteral("U1"), QStringLiteral("Winter Paintings"), paintings, now + 10 * kDay,
                    QStringLiteral("upcoming"));
    laterSale = sale(QStringLiteral("U2"), QStringLiteral("Silver"), silver, now + 30 * kDay,
                     QStringLiteral("upcoming"));
    const auto lot = [&](qint64 saleId, int seq, const QString &title, const QString &maker, qint64 dept,
                         qint64 cat, qint64 low, const QString &status, qint64 tagId) {
        const qint64 id = f.run(QStringLiteral("INSERT INTO lots (sale_id, lot_no, lot_seq, title, description, maker,"
                                               " department_id, category_id, low_estimate_minor, high_estimate_minor,"
                                               " currency, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'GBP', ?)"
                                               " RETURNING id"),
                                {saleId, QString::number(seq), seq, title, QStringLiteral("Oil on canvas."), maker, dept,
                                 cat, low, low * 3 / 2, status});
        if (tagId != 0) {
            f.run(QStringLiteral("INSERT INTO lot_tags (lot_id, tag_id, weight) VALUES (?, ?, 1)"), {id, tagId});
        }
        return id;
    };
    const QString marsh = QStringLiteral("Anna Marsh");
    const qint64 harbour = lot(pastSale, 1, QStringLiteral("Boats in a harbour at dusk"), marsh, paintings, landscapes,
                               150'000, QStringLiteral("sold"), sea);
    const qint64 coast = lot(pastSale, 2, QStringLiteral("Coast with fishing boats"), marsh, paintings, landscapes,
                             250'000, QStringLiteral("unsold"), sea);
    const qint64 greyHorse = lot(pastSale, 3, QStringLiteral("Grey horse"), QStringLiteral("Carl Stubb"), paintings,
                                 landscapes, 100'000, QStringLiteral("sold"), horse);
    boats = lot(upcoming, 1, QStringLiteral("Fishing boats off the coast"), marsh, paintings, landscapes, 200'000,
                QStringLiteral("upcoming"), sea);
    horseLot = lot(upcoming, 2, QStringLiteral("A bay horse in a paddock"), QStringLiteral("Carl Stubb"), paintings,
                   landscapes, 200'000, QStringLiteral("upcoming"), horse);
    skaters = lot(upcoming, 3, QStringLiteral("Skaters on a frozen pond"), QStringLiteral("Hendrick Ice"), paintings,
                  landscapes, 200'000, QStringLiteral("upcoming"), winter);
    portrait = lot(upcoming, 4, QStringLiteral("Portrait of a lady"), marsh, paintings, portraits, 2'000'000,
                   QStringLiteral("upcoming"), 0);
    withdrawn = lot(upcoming, 5, QStringLiteral("Boats, withdrawn"), marsh, paintings, landscapes, 200'000,
                    QStringLiteral("withdrawn"), sea);
    lot(laterSale, 1, QStringLiteral("Six apostle spoons"), QStringLiteral("London silversmith"), silver, spoons,
        200'000, QStringLiteral("upcoming"), 0);

    const auto customer = [&](const QString &no, const QString &first, const QString &last) {
        return f.run(QStringLiteral("INSERT INTO customers (uuid, customer_no, first_name, last_name, sort_name,"
                                    " registered_at, created_at, updated_at, updated_by)"
                                    " VALUES (?, ?, ?, ?, ?, ?, 0, 0, 'test') RETURNING id"),
                     {QUuid::createUuid().toString(QUuid::WithoutBraces), no, first, last, QString(last + u' ' + first),
                      now - 1000 * kDay});
    };
    a = customer(QStringLiteral("C1"), QStringLiteral("Alice"), QStringLiteral("Avery"));
    b = customer(QStringLiteral("C2"), QStringLiteral("Bruno"), QStringLiteral("Berg"));
    newcomer = customer(QStringLiteral("C3"), QStringLiteral("Nina"), QStringLiteral("New"));
    f.run(QStringLiteral("INSERT INTO customer_departments (customer_id, department_id, added_at) VALUES (?, ?, ?)"),
          {a, paintings, now - 900 * kDay});
    const auto bid = [&](qint64 lotId, qint64 customerId, qint64 amount, qint64 at, int winning) {
        f.run(QStringLiteral("INSERT INTO bids (lot_id, customer_id, amount_minor, currency, placed_at, is_winning)"
                             " VALUES (?, ?, ?, 'GBP', ?, ?) RETURNING id"),
              {lotId, customerId, amount, at, winning});
    };
    bid(harbour, a, 180'000, now - 200 * kDay, 1);
    bid(coast, a, 240'000, now - 200 * kDay, 0);
    bid(coast, b, 200'000, now - 200 * kDay - 60, 0);
    bid(greyHorse, b, 120'000, now - 200 * kDay, 1);
    const auto wish = [&](qint64 customerId, qint64 lotId) {
        f.run(QStringLiteral("INSERT INTO wishlists (customer_id, lot_id, added_at) VALUES (?, ?, ?) RETURNING id"),
              {customerId, lotId, now - 2 * kDay});
    };
    wish(a, boats);
    wish(b, horseLot);
    return f.error();
}

QString RecommendationFixture::setTag(Models::Database &database, qint64 customer, qint64 tag, const QString &state)
{
    SqlFixture f(database);
    f.run(QStringLiteral("DELETE FROM customer_tags WHERE customer_id = ? AND tag_id = ?"), {customer, tag});
    f.run(QStringLiteral("INSERT INTO customer_tags (uuid, customer_id, tag_id, state, weight, source, updated_at,"
                         " updated_by) VALUES (?, ?, ?, ?, 1, 'staff', 0, 'test')"),
          {QUuid::createUuid().toString(QUuid::WithoutBraces), customer, tag, state});
    return f.error();
}

} // namespace Gavel::Tests
