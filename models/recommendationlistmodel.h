#pragma once

#include "recommendationstore.h"

#include <QAbstractTableModel>

class QIODevice;

namespace Gavel::Models {

/// The ranked lots of a sale for one customer, a row per lot, best first.
class RecommendationListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecommendationListModel)

public:
    enum Column { RankColumn, LotColumn, TitleColumn, EstimateColumn, ScoreColumn, ReasonsColumn, ColumnCount };

    explicit RecommendationListModel(QObject *parent = nullptr);

    void setList(RecommendationList list);
    void clear();
    const RecommendationList &list() const { return m_list; }
    const Recommendation *recommendationAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// The list as CSV (CsvWriter: UTF-8 with a byte-order mark, a header row, formula-safe
    /// text; estimates in major units with their currency; the reasons joined by "; "), for a
    /// specialist's call sheet.
    static QByteArray csv(const RecommendationList &list);
    static Status writeCsv(const RecommendationList &list, QIODevice &device);
    /// Saves csv() to `path` through QSaveFile (a failed export leaves no half file).
    static Status saveCsv(const RecommendationList &list, const QString &path);

private:
    RecommendationList m_list;
};

} // namespace Gavel::Models
