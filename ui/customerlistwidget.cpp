#include "customerlistwidget.h"

#include "customerfilter.h"
#include "customerfilterbar.h"
#include "customerlistmodel.h"
#include "database.h"
#include "formatting.h"
#include "money.h"
#include "result.h"
#include "roles.h"

#include <QFrame>
#include <QDate>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace Gavel::Ui {

using Models::CustomerListModel;

CustomerListWidget::CustomerListWidget(Models::Database &database, QWidget *parent)
    : PlacePage(parent), m_database(database), m_model(new CustomerListModel(database, this))
{
    setObjectName(QStringLiteral("customerList"));
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("customerSearch"));
    m_search->setPlaceholderText(tr("Search by name, Customer ID, e-mail, phone or city"));
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

    // What the list is filtered to, and a way back to everyone.
    m_filterBar = new QFrame(this);
    m_filterBar->setObjectName(QStringLiteral("filterBar"));
    m_filterBar->setFrameShape(QFrame::StyledPanel);
    m_filterText = new QLabel(m_filterBar);
    m_filterText->setObjectName(QStringLiteral("filterText"));
    m_filterText->setWordWrap(true);
    m_clearFilter = new QPushButton(tr("Show &All Customers"), m_filterBar);
    m_clearFilter->setObjectName(QStringLiteral("clearFilter"));
    m_clearFilter->setToolTip(tr("Clear the filter (the search stays)"));
    auto *bar = new QHBoxLayout(m_filterBar);
    bar->setContentsMargins(8, 4, 4, 4);
    bar->addWidget(m_filterText, 1);
    bar->addWidget(m_clearFilter);
    m_filterBar->hide();
    connect(m_clearFilter, &QPushButton::clicked, this, [this] { Q_EMIT placeRequested(Place::customerList()); });

    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    top->addWidget(m_search, 1);
    top->addWidget(m_summary);
    layout->addLayout(top);
    m_filters = new CustomerFilterBar(database, this);
    connect(m_filters, &CustomerFilterBar::placeTextChosen, this, [this](const QString &text) {
        Q_EMIT placeRequested(Place::customerList(text));
    });
    layout->addWidget(m_filters);
    layout->addWidget(m_filterBar);
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
    m_filters->refreshChoices();
    m_filters->setPlaceText(Models::CustomerFilter::isFilterText(place.text) ? place.text : QString());
    applyFilter(place.text);
    if (Models::CustomerFilter::isFilterText(place.text)) {
        return;
    }
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

void CustomerListWidget::applyFilter(const QString &placeText)
{
    if (!Models::CustomerFilter::isFilterText(placeText)) {
        m_filterBar->hide();
        m_model->setFilter({});
        return;
    }
    // A cheap indexed lookup of the label or segment by its name or code.
    auto filter = Models::CustomerFilter::fromPlaceText(m_database, placeText);
    m_filterBar->show();
    if (!filter) {
        m_model->setFilter({});
        m_filterText->setText(filter.error().message);
        m_filterText->setToolTip(filter.error().detail);
        showError(filter.error());
        m_table->hide();
        return;
    }
    m_filterText->setText(tr("Showing %1").arg(filter->description));
    m_filterText->setToolTip({});
    m_model->setFilter(*filter);
    updateSummary(m_model->matchCount());
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
    if (count < 0) {
        // A big filter is counted off the GUI thread; its first page is already shown.
        m_summary->setText(tr("Counting…"));
        m_table->setVisible(true);
        m_emptyState->setVisible(false);
        return;
    }
    m_summary->setText(count == 1 ? tr("1 customer") : tr("%1 customers").arg(locale.toString(count)));
    const bool empty = count == 0;
    m_table->setVisible(!empty);
    m_emptyState->setVisible(empty);
    if (empty) {
        if (!m_model->filter().isEmpty()) {
            m_emptyState->setText(m_model->searchText().isEmpty()
                                      ? tr("No customers to show: %1 has no one in it.")
                                            .arg(m_model->filter().description)
                                      : tr("No customer of %1 matches “%2”.")
                                            .arg(m_model->filter().description, m_model->searchText()));
        } else {
            m_emptyState->setText(m_model->searchText().isEmpty()
                                      ? tr("There are no customers in this database yet.\n\nImport a customer list "
                                           "(File → Import…) or open the demo database (File → Open Demo Database).")
                                      : tr("No customer matches “%1”.\nSearch looks at names, Customer IDs, e-mail "
                                           "addresses, phone numbers and cities.")
                                            .arg(m_model->searchText()));
        }
    }
}

void CustomerListWidget::showError(const Models::Error &error)
{
    m_emptyState->setText(error.message);
    m_emptyState->setToolTip(error.detail);
    m_emptyState->show();
}

} // namespace Gavel::Ui
