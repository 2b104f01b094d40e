#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace Gavel::Models {
struct DepartmentRef;
struct SpendPoint;
} // namespace Gavel::Models

namespace Gavel::Ui {

/// What the spend chart draws, and nothing about how: a stacked bar per year, a segment per
/// department. Kept apart from the chart so that the Qt Charts code (deprecated in newer Qt)
/// can be replaced without touching whoever feeds it.
struct SpendByYearData
{
    Q_DECLARE_TR_FUNCTIONS(SpendByYearData)

public:
    struct Series
    {
        QString name;
        QColor color;
        QList<qint64> amountsMinor; ///< one per year of `years`
    };

    QString currency;
    QList<int> years;     ///< every year from the first with spend to the last, oldest first
    QList<Series> series; ///< departments in the house's order; lots without one last, as "Other"

    bool isEmpty() const { return years.isEmpty(); }
    /// The largest stacked total of a year, in minor units.
    qint64 largestYearMinor() const;

    /// From the per-year, per-department sums; departments not in `departments` (none,
    /// or inactive) are shown together as "Other". Years and departments without any spend
    /// are left out; no spend at all gives an empty chart.
    static SpendByYearData from(const QList<Models::SpendPoint> &points,
                                const QList<Models::DepartmentRef> &departments, const QString &currency);
};

} // namespace Gavel::Ui
