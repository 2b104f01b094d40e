#include "settingsdialog.h"

#include "generalsettingspage.h"
#include "interestsettingspage.h"
#include "invoicesettingspage.h"
#include "settingspage.h"
#include "sidebarsettingspage.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace Gavel::Ui {

SettingsDialog::SettingsDialog(Models::Database &database, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("settingsPages"));
    const int em = fontMetrics().horizontalAdvance(u'M');
    m_list->setFixedWidth(12 * em);
    m_stack = new QStackedWidget(this);
    connect(m_list, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("settingsError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: palette(highlighted-text); background: #b3261e;"
                                          " padding: 4px; border-radius: 3px; }"));
    m_error->hide();

    auto *body = new QHBoxLayout;
    body->addWidget(m_list);
    body->addWidget(m_stack, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(body, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    addPage(new GeneralSettingsPage(database, this));
    addPage(new SidebarSettingsPage(database, this));
    addPage(new InterestSettingsPage(database, this));
    addPage(new InvoiceSettingsPage(this));
    m_list->setCurrentRow(0);
    resize(60 * em, 36 * em);
}

void SettingsDialog::addPage(SettingsPage *page)
{
    m_list->addItem(page->title());
    m_stack->addWidget(page);
}

SettingsPage *SettingsDialog::page(int index) const
{
    return qobject_cast<SettingsPage *>(m_stack->widget(index));
}

int SettingsDialog::pageCount() const
{
    return m_stack->count();
}

void SettingsDialog::accept()
{
    for (int i = 0; i < m_stack->count(); ++i) {
        SettingsPage *settingsPage = page(i);
        if (Models::Status status = settingsPage->save(); !status) {
            m_list->setCurrentRow(i);
            m_error->setText(status.error().message);
            m_error->show();
            return;
        }
    }
    QDialog::accept();
}

} // namespace Gavel::Ui
