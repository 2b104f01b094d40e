#include "departmentinterestwidget.h"

#include "charts/categoryspendchart.h"
#include "chiplistwidget.h"
#include "money.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace Gavel::Ui {

namespace {

QTableWidgetItem *number(const QString &text, const QVariant &sortValue)
{
    auto *item = new QTableWidgetItem(text);
    item->setData(Qt::UserRole, sortValue);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

DepartmentInterestWidget::DepartmentInterestWidget(const Models::DepartmentInterest &department,
                                                   const QString &currency, const QColor &color, QWidget *parent)
    : QWidget(parent), m_departmentId(department.departmentId)
{
    const QLocale locale;
    m_table = new QTableWidget(static_cast<int>(department.categories.size()), 6, this);
    m_table->setObjectName(QStringLiteral("categoryTable"));
    m_table->setAccessibleName(tr("Categories of %1").arg(department.name));
    m_table->setHorizontalHeaderLabels(
        {tr("Category"), tr("Score"), tr("Share"), tr("Lots bid on"), tr("Lots won"), tr("Total spent")});
    m_table->horizontalHeaderItem(1)->setToolTip(
        tr("Wins, consignments, bids, wishlists, clicks and views, the older the less (see the README)"));
    m_table->horizontalHeaderItem(5)->setToolTip(tr("Hammer price and buyer's premium on the customer's invoices"));
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    QList<CategorySpendChart::Bar> bars;
    for (int row = 0; row < department.categories.size(); ++row) {
        const Models::CategoryInterest &category = department.categories[row];
        auto *name = new QTableWidgetItem(category.name);
        name->setToolTip(category.name);
        m_table->setItem(row, 0, name);
        m_table->setItem(row, 1, number(locale.toString(category.score, 'f', 1), category.score));
        const double share = department.score > 0 ? category.score / department.score : 0;
        m_table->setItem(row, 2, number(locale.toString(share * 100, 'f', 0) + locale.percent(), share));
        m_table->setItem(row, 3, number(locale.toString(category.lotsBid), category.lotsBid));
        m_table->setItem(row, 4, number(locale.toString(category.lotsWon), category.lotsWon));
        m_table->setItem(row, 5,
                         number(category.spentMinor > 0 ? Models::formatMoney(category.spentMinor, currency)
                                                        : QStringLiteral("—"),
                                category.spentMinor));
        bars << CategorySpendChart::Bar{category.name, category.spentMinor};
    }
    // As tall as its rows (up to ten, then it scrolls), so no empty grid fills the tab.
    const int rows = std::min<int>(static_cast<int>(department.categories.size()), 10);
    m_table->setFixedHeight(m_table->horizontalHeader()->sizeHint().height() +
                            std::max(rows, 1) * m_table->verticalHeader()->defaultSectionSize() +
                            2 * m_table->frameWidth() + 2);

    m_chart = new CategorySpendChart(this);
    m_chart->setData(bars, currency, color);

    auto *keywordsLabel = new QLabel(tr("Keywords and tags of the lots the customer engaged with:"), this);
    m_keywords = new ChipListWidget(this);
    m_keywords->setObjectName(QStringLiteral("departmentKeywords"));
    m_keywords->setEmptyText(tr("None: these lots carry no keywords."));
    QList<Chip> chips;
    for (const Models::TagWeight &tag : department.tags) {
        chips << Chip{tag.name, tag.name,
                      tr("Weight %1 in %2. Click to list every customer with this tag.")
                          .arg(locale.toString(tag.weight, 'f', 1), department.name),
                      false};
    }
    m_keywords->setChips(chips);
    connect(m_keywords, &ChipListWidget::chipActivated, this, &DepartmentInterestWidget::tagActivated);

    auto *tableColumn = new QVBoxLayout;
    tableColumn->addWidget(m_table);
    tableColumn->addStretch(1);
    auto *top = new QHBoxLayout;
    top->addLayout(tableColumn, 3);
    top->addWidget(m_chart, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(keywordsLabel);
    layout->addWidget(m_keywords);
}

} // namespace Gavel::Ui
