#pragma once

#include "activityevent.h"
#include "loader.h"
#include "profilepanel.h"
#include "result.h"

class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace Gavel::Models {
class ActivityFilter;
class ActivityModel;
class Database;
} // namespace Gavel::Models

namespace Gavel::Ui {

class ActivityFilterBar;
class ActivityView;
class Navigator;

/// The Activities tab: one timeline of every interaction, newest first, grouped by day, with a
/// category filter, a text filter, Expand All / Collapse All, and paging by scrolling or Show
/// More. The first page of a customer or a filter is read off the GUI thread; further pages
/// are one indexed range scan each, read by the model as the list scrolls. Campaigns, lots,
/// sales and invoices open their pages.
class ActivityPanel final : public ProfilePanel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityPanel)

public:
    ActivityPanel(Models::Database &database, Models::Loader &loader, Navigator &navigator, QWidget *parent = nullptr);

    void showCustomer(const Models::Customer &customer) override;

    Models::ActivityModel *model() const { return m_model; }
    ActivityView *view() const { return m_view; }
    ActivityFilterBar *filterBar() const { return m_filterBar; }
    QLineEdit *searchField() const { return m_search; }
    QPushButton *expandAllButton() const { return m_expandAll; }
    QPushButton *collapseAllButton() const { return m_collapseAll; }
    QPushButton *showMoreButton() const { return m_showMore; }
    QLabel *statusLabel() const { return m_status; }
    /// A first page is on its way.
    bool isLoading() const { return m_loading; }

    /// Opens the page of a campaign, lot, sale or invoice, as seen from this customer.
    void openLink(const Models::ActivityLink &link);
    void expandAll();
    void collapseAll();

    /// Time a first page may spend on a text search before it shows what it found.
    static constexpr int kFirstPageBudgetMs = 150;

private:
    Models::ActivityFilter currentFilter() const;
    void reload();
    void setLoading(bool loading);
    void showError(const Models::Error &error);
    void expandNew(const QModelIndex &parent, int first, int last);
    void updateStatus();

    Models::Database &m_database;
    Models::Loader &m_loader;
    Navigator &m_navigator;
    Models::LoadGeneration m_generation;
    qint64 m_customerId = 0;
    bool m_loading = false;
    /// After Expand All, events fetched later open expanded too, until Collapse All.
    bool m_allExpanded = false;
    QString m_error;

    Models::ActivityModel *m_model = nullptr;
    ActivityView *m_view = nullptr;
    ActivityFilterBar *m_filterBar = nullptr;
    QLineEdit *m_search = nullptr;
    QTimer *m_searchDelay = nullptr;
    QPushButton *m_expandAll = nullptr;
    QPushButton *m_collapseAll = nullptr;
    QPushButton *m_showMore = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace Gavel::Ui
