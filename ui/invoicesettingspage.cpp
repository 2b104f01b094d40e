#include "invoicesettingspage.h"

#include "invoicecolumns.h"

#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace Gavel::Ui {

using Models::InvoiceColumns;

InvoiceSettingsPage::InvoiceSettingsPage(QWidget *parent) : SettingsPage(parent)
{
    auto *intro = new QLabel(tr("The &columns of a customer's invoice list (Invoices tab of the profile):"), this);
    intro->setWordWrap(true);
    m_columns = new QListWidget(this);
    m_columns->setObjectName(QStringLiteral("invoiceColumns"));
    intro->setBuddy(m_columns);
    const QStringList chosen = InvoiceColumns::chosen();
    for (const QString &key : InvoiceColumns::allKeys()) {
        auto *item = new QListWidgetItem(InvoiceColumns::title(key), m_columns);
        item->setData(Qt::UserRole, key);
        const bool required = InvoiceColumns::requiredKeys().contains(key);
        item->setFlags(required ? Qt::ItemFlags(Qt::ItemIsSelectable) : Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(chosen.contains(key) ? Qt::Checked : Qt::Unchecked);
        if (required) {
            item->setToolTip(tr("Always shown: an invoice is known by its number."));
        }
    }
    m_columns->setCurrentRow(1);
    auto *defaults = new QPushButton(tr("&Defaults"), this);
    defaults->setObjectName(QStringLiteral("invoiceColumnDefaults"));
    defaults->setAutoDefault(false);
    connect(defaults, &QPushButton::clicked, this, [this] {
        const QStringList keys = InvoiceColumns::defaultKeys();
        for (int i = 0; i < m_columns->count(); ++i) {
            QListWidgetItem *item = m_columns->item(i);
            item->setCheckState(keys.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked : Qt::Unchecked);
        }
    });
    auto *hint = new QLabel(tr("Space ticks or clears the selected column. Your own choice, on this computer."), this);
    hint->setWordWrap(true);
    hint->setEnabled(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_columns, 1);
    layout->addWidget(hint);
    layout->addWidget(defaults, 0, Qt::AlignLeft);
}

QString InvoiceSettingsPage::title() const
{
    return tr("Invoices");
}

Models::Status InvoiceSettingsPage::save()
{
    QStringList keys;
    for (int i = 0; i < m_columns->count(); ++i) {
        const QListWidgetItem *item = m_columns->item(i);
        if (item->checkState() == Qt::Checked) {
            keys << item->data(Qt::UserRole).toString();
        }
    }
    InvoiceColumns::setChosen(keys);
    return {};
}

} // namespace Gavel::Ui
