#include "segmentstore.h"

#include "database.h"
#include "epoch.h"
#include "metricsstore.h"
#include "rfm.h"
#include "settingsstore.h"
#include "sql.h"
#include "transaction.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QUuid>

namespace Gavel::Models {

namespace {

constexpr int kLapsedDays = 730;
constexpr int kTopConsignorPercent = 10;
constexpr int kDepartmentBuyerDays = 1095;

const QString kSegmentColumns = QStringLiteral("sg.id, sg.code, sg.name, sg.description, sg.rule, sg.computed_at");

Segment readSegment(const QSqlQuery &query)
{
    Segment segment;
    segment.id = query.value(0).toLongLong();
    segment.code = query.value(1).toString();
    segment.name = query.value(2).toString();
    segment.description = query.value(3).toString();
    segment.rule = query.value(4).toString();
    segment.computedAt = fromEpoch(query.value(5));
    return segment;
}

Result<QList<Segment>> readSegments(Result<QSqlQuery> query)
{
    if (!query) {
        return query.error();
    }
    QList<Segment> segments;
    while (query->next()) {
        segments << readSegment(*query);
    }
    return segments;
}

/// A positive whole number from the rule, or 0.
qint64 positive(const QJsonObject &rule, const char *key)
{
    const QJsonValue value = rule.value(QLatin1String(key));
    const qint64 number = value.isDouble() ? value.toInteger(-1) : -1;
    return number > 0 ? number : 0;
}

} // namespace

SegmentStore::SegmentStore(const Database &database)
    : m_db(database.connection()), m_database(database), m_actor(database.actor())
{
}

Result<QList<Segment>> SegmentStore::all()
{
    return readSegments(Sql::exec(m_db, QStringLiteral("SELECT ") + kSegmentColumns +
                                            QStringLiteral(" FROM segments sg ORDER BY sg.name, sg.id"),
                                  {}, QStringLiteral("reading the segments")));
}

Result<std::optional<Segment>> SegmentStore::byCode(const QString &code)
{
    auto segments = readSegments(Sql::exec(m_db, QStringLiteral("SELECT ") + kSegmentColumns +
                                                     QStringLiteral(" FROM segments sg WHERE sg.code = ?"),
                                           {code}, QStringLiteral("looking up the segment “%1”").arg(code)));
    if (!segments) {
        return segments.error();
    }
    return segments->isEmpty() ? std::optional<Segment>() : std::optional<Segment>(segments->constFirst());
}

Result<QList<SegmentMembership>> SegmentStore::forCustomer(qint64 customerId)
{
    auto query = Sql::exec(m_db,
                           QStringLiteral("SELECT ") + kSegmentColumns +
                               QStringLiteral(", sm.since FROM segment_members sm JOIN segments sg ON sg.id = sm.segment_id"
                                              " WHERE sm.customer_id = ? ORDER BY sg.name, sg.id"),
                           {customerId}, QStringLiteral("reading the customer's segments"));
    if (!query) {
        return query.error();
    }
    QList<SegmentMembership> memberships;
    while (query->next()) {
        memberships << SegmentMembership{readSegment(*query), fromEpoch(query->value(6))};
    }
    return memberships;
}

Result<QDateTime> SegmentStore::lastComputedAt()
{
    auto latest = Sql::scalar(m_db, QStringLiteral("SELECT max(computed_at) FROM segments"), {},
                              QStringLiteral("reading when the segments were recalculated"));
    if (!latest) {
        return latest.error();
    }
    return fromEpoch(*latest);
}

Status SegmentStore::insertIfMissing(const QString &code, const QString &name, const QString &description,
                                     const QJsonObject &rule, qint64 now)
{
    auto inserted = Sql::exec(m_db,
                              QStringLiteral("INSERT INTO segments (uuid, code, name, description, rule, updated_at,"
                                             " updated_by) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING"),
                              {QUuid::createUuid().toString(QUuid::WithoutBraces), code, name, description,
                               QString::fromUtf8(QJsonDocument(rule).toJson(QJsonDocument::Compact)), now, m_actor},
                              QStringLiteral("creating the segment “%1”").arg(name));
    if (!inserted) {
        return inserted.error();
    }
    return {};
}

Status SegmentStore::ensureDefaults()
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (const QString &code : Rfm::segmentCodes()) {
        if (Status status = insertIfMissing(QStringLiteral("rfm_") + code, Rfm::segmentName(code),
                                            Rfm::segmentDescription(code),
                                            {{QStringLiteral("kind"), QStringLiteral("rfm")},
                                             {QStringLiteral("segment"), code}},
                                            now);
            !status) {
            return status;
        }
    }
    if (Status status = insertIfMissing(
            QStringLiteral("lapsed_buyers"), tr("Lapsed buyers"),
            tr("Bought before, but not in the last %1 days.").arg(kLapsedDays),
            {{QStringLiteral("kind"), QStringLiteral("lapsed_buyer")}, {QStringLiteral("days"), kLapsedDays}}, now);
        !status) {
        return status;
    }
    if (Status status = insertIfMissing(
            QStringLiteral("top_consignors"), tr("Top consignors"),
            tr("The top %1 % of consignors by the hammer total of their lots sold.").arg(kTopConsignorPercent),
            {{QStringLiteral("kind"), QStringLiteral("top_consignor")},
             {QStringLiteral("percent"), kTopConsignorPercent}},
            now);
        !status) {
        return status;
    }
    auto departments = MetricsStore(m_database).departments();
    if (!departments) {
        return departments.error();
    }
    for (const DepartmentRef &department : std::as_const(*departments)) {
        if (Status status = insertIfMissing(
                QStringLiteral("buyers_") + department.code, tr("%1 buyers").arg(department.name),
                tr("Bought a lot in %1 in the last %2 days.").arg(department.name).arg(kDepartmentBuyerDays),
                {{QStringLiteral("kind"), QStringLiteral("department_buyer")},
                 {QStringLiteral("department"), department.code},
                 {QStringLiteral("days"), kDepartmentBuyerDays}},
                now);
            !status) {
            return status;
        }
    }
    return {};
}

