#pragma once

#include "interestmodel.h"

#include <QColor>
#include <QWidget>

class QTableWidget;

namespace Gavel::Ui {

class CategorySpendChart;
class ChipListWidget;

/// One department's tab of the Interests panel: its categories with score, share, lots bid
/// and won and total spent; the spend per category as bars; and the keywords and tags of
/// the department's lots the customer engaged with, each opening the customers with that tag.
class DepartmentInterestWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DepartmentInterestWidget)

public:
    DepartmentInterestWidget(const Models::DepartmentInterest &department, const QString &currency,
                             const QColor &color, QWidget *parent = nullptr);

    qint64 departmentId() const { return m_departmentId; }
    QTableWidget *table() const { return m_table; }
    CategorySpendChart *chart() const { return m_chart; }
    ChipListWidget *keywords() const { return m_keywords; }

Q_SIGNALS:
    void tagActivated(const QString &name);

private:
    qint64 m_departmentId = 0;
    QTableWidget *m_table = nullptr;
    CategorySpendChart *m_chart = nullptr;
    ChipListWidget *m_keywords = nullptr;
};

} // namespace Gavel::Ui
