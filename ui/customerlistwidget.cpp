#include "customerlistwidget.h"

#include "customerlistmodel.h"
#include "database.h"
#include "formatting.h"
#include "money.h"
#include "result.h"
#include "roles.h"

#include <QDate>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace Gavel::Ui {

using Models::CustomerListModel;

CustomerListWidget::CustomerListWidget(Models::Database &database, QWidget *parent)
    : PlacePage(parent), m_model(new CustomerListModel(database, this))
{
    setObjectName(QStringLiteral("customerList"));
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("customerSearch"));
    m_search->setPlaceholderText(tr("Search by name, Customer ID or e-mail"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("customerCount"));

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("customerTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(CustomerListModel::NameColumn, Qt::AscendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Fixed row heights keep a long list cheap to lay out.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->installEventFilter(this);
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    // Widths fit the header and a typical value in the user's font, so nothing is elided at
    // first sight; the e-mail column takes what is left.
    const QFontMetrics metrics = m_table->fontMetrics();
    const int padding = 2 * metrics.horizontalAdvance(u'M');
    const auto fit = [&](int column, const QString &sample) {
        const QString title = m_model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
        // The sort indicator sits beside the header text.
        header->resizeSection(column, std::max(metrics.horizontalAdvance(title) + padding,
                                               metrics.horizontalAdvance(sample)) + padding);
    };
    fit(CustomerListModel::NameColumn, QStringLiteral("Mohammed Al Mansouri-Whitfield"));
    fit(CustomerListModel::CustomerNoColumn, QStringLiteral("C-1000000"));
    fit(CustomerListModel::CityColumn, QStringLiteral("Rio de Janeiro"));
    fit(CustomerListModel::CountryColumn, QStringLiteral("GB"));
    fit(CustomerListModel::VipColumn, tr("VIP"));
    fit(CustomerListModel::LastActivityColumn, Models::formatDate(QDate(2026, 9, 30), QLocale()));
    fit(CustomerListModel::TotalSpentColumn, Models::formatMoney(123'456'789, QStringLiteral("GBP"), QLocale()));
    header->setSectionResizeMode(CustomerListModel::EmailColumn, QHeaderView::Stretch);

    m_emptyState = new QLabel(this);
    m_emptyState->setObjectName(QStringLiteral("emptyState"));
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    m_emptyState->hide();

    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    top->addWidget(m_search, 1);
    top->addWidget(m_summary);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_emptyState, 1);

    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(150);
    connect(m_searchDelay, &QTimer::timeout, this, &CustomerListWidget::applySearch);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        // Enter in the search box: search now, and open the customer if there is only one.
        m_searchDelay->stop();
        applySearch();
        if (m_model->rowCount() == 1) {
            Q_EMIT customerActivated(m_model->customerIdAt(0));
        } else if (m_model->rowCount() > 0) {
            m_table->setFocus();
            m_table->selectRow(0);
        }
    });
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        Q_EMIT customerActivated(index.data(Models::IdRole).toLongLong());
    });
    connect(m_model, &CustomerListModel::matchCountChanged, this, &CustomerListWidget::updateSummary);
    connect(m_model, &CustomerListModel::errorOccurred, this, &CustomerListWidget::showError);
    updateSummary(m_model->matchCount());
    setFocusProxy(m_search);
}

void CustomerListWidget::showPlace(const Place &place)
{
    if (!place.text.isEmpty() && place.text != m_search->text()) {
        m_search->setText(place.text);
        m_searchDelay->stop();
        applySearch();
    }
}

QString CustomerListWidget::title() const
{
    return tr("Customers");
}

void CustomerListWidget::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void CustomerListWidget::reload()
{
    const qint64 selected = m_table->currentIndex().data(Models::IdRole).toLongLong();
    m_model->reload();
    const int row = m_model->rowOfCustomer(selected);
    if (row >= 0) {
        m_table->selectRow(row);
    }
}

qint64 CustomerListWidget::neighbourOf(qint64 customerId, int step) const
{
    const int row = m_model->rowOfCustomer(customerId);
    if (row < 0) {
        return 0;
    }
    const int target = row + step;
    if (target >= m_model->rowCount() && m_model->canFetchMore({})) {
        m_model->fetchMore({});
    }
    return m_model->customerIdAt(target);
}

bool CustomerListWidget::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (watched == m_search && (key->key() == Qt::Key_Down || key->key() == Qt::Key_PageDown) &&
            m_model->rowCount() > 0) {
            // Down from the search box moves into the results, as in a browser's address bar.
            m_table->setFocus();
            if (!m_table->currentIndex().isValid()) {
                m_table->selectRow(0);
            }
            return true;
        }
        if (watched == m_table && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)) {
            activateCurrent();
            return true;
        }
    }
    return PlacePage::eventFilter(watched, event);
}

void CustomerListWidget::applySearch()
{
    m_model->setSearchText(m_search->text());
}

void CustomerListWidget::activateCurrent()
{
    const QModelIndex current = m_table->currentIndex();
    if (current.isValid()) {
        Q_EMIT customerActivated(current.data(Models::IdRole).toLongLong());
    }
}

void CustomerListWidget::updateSummary(qint64 count)
{
    const QLocale locale;
    m_summary->setText(count == 1 ? tr("1 customer") : tr("%1 customers").arg(locale.toString(count)));
    const bool empty = count == 0;
    m_table->setVisible(!empty);
    m_emptyState->setVisible(empty);
    if (empty) {
        m_emptyState->setText(m_model->searchText().isEmpty()
                                  ? tr("There are no customers in this database yet.\n\nImport a customer list "
                                       "(File → Import…) or open the demo database (File → Open Demo Database).")
                                  : tr("No customer matches “%1”.\nSearch looks at names, Customer IDs and e-mail "
                                       "addresses.")
                                        .arg(m_model->searchText()));
    }
}

void CustomerListWidget::showError(const Models::Error &error)
{
    m_emptyState->setText(error.message);
    m_emptyState->setToolTip(error.detail);
    m_emptyState->show();
}

} // namespace Gavel::Ui
