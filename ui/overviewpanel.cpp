#include "overviewpanel.h"

#include "charts/spendbyyearchart.h"
#include "chiplistwidget.h"
#include "database.h"
#include "formatting.h"
#include "keymetricswidget.h"
#include "navigator.h"
#include "overviewfigureswidget.h"

#include <QComboBox>
#include <QCompleter>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QStringListModel>
#include <QVBoxLayout>

namespace Gavel::Ui {

using Models::CustomerOverview;
using Models::MetricsStore;

OverviewPanel::OverviewPanel(Models::Database &database, Models::Loader &loader, Navigator &navigator,
                             QWidget *parent)
    : ProfilePanel(parent), m_database(database), m_loader(loader), m_navigator(navigator)
{
    m_content = new QWidget;
    m_content->setObjectName(QStringLiteral("overviewContent"));

    m_department = new QComboBox(m_content);
    m_department->setObjectName(QStringLiteral("departmentFilter"));
    m_department->setToolTip(tr("Show the key metrics of all departments or of one"));
    auto *departmentLabel = new QLabel(tr("&Department:"), m_content);
    departmentLabel->setBuddy(m_department);
    m_status = new QLabel(m_content);
    m_status->setObjectName(QStringLiteral("overviewStatus"));
    m_status->setWordWrap(true);

    m_metrics = new KeyMetricsWidget(m_content);
    auto *metricsBox = new QGroupBox(tr("Key metrics"), m_content);
    auto *metricsLayout = new QVBoxLayout(metricsBox);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(departmentLabel);
    filterRow->addWidget(m_department);
    filterRow->addStretch(1);
    metricsLayout->addLayout(filterRow);
    metricsLayout->addWidget(m_metrics);

    // Labels: chips that open the list, × to remove, and a field to add one by typing.
    auto *labelsBox = new QGroupBox(tr("Labels"), m_content);
    m_labels = new ChipListWidget(labelsBox);
    m_labels->setObjectName(QStringLiteral("labelChips"));
    m_labels->setEmptyText(tr("No labels yet."));
    m_labels->setRemoveText(tr("Remove the label “%1”"));
    m_labelEdit = new QLineEdit(labelsBox);
    m_labelEdit->setObjectName(QStringLiteral("labelEditor"));
    m_labelEdit->setPlaceholderText(tr("Add a label…"));
    m_labelEdit->setAccessibleName(tr("New label"));
    m_labelEdit->setMaxLength(Models::LabelStore::kMaxNameLength);
    m_completer = new QCompleter(new QStringListModel(this), this);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_labelEdit->setCompleter(m_completer);
    m_addLabel = new QPushButton(tr("Add La&bel"), labelsBox);
    m_addLabel->setObjectName(QStringLiteral("addLabelButton"));
    m_addLabel->setAutoDefault(false);
    m_labelError = new QLabel(labelsBox);
    m_labelError->setObjectName(QStringLiteral("labelError"));
    m_labelError->setWordWrap(true);
    m_labelError->hide();
    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_labelEdit, 1);
    addRow->addWidget(m_addLabel);
    auto *labelsLayout = new QVBoxLayout(labelsBox);
    labelsLayout->addWidget(m_labels);
    labelsLayout->addLayout(addRow);
    labelsLayout->addWidget(m_labelError);
    labelsLayout->addStretch(1);

    auto *segmentsBox = new QGroupBox(tr("Segments"), m_content);
    m_segments = new ChipListWidget(segmentsBox);
    m_segments->setObjectName(QStringLiteral("segmentChips"));
    m_segments->setEmptyText(tr("In no segment."));
    m_segmentsNote = new QLabel(segmentsBox);
    m_segmentsNote->setObjectName(QStringLiteral("segmentsNote"));
    m_segmentsNote->setWordWrap(true);
    m_segmentsNote->setEnabled(false);
    auto *segmentsLayout = new QVBoxLayout(segmentsBox);
    segmentsLayout->addWidget(m_segments);
    segmentsLayout->addWidget(m_segmentsNote);
    segmentsLayout->addStretch(1);

    auto *groups = new QHBoxLayout;
    groups->addWidget(labelsBox, 1);
    groups->addWidget(segmentsBox, 1);

