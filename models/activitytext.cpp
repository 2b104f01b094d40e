#include "activitytext.h"

#include "epoch.h"
#include "formatting.h"
#include "money.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Gavel::Models {

namespace {

/// The free text says nothing the referenced name does not (same words, any case).
bool sameText(const QString &info, const QString &refName)
{
    return !refName.isEmpty() && info.simplified().compare(refName.simplified(), Qt::CaseInsensitive) == 0;
}

/// The parts a description can be made of; each kind lists the ones it shows, in order.
enum class Part
{
    Campaign,
    Lot,
    Sale,
    Invoice,
    Amount,
    Ref,
    Info
};

QList<Part> partsOf(const ActivityEvent &event)
{
    switch (event.category()) {
    case EventCategory::Email:
        return {Part::Campaign, Part::Lot, Part::Info, Part::Ref};
    case EventCategory::Sms:
        return {Part::Campaign, Part::Info};
    case EventCategory::Bidding:
        if (event.eventKind() == EventKind::SaleRegistered) {
            return {Part::Sale, Part::Info};
        }
        return {Part::Amount, Part::Lot, Part::Sale};
    case EventCategory::Consignment:
        return {Part::Ref, Part::Lot, Part::Sale, Part::Amount};
    case EventCategory::Invoice:
        return {Part::Invoice, Part::Amount, Part::Sale};
    case EventCategory::Website:
        return {Part::Ref, Part::Lot, Part::Amount, Part::Info};
    case EventCategory::Contact:
        return {Part::Info, Part::Ref};
    case EventCategory::Loyalty:
        return {Part::Amount, Part::Info, Part::Invoice};
    case EventCategory::Profile:
        return {Part::Ref, Part::Info, Part::Campaign};
    }
    return {Part::Amount, Part::Lot, Part::Campaign, Part::Invoice, Part::Sale, Part::Ref, Part::Info};
}

bool isScore(const ActivityEvent &event)
{
    return event.eventKind() == EventKind::ScoreChanged;
}

QString amountText(const ActivityEvent &event, const QLocale &locale)
{
    if (!event.hasAmount) {
        return {};
    }
    if (event.currency.isEmpty()) {
        // Points, not money: a score change reads with its sign.
        const QString number = locale.toString(event.amountMinor);
        return isScore(event) && event.amountMinor > 0 ? u'+' + number : number;
    }
    return formatMoney(event.amountMinor, event.currency, locale);
}

QString jsonValueText(const QJsonValue &value, const QLocale &locale)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? ActivityText::tr("Yes") : ActivityText::tr("No");
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (number == static_cast<double>(static_cast<qint64>(number))) {
            return locale.toString(static_cast<qint64>(number));
        }
        return locale.toString(number, 'g', 12);
    }
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array: {
        QStringList items;
        for (const QJsonValue &item : value.toArray()) {
            items << jsonValueText(item, locale);
        }
        return items.join(QStringLiteral(", "));
    }
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

/// What the free text of an event is, by kind.
QString infoLabel(const ActivityEvent &event)
{
    switch (event.eventKind()) {
    case EventKind::EmailLinkClicked:
    case EventKind::SmsClicked:
        return ActivityText::tr("Link");
    case EventKind::WebsiteVisit:
    case EventKind::PageViewed:
        return ActivityText::tr("Page");
    case EventKind::CallCentreContact:
    case EventKind::OtherContact:
        return ActivityText::tr("Summary");
    case EventKind::NoteAdded:
        return ActivityText::tr("Note");
    case EventKind::LoyaltyAccrued:
    case EventKind::LoyaltyRedeemed:
    case EventKind::ScoreChanged:
        return ActivityText::tr("Reason");
    default:
        return ActivityText::tr("Details");
    }
}

