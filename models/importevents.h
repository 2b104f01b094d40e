#pragma once

#include "eventkind.h"
#include "importsink.h"

#include <QCryptographicHash>

#include <optional>
#include <string>
#include <vector>

namespace Gavel::Models {

/// Writes imported timeline events. Each event's id is derived from what makes it unique
/// (kind, customer, time and the `key` the importer gives: a lot, a campaign, a URL), so
/// importing the same file again writes nothing new.
///
/// Events are kept until flush() and written sorted by (customer, time, id), the timeline's
/// clustered key: each customer's events of the batch land on the same pages one after
/// the other instead of all over the file.
class ImportEvents final
{
public:
    explicit ImportEvents(Database &database);

    struct Refs
    {
        qint64 campaign = 0;
        qint64 sale = 0;
        qint64 lot = 0;
        qint64 invoice = 0;
        std::optional<qint64> amount;
        QString currency;
        QString info;
    };

    Status add(qint64 customerId, qint64 ts, EventKind kind, QStringView key, const Refs &refs);
    /// The same with a number for the key (a bid's amount): nothing is formatted per row.
    Status add(qint64 customerId, qint64 ts, EventKind kind, qint64 numberKey, const Refs &refs);
    /// Writes the events added since the last flush; returns how many were new.
    Result<qint64> flush();

    /// The event id for these parts: ImportValues::stableId() of "kind|customer|ts|key",
    /// computed without building the text. Ids of earlier imports stay the same, so
    /// importing an old file again into an old database adds nothing.
    qint64 idOf(EventKind kind, qint64 customerId, qint64 ts, QStringView key);
    qint64 idOf(EventKind kind, qint64 customerId, qint64 ts, qint64 numberKey);

private:
    struct Event
    {
        qint64 customer = 0;
        qint64 ts = 0;
        qint64 id = 0;
        int kind = 0;
        qint64 campaign = 0;
        qint64 sale = 0;
        qint64 lot = 0;
        qint64 invoice = 0;
        std::optional<qint64> amount;
        QString currency;
        QString info;
    };

    void startId(EventKind kind, qint64 customerId, qint64 ts);
    qint64 finishId();
    void push(qint64 customerId, qint64 ts, qint64 id, EventKind kind, const Refs &refs);

    ImportSink m_sink;
    std::vector<Event> m_pending;
    QCryptographicHash m_hash{QCryptographicHash::Sha1};
    std::string m_idText;
    qint64 m_flushed = 0;
};

} // namespace Gavel::Models
