#pragma once

#include "customer.h"
#include "loader.h"
#include "placepage.h"

#include <QPointer>

class QAction;
class QLabel;
class QScrollArea;
class QTabWidget;

namespace Gavel::Models {
class Database;
}

namespace Gavel::Ui {

class Navigator;
class ProfilePanel;
class RecommendationsDialog;
class SidebarWidget;

/// One customer's profile: the sidebar on the left and a tab per panel on the right. The
/// customer and every panel's data load off the GUI thread; switching customers quickly
/// drops the loads of the one left behind.
class ProfileWidget final : public PlacePage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileWidget)

public:
    enum Panel { Overview, Activities, ItemHistory, Interests, Notes, Invoices, Marketing, PanelCount };

    ProfileWidget(Models::Database &database, Models::Loader &loader, Navigator &navigator, QWidget *parent = nullptr);

    void showPlace(const Place &place) override;
    QString title() const override;

    /// Starts loading the customer; customerShown() follows when it is on screen.
    void showCustomer(qint64 customerId);
    /// Reads the customer and every panel again (after a recalculation or an import).
    void refresh();
    /// The customer on screen (0 while none is).
    qint64 customerId() const { return m_customer.id; }
    const Models::Customer &customer() const { return m_customer; }

    SidebarWidget *sidebar() const { return m_sidebar; }
    QTabWidget *tabs() const { return m_tabs; }
    ProfilePanel *panel(Panel panel) const { return m_panels.value(panel); }
    /// Opens the Recommendations for the customer on screen (the sidebar's button, Ctrl+R).
    void showRecommendations();
    /// The Recommendations dialog once opened (null before).
    RecommendationsDialog *recommendationsDialog() const;
    QAction *recommendationsAction() const { return m_recommendationsAction; }

Q_SIGNALS:
    void customerShown(const Gavel::Models::Customer &customer);
    /// The customer could not be shown (deleted meanwhile, connection lost).
    void customerFailed(qint64 customerId, const QString &message);

private:
    void addPanel(ProfilePanel *panel, const QString &title);
    void apply(const Models::Customer &customer);
    void showError(const Models::Error &error);

    Models::Database &m_database;
    Models::Loader &m_loader;
    Navigator &m_navigator;
    Models::LoadGeneration m_generation;
    Models::Customer m_customer;
    qint64 m_requested = 0;
    SidebarWidget *m_sidebar = nullptr;
    QScrollArea *m_sidebarScroll = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_error = nullptr;
    QList<ProfilePanel *> m_panels;
    QAction *m_recommendationsAction = nullptr;
    QPointer<RecommendationsDialog> m_recommendations;
};

} // namespace Gavel::Ui
