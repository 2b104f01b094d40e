#include "itemhistorymodel.h"

#include "epoch.h"
#include "formatting.h"
#include "money.h"
#include "roles.h"

#include <QLocale>

namespace Gavel::Models {

ItemHistoryModel::ItemHistoryModel(Loader &loader, QObject *parent) : QAbstractTableModel(parent), m_loader(loader) {}

int ItemHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ItemHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ItemHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const ItemHistory::Row &row = m_rows.at(index.row());
    const auto money = [&](const std::optional<qint64> &minor) {
        return minor ? formatMoney(*minor, row.currency) : QString();
    };
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case DateColumn:
            return QLocale().toString(fromEpoch(row.saleStartsAt).toLocalTime().date(), QLocale::ShortFormat);
        case SaleColumn:
            return row.saleTitle;
        case LotColumn:
            return row.lotNo;
        case TitleColumn:
            return row.title;
        case DepartmentColumn:
            return row.department;
        case KindColumn:
            return ItemHistory::kindsText(row.kinds, row.bidCount);
        case EstimateColumn:
            return row.lowEstimate || row.highEstimate
                       ? formatEstimate(row.lowEstimate.value_or(0), row.highEstimate.value_or(0), row.currency)
                       : QString();
        case TopBidColumn:
            return money(row.topBid);
        case HammerColumn:
            return money(row.hammer);
        case ResultColumn:
            return ItemHistory::outcomeText(row.outcome);
        case ConsignmentColumn:
            return row.consignmentStatus.isEmpty() ? QString()
                                                   : ItemHistory::consignmentStatusText(row.consignmentStatus);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        switch (index.column()) {
        case DateColumn:
            return formatDateTime(fromEpoch(row.saleStartsAt));
        case SaleColumn:
            return tr("Sale %1: %2").arg(row.saleNo, row.saleTitle);
        case TitleColumn:
            return row.maker.isEmpty() ? row.title : tr("%1\n%2").arg(row.title, row.maker);
        case KindColumn:
            return row.wishlistedAt != 0 ? tr("Added to the wishlist on %1")
                                               .arg(formatDate(fromEpoch(row.wishlistedAt).toLocalTime().date()))
                                         : QVariant();
        case ConsignmentColumn:
            return row.consignmentNo.isEmpty() ? QVariant() : tr("Consignment %1").arg(row.consignmentNo);
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case EstimateColumn:
        case TopBidColumn:
        case HammerColumn:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    case SortRole:
        switch (index.column()) {
        case DateColumn:
            return row.saleStartsAt;
        case EstimateColumn:
        case TopBidColumn:
        case HammerColumn:
            return data(index, MoneyMinorRole);
        case ResultColumn:
            return static_cast<int>(row.outcome);
        case KindColumn:
            return row.kinds;
        default:
            return data(index, Qt::DisplayRole);
        }
    case MoneyMinorRole:
        switch (index.column()) {
        case EstimateColumn:
            return row.lowEstimate ? QVariant(*row.lowEstimate) : QVariant();
        case TopBidColumn:
            return row.topBid ? QVariant(*row.topBid) : QVariant();
        case HammerColumn:
            return row.hammer ? QVariant(*row.hammer) : QVariant();
        default:
            return {};
        }
    case IdRole:
        return row.lotId;
    case CurrencyRole:
        return row.currency;
    case TimestampRole:
        return fromEpoch(row.saleStartsAt);
    case OutcomeRole:
        return static_cast<int>(row.outcome);
    default:
        return {};
    }
}