    m_figures = new OverviewFiguresWidget(m_content);

    auto *chartBox = new QGroupBox(tr("Spend per year by department"), m_content);
    chartBox->setToolTip(tr("Hammer price and buyer's premium of the lots on the customer's invoices"));
    m_chart = new SpendByYearChart(chartBox);
    auto *chartLayout = new QVBoxLayout(chartBox);
    chartLayout->addWidget(m_chart);

    auto *layout = new QVBoxLayout(m_content);
    layout->addWidget(m_status);
    layout->addWidget(metricsBox);
    layout->addLayout(groups);
    layout->addWidget(m_figures);
    layout->addWidget(chartBox);
    layout->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("overviewScroll"));
    scroll->setWidget(m_content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    connect(m_department, &QComboBox::currentIndexChanged, this, &OverviewPanel::showDepartment);
    connect(m_labelEdit, &QLineEdit::returnPressed, this, &OverviewPanel::addLabel);
    connect(m_addLabel, &QPushButton::clicked, this, &OverviewPanel::addLabel);
    connect(m_labels, &ChipListWidget::chipActivated, this,
            [this](const QString &name) { m_navigator.open(Place::customerList(QStringLiteral("label:") + name)); });
    connect(m_labels, &ChipListWidget::removeRequested, this, &OverviewPanel::removeLabel);
    connect(m_segments, &ChipListWidget::chipActivated, this,
            [this](const QString &code) { m_navigator.open(Place::customerList(QStringLiteral("segment:") + code)); });

    m_department->addItem(tr("All departments"), QVariant::fromValue(MetricsStore::kAllDepartments));
    setEditing(false);
}

void OverviewPanel::showCustomer(const Models::Customer &customer)
{
    const bool same = customer.id == m_customer.id;
    m_customer = customer;
    setEditing(false);
    if (!same) {
        // Nothing of the previous customer may stay on screen under this one's name.
        m_loaded = false;
        m_labelEdit->clear();
        m_labelError->hide();
        m_metrics->clear();
        m_figures->clear();
        m_chart->setData({});
        m_labels->setChips({});
        m_segments->setChips({});
        m_segmentsNote->clear();
    }
    load();
}

void OverviewPanel::reload()
{
    if (m_customer.id != 0) {
        load();
    }
}

void OverviewPanel::load()
{
    // A reload keeps the figures on screen (and the keyboard focus where it is) until the
    // new ones arrive.
    m_generation.renew();
    m_status->setText(tr("Loading…"));
    m_status->setToolTip({});
    m_status->setVisible(!m_loaded);
    const qint64 customerId = m_customer.id;
    const QDate asOf = m_asOf;
    m_loader.run<Data>(
        m_generation, this,
        [customerId, asOf](Models::Database &db) -> Models::Result<Data> {
            Data data;
            auto overview = CustomerOverview::load(db, customerId, asOf, CustomerOverview::RfmSource::Stored);
            if (!overview) {
                return overview.error();
            }
            data.overview = std::move(*overview);
            auto labels = Models::LabelStore(db).all();
            if (!labels) {
                return labels.error();
            }
            for (const Models::Label &label : std::as_const(*labels)) {
                data.labelNames << label.name;
            }
            auto computed = Models::SegmentStore(db).lastComputedAt();
            if (!computed) {
                return computed.error();
            }
            data.segmentsComputedAt = *computed;
            return data;
        },
        [this](const Models::Result<Data> &result) {
            if (!result) {
                showError(result.error());
            } else {
                apply(*result);
            }
            Q_EMIT loaded();
        });
}

