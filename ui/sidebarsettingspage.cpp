#include "sidebarsettingspage.h"

#include "database.h"
#include "settingsstore.h"
#include "sidebarattributes.h"

#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace Gavel::Ui {

SidebarSettingsPage::SidebarSettingsPage(Models::Database &database, QWidget *parent)
    : SettingsPage(parent), m_database(database)
{
    auto *intro = new QLabel(tr("Choose what the profile's sidebar shows below the name, and in which order. "
                                "Everyone using this database sees the same sidebar."),
                             this);
    intro->setWordWrap(true);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("sidebarAttributes"));
    m_list->setToolTip(tr("Space shows or hides an attribute; Alt+Up and Alt+Down move it"));
    auto *caption = new QLabel(tr("Sidebar &attributes:"), this);
    caption->setBuddy(m_list);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->hide();

    auto *up = new QPushButton(tr("Move &Up"), this);
    up->setObjectName(QStringLiteral("sidebarAttributeUp"));
    auto *down = new QPushButton(tr("Move &Down"), this);
    down->setObjectName(QStringLiteral("sidebarAttributeDown"));
    auto *defaults = new QPushButton(tr("Restore De&faults"), this);
    defaults->setObjectName(QStringLiteral("sidebarAttributeDefaults"));
    connect(up, &QPushButton::clicked, this, [this] { moveCurrent(-1); });
    connect(down, &QPushButton::clicked, this, [this] { moveCurrent(+1); });
    connect(defaults, &QPushButton::clicked, this, [this] { fill(Models::SidebarAttributes::defaultKeys()); });
    // Alt+Up/Down move the current attribute; the list would take them as plain Up/Down.
    m_list->installEventFilter(this);

    auto *buttons = new QVBoxLayout;
    buttons->addWidget(up);
    buttons->addWidget(down);
    buttons->addSpacing(12);
    buttons->addWidget(defaults);
    buttons->addStretch(1);
    auto *grid = new QGridLayout(this);
    grid->addWidget(intro, 0, 0, 1, 2);
    grid->addWidget(caption, 1, 0, 1, 2);
    grid->addWidget(m_list, 2, 0);
    grid->addLayout(buttons, 2, 1);
    grid->addWidget(m_error, 3, 0, 1, 2);

    Models::SettingsStore settings(database);
    auto shown = Models::SidebarAttributes::load(settings);
    if (!shown) {
        m_error->setText(shown.error().message);
        m_error->show();
    }
    fill(shown ? *shown : Models::SidebarAttributes::defaultKeys());
}

void SidebarSettingsPage::fill(const QStringList &shown)
{
    m_list->clear();
    QStringList order = shown;
    for (const QString &key : Models::SidebarAttributes::allKeys()) {
        if (!order.contains(key)) {
            order << key;
        }
    }
    for (const QString &key : std::as_const(order)) {
        auto *item = new QListWidgetItem(Models::SidebarAttributes::label(key), m_list);
        item->setData(Qt::UserRole, key);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(shown.contains(key) ? Qt::Checked : Qt::Unchecked);
    }
    m_list->setCurrentRow(0);
}

bool SidebarSettingsPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->modifiers() == Qt::AltModifier && (key->key() == Qt::Key_Up || key->key() == Qt::Key_Down)) {
            moveCurrent(key->key() == Qt::Key_Up ? -1 : +1);
            return true;
        }
    }
    return SettingsPage::eventFilter(watched, event);
}

QString SidebarSettingsPage::title() const
{
    return tr("Sidebar");
}

QStringList SidebarSettingsPage::chosenKeys() const
{
    QStringList keys;
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->checkState() == Qt::Checked) {
            keys << m_list->item(i)->data(Qt::UserRole).toString();
        }
    }
    return keys;
}

void SidebarSettingsPage::moveCurrent(int step)
{
    const int row = m_list->currentRow();
    const int target = row + step;
    if (row < 0 || target < 0 || target >= m_list->count()) {
        return;
    }
    QListWidgetItem *item = m_list->takeItem(row);
    m_list->insertItem(target, item);
    m_list->setCurrentRow(target);
}

Models::Status SidebarSettingsPage::save()
{
    Models::SettingsStore settings(m_database);
    return Models::SidebarAttributes::save(settings, chosenKeys());
}

} // namespace Gavel::Ui
