#include "importevents.h"

#include <algorithm>
#include <charconv>

namespace Gavel::Models {

namespace {

void appendNumber(std::string &out, qint64 value)
{
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    out.append(digits, static_cast<size_t>(end - digits));
}

} // namespace

ImportEvents::ImportEvents(Database &database)
    : m_sink(database, QStringLiteral("events"),
             {QStringLiteral("customer_id"), QStringLiteral("ts"), QStringLiteral("id"), QStringLiteral("kind"),
              QStringLiteral("campaign_id"), QStringLiteral("sale_id"), QStringLiteral("lot_id"),
              QStringLiteral("invoice_id"), QStringLiteral("amount_minor"), QStringLiteral("currency"),
              QStringLiteral("info")})
{
}

void ImportEvents::startId(EventKind kind, qint64 customerId, qint64 ts)
{
    m_idText.clear();
    appendNumber(m_idText, static_cast<int>(kind));
    m_idText += '|';
    appendNumber(m_idText, customerId);
    m_idText += '|';
    appendNumber(m_idText, ts);
    m_idText += '|';
}

qint64 ImportEvents::finishId()
{
    m_hash.reset();
    m_hash.addData(QByteArrayView(m_idText.data(), static_cast<qsizetype>(m_idText.size())));
    const QByteArrayView hash = m_hash.resultView();
    quint64 value = 0;
    for (int i = 0; i < 8; ++i) {
        value = (value << 8) | static_cast<unsigned char>(hash.at(i));
    }
    return static_cast<qint64>(value & 0x7FFFFFFFFFFFFFFFULL);
}

qint64 ImportEvents::idOf(EventKind kind, qint64 customerId, qint64 ts, QStringView key)
{
    startId(kind, customerId, ts);
    const size_t keyAt = m_idText.size();
    for (const QChar c : key) {
        if (c.unicode() >= 0x80) {
            const QByteArray utf8 = key.toUtf8();
            m_idText.resize(keyAt);
            m_idText.append(utf8.constData(), static_cast<size_t>(utf8.size()));
            return finishId();
        }
        m_idText += static_cast<char>(c.unicode());
    }
    return finishId();
}

qint64 ImportEvents::idOf(EventKind kind, qint64 customerId, qint64 ts, qint64 numberKey)
{
    startId(kind, customerId, ts);
    appendNumber(m_idText, numberKey);
    return finishId();
}

void ImportEvents::push(qint64 customerId, qint64 ts, qint64 id, EventKind kind, const Refs &refs)
{
    m_pending.push_back({customerId, ts, id, static_cast<int>(kind), refs.campaign, refs.sale, refs.lot, refs.invoice,
                         refs.amount, refs.currency, refs.info});
}

Status ImportEvents::add(qint64 customerId, qint64 ts, EventKind kind, QStringView key, const Refs &refs)
{
    push(customerId, ts, idOf(kind, customerId, ts, key), kind, refs);
    return {};
}

Status ImportEvents::add(qint64 customerId, qint64 ts, EventKind kind, qint64 numberKey, const Refs &refs)
{
    push(customerId, ts, idOf(kind, customerId, ts, numberKey), kind, refs);
    return {};
}

Result<qint64> ImportEvents::flush()
{
    std::sort(m_pending.begin(), m_pending.end(), [](const Event &a, const Event &b) {
        return std::tie(a.customer, a.ts, a.id) < std::tie(b.customer, b.ts, b.id);
    });
    const auto intOrNull = [this](int column, qint64 value) {
        if (value != 0) {
            m_sink.setInt(column, value);
        } else {
            m_sink.setNull(column);
        }
    };
    for (const Event &event : m_pending) {
        m_sink.setInt(0, event.customer);
        m_sink.setInt(1, event.ts);
        m_sink.setInt(2, event.id);
        m_sink.setInt(3, event.kind);
        intOrNull(4, event.campaign);
        intOrNull(5, event.sale);
        intOrNull(6, event.lot);
        intOrNull(7, event.invoice);
        if (event.amount) {
            m_sink.setInt(8, *event.amount);
            m_sink.setText(9, event.currency);
        } else {
            m_sink.setNull(8);
            m_sink.setNull(9);
        }
        // Sql::textOrNull's rule: empty info is NULL.
        if (event.info.isEmpty()) {
            m_sink.setNull(10);
        } else {
            m_sink.setText(10, event.info);
        }
        if (Status status = m_sink.add(); !status) {
            return status.error();
        }
    }
    m_pending.clear();
    if (Status status = m_sink.flush(); !status) {
        return status.error();
    }
    const qint64 added = m_sink.rowsInserted() - m_flushed;
    m_flushed = m_sink.rowsInserted();
    return added;
}

} // namespace Gavel::Models
