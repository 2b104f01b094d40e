#include "sidebarwidget.h"

#include "changehistorydialog.h"
#include "editcustomerdialog.h"
#include "formatting.h"
#include "sidebarattributes.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace Gavel::Ui {

namespace {

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

QString phoneIconKind(Models::PhoneType type)
{
    switch (type) {
    case Models::PhoneType::Mobile:
        return QStringLiteral("mobile");
    case Models::PhoneType::Landline:
        return QStringLiteral("landline");
    case Models::PhoneType::Missing:
    case Models::PhoneType::Invalid:
        return QStringLiteral("warning");
    default:
        return QStringLiteral("phone");
    }
}

} // namespace

SidebarWidget::SidebarWidget(Models::Database &database, Models::Loader &loader, QWidget *parent)
    : QWidget(parent), m_database(database), m_loader(loader)
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
    m_vip->hide();

    m_customerNo = new QLabel(this);
    m_customerNo->setObjectName(QStringLiteral("sidebarCustomerNo"));
    m_customerNo->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_recommendations = new QPushButton(tr("&Recommendations"), this);
    m_recommendations->setObjectName(QStringLiteral("recommendationsButton"));
    m_recommendations->setToolTip(tr("Lots of the next sale that match this customer (Ctrl+R)"));
    // Enabled once recommendations are available (their own feature).
    m_recommendations->setEnabled(false);
    m_edit = new QPushButton(tr("Edit C&ustomer"), this);
    m_edit->setObjectName(QStringLiteral("editCustomerButton"));
    m_edit->setToolTip(tr("Change contact details, VIP, subscriptions and departments (Ctrl+E)"));
    m_edit->setEnabled(false);
    m_history = new QPushButton(tr("Change Histor&y…"), this);
    m_history->setObjectName(QStringLiteral("changeHistoryButton"));
    m_history->setToolTip(tr("Who changed what about this customer, and when"));
    m_history->setEnabled(false);
    connect(m_recommendations, &QPushButton::clicked, this, &SidebarWidget::recommendationsRequested);
    connect(m_edit, &QPushButton::clicked, this, &SidebarWidget::editCustomer);
    connect(m_history, &QPushButton::clicked, this, &SidebarWidget::showHistory);

    m_rowsBox = new QWidget(this);
    m_email = makeIconLine(QStringLiteral("sidebarEmail"), m_rowsBox);
    addRow(QStringLiteral("email"), m_email.widget);
    m_phone = makeIconLine(QStringLiteral("sidebarPhone"), m_rowsBox);
    addRow(QStringLiteral("phone"), m_phone.widget);
    m_smsNumber = makeIconLine(QStringLiteral("sidebarSmsNumber"), m_rowsBox);
    addRow(QStringLiteral("sms_number"), m_smsNumber.widget);

    auto *eligibility = new QWidget(m_rowsBox);
    m_emailEligible = makeIconLine(QStringLiteral("sidebarEmailEligibility"), eligibility);
    m_smsEligible = makeIconLine(QStringLiteral("sidebarSmsEligibility"), eligibility);
    auto *eligibilityLayout = new QVBoxLayout(eligibility);
    eligibilityLayout->setContentsMargins(0, 0, 0, 0);
    eligibilityLayout->addWidget(m_emailEligible.widget);
    eligibilityLayout->addWidget(m_smsEligible.widget);
    addRow(QStringLiteral("eligibility"), eligibility);

    m_address = addTextRow(QStringLiteral("address"), QStringLiteral("sidebarAddress"));
    m_topDepartments = addTextRow(QStringLiteral("top_departments"), QStringLiteral("sidebarTopDepartments"));
    m_subscriptions = addTextRow(QStringLiteral("subscriptions"), QStringLiteral("sidebarSubscriptions"));
    m_gender = addTextRow(QStringLiteral("gender"), QStringLiteral("sidebarGender"));
    m_birthDate = addTextRow(QStringLiteral("birth_date"), QStringLiteral("sidebarBirthDate"));
    m_country = addTextRow(QStringLiteral("country"), QStringLiteral("sidebarCountry"));
    m_city = addTextRow(QStringLiteral("city"), QStringLiteral("sidebarCity"));
    m_registered = addTextRow(QStringLiteral("registered"), QStringLiteral("sidebarRegistered"));
    m_language = addTextRow(QStringLiteral("language"), QStringLiteral("sidebarLanguage"));
    layoutRows(Models::SidebarAttributes::defaultKeys());

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
    layout->addWidget(m_rowsBox);
    layout->addWidget(m_history, 0, Qt::AlignLeft);
    layout->addStretch(1);
}

