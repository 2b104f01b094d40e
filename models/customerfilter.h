#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QString>
#include <QVariantList>

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
    qint64 labelId = 0;   ///< customers with this label (labels.id)
    qint64 segmentId = 0; ///< members of this segment (segments.id)
    qint64 tagId = 0;     ///< customers who have this tag, active or starred (tags.id)
    /// What the list says it shows ("Label “Museum contact”").
    QString description;

    bool isEmpty() const { return labelId == 0 && segmentId == 0 && tagId == 0; }

    /// The condition on the customers table (its `id` column), or empty when there is none;
    /// the bound values are appended to `values` in order.
    QString sqlCondition(QVariantList *values) const;

    /// Whether a customer-list place's text is a filter ("label:…", "segment:…", "tag:…") rather
    /// than search words.
    static bool isFilterText(const QString &text);
    /// The filter of a place's text: "label:NAME" (a label, by name, ignoring case) or
    /// "segment:CODE" (a segment, by code) or "tag:NAME" (a customer tag, by name, ignoring
    /// case). ErrorKind::NotFound names what does not exist;
    /// ErrorKind::Invalid for text that is not a filter.
    static Result<CustomerFilter> fromPlaceText(const Database &database, const QString &text);

    friend bool operator==(const CustomerFilter &a, const CustomerFilter &b)
    {
        return a.labelId == b.labelId && a.segmentId == b.segmentId && a.tagId == b.tagId;
    }
    friend bool operator!=(const CustomerFilter &a, const CustomerFilter &b) { return !(a == b); }
};

} // namespace Gavel::Models
