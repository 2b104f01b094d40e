#include "itemhistorypanel.h"

#include "database.h"
#include "epoch.h"
#include "formatting.h"
#include "itemhistorycsv.h"
#include "itemhistorydelegate.h"
#include "itemhistorymodel.h"
#include "money.h"
#include "navigator.h"
#include "roles.h"
#include "settingsstore.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace Gavel::Ui {

using Models::ItemHistory;
using Models::ItemHistoryModel;

namespace {

// The date edits show "Any" at their minimum: a date filter that is off.
const QDate kNoDate(1900, 1, 1);

QDateEdit *makeDateEdit(const QString &objectName, QWidget *parent)
{
    auto *edit = new QDateEdit(parent);
    edit->setObjectName(objectName);
    edit->setCalendarPopup(true);
    edit->setMinimumDate(kNoDate);
    edit->setSpecialValueText(ItemHistoryPanel::tr("Any"));
    edit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    edit->setDate(kNoDate);
    return edit;
}

} // namespace

ItemHistoryPanel::ItemHistoryPanel(Models::Database &database, Models::Loader &loader, Navigator &navigator,
                                   QWidget *parent)
    : ProfilePanel(parent), m_database(database), m_navigator(navigator)
{
    m_currency = Models::SettingsStore(database).houseCurrency();
    m_model = new ItemHistoryModel(loader, this);

    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("itemKindFilter"));
    m_kind->addItem(tr("Everything"), int(ItemHistory::AnyKind));
    m_kind->addItem(tr("Bid on"), int(ItemHistory::BidOn));
    m_kind->addItem(tr("Wishlisted"), int(ItemHistory::Wishlisted));
    m_kind->addItem(tr("Consigned"), int(ItemHistory::Consigned));

    m_department = new QComboBox(this);
    m_department->setObjectName(QStringLiteral("itemDepartmentFilter"));
    m_sale = new QComboBox(this);
    m_sale->setObjectName(QStringLiteral("itemSaleFilter"));
    m_sale->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_sale->setMinimumContentsLength(24);

    m_result = new QComboBox(this);
    m_result->setObjectName(QStringLiteral("itemResultFilter"));
    m_result->addItem(tr("Any result"), -1);
    for (int i = 0; i < ItemHistory::kOutcomeCount; ++i) {
        m_result->addItem(ItemHistory::outcomeText(ItemHistory::Outcome(i)), i);
    }
    m_result->setToolTip(tr("Underbid: the highest losing bid (the earlier of two equal bids). Outbid: any other "
                            "losing bid. Sold: a lot the customer consigned or wishlisted and did not bid on."));

    m_from = makeDateEdit(QStringLiteral("itemFromDate"), this);
    m_from->setToolTip(tr("Sales on or after this day"));
    m_to = makeDateEdit(QStringLiteral("itemToDate"), this);
    m_to->setToolTip(tr("Sales on or before this day"));
    m_to->setAccessibleName(tr("Sale date to"));

    const QString symbol = Models::currencySymbol(m_currency);
    const auto priceEdit = [&](const QString &objectName, const QString &placeholder) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(objectName);
        edit->setValidator(new QIntValidator(0, 2000000000, edit));
        edit->setPlaceholderText(placeholder);
        edit->setToolTip(tr("In %1: the hammer price where the lot sold, otherwise the customer's top bid, "
                            "otherwise the low estimate")
                             .arg(m_currency));
        edit->setClearButtonEnabled(true);
        edit->setMaximumWidth(fontMetrics().horizontalAdvance(QStringLiteral("0")) * 14);
        return edit;
    };
    m_minPrice = priceEdit(QStringLiteral("itemMinPrice"), tr("%1 min").arg(symbol));
    m_maxPrice = priceEdit(QStringLiteral("itemMaxPrice"), tr("%1 max").arg(symbol));
    m_maxPrice->setAccessibleName(tr("Highest price"));

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("itemSearch"));
    m_search->setPlaceholderText(tr("Title, maker, lot or sale…"));
    m_search->setClearButtonEnabled(true);

    m_clear = new QPushButton(tr("Show A&ll"), this);
    m_clear->setObjectName(QStringLiteral("itemClearFilters"));
    m_clear->setToolTip(tr("Clear every filter"));
    m_clear->setAutoDefault(false);
    m_export = new QPushButton(tr("E&xport CSV…"), this);
    m_export->setObjectName(QStringLiteral("itemExportCsv"));
    m_export->setToolTip(tr("Save the rows shown as a CSV file for a spreadsheet"));
    m_export->setAutoDefault(false);

    const auto label = [this](const QString &text, QWidget *buddy) {
        auto *l = new QLabel(text, this);
        l->setBuddy(buddy);
        return l;
    };
    auto *bar = new QGridLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(label(tr("T&ype:"), m_kind), 0, 0);
    bar->addWidget(m_kind, 0, 1);
    bar->addWidget(label(tr("&Department:"), m_department), 0, 2);
    bar->addWidget(m_department, 0, 3);
    bar->addWidget(label(tr("&Sale:"), m_sale), 0, 4);
    bar->addWidget(m_sale, 0, 5, 1, 3);
    bar->addWidget(label(tr("Res&ult:"), m_result), 0, 8);
    bar->addWidget(m_result, 0, 9);
    bar->addWidget(label(tr("Sale date &between:"), m_from), 1, 0);
    auto *dates = new QHBoxLayout;
    dates->addWidget(m_from);
    dates->addWidget(new QLabel(tr("and"), this));
    dates->addWidget(m_to);
    bar->addLayout(dates, 1, 1, 1, 3);
    bar->addWidget(label(tr("&Price:"), m_minPrice), 1, 4);
    auto *prices = new QHBoxLayout;
    prices->addWidget(m_minPrice);
    prices->addWidget(new QLabel(tr("to"), this));
    prices->addWidget(m_maxPrice);
    bar->addLayout(prices, 1, 5);
    bar->addWidget(label(tr("Search &words:"), m_search), 1, 6);
    bar->addWidget(m_search, 1, 7, 1, 3);
    bar->setColumnStretch(5, 1);
    bar->setColumnStretch(7, 2);
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_clear);
    buttons->addWidget(m_export);
    auto *top = new QHBoxLayout;
    top->addLayout(bar, 1);
    top->addSpacing(fontMetrics().horizontalAdvance(u'M'));
    top->addLayout(buttons);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("itemHistoryTable"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new ItemHistoryDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_view->setAccessibleName(tr("Item history"));
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionsMovable(true);
    header->setHighlightSections(false);
    header->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
    m_view->setSortingEnabled(true);
    // Sized so that every column fits beside the sidebar at 1600 pixels; the title takes the
    // rest, and long sale titles are elided with the whole title in the tooltip.
    const int digit = fontMetrics().horizontalAdvance(QStringLiteral("0"));
    const auto width = [&](int column, int characters) { header->resizeSection(column, characters * digit + 16); };
    width(ItemHistoryModel::DateColumn, 9);
    width(ItemHistoryModel::SaleColumn, 16);
    width(ItemHistoryModel::LotColumn, 4);
    width(ItemHistoryModel::TitleColumn, 30);
    width(ItemHistoryModel::DepartmentColumn, 12);
    width(ItemHistoryModel::KindColumn, 10);
    width(ItemHistoryModel::EstimateColumn, 13);
    width(ItemHistoryModel::TopBidColumn, 11);
    width(ItemHistoryModel::HammerColumn, 9);
    width(ItemHistoryModel::ResultColumn, 11);
    width(ItemHistoryModel::ConsignmentColumn, 10);
    header->setSectionResizeMode(ItemHistoryModel::TitleColumn, QHeaderView::Stretch);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("itemHistoryMessage"));
    m_message->setWordWrap(true);
    m_message->hide();
    m_totals = new QLabel(this);
    m_totals->setObjectName(QStringLiteral("itemHistoryTotals"));
    m_totals->setWordWrap(true);
    m_totals->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_totals);

    // Typing waits for a pause; choosing from a list applies at once.
    m_typing = new QTimer(this);
    m_typing->setSingleShot(true);
    m_typing->setInterval(300);
    connect(m_typing, &QTimer::timeout, this, &ItemHistoryPanel::applyFilter);
    for (QComboBox *combo : {m_kind, m_department, m_sale, m_result}) {
        connect(combo, &QComboBox::currentIndexChanged, this, &ItemHistoryPanel::applyFilter);
    }
    for (QDateEdit *edit : {m_from, m_to}) {
        connect(edit, &QDateEdit::dateChanged, this, [this] { m_typing->start(); });
    }
    for (QLineEdit *edit : {m_minPrice, m_maxPrice, m_search}) {
        connect(edit, &QLineEdit::textEdited, this, [this] { m_typing->start(); });
        connect(edit, &QLineEdit::returnPressed, this, &ItemHistoryPanel::applyFilter);
    }
    // The clear buttons inside the fields change the text without textEdited.
    for (QLineEdit *edit : {m_minPrice, m_maxPrice, m_search}) {
        connect(edit, &QLineEdit::textChanged, this, [this](const QString &text) {
            if (text.isEmpty() && !m_filling) {
                m_typing->start();
            }
        });
    }
    connect(m_clear, &QPushButton::clicked, this, &ItemHistoryPanel::clearFilters);
    connect(m_export, &QPushButton::clicked, this, &ItemHistoryPanel::chooseExportFile);
    connect(m_view, &QAbstractItemView::activated, this, &ItemHistoryPanel::openCurrentLot);
    connect(m_model, &ItemHistoryModel::choicesChanged, this, &ItemHistoryPanel::fillChoices);
    connect(m_model, &ItemHistoryModel::loaded, this, [this] {
        m_message->hide();
        showTotals();
        Q_EMIT loaded();
    });
    connect(m_model, &ItemHistoryModel::loadFailed, this, [this](const Models::Error &error) {
        m_message->setText(error.message);
        m_message->setToolTip(error.detail);
        m_message->show();
        m_totals->clear();
        Q_EMIT loaded();
    });
    fillChoices();
    showTotals();
}

