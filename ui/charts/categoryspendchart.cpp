#include "categoryspendchart.h"

#include "money.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QToolTip>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace Gavel::Ui {

CategorySpendChart::CategorySpendChart(QWidget *parent) : QWidget(parent)
{
    m_view = new QChartView(this);
    m_view->setObjectName(QStringLiteral("categorySpendChart"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(fontMetrics().height() * 12);
    m_view->setAccessibleName(tr("Total spent per category"));
    m_view->setFocusPolicy(Qt::NoFocus);
    m_empty = new QLabel(tr("Nothing bought in this department yet."), this);
    m_empty->setObjectName(QStringLiteral("categorySpendEmpty"));
    m_empty->setEnabled(false);
    m_empty->setAlignment(Qt::AlignCenter);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    layout->addWidget(m_empty);
    setData({}, {}, {});
}

bool CategorySpendChart::hasChart() const
{
    return !m_view->isHidden();
}

QStringList CategorySpendChart::categories() const
{
    return m_categories;
}

void CategorySpendChart::setData(const QList<Bar> &input, const QString &currency, const QColor &color)
{
    QList<Bar> bars;
    for (const Bar &bar : input) {
        if (bar.minor > 0) {
            bars << bar;
        }
    }
    std::stable_sort(bars.begin(), bars.end(), [](const Bar &a, const Bar &b) { return a.minor > b.minor; });
    m_categories.clear();
    for (const Bar &bar : std::as_const(bars)) {
        m_categories << bar.category;
    }

    QChart *old = m_view->chart();
    auto *chart = new QChart;
    chart->setTheme(palette().color(QPalette::Window).lightness() < 128 ? QChart::ChartThemeDark
                                                                         : QChart::ChartThemeLight);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->legend()->hide();
    m_view->setChart(chart);
    delete old;

    m_view->setVisible(!bars.isEmpty());
    m_empty->setVisible(bars.isEmpty());
    if (bars.isEmpty()) {
        return;
    }

    const double unit = std::pow(10.0, Models::currencyDecimals(currency));
    // In thousands from four figures: the axis labels stay short in a narrow tab.
    const bool thousands = bars.constFirst().minor / unit >= 1'000;
    const double scale = thousands ? unit * 1000 : unit;

    // Bars are drawn bottom-up: append the smallest first so the largest is on top.
    auto *series = new QHorizontalBarSeries(chart);
    auto *set = new QBarSet(tr("Spent"), series);
    set->setColor(color);
    set->setBorderColor(color.darker(140));
    QStringList axisNames;
    for (qsizetype i = bars.size() - 1; i >= 0; --i) {
        set->append(static_cast<double>(bars[i].minor) / scale);
        // Long names are cut so the bars keep most of the width.
        axisNames << fontMetrics().elidedText(bars[i].category, Qt::ElideRight, fontMetrics().averageCharWidth() * 22);
    }
    series->append(set);
    chart->addSeries(series);
    auto *y = new QBarCategoryAxis(chart);
    y->append(axisNames);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    auto *x = new QValueAxis(chart);
    x->setLabelFormat(QStringLiteral("%.0f"));
    x->setTitleText(thousands ? tr("%1 thousand").arg(Models::currencySymbol(currency))
                              : Models::currencySymbol(currency));
    x->setMin(0);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    x->applyNiceNumbers();

    const QList<Bar> shown = bars;
    connect(series, &QHorizontalBarSeries::hovered, this, [this, shown, currency](bool entered, int index, QBarSet *) {
        if (!entered) {
            QToolTip::hideText();
            return;
        }
        const Bar &bar = shown.value(shown.size() - 1 - index);
        QToolTip::showText(QCursor::pos(), tr("%1: %2").arg(bar.category, Models::formatMoney(bar.minor, currency)),
                           this);
    });
}

} // namespace Gavel::Ui
