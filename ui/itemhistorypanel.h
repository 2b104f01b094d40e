#pragma once

#include "itemhistory.h"
#include "profilepanel.h"
#include "result.h"

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace Gavel::Models {
class Database;
class ItemHistoryModel;
class Loader;
} // namespace Gavel::Models

namespace Gavel::Ui {

class Navigator;

/// The profile's Item History: every lot the customer bid on, wishlisted or consigned, with
/// a filter bar (type, department, sale, result, sale dates, price, words), a sortable
/// table (won in green with a tick, underbids in grey with a ring, and the result in words),
/// the totals of the rows shown, and Export CSV… of exactly those rows. Enter or a double
/// click opens the lot's page. Rows are read off the GUI thread (Models::ItemHistoryModel).
class ItemHistoryPanel final : public ProfilePanel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ItemHistoryPanel)

public:
    ItemHistoryPanel(Models::Database &database, Models::Loader &loader, Navigator &navigator,
                     QWidget *parent = nullptr);

    void showCustomer(const Models::Customer &customer) override;

    /// Writes the rows shown, in the order shown, to `path` as CSV (Models::ItemHistoryCsv).
    Models::Status exportCsv(const QString &path) const;
    /// The filter the bar describes now.
    Models::ItemHistory::Filter filterFromBar() const;

    Models::ItemHistoryModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QLabel *totalsLabel() const { return m_totals; }
    QLineEdit *searchEdit() const { return m_search; }

Q_SIGNALS:
    /// The rows for the customer and filter on screen have arrived.
    void loaded();

private:
    void applyFilter();
    void clearFilters();
    /// Every filter back to "all", without loading.
    void resetBar();
    void fillChoices();
    void showTotals();
    void openCurrentLot(const QModelIndex &index);
    void chooseExportFile();
    qint64 priceInMinor(const QLineEdit *edit, bool *valid) const;

    Models::Database &m_database;
    Navigator &m_navigator;
    Models::ItemHistoryModel *m_model = nullptr;
    QString m_currency; ///< the house currency the price filter is typed in
    QString m_customerName;
    bool m_filling = false; ///< the bar is being set up: no loads for each change

    QComboBox *m_kind = nullptr;
    QComboBox *m_department = nullptr;
    QComboBox *m_sale = nullptr;
    QComboBox *m_result = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QLineEdit *m_minPrice = nullptr;
    QLineEdit *m_maxPrice = nullptr;
    QLineEdit *m_search = nullptr;
    QPushButton *m_clear = nullptr;
    QPushButton *m_export = nullptr;
    QTimer *m_typing = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_totals = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace Gavel::Ui