void OverviewPanel::apply(const Data &data)
{
    m_overview = data.overview;
    m_loaded = true;
    m_status->hide();
    fillDepartments();
    showDepartment();
    m_figures->setOverview(m_overview);
    m_chart->setData(SpendByYearData::from(m_overview.spend, m_overview.departments, m_overview.currency));
    qobject_cast<QStringListModel *>(m_completer->model())->setStringList(data.labelNames);

    QList<Chip> labels;
    for (const Models::Label &label : std::as_const(m_overview.labels)) {
        labels << Chip{label.name, label.name, tr("Show every customer with the label “%1”").arg(label.name), true};
    }
    m_labels->setChips(labels);

    QList<Chip> segments;
    for (const Models::SegmentMembership &membership : std::as_const(m_overview.segments)) {
        const Models::Segment &segment = membership.segment;
        QString tip = segment.description;
        if (membership.since.isValid()) {
            tip += u'\n' + tr("In it since %1.").arg(Models::formatDate(membership.since.toLocalTime().date()));
        }
        tip += u'\n' + tr("Click to list every customer in it.");
        segments << Chip{segment.code, segment.name, tip.trimmed(), false};
    }
    m_segments->setChips(segments);
    m_segmentsNote->setText(data.segmentsComputedAt.isValid()
                                ? tr("As recalculated on %1.").arg(Models::formatDateTime(data.segmentsComputedAt))
                                : tr("Segments have not been calculated yet: Customers → Recalculate Segments…"));
}

void OverviewPanel::fillDepartments()
{
    const qint64 current = m_department->currentData().toLongLong();
    QSignalBlocker blocker(m_department);
    m_department->clear();
    m_department->addItem(tr("All departments"), QVariant::fromValue(MetricsStore::kAllDepartments));
    for (const Models::DepartmentRef &department : std::as_const(m_overview.departments)) {
        m_department->addItem(department.name, QVariant::fromValue(department.id));
    }
    const int index = m_department->findData(QVariant::fromValue(current));
    m_department->setCurrentIndex(index >= 0 ? index : 0);
}

void OverviewPanel::showDepartment()
{
    if (!m_loaded) {
        m_metrics->clear();
        return;
    }
    const qint64 department = m_department->currentData().toLongLong();
    m_metrics->setMetrics(m_overview.metricsFor(department), m_overview.currency, m_overview.asOf);
}

void OverviewPanel::showError(const Models::Error &error)
{
    m_loaded = false;
    m_metrics->clear();
    m_figures->clear();
    m_chart->setData({});
    m_labels->setChips({});
    m_segments->setChips({});
    m_status->setText(tr("The overview could not be loaded: %1").arg(error.message));
    m_status->setToolTip(error.detail);
    m_status->show();
}

void OverviewPanel::setEditing(bool busy)
{
    const bool possible = m_customer.id != 0 && !busy;
    m_labelEdit->setReadOnly(!possible);
    m_addLabel->setEnabled(possible);
}

void OverviewPanel::addLabel()
{
    const QString name = m_labelEdit->text().simplified();
    if (name.isEmpty() || m_customer.id == 0) {
        return;
    }
    setEditing(true);
    m_labelError->hide();
    const qint64 customerId = m_customer.id;
    m_loader.run<Models::Label>(
        m_writes, this,
        [customerId, name](Models::Database &db) { return Models::LabelStore(db).addToCustomer(customerId, name); },
        [this, customerId](const Models::Result<Models::Label> &result) {
            setEditing(false);
            if (customerId != m_customer.id) {
                return; // saved; the customer on screen is another one now
            }
            if (!result) {
                // What was typed stays in the field, to correct or try again.
                m_labelError->setText(result.error().message);
                m_labelError->show();
                return;
            }
            m_labelEdit->clear();
            reload();
        });
}

void OverviewPanel::removeLabel(const QString &name)
{
    qint64 labelId = 0;
    for (const Models::Label &label : std::as_const(m_overview.labels)) {
        if (label.name == name) {
            labelId = label.id;
        }
    }
    if (labelId == 0 || m_customer.id == 0) {
        return;
    }
    const qint64 customerId = m_customer.id;
    m_labelError->hide();
    m_loader.run<void>(
        m_writes, this,
        [customerId, labelId](Models::Database &db) {
            return Models::LabelStore(db).removeFromCustomer(customerId, labelId);
        },
        [this, customerId](const Models::Status &status) {
            if (customerId != m_customer.id) {
                return;
            }
            if (!status) {
                m_labelError->setText(status.error().message);
                m_labelError->show();
                return;
            }
            // The × that had focus is gone: carry on from the field that adds labels.
            m_labelEdit->setFocus(Qt::OtherFocusReason);
            reload();
        });
}

} // namespace Gavel::Ui
