#include "salepage.h"

#include "customerstore.h"
#include "database.h"
#include "formatting.h"
#include "lotstore.h"
#include "money.h"
#include "salestore.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <optional>

namespace Gavel::Ui {

using namespace Models;

struct SalePage::Data
{
    Sale sale;
    QList<SaleLot> lots;
    qint64 customerId = 0;
    QString customerName;
    std::optional<SaleRegistration> registration;
};

namespace {

/// Lots listed on the page; a sale has hundreds, rarely more.
constexpr int kLotLimit = 5000;

} // namespace

SalePage::SalePage(Models::Loader &loader, Navigator &navigator, QWidget *parent)
    : EntityPage(loader, navigator, parent)
{
    setObjectName(QStringLiteral("salePage"));
    auto *facts = new QGroupBox(tr("Sale"), body());
    QFormLayout *form = makeForm(facts);
    m_saleNo = addFact(form, tr("Sale number"), QStringLiteral("saleNumber"));
    m_starts = addFact(form, tr("Date"), QStringLiteral("saleStarts"));
    m_ends = addFact(form, tr("Ends"), QStringLiteral("saleEnds"));
    m_venue = addFact(form, tr("Venue"), QStringLiteral("saleVenue"));
    m_department = addFact(form, tr("Department"), QStringLiteral("saleDepartment"));
    m_type = addFact(form, tr("Type"), QStringLiteral("saleType"));
    m_status = addFact(form, tr("Status"), QStringLiteral("saleStatus"));
    m_premium = addFact(form, tr("Buyer's premium"), QStringLiteral("salePremium"));
    m_specialist = addFact(form, tr("Specialist"), QStringLiteral("saleSpecialist"));
    m_lots = addFact(form, tr("Lots"), QStringLiteral("saleLots"));
    m_sold = addFact(form, tr("Sold"), QStringLiteral("saleSold"));
    m_hammerTotal = addFact(form, tr("Hammer total"), QStringLiteral("saleHammerTotal"));

    auto *lotsBox = new QGroupBox(tr("Lots"), body());
    m_registration = new QLabel(lotsBox);
    m_registration->setObjectName(QStringLiteral("saleRegistration"));
    m_registration->setWordWrap(true);
    m_registration->setTextInteractionFlags(Qt::TextBrowserInteraction);
    connect(m_registration, &QLabel::linkActivated, this, &EntityPage::openLink);
    m_lotTable =
        makeTable({tr("Lot"), tr("Title"), tr("Estimate"), tr("Hammer price"), tr("Result"), tr("This customer")},
                  QStringLiteral("saleLotTable"), 1);
    m_lotTable->setParent(lotsBox);
    m_lotTable->setToolTip(tr("Enter or double-click: open the lot"));
    auto *lotsLayout = new QVBoxLayout(lotsBox);
    lotsLayout->addWidget(m_registration);
    lotsLayout->addWidget(m_lotTable, 1);

    setColumns({facts}, lotsBox);
}

void SalePage::load(const Place &place)
{
    const qint64 saleId = place.id;
    const qint64 customerId = place.customerId;
    fetch<Data>(
        [saleId, customerId](Database &db) -> Result<Data> {
            SaleStore store(db);
            Data data;
            auto sale = store.byId(saleId);
            if (!sale) {
                return sale.error();
            }
            data.sale = *sale;
            auto lots = store.lots(saleId, customerId, kLotLimit);
            if (!lots) {
                return lots.error();
            }
            data.lots = *lots;
            data.customerId = customerId;
            if (customerId != 0) {
                auto customer = CustomerStore(db).byId(customerId);
                if (!customer) {
                    return customer.error();
                }
                data.customerName = customer->displayName();
                auto registration = store.registration(saleId, customerId);
                if (!registration) {
                    return registration.error();
                }
                data.registration = *registration;
            }
            return data;
        },
        [this](const Data &data) { apply(data); });
}

void SalePage::apply(const Data &data)
{
    const Sale &sale = data.sale;
    const QLocale locale;
    QStringList subtitle = {tr("Sale %1").arg(sale.saleNo)};
    if (sale.startsAt.isValid()) {
        subtitle << formatDate(sale.startsAt.toLocalTime().date());
    }
    if (!sale.venueName.isEmpty()) {
        subtitle << sale.venueName;
    }
    setHeading(sale.title, subtitle.join(QStringLiteral(" · ")));
    setFact(m_saleNo, sale.saleNo);
    setFact(m_starts, formatDateTime(sale.startsAt));
    setFact(m_ends, formatDateTime(sale.endsAt));
    setFact(m_venue, sale.venueName);
    setFact(m_department, sale.departmentName);
    setFact(m_type, SaleStore::typeLabel(sale.saleType));
    setFact(m_status, SaleStore::statusLabel(sale.status));
    setFact(m_premium, locale.toString(sale.buyersPremiumBp / 100.0, 'g', 4) + QStringLiteral(" %"));
    setFact(m_specialist, sale.specialist);
    setFact(m_lots, locale.toString(sale.lotCount));
    setFact(m_sold, sale.lotCount > 0 ? tr("%1 of %2 (%3 %)")
                                            .arg(locale.toString(sale.soldCount), locale.toString(sale.lotCount),
                                                 locale.toString(100.0 * sale.soldCount / sale.lotCount, 'f', 0))
                                      : QString());
    setFact(m_hammerTotal, sale.soldCount > 0 ? formatMoney(sale.hammerTotalMinor, sale.currency) : QString());

    if (data.customerId == 0) {
        m_registration->hide();
    } else {
        const QString who = linkTo(Place::Kind::Customer, data.customerId, data.customerName);
        if (data.registration) {
            QString text = data.registration->paddleNo.isEmpty()
                               ? tr("%1 registered to bid on %2.")
                                     .arg(who, formatDate(data.registration->registeredAt.toLocalTime().date()))
                               : tr("%1 registered to bid with paddle %2 on %3.")
                                     .arg(who, data.registration->paddleNo.toHtmlEscaped(),
                                          formatDate(data.registration->registeredAt.toLocalTime().date()));
            if (!data.registration->platformName.isEmpty()) {
                text += u' ' + tr("Bidding through %1.").arg(data.registration->platformName.toHtmlEscaped());
            }
            m_registration->setText(text);
        } else {
            m_registration->setText(tr("%1 did not register for this sale.").arg(who));
        }
        m_registration->show();
    }

    m_lotTable->clear();
    for (const SaleLot &lot : data.lots) {
        QString mine;
        if (lot.customerBought) {
            mine = tr("Bought");
        } else if (lot.customerBid) {
            mine = tr("Bid");
        }
        addRow(m_lotTable,
               {lot.lotNo, lot.title, formatEstimate(lot.lowEstimateMinor, lot.highEstimateMinor, sale.currency),
                lot.hammerMinor > 0 ? formatMoney(lot.hammerMinor, sale.currency) : QString(),
                LotStore::statusLabel(lot.status), mine},
               Place::of(Place::Kind::Lot, lot.id, data.customerId), {2, 3});
    }
    m_lotTable->setColumnHidden(5, data.customerId == 0);
    fitColumns(m_lotTable);
    showContent();
}

} // namespace Gavel::Ui
