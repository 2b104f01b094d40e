#pragma once

#include <QColor>
#include <QList>
#include <QString>
#include <QWidget>

class QLabel;

QT_BEGIN_NAMESPACE
class QChartView;
QT_END_NAMESPACE

namespace Gavel::Ui {

/// Total spent per category of one department as horizontal bars (Qt Charts), the largest
/// at the top, in the department's colour; hovering a bar shows the category and amount.
/// With no spend there is no chart, and it says so.
class CategorySpendChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CategorySpendChart)

public:
    struct Bar
    {
        QString category;
        qint64 minor = 0;
    };

    explicit CategorySpendChart(QWidget *parent = nullptr);

    /// Categories with nothing spent are left out.
    void setData(const QList<Bar> &bars, const QString &currency, const QColor &color);
    bool hasChart() const;
    /// The categories along the axis, top first (for tests).
    QStringList categories() const;

private:
    QChartView *m_view = nullptr;
    QLabel *m_empty = nullptr;
    QStringList m_categories;
};

} // namespace Gavel::Ui
