#include "overviewfigureswidget.h"

#include "customeroverview.h"
#include "formatting.h"
#include "money.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace Gavel::Ui {

namespace {

QGroupBox *group(const QString &title, QFormLayout **form, QWidget *parent)
{
    auto *box = new QGroupBox(title, parent);
    *form = new QFormLayout(box);
    (*form)->setRowWrapPolicy(QFormLayout::WrapLongRows);
    (*form)->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    return box;
}

QLabel *note(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setEnabled(false);
    label->hide();
    return label;
}

} // namespace

OverviewFiguresWidget::OverviewFiguresWidget(QWidget *parent) : QWidget(parent)
{
    QFormLayout *purchases = nullptr;
    QGroupBox *purchaseBox = group(tr("Purchases"), &purchases, this);
    m_invoiceCount = addRow(purchases, tr("Invoices"), QStringLiteral("purchaseCount"));
    m_total = addRow(purchases, tr("Invoiced in all"), QStringLiteral("purchaseTotal"));
    m_average = addRow(purchases, tr("Average invoice"), QStringLiteral("purchaseAverage"));
    m_lotsPerInvoice = addRow(purchases, tr("Lots per invoice"), QStringLiteral("purchaseLotsPerInvoice"));
    m_firstInvoice = addRow(purchases, tr("First invoice"), QStringLiteral("purchaseFirst"));
    m_daysSinceFirst = addRow(purchases, tr("Days since first"), QStringLiteral("purchaseDaysSinceFirst"));
    m_lastInvoice = addRow(purchases, tr("Last invoice"), QStringLiteral("purchaseLast"));
    m_daysSinceLast = addRow(purchases, tr("Days since last"), QStringLiteral("purchaseDaysSinceLast"));
    m_lastTotal = addRow(purchases, tr("Last invoice total"), QStringLiteral("purchaseLastTotal"));
    m_sinceRegistration =
        addRow(purchases, tr("Days since registration"), QStringLiteral("purchaseDaysSinceRegistration"));
    m_currencyNote = note(purchaseBox, QStringLiteral("purchaseCurrencyNote"));
    purchases->addRow(m_currencyNote);

    QFormLayout *rfm = nullptr;
    QGroupBox *rfmBox = group(tr("RFM"), &rfm, this);
    rfmBox->setToolTip(tr("Recency, frequency and monetary value of the customer's invoices, each scored 1 (lowest) to "
                          "5 (highest) against every customer with an invoice."));
    m_rfmSegment = addRow(rfm, tr("Segment"), QStringLiteral("rfmSegment"));
    m_rfmScores = addRow(rfm, tr("Scores"), QStringLiteral("rfmScores"));
    m_rfmRecency = addRow(rfm, tr("Recency"), QStringLiteral("rfmRecency"));
    m_rfmFrequency = addRow(rfm, tr("Frequency"), QStringLiteral("rfmFrequency"));
    m_rfmMonetary = addRow(rfm, tr("Monetary"), QStringLiteral("rfmMonetary"));
    m_rfmNote = note(rfmBox, QStringLiteral("rfmNote"));
    rfm->addRow(m_rfmNote);

    QFormLayout *credit = nullptr;
    QGroupBox *creditBox = group(tr("House credit"), &credit, this);
    m_creditActive = addRow(credit, tr("Active"), QStringLiteral("creditActive"));
    m_creditPending = addRow(credit, tr("Pending activation"), QStringLiteral("creditPendingActivation"));
    m_creditExpiring = addRow(credit, tr("Pending expiry"), QStringLiteral("creditPendingExpiry"));
    m_creditNearest = addRow(credit, tr("Next expiry"), QStringLiteral("creditNearestExpiry"));

    auto *right = new QVBoxLayout;
    right->addWidget(rfmBox);
    right->addWidget(creditBox);
    right->addStretch(1);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(purchaseBox, 1, Qt::AlignTop);
    layout->addLayout(right, 1);
    clear();
}

QLabel *OverviewFiguresWidget::addRow(QFormLayout *form, const QString &label, const QString &objectName)
{
    auto *value = new QLabel(this);
    value->setObjectName(objectName);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setAccessibleName(label);
    form->addRow(label, value);
    m_values << value;
    return value;
}

