#include "demodraft.h"

namespace Gavel::Models::Demo {

namespace {

constexpr quint64 kCustomerStream = 0x43555354; // "CUST"

} // namespace

Draft::Draft(quint32 index_, qint64 id_, quint64 seed)
    : index(index_), id(id_), random(SeededRandom::derived(seed, kCustomerStream, index_))
{
}

EventRow &Draft::event(EventKind kind, qint64 ts)
{
    EventRow &row = events.emplace_back();
    row.customer = id;
    row.ts = ts;
    row.id = nextEventId();
    row.kind = static_cast<int>(kind);
    return row;
}

bool Draft::subscribed(Channel channel, int category, qint64 at) const
{
    if (category < 0) {
        return true; // messages outside the subscription categories (a welcome)
    }
    const Subscription &state = subscriptions[static_cast<std::size_t>(channel)][static_cast<std::size_t>(category)];
    return state.since > 0 && state.since <= at && (state.unsubscribedAt == 0 || at < state.unsubscribedAt);
}

QString jsonString(const QString &text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += u'"';
    for (const QChar c : text) {
        if (c == u'"' || c == u'\\') {
            out += u'\\';
            out += c;
        } else if (c.unicode() < 0x20) {
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        } else {
            out += c;
        }
    }
    out += u'"';
    return out;
}

qint64 between(SeededRandom &random, qint64 from, qint64 to)
{
    return to > from ? from + static_cast<qint64>(random.below(static_cast<quint64>(to - from))) : from;
}

} // namespace Gavel::Models::Demo
