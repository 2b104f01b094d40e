#include "customerfilterbar.h"

#include "database.h"
#include "labelstore.h"
#include "segmentstore.h"
#include "sql.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QAbstractItemView>
#include <QLabel>
#include <QScrollBar>
#include <QSignalBlocker>

namespace Gavel::Ui {

namespace {

const QString kSeparator = QStringLiteral("; ");

/// The clause's key ("department:" of "department:PHO").
QString keyOf(const QString &clause)
{
    return clause.section(u':', 0, 0) + u':';
}

} // namespace

CustomerFilterBar::CustomerFilterBar(Models::Database &database, QWidget *parent)
    : QWidget(parent), m_database(database)
{
    setObjectName(QStringLiteral("customerFilters"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *title = new QLabel(tr("Filter:"), this);
    layout->addWidget(title);

    m_department = addCombo(QStringLiteral("departmentFilter"), tr("Department"), tr("All departments"));
    m_vip = addCombo(QStringLiteral("vipFilter"), tr("VIP"), tr("VIP or not"));
    m_vip->addItem(tr("VIP only"), QStringLiteral("vip:yes"));
    m_vip->addItem(tr("Not VIP"), QStringLiteral("vip:no"));
    m_segment = addCombo(QStringLiteral("segmentFilter"), tr("Segment"), tr("All segments"));
    m_label = addCombo(QStringLiteral("labelFilter"), tr("Label"), tr("All labels"));
    m_tag = addCombo(QStringLiteral("tagFilter"), tr("Tag"), tr("All tags"));
    m_subscribed = addCombo(QStringLiteral("subscribedFilter"), tr("Subscription"), tr("Any subscription"));
    m_subscribed->addItem(tr("Subscribed by e-mail"), QStringLiteral("subscribed:email"));
    m_subscribed->addItem(tr("Subscribed by SMS"), QStringLiteral("subscribed:sms"));
    m_subscribed->addItem(tr("Subscribed to push"), QStringLiteral("subscribed:push"));
    m_subscribed->addItem(tr("Subscribed by post"), QStringLiteral("subscribed:post"));
    m_contactable = addCombo(QStringLiteral("contactableFilter"), tr("Contactable"), tr("Contactable or not"));
    m_contactable->addItem(tr("E-mail campaigns possible"), QStringLiteral("contactable:email"));
    m_contactable->addItem(tr("SMS campaigns possible"), QStringLiteral("contactable:sms"));
    for (QComboBox *combo : std::as_const(m_combos)) {
        layout->addWidget(combo);
    }
    layout->addStretch(1);
    title->setBuddy(m_department);
    refreshChoices();
}

QComboBox *CustomerFilterBar::addCombo(const QString &name, const QString &title, const QString &anyText)
{
    auto *combo = new QComboBox(this);
    combo->setObjectName(name);
    combo->setAccessibleName(title);
    combo->setToolTip(title);
    // A long tag or segment name must not widen the window: the closed box shows about 16
    // characters, the open list is as wide as its longest choice.
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(16);
    combo->setMinimumWidth(0);
    combo->addItem(anyText, QString());
    connect(combo, &QComboBox::activated, this, [this] {
        if (!m_updating) {
            Q_EMIT placeTextChosen(placeText());
        }
    });
    m_combos << combo;
    return combo;
}

void CustomerFilterBar::refreshChoices()
{
    const QString current = placeText();
    m_updating = true;
    const auto reset = [](QComboBox *combo) {
        while (combo->count() > 1) {
            combo->removeItem(1);
        }
    };
    reset(m_department);
    reset(m_segment);
    reset(m_label);
    reset(m_tag);
    // Small tables, read through their indexes: cheap enough for the GUI thread.
    auto departments = Models::Sql::exec(m_database.connection(),
                                         QStringLiteral("SELECT code, name FROM departments WHERE active = 1"
                                                        " ORDER BY sort_order, name"),
                                         {}, tr("reading the departments"));
    if (departments) {
        while (departments->next()) {
            m_department->addItem(departments->value(1).toString(),
                                  QString(QStringLiteral("department:") + departments->value(0).toString()));
        }
    }
    if (auto segments = Models::SegmentStore(m_database).all()) {
        for (const Models::Segment &segment : *segments) {
            m_segment->addItem(segment.name, QString(QStringLiteral("segment:") + segment.code));
        }
    }
    if (auto labels = Models::LabelStore(m_database).all()) {
        for (const Models::Label &label : *labels) {
            m_label->addItem(label.name, QString(QStringLiteral("label:") + label.name));
        }
    }
    // Only the tags some customer holds (lots carry many more keywords); an index-only scan.
    auto tags = Models::Sql::exec(m_database.connection(),
                                  QStringLiteral("SELECT t.name FROM tags t WHERE EXISTS (SELECT 1 FROM customer_tags c"
                                                 " WHERE c.tag_id = t.id AND c.state <> 'removed') ORDER BY t.name_key"),
                                  {}, tr("reading the tags"));
    if (tags) {
        while (tags->next()) {
            const QString name = tags->value(0).toString();
            m_tag->addItem(name, QString(QStringLiteral("tag:") + name));
        }
    }
    for (QComboBox *combo : std::as_const(m_combos)) {
        combo->view()->setMinimumWidth(combo->view()->sizeHintForColumn(0) + combo->view()->verticalScrollBar()->sizeHint().width());
    }
    m_updating = false;
    setPlaceText(current);
}

void CustomerFilterBar::setPlaceText(const QString &text)
{
    m_updating = true;
    const QStringList clauses = text.split(kSeparator, Qt::SkipEmptyParts);
    for (QComboBox *combo : std::as_const(m_combos)) {
        int index = 0;
        for (const QString &clause : clauses) {
            for (int i = 1; i < combo->count(); ++i) {
                const QString data = combo->itemData(i).toString();
                if (keyOf(data) == keyOf(clause) && data.compare(clause, Qt::CaseInsensitive) == 0) {
                    index = i;
                }
            }
        }
        combo->setCurrentIndex(index);
    }
    m_updating = false;
}

QString CustomerFilterBar::placeText() const
{
    QStringList clauses;
    for (const QComboBox *combo : m_combos) {
        const QString clause = combo->currentData().toString();
        if (!clause.isEmpty()) {
            clauses << clause;
        }
    }
    return clauses.join(kSeparator);
}

} // namespace Gavel::Ui
