#pragma once

#include "demodraft.h"

namespace Gavel::Models::Demo {

class Catalogue;
class Profiles;
class Schedule;

/// A customer's life with the house outside the saleroom: their subscriptions, the mailings
/// they got (with control groups, opens, clicks, bounces and unsubscribes), promo codes,
/// polls, and their visits to the website (category and lot views, abandoned baskets).
class Engagement final
{
public:
    Engagement(const Catalogue &catalogue, const Schedule &schedule, const Profiles &profiles, IdPlan &ids);

    /// What they signed up for when they registered.
    void subscribe(Draft &draft) const;
    /// Mailings, with promo codes and poll answers; needs the invoices (promo codes are
    /// redeemed on them).
    void addMailings(Draft &draft, Chunk &chunk);
    void addWeb(Draft &draft, Chunk &chunk) const;
    /// The subscription rows as they stand at the end, and the events of subscribing.
    void writeSubscriptions(Draft &draft, Chunk &chunk) const;

    /// Audience and control group sizes per campaign, counted as recipients are made.
    const std::vector<int> &audience() const { return m_audience; }
    const std::vector<int> &control() const { return m_control; }

    /// Of a few lots of `sale`, the one that suits the customer best.
    quint32 pickLot(Draft &draft, quint32 sale) const;

    struct Product
    {
        QString name;
        qint64 netMinor;
    };
    /// What the online shop sells: catalogues, subscriptions, books, gift cards.
    const std::vector<Product> &products() const { return m_products; }

private:
    void addRecipient(Draft &draft, Chunk &chunk, int campaign, bool allowControl);
    void addPromoCode(Draft &draft, Chunk &chunk, const Campaign &campaign, qint64 campaignId, qint64 at);
    void addPollAnswer(Draft &draft, Chunk &chunk, const Campaign &campaign, qint64 campaignId, qint64 at);
    void addBasket(Draft &draft, Chunk &chunk, bool open) const;
    QString pagePath(Draft &draft) const;

    const Catalogue &m_catalogue;
    const Schedule &m_schedule;
    const Profiles &m_profiles;
    IdPlan &m_ids;
    std::vector<int> m_audience;
    std::vector<int> m_control;
    std::vector<Product> m_products;
    int m_welcomeEmail = -1;
    int m_welcomePost = -1;
    bool m_suppressed = false; ///< the current customer's address bounced
};

} // namespace Gavel::Models::Demo
