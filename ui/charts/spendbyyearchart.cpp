#include "spendbyyearchart.h"

#include "money.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QStackedBarSeries>
#include <QToolTip>
#include <QValueAxis>
#include <QVBoxLayout>

#include <cmath>

namespace Gavel::Ui {

SpendByYearChart::SpendByYearChart(QWidget *parent) : QWidget(parent)
{
    m_view = new QChartView(this);
    m_view->setObjectName(QStringLiteral("spendChart"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(fontMetrics().height() * 16);
    m_view->setAccessibleName(tr("Spend per year by department"));
    m_view->setFocusPolicy(Qt::NoFocus);
    m_empty = new QLabel(tr("No purchases to chart yet."), this);
    m_empty->setObjectName(QStringLiteral("spendChartEmpty"));
    m_empty->setEnabled(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    layout->addWidget(m_empty);
    setData({});
}

bool SpendByYearChart::hasChart() const
{
    return !m_view->isHidden();
}

QStringList SpendByYearChart::categories() const
{
    const QChart *chart = m_view->chart();
    const QList<QAbstractAxis *> axes = chart ? chart->axes(Qt::Horizontal) : QList<QAbstractAxis *>();
    auto *axis = axes.isEmpty() ? nullptr : qobject_cast<QBarCategoryAxis *>(axes.constFirst());
    return axis ? axis->categories() : QStringList();
}

QStringList SpendByYearChart::legendNames() const
{
    QStringList names;
    const QChart *chart = m_view->chart();
    for (QAbstractSeries *series : chart ? chart->series() : QList<QAbstractSeries *>()) {
        if (auto *bars = qobject_cast<QStackedBarSeries *>(series)) {
            for (const QBarSet *set : bars->barSets()) {
                names << set->label();
            }
        }
    }
    return names;
}

void SpendByYearChart::setData(const SpendByYearData &data)
{
    QChart *old = m_view->chart();
    auto *chart = new QChart;
    // The theme first: it would recolour the departments afterwards.
    chart->setTheme(palette().color(QPalette::Window).lightness() < 128 ? QChart::ChartThemeDark
                                                                         : QChart::ChartThemeLight);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->legend()->setAlignment(Qt::AlignBottom);
    m_view->setChart(chart);
    delete old; // setChart() does not take the previous chart down with it

    m_view->setVisible(!data.isEmpty());
    m_empty->setVisible(data.isEmpty());
    if (data.isEmpty()) {
        return;
    }

    // Whole units of the currency, in thousands when the bars reach five figures, so the
    // axis labels stay short in a small window.
    const double unit = std::pow(10.0, Models::currencyDecimals(data.currency));
    const bool thousands = data.largestYearMinor() / unit >= 10'000;
    const double scale = thousands ? unit * 1000 : unit;

    auto *series = new QStackedBarSeries(chart);
    for (const SpendByYearData::Series &s : data.series) {
        auto *set = new QBarSet(s.name, series);
        set->setColor(s.color);
        set->setBorderColor(s.color.darker(140));
        for (const qint64 minor : s.amountsMinor) {
            set->append(static_cast<double>(minor) / scale);
        }
        series->append(set);
    }
    chart->addSeries(series);

    QStringList years;
    for (const int year : data.years) {
        years << QString::number(year);
    }
    auto *x = new QBarCategoryAxis(chart);
    x->append(years);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = new QValueAxis(chart);
    y->setLabelFormat(QStringLiteral("%.0f"));
    y->setTitleText(thousands ? tr("%1 thousand").arg(Models::currencySymbol(data.currency))
                              : Models::currencySymbol(data.currency));
    y->setMin(0);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    y->applyNiceNumbers();

    const QString currency = data.currency;
    const QList<int> yearList = data.years;
    const QList<SpendByYearData::Series> all = data.series;
    connect(series, &QStackedBarSeries::hovered, this,
            [this, currency, yearList, all](bool entered, int index, QBarSet *set) {
                if (!entered) {
                    QToolTip::hideText();
                    return;
                }
                for (const SpendByYearData::Series &s : all) {
                    if (s.name == set->label()) {
                        QToolTip::showText(QCursor::pos(), tr("%1, %2: %3")
                                                               .arg(s.name)
                                                               .arg(yearList.value(index))
                                                               .arg(Models::formatMoney(s.amountsMinor.value(index),
                                                                                        currency)),
                                           this);
                    }
                }
            });
}

} // namespace Gavel::Ui