Result<SegmentStore::MemberQuery> SegmentStore::memberQuery(const Segment &segment, const AsOf &asOf,
                                                            const QString &houseCurrency) const
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(segment.rule.toUtf8(), &parseError);
    const QJsonObject rule = document.object();
    const QString kind = rule.value(QStringLiteral("kind")).toString();
    const auto invalid = [&](const QString &why) {
        return Error::make(ErrorKind::Invalid,
                           tr("The rule of the segment “%1” (%2) cannot be used: %3").arg(segment.name, segment.code, why),
                           segment.rule);
    };
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return invalid(tr("it is not a JSON object."));
    }
    if (kind == u"rfm") {
        const QString code = rule.value(QStringLiteral("segment")).toString();
        if (!Rfm::segmentCodes().contains(code)) {
            return invalid(tr("“%1” is not an RFM segment.").arg(code));
        }
        return MemberQuery{QStringLiteral("SELECT customer_id FROM customer_rfm WHERE segment = ?"), {code}};
    }
    if (kind == u"lapsed_buyer") {
        const qint64 days = positive(rule, "days");
        if (days == 0) {
            return invalid(tr("it needs a number of days."));
        }
        return MemberQuery{QStringLiteral("SELECT customer_id FROM customer_rfm WHERE recency_days > ?"), {days}};
    }
    if (kind == u"top_consignor") {
        const qint64 percent = positive(rule, "percent");
        if (percent == 0 || percent > 100) {
            return invalid(tr("it needs a percentage from 1 to 100."));
        }
        // RANK gives ties the same place, so a tie at the boundary is all in or all out
        // by where it starts; the first place is always in.
        return MemberQuery{
            QStringLiteral("SELECT customer_id FROM (SELECT c.customer_id,"
                           " RANK() OVER (ORDER BY sum(l.hammer_minor) DESC) AS place, count(*) OVER () AS n"
                           " FROM consignments c JOIN lots l ON l.consignment_id = c.id JOIN sales s ON s.id = l.sale_id"
                           " WHERE l.status = 'sold' AND l.currency = ? AND l.hammer_minor > 0 AND s.starts_at < ?"
                           " GROUP BY c.customer_id) ranked WHERE place = 1 OR place * 100 <= ? * n"),
            {houseCurrency, asOf.endEpoch(), percent}};
    }
    if (kind == u"department_buyer") {
        const QString department = rule.value(QStringLiteral("department")).toString();
        const qint64 days = positive(rule, "days");
        if (department.isEmpty() || days == 0) {
            return invalid(tr("it needs a department code and a number of days."));
        }
        return MemberQuery{
            QStringLiteral("SELECT DISTINCT l.buyer_id AS customer_id FROM lots l JOIN sales s ON s.id = l.sale_id"
                           " JOIN departments d ON d.id = l.department_id WHERE d.code = ? AND l.status = 'sold'"
                           " AND l.buyer_id IS NOT NULL AND s.starts_at >= ? AND s.starts_at < ?"),
            {department, asOf.endEpoch() - days * AsOf::kDaySeconds, asOf.endEpoch()}};
    }
    return invalid(tr("the kind “%1” is unknown.").arg(kind));
}

