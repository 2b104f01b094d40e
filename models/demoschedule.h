#pragma once

#include "demotypes.h"

#include <QDate>

#include <functional>

namespace Gavel::Models::Demo {

class Catalogue;

/// The demo house's calendar around its "today" (the anchor): about six years of closed
/// sales, a few upcoming ones, every lot of them, and the mailings, newsletters, offers and
/// polls sent over the years. Its size follows the number of customers, so that a sale's
/// lots find bidders at any scale.
class Schedule final
{
public:
    Schedule(const Catalogue &catalogue, quint64 seed, const QDate &anchorDate, int customers);

    /// Start of the anchor day, UTC: everything generated happened before it.
    qint64 anchor() const { return m_anchor; }
    /// Six years before the anchor: the first sale of the house's records.
    qint64 windowStart() const { return m_windowStart; }

    const std::vector<Sale> &sales() const { return m_sales; }
    int pastSaleCount() const { return m_pastSales; }
    /// Past sales of a department, in time order.
    const std::vector<quint32> &pastSalesOf(int department) const;
    /// Of pastSalesOf(department), the position of the first sale starting at or after `time`.
    std::size_t firstPastSaleFrom(int department, qint64 time) const;
    /// Upcoming sales (their indexes), in time order.
    std::vector<quint32> upcomingSales() const;

    /// Every lot: the past sales' lots first (in sale order), then the upcoming ones.
    /// makeLots() fills it; the auction then settles the past ones.
    std::vector<Lot> &lots() { return m_lots; }
    const std::vector<Lot> &lots() const { return m_lots; }
    quint32 pastLotCount() const { return m_pastLots; }
    /// Makes every lot; `tick` is called now and then (for progress) and may stop it.
    bool makeLots(const Catalogue &catalogue, const std::function<bool()> &tick);

    const std::vector<Campaign> &campaigns() const { return m_campaigns; }
    /// Campaign indexes by kind, in time order.
    const std::vector<int> &campaignsOfKind(CampaignKind kind) const;
    /// The campaigns about one sale.
    std::vector<int> campaignsOfSale(int sale) const;
    const std::vector<Poll> &polls() const { return m_polls; }

    /// The codes of the subscription categories the migrations create, in the order campaigns
    /// refer to them.
    static QStringList subscriptionCategoryCodes();
    static QString monthName(int month);

private:
    void planSales(const Catalogue &catalogue, int customers);
    void planCampaigns(const Catalogue &catalogue);
    void planPolls();
    QString saleTitle(const Catalogue &catalogue, const Sale &sale) const;

    quint64 m_seed;
    qint64 m_anchor = 0;
    qint64 m_windowStart = 0;
    int m_customers = 0;
    std::vector<Sale> m_sales;
    int m_pastSales = 0;
    std::vector<std::vector<quint32>> m_pastSalesByDepartment;
    std::vector<Lot> m_lots;
    quint32 m_pastLots = 0;
    std::vector<Campaign> m_campaigns;
    std::vector<std::vector<int>> m_campaignsByKind;
    std::vector<std::vector<int>> m_campaignsBySale;
    std::vector<Poll> m_polls;
};

} // namespace Gavel::Models::Demo
