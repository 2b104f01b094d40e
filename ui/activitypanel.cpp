#include "activitypanel.h"

#include "activityfilterbar.h"
#include "activitymodel.h"
#include "activitystore.h"
#include "activityview.h"
#include "database.h"
#include "epoch.h"
#include "formatting.h"
#include "navigator.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTimer>
#include <QVBoxLayout>

namespace Gavel::Ui {

using Models::ActivityFilter;
using Models::ActivityLink;
using Models::ActivityModel;
using Models::ActivityPage;
using Models::ActivityStore;

ActivityPanel::ActivityPanel(Models::Database &database, Models::Loader &loader, Navigator &navigator, QWidget *parent)
    : ProfilePanel(parent), m_database(database), m_loader(loader), m_navigator(navigator)
{
    m_model = new ActivityModel(database, this);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("activitySearch"));
    m_search->setPlaceholderText(tr("Words in the activity, its mailing, lot, sale or invoice (Alt+S)"));
    m_search->setClearButtonEnabled(true);
    auto *searchLabel = new QLabel(tr("&Search:"), this);
    searchLabel->setBuddy(m_search);

    m_expandAll = new QPushButton(tr("E&xpand All"), this);
    m_expandAll->setObjectName(QStringLiteral("activityExpandAll"));
    m_expandAll->setToolTip(tr("Show the details of every activity"));
    m_collapseAll = new QPushButton(tr("Colla&pse All"), this);
    m_collapseAll->setObjectName(QStringLiteral("activityCollapseAll"));
    m_collapseAll->setToolTip(tr("Hide the details of every activity"));

    m_filterBar = new ActivityFilterBar(this);
    m_filterBar->setObjectName(QStringLiteral("activityFilterBar"));

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("activityStatus"));
    m_status->setWordWrap(true);

    m_view = new ActivityView(this);
    m_view->setObjectName(QStringLiteral("activityView"));
    m_view->setModel(m_model);
    m_view->setToolTip(tr("Enter or Space: details · Ctrl+Enter: open the mailing, lot, sale or invoice"));

    m_showMore = new QPushButton(tr("Sho&w More"), this);
    m_showMore->setObjectName(QStringLiteral("activityShowMore"));
    m_showMore->setToolTip(tr("Read older activities (scrolling to the end does the same)"));

    auto *top = new QHBoxLayout;
    top->addWidget(searchLabel);
    top->addWidget(m_search, 1);
    top->addWidget(m_expandAll);
    top->addWidget(m_collapseAll);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_showMore);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_view, 1);
    layout->addLayout(bottom);

    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchDelay->stop();
        reload();
    });
    connect(m_searchDelay, &QTimer::timeout, this, &ActivityPanel::reload);
    connect(m_filterBar, &ActivityFilterBar::changed, this, &ActivityPanel::reload);
    connect(m_expandAll, &QPushButton::clicked, this, &ActivityPanel::expandAll);
    connect(m_collapseAll, &QPushButton::clicked, this, &ActivityPanel::collapseAll);
    connect(m_showMore, &QPushButton::clicked, this, [this] { m_model->fetchMore({}); });
    connect(m_view, &ActivityView::linkActivated, this, &ActivityPanel::openLink);
    connect(m_model, &ActivityModel::modelReset, this, [this] {
        if (m_allExpanded) {
            m_view->expandAll();
        }
    });
    connect(m_model, &ActivityModel::rowsInserted, this, &ActivityPanel::expandNew);
    connect(m_model, &ActivityModel::pagingChanged, this, &ActivityPanel::updateStatus);
    connect(m_model, &ActivityModel::errorOccurred, this, &ActivityPanel::showError);
    updateStatus();
}

void ActivityPanel::showCustomer(const Models::Customer &customer)
{
    if (customer.id != m_customerId) {
        // Never show one customer's history under another's name, not even for a moment.
        m_customerId = customer.id;
        m_model->clear();
        const QSignalBlocker blocker(m_search);
        m_search->clear();
        m_searchDelay->stop();
    }
    reload();
}

