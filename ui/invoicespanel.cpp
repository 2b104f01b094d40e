#include "invoicespanel.h"

#include "database.h"
#include "epoch.h"
#include "formatting.h"
#include "invoicecolumns.h"
#include "money.h"
#include "navigator.h"
#include "recordtablemodel.h"
#include "recordtableview.h"

#include <QGroupBox>
#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

namespace Gavel::Ui {

using Models::RecordTableModel;

namespace {

QGroupBox *box(const QString &title, QWidget *content, const QString &hint = {})
{
    auto *group = new QGroupBox(title);
    auto *layout = new QVBoxLayout(group);
    layout->addWidget(content, 1);
    if (!hint.isEmpty()) {
        auto *label = new QLabel(hint, group);
        label->setWordWrap(true);
        label->setEnabled(false);
        layout->addWidget(label);
    }
    return group;
}

} // namespace

InvoicesPanel::InvoicesPanel(Models::Database &database, Models::Loader &loader, Navigator &navigator,
                             QWidget *parent)
    : ProfilePanel(parent), m_database(database), m_loader(loader), m_navigator(navigator)
{
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("invoicesStatus"));
    m_status->setWordWrap(true);
    m_status->hide();

    m_invoices = new RecordTableView(this);
    m_invoices->setObjectName(QStringLiteral("invoiceTable"));
    m_invoices->setAccessibleName(tr("Invoices"));
    m_invoices->setEmptyText(tr("No invoices."));
    m_invoices->setToolTip(tr("Enter or double-click opens the invoice with its lots"));
    m_invoiceBox = box(tr("Invoices"), m_invoices, tr("Choose the columns in Edit → Settings → Invoices."));

    m_venues = new RecordTableView(this);
    m_venues->setObjectName(QStringLiteral("venueTable"));
    m_venues->setAccessibleName(tr("Favourite venues and bidding platforms"));
    m_venues->setEmptyText(tr("No purchases through any venue yet."));
    m_venueBox = box(tr("Favourite venues and bidding platforms"), m_venues,
                     tr("Invoices per saleroom, online sale, shop and the bidding platform the customer registered "
                        "through; cancelled invoices are not counted."));

    m_basket = new RecordTableView(this);
    m_basket->setObjectName(QStringLiteral("basketTable"));
    m_basket->setAccessibleName(tr("Abandoned basket"));
    m_basket->setEmptyText(tr("Nothing left in a basket."));
    m_basketBox = box(tr("Abandoned basket"), m_basket, tr("Items put in a basket in the shop and not bought."));

    auto *lower = new QSplitter(Qt::Horizontal, this);
    lower->setObjectName(QStringLiteral("invoicesLowerSplitter"));
    lower->addWidget(m_venueBox);
    lower->addWidget(m_basketBox);
    lower->setStretchFactor(0, 2);
    lower->setStretchFactor(1, 3);
    lower->setChildrenCollapsible(false);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("invoicesSplitter"));
    splitter->addWidget(m_invoiceBox);
    splitter->addWidget(lower);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(splitter, 1);

    connect(m_invoices, &RecordTableView::rowActivated, this, [this](qint64 invoiceId) {
        m_navigator.open(Place::of(Place::Kind::Invoice, invoiceId));
    });
    m_columns = Models::InvoiceColumns::chosen();
}

void InvoicesPanel::showCustomer(const Models::Customer &customer)
{
    if (customer.id != m_customer.id) {
        // Nothing of the previous customer may stay on screen under this one's name.
        m_loaded = false;
        m_data = {};
        fill();
    }
    m_customer = customer;
    reload();
}

void InvoicesPanel::reload()
{
    if (m_customer.id == 0) {
        return;
    }
    m_generation.renew();
    if (!m_loaded) {
        m_status->setText(tr("Loading…"));
        m_status->show();
    }
    const qint64 customerId = m_customer.id;
    m_loader.run<Models::InvoiceTabData>(
        m_generation, this,
        [customerId](Models::Database &db) { return Models::InvoiceTabData::load(db, customerId); },
        [this](const Models::Result<Models::InvoiceTabData> &result) {
            if (result) {
                apply(*result);
            } else {
                showError(result.error());
            }
            Q_EMIT loaded();
        });
}

void InvoicesPanel::applyColumns()
{
    const QStringList columns = Models::InvoiceColumns::chosen();
    if (columns != m_columns) {
        m_columns = columns;
        fill();
    }
}

void InvoicesPanel::showEvent(QShowEvent *event)
{
    // The columns may have been changed in Settings since the tab was last on screen.
    applyColumns();
    ProfilePanel::showEvent(event);
}

void InvoicesPanel::apply(const Models::InvoiceTabData &data)
{
    m_data = data;
    m_loaded = true;
    m_status->hide();
    fill();
}

void InvoicesPanel::fill()
{
    m_invoices->records()->setTable(Models::InvoiceColumns::headers(m_columns),
                                    Models::InvoiceColumns::rows(m_data.invoices, m_columns));
    m_invoices->setStretchColumn(static_cast<int>(m_columns.indexOf(QStringLiteral("sale"))));
    m_invoiceBox->setTitle(m_loaded ? tr("Invoices (%1)").arg(QLocale().toString(m_data.invoices.size()))
                                    : tr("Invoices"));

    QList<RecordTableModel::Row> venues;
    for (const Models::VenueUsage &venue : std::as_const(m_data.venues)) {
        RecordTableModel::Row row;
        row.cells << RecordTableModel::Cell{venue.code, {}, {}, false}
                  << RecordTableModel::Cell{venue.name, {}, {}, false}
                  << RecordTableModel::Cell{Models::VenueUsage::kindText(venue.kind), {}, {}, false}
                  << RecordTableModel::Cell{QLocale().toString(venue.invoices), venue.invoices, {}, true};
        venues << row;
    }
    m_venues->records()->setTable({tr("ID"), tr("Name"), tr("Kind"), tr("Invoices")}, venues);
    m_venues->setStretchColumn(1);

    QList<RecordTableModel::Row> basket;
    for (const Models::BasketItem &item : std::as_const(m_data.basket)) {
        RecordTableModel::Row row;
        const QString price = item.quantity > 1 ? tr("%1 × %2").arg(item.quantity).arg(
                                                      Models::formatMoney(item.priceMinor, item.currency))
                                                : Models::formatMoney(item.priceMinor, item.currency);
        const QString state = item.basketStatus == u"open" ? tr("Still in the basket") : tr("Abandoned");
        row.cells << RecordTableModel::Cell{item.name, {}, item.name, false}
                  << RecordTableModel::Cell{price, item.priceMinor * item.quantity, {}, true}
                  << RecordTableModel::Cell{Models::formatDateTime(item.addedAt), Models::toEpoch(item.addedAt),
                                            item.venue, false}
                  << RecordTableModel::Cell{state, {}, {}, false};
        basket << row;
    }
    m_basket->records()->setTable({tr("Item"), tr("Price"), tr("Added"), tr("Basket")}, basket);
    m_basket->setStretchColumn(0);
}

void InvoicesPanel::showError(const Models::Error &error)
{
    m_loaded = false;
    m_data = {};
    fill();
    m_status->setText(tr("The invoices could not be loaded: %1").arg(error.message));
    m_status->setToolTip(error.detail);
    m_status->show();
}

} // namespace Gavel::Ui
