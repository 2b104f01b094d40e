#include "recommendationlistmodel.h"

#include "csvwriter.h"
#include "money.h"
#include "roles.h"

#include <QIODevice>
#include <QLocale>

#include <cmath>
#include <optional>

namespace Gavel::Models {

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

QByteArray RecommendationListModel::csv(const RecommendationList &list)
{
    const QStringList header = {
        QStringLiteral("rank"),          QStringLiteral("sale_no"),       QStringLiteral("lot_no"),
        QStringLiteral("title"),         QStringLiteral("maker"),         QStringLiteral("low_estimate"),
        QStringLiteral("high_estimate"), QStringLiteral("currency"),      QStringLiteral("match_score"),
        QStringLiteral("bid_on"),        QStringLiteral("wishlisted"),    QStringLiteral("reasons"),
    };
    const auto estimate = [](qint64 minor) { return minor > 0 ? std::optional<qint64>(minor) : std::nullopt; };
    QList<QStringList> rows;
    int rank = 0;
    for (const Recommendation &lot : list.lots) {
        rows << QStringList{
            QString::number(++rank),
            CsvWriter::textField(list.sale.saleNo),
            CsvWriter::textField(lot.lotNo),
            CsvWriter::textField(lot.title),
            CsvWriter::textField(lot.maker),
            CsvWriter::amount(estimate(lot.lowEstimate), lot.currency),
            CsvWriter::amount(estimate(lot.highEstimate), lot.currency),
            CsvWriter::field(lot.currency),
            QString::number(lot.score),
            lot.bidOn ? QStringLiteral("yes") : QStringLiteral("no"),
            lot.wishlisted ? QStringLiteral("yes") : QStringLiteral("no"),
            CsvWriter::textField(lot.reasons().join(QStringLiteral("; "))),
        };
    }
    return CsvWriter::document(header, rows);
}

Status RecommendationListModel::writeCsv(const RecommendationList &list, QIODevice &device)
{
    return CsvWriter::write(device, csv(list), tr("The list could not be written."));
}

Status RecommendationListModel::saveCsv(const RecommendationList &list, const QString &path)
{
    return CsvWriter::save(path, csv(list), tr("The recommendations could not be saved to “%1”: %2"));
}

} // namespace Gavel::Models