void SidebarWidget::addRow(const QString &key, QWidget *field)
{
    auto *label = new QLabel(Models::SidebarAttributes::label(key), m_rowsBox);
    label->setObjectName(QStringLiteral("sidebarLabel_") + key);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_rows.insert(key, {label, field});
}

QLabel *SidebarWidget::addTextRow(const QString &key, const QString &objectName)
{
    auto *value = new QLabel(m_rowsBox);
    value->setObjectName(objectName);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    addRow(key, value);
    return value;
}

SidebarWidget::IconLine SidebarWidget::makeIconLine(const QString &objectName, QWidget *parent)
{
    IconLine line;
    line.widget = new QWidget(parent);
    line.icon = new QLabel(line.widget);
    line.icon->setObjectName(objectName + QStringLiteral("Icon"));
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    line.icon->setFixedSize(size, size);
    line.text = new QLabel(line.widget);
    line.text->setObjectName(objectName);
    line.text->setWordWrap(true);
    line.text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    auto *layout = new QHBoxLayout(line.widget);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(line.icon, 0, Qt::AlignTop);
    layout->addWidget(line.text, 1);
    return line;
}

void SidebarWidget::layoutRows(const QStringList &keys)
{
    if (m_form && keys == m_shown) {
        return;
    }
    // A new grid each time: rows cannot be reordered in place, and the widgets outlive it.
    // (A grid rather than a QFormLayout: it gives wrapped labels the height they need.)
    delete m_form;
    m_form = new QGridLayout(m_rowsBox);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setColumnStretch(1, 1);
    for (auto row = m_rows.cbegin(); row != m_rows.cend(); ++row) {
        const bool shown = keys.contains(row.key());
        row->label->setVisible(shown);
        row->field->setVisible(shown);
    }
    int line = 0;
    for (const QString &key : keys) {
        const Row row = m_rows.value(key);
        if (row.label) {
            m_form->addWidget(row.label, line, 0, Qt::AlignLeft | Qt::AlignTop);
            m_form->addWidget(row.field, line, 1, Qt::AlignTop);
            ++line;
        }
    }
    m_shown = keys;
}

void SidebarWidget::setValue(QLabel *label, const QString &text)
{
    label->setText(text.isEmpty() ? tr("—") : text);
    label->setEnabled(!text.isEmpty());
}

void SidebarWidget::setLine(const IconLine &line, const QString &iconKind, const QString &text, const QString &toolTip)
{
    QIcon icon;
    if (iconKind == u"warning") {
        icon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    } else if (iconKind == u"eligible") {
        icon = style()->standardIcon(QStyle::SP_DialogApplyButton);
    } else if (iconKind == u"mobile") {
        icon = QIcon(QStringLiteral(":/icons/mobile.svg"));
    } else if (iconKind == u"landline" || iconKind == u"phone") {
        icon = QIcon(QStringLiteral(":/icons/landline.svg"));
    }
    line.icon->setPixmap(icon.pixmap(line.icon->size()));
    line.icon->setProperty("iconKind", iconKind);
    line.icon->setToolTip(toolTip);
    line.text->setToolTip(toolTip);
    setValue(line.text, text);
}

void SidebarWidget::setPhoneLine(const IconLine &line, const QString &number, const Models::PhoneCheck &check,
                                 const QString &missing)
{
    const QString kind = phoneIconKind(check.type);
    if (check.type == Models::PhoneType::Missing) {
        setLine(line, kind, {}, missing);
    } else if (check.type == Models::PhoneType::Invalid) {
        setLine(line, kind, number, tr("Not a valid number: %1").arg(check.reason));
    } else {
        setLine(line, kind, tr("%1 (%2)").arg(check.international, Models::PhoneValidator::typeLabel(check.type)),
                Models::PhoneValidator::typeLabel(check.type));
    }
}