void ItemHistoryPanel::showCustomer(const Models::Customer &customer)
{
    m_customerName = customer.displayName();
    if (customer.id != m_model->customerId()) {
        // Another customer starts with the whole history: last customer's filters would
        // hide things without saying so.
        resetBar();
        m_filling = true;
        m_department->clear(); // filled with this customer's departments and sales when they arrive
        m_sale->clear();
        m_filling = false;
        m_totals->setText(tr("Loading…"));
    }
    m_model->load(customer.id, filterFromBar());
}

qint64 ItemHistoryPanel::priceInMinor(const QLineEdit *edit, bool *valid) const
{
    const qint64 major = QLocale().toLongLong(edit->text(), valid);
    qint64 scale = 1;
    for (int i = 0; i < Models::currencyDecimals(m_currency); ++i) {
        scale *= 10;
    }
    return major * scale;
}

ItemHistory::Filter ItemHistoryPanel::filterFromBar() const
{
    ItemHistory::Filter filter;
    filter.kinds = m_kind->currentData().toInt();
    filter.departmentId = m_department->currentData().toLongLong();
    filter.saleId = m_sale->currentData().toLongLong();
    const int outcome = m_result->currentData().toInt();
    if (outcome >= 0) {
        filter.outcomes = {ItemHistory::Outcome(outcome)};
    }
    if (m_from->date() != kNoDate) {
        filter.from = m_from->date();
    }
    if (m_to->date() != kNoDate) {
        filter.to = m_to->date();
    }
    bool valid = false;
    const qint64 low = priceInMinor(m_minPrice, &valid);
    if (valid) {
        filter.minPrice = low;
    }
    const qint64 high = priceInMinor(m_maxPrice, &valid);
    if (valid) {
        filter.maxPrice = high;
    }
    filter.text = m_search->text().simplified();
    return filter;
}

