#include "invoicepage.h"

#include "database.h"
#include "formatting.h"
#include "invoicestore.h"
#include "money.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Gavel::Ui {

using namespace Models;

struct InvoicePage::Data
{
    Invoice invoice;
    QList<InvoiceLine> lines;
};

InvoicePage::InvoicePage(Models::Loader &loader, Navigator &navigator, QWidget *parent)
    : EntityPage(loader, navigator, parent)
{
    setObjectName(QStringLiteral("invoicePage"));
    auto *facts = new QGroupBox(tr("Invoice"), body());
    QFormLayout *form = makeForm(facts);
    m_number = addFact(form, tr("Invoice number"), QStringLiteral("invoiceNumber"));
    m_customer = addFact(form, tr("Customer"), QStringLiteral("invoiceCustomer"));
    m_sale = addFact(form, tr("Sale"), QStringLiteral("invoiceSale"));
    m_venue = addFact(form, tr("Venue"), QStringLiteral("invoiceVenue"));
    m_status = addFact(form, tr("Status"), QStringLiteral("invoiceStatus"));
    m_issued = addFact(form, tr("Issued"), QStringLiteral("invoiceIssued"));
    m_due = addFact(form, tr("Due"), QStringLiteral("invoiceDue"));
    m_paid = addFact(form, tr("Paid"), QStringLiteral("invoicePaid"));
    m_hammer = addFact(form, tr("Hammer"), QStringLiteral("invoiceHammer"));
    m_premium = addFact(form, tr("Buyer's premium"), QStringLiteral("invoicePremium"));
    m_tax = addFact(form, tr("Tax"), QStringLiteral("invoiceTax"));
    m_delivery = addFact(form, tr("Delivery"), QStringLiteral("invoiceDelivery"));
    m_total = addFact(form, tr("Total"), QStringLiteral("invoiceTotal"));
    m_payment = addFact(form, tr("Payment"), QStringLiteral("invoicePayment"));
    QFont bold = m_total->font();
    bold.setBold(true);
    m_total->setFont(bold);

    auto *linesBox = new QGroupBox(tr("Lines"), body());
    m_lines = makeTable(
        {tr("Line"), tr("Lot"), tr("Description"), tr("Hammer price"), tr("Buyer's premium"), tr("Tax"), tr("Amount")},
        QStringLiteral("invoiceLines"), 2);
    m_lines->setParent(linesBox);
    m_lines->setToolTip(tr("Enter or double-click: open the lot"));
    auto *linesLayout = new QVBoxLayout(linesBox);
    linesLayout->addWidget(m_lines);

    setColumns({facts}, linesBox);
}

void InvoicePage::load(const Place &place)
{
    const qint64 invoiceId = place.id;
    fetch<Data>(
        [invoiceId](Database &db) -> Result<Data> {
            InvoiceStore store(db);
            auto invoice = store.byId(invoiceId);
            if (!invoice) {
                return invoice.error();
            }
            auto lines = store.lines(invoiceId);
            if (!lines) {
                return lines.error();
            }
            return Data{*invoice, *lines};
        },
        [this](const Data &data) { apply(data); });
}

void InvoicePage::apply(const Data &data)
{
    const Invoice &i = data.invoice;
    const QString customer =
        linkTo(Place::Kind::Customer, i.customerId, tr("%1 (%2)").arg(i.customerName, i.customerNo));
    const QString sale = i.saleId != 0
                             ? linkTo(Place::Kind::Sale, i.saleId,
                                      i.saleTitle.isEmpty() ? i.saleNo : tr("%1 (%2)").arg(i.saleTitle, i.saleNo))
                             : QString();
    setHeading(tr("Invoice %1").arg(i.invoiceNo), sale.isEmpty() ? customer : tr("%1 · %2").arg(customer, sale));
    const auto money = [&i](qint64 minor) { return formatMoney(minor, i.currency); };
    setFact(m_number, i.invoiceNo);
    setFact(m_customer, customer);
    setFact(m_sale, sale);
    setFact(m_venue, i.venueName);
    setFact(m_status, InvoiceStore::statusLabel(i.status));
    setFact(m_issued, formatDate(i.issuedAt.toLocalTime().date()));
    setFact(m_due, i.dueAt.isValid() ? formatDate(i.dueAt.toLocalTime().date()) : QString());
    setFact(m_paid, i.paidAt.isValid() ? formatDate(i.paidAt.toLocalTime().date()) : tr("Not paid"));
    setFact(m_hammer, money(i.hammerMinor));
    setFact(m_premium, money(i.premiumMinor));
    setFact(m_tax, money(i.taxMinor));
    setFact(m_delivery, money(i.deliveryMinor));
    setFact(m_total, money(i.totalMinor));
    setFact(m_payment, InvoiceStore::paymentMethodLabel(i.paymentMethod));

    m_lines->clear();
    for (const InvoiceLine &line : data.lines) {
        addRow(m_lines,
               {QString::number(line.lineNo), line.lotNo, line.description, money(line.hammerMinor),
                money(line.premiumMinor), money(line.taxMinor), money(line.amountMinor)},
               line.lotId != 0 ? Place::of(Place::Kind::Lot, line.lotId, place().customerId) : Place{}, {3, 4, 5, 6});
    }
    fitColumns(m_lines);
    showContent();
}

} // namespace Gavel::Ui
