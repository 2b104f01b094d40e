#include "customerlistmodel.h"

#include "customer.h"
#include "database.h"
#include "epoch.h"
#include "money.h"
#include "roles.h"
#include "settingsstore.h"
#include "sql.h"

#include <QLocale>

#include <algorithm>
#include <limits>
#include <QSqlQuery>

namespace Gavel::Models {

CustomerListModel::CustomerListModel(const Database &database, QObject *parent)
    : QAbstractTableModel(parent), m_db(database.connection()), m_search(database.dialect()), m_sqlite(database.dialect().isSqlite())
{
    SettingsStore settings(database);
    m_currency = settings.houseCurrency();
    reload();
}

int CustomerListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int CustomerListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CustomerListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return row.name;
        case CustomerNoColumn:
            return row.customerNo;
        case EmailColumn:
            return row.email;
        case CityColumn:
            return row.city;
        case CountryColumn:
            return row.country;
        case VipColumn:
            return row.vip ? tr("VIP") : QString();
        case LastActivityColumn:
            return row.lastActivity == 0 ? QString()
                                         : QLocale().toString(fromEpoch(row.lastActivity).toLocalTime().date(),
                                                              QLocale::ShortFormat);
        case TotalSpentColumn:
            return row.totalSpentMinor == 0 ? QString() : formatMoney(row.totalSpentMinor, m_currency);
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        if (index.column() == TotalSpentColumn) {
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == LastActivityColumn && row.lastActivity != 0) {
            return QLocale().toString(fromEpoch(row.lastActivity).toLocalTime(), QLocale::LongFormat);
        }
        return {};
    case IdRole:
        return row.id;
    case CustomerNoRole:
        return row.customerNo;
    case VipRole:
        return row.vip;
    case MoneyMinorRole:
        return index.column() == TotalSpentColumn ? QVariant(row.totalSpentMinor) : QVariant();
    case CurrencyRole:
        return index.column() == TotalSpentColumn ? QVariant(m_currency) : QVariant();
    case TimestampRole:
        return index.column() == LastActivityColumn ? QVariant(fromEpoch(row.lastActivity)) : QVariant();
    case SortRole:
        switch (index.column()) {
        case NameColumn:
            return row.sortName;
        case CustomerNoColumn:
            return row.customerNo;
        case EmailColumn:
            return row.email;
        case CityColumn:
            return row.city;
        case CountryColumn:
            return row.country;
        case VipColumn:
            return row.vip;
        case LastActivityColumn:
            return row.lastActivity;
        case TotalSpentColumn:
            return row.totalSpentMinor;
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant CustomerListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case NameColumn:
        return tr("Name");
    case CustomerNoColumn:
        return tr("Customer ID");
    case EmailColumn:
        return tr("E-mail");
    case CityColumn:
        return tr("City");
    case CountryColumn:
        return tr("Country");
    case VipColumn:
        return tr("VIP");
    case LastActivityColumn:
        return tr("Last activity");
    case TotalSpentColumn:
        return tr("Total spent");
    default:
        return {};
    }
}

bool CustomerListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd;
}

void CustomerListModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_atEnd) {
        return;
    }
    Error error;
    const QList<Row> page = readPage(m_rows.isEmpty() ? nullptr : &m_rows.constLast(), &error);
    if (!error.message.isEmpty()) {
        m_atEnd = true;
        Q_EMIT errorOccurred(error);
        return;
    }
    if (page.size() < m_pageSize) {
        m_atEnd = true;
    }
    if (page.isEmpty()) {
        return;
    }
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(page.size()) - 1);
    m_rows += page;
    endInsertRows();
}

void CustomerListModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount) {
        return;
    }
    if (column == m_sortColumn && order == m_sortOrder) {
        return;
    }
    m_sortColumn = column;
    m_sortOrder = order;
    reload();
}

void CustomerListModel::setSearchText(const QString &text)
{
    const QString simplified = text.simplified();
    if (simplified == m_searchText) {
        return;
    }
    m_searchText = simplified;
    reload();
}

void CustomerListModel::setFilter(const CustomerFilter &filter)
{
    if (filter == m_filter) {
        m_filter.description = filter.description;
        return;
    }
    m_filter = filter;
    reload();
}

void CustomerListModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_atEnd = false;
    // The count first: how many match decides how the page is best read (walkSortIndex()).
    refreshCount();
    Error error;
    m_rows = readPage(nullptr, &error);
    m_atEnd = !error.message.isEmpty() || m_rows.size() < m_pageSize;
    endResetModel();
    if (!error.message.isEmpty()) {
        Q_EMIT errorOccurred(error);
    }
}

qint64 CustomerListModel::customerIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

int CustomerListModel::rowOfCustomer(qint64 customerId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == customerId) {
            return i;
        }
    }
    return -1;
}

QString CustomerListModel::sortColumnSql() const
{
    switch (m_sortColumn) {
    case CustomerNoColumn:
        return QStringLiteral("customer_no");
    case EmailColumn:
        return QStringLiteral("email");
    case CityColumn:
        return QStringLiteral("city");
    case CountryColumn:
        return QStringLiteral("country");
    case VipColumn:
        return QStringLiteral("vip");
    case LastActivityColumn:
        return QStringLiteral("last_activity_at");
    case TotalSpentColumn:
        return QStringLiteral("total_spent_minor");
    case NameColumn:
    default:
        return QStringLiteral("sort_name");
    }
}

QString CustomerListModel::sortIndexSql() const
{
    // Migration 1's (column, id) indexes; vip's is migration 6's.
    switch (m_sortColumn) {
    case CustomerNoColumn:
        return {}; // its UNIQUE constraint's index has no name of ours; one match is typical
    case EmailColumn:
        return QStringLiteral("customers_email");
    case CityColumn:
        return QStringLiteral("customers_city");
    case CountryColumn:
        return QStringLiteral("customers_country");
    case VipColumn:
        return QStringLiteral("customers_vip");
    case LastActivityColumn:
        return QStringLiteral("customers_last_activity");
    case TotalSpentColumn:
        return QStringLiteral("customers_total_spent");
    case NameColumn:
    default:
        return QStringLiteral("customers_sort_name");
    }
}

bool CustomerListModel::walkSortIndex() const
{
    // Very many matches (a big city, a filter on most customers): walking the sort order's
    // index and keeping the matching rows finds a page after about pageSize × customers /
    // matches index entries when the matches are spread out, far cheaper than reading and
    // sorting every match. Fewer matches: SQLite's own plan (read the matches, sort them). Only SQLite needs telling;
    // PostgreSQL's planner weighs the two with its statistics.
    return m_sqlite && (!m_searchText.isEmpty() || !m_filter.isEmpty()) && (m_planCount < 0 || m_planCount >= m_indexWalkThreshold) &&
           !sortIndexSql().isEmpty();
}

bool CustomerListModel::sortNarrowIndex() const
{
    // A search alone, sorted by name, and too many matches to walk the name index for: the
    // matches' ids come from the full-text index and each needs its name to be sorted. In
    // the table that is a seek into a wide row per match (13,000 for three letters of a
    // surname, 30,000 for a city); migration 8's (id, sort_name) index holds just the two,
    // a fraction of the pages. A filter's clauses read other columns, so it would not help
    // them.
    return m_sqlite && !m_searchText.isEmpty() && m_filter.isEmpty() && m_sortColumn == NameColumn &&
           !walkSortIndex();
}

CustomerListModel::PagePlan CustomerListModel::pagePlan() const
{
    if (walkSortIndex()) {
        return PagePlan::SortIndexWalk;
    }
    return sortNarrowIndex() ? PagePlan::NameIndexSorted : PagePlan::Sorted;
}

QVariant CustomerListModel::sortValueOf(const Row &row) const
{
    switch (m_sortColumn) {
    case CustomerNoColumn:
        return row.customerNo;
    case EmailColumn:
        return row.email;
    case CityColumn:
        return row.city;
    case CountryColumn:
        return row.country;
    case VipColumn:
        return row.vip ? 1 : 0;
    case LastActivityColumn:
        return row.lastActivity;
    case TotalSpentColumn:
        return row.totalSpentMinor;
    case NameColumn:
    default:
        return row.sortName;
    }
}

