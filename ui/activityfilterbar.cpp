#include "activityfilterbar.h"

#include "activityicons.h"
#include "flowlayout.h"

#include <QCheckBox>
#include <QMenu>
#include <QPushButton>
#include <QSignalBlocker>

namespace Gavel::Ui {

using Models::EventCategory;

ActivityFilterBar::ActivityFilterBar(QWidget *parent) : QWidget(parent)
{
    auto *flow = new FlowLayout(this);
    flow->setContentsMargins(0, 0, 0, 0);
    m_all = new QPushButton(tr("All"), this);
    m_all->setObjectName(QStringLiteral("activityFilterAll"));
    m_all->setToolTip(tr("Show every kind of activity"));
    m_none = new QPushButton(tr("None"), this);
    m_none->setObjectName(QStringLiteral("activityFilterNone"));
    m_none->setToolTip(tr("Clear every category, then tick the ones to show"));
    flow->addWidget(m_all);
    flow->addWidget(m_none);
    connect(m_all, &QPushButton::clicked, this, [this] { setAll(true); });
    connect(m_none, &QPushButton::clicked, this, [this] { setAll(false); });

    for (const EventCategory category : Models::allEventCategories()) {
        auto *box = new QCheckBox(Models::eventCategoryLabel(category), this);
        box->setObjectName(QStringLiteral("activityFilter_%1").arg(Models::eventCategoryKey(category)));
        box->setIcon(ActivityIcons::forCategory(category));
        box->setChecked(true);
        box->setContextMenuPolicy(Qt::CustomContextMenu);
        box->setToolTip(tr("Show or hide %1 (right-click: show only these)").arg(Models::eventCategoryLabel(category)));
        connect(box, &QCheckBox::toggled, this, &ActivityFilterBar::changed);
        connect(box, &QWidget::customContextMenuRequested, this, [this, box, category](const QPoint &pos) {
            QMenu menu(this);
            menu.addAction(tr("Show Only %1").arg(Models::eventCategoryLabel(category)), this,
                           [this, category] { showOnly(category); });
            menu.addAction(tr("Show All"), this, [this] { setAll(true); });
            menu.exec(box->mapToGlobal(pos));
        });
        m_boxes << box;
        flow->addWidget(box);
    }
}

QCheckBox *ActivityFilterBar::checkBox(EventCategory category) const
{
    const qsizetype at = Models::allEventCategories().indexOf(category);
    return at >= 0 ? m_boxes.at(at) : nullptr;
}

Models::ActivityFilter ActivityFilterBar::applyTo(Models::ActivityFilter filter) const
{
    const QList<EventCategory> &categories = Models::allEventCategories();
    for (qsizetype i = 0; i < categories.size(); ++i) {
        filter.setIncluded(categories.at(i), m_boxes.at(i)->isChecked());
    }
    return filter;
}

void ActivityFilterBar::setCategories(const Models::ActivityFilter &filter)
{
    const QList<EventCategory> &categories = Models::allEventCategories();
    for (qsizetype i = 0; i < categories.size(); ++i) {
        const QSignalBlocker blocker(m_boxes.at(i));
        m_boxes.at(i)->setChecked(filter.includes(categories.at(i)));
    }
}

void ActivityFilterBar::setAll(bool checked)
{
    for (QCheckBox *box : std::as_const(m_boxes)) {
        const QSignalBlocker blocker(box);
        box->setChecked(checked);
    }
    Q_EMIT changed();
}

void ActivityFilterBar::showOnly(EventCategory category)
{
    setCategories(Models::ActivityFilter::only(category));
    Q_EMIT changed();
}

} // namespace Gavel::Ui
