#pragma once

#include "labelstore.h"
#include "metricsstore.h"
#include "rfm.h"
#include "segmentstore.h"

#include <QJsonObject>

namespace Gavel::Models {

/// Everything the profile's Overview shows about one customer as of a day: the nine key
/// metrics for all departments and each, the purchase metrics, RFM, house credit, labels,
/// segments and spend per year. Read together (a handful of aggregate queries), so the
/// panel fills in at once and the export writes the same figures.
struct CustomerOverview
{
    /// Where the RFM score comes from: the stored one of the last recalculation (the
    /// profile, agreeing with the segments shown beside it), or computed for `asOf` (an
    /// export as of a given day).
    enum class RfmSource { Stored, Live };

    QDate asOf;
    QString currency; ///< the house currency every amount is in
    QList<DepartmentRef> departments;
    std::map<qint64, KeyMetrics> metrics; ///< MetricsStore::kAllDepartments and department ids
    PurchaseMetrics purchases;
    std::optional<RfmScore> rfm;       ///< as the RfmSource asked
    std::optional<RfmScore> storedRfm; ///< from the last recalculation (shown beside the segments)
    LoyaltyBalances loyalty;
    QList<Label> labels;
    QList<SegmentMembership> segments;
    QList<SpendPoint> spend;

    /// The metrics of a department (kAllDepartments for all); all empty when it has none.
    const KeyMetrics &metricsFor(qint64 departmentId) const;
    /// The department's name; empty for 0 or an unknown id.
    QString departmentName(qint64 departmentId) const;

    static Result<CustomerOverview> load(const Database &database, qint64 customerId, QDate asOf, RfmSource rfm);

    /// The export's "overview" section. Money is {"currency", "minor"}, dates "YYYY-MM-DD",
    /// ratios numbers from 0 to 1; a figure shown "—" is null. keyMetrics has an entry for
    /// all departments ("department": null) and one per department.
    QJsonObject toJson() const;
};

} // namespace Gavel::Models
