#include "interestspanel.h"

#include "charts/bubblechart.h"
#include "customertagstore.h"
#include "database.h"
#include "departmentinterestwidget.h"
#include "formatting.h"
#include "money.h"
#include "navigator.h"
#include "tagchangecommand.h"
#include "tageditorwidget.h"

#include <QAction>
#include <QBoxLayout>
#include <QResizeEvent>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace Gavel::Ui {

using Models::InterestModel;
using Models::TagState;

namespace {

/// The most bubbles drawn: beyond that they get too small to read or click.
constexpr int kMaxBubbles = 24;

} // namespace

InterestsPanel::InterestsPanel(Models::Database &database, Models::Loader &loader, Navigator &navigator,
                               QWidget *parent)
    : ProfilePanel(parent), m_database(database), m_loader(loader), m_navigator(navigator)
{
    auto *content = new QWidget;
    content->setObjectName(QStringLiteral("interestsContent"));
    m_status = new QLabel(content);
    m_status->setObjectName(QStringLiteral("interestsStatus"));
    m_status->setWordWrap(true);

    auto *bubbleBox = new QGroupBox(tr("Interests by category"), content);
    bubbleBox->setToolTip(tr("The larger the circle, the stronger the interest: wins, consignments, bids, "
                             "wishlists, clicks and views, the recent ones counting most."));
    m_bubbles = new BubbleChart(bubbleBox);
    m_bubbles->setObjectName(QStringLiteral("interestBubbles"));
    m_bubbles->setEmptyText(tr("No interests yet: nothing bid on, won, wishlisted, consigned, clicked or viewed."));
    m_legend = new QLabel(bubbleBox);
    m_legend->setObjectName(QStringLiteral("interestLegend"));
    m_legend->setWordWrap(true);
    m_legend->setTextFormat(Qt::RichText);
    auto *bubbleLayout = new QVBoxLayout(bubbleBox);
    bubbleLayout->addWidget(m_bubbles, 1);
    bubbleLayout->addWidget(m_legend);

    m_recentBox = new QGroupBox(content);
    m_recentBox->setObjectName(QStringLiteral("recentInterestBox"));
    m_recent = new QTableWidget(0, 4, m_recentBox);
    m_recent->setObjectName(QStringLiteral("recentInterestTable"));
    m_recent->setHorizontalHeaderLabels({tr("Category"), tr("Views"), tr("Last viewed"), tr("Status")});
    m_recent->verticalHeader()->hide();
    m_recent->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_recent->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_recent->setWordWrap(false);
    m_recent->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_recent->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_recentEmpty = new QLabel(m_recentBox);
    m_recentEmpty->setObjectName(QStringLiteral("recentInterestEmpty"));
    m_recentEmpty->setEnabled(false);
    m_recentEmpty->setWordWrap(true);
    auto *recentLayout = new QVBoxLayout(m_recentBox);
    recentLayout->addWidget(m_recent);
    recentLayout->addWidget(m_recentEmpty);
    recentLayout->addStretch(1);

    m_top = new QBoxLayout(QBoxLayout::LeftToRight);
    m_top->addWidget(bubbleBox, 3);
    m_top->addWidget(m_recentBox, 2);

    auto *departmentsBox = new QGroupBox(tr("By department"), content);
    m_tabs = new QTabWidget(departmentsBox);
    m_tabs->setObjectName(QStringLiteral("departmentTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setUsesScrollButtons(true);
    m_tabsEmpty = new QLabel(tr("No department to show yet."), departmentsBox);
    m_tabsEmpty->setEnabled(false);
    auto *departmentsLayout = new QVBoxLayout(departmentsBox);
    departmentsLayout->addWidget(m_tabs);
    departmentsLayout->addWidget(m_tabsEmpty);

    auto *tagsBox = new QGroupBox(tr("Tags"), content);
    tagsBox->setToolTip(tr("Suggested tags (grey) come from the lots the customer engaged with; + makes one active, "
                           "☆ stars it, × removes it for good. Ctrl+Z undoes."));
    m_tags = new TagEditorWidget(tagsBox);
    m_tags->setObjectName(QStringLiteral("tagEditorWidget"));
    m_undo = new QUndoStack(this);
    QAction *undo = m_undo->createUndoAction(this, tr("Undo"));
    undo->setObjectName(QStringLiteral("undoTagChange"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(undo);
    QAction *redo = m_undo->createRedoAction(this, tr("Redo"));
    redo->setObjectName(QStringLiteral("redoTagChange"));
    redo->setShortcut(QKeySequence::Redo);
    redo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(redo);
    m_undoButton = new QToolButton(tagsBox);
    m_undoButton->setDefaultAction(undo);
    m_undoButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_redoButton = new QToolButton(tagsBox);
    m_redoButton->setDefaultAction(redo);
    m_redoButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *undoRow = new QHBoxLayout;
    undoRow->addStretch(1);
    undoRow->addWidget(m_undoButton);
    undoRow->addWidget(m_redoButton);
    auto *tagsLayout = new QVBoxLayout(tagsBox);
    tagsLayout->addWidget(m_tags);
    tagsLayout->addLayout(undoRow);

    auto *layout = new QVBoxLayout(content);
    layout->addWidget(m_status);
    layout->addLayout(m_top, 3);
    layout->addWidget(departmentsBox, 3);
    layout->addWidget(tagsBox);
    layout->addStretch(0);

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("interestsScroll"));
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    const int em = fontMetrics().horizontalAdvance(u'M');
    bubbleBox->setMinimumHeight(20 * em);

    connect(m_bubbles, &BubbleChart::bubbleActivated, this, [this](qint64 departmentId) {
        if (selectDepartment(departmentId)) {
            m_tabs->tabBar()->setFocus(Qt::OtherFocusReason);
        }
    });
    connect(m_tags, &TagEditorWidget::changeRequested, this, &InterestsPanel::requestChange);
    connect(m_tags, &TagEditorWidget::addRequested, this, &InterestsPanel::addTag);
    connect(m_tags, &TagEditorWidget::tagActivated, this, &InterestsPanel::openTag);
    fillRecent({}, InterestModel::kDefaultRecentDays);
}

void InterestsPanel::resizeEvent(QResizeEvent *event)
{
    ProfilePanel::resizeEvent(event);
    // In a small window the recent interests go under the bubbles rather than squeezing both.
    const int em = fontMetrics().horizontalAdvance(u'M');
    m_top->setDirection(width() < 70 * em ? QBoxLayout::TopToBottom : QBoxLayout::LeftToRight);
}

void InterestsPanel::showCustomer(const Models::Customer &customer)
{
    const bool same = customer.id == m_customer.id;
    m_customer = customer;
    if (!same) {
        // Nothing of the previous customer may stay on screen (or on the undo stack).
        m_loaded = false;
        m_undo->clear();
        m_interests = {};
        m_bubbles->setBubbles({});
        m_legend->clear();
        fillTabs();
        fillRecent({}, InterestModel::kDefaultRecentDays);
        m_tags->setTags({});
        m_tags->editor()->clear();
        m_tags->clearError();
    }
    setBusy(false);
    load();
}

void InterestsPanel::reload()
{
    if (m_customer.id != 0) {
        load();
    }
}

void InterestsPanel::load()
{
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
            auto interests = InterestModel::compute(db, customerId, asOf);
            if (!interests) {
                return interests.error();
            }
            data.interests = std::move(*interests);
            Models::CustomerTagStore tags(db);
            // Suggested tags follow behaviour; what staff set stays as they set it.
            if (auto derived = tags.derive(customerId, data.interests.tags); !derived) {
                return derived.error();
            }
            auto stored = tags.forCustomer(customerId);
            if (!stored) {
                return stored.error();
            }
            data.tags = std::move(*stored);
            auto days = InterestModel::recentDays(db);
            if (!days) {
                return days.error();
            }
            data.recentDays = *days;
            auto recent = InterestModel::recentCategories(db, customerId, asOf, *days);
            if (!recent) {
                return recent.error();
            }
            data.recent = std::move(*recent);
            auto departments = Models::MetricsStore(db).departments();
            if (!departments) {
                return departments.error();
            }
            data.allDepartments = std::move(*departments);
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

void InterestsPanel::apply(const Data &data)
{
    m_interests = data.interests;
    m_allDepartments = data.allDepartments;
    m_loaded = true;
    m_status->hide();
    fillBubbles();
    fillTabs();
    fillRecent(data.recent, data.recentDays);
    m_tags->setTags(data.tags);
    setBusy(m_pendingWrites > 0);
}

void InterestsPanel::showError(const Models::Error &error)
{
    m_loaded = false;
    m_bubbles->setBubbles({});
    m_status->setText(tr("The interests could not be loaded: %1").arg(error.message));
    m_status->setToolTip(error.detail);
    m_status->show();
}

QColor InterestsPanel::departmentColor(qint64 departmentId) const
{
    for (int i = 0; i < m_allDepartments.size(); ++i) {
        if (m_allDepartments[i].id == departmentId) {
            return BubbleChart::paletteColor(i);
        }
    }
    return BubbleChart::paletteColor(static_cast<int>(m_allDepartments.size() + departmentId));
}

void InterestsPanel::fillBubbles()
{
    struct Candidate
    {
        const Models::DepartmentInterest *department;
        const Models::CategoryInterest *category;
    };
    QList<Candidate> candidates;
    for (const Models::DepartmentInterest &department : std::as_const(m_interests.departments)) {
        for (const Models::CategoryInterest &category : department.categories) {
            if (category.score > 0) {
                candidates << Candidate{&department, &category};
            }
        }
    }
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
        return a.category->score > b.category->score;
    });
    if (candidates.size() > kMaxBubbles) {
        candidates.resize(kMaxBubbles);
    }
    const QLocale locale;
    const double total = m_interests.totalScore;
    QList<Bubble> bubbles;
    QList<qint64> legendOrder;
    for (const Candidate &candidate : std::as_const(candidates)) {
        const Models::CategoryInterest &c = *candidate.category;
        const double share = total > 0 ? c.score / total : 0;
        const QString percent = locale.toString(share * 100, 'f', share < 0.01 ? 1 : 0) + locale.percent();
        const auto count = [&c](Models::InterestSignal signal) {
            return c.counts[static_cast<std::size_t>(signal)];
        };
        QString tip = tr("%1 — %2").arg(c.name, candidate.department->name) + u'\n' +
                      tr("Score %1, %2 of all interest").arg(locale.toString(c.score, 'f', 1), percent) + u'\n' +
                      tr("Won %1 · consigned %2 · bid on %3 · wishlisted %4 · clicked %5 · viewed %6")
                          .arg(count(Models::InterestSignal::Win))
                          .arg(count(Models::InterestSignal::Consignment))
                          .arg(count(Models::InterestSignal::Bid))
                          .arg(count(Models::InterestSignal::Wishlist))
                          .arg(count(Models::InterestSignal::Click))
                          .arg(count(Models::InterestSignal::View));
        if (c.spentMinor > 0) {
            tip += u'\n' + tr("Spent %1").arg(Models::formatMoney(c.spentMinor, m_interests.currency));
        }
        bubbles << Bubble{candidate.department->departmentId, c.score, c.name, percent, tip,
                          departmentColor(candidate.department->departmentId)};
        if (!legendOrder.contains(candidate.department->departmentId)) {
            legendOrder << candidate.department->departmentId;
        }
    }
    m_bubbles->setBubbles(bubbles);
    QStringList legend;
    for (const qint64 departmentId : std::as_const(legendOrder)) {
        const Models::DepartmentInterest *department = m_interests.department(departmentId);
        legend << QStringLiteral("<span style=\"color:%1\">●</span>&nbsp;%2")
                      .arg(departmentColor(departmentId).name(), department->name.toHtmlEscaped());
    }
    m_legend->setText(legend.join(QStringLiteral(" &nbsp; ")));
    m_legend->setVisible(!legend.isEmpty());
}

void InterestsPanel::fillTabs()
{
    const qint64 current =
        m_tabs->currentWidget() ? qobject_cast<DepartmentInterestWidget *>(m_tabs->currentWidget())->departmentId() : 0;
    while (m_tabs->count() > 0) {
        QWidget *page = m_tabs->widget(0);
        m_tabs->removeTab(0);
        page->deleteLater();
    }
    for (const Models::DepartmentInterest &department : std::as_const(m_interests.departments)) {
        auto *page = new DepartmentInterestWidget(department, m_interests.currency,
                                                  departmentColor(department.departmentId), m_tabs);
        connect(page, &DepartmentInterestWidget::tagActivated, this, &InterestsPanel::openTag);
        const int index = m_tabs->addTab(page, department.name);
        m_tabs->setTabToolTip(index, tr("%1: score %2")
                                         .arg(department.name, QLocale().toString(department.score, 'f', 1)));
    }
    m_tabs->setVisible(m_tabs->count() > 0);
    m_tabsEmpty->setVisible(m_tabs->count() == 0);
    if (current != 0) {
        selectDepartment(current);
    }
}

bool InterestsPanel::selectDepartment(qint64 departmentId)
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto *page = qobject_cast<DepartmentInterestWidget *>(m_tabs->widget(i));
        if (page && page->departmentId() == departmentId) {
            m_tabs->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

void InterestsPanel::fillRecent(const QList<Models::RecentCategoryInterest> &recent, int days)
{
    m_recentBox->setTitle(days == 1 ? tr("Interest in categories, last day")
                                    : tr("Interest in categories, last %1 days").arg(days));
    m_recentBox->setToolTip(tr("Categories viewed on the website (pages and lots) in the last %1 day(s), the most "
                               "viewed first; satisfied when the customer bought in the category after viewing it. "
                               "The number of days is in Settings → Interests.")
                                .arg(days));
    m_recent->setRowCount(static_cast<int>(recent.size()));
    for (int row = 0; row < recent.size(); ++row) {
        const Models::RecentCategoryInterest &interest = recent[row];
        auto *name = new QTableWidgetItem(tr("%1 (%2)").arg(interest.name, interest.departmentName));
        name->setToolTip(name->text());
        m_recent->setItem(row, 0, name);
        auto *views = new QTableWidgetItem(QLocale().toString(interest.views));
        views->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_recent->setItem(row, 1, views);
        m_recent->setItem(row, 2, new QTableWidgetItem(Models::formatDate(interest.lastViewed.toLocalTime().date())));
        auto *status = new QTableWidgetItem(
            interest.satisfied()
                ? tr("✓ Satisfied: bought %1").arg(Models::formatDate(interest.boughtAt.toLocalTime().date()))
                : tr("Open"));
        status->setToolTip(interest.satisfied() ? tr("Bought a lot of this category after viewing it")
                                                : tr("Viewed, not bought since"));
        m_recent->setItem(row, 3, status);
    }
    // As tall as its rows, so one or two interests do not sit in an empty grid.
    m_recent->setFixedHeight(m_recent->horizontalHeader()->sizeHint().height() +
                             std::max<int>(static_cast<int>(recent.size()), 1) *
                                 m_recent->verticalHeader()->defaultSectionSize() +
                             2 * m_recent->frameWidth() + 2);
    m_recent->setVisible(!recent.isEmpty());
    m_recentEmpty->setText(days == 1 ? tr("No category viewed in the last day.")
                                     : tr("No category viewed in the last %1 days.").arg(days));
    m_recentEmpty->setVisible(recent.isEmpty());
}

void InterestsPanel::setBusy(bool busy)
{
    m_tags->setEditable(m_customer.id != 0 && !busy);
}

void InterestsPanel::requestChange(qint64 tagId, TagState current, TagState wanted)
{
    if (m_customer.id == 0) {
        return;
    }
    m_tags->clearError();
    ++m_pendingWrites;
    setBusy(true);
    const qint64 customerId = m_customer.id;
    m_loader.run<Models::TagChange>(
        m_writes, this,
        [customerId, tagId, current, wanted](Models::Database &db) {
            return Models::CustomerTagStore(db).setState(customerId, tagId, current, wanted);
        },
        [this, customerId](const Models::Result<Models::TagChange> &result) {
            --m_pendingWrites;
            setBusy(m_pendingWrites > 0);
            if (customerId != m_customer.id) {
                return; // saved; another customer is on screen now
            }
            if (!result) {
                m_tags->showError(result.error().message);
                Q_EMIT tagChangeFinished(false);
                reload();
                return;
            }
            m_undo->push(new TagChangeCommand(*result, [this](const Models::TagChange &change,
                                                              std::optional<TagState> from,
                                                              std::optional<TagState> to) {
                applyChange(change, from, to);
            }));
            Q_EMIT tagChangeFinished(true);
            reload();
        });
}

void InterestsPanel::addTag(const QString &name)
{
    if (m_customer.id == 0) {
        return;
    }
    m_tags->clearError();
    ++m_pendingWrites;
    setBusy(true);
    const qint64 customerId = m_customer.id;
    m_loader.run<Models::TagChange>(
        m_writes, this,
        [customerId, name](Models::Database &db) { return Models::CustomerTagStore(db).addTyped(customerId, name); },
        [this, customerId](const Models::Result<Models::TagChange> &result) {
            --m_pendingWrites;
            setBusy(m_pendingWrites > 0);
            if (customerId != m_customer.id) {
                return;
            }
            if (!result) {
                // What was typed stays in the field, to correct or try again.
                m_tags->showError(result.error().message);
                Q_EMIT tagChangeFinished(false);
                return;
            }
            m_tags->editor()->clear();
            if (result->before != result->after) {
                m_undo->push(new TagChangeCommand(*result, [this](const Models::TagChange &change,
                                                                  std::optional<TagState> from,
                                                                  std::optional<TagState> to) {
                    applyChange(change, from, to);
                }));
            }
            Q_EMIT tagChangeFinished(true);
            reload();
        });
}

void InterestsPanel::applyChange(const Models::TagChange &change, std::optional<TagState> from,
                                 std::optional<TagState> to)
{
    m_tags->clearError();
    ++m_pendingWrites;
    setBusy(true);
    m_loader.run<void>(
        m_writes, this,
        [change, from, to](Models::Database &db) {
            return Models::CustomerTagStore(db).change(change.customerId, change.tagId, from, to);
        },
        [this, change](const Models::Status &status) {
            --m_pendingWrites;
            setBusy(m_pendingWrites > 0);
            if (change.customerId != m_customer.id) {
                return;
            }
            if (!status) {
                m_tags->showError(status.error().message);
            }
            Q_EMIT tagChangeFinished(status.ok());
            reload();
        });
}

void InterestsPanel::openTag(const QString &name)
{
    m_navigator.open(Place::customerList(QStringLiteral("tag:") + name));
}

} // namespace Gavel::Ui