Status SegmentStore::refreshMembers(const Segment &segment, const MemberQuery &members, qint64 now)
{
    const QString what = QStringLiteral("recalculating the segment “%1”").arg(segment.name);
    // Two set-based statements: those who left go, those who joined come with `since` =
    // now, and those who stay are not touched (they keep their since).
    auto left = Sql::exec(m_db,
                          QStringLiteral("DELETE FROM segment_members WHERE segment_id = ? AND customer_id NOT IN (") +
                              members.select + u')',
                          QVariantList{segment.id} + members.values, what);
    if (!left) {
        return left.error();
    }
    left->finish();
    auto joined = Sql::exec(m_db,
                            QStringLiteral("INSERT INTO segment_members (segment_id, customer_id, since)"
                                           " SELECT ?, m.customer_id, ? FROM (") +
                                members.select +
                                QStringLiteral(") m WHERE NOT EXISTS (SELECT 1 FROM segment_members x"
                                               " WHERE x.segment_id = ? AND x.customer_id = m.customer_id)"),
                            QVariantList{segment.id, now} + members.values + QVariantList{segment.id}, what);
    if (!joined) {
        return joined.error();
    }
    return {};
}

Result<SegmentRecomputeSummary> SegmentStore::recompute(const AsOf &asOf, const Progress &progress)
{
    QElapsedTimer timer;
    timer.start();
    const auto report = [&](qint64 done, qint64 total, const QString &stage) {
        return !progress || progress(done, total, stage);
    };
    const auto cancelled = [] { return Error::make(ErrorKind::Cancelled, tr("Stopped; the segments were left as they were.")); };

    Transaction transaction(m_db);
    if (!transaction.isActive()) {
        return transaction.error();
    }
    const QString currency = SettingsStore(m_database).houseCurrency();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (Status status = ensureDefaults(); !status) {
        return status.error();
    }
    auto segments = all();
    if (!segments) {
        return segments.error();
    }
    const qint64 steps = segments->size() + 1;

    SegmentRecomputeSummary summary;
    if (!report(0, steps, tr("Scoring customers (RFM)…"))) {
        return cancelled();
    }
    auto scored = Rfm(m_database).recompute(asOf, currency);
    if (!scored) {
        return scored.error();
    }
    summary.customersScored = *scored;

    qint64 done = 1;
    for (const Segment &segment : std::as_const(*segments)) {
        if (!report(done, steps, tr("Segment “%1”…").arg(segment.name))) {
            return cancelled();
        }
        auto members = memberQuery(segment, asOf, currency);
        if (!members) {
            return members.error();
        }
        if (Status status = refreshMembers(segment, *members, now); !status) {
            return status.error();
        }
        ++done;
    }
    if (!report(done, steps, tr("Saving…"))) {
        return cancelled();
    }
    auto stamped = Sql::exec(m_db, QStringLiteral("UPDATE segments SET computed_at = ?"), {now},
                             QStringLiteral("recording the recalculation"));
    if (!stamped) {
        return stamped.error();
    }
    stamped->finish();
    auto count = Sql::scalar(m_db, QStringLiteral("SELECT count(*) FROM segment_members"), {},
                             QStringLiteral("counting the segment members"));
    if (!count) {
        return count.error();
    }
    if (Status status = transaction.commit(); !status) {
        return status.error();
    }
    summary.segments = static_cast<int>(segments->size());
    summary.memberships = count->toLongLong();
    summary.seconds = timer.elapsed() / 1000.0;
    return summary;
}

} // namespace Gavel::Models
