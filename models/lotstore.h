#pragma once

#include "lot.h"
#include "result.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>

namespace Gavel::Models {

class Database;

/// All SQL about one lot as a page shows it: the lot with its sale and buyer, and its bids.
class LotStore final
{
    Q_DECLARE_TR_FUNCTIONS(LotStore)

public:
    explicit LotStore(const Database &database);

    /// The lot; ErrorKind::NotFound when it no longer exists.
    Result<Lot> byId(qint64 id);
    /// The lot's bids, highest first (earlier first at equal amounts), at most `limit`.
    Result<QList<Bid>> bids(qint64 lotId, int limit = 500);

    /// "Sold", "Unsold", "Withdrawn", "Upcoming".
    static QString statusLabel(const QString &status);
    /// "In the room", "By phone", "Absentee", "Online".
    static QString bidChannelLabel(const QString &channel);

private:
    QSqlDatabase m_db;
};

} // namespace Gavel::Models