/// What ref_id names, by kind.
QString refLabel(const ActivityEvent &event)
{
    switch (event.eventKind()) {
    case EventKind::CategoryViewed:
        return ActivityText::tr("Category");
    case EventKind::TagSet:
        return ActivityText::tr("Tag");
    case EventKind::ConsignmentReceived:
    case EventKind::ConsignmentCatalogued:
    case EventKind::ConsignmentSold:
    case EventKind::ConsignmentUnsold:
        return ActivityText::tr("Consignment");
    case EventKind::PollAnswered:
        return ActivityText::tr("Poll");
    case EventKind::PromoCodeIssued:
        return ActivityText::tr("Promo code");
    case EventKind::NoteAdded:
        return ActivityText::tr("Note");
    default:
        return ActivityText::tr("Reference");
    }
}

} // namespace

QString ActivityText::name(const ActivityEvent &event)
{
    return isKnownEventKind(event.kind) ? eventKindLabel(event.eventKind()) : tr("Other activity");
}

ActivityLink ActivityText::campaignLink(const ActivityEvent &event)
{
    if (event.campaignId == 0) {
        return {};
    }
    return {ActivityLink::Target::Campaign, event.campaignId, event.campaignName};
}

ActivityLink ActivityText::lotLink(const ActivityEvent &event)
{
    if (event.lotId == 0) {
        return {};
    }
    QString text;
    if (!event.lotNo.isEmpty() && !event.lotTitle.isEmpty()) {
        text = tr("Lot %1: %2").arg(event.lotNo, event.lotTitle);
    } else if (!event.lotNo.isEmpty()) {
        text = tr("Lot %1").arg(event.lotNo);
    } else {
        text = event.lotTitle;
    }
    return {ActivityLink::Target::Lot, event.lotId, text};
}

ActivityLink ActivityText::saleLink(const ActivityEvent &event)
{
    if (event.saleId == 0) {
        return {};
    }
    QString text = event.saleTitle;
    if (!event.saleNo.isEmpty()) {
        text = text.isEmpty() ? tr("Sale %1").arg(event.saleNo) : tr("%1 (sale %2)").arg(text, event.saleNo);
    }
    return {ActivityLink::Target::Sale, event.saleId, text};
}

ActivityLink ActivityText::invoiceLink(const ActivityEvent &event)
{
    if (event.invoiceId == 0) {
        return {};
    }
    return {ActivityLink::Target::Invoice, event.invoiceId,
            event.invoiceNo.isEmpty() ? QString() : tr("Invoice %1").arg(event.invoiceNo)};
}

QList<ActivitySegment> ActivityText::describe(const ActivityEvent &event, const QLocale &locale)
{
    QList<ActivitySegment> segments;
    const auto add = [&segments](const QString &text, const ActivityLink &link = {}) {
        if (text.isEmpty()) {
            return;
        }
        if (!segments.isEmpty()) {
            segments << ActivitySegment{QStringLiteral(" · "), {}};
        }
        segments << ActivitySegment{text, link};
    };
    // A reference whose row is gone still says what it was, without a link to nowhere.
    const auto addLink = [&add](const ActivityLink &link, const QString &gone) {
        if (link.target == ActivityLink::Target::None) {
            return;
        }
        if (link.text.isEmpty()) {
            add(gone);
        } else {
            add(link.text, link);
        }
    };
    for (const Part part : partsOf(event)) {
        switch (part) {
        case Part::Campaign:
            addLink(campaignLink(event), tr("a mailing no longer on record"));
            break;
        case Part::Lot:
            addLink(lotLink(event), tr("a lot no longer on record"));
            break;
        case Part::Sale:
            addLink(saleLink(event), tr("a sale no longer on record"));
            break;
        case Part::Invoice:
            addLink(invoiceLink(event), tr("an invoice no longer on record"));
            break;
        case Part::Amount:
            add(amountText(event, locale));
            break;
        case Part::Ref:
            add(event.refName.simplified());
            break;
        case Part::Info:
            // Importers often put the tag or category's name in the free text as well.
            if (!sameText(event.info, event.refName)) {
                add(event.info.simplified());
            }
            break;
        }
    }
    return segments;
}

QString ActivityText::plainDescription(const ActivityEvent &event, const QLocale &locale)
{
    QString text;
    for (const ActivitySegment &segment : describe(event, locale)) {
        text += segment.text;
    }
    return text;
}

