#include "lotpage.h"

#include "database.h"
#include "formatting.h"
#include "lotstore.h"
#include "money.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Gavel::Ui {

using namespace Models;

struct LotPage::Data
{
    Lot lot;
    QList<Bid> bids;
    qint64 customerId = 0;
};

LotPage::LotPage(Models::Loader &loader, Navigator &navigator, QWidget *parent) : EntityPage(loader, navigator, parent)
{
    setObjectName(QStringLiteral("lotPage"));
    auto *facts = new QGroupBox(tr("Lot"), body());
    QFormLayout *form = makeForm(facts);
    m_sale = addFact(form, tr("Sale"), QStringLiteral("lotSale"));
    m_lotNo = addFact(form, tr("Lot number"), QStringLiteral("lotNumber"));
    m_title = addFact(form, tr("Title"), QStringLiteral("lotTitle"));
    m_maker = addFact(form, tr("Maker"), QStringLiteral("lotMaker"));
    m_medium = addFact(form, tr("Medium"), QStringLiteral("lotMedium"));
    m_dimensions = addFact(form, tr("Dimensions"), QStringLiteral("lotDimensions"));
    m_date = addFact(form, tr("Date"), QStringLiteral("lotDate"));
    m_department = addFact(form, tr("Department"), QStringLiteral("lotDepartment"));
    m_category = addFact(form, tr("Category"), QStringLiteral("lotCategory"));
    m_estimate = addFact(form, tr("Estimate"), QStringLiteral("lotEstimate"));
    m_hammer = addFact(form, tr("Hammer price"), QStringLiteral("lotHammer"));
    m_result = addFact(form, tr("Result"), QStringLiteral("lotResult"));
    m_description = addFact(form, tr("Description"), QStringLiteral("lotDescription"));

    auto *bidsBox = new QGroupBox(tr("Bids, highest first"), body());
    m_bidsSummary = new QLabel(bidsBox);
    m_bidsSummary->setObjectName(QStringLiteral("lotBidsSummary"));
    m_bidsSummary->setWordWrap(true);
    m_bids = makeTable(
        {tr("Amount"), tr("Bidder"), tr("Customer ID"), tr("Placed"), tr("How"), tr("This customer"), tr("Outcome")},
        QStringLiteral("lotBids"));
    m_bids->setParent(bidsBox);
    m_bids->setToolTip(tr("Enter or double-click: open the bidder's profile"));
    auto *bidsLayout = new QVBoxLayout(bidsBox);
    bidsLayout->addWidget(m_bidsSummary);
    bidsLayout->addWidget(m_bids, 1);

    setColumns({facts}, bidsBox);
}

void LotPage::load(const Place &place)
{
    const qint64 lotId = place.id;
    const qint64 customerId = place.customerId;
    fetch<Data>(
        [lotId, customerId](Database &db) -> Result<Data> {
            LotStore store(db);
            auto lot = store.byId(lotId);
            if (!lot) {
                return lot.error();
            }
            auto bids = store.bids(lotId);
            if (!bids) {
                return bids.error();
            }
            return Data{*lot, *bids, customerId};
        },
        [this](const Data &data) { apply(data); });
}

void LotPage::apply(const Data &data)
{
    const Lot &lot = data.lot;
    const QString saleName = lot.saleTitle.isEmpty() ? lot.saleNo : tr("%1 (%2)").arg(lot.saleTitle, lot.saleNo);
    const QString saleLink = linkTo(Place::Kind::Sale, lot.saleId, saleName);
    setHeading(tr("Lot %1: %2").arg(lot.lotNo, lot.title),
               lot.saleStartsAt.isValid()
                   ? tr("%1, %2").arg(saleLink, formatDate(lot.saleStartsAt.toLocalTime().date()))
                   : saleLink);
    setFact(m_sale, saleLink);
    setFact(m_lotNo, lot.lotNo);
    setFact(m_title, lot.title);
    setFact(m_maker, lot.maker);
    setFact(m_medium, lot.medium);
    setFact(m_dimensions, lot.dimensions);
    setFact(m_date, lot.dateText);
    setFact(m_department, lot.departmentName);
    setFact(m_category, lot.categoryName);
    setFact(m_estimate, formatEstimate(lot.lowEstimateMinor, lot.highEstimateMinor, lot.currency));
    setFact(m_hammer, lot.hammerMinor > 0 ? formatMoney(lot.hammerMinor, lot.currency) : QString());
    QString result = LotStore::statusLabel(lot.status);
    if (lot.buyerId != 0) {
        const QString buyer = linkTo(Place::Kind::Customer, lot.buyerId, tr("%1 (%2)").arg(lot.buyerName, lot.buyerNo));
        result = lot.buyerId == data.customerId ? tr("%1 to this customer, %2").arg(result, buyer)
                                                : tr("%1 to %2").arg(result, buyer);
    }
    setFact(m_result, result);
    setFact(m_description, lot.description);

    m_bids->clear();
    int mine = 0;
    for (const Bid &bid : data.bids) {
        const bool own = data.customerId != 0 && bid.customerId == data.customerId;
        QTreeWidgetItem *item =
            addRow(m_bids,
                   {formatMoney(bid.amountMinor, bid.currency), bid.customerName, bid.customerNo,
                    formatDateTime(bid.placedAt), LotStore::bidChannelLabel(bid.channel),
                    own ? tr("◆ This customer") : QString(), bid.winning ? tr("Winning bid") : tr("Underbid")},
                   Place::customer(bid.customerId), {0});
        if (own) {
            ++mine;
            // In words (the marker column), in weight and in colour: never colour alone.
            QColor tint = palette().color(QPalette::Highlight);
            tint.setAlpha(48); // reads on light and dark palettes
            for (int column = 0; column < m_bids->columnCount(); ++column) {
                QFont font = item->font(column);
                font.setBold(true);
                item->setFont(column, font);
                item->setBackground(column, tint);
            }
        }
    }
    m_bids->setColumnHidden(kMarkColumn, data.customerId == 0);
    const QLocale locale;
    QString summary;
    if (data.bids.isEmpty()) {
        summary = tr("No bids are recorded for this lot.");
    } else {
        summary = data.bids.size() == 1 ? tr("One bid.") : tr("%1 bids.").arg(locale.toString(data.bids.size()));
    }
    if (data.customerId != 0 && !data.bids.isEmpty()) {
        summary += u' ';
        if (mine == 0) {
            summary += tr("None by this customer.");
        } else {
            summary += mine == 1 ? tr("One by this customer, marked ◆ and in bold.")
                                 : tr("%1 by this customer, marked ◆ and in bold.").arg(locale.toString(mine));
        }
    }
    m_bidsSummary->setText(summary);
    fitColumns(m_bids);
    showContent();
}

} // namespace Gavel::Ui
