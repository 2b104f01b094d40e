#include "salestore.h"

#include "database.h"
#include "epoch.h"
#include "sql.h"

#include <QSqlQuery>

namespace Gavel::Models {

SaleStore::SaleStore(const Database &database) : m_db(database.connection())
{
}

Result<Sale> SaleStore::byId(qint64 id)
{
    auto query = Sql::exec(
        m_db,
        QStringLiteral("SELECT s.id, s.sale_no, s.title, v.name, d.name, s.starts_at, s.ends_at, s.status,"
                       " s.sale_type, s.currency, s.buyers_premium_bp, s.specialist,"
                       " (SELECT count(*) FROM lots l WHERE l.sale_id = s.id),"
                       " (SELECT count(*) FROM lots l WHERE l.sale_id = s.id AND l.status = 'sold'),"
                       " (SELECT COALESCE(sum(l.hammer_minor), 0) FROM lots l"
                       "  WHERE l.sale_id = s.id AND l.status = 'sold')"
                       " FROM sales s LEFT JOIN venues v ON v.id = s.venue_id"
                       " LEFT JOIN departments d ON d.id = s.department_id"
                       " WHERE s.id = ?"),
        {id}, QStringLiteral("reading the sale"));
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return Error::make(ErrorKind::NotFound, tr("This sale no longer exists."));
    }
    Sale sale;
    sale.id = query->value(0).toLongLong();
    sale.saleNo = query->value(1).toString();
    sale.title = query->value(2).toString();
    sale.venueName = query->value(3).toString();
    sale.departmentName = query->value(4).toString();
    sale.startsAt = fromEpoch(query->value(5));
    sale.endsAt = fromEpoch(query->value(6));
    sale.status = query->value(7).toString();
    sale.saleType = query->value(8).toString();
    sale.currency = query->value(9).toString();
    sale.buyersPremiumBp = query->value(10).toInt();
    sale.specialist = query->value(11).toString();
    sale.lotCount = query->value(12).toInt();
    sale.soldCount = query->value(13).toInt();
    sale.hammerTotalMinor = query->value(14).toLongLong();
    return sale;
}

Result<QList<SaleLot>> SaleStore::lots(qint64 saleId, qint64 customerId, int limit)
{
    auto query = Sql::exec(
        m_db,
        QStringLiteral("SELECT l.id, l.lot_no, l.title, l.low_estimate_minor, l.high_estimate_minor, l.hammer_minor,"
                       " l.status,"
                       " CASE WHEN EXISTS (SELECT 1 FROM bids b WHERE b.lot_id = l.id AND b.customer_id = ?)"
                       " THEN 1 ELSE 0 END,"
                       " CASE WHEN l.buyer_id = ? THEN 1 ELSE 0 END"
                       " FROM lots l WHERE l.sale_id = ? ORDER BY l.lot_seq, l.lot_no LIMIT ?"),
        {customerId, customerId, saleId, limit}, QStringLiteral("reading the sale's lots"));
    if (!query) {
        return query.error();
    }
    QList<SaleLot> lots;
    while (query->next()) {
        SaleLot lot;
        lot.id = query->value(0).toLongLong();
        lot.lotNo = query->value(1).toString();
        lot.title = query->value(2).toString();
        lot.lowEstimateMinor = query->value(3).toLongLong();
        lot.highEstimateMinor = query->value(4).toLongLong();
        lot.hammerMinor = query->value(5).toLongLong();
        lot.status = query->value(6).toString();
        lot.customerBid = query->value(7).toInt() != 0;
        lot.customerBought = query->value(8).toInt() != 0;
        lots << lot;
    }
    return lots;
}

Result<std::optional<SaleRegistration>> SaleStore::registration(qint64 saleId, qint64 customerId)
{
    auto query = Sql::exec(m_db,
                           QStringLiteral("SELECT r.paddle_no, r.registered_at, v.name FROM sale_registrations r"
                                          " LEFT JOIN venues v ON v.id = r.platform_id"
                                          " WHERE r.sale_id = ? AND r.customer_id = ?"),
                           {saleId, customerId}, QStringLiteral("reading the customer's registration"));
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return std::optional<SaleRegistration>();
    }
    SaleRegistration registration;
    registration.paddleNo = query->value(0).toString();
    registration.registeredAt = fromEpoch(query->value(1));
    registration.platformName = query->value(2).toString();
    return std::optional<SaleRegistration>(registration);
}

QString SaleStore::statusLabel(const QString &status)
{
    if (status == u"upcoming") {
        return tr("Upcoming");
    }
    if (status == u"live") {
        return tr("Live");
    }
    if (status == u"closed") {
        return tr("Closed");
    }
    if (status == u"cancelled") {
        return tr("Cancelled");
    }
    return status;
}

QString SaleStore::typeLabel(const QString &saleType)
{
    if (saleType == u"live") {
        return tr("Live auction");
    }
    if (saleType == u"online") {
        return tr("Online auction");
    }
    if (saleType == u"timed") {
        return tr("Timed auction");
    }
    return saleType;
}

} // namespace Gavel::Models
