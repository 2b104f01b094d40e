#include "spendbyyeardata.h"

#include "metricsstore.h"

#include <QHash>

#include <algorithm>

namespace Gavel::Ui {

qint64 SpendByYearData::largestYearMinor() const
{
    qint64 largest = 0;
    for (int i = 0; i < years.size(); ++i) {
        qint64 total = 0;
        for (const Series &s : series) {
            total += s.amountsMinor.value(i);
        }
        largest = std::max(largest, total);
    }
    return largest;
}

SpendByYearData SpendByYearData::from(const QList<Models::SpendPoint> &points,
                                      const QList<Models::DepartmentRef> &departments, const QString &currency)
{
    SpendByYearData data;
    data.currency = currency;
    int first = 0;
    int last = 0;
    for (const Models::SpendPoint &point : points) {
        if (point.amountMinor == 0) {
            continue;
        }
        first = first == 0 ? point.year : std::min(first, point.year);
        last = std::max(last, point.year);
    }
    if (first == 0) {
        return data;
    }
    for (int year = first; year <= last; ++year) {
        data.years << year;
    }

    QHash<qint64, int> seriesOf; // department id → index in data.series
    for (const Models::DepartmentRef &department : departments) {
        seriesOf.insert(department.id, static_cast<int>(data.series.size()));
        const QColor color(department.color);
        data.series << Series{department.name, color.isValid() ? color : QColor(Qt::gray),
                              QList<qint64>(data.years.size(), 0)};
    }
    const int other = static_cast<int>(data.series.size());
    data.series << Series{tr("Other"), QColor(0x9e, 0x9e, 0x9e), QList<qint64>(data.years.size(), 0)};
    for (const Models::SpendPoint &point : points) {
        const int index = seriesOf.value(point.departmentId, other);
        data.series[index].amountsMinor[point.year - first] += point.amountMinor;
    }
    data.series.erase(std::remove_if(data.series.begin(), data.series.end(),
                                     [](const Series &s) {
                                         return std::all_of(s.amountsMinor.cbegin(), s.amountsMinor.cend(),
                                                            [](qint64 amount) { return amount == 0; });
                                     }),
                      data.series.end());
    return data;
}

} // namespace Gavel::Ui
