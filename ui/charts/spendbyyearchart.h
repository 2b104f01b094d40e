#pragma once

#include "spendbyyeardata.h"

#include <QWidget>

class QLabel;

QT_BEGIN_NAMESPACE
class QChartView;
QT_END_NAMESPACE

namespace Gavel::Ui {

/// Spend per year by department as stacked bars with a legend (Qt Charts). Hovering a bar
/// shows the department, year and amount. With no spend there is no chart, and it says so.
class SpendByYearChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SpendByYearChart)

public:
    explicit SpendByYearChart(QWidget *parent = nullptr);

    void setData(const SpendByYearData &data);
    /// Whether a chart is drawn (false: the "no spend" message shows instead).
    bool hasChart() const;
    /// The years along the axis and the departments in the legend, as drawn (for tests).
    QStringList categories() const;
    QStringList legendNames() const;

private:
    QChartView *m_view = nullptr;
    QLabel *m_empty = nullptr;
};

} // namespace Gavel::Ui