ActivityFilter ActivityPanel::currentFilter() const
{
    ActivityFilter filter = m_filterBar->applyTo(ActivityFilter());
    filter.setText(m_search->text());
    return filter;
}

void ActivityPanel::reload()
{
    m_searchDelay->stop();
    m_error.clear();
    if (m_customerId == 0) {
        return;
    }
    const qint64 customerId = m_customerId;
    const ActivityFilter filter = currentFilter();
    const int pageSize = m_model->pageSize();
    m_generation.renew();
    setLoading(true);
    m_loader.run<ActivityPage>(
        m_generation, this,
        [customerId, filter, pageSize](Models::Database &db) {
            return ActivityStore(db).fill(customerId, filter, std::nullopt, pageSize, kFirstPageBudgetMs);
        },
        [this, customerId, filter](const Models::Result<ActivityPage> &page) {
            setLoading(false);
            if (!page) {
                showError(page.error());
                return;
            }
            m_model->setFirstPage(customerId, filter, *page);
        });
}

void ActivityPanel::setLoading(bool loading)
{
    m_loading = loading;
    updateStatus();
}

void ActivityPanel::showError(const Models::Error &error)
{
    m_error = error.message;
    m_status->setToolTip(error.detail);
    updateStatus();
}

void ActivityPanel::openLink(const ActivityLink &link)
{
    Place::Kind kind = Place::Kind::Lot;
    switch (link.target) {
    case ActivityLink::Target::Campaign:
        kind = Place::Kind::Campaign;
        break;
    case ActivityLink::Target::Lot:
        kind = Place::Kind::Lot;
        break;
    case ActivityLink::Target::Sale:
        kind = Place::Kind::Sale;
        break;
    case ActivityLink::Target::Invoice:
        kind = Place::Kind::Invoice;
        break;
    case ActivityLink::Target::None:
        return;
    }
    m_navigator.open(Place::of(kind, link.id, m_customerId));
}

void ActivityPanel::expandAll()
{
    m_allExpanded = true;
    m_view->expandAll();
}

void ActivityPanel::collapseAll()
{
    m_allExpanded = false;
    m_view->collapseAll();
}

void ActivityPanel::expandNew(const QModelIndex &parent, int first, int last)
{
    if (!m_allExpanded || parent.isValid()) {
        return;
    }
    for (int row = first; row <= last; ++row) {
        m_view->expand(m_model->index(row, 0));
    }
}

void ActivityPanel::updateStatus()
{
    const bool more = m_model->canFetchMore({});
    m_showMore->setVisible(more && !m_loading);
    const ActivityFilter filter = currentFilter();
    QString text;
    if (!m_error.isEmpty()) {
        text = m_error;
    } else if (m_loading && m_model->eventCount() == 0) {
        text = tr("Reading the activities…");
    } else if (filter.includesNone()) {
        text = tr("No category is ticked: tick one above to see its activities.");
    } else if (m_model->eventCount() == 0 && !more) {
        text = filter.includesAll() && !filter.hasText() ? tr("No activity is recorded for this customer yet.")
                                                         : tr("No activity matches the filter.");
    } else if (m_model->isPartial()) {
        const QString date = Models::formatDate(Models::fromEpoch(m_model->searchedBackTo()).toLocalTime().date());
        // Without a translation loaded, Qt does not make English plurals: say both forms.
        text = m_model->eventCount() == 1
                   ? tr("1 activity found so far; searched back to %1. Show More searches further.").arg(date)
                   : tr("%1 activities found so far; searched back to %2. Show More searches further.")
                         .arg(QLocale().toString(m_model->eventCount()), date);
    } else if (more) {
        text = tr("The %1 most recent activities; scroll down or Show More for older ones.")
                   .arg(QLocale().toString(m_model->eventCount()));
    } else {
        text = m_model->eventCount() == 1 ? tr("1 activity.")
                                          : tr("%1 activities.").arg(QLocale().toString(m_model->eventCount()));
    }
    if (m_error.isEmpty()) {
        m_status->setToolTip({});
    }
    m_status->setText(text);
}

} // namespace Gavel::Ui
