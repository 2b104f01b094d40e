#pragma once

#include "asof.h"
#include "result.h"

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <map>
#include <optional>

namespace Gavel::Models {

class Database;

/// A department as the Overview's filter lists it.
struct DepartmentRef
{
    qint64 id = 0;
    QString code;
    QString name;
    QString color; ///< "#RRGGBB"
};

/// The nine key metrics of a customer, for all departments or one. A figure is empty
/// (shown "—") when there is nothing to reckon it from: no bids for the bidding figures, no
/// e-mails received for the engagement, and so on; a real zero ("bid on 4 lots, won 0")
/// stays a zero. Money is in the house currency, minor units; rows in other currencies are
/// left out, not converted.
struct KeyMetrics
{
    /// Hammer + buyer's premium of the lots on the customer's invoices (not cancelled).
    std::optional<qint64> totalSpentMinor;
    /// Lots bought (the customer is the lot's buyer, sale started by the as-of day).
    std::optional<qint64> lotsWon;
    std::optional<qint64> bidsPlaced;
    /// Of the lots the customer bid on, the share they bought (0–1).
    std::optional<double> winRate;
    /// Mean hammer price of the lots won, rounded to the minor unit.
    std::optional<qint64> averageHammerMinor;
    /// Sales registered for, bid in or bought in.
    std::optional<qint64> salesParticipated;
    /// Lots of the customer's consignments.
    std::optional<qint64> lotsConsigned;
    /// Hammer total of those consigned lots that sold.
    std::optional<qint64> consignedSoldMinor;
    /// E-mails opened / e-mails received (delivered, not in a control group) in the 12
    /// months up to the as-of day (0–1).
    std::optional<double> emailEngagement;

    // What the ratios are made of, for tooltips and the export.
    qint64 lotsBidOn = 0;
    qint64 lotsBidOnAndWon = 0;
    qint64 emailsReceived = 0;
    qint64 emailsOpened = 0;
};

/// The purchase ("receipt") metrics: the customer's invoices in the house currency that are
/// not cancelled, issued by the end of the as-of day.
struct PurchaseMetrics
{
    qint64 invoiceCount = 0;
    QDate firstInvoice;
    QDate lastInvoice;
    std::optional<qint64> daysSinceFirst;
    std::optional<qint64> daysSinceLast;
    std::optional<qint64> totalMinor;
    std::optional<qint64> lastInvoiceTotalMinor;
    std::optional<qint64> averageInvoiceMinor; ///< rounded to the minor unit
    std::optional<double> averageLotsPerInvoice;
    std::optional<qint64> daysSinceRegistration;
    /// Invoices in other currencies, which none of the figures above include.
    qint64 otherCurrencyInvoices = 0;
};

/// House credit (the loyalty ledger, house currency) at the end of the as-of day. The ledger
/// is authoritative: amounts are signed (accruals +, redemptions and expiries −), and a
/// lapse counts only once an expiry entry records it.
struct LoyaltyBalances
{
    bool hasLedger = false;           ///< any entry at all; without one every figure is "—"
    qint64 activeMinor = 0;           ///< every entry except accruals not active yet
    qint64 pendingActivationMinor = 0; ///< accruals that become usable after the as-of day
    qint64 pendingExpiryMinor = 0;    ///< active accruals with an expiry date still ahead, at most the active balance
    QDate nearestExpiry;              ///< the first of those expiry dates
    qint64 nearestExpiryMinor = 0;    ///< what lapses that day, at most pendingExpiryMinor
};

/// Spend (hammer + premium) of one calendar year in one department; departmentId 0 for lots
/// without a department.
struct SpendPoint
{
    int year = 0;
    qint64 departmentId = 0;
    qint64 amountMinor = 0;
};

/// The Overview's figures, each group read with one or two aggregate queries on indexed
/// columns (the customer's bids, invoices, lots, consignments, mailings, ledger), on
/// both engines. Nothing is cached: the figures are the database's as it is.
class MetricsStore final
{
public:
    /// Key of KeyMetrics for all departments together.
    static constexpr qint64 kAllDepartments = 0;

    explicit MetricsStore(const Database &database);

    /// The departments a filter offers (active ones, in the house's order).
    Result<QList<DepartmentRef>> departments();
    /// The nine metrics for all departments (key kAllDepartments) and for each department
    /// the customer has figures in (a department missing from the map has none).
    Result<std::map<qint64, KeyMetrics>> keyMetrics(qint64 customerId, const AsOf &asOf,
                                                    const QString &houseCurrency);
    Result<PurchaseMetrics> purchaseMetrics(qint64 customerId, const AsOf &asOf, const QString &houseCurrency);
    Result<LoyaltyBalances> loyalty(qint64 customerId, const AsOf &asOf, const QString &houseCurrency);
    /// Spend per year and department, oldest year first.
    Result<QList<SpendPoint>> spendByYear(qint64 customerId, const AsOf &asOf, const QString &houseCurrency);

private:
    Status readSpend(std::map<qint64, KeyMetrics> &metrics, qint64 customerId, const AsOf &asOf,
                     const QString &currency);
    Status readBidding(std::map<qint64, KeyMetrics> &metrics, qint64 customerId, const AsOf &asOf,
                       const QString &currency);
    Status readSales(std::map<qint64, KeyMetrics> &metrics, qint64 customerId, const AsOf &asOf);
    Status readConsignments(std::map<qint64, KeyMetrics> &metrics, qint64 customerId, const AsOf &asOf,
                            const QString &currency);
    Status readEmail(std::map<qint64, KeyMetrics> &metrics, qint64 customerId, const AsOf &asOf);

    QSqlDatabase m_db;
    const Database &m_database;
};

} // namespace Gavel::Models
