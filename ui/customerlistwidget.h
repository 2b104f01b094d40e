#pragma once

#include "placepage.h"

class QFrame;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace Gavel::Models {
class CustomerListModel;
class Database;
struct Error;
} // namespace Gavel::Models

namespace Gavel::Ui {

class CustomerFilterBar;

/// The customer list page: a search box over a sortable table of customers. Enter or a
/// double-click opens a customer. A place whose text is a filter ("label:…", "segment:…",
/// see Models::CustomerFilter) lists only those customers, with a bar above the list that
/// names the filter and clears it.
class CustomerListWidget final : public PlacePage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CustomerListWidget)

public:
    explicit CustomerListWidget(Models::Database &database, QWidget *parent = nullptr);

    /// The list; a place's text is a filter, or else (when there is one) the search.
    void showPlace(const Place &place) override;
    QString title() const override;

    Models::CustomerListModel *model() const { return m_model; }
    QLineEdit *searchField() const { return m_search; }
    QTableView *table() const { return m_table; }
    QFrame *filterBar() const { return m_filterBar; }
    CustomerFilterBar *filters() const { return m_filters; }

    /// Puts the cursor in the search box with its text selected (Ctrl+F).
    void focusSearch();
    /// Reads the list again, keeping the search (after an edit or an import).
    void reload();
    /// The customer before or after `customerId` in the list as it stands, or 0.
    qint64 neighbourOf(qint64 customerId, int step) const;

Q_SIGNALS:
    void customerActivated(qint64 customerId);
    /// Asks the window to go to another list place (the filter was cleared).
    void placeRequested(const Gavel::Ui::Place &place);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applySearch();
    void applyFilter(const QString &placeText);
    void updateSummary(qint64 count);
    void showError(const Models::Error &error);
    void activateCurrent();

    Models::Database &m_database;
    Models::CustomerListModel *m_model = nullptr;
    QLineEdit *m_search = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_emptyState = nullptr;
    QTimer *m_searchDelay = nullptr;
    CustomerFilterBar *m_filters = nullptr;
    QFrame *m_filterBar = nullptr;
    QLabel *m_filterText = nullptr;
    QPushButton *m_clearFilter = nullptr;
};

} // namespace Gavel::Ui
