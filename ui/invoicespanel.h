#pragma once

#include "invoicetabdata.h"
#include "loader.h"
#include "profilepanel.h"

class QGroupBox;
class QLabel;
class QSplitter;

namespace Gavel::Models {
class Database;
}

namespace Gavel::Ui {

class Navigator;
class RecordTableView;

/// The profile's Invoices tab: the customer's invoices (the columns chosen in Settings →
/// Invoices), each opening its page; the venues and bidding platforms the customer buys
/// through, with how many invoices each; and the abandoned basket. Read in one load off
/// the GUI thread.
class InvoicesPanel final : public ProfilePanel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InvoicesPanel)

public:
    InvoicesPanel(Models::Database &database, Models::Loader &loader, Navigator &navigator, QWidget *parent = nullptr);

    void showCustomer(const Models::Customer &customer) override;
    /// Reads everything again.
    void reload();
    /// Shows the invoice columns the user chose now (after Settings).
    void applyColumns();

    bool isLoaded() const { return m_loaded; }
    const Models::InvoiceTabData &data() const { return m_data; }
    RecordTableView *invoiceTable() const { return m_invoices; }
    RecordTableView *venueTable() const { return m_venues; }
    RecordTableView *basketTable() const { return m_basket; }

Q_SIGNALS:
    /// The customer's data arrived (or failed: the status line says why).
    void loaded();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void apply(const Models::InvoiceTabData &data);
    void fill();
    void showError(const Models::Error &error);

    Models::Database &m_database;
    Models::Loader &m_loader;
    Navigator &m_navigator;
    Models::LoadGeneration m_generation;
    Models::Customer m_customer;
    Models::InvoiceTabData m_data;
    QStringList m_columns;
    bool m_loaded = false;

    QLabel *m_status = nullptr;
    QGroupBox *m_invoiceBox = nullptr;
    QGroupBox *m_venueBox = nullptr;
    QGroupBox *m_basketBox = nullptr;
    RecordTableView *m_invoices = nullptr;
    RecordTableView *m_venues = nullptr;
    RecordTableView *m_basket = nullptr;
};

} // namespace Gavel::Ui
