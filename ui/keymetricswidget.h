#pragma once

#include <QDate>
#include <QList>
#include <QWidget>

class QLabel;

namespace Gavel::Models {
struct KeyMetrics;
}

namespace Gavel::Ui {

/// The nine key metrics as a grid of tiles: a caption and a figure each. A figure there is
/// nothing to reckon from shows "—", never 0 % or a made-up zero.
class KeyMetricsWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyMetricsWidget)

public:
    enum Metric {
        TotalSpent,
        LotsWon,
        BidsPlaced,
        WinRate,
        AverageHammer,
        SalesParticipated,
        LotsConsigned,
        ConsignedSold,
        EmailEngagement,
        MetricCount
    };

    explicit KeyMetricsWidget(QWidget *parent = nullptr);

    /// Shows the figures; money in `currency`, the e-mail window ending on `asOf`.
    void setMetrics(const Models::KeyMetrics &metrics, const QString &currency, QDate asOf);
    /// Every figure "—" (while loading, or when the load failed).
    void clear();

    /// The label that shows a figure (for tests).
    QLabel *valueLabel(Metric metric) const { return m_values.value(metric); }
    static QString caption(Metric metric);

private:
    void setValue(Metric metric, const QString &text, const QString &detail = {});

    QList<QLabel *> m_values;
};

} // namespace Gavel::Ui
