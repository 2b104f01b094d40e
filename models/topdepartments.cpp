#include "topdepartments.h"

#include "epoch.h"
#include "formatting.h"
#include "sql.h"

#include <QCoreApplication>
#include <QHash>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace Gavel::Models {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Gavel::Models::TopDepartments", text);
}

constexpr qint64 kSecondsPerYear = 31556952; // the Gregorian year's average

} // namespace

QString DepartmentScore::reason() const
{
    // Singular and plural spelt out: English needs no translation file to read right.
    const auto count = [](int n, const char *one, const char *many) { return n == 1 ? tr(one) : tr(many).arg(n); };
    QStringList parts;
    if (lotsWon > 0) {
        parts << count(lotsWon, QT_TRANSLATE_NOOP("Gavel::Models::TopDepartments", "won 1 lot"),
                       QT_TRANSLATE_NOOP("Gavel::Models::TopDepartments", "won %1 lots"));
    }
    if (lotsBidOn > 0) {
        parts << count(lotsBidOn, QT_TRANSLATE_NOOP("Gavel::Models::TopDepartments", "bid on 1 lot"),
                       QT_TRANSLATE_NOOP("Gavel::Models::TopDepartments", "bid on %1 lots"));
    }
    if (consignments > 0) {
        parts << count(consignments, QT_TRANSLATE_NOOP("Gavel::Models::TopDepartments", "consigned once"),
                       QT_TRANSLATE_NOOP("Gavel::Models::TopDepartments", "consigned %1 times"));
    }
    if (invoices > 0) {
        parts << count(invoices, QT_TRANSLATE_NOOP("Gavel::Models::TopDepartments", "1 invoice"),
                       QT_TRANSLATE_NOOP("Gavel::Models::TopDepartments", "%1 invoices"));
    }
    QString text = parts.join(QStringLiteral(", "));
    if (!text.isEmpty()) {
        text[0] = text[0].toUpper();
    }
    QStringList sentences;
    if (!text.isEmpty()) {
        sentences << text;
    }
    if (lastActivity.isValid()) {
        sentences << tr("last on %1").arg(formatDate(lastActivity.toLocalTime().date()));
    }
    if (linkSource == u"staff") {
        sentences << tr("added by staff");
    } else if (linkSource == u"registered") {
        sentences << tr("chosen by the customer when registering");
    } else if (!linkSource.isEmpty()) {
        sentences << tr("linked by %1").arg(linkSource);
    }
    return sentences.join(QStringLiteral("; "));
}

Result<QList<DepartmentScore>> TopDepartments::forCustomer(const QSqlDatabase &db, qint64 customerId,
                                                           const QDateTime &now, int limit)
{
    // One row per department, kind and year of age: the decay is applied per year below,
    // so the database returns a handful of rows however long the history. A lot bid on
    // counts once, however many bids; an invoice once per department it has lots of. Grouped
    // by position: PostgreSQL would not see a second bound copy of the age expression as the same.
    const QString statement =
        QStringLiteral(
            "SELECT a.department_id, a.kind, (CAST(? AS BIGINT) - a.at) / %1 AS age, count(*), max(a.at) FROM ("
            " SELECT l.department_id, 'win' AS kind, s.starts_at AS at FROM lots l JOIN sales s ON s.id = l.sale_id"
            "  WHERE l.buyer_id = ? AND l.status = 'sold' AND l.department_id IS NOT NULL"
            " UNION ALL"
            " SELECT l.department_id, 'bid', max(b.placed_at) FROM bids b JOIN lots l ON l.id = b.lot_id"
            "  WHERE b.customer_id = ? AND l.department_id IS NOT NULL GROUP BY b.lot_id, l.department_id"
            " UNION ALL"
            " SELECT c.department_id, 'consignment', c.received_at FROM consignments c"
            "  WHERE c.customer_id = ? AND c.department_id IS NOT NULL"
            " UNION ALL"
            " SELECT l.department_id, 'invoice', max(i.issued_at) FROM invoices i"
            "  JOIN invoice_lines il ON il.invoice_id = i.id JOIN lots l ON l.id = il.lot_id"
            "  WHERE i.customer_id = ? AND i.status <> 'cancelled' AND l.department_id IS NOT NULL"
            "  GROUP BY i.id, l.department_id"
            ") a GROUP BY 1, 2, 3")
            .arg(kSecondsPerYear);
    const qint64 nowEpoch = toEpoch(now);
    auto query = Sql::exec(db, statement, {nowEpoch, customerId, customerId, customerId, customerId},
                           QStringLiteral("working out the customer's top departments"));
    if (!query) {
        return query.error();
    }
    QHash<qint64, DepartmentScore> scores;
    while (query->next()) {
        DepartmentScore &score = scores[query->value(0).toLongLong()];
        const QString kind = query->value(1).toString();
        const qint64 age = qMax<qint64>(0, query->value(2).toLongLong());
        const int count = query->value(3).toInt();
        const QDateTime last = fromEpoch(query->value(4));
        double weight = kBidWeight;
        if (kind == u"win") {
            weight = kWinWeight;
            score.lotsWon += count;
        } else if (kind == u"consignment") {
            weight = kConsignmentWeight;
            score.consignments += count;
        } else if (kind == u"invoice") {
            weight = kInvoiceWeight;
            score.invoices += count;
        } else {
            score.lotsBidOn += count;
        }
        score.score += weight * count * std::pow(0.5, double(age) / kHalfLifeYears);
        if (last.isValid() && (!score.lastActivity.isValid() || last > score.lastActivity)) {
            score.lastActivity = last;
        }
    }
    query->finish();

    auto links = Sql::exec(db,
                           QStringLiteral("SELECT d.id, d.code, d.name, d.color, cd.source FROM departments d"
                                          " LEFT JOIN customer_departments cd ON cd.department_id = d.id"
                                          " AND cd.customer_id = ?"),
                           {customerId}, QStringLiteral("reading the customer's departments"));
    if (!links) {
        return links.error();
    }
    QList<DepartmentScore> ranked;
    while (links->next()) {
        const qint64 id = links->value(0).toLongLong();
        const bool linked = !links->value(4).isNull();
        if (!linked && !scores.contains(id)) {
            continue;
        }
        DepartmentScore score = scores.value(id);
        score.department = {id, links->value(1).toString(), links->value(2).toString(), links->value(3).toString()};
        if (linked) {
            score.linkSource = links->value(4).toString();
            score.score += kLinkedWeight;
        }
        if (score.score > 0) {
            ranked << score;
        }
    }
    std::sort(ranked.begin(), ranked.end(), [](const DepartmentScore &a, const DepartmentScore &b) {
        if (a.score != b.score) {
            return a.score > b.score;
        }
        if (toEpoch(a.lastActivity) != toEpoch(b.lastActivity)) {
            return toEpoch(a.lastActivity) > toEpoch(b.lastActivity);
        }
        return a.department.name < b.department.name;
    });
    if (ranked.size() > limit) {
        ranked.resize(limit);
    }
    return ranked;
}

} // namespace Gavel::Models
