#pragma once

#include <QHashFunctions>
#include <QMetaType>
#include <QString>

namespace Gavel::Ui {

/// Somewhere the window can show: the customer list (optionally filtered), a customer's
/// profile, or the page of a lot, sale, campaign, invoice… Back and forward move between
/// places like a browser's history.
struct Place
{
    enum class Kind {
        CustomerList, ///< `text`: an optional filter ("tag:…", "label:…", "segment:…")
        Customer,     ///< `id`: customers.id
        Lot,          ///< `id`: lots.id
        Sale,         ///< `id`: sales.id
        Campaign,     ///< `id`: campaigns.id
        Invoice,      ///< `id`: invoices.id
        Poll,         ///< `id`: polls.id
    };

    Kind kind = Kind::CustomerList;
    qint64 id = 0;
    QString text;
    /// The customer whose profile the place was opened from (0: none): a mailing's page then
    /// shows that customer's opens and clicks, a lot's page highlights their bids.
    qint64 customerId = 0;

    static Place customerList(const QString &filter = {}) { return {Kind::CustomerList, 0, filter, 0}; }
    static Place customer(qint64 id) { return {Kind::Customer, id, {}, 0}; }
    static Place of(Kind kind, qint64 id, qint64 fromCustomer = 0) { return {kind, id, {}, fromCustomer}; }

    friend bool operator==(const Place &a, const Place &b)
    {
        return a.kind == b.kind && a.id == b.id && a.text == b.text && a.customerId == b.customerId;
    }
    friend bool operator!=(const Place &a, const Place &b) { return !(a == b); }
};

inline size_t qHash(const Place &place, size_t seed = 0)
{
    return qHashMulti(seed, static_cast<int>(place.kind), place.id, place.text, place.customerId);
}

} // namespace Gavel::Ui

Q_DECLARE_METATYPE(Gavel::Ui::Place)
