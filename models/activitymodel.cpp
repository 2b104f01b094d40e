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

// internalId of an index: 0 for a top-level row (a day heading or an event), event + 1 for a
// line of an event's details (its parent is that event).
QDate localDayOf(qint64 ts)
{
    return QDateTime::fromSecsSinceEpoch(ts).toLocalTime().date();
}

} // namespace

ActivityModel::ActivityModel(const Database &database, QObject *parent) : QAbstractItemModel(parent), m_store(database)
{
}

QModelIndex ActivityModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column != 0) {
        return {};
    }
    if (!parent.isValid()) {
        return row < m_entries.size() ? createIndex(row, 0, quintptr(0)) : QModelIndex();
    }
    if (parent.internalId() != 0 || parent.row() >= m_entries.size()) {
        return {}; // detail lines have no children
    }
    const Entry &entry = m_entries.at(parent.row());
    if (entry.day || row >= m_rows.at(entry.index).details.size()) {
        return {};
    }
    return createIndex(row, 0, quintptr(entry.index) + 1);
}

QModelIndex ActivityModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0) {
        return {};
    }
    const int event = int(child.internalId() - 1);
    return createIndex(m_rows.at(event).topRow, 0, quintptr(0));
}

int ActivityModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid()) {
        return static_cast<int>(m_entries.size());
    }
    if (parent.column() != 0 || parent.internalId() != 0) {
        return 0;
    }
    const Entry &entry = m_entries.at(parent.row());
    return entry.day ? 0 : static_cast<int>(m_rows.at(entry.index).details.size());
}

int ActivityModel::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent)
    return 1;
}

ActivityModel::RowType ActivityModel::rowTypeOf(const QModelIndex &index)
{
    return static_cast<RowType>(index.data(ActivityRowRole).toInt());
}

ActivityModel::RowType ActivityModel::rowType(const QModelIndex &index) const
{
    if (!index.isValid()) {
        return RowType::Day;
    }
    if (index.internalId() != 0) {
        return RowType::Detail;
    }
    return m_entries.at(index.row()).day ? RowType::Day : RowType::Event;
}

const ActivityEvent *ActivityModel::eventAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this) {
        return nullptr;
    }
    if (index.internalId() != 0) {
        return &m_rows.at(int(index.internalId() - 1)).event;
    }
    const Entry &entry = m_entries.at(index.row());
    return entry.day ? nullptr : &m_rows.at(entry.index).event;
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
    if (index.internalId() != 0) {
        return detailData(m_rows.at(int(index.internalId() - 1)), index.row(), role);
    }
    const Entry &entry = m_entries.at(index.row());
    return entry.day ? dayData(m_days.at(entry.index), role) : eventData(m_rows.at(entry.index), role);
}

QVariant ActivityModel::dayData(const QDate &day, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        return ActivityText::dayTitle(day, m_today.isValid() ? m_today : QDate::currentDate());
    case Qt::ToolTipRole:
        return formatDate(day);
    case ActivityRowRole:
        return static_cast<int>(RowType::Day);
    case SortRole:
        return day;
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
    m_entries.clear();
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
    // Events arrive newest first and older than everything shown: a day heading goes before
    // the first event of each new day (not before events continuing the last day on screen,
    // as when a page boundary falls inside a day).
    int added = 0;
    QDate last = m_days.isEmpty() ? QDate() : m_days.constLast();
    for (const ActivityEvent &event : events) {
        const QDate day = localDayOf(event.ts);
        added += day != last ? 2 : 1;
        last = day;
    }
    const int first = static_cast<int>(m_entries.size());
    if (notify) {
        beginInsertRows({}, first, first + added - 1);
    }
    for (const ActivityEvent &event : events) {
        const QDate day = localDayOf(event.ts);
        if (m_days.isEmpty() || day != m_days.constLast()) {
            m_entries << Entry{true, static_cast<int>(m_days.size())};
            m_days << day;
        }
        Row row = makeRow(event);
        row.topRow = static_cast<int>(m_entries.size());
        m_entries << Entry{false, static_cast<int>(m_rows.size())};
        m_rows << row;
    }
    if (notify) {
        endInsertRows();
    }
}

} // namespace Gavel::Models