QList<ActivityDetail> ActivityText::details(const ActivityEvent &event, const QLocale &locale)
{
    QList<ActivityDetail> lines;
    lines << ActivityDetail{tr("When"), formatDateTime(fromEpoch(event.ts), locale), {}};
    const auto addLink = [&lines](const QString &label, const ActivityLink &link) {
        if (link.target == ActivityLink::Target::None) {
            return;
        }
        if (link.text.isEmpty()) {
            lines << ActivityDetail{label, tr("no longer on record"), {}};
        } else {
            lines << ActivityDetail{label, link.text, link};
        }
    };
    addLink(tr("Mailing"), campaignLink(event));
    addLink(tr("Lot"), lotLink(event));
    addLink(tr("Sale"), saleLink(event));
    addLink(tr("Invoice"), invoiceLink(event));
    const QString amount = amountText(event, locale);
    if (!amount.isEmpty()) {
        lines << ActivityDetail{isScore(event) ? tr("Points") : tr("Amount"), amount, {}};
    }
    if (!event.refName.isEmpty()) {
        lines << ActivityDetail{refLabel(event), event.refName, {}};
    }
    if (!event.info.isEmpty() && !sameText(event.info, event.refName)) {
        lines << ActivityDetail{infoLabel(event), event.info, {}};
    }
    if (!event.details.isEmpty()) {
        const QJsonDocument document = QJsonDocument::fromJson(event.details.toUtf8());
        if (document.isObject()) {
            const QJsonObject object = document.object();
            for (auto it = object.begin(); it != object.end(); ++it) {
                const QString value = jsonValueText(it.value(), locale);
                if (!value.isEmpty()) {
                    lines << ActivityDetail{detailLabel(it.key()), value, {}};
                }
            }
        } else {
            // Not the agreed small object: still show what was recorded rather than hide it.
            lines << ActivityDetail{tr("Recorded data"), event.details, {}};
        }
    }
    return lines;
}

ActivityLink ActivityText::primaryLink(const ActivityEvent &event)
{
    for (const ActivitySegment &segment : describe(event)) {
        if (segment.link.isValid()) {
            return segment.link;
        }
    }
    return {};
}

QString ActivityText::dayTitle(const QDate &day, const QDate &today, const QLocale &locale)
{
    if (day == today) {
        return tr("Today");
    }
    if (day == today.addDays(-1)) {
        return tr("Yesterday");
    }
    return formatDate(day, locale);
}

QString ActivityText::detailLabel(const QString &key)
{
    struct Known
    {
        const char *key;
        const char *label;
    };
    // The fields importers and the demo write into events.details.
    static constexpr Known known[] = {
        {"subject", QT_TR_NOOP("Subject")},
        {"url", QT_TR_NOOP("Link")},
        {"page", QT_TR_NOOP("Page")},
        {"referrer", QT_TR_NOOP("Came from")},
        {"device", QT_TR_NOOP("Device")},
        {"channel", QT_TR_NOOP("Channel")},
        {"paddle", QT_TR_NOOP("Paddle")},
        {"platform", QT_TR_NOOP("Bidding platform")},
        {"staff", QT_TR_NOOP("Staff")},
        {"by", QT_TR_NOOP("By")},
        {"duration_min", QT_TR_NOOP("Duration (minutes)")},
        {"outcome", QT_TR_NOOP("Outcome")},
        {"reason", QT_TR_NOOP("Reason")},
        {"items", QT_TR_NOOP("Items")},
        {"from", QT_TR_NOOP("From")},
        {"to", QT_TR_NOOP("To")},
        {"balance", QT_TR_NOOP("Balance")},
        {"source", QT_TR_NOOP("Source")},
        {"status", QT_TR_NOOP("Status")},
        {"lot_count", QT_TR_NOOP("Lots")},
        {"answer", QT_TR_NOOP("Answer")},
        {"list", QT_TR_NOOP("Mailing list")},
    };
    for (const Known &k : known) {
        if (key == QLatin1String(k.key)) {
            return tr(k.label);
        }
    }
    QString readable = key;
    readable.replace(u'_', u' ');
    if (!readable.isEmpty()) {
        readable[0] = readable.at(0).toUpper();
    }
    return readable;
}

} // namespace Gavel::Models