QVariant ItemHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount) {
        return {};
    }
    if (role == Qt::TextAlignmentRole) {
        if (section == EstimateColumn || section == TopBidColumn || section == HammerColumn) {
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        }
        return {};
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case TopBidColumn:
            return tr("The customer's highest bid on the lot");
        case HammerColumn:
            return tr("The hammer price, where the lot sold");
        case ResultColumn:
            return tr("How the lot ended for the customer: won, underbid (the highest losing bid), outbid, "
                      "unsold (bought in), withdrawn, sold (a lot they did not bid on) or upcoming");
        case KindColumn:
            return tr("Whether the customer bid on, wishlisted or consigned the lot");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case DateColumn:
        return tr("Date");
    case SaleColumn:
        return tr("Sale");
    case LotColumn:
        return tr("Lot");
    case TitleColumn:
        return tr("Title");
    case DepartmentColumn:
        return tr("Department");
    case KindColumn:
        return tr("Type");
    case EstimateColumn:
        return tr("Estimate");
    case TopBidColumn:
        return tr("Top bid");
    case HammerColumn:
        return tr("Hammer");
    case ResultColumn:
        return tr("Result");
    case ConsignmentColumn:
        return tr("Consignment");
    default:
        return {};
    }
}

ItemHistory::SortKey ItemHistoryModel::sortKey(int column)
{
    // The sort keys are listed in the order of the columns.
    static_assert(static_cast<int>(ItemHistory::SortKey::Consignment) == ConsignmentColumn);
    return column >= 0 && column < ColumnCount ? static_cast<ItemHistory::SortKey>(column)
                                               : ItemHistory::SortKey::SaleDate;
}

void ItemHistoryModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount || (column == m_sortColumn && order == m_sortOrder)) {
        return;
    }
    m_sortColumn = column;
    m_sortOrder = order;
    if (m_customerId != 0) {
        reload(false);
    }
}

void ItemHistoryModel::load(qint64 customerId, const ItemHistory::Filter &filter)
{
    const bool newCustomer = customerId != m_customerId;
    m_customerId = customerId;
    m_filter = filter;
    if (newCustomer && !m_rows.isEmpty()) {
        // Nothing of the previous customer may stay on screen under this one's name.
        beginResetModel();
        m_rows.clear();
        m_totals = {};
        endResetModel();
    }
    reload(newCustomer);
}

void ItemHistoryModel::clear()
{
    m_generation.renew();
    m_customerId = 0;
    m_loading = false;
    beginResetModel();
    m_rows.clear();
    m_totals = {};
    m_choices = {};
    endResetModel();
    Q_EMIT choicesChanged();
}

void ItemHistoryModel::reload(bool newCustomer)
{
    m_generation.renew();
    m_loading = true;
    const qint64 customerId = m_customerId;
    const ItemHistory::Filter filter = m_filter;
    const ItemHistory::SortKey key = sortKey(m_sortColumn);
    const Qt::SortOrder order = m_sortOrder;
    m_loader.run<Data>(
        m_generation, this,
        [customerId, filter, key, order, newCustomer](Database &db) -> Result<Data> {
            Data data;
            auto rows = ItemHistory::read(db, customerId, filter, key, order);
            if (!rows) {
                return rows.error();
            }
            data.rows = std::move(*rows);
            if (newCustomer) {
                if (filter.isEmpty()) {
                    data.choices = ItemHistory::choicesOf(data.rows);
                } else {
                    auto all = ItemHistory::read(db, customerId);
                    if (!all) {
                        return all.error();
                    }
                    data.choices = ItemHistory::choicesOf(*all);
                }
            }
            return data;
        },
        [this, newCustomer](const Result<Data> &result) {
            m_loading = false;
            beginResetModel();
            m_rows = result ? result->rows : QList<ItemHistory::Row>();
            m_totals = ItemHistory::totalsOf(m_rows);
            endResetModel();
            if (!result) {
                if (newCustomer) {
                    m_choices = {};
                    Q_EMIT choicesChanged();
                }
                Q_EMIT loadFailed(result.error());
                return;
            }
            if (result->choices) {
                m_choices = *result->choices;
                Q_EMIT choicesChanged();
            }
            Q_EMIT loaded();
        });
}

} // namespace Gavel::Models
