#pragma once

#include "asof.h"
#include "result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <optional>

namespace Gavel::Models {

class Database;

/// A rule-based group of customers, as stored in `segments`.
struct Segment
{
    qint64 id = 0;
    QString code; ///< stable key ("rfm_best", "lapsed_buyers", "buyers_OM")
    QString name;
    QString description;
    QString rule; ///< JSON, see SegmentStore
    QDateTime computedAt;
};

/// A customer's membership of a segment.
struct SegmentMembership
{
    Segment segment;
    QDateTime since; ///< the recalculation that first put the customer in it
};

/// What a recalculation did.
struct SegmentRecomputeSummary
{
    qint64 customersScored = 0; ///< customers with an RFM score
    int segments = 0;
    qint64 memberships = 0;     ///< customer-in-segment pairs after the run
    double seconds = 0;
};

/// Rule-based segments: definitions as data (segments.rule), members computed set-based in
/// SQL and cached in segment_members, so that the profile and the customer list read them
/// with an index. A recalculation scores RFM first (models/rfm.h), then every segment.
///
/// A rule is a JSON object with a "kind":
/// - {"kind": "rfm", "segment": CODE}: the customers whose RFM segment is CODE;
/// - {"kind": "lapsed_buyer", "days": N}: bought before, but not in the last N days (their
///   RFM recency is more than N);
/// - {"kind": "top_consignor", "percent": P}: consignors ranked by the hammer total of their
///   consigned lots sold (house currency); those ranked in the top P % (at least the first;
///   ties at the boundary are all in);
/// - {"kind": "department_buyer", "department": CODE, "days": N}: bought a lot of the
///   department in a sale that started in the N days up to the as-of day.
/// Every department gets a department_buyer segment ("buyers_" + its code) when segments
/// are recalculated; the other defaults are created once and can then be edited as data.
class SegmentStore final
{
    Q_DECLARE_TR_FUNCTIONS(SegmentStore)

public:
    /// Reports progress; returns false to stop (the recalculation then changes nothing).
    using Progress = std::function<bool(qint64 done, qint64 total, const QString &stage)>;

    explicit SegmentStore(const Database &database);

    /// Every segment, by name.
    Result<QList<Segment>> all();
    Result<std::optional<Segment>> byCode(const QString &code);
    /// The segments the customer is in, by name.
    Result<QList<SegmentMembership>> forCustomer(qint64 customerId);

    /// When the segments were last recalculated; invalid if never.
    Result<QDateTime> lastComputedAt();

    /// Creates the default segments that are missing (idempotent).
    Status ensureDefaults();

    /// Scores RFM and recomputes every segment's members as of `asOf`, in one transaction:
    /// readers see the old results until it commits. A customer who stays in a segment
    /// keeps their `since`. Stopped through `progress`: ErrorKind::Cancelled, nothing changed.
    Result<SegmentRecomputeSummary> recompute(const AsOf &asOf, const Progress &progress = {});

private:
    struct MemberQuery
    {
        QString select; ///< SELECT customer_id …
        QVariantList values;
    };
    Result<MemberQuery> memberQuery(const Segment &segment, const AsOf &asOf, const QString &houseCurrency) const;
    Status refreshMembers(const Segment &segment, const MemberQuery &members, qint64 now);
    Status insertIfMissing(const QString &code, const QString &name, const QString &description,
                           const QJsonObject &rule, qint64 now);

    QSqlDatabase m_db;
    const Database &m_database;
    QString m_actor;
};

} // namespace Gavel::Models
