#include "profilewidget.h"

#include "activitypanel.h"
#include "customerstore.h"
#include "database.h"
#include "itemhistorypanel.h"
#include "interestspanel.h"
#include "invoicespanel.h"
#include "marketingpanel.h"
#include "navigator.h"
#include "overviewpanel.h"
#include "notespanel.h"
#include "placeholderpanel.h"
#include "recommendationsdialog.h"
#include "sidebarwidget.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>

namespace Gavel::Ui {

ProfileWidget::ProfileWidget(Models::Database &database, Models::Loader &loader, Navigator &navigator,
                             QWidget *parent)
    : PlacePage(parent), m_database(database), m_loader(loader), m_navigator(navigator)
{
    setObjectName(QStringLiteral("profile"));
    m_sidebar = new SidebarWidget(database, loader, this);
    connect(m_sidebar, &SidebarWidget::customerEdited, this, &ProfileWidget::apply);
    auto *editCustomer = new QAction(tr("Edit Customer"), this);
    editCustomer->setObjectName(QStringLiteral("editCustomerAction"));
    editCustomer->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    editCustomer->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(editCustomer, &QAction::triggered, m_sidebar, &SidebarWidget::editCustomer);
    addAction(editCustomer);
    m_sidebarScroll = new QScrollArea(this);
    m_sidebarScroll->setObjectName(QStringLiteral("sidebarScroll"));
    m_sidebarScroll->setWidget(m_sidebar);
    m_sidebarScroll->setWidgetResizable(true);
    m_sidebarScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_sidebarScroll->setFrameShape(QFrame::NoFrame);
    const int em = fontMetrics().horizontalAdvance(u'M');
    // Wide enough for a long e-mail address, a phone with its type and both buttons.
    m_sidebarScroll->setFixedWidth(qMax(380, 30 * em));

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("profileTabs"));
    m_tabs->setDocumentMode(true);

    addPanel(new OverviewPanel(m_database, m_loader, m_navigator), tr("&Overview"));
    addPanel(new ActivityPanel(m_database, m_loader, m_navigator), tr("&Activities"));
    addPanel(new ItemHistoryPanel(m_database, m_loader, m_navigator), tr("&Item History"));
    addPanel(new InterestsPanel(m_database, m_loader, m_navigator), tr("I&nterests"));
    addPanel(new NotesPanel(m_database, m_loader), tr("No&tes"));
    addPanel(new InvoicesPanel(m_database, m_loader, m_navigator), tr("In&voices"));
    addPanel(new MarketingPanel(m_database, m_loader, m_navigator), tr("&Marketing"));

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("profileError"));
    m_error->setAlignment(Qt::AlignCenter);
    m_error->setWordWrap(true);
    m_error->hide();

    // Recommendations: the sidebar's button and Ctrl+R anywhere in the profile.
    m_recommendationsAction = new QAction(tr("&Recommendations"), this);
    m_recommendationsAction->setObjectName(QStringLiteral("recommendationsAction"));
    m_recommendationsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    // The whole window: a hidden profile (the list on screen) takes no shortcuts anyway.
    m_recommendationsAction->setShortcutContext(Qt::WindowShortcut);
    m_recommendationsAction->setEnabled(false);
    addAction(m_recommendationsAction);
    connect(m_recommendationsAction, &QAction::triggered, this, &ProfileWidget::showRecommendations);
    connect(m_sidebar, &SidebarWidget::recommendationsRequested, this, &ProfileWidget::showRecommendations);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_sidebarScroll);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_error, 1);
}

void ProfileWidget::addPanel(ProfilePanel *panel, const QString &title)
{
    panel->setParent(m_tabs);
    panel->setObjectName(QStringLiteral("panel%1").arg(m_panels.size()));
    m_panels << panel;
    m_tabs->addTab(panel, title);
}

void ProfileWidget::showPlace(const Place &place)
{
    showCustomer(place.id);
}

QString ProfileWidget::title() const
{
    return m_customer.id != 0 ? m_customer.displayName() : tr("Customer");
}

void ProfileWidget::showCustomer(qint64 customerId)
{
    if (customerId == m_customer.id && m_requested == customerId && m_error->isHidden()) {
        return;
    }
    m_requested = customerId;
    m_generation.renew();
    m_loader.run<Models::Customer>(
        m_generation, this,
        [customerId](Models::Database &db) { return Models::CustomerStore(db).byId(customerId); },
        [this, customerId](const Models::Result<Models::Customer> &result) {
            if (!result) {
                showError(result.error());
                Q_EMIT customerFailed(customerId, result.error().message);
                return;
            }
            apply(*result);
        });
}

void ProfileWidget::refresh()
{
    if (m_customer.id == 0) {
        return;
    }
    m_requested = 0; // ask again even though it is the customer on screen
    showCustomer(m_customer.id);
}

void ProfileWidget::apply(const Models::Customer &customer)
{
    m_error->hide();
    m_sidebarScroll->show();
    m_tabs->show();
    m_customer = customer;
    m_sidebar->setCustomer(customer);
    m_sidebar->recommendationsButton()->setEnabled(true);
    m_recommendationsAction->setEnabled(true);
    if (m_recommendations != nullptr && m_recommendations->isVisible()) {
        m_recommendations->setCustomer(customer);
    }
    for (ProfilePanel *panel : std::as_const(m_panels)) {
        panel->showCustomer(customer);
    }
    Q_EMIT customerShown(customer);
}

void ProfileWidget::showError(const Models::Error &error)
{
    m_customer = {};
    m_recommendationsAction->setEnabled(false);
    m_error->setText(error.message);
    m_error->setToolTip(error.detail);
    m_error->show();
    m_sidebarScroll->hide();
    m_tabs->hide();
}

RecommendationsDialog *ProfileWidget::recommendationsDialog() const
{
    return m_recommendations.data();
}

void ProfileWidget::showRecommendations()
{
    if (m_customer.id == 0) {
        return;
    }
    if (m_recommendations == nullptr) {
        m_recommendations = new RecommendationsDialog(m_loader, m_navigator, this);
        // Give the window back the keyboard when the dialog closes: without a window manager
        // doing it (a bare X server, some tiling ones) no window stays active, and Ctrl+R or
        // any other shortcut of the window goes nowhere.
        connect(m_recommendations, &QDialog::finished, this, [this] { window()->activateWindow(); });
    }
    m_recommendations->setCustomer(m_customer);
    m_recommendations->show();
    m_recommendations->raise();
    m_recommendations->activateWindow();
}

} // namespace Gavel::Ui
