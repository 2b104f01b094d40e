#include "interestsettingspage.h"

#include "database.h"
#include "interestmodel.h"
#include "settingsstore.h"

#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>

namespace Gavel::Ui {

InterestSettingsPage::InterestSettingsPage(Models::Database &database, QWidget *parent)
    : SettingsPage(parent), m_database(database)
{
    m_days = new QSpinBox(this);
    m_days->setObjectName(QStringLiteral("recentInterestDays"));
    m_days->setRange(1, 3650);
    m_days->setSuffix(tr(" days"));
    auto days = Models::InterestModel::recentDays(database);
    m_loaded = days ? *days : Models::InterestModel::kDefaultRecentDays;
    m_days->setValue(m_loaded);

    auto *form = new QFormLayout(this);
    form->addRow(tr("Calculate customer interest for the &last:"), m_days);
    auto *hint = new QLabel(tr("“Interest in categories” lists the categories a customer viewed on the website in "
                               "this many days before today; an interest is satisfied once they buy in the "
                               "category. Shared by everyone using this database."),
                            this);
    hint->setWordWrap(true);
    hint->setEnabled(false);
    form->addRow(QString(), hint);
}

QString InterestSettingsPage::title() const
{
    return tr("Interests");
}

Models::Status InterestSettingsPage::save()
{
    if (m_days->value() == m_loaded) {
        return {}; // unchanged: nothing to write or audit
    }
    Models::Status status = Models::SettingsStore(m_database)
                                .setValue(Models::InterestModel::RecentDaysKey, QString::number(m_days->value()));
    if (status) {
        m_loaded = m_days->value();
    }
    return status;
}

} // namespace Gavel::Ui