void OverviewFiguresWidget::setValue(QLabel *label, const QString &text, const QString &toolTip)
{
    label->setText(text.isEmpty() ? tr("—") : text);
    label->setToolTip(toolTip);
}

void OverviewFiguresWidget::clear()
{
    for (QLabel *label : std::as_const(m_values)) {
        setValue(label, {});
    }
    m_currencyNote->hide();
    m_rfmNote->hide();
}

void OverviewFiguresWidget::setOverview(const Models::CustomerOverview &overview)
{
    clear();
    const QLocale locale;
    const QString &currency = overview.currency;
    const auto days = [&](const std::optional<qint64> &value) {
        return value ? locale.toString(*value) : QString();
    };
    const auto amount = [&](const std::optional<qint64> &minor) {
        return minor ? Models::formatMoney(*minor, currency) : QString();
    };

    const Models::PurchaseMetrics &p = overview.purchases;
    if (p.invoiceCount > 0) {
        setValue(m_invoiceCount, locale.toString(p.invoiceCount));
        setValue(m_firstInvoice, Models::formatDate(p.firstInvoice));
        setValue(m_lastInvoice, Models::formatDate(p.lastInvoice));
    }
    setValue(m_total, amount(p.totalMinor));
    setValue(m_average, amount(p.averageInvoiceMinor));
    setValue(m_lastTotal, amount(p.lastInvoiceTotalMinor));
    setValue(m_daysSinceFirst, days(p.daysSinceFirst));
    setValue(m_daysSinceLast, days(p.daysSinceLast));
    setValue(m_sinceRegistration, days(p.daysSinceRegistration));
    if (p.averageLotsPerInvoice) {
        setValue(m_lotsPerInvoice, locale.toString(*p.averageLotsPerInvoice, 'f', 1));
    }
    if (p.otherCurrencyInvoices > 0) {
        m_currencyNote->setText(
            p.otherCurrencyInvoices == 1
                ? tr("1 invoice in another currency is not included: the figures are in %1.").arg(currency)
                : tr("%1 invoices in other currencies are not included: the figures are in %2.")
                      .arg(locale.toString(p.otherCurrencyInvoices), currency));
        m_currencyNote->show();
    }

    if (const auto &rfm = overview.rfm) {
        setValue(m_rfmSegment, Models::Rfm::segmentName(rfm->segment), Models::Rfm::segmentDescription(rfm->segment));
        setValue(m_rfmScores, tr("R %1 · F %2 · M %3").arg(rfm->r).arg(rfm->f).arg(rfm->m));
        setValue(m_rfmRecency, rfm->recencyDays == 1
                                   ? tr("1 day since the last invoice")
                                   : tr("%1 days since the last invoice").arg(locale.toString(rfm->recencyDays)));
        setValue(m_rfmFrequency, rfm->frequency == 1 ? tr("1 invoice")
                                                     : tr("%1 invoices").arg(locale.toString(rfm->frequency)));
        setValue(m_rfmMonetary, Models::formatMoney(rfm->monetaryMinor, currency));
        m_rfmNote->setText(tr("Scored as of %1. Customers → Recalculate Segments… scores everyone again.")
                               .arg(Models::formatDate(rfm->asOf)));
        m_rfmNote->show();
    } else if (p.invoiceCount > 0) {
        m_rfmNote->setText(tr("Not scored yet: Customers → Recalculate Segments… scores every customer."));
        m_rfmNote->show();
    }

    const Models::LoyaltyBalances &credit = overview.loyalty;
    if (credit.hasLedger) {
        setValue(m_creditActive, Models::formatMoney(credit.activeMinor, currency));
        setValue(m_creditPending, Models::formatMoney(credit.pendingActivationMinor, currency));
        setValue(m_creditExpiring, Models::formatMoney(credit.pendingExpiryMinor, currency));
        if (credit.nearestExpiry.isValid()) {
            setValue(m_creditNearest, tr("%1 on %2")
                                          .arg(Models::formatMoney(credit.nearestExpiryMinor, currency),
                                               Models::formatDate(credit.nearestExpiry)));
        }
    }
}

} // namespace Gavel::Ui
