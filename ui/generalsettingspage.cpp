#include "generalsettingspage.h"

#include "database.h"
#include "settingsstore.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>

#include <algorithm>

namespace Gavel::Ui {

GeneralSettingsPage::GeneralSettingsPage(Models::Database &database, QWidget *parent)
    : SettingsPage(parent), m_database(database)
{
    m_userName = new QLineEdit(this);
    m_userName->setObjectName(QStringLiteral("userName"));
    m_userName->setText(QSettings().value(QStringLiteral("identity/name")).toString());
    m_userName->setPlaceholderText(qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME")));

    Models::SettingsStore settings(database);
    m_houseName = new QLineEdit(this);
    m_houseName->setObjectName(QStringLiteral("houseName"));
    m_houseName->setText(settings.value(Models::SettingsStore::HouseName).value());

    m_currency = new QComboBox(this);
    m_currency->setObjectName(QStringLiteral("houseCurrency"));
    m_currency->setEditable(true);
    m_currency->addItems({QStringLiteral("GBP"), QStringLiteral("EUR"), QStringLiteral("USD"), QStringLiteral("CHF"),
                          QStringLiteral("HKD"), QStringLiteral("JPY"), QStringLiteral("CNY"), QStringLiteral("AUD"),
                          QStringLiteral("CAD"), QStringLiteral("SEK"), QStringLiteral("DKK")});
    m_currency->setCurrentText(settings.houseCurrency());

    auto *form = new QFormLayout(this);
    form->addRow(tr("Your &name:"), m_userName);
    auto *nameHint = new QLabel(tr("Signs your notes and changes. Leave empty to use your computer login."), this);
    nameHint->setWordWrap(true);
    nameHint->setEnabled(false);
    form->addRow(QString(), nameHint);
    form->addRow(tr("&House name:"), m_houseName);
    form->addRow(tr("House &currency:"), m_currency);
    auto *sharedHint = new QLabel(tr("The house's name and currency are shared by everyone using this database."),
                                  this);
    sharedHint->setWordWrap(true);
    sharedHint->setEnabled(false);
    form->addRow(QString(), sharedHint);
}

QString GeneralSettingsPage::title() const
{
    return tr("General");
}

Models::Status GeneralSettingsPage::save()
{
    const QString currency = m_currency->currentText().trimmed().toUpper();
    if (currency.size() != 3 || !std::all_of(currency.begin(), currency.end(), [](QChar c) { return c.isLetter(); })) {
        return Models::Error::make(Models::ErrorKind::Invalid,
                                   tr("The house currency must be a three-letter ISO code such as GBP or EUR, not "
                                      "“%1”.")
                                       .arg(currency));
    }
    const QString name = m_userName->text().trimmed();
    QSettings().setValue(QStringLiteral("identity/name"), name);
    if (!name.isEmpty()) {
        m_database.setActor(name);
    }
    Models::SettingsStore settings(m_database);
    if (Models::Status status = settings.setValue(Models::SettingsStore::HouseName, m_houseName->text().trimmed());
        !status) {
        return status;
    }
    return settings.setValue(Models::SettingsStore::HouseCurrency, currency);
}

} // namespace Gavel::Ui
