#pragma once

#include "eventkind.h"
#include "result.h"

#include <QList>
#include <QString>

namespace Gavel::Models {
class Database;
}

namespace Gavel::Tests {

/// A small auction house for timeline tests: three customers, a sale with lots and bids, an
/// invoice with lines, three mailings (one with the customer in its control group), and a
/// timeline for Alice with every kind of event, several in the same second across page
/// boundaries, and one pointing at a lot that no longer exists. Carol has events too, which
/// must never show in Alice's timeline.
struct ActivityFixture
{
    /// An event as inserted, with everything a text search may find in it.
    struct Event
    {
        qint64 ts = 0;
        qint64 id = 0;
        Models::EventKind kind = Models::EventKind::EmailSent;
        QString haystack; ///< names of what it refers to and its free text, for the test's own search
    };

    qint64 alice = 0;
    qint64 bob = 0;
    qint64 carol = 0;
    qint64 department = 0;
    qint64 category = 0;
    qint64 sale = 0;
    qint64 lotWon = 0;     ///< lot 12, bought by Alice after a bidding duel with Bob
    qint64 lotUnsold = 0;  ///< lot 13, unsold; Bob bid
    qint64 invoice = 0;    ///< INV-1001, Alice's, for lot 12
    qint64 spring = 0;     ///< e-mail mailing; Alice opened it 3 times and clicked twice
    qint64 autumn = 0;     ///< e-mail mailing; Alice was in its control group
    qint64 sms = 0;        ///< SMS mailing
    qint64 tag = 0;
    qint64 consignment = 0;
    qint64 note = 0;
    qint64 poll = 0;
    qint64 promo = 0;
    qint64 goneLot = 0;    ///< an id no lot has: an event still points at it
    qint64 base = 0;       ///< the newest event's time (UTC epoch seconds)
    qint64 clusterTs = 0;  ///< the second in which seven events happened
    QList<Event> aliceEvents; ///< newest first, as the timeline orders them

    /// Builds it all in `db` (empty, migrated).
    Models::Status build(Models::Database &db);

    /// Alice's events that pass a category test and contain every word (case-insensitive),
    /// newest first: the answer the test computes without SQL.
    QList<Event> expected(const QList<Models::EventCategory> &categories, const QString &words = {}) const;
};

} // namespace Gavel::Tests
