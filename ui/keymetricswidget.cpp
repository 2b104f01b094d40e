#include "keymetricswidget.h"

#include "formatting.h"
#include "metricsstore.h"
#include "money.h"

#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace Gavel::Ui {

namespace {

const char *const kObjectNames[] = {"metricTotalSpent",    "metricLotsWon",       "metricBidsPlaced",
                                    "metricWinRate",       "metricAverageHammer", "metricSalesParticipated",
                                    "metricLotsConsigned", "metricConsignedSold", "metricEmailEngagement"};

QString count(const std::optional<qint64> &value)
{
    return value ? QLocale().toString(*value) : QString();
}

QString money(const std::optional<qint64> &minor, const QString &currency)
{
    return minor ? Models::formatMoney(*minor, currency) : QString();
}

QString percent(const std::optional<double> &ratio)
{
    const QLocale locale;
    return ratio ? locale.toString(*ratio * 100.0, 'f', 0) + locale.percent() : QString();
}

} // namespace

QString KeyMetricsWidget::caption(Metric metric)
{
    switch (metric) {
    case TotalSpent:
        return tr("Total spent");
    case LotsWon:
        return tr("Lots won");
    case BidsPlaced:
        return tr("Bids placed");
    case WinRate:
        return tr("Win rate");
    case AverageHammer:
        return tr("Average hammer");
    case SalesParticipated:
        return tr("Sales taken part in");
    case LotsConsigned:
        return tr("Lots consigned");
    case ConsignedSold:
        return tr("Consigned lots sold");
    case EmailEngagement:
        return tr("E-mail engagement");
    case MetricCount:
        break;
    }
    return {};
}

KeyMetricsWidget::KeyMetricsWidget(QWidget *parent) : QWidget(parent)
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    const QStringList explanations = {
        tr("Hammer price and buyer's premium of the lots on the customer's invoices (not cancelled), in the house "
           "currency."),
        tr("Lots the customer bought."),
        tr("Bids the customer placed, in any channel."),
        tr("Of the lots the customer bid on, the share they bought."),
        tr("The mean hammer price of the lots the customer bought."),
        tr("Sales the customer registered for, bid in or bought in."),
        tr("Lots the customer consigned to the house."),
        tr("The hammer total of the customer's consigned lots that sold."),
        tr("E-mails opened out of those received (delivered, not held back as control) in the last 12 months."),
    };
    for (int metric = 0; metric < MetricCount; ++metric) {
        auto *tile = new QFrame(this);
        tile->setFrameShape(QFrame::StyledPanel);
        auto *layout = new QVBoxLayout(tile);
        layout->setSpacing(2);
        auto *captionLabel = new QLabel(caption(Metric(metric)), tile);
        QFont small = captionLabel->font();
        small.setPointSizeF(small.pointSizeF() * 0.9);
        captionLabel->setFont(small);
        captionLabel->setWordWrap(true);
        auto *value = new QLabel(tile);
        value->setObjectName(QString::fromLatin1(kObjectNames[metric]));
        QFont big = value->font();
        big.setPointSizeF(big.pointSizeF() * 1.5);
        big.setBold(true);
        value->setFont(big);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setAccessibleName(caption(Metric(metric)));
        tile->setToolTip(explanations.at(metric));
        layout->addWidget(captionLabel);
        layout->addWidget(value);
        grid->addWidget(tile, metric / 3, metric % 3);
        m_values << value;
    }
    clear();
}

void KeyMetricsWidget::setValue(Metric metric, const QString &text, const QString &detail)
{
    QLabel *label = m_values.at(metric);
    label->setText(text.isEmpty() ? tr("—") : text);
    label->setToolTip(text.isEmpty() ? tr("Nothing to reckon this from yet.") : detail);
}

void KeyMetricsWidget::clear()
{
    for (int metric = 0; metric < MetricCount; ++metric) {
        setValue(Metric(metric), {});
    }
}

void KeyMetricsWidget::setMetrics(const Models::KeyMetrics &m, const QString &currency, QDate asOf)
{
    const QLocale locale;
    setValue(TotalSpent, money(m.totalSpentMinor, currency));
    setValue(LotsWon, count(m.lotsWon));
    setValue(BidsPlaced, count(m.bidsPlaced));
    setValue(WinRate, percent(m.winRate),
             tr("Bought %1 of the %2 lots bid on").arg(locale.toString(m.lotsBidOnAndWon), locale.toString(m.lotsBidOn)));
    setValue(AverageHammer, money(m.averageHammerMinor, currency));
    setValue(SalesParticipated, count(m.salesParticipated));
    setValue(LotsConsigned, count(m.lotsConsigned));
    setValue(ConsignedSold, money(m.consignedSoldMinor, currency));
    setValue(EmailEngagement, percent(m.emailEngagement),
             tr("Opened %1 of the %2 e-mails received in the 12 months to %3")
                 .arg(locale.toString(m.emailsOpened), locale.toString(m.emailsReceived), Models::formatDate(asOf)));
}

} // namespace Gavel::Ui
