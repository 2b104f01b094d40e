#pragma once

#include "result.h"
#include "sale.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace Gavel::Models {

class Database;

/// All SQL about one sale as a page shows it: the sale with its results, its lots, and one
/// customer's registration and bids in it.
class SaleStore final
{
    Q_DECLARE_TR_FUNCTIONS(SaleStore)

public:
    explicit SaleStore(const Database &database);

    /// The sale with its lot count, sold count and hammer total; ErrorKind::NotFound when
    /// it no longer exists.
    Result<Sale> byId(qint64 id);
    /// The sale's lots in catalogue order, at most `limit`, each saying whether `customerId`
    /// (0: nobody) bid on it or bought it.
    Result<QList<SaleLot>> lots(qint64 saleId, qint64 customerId, int limit = 5000);
    /// The customer's registration to bid in the sale; empty when there is none.
    Result<std::optional<SaleRegistration>> registration(qint64 saleId, qint64 customerId);

    /// "Upcoming", "Live", "Closed", "Cancelled".
    static QString statusLabel(const QString &status);
    /// "Live auction", "Online auction", "Timed auction".
    static QString typeLabel(const QString &saleType);

private:
    QSqlDatabase m_db;
};

} // namespace Gavel::Models
