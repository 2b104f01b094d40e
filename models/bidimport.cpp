#include "bidimport.h"

#include "database.h"
#include "importresolver.h"
#include "importvalues.h"
#include "money.h"
#include "preparedstatements.h"

#include <QCoreApplication>

namespace Gavel::Models {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("BidImport", text);
}

std::optional<QString> channelOf(const QString &text)
{
    const QString key = text.trimmed().toLower();
    if (key.isEmpty() || key == u"online" || key == u"internet" || key == u"web") {
        return QStringLiteral("online");
    }
    if (key == u"room" || key == u"floor" || key == u"saleroom") {
        return QStringLiteral("room");
    }
    if (key == u"phone" || key == u"telephone") {
        return QStringLiteral("phone");
    }
    if (key == u"absentee" || key == u"commission" || key == u"book") {
        return QStringLiteral("absentee");
    }
    return std::nullopt;
}

} // namespace

BidImport::BidImport(ImportSession &session)
    : m_session(session), m_bids(session.kind == ImportKind::Bids), m_events(session.database),
      m_statements(session.database.connection())
{
    m_sale = field("sale_no");
    m_lot = field("lot_no");
    m_customer = field("customer");
    if (m_bids) {
        m_amount = field("amount");
        m_placedAt = field("placed_at");
        m_winning = field("winning");
        m_channel = field("channel");
        m_currency = field("currency");
        m_sink = std::make_unique<ImportSink>(session.database, QStringLiteral("bids"),
                                              QStringList{QStringLiteral("lot_id"), QStringLiteral("customer_id"),
                                                          QStringLiteral("amount_minor"), QStringLiteral("currency"),
                                                          QStringLiteral("placed_at"), QStringLiteral("channel"),
                                                          QStringLiteral("is_winning")});
        m_sink->setOrder({QStringLiteral("lot_id"), QStringLiteral("customer_id"), QStringLiteral("amount_minor"),
                          QStringLiteral("placed_at")});
    } else {
        m_addedAt = field("added_at");
        m_sink = std::make_unique<ImportSink>(
            session.database, QStringLiteral("wishlists"),
            QStringList{QStringLiteral("customer_id"), QStringLiteral("lot_id"), QStringLiteral("added_at")});
        m_sink->setOrder({QStringLiteral("customer_id"), QStringLiteral("lot_id")});
    }
}

