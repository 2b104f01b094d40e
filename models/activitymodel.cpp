#include "activitymodel.h"

#include "activitytext.h"
#include "epoch.h"
#include "formatting.h"
#include "money.h"
#include "roles.h"

#include <QDateTime>
#include <QLocale>

namespace Gavel::Models {

namespace {

// internalId of an index: 0 for a day heading; day + 1 for an event (its parent is that
// day); kDetailTag | event index for a detail line (its parent is that event).
constexpr quintptr kDetailTag = quintptr(1) << (sizeof(quintptr) * 8 - 1);

QDate localDayOf(qint64 ts)
{
    return QDateTime::fromSecsSinceEpoch(ts).toLocalTime().date();
}

} // namespace

ActivityModel::ActivityModel(const Database &database, QObject *parent)
    : QAbstractItemModel(parent), m_store(database)
{
}

QModelIndex ActivityModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column != 0) {
        return {};
    }
    if (!parent.isValid()) {
        return row < m_days.size() ? createIndex(row, 0, quintptr(0)) : QModelIndex();
    }
    switch (rowType(parent)) {
    case RowType::Day:
        return row < m_days.at(parent.row()).count ? createIndex(row, 0, quintptr(parent.row()) + 1) : QModelIndex();
    case RowType::Event: {
        const int event = eventIndexOf(parent);
        return row < m_rows.at(event).details.size() ? createIndex(row, 0, kDetailTag | quintptr(event))
                                                     : QModelIndex();
    }
    case RowType::Detail:
        break;
    }
    return {};
}

QModelIndex ActivityModel::parent(const QModelIndex &child) const
{
    if (!child.isValid()) {
        return {};
    }
    const quintptr id = child.internalId();
    if (id == 0) {
        return {};
    }
    if (id & kDetailTag) {
        const int event = int(id & ~kDetailTag);
        const int day = m_rows.at(event).day;
        return createIndex(rowOfEventInDay(event), 0, quintptr(day) + 1);
    }
    return createIndex(int(id) - 1, 0, quintptr(0));
}

int ActivityModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid()) {
        return static_cast<int>(m_days.size());
    }
    if (parent.column() != 0) {
        return 0;
    }
    switch (rowType(parent)) {
    case RowType::Day:
        return m_days.at(parent.row()).count;
    case RowType::Event:
        return static_cast<int>(m_rows.at(eventIndexOf(parent)).details.size());
    case RowType::Detail:
        break;
    }
    return 0;
}

int ActivityModel::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent)
    return 1;
}

ActivityModel::RowType ActivityModel::rowType(const QModelIndex &index) const
{
    const quintptr id = index.internalId();
    if (!index.isValid() || id == 0) {
        return RowType::Day;
    }
    return (id & kDetailTag) ? RowType::Detail : RowType::Event;
}

const ActivityEvent *ActivityModel::eventAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this) {
        return nullptr;
    }
    switch (rowType(index)) {
    case RowType::Day:
        return nullptr;
    case RowType::Event:
        return &m_rows.at(eventIndexOf(index)).event;
    case RowType::Detail:
        return &m_rows.at(int(index.internalId() & ~kDetailTag)).event;
    }
    return nullptr;
}

Qt::ItemFlags ActivityModel::flags(const QModelIndex &index) const
{
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    // Day headings are not selectable: the cursor moves over them, selection stays on events.
    return rowType(index) == RowType::Day ? Qt::ItemIsEnabled : Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

QVariant ActivityModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    switch (rowType(index)) {
    case RowType::Day:
        return dayData(index.row(), role);
    case RowType::Event:
        return eventData(m_rows.at(eventIndexOf(index)), role);
    case RowType::Detail:
        return detailData(m_rows.at(int(index.internalId() & ~kDetailTag)), index.row(), role);
    }
    return {};
}

QVariant ActivityModel::dayData(int day, int role) const
{
    const Day &d = m_days.at(day);
    switch (role) {
    case Qt::DisplayRole:
        return ActivityText::dayTitle(d.date, m_today.isValid() ? m_today : QDate::currentDate());
    case Qt::ToolTipRole:
        return formatDate(d.date);
    case ActivityRowRole:
        return static_cast<int>(RowType::Day);
    case SortRole:
        return d.date;
    default:
        return {};
    }
}

QVariant ActivityModel::eventData(const Row &row, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        if (row.description.isEmpty()) {
            return QString(row.timeText + u' ' + row.name);
        }
        return QString(row.timeText + u' ' + row.name + QStringLiteral(" — ") + row.description);
    case Qt::ToolTipRole:
        return QString(formatDateTime(fromEpoch(row.event.ts)) + u'\n' + row.name +
                       (row.description.isEmpty() ? QString() : QString(u'\n' + row.description)));
    case ActivityRowRole:
        return static_cast<int>(RowType::Event);
    case IdRole:
        return row.event.id;
    case SortRole:
        return row.event.ts;
    case TimestampRole:
        return fromEpoch(row.event.ts);
    case EventKindRole:
        return row.event.kind;
    case EventCategoryRole:
        return static_cast<int>(row.event.category());
    case EventNameRole:
        return row.name;
    case TimeTextRole:
        return row.timeText;
    case DescriptionRole:
        return row.description;
    case SegmentsRole:
        return QVariant::fromValue(row.segments);
    case LinkRole: {
        const ActivityLink link = ActivityText::primaryLink(row.event);
        return link.isValid() ? QVariant::fromValue(link) : QVariant();
    }
    case MoneyMinorRole:
        return row.event.hasAmount ? QVariant(row.event.amountMinor) : QVariant();
    case CurrencyRole:
        return row.event.hasAmount ? QVariant(row.event.currency) : QVariant();
    default:
        return {};
    }
}

