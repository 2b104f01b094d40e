#include "sidebarwidget.h"

#include "formatting.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Gavel::Ui {

namespace {

QGroupBox *section(const QString &title, QFormLayout **form, QWidget *parent)
{
    auto *box = new QGroupBox(title, parent);
    *form = new QFormLayout(box);
    (*form)->setRowWrapPolicy(QFormLayout::WrapLongRows);
    (*form)->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    (*form)->setLabelAlignment(Qt::AlignLeft);
    return box;
}

QString genderText(const QString &gender)
{
    if (gender == u"female") {
        return SidebarWidget::tr("Female");
    }
    if (gender == u"male") {
        return SidebarWidget::tr("Male");
    }
    if (gender == u"other") {
        return SidebarWidget::tr("Other");
    }
    return gender;
}

} // namespace

SidebarWidget::SidebarWidget(QWidget *parent) : QWidget(parent)
{
    m_name = new QLabel(this);
    m_name->setObjectName(QStringLiteral("sidebarName"));
    m_name->setWordWrap(true);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont nameFont = m_name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.5);
    nameFont.setBold(true);
    m_name->setFont(nameFont);

    m_vip = new QLabel(tr("VIP"), this);
    m_vip->setObjectName(QStringLiteral("sidebarVip"));
    m_vip->setToolTip(tr("This customer is a VIP"));
    // Gold on dark text reads in light and dark themes alike; the word carries the meaning.
    m_vip->setStyleSheet(QStringLiteral("QLabel { background: #c9a227; color: #1a1a1a; border-radius: 4px;"
                                        " padding: 1px 6px; font-weight: bold; }"));
    m_vip->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);

    m_customerNo = new QLabel(this);
    m_customerNo->setObjectName(QStringLiteral("sidebarCustomerNo"));
    m_customerNo->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_recommendations = new QPushButton(tr("&Recommendations"), this);
    m_recommendations->setObjectName(QStringLiteral("recommendationsButton"));
    m_recommendations->setToolTip(tr("Lots of the next sale that match this customer (Ctrl+R)"));
    m_edit = new QPushButton(tr("&Edit Customer"), this);
    m_edit->setObjectName(QStringLiteral("editCustomerButton"));
    m_edit->setToolTip(tr("Change contact details, VIP, subscriptions and departments (Ctrl+E)"));
    // Enabled by the window once the features behind them are available.
    m_recommendations->setEnabled(false);
    m_edit->setEnabled(false);
    connect(m_recommendations, &QPushButton::clicked, this, &SidebarWidget::recommendationsRequested);
    connect(m_edit, &QPushButton::clicked, this, &SidebarWidget::editRequested);

    QFormLayout *contact = nullptr;
    QGroupBox *contactBox = section(tr("Contact"), &contact, this);
    m_email = addRow(contact, tr("E-mail"), QStringLiteral("sidebarEmail"));
    m_phone = addRow(contact, tr("Phone"), QStringLiteral("sidebarPhone"));
    m_smsNumber = addRow(contact, tr("SMS number"), QStringLiteral("sidebarSmsNumber"));
    m_address = addRow(contact, tr("Address"), QStringLiteral("sidebarAddress"));

    QFormLayout *details = nullptr;
    QGroupBox *detailsBox = section(tr("Details"), &details, this);
    m_gender = addRow(details, tr("Gender"), QStringLiteral("sidebarGender"));
    m_birthDate = addRow(details, tr("Date of birth"), QStringLiteral("sidebarBirthDate"));
    m_country = addRow(details, tr("Country"), QStringLiteral("sidebarCountry"));
    m_city = addRow(details, tr("City"), QStringLiteral("sidebarCity"));
    m_registered = addRow(details, tr("Registered"), QStringLiteral("sidebarRegistered"));
    m_language = addRow(details, tr("Language"), QStringLiteral("sidebarLanguage"));

    auto *nameRow = new QHBoxLayout;
    nameRow->addWidget(m_name, 1);
    nameRow->addWidget(m_vip, 0, Qt::AlignTop);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_recommendations);
    buttons->addWidget(m_edit);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(nameRow);
    layout->addWidget(m_customerNo);
    layout->addLayout(buttons);
    layout->addWidget(contactBox);
    layout->addWidget(detailsBox);
    layout->addStretch(1);
}

QLabel *SidebarWidget::addRow(QFormLayout *form, const QString &label, const QString &objectName)
{
    auto *value = new QLabel(this);
    value->setObjectName(objectName);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    form->addRow(label, value);
    return value;
}

void SidebarWidget::setValue(QLabel *label, const QString &text)
{
    label->setText(text.isEmpty() ? tr("—") : text);
    label->setEnabled(!text.isEmpty());
}

void SidebarWidget::setCustomer(const Models::Customer &customer)
{
    m_customer = customer;
    m_name->setText(customer.displayName());
    m_vip->setVisible(customer.vip);
    m_customerNo->setText(tr("Customer ID %1").arg(customer.customerNo));

    setValue(m_email, customer.email);
    setValue(m_phone, customer.phone);
    setValue(m_smsNumber, customer.smsNumber);
    QStringList address;
    for (const QString &line : {customer.addressLine1, customer.addressLine2,
                                QString(customer.postalCode + u' ' + customer.city).trimmed(), customer.region,
                                Models::countryName(customer.country)}) {
        if (!line.isEmpty()) {
            address << line;
        }
    }
    setValue(m_address, address.join(u'\n'));

    setValue(m_gender, genderText(customer.gender));
    setValue(m_birthDate, Models::formatDate(customer.birthDate));
    setValue(m_country, Models::countryName(customer.country));
    setValue(m_city, customer.city);
    setValue(m_registered, Models::formatDate(customer.registeredAt.toLocalTime().date()));
    setValue(m_language, Models::languageName(customer.language));
}

} // namespace Gavel::Ui