Result<RowResult> BidImport::handle(const ImportRow &row)
{
    const QString saleNo = row.value(m_sale);
    const QString lotNo = row.value(m_lot);
    if (saleNo.isEmpty()) {
        return RowResult::rejected(m_sale, tr("The sale number is missing."));
    }
    if (lotNo.isEmpty()) {
        return RowResult::rejected(m_lot, tr("The lot number is missing."));
    }
    const QString customerRef = row.value(m_customer);
    if (customerRef.isEmpty()) {
        return RowResult::rejected(m_customer, tr("The customer's ID or e-mail is missing."));
    }
    auto lot = m_session.resolver.lot(saleNo, lotNo);
    if (!lot) {
        return lot.error();
    }
    if (!lot->has_value()) {
        return RowResult::rejected(
            m_lot, tr("There is no lot %1 in sale %2; import the sale's lots first.").arg(lotNo, saleNo));
    }
    auto customer = m_session.resolver.customer(customerRef);
    if (!customer) {
        return customer.error();
    }
    if (*customer == 0) {
        return RowResult::rejected(m_customer, tr("There is no customer “%1”.").arg(customerRef));
    }
    const ImportResolver::Lot &target = **lot;

    if (!m_bids) {
        qint64 addedAt = target.saleStartsAt;
        if (const QString text = row.value(m_addedAt); !text.isEmpty()) {
            const auto at = ImportValues::dateTime(text);
            if (!at) {
                return RowResult::rejected(m_addedAt, tr("“%1” is not a date.").arg(text));
            }
            addedAt = *at;
        }
        m_sink->setInt(0, *customer);
        m_sink->setInt(1, target.id);
        m_sink->setInt(2, addedAt);
        if (Status status = m_sink->add(); !status) {
            return status.error();
        }
        PendingEvent event;
        event.row = m_sink->lastRowIndex();
        event.customer = *customer;
        event.ts = addedAt;
        event.kind = EventKind::WishlistAdded;
        event.refs.sale = target.saleId;
        event.refs.lot = target.id;
        m_pendingEvents.push_back(std::move(event));
        return RowResult::added();
    }

    QString currency = row.value(m_currency).toUpper();
    if (currency.isEmpty()) {
        currency = target.currency;
    }
    const QString amountText = row.value(m_amount);
    const auto amount = ImportValues::money(amountText, currencyDecimals(currency));
    if (!amount || *amount <= 0) {
        return RowResult::rejected(m_amount, amountText.isEmpty() ? tr("The bid is missing.")
                                                                  : tr("“%1” is not an amount.").arg(amountText));
    }
    qint64 placedAt = target.saleStartsAt;
    if (const QString text = row.value(m_placedAt); !text.isEmpty()) {
        const auto at = ImportValues::dateTime(text);
        if (!at) {
            return RowResult::rejected(m_placedAt, tr("“%1” is not a date and time.").arg(text));
        }
        placedAt = *at;
    }
    const auto channel = channelOf(row.value(m_channel));
    if (!channel) {
        return RowResult::rejected(
            m_channel, tr("“%1” is not a bidding channel (room, phone, absentee, online).").arg(row.value(m_channel)));
    }
    const auto winning = ImportValues::flag(row.value(m_winning));
    if (!winning) {
        return RowResult::rejected(m_winning, tr("“%1” is neither yes nor no.").arg(row.value(m_winning)));
    }
    m_sink->setInt(0, target.id);
    m_sink->setInt(1, *customer);
    m_sink->setInt(2, *amount);
    m_sink->setText(3, currency);
    m_sink->setInt(4, placedAt);
    m_sink->setText(5, *channel);
    m_sink->setInt(6, *winning ? 1 : 0);
    if (Status status = m_sink->add(); !status) {
        return status.error();
    }
    PendingEvent event;
    event.row = m_sink->lastRowIndex();
    event.customer = *customer;
    event.ts = placedAt;
    event.amount = *amount;
    event.refs.sale = target.saleId;
    event.refs.lot = target.id;
    event.refs.amount = *amount;
    event.refs.currency = currency;
    if (*winning) {
        if (Status status = m_events.add(*customer, placedAt, EventKind::LotWon, QStringView(), event.refs); !status) {
            return status.error();
        }
        m_winners.push_back({target.id, *customer, *amount, placedAt});
    }
    m_pendingEvents.push_back(std::move(event));
    return RowResult::added();
}

Result<qint64> BidImport::endBatch()
{
    if (Status status = m_sink->flush(); !status) {
        return status.error();
    }
    // A bid or entry already there got its event when it was written (on SQLite the sink
    // tells which rows were new; on PostgreSQL the event's id leaves it out instead).
    for (const PendingEvent &event : m_pendingEvents) {
        if (!m_sink->rowNew(event.row)) {
            continue;
        }
        const Status status = event.kind == EventKind::BidPlaced
                                  ? m_events.add(event.customer, event.ts, event.kind, event.amount, event.refs)
                                  : m_events.add(event.customer, event.ts, event.kind, QStringView(), event.refs);
        if (!status) {
            return status.error();
        }
    }
    m_pendingEvents.clear();
    auto events = m_events.flush();
    if (!events) {
        return events.error();
    }
    // A winning bid: the bid is marked (also when it was imported before as an ordinary
    // bid) and the lot is sold to the bidder at that hammer price.
    for (const Winner &winner : m_winners) {
        auto marked = m_statements.exec(
            QStringLiteral("UPDATE bids SET is_winning = 1 WHERE lot_id = ? AND customer_id = ?"
                           " AND amount_minor = ? AND placed_at = ? AND is_winning = 0"),
            {winner.lot, winner.customer, winner.amount, winner.placedAt}, tr("marking the winning bid"));
        if (!marked) {
            return marked.error();
        }
        auto sold = m_statements.exec(
            QStringLiteral("UPDATE lots SET status = 'sold', buyer_id = ?, hammer_minor = ?"
                           " WHERE id = ? AND (buyer_id IS NULL OR buyer_id <> ? OR hammer_minor IS NULL"
                           " OR hammer_minor <> ? OR status <> 'sold')"),
            {winner.customer, winner.amount, winner.lot, winner.customer, winner.amount}, tr("marking the lot sold"));
        if (!sold) {
            return sold.error();
        }
    }
    m_winners.clear();
    // On SQLite rows are counted as they are written, on PostgreSQL at the flush: count
    // since the last batch either way.
    const qint64 inserted = m_sink->rowsInserted() - m_countedRows;
    m_countedRows = m_sink->rowsInserted();
    return inserted;
}

} // namespace Gavel::Models
