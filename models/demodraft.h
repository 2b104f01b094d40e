#pragma once

#include "demopeople.h"
#include "demoprofiles.h"
#include "demorows.h"
#include "eventkind.h"
#include "seededrandom.h"

#include <array>
#include <functional>

namespace Gavel::Models::Demo {

/// One customer while they are being made: who they are, and what has happened so far that
/// later parts of their history depend on (their invoices for promo codes, the lots they
/// engaged with for their tags, their subscriptions for their mailings…).
struct Draft
{
    Draft(quint32 index, qint64 id, quint64 seed);

    quint32 index;
    qint64 id;
    SeededRandom random;
    Profile profile;
    Person person;
    QString customerNo;

    std::vector<EventRow> events;
    /// Adds an event; `nextEventId` makes its id.
    EventRow &event(EventKind kind, qint64 ts);
    std::function<qint64()> nextEventId;

    struct Engagement
    {
        quint32 lot;
        int weight; ///< per mille of a plain view
        qint64 at;
    };
    std::vector<Engagement> engaged;
    std::vector<quint32> wishlisted;
    bool hasBids = false;

    struct InvoiceRef
    {
        qint64 id = 0;
        QString number;
        qint64 issuedAt = 0;
        qint64 paidAt = 0; ///< 0: not paid
        qint64 total = 0;
        qint64 hammer = 0; ///< 0 for shop orders
        bool cancelled = false;
        bool overdue = false;
    };
    std::vector<InvoiceRef> invoices;
    qint64 totalSpent = 0;
    int lotsWon = 0;
    std::vector<std::pair<int, qint64>> departmentsWon; ///< department, first win

    /// Subscriptions: [channel][category] → since when subscribed (0 = not), and whether the
    /// customer left it.
    struct Subscription
    {
        qint64 since = 0;
        qint64 unsubscribedAt = 0;
        QString source;
    };
    std::array<std::array<Subscription, 5>, 4> subscriptions{};
    bool subscribed(Channel channel, int category, qint64 at) const;

    std::vector<int> labels; ///< label indexes
    int mailings = 0;
    bool phoneBidder = false;
};

/// "a \"b\"" → a JSON string literal, for the small details objects.
QString jsonString(const QString &text);
/// A random moment in [from, to) (from when the range is empty).
qint64 between(SeededRandom &random, qint64 from, qint64 to);

} // namespace Gavel::Models::Demo
