#pragma once

#include "demodraft.h"
#include "demoengagement.h"

namespace Gavel::Models::Demo {

class Auction;
class Catalogue;
class Profiles;
class Schedule;

/// Makes one customer with their whole history — identity, bids and wins, consignments,
/// invoices and house credit, wishlists, mailings, web visits, calls, notes, tags, labels —
/// as rows for the chunk being written. Every panel of the profile gets something true.
class CustomerBuilder final
{
public:
    CustomerBuilder(const Catalogue &catalogue, const Schedule &schedule, const Profiles &profiles,
                    const Auction &auction, IdPlan &ids, quint64 seed);

    void build(quint32 index, Chunk &chunk);

    struct LabelData
    {
        QString name;
        QString color;
        QString description;
    };
    /// The labels staff put on customers.
    static const std::vector<LabelData> &labels();

    const Engagement &engagement() const { return m_engagement; }
    qint64 eventCount() const { return m_events; }

private:
    void addIdentity(Draft &draft) const;
    void addBids(Draft &draft, Chunk &chunk);
    void addConsignments(Draft &draft, Chunk &chunk) const;
    void addInvoices(Draft &draft, Chunk &chunk) const;
    void addShopOrders(Draft &draft, Chunk &chunk) const;
    void addLoyalty(Draft &draft, Chunk &chunk) const;
    void addWishlists(Draft &draft, Chunk &chunk) const;
    void addContacts(Draft &draft) const;
    void addNotes(Draft &draft, Chunk &chunk) const;
    void addTags(Draft &draft, Chunk &chunk) const;
    void addLabelsAndDepartments(Draft &draft, Chunk &chunk) const;
    void addScores(Draft &draft) const;
    void finish(Draft &draft, Chunk &chunk);
    QString staffFor(Draft &draft, int department) const;
    /// A lot the customer engaged with (for notes and calls), or -1.
    qint64 someLot(Draft &draft) const;

    const Catalogue &m_catalogue;
    const Schedule &m_schedule;
    const Profiles &m_profiles;
    const Auction &m_auction;
    IdPlan &m_ids;
    quint64 m_seed;
    Engagement m_engagement;
    std::vector<int> m_paddles; ///< the last paddle number given out, per sale
    quint64 m_eventKey;
    quint64 m_eventMultiplier;
    quint64 m_eventCounter = 0;
    qint64 m_events = 0;
};

} // namespace Gavel::Models::Demo