void SidebarWidget::setCustomer(const Models::Customer &customer)
{
    m_customer = customer;
    m_validation = Models::validateContacts(customer);
    m_name->setText(customer.displayName());
    m_vip->setVisible(customer.vip);
    m_customerNo->setText(tr("Customer ID %1").arg(customer.customerNo));
    m_edit->setEnabled(customer.id != 0);
    m_history->setEnabled(customer.id != 0);
    showContacts();

    QStringList address;
    for (const QString &line :
         {customer.addressLine1, customer.addressLine2, QString(customer.postalCode + u' ' + customer.city).trimmed(),
          customer.region, Models::countryName(customer.country)}) {
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
    m_topDepartments->setText(tr("Loading…"));
    m_subscriptions->setText(tr("Loading…"));

    const qint64 id = customer.id;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_generation.renew();
    m_loader.run<Models::SidebarData>(
        m_generation, this, [id, now](Models::Database &db) { return Models::SidebarData::load(db, id, now); },
        [this](const Models::Result<Models::SidebarData> &result) {
            if (!result) {
                m_topDepartments->setText(result.error().message);
                m_topDepartments->setToolTip(result.error().detail);
                m_subscriptions->setText(result.error().message);
                return;
            }
            showData(*result);
        });
}

void SidebarWidget::showContacts()
{
    const Models::ContactValidation &v = m_validation;
    if (v.email.status == Models::EmailStatus::Missing) {
        setLine(m_email, QStringLiteral("warning"), {}, tr("No e-mail address on file"));
    } else if (v.email.status == Models::EmailStatus::Invalid) {
        setLine(m_email, QStringLiteral("warning"), m_customer.email,
                tr("This address cannot be mailed: %1").arg(v.email.reason));
    } else {
        setLine(m_email, QString(), m_customer.email, tr("A valid address"));
    }
    setPhoneLine(m_phone, m_customer.phone, v.phone, tr("No phone number on file"));
    setPhoneLine(m_smsNumber, m_customer.smsNumber, v.smsNumber,
                 v.smsTarget == Models::SmsTarget::Phone ? tr("No SMS number: SMS campaigns go to the phone number")
                                                         : tr("No SMS number on file"));
    // The SMS number is optional when the phone can take SMS: no warning for its absence then.
    if (v.smsNumber.type == Models::PhoneType::Missing && v.smsEligible) {
        setLine(m_smsNumber, QString(), {}, tr("No SMS number: SMS campaigns go to the phone number"));
    }

    if (v.emailEligible) {
        setLine(m_emailEligible, QStringLiteral("eligible"), tr("E-mail campaigns: yes"),
                tr("E-mail campaigns can reach this customer (if subscribed)"));
    } else {
        setLine(m_emailEligible, QStringLiteral("warning"), tr("E-mail campaigns: no"), v.emailIneligibleReason);
    }
    if (v.smsEligible) {
        setLine(m_smsEligible, QStringLiteral("eligible"), tr("SMS campaigns: yes"),
                tr("SMS campaigns can reach this customer (if subscribed)"));
    } else {
        setLine(m_smsEligible, QStringLiteral("warning"), tr("SMS campaigns: no"), v.smsIneligibleReason);
    }
}

void SidebarWidget::showData(const Models::SidebarData &data)
{
    layoutRows(data.attributes);

    QStringList top;
    QStringList reasons;
    for (const Models::DepartmentScore &score : data.topDepartments) {
        top << score.department.name;
        reasons << tr("%1: %2").arg(score.department.name, score.reason());
    }
    setValue(m_topDepartments, top.join(u'\n'));
    m_topDepartments->setToolTip(top.isEmpty() ? tr("No activity in any department yet") : reasons.join(u'\n'));

    QStringList lines;
    for (const Models::ChannelSubscription &channel : data.subscriptions) {
        lines << tr("%1: %2").arg(Models::SubscriptionStore::channelLabel(channel.channel), channel.summary());
    }
    setValue(m_subscriptions, lines.join(u'\n'));
    Q_EMIT dataShown();
}

void SidebarWidget::editCustomer()
{
    if (m_customer.id == 0) {
        return;
    }
    EditCustomerDialog dialog(m_database, m_customer, this);
    if (dialog.exec() == QDialog::Accepted) {
        Q_EMIT customerEdited(dialog.savedCustomer());
    }
}

void SidebarWidget::showHistory()
{
    if (m_customer.id == 0) {
        return;
    }
    ChangeHistoryDialog dialog(m_loader, m_customer, this);
    dialog.exec();
}

} // namespace Gavel::Ui
