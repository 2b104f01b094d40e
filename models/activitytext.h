#pragma once

#include "activityevent.h"

#include <QCoreApplication>
#include <QDate>
#include <QLocale>

namespace Gavel::Models {

/// What a timeline shows of an event, in the house's words and the user's locale: the one-line
/// description with its links, the lines of the expanded view, and day headings. Pure
/// functions of the event, so that every view (and the tests) says the same.
class ActivityText final
{
    Q_DECLARE_TR_FUNCTIONS(ActivityText)

public:
    /// The event's name ("E-mail opened"); "Other activity" for a kind this build does not know.
    static QString name(const ActivityEvent &event);
    /// The one-line description: the campaign, lot, sale or invoice as links, amounts, text.
    static QList<ActivitySegment> describe(const ActivityEvent &event, const QLocale &locale = QLocale());
    /// The description as plain text.
    static QString plainDescription(const ActivityEvent &event, const QLocale &locale = QLocale());
    /// The lines of the expanded view: the full time, every reference (links), the amount,
    /// the free text, and the fields of `details`.
    static QList<ActivityDetail> details(const ActivityEvent &event, const QLocale &locale = QLocale());
    /// The most useful link of the event (what Ctrl+Enter opens); invalid when it has none.
    static ActivityLink primaryLink(const ActivityEvent &event);

    /// "Today", "Yesterday", else the locale's long date.
    static QString dayTitle(const QDate &day, const QDate &today, const QLocale &locale = QLocale());
    /// The label of a field of events.details ("url" → "Link"); unknown keys are made readable.
    static QString detailLabel(const QString &key);

    static ActivityLink campaignLink(const ActivityEvent &event);
    static ActivityLink lotLink(const ActivityEvent &event);
    static ActivityLink saleLink(const ActivityEvent &event);
    static ActivityLink invoiceLink(const ActivityEvent &event);
};

} // namespace Gavel::Models
