#include "recommendationsdialog.h"

#include "database.h"
#include "epoch.h"
#include "formatting.h"
#include "navigator.h"
#include "recommendationlistmodel.h"
#include "roles.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

namespace Gavel::Ui {

RecommendationsDialog::RecommendationsDialog(Models::Loader &loader, Navigator &navigator, QWidget *parent)
    : QDialog(parent), m_loader(loader), m_navigator(navigator)
{
    setObjectName(QStringLiteral("recommendationsDialog"));
    m_sale = new QComboBox(this);
    m_sale->setObjectName(QStringLiteral("recommendationsSale"));
    m_sale->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_leaveOut = new QCheckBox(tr("&Leave out lots already bid on or wishlisted"), this);
    m_leaveOut->setObjectName(QStringLiteral("recommendationsLeaveOut"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("recommendationsStatus"));
    m_status->setWordWrap(true);

    m_model = new Models::RecommendationListModel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("recommendationsView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    QHeaderView *header = m_view->horizontalHeader();
    const int em = fontMetrics().horizontalAdvance(u'M');
    header->resizeSection(Models::RecommendationListModel::RankColumn, 3 * em);
    header->resizeSection(Models::RecommendationListModel::LotColumn, 4 * em);
    header->resizeSection(Models::RecommendationListModel::TitleColumn, 26 * em);
    header->resizeSection(Models::RecommendationListModel::EstimateColumn, 11 * em);
    // "Match Score" whole, whatever the font and language.
    header->resizeSection(Models::RecommendationListModel::ScoreColumn,
                          qMax(7 * em, header->fontMetrics().horizontalAdvance(
                                           m_model->headerData(Models::RecommendationListModel::ScoreColumn, Qt::Horizontal)
                                               .toString()) +
                                           2 * em));
    header->setStretchLastSection(true);

    m_open = new QPushButton(tr("&Open Lot"), this);
    m_open->setObjectName(QStringLiteral("recommendationsOpen"));
    m_export = new QPushButton(tr("E&xport CSV…"), this);
    m_export->setObjectName(QStringLiteral("recommendationsExport"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_open, QDialogButtonBox::ActionRole);
    buttons->addButton(m_export, QDialogButtonBox::ActionRole);
    // Enter in the list opens the lot rather than closing the dialog.
    m_open->setAutoDefault(false);
    m_export->setAutoDefault(false);
    buttons->button(QDialogButtonBox::Close)->setAutoDefault(false);

    auto *form = new QFormLayout;
    form->addRow(tr("&Sale:"), m_sale);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_leaveOut);
    layout->addWidget(m_status);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);

    connect(m_sale, &QComboBox::currentIndexChanged, this, &RecommendationsDialog::rank);
    connect(m_leaveOut, &QCheckBox::toggled, this, &RecommendationsDialog::rank);
    connect(m_view, &QTableView::activated, this, &RecommendationsDialog::openSelectedLot);
    connect(m_open, &QPushButton::clicked, this, &RecommendationsDialog::openSelectedLot);
    connect(m_export, &QPushButton::clicked, this, &RecommendationsDialog::chooseExportFile);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    resize(qMax(900, 80 * em), qMax(560, 36 * em));
    updateButtons();
}

RecommendationsDialog::~RecommendationsDialog() = default;

void RecommendationsDialog::setCustomer(const Models::Customer &customer)
{
    m_customer = customer;
    setWindowTitle(tr("Recommendations for %1").arg(customer.displayName()));
    loadSales();
}

void RecommendationsDialog::loadSales()
{
    m_loaded = false;
    m_rankGeneration.renew();
    m_salesGeneration.renew();
    m_model->clear();
    showStatus(tr("Reading the upcoming sales…"));
    updateButtons();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    m_loader.run<Sales>(
        m_salesGeneration, this,
        [now](Models::Database &db) -> Models::Result<Sales> {
            Models::RecommendationStore store(db);
            auto sales = store.openSales();
            if (!sales) {
                return sales.error();
            }
            Sales result;
            result.sales = std::move(*sales);
            auto next = store.nextSale(now);
            if (next) {
                result.next = next->id;
            } else if (next.error().kind != Models::ErrorKind::NotFound) {
                return next.error();
            }
            return result;
        },
        [this](const Models::Result<Sales> &result) {
            if (!result) {
                showStatus(result.error().message);
                m_loaded = true;
                Q_EMIT loaded();
                return;
            }
            {
                const QSignalBlocker blocker(m_sale);
                m_sale->clear();
                for (const Models::SaleChoice &sale : result->sales) {
                    const QString lots = sale.lotCount == 1 ? tr("1 lot") : tr("%1 lots").arg(sale.lotCount);
                    m_sale->addItem(tr("%1 %2 — %3 (%4)")
                                        .arg(sale.saleNo, sale.title,
                                             Models::formatDate(Models::fromEpoch(sale.startsAt).toLocalTime().date()),
                                             lots),
                                    sale.id);
                }
                const int next = m_sale->findData(result->next);
                m_sale->setCurrentIndex(next >= 0 ? next : 0);
            }
            rank();
        });
}

void RecommendationsDialog::rank()
{
    m_rankGeneration.renew();
    m_model->clear();
    m_loaded = false;
    updateButtons();
    if (m_sale->count() == 0 || m_customer.id == 0) {
        showStatus(tr("There is no upcoming sale to recommend lots from."));
        m_loaded = true;
        Q_EMIT loaded();
        return;
    }
    showStatus(tr("Matching the lots to %1…").arg(m_customer.displayName()));
    const qint64 customerId = m_customer.id;
    const qint64 saleId = m_sale->currentData().toLongLong();
    Models::RecommendationOptions options;
    options.leaveOutEngaged = m_leaveOut->isChecked();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    m_loader.run<Models::RecommendationList>(
        m_rankGeneration, this,
        [customerId, saleId, options, now](Models::Database &db) {
            return Models::RecommendationStore(db).recommend(customerId, saleId, options, now);
        },
        [this](const Models::Result<Models::RecommendationList> &result) {
            if (!result) {
                showStatus(result.error().message);
            } else {
                m_model->setList(*result);
                if (result->lots.empty()) {
                    showStatus(m_leaveOut->isChecked()
                                   ? tr("Every lot of this sale is already bid on or wishlisted.")
                                   : tr("This sale has no lots yet."));
                } else {
                    showStatus(result->lots.size() == 1
                                   ? tr("1 lot. Enter opens it.")
                                   : tr("%1 lots, best match first. Enter opens a lot.").arg(result->lots.size()));
                    m_view->selectRow(0);
                }
            }
            m_loaded = true;
            updateButtons();
            Q_EMIT loaded();
        });
}

void RecommendationsDialog::openSelectedLot()
{
    const QModelIndex current = m_view->currentIndex();
    const int row = current.isValid() ? current.row() : 0;
    if (const Models::Recommendation *lot = m_model->recommendationAt(row)) {
        m_navigator.open(Place::of(Place::Kind::Lot, lot->lotId));
    }
}

Models::Status RecommendationsDialog::exportCsv(const QString &path) const
{
    return Models::RecommendationListModel::saveCsv(m_model->list(), path);
}

void RecommendationsDialog::chooseExportFile()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested = QStringLiteral("%1/%2 %3.csv").arg(folder, m_customer.customerNo, m_model->list().sale.saleNo);
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export Recommendations"), suggested, tr("CSV files (*.csv)"));
    if (path.isEmpty()) {
        return;
    }
    if (Models::Status status = exportCsv(path); !status) {
        QMessageBox::warning(this, tr("Export Recommendations"), status.error().message);
    }
}

void RecommendationsDialog::showStatus(const QString &text)
{
    m_status->setText(text);
}

void RecommendationsDialog::updateButtons()
{
    const bool any = m_model->rowCount() > 0;
    m_open->setEnabled(any);
    m_export->setEnabled(any);
}

} // namespace Gavel::Ui
