#pragma once

#include "demotypes.h"

#include <functional>

namespace Gavel::Models::Demo {

class Catalogue;
class Profiles;
class Schedule;

/// The house's six years of auctions, settled before a single customer row is written:
/// every customer's intentions to bid (by their profile) and consignments, then every past
/// lot's bidding ladder — winner, underbidder, hammer price, or unsold below the reserve.
/// Lots and invoice numbers are known house-wide, so the customers can then be written one
/// after the other with their complete histories.
class Auction final
{
public:
    Auction(const Catalogue &catalogue, Schedule &schedule, const Profiles &profiles, quint64 seed, int customers);

    /// Pass 1 over all customers; `tick(done)` is called now and then and may stop it.
    bool plan(const std::function<bool(qint64 done)> &tick);
    /// Settles every past lot from the intentions; fills the lots' outcomes. `tick(lots done)`
    /// is called now and then and may stop it.
    bool settle(const std::function<bool(qint64 done)> &tick);

    /// A customer's intentions, in the order they were made.
    const Intent *intentsBegin(quint32 customer) const;
    const Intent *intentsEnd(quint32 customer) const;
    qint64 intentCount() const { return static_cast<qint64>(m_intents.size()); }

    const std::vector<ConsignmentPlan> &consignments() const { return m_consignments; }
    /// The first consignment of a customer and one past their last (indexes into consignments()).
    std::pair<std::size_t, std::size_t> consignmentsOf(quint32 customer) const;

    /// The house-wide number of the invoice for a buyer's lots in one sale, counted per year
    /// in the order of the sales ("INV-2024-000123"); 0 when they bought nothing there.
    int invoiceNumber(quint32 customer, quint32 sale) const;

    /// When a lot came under the hammer (live) or closed (online).
    qint64 lotTime(const Lot &lot) const;
    /// When a bid at ladder `step` was placed on a lot whose bidding ended at `topStep`.
    qint64 bidTime(const Lot &lot, int step, int topStep, BidChannel channel, quint32 customer) const;
    /// The opening bid of a lot (ladder index).
    static int openingStep(const Lot &lot);

private:
    void planCustomer(quint32 index);

    const Catalogue &m_catalogue;
    Schedule &m_schedule;
    const Profiles &m_profiles;
    quint64 m_seed;
    quint32 m_customers;
    std::vector<Intent> m_intents;
    std::vector<quint32> m_intentStart; ///< per customer, plus one at the end
    std::vector<ConsignmentPlan> m_consignments;
    std::vector<quint32> m_consignmentStart;
    struct InvoiceKey
    {
        quint32 customer;
        quint32 sale;
        int number;
    };
    std::vector<InvoiceKey> m_invoices; ///< sorted by customer, then sale
};

} // namespace Gavel::Models::Demo
