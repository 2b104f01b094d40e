#include "recommendationlistmodel.h"

#include "money.h"
#include "roles.h"

#include <QIODevice>
#include <QLocale>

#include <cmath>

namespace Gavel::Models {

namespace {

QString csvField(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n') && !text.contains(u'\r')) {
        return text;
    }
    QString quoted = text;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QString majorUnits(qint64 minor, const QString &currency)
{
    if (minor <= 0) {
        return {};
    }
    return QLocale::c().toString(static_cast<double>(minor) / std::pow(10.0, currencyDecimals(currency)), 'f',
                                 currencyDecimals(currency));
}

} // namespace

RecommendationListModel::RecommendationListModel(QObject *parent) : QAbstractTableModel(parent) {}

void RecommendationListModel::setList(RecommendationList list)
{
    beginResetModel();
    m_list = std::move(list);
    endResetModel();
}

void RecommendationListModel::clear()
{
    setList({});
}

const Recommendation *RecommendationListModel::recommendationAt(int row) const
{
    if (row < 0 || row >= static_cast<int>(m_list.lots.size())) {
        return nullptr;
    }
    return &m_list.lots[static_cast<std::size_t>(row)];
}

int RecommendationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_list.lots.size());
}

int RecommendationListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RecommendationListModel::data(const QModelIndex &index, int role) const
{
    const Recommendation *lot = index.isValid() ? recommendationAt(index.row()) : nullptr;
    if (lot == nullptr) {
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case RankColumn:
            return index.row() + 1;
        case LotColumn:
            return lot->lotNo;
        case TitleColumn: {
            QString title = lot->maker.isEmpty() ? lot->title : lot->maker + QStringLiteral(" — ") + lot->title;
            if (lot->bidOn) {
                title += tr(" (bid on)");
            } else if (lot->wishlisted) {
                title += tr(" (wishlisted)");
            }
            return title;
        }
        case EstimateColumn:
            return formatEstimate(lot->lowEstimate, lot->highEstimate, lot->currency);
        case ScoreColumn:
            return lot->score;
        case ReasonsColumn:
            return lot->reasons().join(QStringLiteral("; "));
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == ReasonsColumn || index.column() == ScoreColumn) {
            return tr("Match Score %1 of 100:\n%2").arg(lot->score).arg(lot->reasons().join(u'\n'));
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == ScoreColumn || index.column() == RankColumn || index.column() == EstimateColumn) {
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        }
        return {};
    case IdRole:
        return lot->lotId;
    case SortRole:
        return index.column() == ScoreColumn ? QVariant(lot->exactScore) : QVariant(lot->lotSeq);
    case MoneyMinorRole:
        return lot->lowEstimate;
    case CurrencyRole:
        return lot->currency;
    case ReasonsRole:
        return lot->reasons();
    }
    return {};
}

QVariant RecommendationListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case RankColumn:
        return tr("#");
    case LotColumn:
        return tr("Lot");
    case TitleColumn:
        return tr("Title");
    case EstimateColumn:
        return tr("Estimate");
    case ScoreColumn:
        return tr("Match Score");
    case ReasonsColumn:
        return tr("Reasons");
    }
    return {};
}

Status RecommendationListModel::writeCsv(const RecommendationList &list, QIODevice &device)
{
    QString text = QStringLiteral("rank,sale_no,lot_no,title,maker,low_estimate,high_estimate,currency,match_score,"
                                  "bid_on,wishlisted,reasons\r\n");
    int rank = 0;
    for (const Recommendation &lot : list.lots) {
        const QStringList fields = {
            QString::number(++rank),
            csvField(list.sale.saleNo),
            csvField(lot.lotNo),
            csvField(lot.title),
            csvField(lot.maker),
            majorUnits(lot.lowEstimate, lot.currency),
            majorUnits(lot.highEstimate, lot.currency),
            lot.currency,
            QString::number(lot.score),
            lot.bidOn ? QStringLiteral("yes") : QStringLiteral("no"),
            lot.wishlisted ? QStringLiteral("yes") : QStringLiteral("no"),
            csvField(lot.reasons().join(QStringLiteral("; "))),
        };
        text += fields.join(u',') + QStringLiteral("\r\n");
    }
    const QByteArray bytes = text.toUtf8();
    if (device.write(bytes) != bytes.size()) {
        return Error::make(ErrorKind::General, tr("The list could not be written: %1").arg(device.errorString()));
    }
    return {};
}

} // namespace Gavel::Models
