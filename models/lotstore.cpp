#include "lotstore.h"

#include "customer.h"
#include "database.h"
#include "epoch.h"
#include "sql.h"

#include <QSqlQuery>

namespace Gavel::Models {

namespace {

/// first_name, last_name, company, customer_no from `column` on.
QString customerName(const QSqlQuery &query, int column)
{
    Customer customer;
    customer.firstName = query.value(column).toString();
    customer.lastName = query.value(column + 1).toString();
    customer.company = query.value(column + 2).toString();
    customer.customerNo = query.value(column + 3).toString();
    return customer.displayName();
}

} // namespace

LotStore::LotStore(const Database &database) : m_db(database.connection())
{
}

Result<Lot> LotStore::byId(qint64 id)
{
    auto query = Sql::exec(
        m_db,
        QStringLiteral("SELECT l.id, l.sale_id, s.sale_no, s.title, s.starts_at, l.lot_no, l.title, l.description,"
                       " l.maker, l.medium, l.dimensions, l.date_text, d.name, cat.name,"
                       " l.low_estimate_minor, l.high_estimate_minor, l.hammer_minor, l.currency, l.status,"
                       " l.buyer_id, cu.first_name, cu.last_name, cu.company, cu.customer_no"
                       " FROM lots l JOIN sales s ON s.id = l.sale_id"
                       " LEFT JOIN departments d ON d.id = l.department_id"
                       " LEFT JOIN categories cat ON cat.id = l.category_id"
                       " LEFT JOIN customers cu ON cu.id = l.buyer_id"
                       " WHERE l.id = ?"),
        {id}, QStringLiteral("reading the lot"));
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return Error::make(ErrorKind::NotFound, tr("This lot no longer exists."));
    }
    Lot lot;
    lot.id = query->value(0).toLongLong();
    lot.saleId = query->value(1).toLongLong();
    lot.saleNo = query->value(2).toString();
    lot.saleTitle = query->value(3).toString();
    lot.saleStartsAt = fromEpoch(query->value(4));
    lot.lotNo = query->value(5).toString();
    lot.title = query->value(6).toString();
    lot.description = query->value(7).toString();
    lot.maker = query->value(8).toString();
    lot.medium = query->value(9).toString();
    lot.dimensions = query->value(10).toString();
    lot.dateText = query->value(11).toString();
    lot.departmentName = query->value(12).toString();
    lot.categoryName = query->value(13).toString();
    lot.lowEstimateMinor = query->value(14).toLongLong();
    lot.highEstimateMinor = query->value(15).toLongLong();
    lot.hammerMinor = query->value(16).toLongLong();
    lot.currency = query->value(17).toString();
    lot.status = query->value(18).toString();
    lot.buyerId = query->value(19).toLongLong();
    if (lot.buyerId != 0) {
        lot.buyerName = customerName(*query, 20);
        lot.buyerNo = query->value(23).toString();
    }
    return lot;
}

Result<QList<Bid>> LotStore::bids(qint64 lotId, int limit)
{
    auto query = Sql::exec(m_db,
                           QStringLiteral("SELECT b.id, b.customer_id, cu.first_name, cu.last_name, cu.company,"
                                          " cu.customer_no, b.amount_minor, b.currency, b.placed_at, b.channel,"
                                          " b.is_winning"
                                          " FROM bids b JOIN customers cu ON cu.id = b.customer_id"
                                          " WHERE b.lot_id = ?"
                                          " ORDER BY b.amount_minor DESC, b.placed_at, b.id LIMIT ?"),
                           {lotId, limit}, QStringLiteral("reading the lot's bids"));
    if (!query) {
        return query.error();
    }
    QList<Bid> bids;
    while (query->next()) {
        Bid bid;
        bid.id = query->value(0).toLongLong();
        bid.customerId = query->value(1).toLongLong();
        bid.customerName = customerName(*query, 2);
        bid.customerNo = query->value(5).toString();
        bid.amountMinor = query->value(6).toLongLong();
        bid.currency = query->value(7).toString();
        bid.placedAt = fromEpoch(query->value(8));
        bid.channel = query->value(9).toString();
        bid.winning = query->value(10).toInt() != 0;
        bids << bid;
    }
    return bids;
}

QString LotStore::statusLabel(const QString &status)
{
    if (status == u"sold") {
        return tr("Sold");
    }
    if (status == u"unsold") {
        return tr("Unsold");
    }
    if (status == u"withdrawn") {
        return tr("Withdrawn");
    }
    if (status == u"upcoming") {
        return tr("Upcoming");
    }
    return status;
}

QString LotStore::bidChannelLabel(const QString &channel)
{
    if (channel == u"room") {
        return tr("In the room");
    }
    if (channel == u"phone") {
        return tr("By phone");
    }
    if (channel == u"absentee") {
        return tr("Absentee");
    }
    if (channel == u"online") {
        return tr("Online");
    }
    return channel;
}

} // namespace Gavel::Models
