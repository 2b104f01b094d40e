#include "customeroverview.h"

#include "database.h"
#include "settingsstore.h"

#include <QJsonArray>

namespace Gavel::Models {

namespace {

QJsonValue money(const std::optional<qint64> &minor, const QString &currency)
{
    if (!minor) {
        return QJsonValue::Null;
    }
    return QJsonObject{{QStringLiteral("minor"), *minor}, {QStringLiteral("currency"), currency}};
}

template<typename T>
QJsonValue orNull(const std::optional<T> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonValue date(const QDate &day)
{
    return day.isValid() ? QJsonValue(day.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QJsonValue time(const QDateTime &at)
{
    return at.isValid() ? QJsonValue(at.toUTC().toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QJsonObject keyMetricsJson(const KeyMetrics &m, const QJsonValue &department, const QString &currency)
{
    return {
        {QStringLiteral("department"), department},
        {QStringLiteral("totalSpent"), money(m.totalSpentMinor, currency)},
        {QStringLiteral("lotsWon"), orNull(m.lotsWon)},
        {QStringLiteral("bidsPlaced"), orNull(m.bidsPlaced)},
        {QStringLiteral("lotsBidOn"), m.lotsBidOn},
        {QStringLiteral("lotsBidOnAndWon"), m.lotsBidOnAndWon},
        {QStringLiteral("winRate"), orNull(m.winRate)},
        {QStringLiteral("averageHammer"), money(m.averageHammerMinor, currency)},
        {QStringLiteral("salesParticipated"), orNull(m.salesParticipated)},
        {QStringLiteral("lotsConsigned"), orNull(m.lotsConsigned)},
        {QStringLiteral("consignedSold"), money(m.consignedSoldMinor, currency)},
        {QStringLiteral("emailsReceived"), m.emailsReceived},
        {QStringLiteral("emailsOpened"), m.emailsOpened},
        {QStringLiteral("emailEngagement"), orNull(m.emailEngagement)},
    };
}

} // namespace

const KeyMetrics &CustomerOverview::metricsFor(qint64 departmentId) const
{
    static const KeyMetrics none;
    const auto found = metrics.find(departmentId);
    return found == metrics.end() ? none : found->second;
}

QString CustomerOverview::departmentName(qint64 departmentId) const
{
    for (const DepartmentRef &department : departments) {
        if (department.id == departmentId) {
            return department.name;
        }
    }
    return {};
}

Result<CustomerOverview> CustomerOverview::load(const Database &database, qint64 customerId, QDate asOfDay,
                                                RfmSource rfmSource)
{
    const AsOf asOf = AsOf::resolve(asOfDay);
    CustomerOverview overview;
    overview.asOf = asOf.day;
    overview.currency = SettingsStore(database).houseCurrency();
    MetricsStore store(database);

    auto departments = store.departments();
    if (!departments) {
        return departments.error();
    }
    overview.departments = *departments;
    auto metrics = store.keyMetrics(customerId, asOf, overview.currency);
    if (!metrics) {
        return metrics.error();
    }
    overview.metrics = std::move(*metrics);
    auto purchases = store.purchaseMetrics(customerId, asOf, overview.currency);
    if (!purchases) {
        return purchases.error();
    }
    overview.purchases = *purchases;
    auto stored = Rfm(database).stored(customerId);
    if (!stored) {
        return stored.error();
    }
    overview.storedRfm = *stored;
    overview.rfm = overview.storedRfm;
    if (rfmSource == RfmSource::Live) {
        auto live = Rfm(database).live(customerId, asOf, overview.currency);
        if (!live) {
            return live.error();
        }
        overview.rfm = *live;
    }
    auto loyalty = store.loyalty(customerId, asOf, overview.currency);
    if (!loyalty) {
        return loyalty.error();
    }
    overview.loyalty = *loyalty;
    auto labels = LabelStore(database).forCustomer(customerId);
    if (!labels) {
        return labels.error();
    }
    overview.labels = *labels;
    auto segments = SegmentStore(database).forCustomer(customerId);
    if (!segments) {
        return segments.error();
    }
    overview.segments = *segments;
    auto spend = store.spendByYear(customerId, asOf, overview.currency);
    if (!spend) {
        return spend.error();
    }
    overview.spend = *spend;
    return overview;
}

QJsonObject CustomerOverview::toJson() const
{
    QJsonArray keyMetrics;
    keyMetrics << keyMetricsJson(metricsFor(MetricsStore::kAllDepartments), QJsonValue::Null, currency);
    for (const DepartmentRef &department : departments) {
        keyMetrics << keyMetricsJson(metricsFor(department.id), department.name, currency);
    }

    const PurchaseMetrics &p = purchases;
    const QJsonObject purchaseJson{
        {QStringLiteral("invoiceCount"), p.invoiceCount},
        {QStringLiteral("firstInvoiceDate"), date(p.firstInvoice)},
        {QStringLiteral("lastInvoiceDate"), date(p.lastInvoice)},
        {QStringLiteral("daysSinceFirstInvoice"), orNull(p.daysSinceFirst)},
        {QStringLiteral("daysSinceLastInvoice"), orNull(p.daysSinceLast)},
        {QStringLiteral("total"), money(p.totalMinor, currency)},
        {QStringLiteral("lastInvoiceTotal"), money(p.lastInvoiceTotalMinor, currency)},
        {QStringLiteral("averageInvoice"), money(p.averageInvoiceMinor, currency)},
        {QStringLiteral("averageLotsPerInvoice"), orNull(p.averageLotsPerInvoice)},
        {QStringLiteral("daysSinceRegistration"), orNull(p.daysSinceRegistration)},
        {QStringLiteral("otherCurrencyInvoices"), p.otherCurrencyInvoices},
    };

    const auto rfmJson = [this](const std::optional<RfmScore> &score) -> QJsonValue {
        if (!score) {
            return QJsonValue::Null;
        }
        return QJsonObject{
            {QStringLiteral("asOf"), date(score->asOf)},
            {QStringLiteral("recencyDays"), score->recencyDays},
            {QStringLiteral("frequency"), score->frequency},
            {QStringLiteral("monetary"), money(score->monetaryMinor, currency)},
            {QStringLiteral("recencyScore"), score->r},
            {QStringLiteral("frequencyScore"), score->f},
            {QStringLiteral("monetaryScore"), score->m},
            {QStringLiteral("score"), score->scoreText()},
            {QStringLiteral("segment"), score->segment},
            {QStringLiteral("segmentName"), Rfm::segmentName(score->segment)},
        };
    };

    const auto credit = [this](qint64 minor) {
        return loyalty.hasLedger ? money(minor, currency) : QJsonValue(QJsonValue::Null);
    };
    const QJsonObject loyaltyJson{
        {QStringLiteral("active"), credit(loyalty.activeMinor)},
        {QStringLiteral("pendingActivation"), credit(loyalty.pendingActivationMinor)},
        {QStringLiteral("pendingExpiry"), credit(loyalty.pendingExpiryMinor)},
        {QStringLiteral("nearestExpiryDate"), date(loyalty.nearestExpiry)},
        {QStringLiteral("nearestExpiryAmount"),
         loyalty.nearestExpiry.isValid() ? money(loyalty.nearestExpiryMinor, currency) : QJsonValue(QJsonValue::Null)},
    };

    QJsonArray labelJson;
    for (const Label &label : labels) {
        labelJson << QJsonObject{{QStringLiteral("name"), label.name}};
    }
    QJsonArray segmentJson;
    for (const SegmentMembership &membership : segments) {
        segmentJson << QJsonObject{
            {QStringLiteral("code"), membership.segment.code},
            {QStringLiteral("name"), membership.segment.name},
            {QStringLiteral("since"), time(membership.since)},
            {QStringLiteral("computedAt"), time(membership.segment.computedAt)},
        };
    }
    QJsonArray spendJson;
    for (const SpendPoint &point : spend) {
        const QString department = departmentName(point.departmentId);
        spendJson << QJsonObject{
            {QStringLiteral("year"), point.year},
            {QStringLiteral("department"), department.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(department)},
            {QStringLiteral("amount"), money(point.amountMinor, currency)},
        };
    }

    return {
        {QStringLiteral("asOf"), date(asOf)},
        {QStringLiteral("currency"), currency},
        {QStringLiteral("keyMetrics"), keyMetrics},
        {QStringLiteral("purchases"), purchaseJson},
        {QStringLiteral("rfm"), rfmJson(rfm)},
        {QStringLiteral("rfmLastRecalculation"), rfmJson(storedRfm)},
        {QStringLiteral("loyalty"), loyaltyJson},
        {QStringLiteral("labels"), labelJson},
        {QStringLiteral("segments"), segmentJson},
        {QStringLiteral("spendByYear"), spendJson},
    };
}

} // namespace Gavel::Models
