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

    static Place customerList(const QString &filter = {}) { return {Kind::CustomerList, 0, filter}; }
    static Place customer(qint64 id) { return {Kind::Customer, id, {}}; }
    static Place of(Kind kind, qint64 id) { return {kind, id, {}}; }

    friend bool operator==(const Place &a, const Place &b)
    {
        return a.kind == b.kind && a.id == b.id && a.text == b.text;
    }
    friend bool operator!=(const Place &a, const Place &b) { return !(a == b); }
};

inline size_t qHash(const Place &place, size_t seed = 0)
{
    return qHashMulti(seed, static_cast<int>(place.kind), place.id, place.text);
}

} // namespace Gavel::Ui

Q_DECLARE_METATYPE(Gavel::Ui::Place)
