#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <functional>

namespace Gavel::Models {

class Database;

/// A structured filter of the customer list, applied in SQL next to the search words so
/// that keyset paging and the count stay exact. Each condition that is set must hold (AND).
/// Add a field, its condition in sqlCondition() and its prefix in fromPlaceText() for a new
/// kind of filter.
struct CustomerFilter
{
    Q_DECLARE_TR_FUNCTIONS(CustomerFilter)

public:
    enum class Vip { Any, Only, Not };
    enum class Contactable { Any, ByEmail, BySms };

    qint64 labelId = 0;      ///< customers with this label (labels.id)
    qint64 segmentId = 0;    ///< members of this segment (segments.id)
    qint64 tagId = 0;        ///< customers with this tag, in any state but removed (tags.id)
    qint64 departmentId = 0; ///< registered to or active in this department (departments.id)
    Vip vip = Vip::Any;
    QString subscribedChannel; ///< subscribed to something on this channel ("email", "sms"…)
    /// E-mail or SMS campaigns can reach them (the eligibility of their checked contacts).
    Contactable contactable = Contactable::Any;
    /// What the list says it shows ("Label “Museum contact”, VIP").
    QString description;
    /// The place text that gives this filter back ("label:Museum contact; vip:yes").
    QString placeText;

    bool isEmpty() const
    {
        return labelId == 0 && segmentId == 0 && tagId == 0 && departmentId == 0 && vip == Vip::Any && subscribedChannel.isEmpty() &&
               contactable == Contactable::Any;
    }

    /// A clause of the filter (contactable has no size bound and reads no link table).
    enum class Clause { Label, Segment, Tag, Department, Vip, Subscribed };

    /// How a clause on a link table (label, segment, tag, department, subscription) is
    /// written: as a list, `id IN (SELECT customer_id …)`, read whole once, which the
    /// engine can drive the query from (the right form for the smallest clause); or as a
    /// probe, `EXISTS (…)` for each customer looked at, through the link table's index by
    /// customer, which reads nothing for customers that are never looked at (every other
    /// clause: a department's 140,000 members need not be listed to check 20,000 VIPs).
    enum class LinkForm { List, Probe };

    /// The condition on the customers table (its `id` column), or empty when there is none;
    /// the bound values are appended to `values` in order. `form` says how each link-table
    /// clause is written; without it, every one is a list.
    QString sqlCondition(QVariantList *values, const std::function<LinkForm(Clause)> &form = {}) const;

    /// A statement that counts, from an index alone, a superset of one clause's customers.
    struct SizeBound
    {
        Clause clause;
        QString statement;
        QVariantList values;
    };
    /// One per clause that has such a count (a few milliseconds at a million customers):
    /// the smallest bounds the filter's size. Contactable has none.
    QList<SizeBound> sizeBounds() const;

    /// Whether a customer-list place's text is a filter ("label:…", "segment:…", "tag:…") rather
    /// than search words.
    static bool isFilterText(const QString &text);
    /// The channels a subscription filter accepts, in the order they are offered.
    static const QStringList &channels();
    /// The filter of a place's text: clauses separated by "; ", all of which must hold:
    /// "label:NAME" (a label, by name, ignoring case), "segment:CODE" (a segment, by code),
    /// "tag:NAME" (a tag, by name, ignoring case),
    /// "department:CODE", "vip:yes" or "vip:no", "subscribed:CHANNEL", "contactable:email" or
    /// "contactable:sms". ErrorKind::NotFound
    /// names what does not exist; ErrorKind::Invalid for text that is not a filter.
    static Result<CustomerFilter> fromPlaceText(const Database &database, const QString &text);

    friend bool operator==(const CustomerFilter &a, const CustomerFilter &b)
    {
        return a.labelId == b.labelId && a.segmentId == b.segmentId && a.tagId == b.tagId && a.departmentId == b.departmentId &&
               a.vip == b.vip && a.subscribedChannel == b.subscribedChannel && a.contactable == b.contactable;
    }
    friend bool operator!=(const CustomerFilter &a, const CustomerFilter &b) { return !(a == b); }
};

} // namespace Gavel::Models