QString CustomerListModel::whereClause(QVariantList *values) const
{
    QStringList conditions;
    // Prefix search through the full-text index (CustomerSearch): each word must start a
    // word of the name, Customer ID, e-mail, phone or city.
    const QString search = m_search.condition(m_searchText, values);
    if (!search.isEmpty()) {
        conditions << search;
    }
    const QString filter =
        m_filter.sqlCondition(values, [this](CustomerFilter::Clause clause) { return linkForm(clause); });
    if (!filter.isEmpty()) {
        conditions << filter;
    }
    return conditions.isEmpty() ? QString() : conditions.join(QStringLiteral(" AND "));
}

QList<CustomerListModel::Row> CustomerListModel::readPage(const Row *after, Error *error) const
{
    QVariantList values;
    QStringList conditions;
    const QString search = whereClause(&values);
    if (!search.isEmpty()) {
        conditions << search;
    }
    const QString column = sortColumnSql();
    const bool ascending = m_sortOrder == Qt::AscendingOrder;
    if (after) {
        conditions << QStringLiteral("(%1, id) %2 (?, ?)").arg(column, ascending ? QStringLiteral(">") : QStringLiteral("<"));
        values << sortValueOf(*after) << after->id;
    }
    const QString direction = ascending ? QStringLiteral("ASC") : QStringLiteral("DESC");
    const QString columns = QStringLiteral("SELECT id, sort_name, first_name, last_name, company, customer_no, email, city,"
                                           " country, vip, last_activity_at, total_spent_minor FROM ") +
                            customersTable();
    QString statement;
    if (sortNarrowIndex()) {
        // Sort the matches by name in the slim (id, sort_name) index instead of reading
        // each match's whole row for its name; read whole rows for the page only.
        statement = QStringLiteral("%1 WHERE id IN (SELECT id FROM customers INDEXED BY customers_id_name WHERE %2"
                                   " ORDER BY sort_name %3, id %3 LIMIT ?) ORDER BY sort_name %3, id %3")
                        .arg(columns, conditions.join(QStringLiteral(" AND ")), direction);
    } else {
        statement = columns;
        if (walkSortIndex()) {
            statement += QStringLiteral(" INDEXED BY ") + sortIndexSql();
        }
        if (!conditions.isEmpty()) {
            statement += QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
        }
        statement += QStringLiteral(" ORDER BY %1 %2, id %2 LIMIT ?").arg(column, direction);
    }
    values << m_pageSize;

    auto query = Sql::exec(m_db, statement, values, QStringLiteral("reading the customer list"));
    if (!query) {
        *error = query.error();
        return {};
    }
    QList<Row> rows;
    rows.reserve(m_pageSize);
    while (query->next()) {
        Row row;
        row.id = query->value(0).toLongLong();
        row.sortName = query->value(1).toString();
        Customer names;
        names.firstName = query->value(2).toString();
        names.lastName = query->value(3).toString();
        names.company = query->value(4).toString();
        row.customerNo = query->value(5).toString();
        names.customerNo = row.customerNo;
        row.name = names.displayName();
        row.email = query->value(6).toString();
        row.city = query->value(7).toString();
        row.country = query->value(8).toString();
        row.vip = query->value(9).toInt() != 0;
        row.lastActivity = query->value(10).toLongLong();
        row.totalSpentMinor = query->value(11).toLongLong();
        rows << row;
    }
    return rows;
}

CustomerFilter::LinkForm CustomerListModel::linkForm(CustomerFilter::Clause clause) const
{
    using Form = CustomerFilter::LinkForm;
    if (!m_sqlite || m_driver == Driver::Lists) {
        return Form::List;
    }
    if (walkSortIndex()) {
        // The sort order drives: each customer passed is checked, nothing is listed.
        return Form::Probe;
    }
    return m_driver == Driver::Clause && clause == m_driverClause ? Form::List : Form::Probe;
}

QString CustomerListModel::customersTable() const
{
    // Without it SQLite walks the name index and checks every customer: it cannot tell how
    // few pass the probes, and the VIPs are the fewest.
    if (m_sqlite && m_driver == Driver::Clause && m_driverClause == CustomerFilter::Clause::Vip &&
        m_filter.vip == CustomerFilter::Vip::Only && !walkSortIndex() && !sortNarrowIndex()) {
        return QStringLiteral("customers INDEXED BY customers_vip");
    }
    return QStringLiteral("customers");
}

