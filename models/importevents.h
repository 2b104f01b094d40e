#pragma once

#include "eventkind.h"
#include "importsink.h"

namespace Gavel::Models {

/// Writes imported timeline events. Each event's id is derived from what makes it unique
/// (kind, customer, time and the `key` the importer gives: a lot, a campaign, a URL), so
/// importing the same file again writes nothing new.
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

    Status add(qint64 customerId, qint64 ts, EventKind kind, const QString &key, const Refs &refs);
    Result<qint64> flush();

private:
    ImportSink m_sink;
    qint64 m_flushed = 0;
};

} // namespace Gavel::Models
