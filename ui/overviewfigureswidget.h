#pragma once

#include <QWidget>

class QFormLayout;
class QLabel;

namespace Gavel::Models {
struct CustomerOverview;
}

namespace Gavel::Ui {

/// The Overview's purchase ("receipt") metrics, RFM score and house credit, as three small
/// forms. An empty figure shows "—".
class OverviewFiguresWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverviewFiguresWidget)

public:
    explicit OverviewFiguresWidget(QWidget *parent = nullptr);

    void setOverview(const Models::CustomerOverview &overview);
    void clear();

private:
    QLabel *addRow(QFormLayout *form, const QString &label, const QString &objectName);
    static void setValue(QLabel *label, const QString &text, const QString &toolTip = {});

    QList<QLabel *> m_values;
    QLabel *m_firstInvoice = nullptr;
    QLabel *m_daysSinceFirst = nullptr;
    QLabel *m_lastInvoice = nullptr;
    QLabel *m_daysSinceLast = nullptr;
    QLabel *m_invoiceCount = nullptr;
    QLabel *m_total = nullptr;
    QLabel *m_lastTotal = nullptr;
    QLabel *m_average = nullptr;
    QLabel *m_lotsPerInvoice = nullptr;
    QLabel *m_sinceRegistration = nullptr;
    QLabel *m_currencyNote = nullptr;

    QLabel *m_rfmSegment = nullptr;
    QLabel *m_rfmScores = nullptr;
    QLabel *m_rfmRecency = nullptr;
    QLabel *m_rfmFrequency = nullptr;
    QLabel *m_rfmMonetary = nullptr;
    QLabel *m_rfmNote = nullptr;

    QLabel *m_creditActive = nullptr;
    QLabel *m_creditPending = nullptr;
    QLabel *m_creditExpiring = nullptr;
    QLabel *m_creditNearest = nullptr;
};

} // namespace Gavel::Ui