void ItemHistoryPanel::applyFilter()
{
    if (m_filling || m_model->customerId() == 0) {
        return;
    }
    m_typing->stop();
    const ItemHistory::Filter filter = filterFromBar();
    if (filter == m_model->filter() && !m_model->isLoading()) {
        return;
    }
    m_model->load(m_model->customerId(), filter);
}

void ItemHistoryPanel::resetBar()
{
    m_filling = true;
    for (QComboBox *combo : {m_kind, m_department, m_sale, m_result}) {
        combo->setCurrentIndex(0);
    }
    m_from->setDate(kNoDate);
    m_to->setDate(kNoDate);
    for (QLineEdit *edit : {m_minPrice, m_maxPrice, m_search}) {
        edit->clear();
    }
    m_filling = false;
    m_typing->stop();
}

void ItemHistoryPanel::clearFilters()
{
    resetBar();
    applyFilter();
}

void ItemHistoryPanel::fillChoices()
{
    const ItemHistory::Choices &choices = m_model->choices();
    const qint64 department = m_department->currentData().toLongLong();
    const qint64 sale = m_sale->currentData().toLongLong();
    m_filling = true;
    m_department->clear();
    m_department->addItem(tr("All departments"), qint64(0));
    for (const auto &[id, name] : choices.departments) {
        m_department->addItem(name, id);
    }
    m_sale->clear();
    m_sale->addItem(tr("All sales"), qint64(0));
    for (const ItemHistory::Choices::SaleChoice &choice : choices.sales) {
        const QString day =
            QLocale().toString(Models::fromEpoch(choice.startsAt).toLocalTime().date(), QLocale::ShortFormat);
        m_sale->addItem(tr("%1 (%2)").arg(choice.title, day), choice.id);
        m_sale->setItemData(m_sale->count() - 1, tr("Sale %1: %2, %3").arg(choice.saleNo, choice.title, day),
                            Qt::ToolTipRole);
    }
    m_department->setCurrentIndex(qMax(0, m_department->findData(department)));
    m_sale->setCurrentIndex(qMax(0, m_sale->findData(sale)));
    m_filling = false;
}

