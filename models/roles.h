#pragma once

#include <Qt>

namespace Gavel::Models {

/// The custom item roles of every Gavel model. Display text stays in Qt::DisplayRole;
/// the raw values behind it (for sorting, filtering and navigation) are here.
enum Role : int {
    IdRole = Qt::UserRole + 1, ///< qint64: the row's local id (customer, lot, invoice…)
    SortRole,                  ///< the raw value the column sorts by (epoch, minor units, folded text)
    CustomerNoRole,            ///< QString: the customer's Customer ID
    MoneyMinorRole,            ///< qint64: an amount in minor units
    CurrencyRole,              ///< QString: ISO 4217 code of MoneyMinorRole
    TimestampRole,             ///< QDateTime (UTC) of the row
    VipRole,                   ///< bool: the customer is a VIP
    CustomerIdRole,            ///< qint64: customers.id of the row's customer (a note found by search)
    HighlightHtmlRole,         ///< QString: the display text as rich text, search matches in <b>
    MarkdownRole,              ///< QString: the text as stored, with its light Markdown (a note)
    PinnedRole,                ///< bool: the note is pinned to the top
    AuthorRole,                ///< QString: who wrote it
    EditedAtRole,              ///< QDateTime (UTC) the text was last changed; invalid if never
    EditedByRole,              ///< QString: who changed the text last
    ActivityRowRole,           ///< int: ActivityModel::RowType of a timeline row (day, event, detail line)
    EventKindRole,             ///< int: the EventKind of a timeline row
    EventCategoryRole,         ///< int: the EventCategory of a timeline row
    EventNameRole,             ///< QString: what happened ("E-mail opened")
    TimeTextRole,              ///< QString: the time of day in the locale's short format
    DescriptionRole,           ///< QString: a row's one-line description, plain text
    SegmentsRole,              ///< QList<ActivitySegment>: the description with its links
    LinkRole,                  ///< ActivityLink: where a row leads (an event's main link, a detail's link)
    DetailLabelRole,           ///< QString: the label of a detail line ("Amount")
    DetailValueRole,           ///< QString: the value of a detail line ("£1,200")
    OutcomeRole,               ///< int: ItemHistory::Outcome of an Item History row
    MutedRole,                 ///< bool: the row is shown greyed (a control-group mailing: nothing sent)
    ReasonsRole,               ///< QStringList: why a lot was recommended, largest part first
};

} // namespace Gavel::Models