QVariant ActivityModel::detailData(const Row &row, int line, int role) const
{
    const ActivityDetail &detail = row.details.at(line);
    switch (role) {
    case Qt::DisplayRole:
        return QString(detail.label + QStringLiteral(": ") + detail.value);
    case Qt::ToolTipRole:
        return detail.value;
    case ActivityRowRole:
        return static_cast<int>(RowType::Detail);
    case EventKindRole:
        return row.event.kind;
    case EventCategoryRole:
        return static_cast<int>(row.event.category());
    case DetailLabelRole:
        return detail.label;
    case DetailValueRole:
        return detail.value;
    case LinkRole:
        return detail.link.isValid() ? QVariant::fromValue(detail.link) : QVariant();
    default:
        return {};
    }
}

bool ActivityModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_customerId != 0 && m_next.has_value() && !m_failed && !m_fetching;
}

void ActivityModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent)) {
        return;
    }
    m_fetching = true;
    auto page = m_store.fill(m_customerId, m_filter, m_next, m_pageSize, m_fetchBudgetMs);
    if (!page) {
        m_failed = true;
        m_fetching = false;
        Q_EMIT errorOccurred(page.error());
        Q_EMIT pagingChanged();
        return;
    }
    m_next = page->next;
    m_partial = page->partial;
    append(page->events, true);
    m_fetching = false;
    Q_EMIT pagingChanged();
}

void ActivityModel::load(qint64 customerId, const ActivityFilter &filter)
{
    reset(customerId, filter, m_store.fill(customerId, filter, std::nullopt, m_pageSize, m_fetchBudgetMs));
}

void ActivityModel::setFirstPage(qint64 customerId, const ActivityFilter &filter, const ActivityPage &page)
{
    reset(customerId, filter, page);
}

void ActivityModel::clear()
{
    reset(0, ActivityFilter(), ActivityPage());
}

void ActivityModel::reset(qint64 customerId, const ActivityFilter &filter, const Result<ActivityPage> &page)
{
    beginResetModel();
    m_customerId = customerId;
    m_filter = filter;
    m_rows.clear();
    m_days.clear();
    m_failed = !page.ok();
    m_next.reset();
    m_partial = false;
    if (page) {
        m_next = page->next;
        m_partial = page->partial;
        append(page->events, false);
    }
    endResetModel();
    if (!page) {
        Q_EMIT errorOccurred(page.error());
    }
    Q_EMIT pagingChanged();
}

ActivityModel::Row ActivityModel::makeRow(const ActivityEvent &event) const
{
    const QLocale locale;
    Row row;
    row.event = event;
    row.name = ActivityText::name(event);
    row.timeText = locale.toString(QDateTime::fromSecsSinceEpoch(event.ts).toLocalTime().time(), QLocale::ShortFormat);
    row.segments = ActivityText::describe(event, locale);
    for (const ActivitySegment &segment : std::as_const(row.segments)) {
        row.description += segment.text;
    }
    row.details = ActivityText::details(event, locale);
    return row;
}

void ActivityModel::append(const QList<ActivityEvent> &events, bool notify)
{
    if (events.isEmpty()) {
        return;
    }
    // Events arrive newest first and older than everything shown: the first few may belong
    // to the last day on screen (a page boundary inside a day), the rest start new days.
    int sameDay = 0;
    if (!m_days.isEmpty()) {
        const QDate lastDay = m_days.constLast().date;
        while (sameDay < events.size() && localDayOf(events.at(sameDay).ts) == lastDay) {
            ++sameDay;
        }
    }
    if (sameDay > 0) {
        const int day = static_cast<int>(m_days.size()) - 1;
        const int first = m_days.at(day).count;
        if (notify) {
            beginInsertRows(createIndex(day, 0, quintptr(0)), first, first + sameDay - 1);
        }
        for (int i = 0; i < sameDay; ++i) {
            Row row = makeRow(events.at(i));
            row.day = day;
            m_rows << row;
        }
        m_days[day].count += sameDay;
        if (notify) {
            endInsertRows();
        }
    }
    if (sameDay == events.size()) {
        return;
    }

    // Count the new days first: beginInsertRows needs the range before anything changes.
    int newDays = 0;
    QDate previous;
    for (int i = sameDay; i < events.size(); ++i) {
        const QDate date = localDayOf(events.at(i).ts);
        if (i == sameDay || date != previous) {
            ++newDays;
            previous = date;
        }
    }
    const int firstDay = static_cast<int>(m_days.size());
    if (notify) {
        beginInsertRows({}, firstDay, firstDay + newDays - 1);
    }
    for (int i = sameDay; i < events.size(); ++i) {
        const QDate date = localDayOf(events.at(i).ts);
        if (i == sameDay || date != m_days.constLast().date) {
            m_days << Day{date, static_cast<int>(m_rows.size()), 0};
        }
        Row row = makeRow(events.at(i));
        row.day = static_cast<int>(m_days.size()) - 1;
        m_rows << row;
        ++m_days.last().count;
    }
    if (notify) {
        endInsertRows();
    }
}

} // namespace Gavel::Models