void ItemHistoryPanel::showTotals()
{
    if (m_model->customerId() == 0) {
        m_totals->clear();
        return;
    }
    const ItemHistory::Totals &totals = m_model->totals();
    if (totals.lots == 0) {
        m_totals->setText(m_model->filter().isEmpty() ? tr("No lots bid on, wishlisted or consigned.")
                                                      : tr("No lots match these filters."));
        return;
    }
    QStringList outcomes;
    for (int i = 0; i < ItemHistory::kOutcomeCount; ++i) {
        const int count = totals.count(ItemHistory::Outcome(i));
        if (count > 0) {
            outcomes << tr("%1 %2").arg(QLocale().toString(count),
                                        ItemHistory::outcomeText(ItemHistory::Outcome(i)).toLower());
        }
    }
    QStringList parts;
    const QString outcomeList = outcomes.join(QStringLiteral(", "));
    parts << (totals.lots == 1 ? tr("1 lot: %1").arg(outcomeList)
                               : tr("%1 lots: %2").arg(QLocale().toString(totals.lots), outcomeList));
    for (const ItemHistory::Totals::Money &money : totals.money) {
        if (money.wonHammer > 0) {
            parts << tr("won for %1 hammer").arg(Models::formatMoney(money.wonHammer, money.currency));
        }
        if (money.topBids > 0) {
            parts << tr("top bids %1").arg(Models::formatMoney(money.topBids, money.currency));
        }
        if (money.consignedHammer > 0) {
            parts << tr("consigned lots sold for %1").arg(Models::formatMoney(money.consignedHammer, money.currency));
        }
    }
    m_totals->setText(parts.join(QStringLiteral(" · ")));
}

void ItemHistoryPanel::openCurrentLot(const QModelIndex &index)
{
    const qint64 lotId = index.data(Models::IdRole).toLongLong();
    if (lotId != 0) {
        m_navigator.open(Place::of(Place::Kind::Lot, lotId));
    }
}

void ItemHistoryPanel::chooseExportFile()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString name = tr("Item history %1").arg(m_customerName).simplified();
    name.replace(QRegularExpression(QStringLiteral("[/\\\\:*?\"<>|]")), QStringLiteral("-"));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Item History"), QDir(folder).filePath(name + QStringLiteral(".csv")), tr("CSV files (*.csv)"));
    if (path.isEmpty()) {
        return;
    }
    const Models::Status status = exportCsv(path);
    if (!status) {
        QMessageBox box(QMessageBox::Warning, tr("Export Item History"), status.error().message, QMessageBox::Ok, this);
        box.setDetailedText(status.error().detail);
        box.exec();
    }
}

Models::Status ItemHistoryPanel::exportCsv(const QString &path) const
{
    return Models::ItemHistoryCsv::save(path, m_model->rows());
}

} // namespace Gavel::Ui