qint64 CustomerListModel::matchBound()
{
    // Each clause's size from an index alone; the clauses together as if independent
    // (customers × the product of their shares), never more than the smallest of them.
    // The smallest clause drives the query.
    QList<qint64> sizes;
    m_driver = Driver::Lists;
    qint64 smallest = std::numeric_limits<qint64>::max();
    const auto add = [&](const QString &statement, const QVariantList &values, Driver driver,
                         CustomerFilter::Clause clause) {
        auto count = Sql::scalar(m_db, statement, values, QStringLiteral("estimating the customers"));
        if (count) {
            sizes << count->toLongLong();
            if (sizes.last() < smallest) {
                smallest = sizes.last();
                m_driver = driver;
                m_driverClause = clause;
            }
        }
    };
    QVariantList values;
    const QString searchCount = m_search.countStatement(m_searchText, &values);
    if (!searchCount.isEmpty()) {
        add(searchCount, values, Driver::Search, CustomerFilter::Clause::Label);
    }
    for (const CustomerFilter::SizeBound &bound : m_filter.sizeBounds()) {
        add(bound.statement, bound.values, Driver::Clause, bound.clause);
    }
    if (sizes.isEmpty()) {
        return -1;
    }
    if (sizes.size() == 1) {
        return sizes.first();
    }
    auto total = Sql::scalar(m_db, QStringLiteral("SELECT count(*) FROM customers"), {},
                             QStringLiteral("counting the customers"));
    const double customers = total ? qMax<double>(1, total->toLongLong()) : 1;
    double estimate = customers;
    for (const qint64 size : std::as_const(sizes)) {
        estimate *= size / customers;
    }
    return qMin(static_cast<qint64>(estimate), *std::min_element(sizes.cbegin(), sizes.cend()));
}

void CustomerListModel::refreshCount()
{
    m_countGeneration.renew();
    QVariantList values;
    // Cheap exact counts, made on the spot: on SQLite, everyone (count(*) reads the smallest
    // index) or search words alone (from the full-text index, no customer row read).
    // PostgreSQL reads the whole table for any count(*) of a million rows: always off the
    // GUI thread.
    QString statement = m_filter.isEmpty() ? m_search.countStatement(m_searchText, &values) : QString();
    const bool cheap = m_sqlite && (!statement.isEmpty() || (m_filter.isEmpty() && m_searchText.isEmpty()));
    // A filter on SQLite: which clause drives, and a first bound for the plan.
    m_driver = Driver::Lists;
    const qint64 bound = m_sqlite && !m_filter.isEmpty() ? matchBound() : -1;
    m_planCount = bound;
    if (statement.isEmpty()) {
        values.clear();
        const QString search = whereClause(&values);
        statement = QStringLiteral("SELECT count(*) FROM ") + customersTable();
        if (!search.isEmpty()) {
            statement += QStringLiteral(" WHERE ") + search;
        }
    }
    if (!cheap && m_loader != nullptr) {
        // The page must not wait for it: a bound decides the plan, the count follows.
        m_planCount = m_sqlite ? (m_filter.isEmpty() ? matchBound() : bound) : -1;
        m_matchCount = -1;
        Q_EMIT matchCountChanged(m_matchCount);
        m_loader->run<qint64>(
            m_countGeneration, this,
            [statement, values](Database &db) -> Result<qint64> {
                auto count = Sql::scalar(db.connection(), statement, values, QStringLiteral("counting the customers"));
                if (!count) {
                    return count.error();
                }
                return count->toLongLong();
            },
            [this](const Result<qint64> &count) {
                if (!count) {
                    Q_EMIT errorOccurred(count.error());
                    return;
                }
                m_matchCount = *count;
                Q_EMIT matchCountChanged(m_matchCount);
            });
        return;
    }
    auto count = Sql::scalar(m_db, statement, values, QStringLiteral("counting the customers"));
    if (!count) {
        Q_EMIT errorOccurred(count.error());
        m_matchCount = 0;
        m_planCount = -1;
        return;
    }
    m_matchCount = count->toLongLong();
    m_planCount = m_matchCount;
    Q_EMIT matchCountChanged(m_matchCount);
}

} // namespace Gavel::Models
