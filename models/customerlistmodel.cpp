#include "customerlistmodel.h"

#include "customer.h"
#include "database.h"
#include "epoch.h"
#include "money.h"
#include "roles.h"
#include "settingsstore.h"
#include "sql.h"

#include <QLocale>
#include <QSqlQuery>

namespace Gavel::Models {

CustomerListModel::CustomerListModel(const Database &database, QObject *parent)
    : QAbstractTableModel(parent), m_db(database.connection()), m_search(database.dialect())
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
    Error error;
    m_rows = readPage(nullptr, &error);
    m_atEnd = !error.message.isEmpty() || m_rows.size() < m_pageSize;
    endResetModel();
    if (!error.message.isEmpty()) {
        Q_EMIT errorOccurred(error);
    }
    refreshCount();
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
    const QString filter = m_filter.sqlCondition(values);
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
    QString statement = QStringLiteral("SELECT id, sort_name, first_name, last_name, company, customer_no, email, city,"
                                       " country, vip, last_activity_at, total_spent_minor FROM customers");
    if (!conditions.isEmpty()) {
        statement += QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    }
    statement += QStringLiteral(" ORDER BY %1 %2, id %2 LIMIT ?").arg(column, direction);
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

void CustomerListModel::refreshCount()
{
    QVariantList values;
    const QString search = whereClause(&values);
    QString statement = QStringLiteral("SELECT count(*) FROM customers");
    if (!search.isEmpty()) {
        statement += QStringLiteral(" WHERE ") + search;
    }
    auto count = Sql::scalar(m_db, statement, values, QStringLiteral("counting the customers"));
    if (!count) {
        Q_EMIT errorOccurred(count.error());
        return;
    }
    m_matchCount = count->toLongLong();
    Q_EMIT matchCountChanged(m_matchCount);
}

} // namespace Gavel::Models
