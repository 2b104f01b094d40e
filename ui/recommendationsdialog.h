#pragma once

#include "customer.h"
#include "loader.h"
#include "recommendationstore.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace Gavel::Models {
class RecommendationListModel;
}

namespace Gavel::Ui {

class Navigator;

/// The Recommendations of a profile: pick a sale (the next upcoming one to begin with) and
/// see its lots ranked for the customer with estimate, Match Score and the reasons behind
/// it; open a lot, export the list as CSV, or leave out what they already bid on or
/// wishlisted. The sales and the ranking load off the GUI thread (Models::Loader).
class RecommendationsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecommendationsDialog)

public:
    RecommendationsDialog(Models::Loader &loader, Navigator &navigator, QWidget *parent = nullptr);
    ~RecommendationsDialog() override;

    /// Shows the recommendations for this customer (the sales are read again).
    void setCustomer(const Models::Customer &customer);
    qint64 customerId() const { return m_customer.id; }

    /// Writes the list on screen as CSV; a clear message when it cannot.
    Models::Status exportCsv(const QString &path) const;
    /// Opens the selected lot (or the first, when none is selected).
    void openSelectedLot();

    bool isLoaded() const { return m_loaded; }
    QComboBox *saleBox() const { return m_sale; }
    QCheckBox *leaveOutBox() const { return m_leaveOut; }
    QTableView *view() const { return m_view; }
    Models::RecommendationListModel *model() const { return m_model; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *openButton() const { return m_open; }
    QPushButton *exportButton() const { return m_export; }

Q_SIGNALS:
    /// A ranking (or a failure, or "no sale") is on screen.
    void loaded();

private:
    struct Sales
    {
        std::vector<Models::SaleChoice> sales;
        qint64 next = 0;
    };

    void loadSales();
    void rank();
    void chooseExportFile();
    void showStatus(const QString &text);
    void updateButtons();

    Models::Loader &m_loader;
    Navigator &m_navigator;
    Models::LoadGeneration m_salesGeneration;
    Models::LoadGeneration m_rankGeneration;
    Models::Customer m_customer;
    bool m_loaded = false;
    QComboBox *m_sale = nullptr;
    QCheckBox *m_leaveOut = nullptr;
    QLabel *m_status = nullptr;
    QTableView *m_view = nullptr;
    Models::RecommendationListModel *m_model = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_export = nullptr;
};

} // namespace Gavel::Ui
