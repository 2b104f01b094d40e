#include "editcustomerdialog.h"

#include "conflictreviewdialog.h"
#include "database.h"
#include "departmentstore.h"
#include "emailvalidator.h"
#include "phonevalidator.h"
#include "subscriptionstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace Gavel::Ui {

namespace {

/// The subscription choices per channel: leave as is, or switch every active category.
enum SubscriptionChoice
{
    Unchanged = -1,
    UnsubscribeAll = 0,
    SubscribeAll = 1,
};

QComboBox *subscriptionBox(const QString &objectName, QWidget *parent)
{
    auto *box = new QComboBox(parent);
    box->setObjectName(objectName);
    box->addItem(EditCustomerDialog::tr("Leave as they are"), int(Unchanged));
    box->addItem(EditCustomerDialog::tr("Subscribe to all categories"), int(SubscribeAll));
    box->addItem(EditCustomerDialog::tr("Unsubscribe from all categories"), int(UnsubscribeAll));
    return box;
}

const char *const kProblemStyle = "QLabel { color: palette(text); }";

} // namespace

EditCustomerDialog::EditCustomerDialog(Models::Database &database, const Models::Customer &customer, QWidget *parent)
    : QDialog(parent), m_database(database), m_original(customer), m_base(customer)
{
    setObjectName(QStringLiteral("editCustomerDialog"));
    setWindowTitle(tr("Edit Customer – %1").arg(customer.displayName()));

    auto *identity = new QGroupBox(tr("Customer"), this);
    auto *identityForm = new QFormLayout(identity);
    addField(identityForm, &Models::Customer::customerNo, tr("Customer &ID:"), QStringLiteral("editCustomerNo"), true);
    addField(identityForm, &Models::Customer::title, tr("&Title:"), QStringLiteral("editTitle"));
    addField(identityForm, &Models::Customer::firstName, tr("&First name:"), QStringLiteral("editFirstName"));
    addField(identityForm, &Models::Customer::lastName, tr("&Last name:"), QStringLiteral("editLastName"));
    addField(identityForm, &Models::Customer::company, tr("Compan&y:"), QStringLiteral("editCompany"));
    m_vip = new QCheckBox(tr("&VIP"), identity);
    m_vip->setObjectName(QStringLiteral("editVip"));
    m_vip->setChecked(customer.vip);
    identityForm->addRow(QString(), m_vip);

    auto *contact = new QGroupBox(tr("Contact"), this);
    auto *contactForm = new QFormLayout(contact);
    addField(contactForm, &Models::Customer::email, tr("&E-mail:"), QStringLiteral("editEmail"), true);
    addField(contactForm, &Models::Customer::phone, tr("&Phone:"), QStringLiteral("editPhone"), true);
    addField(contactForm, &Models::Customer::smsNumber, tr("&SMS number:"), QStringLiteral("editSmsNumber"), true);
    addField(contactForm, &Models::Customer::addressLine1, tr("&Address:"), QStringLiteral("editAddress1"));
    addField(contactForm, &Models::Customer::addressLine2, QString(), QStringLiteral("editAddress2"));
    addField(contactForm, &Models::Customer::postalCode, tr("Post&code:"), QStringLiteral("editPostalCode"));
    addField(contactForm, &Models::Customer::city, tr("Cit&y:"), QStringLiteral("editCity"));
    addField(contactForm, &Models::Customer::region, tr("&Region:"), QStringLiteral("editRegion"));
    addField(contactForm, &Models::Customer::country, tr("Cou&ntry (ISO code):"), QStringLiteral("editCountry"), true);

    auto *marketing = new QGroupBox(tr("Subscriptions and departments"), this);
    auto *marketingForm = new QFormLayout(marketing);
    m_emailSubscription = subscriptionBox(QStringLiteral("editEmailSubscription"), marketing);
    m_smsSubscription = subscriptionBox(QStringLiteral("editSmsSubscription"), marketing);
    marketingForm->addRow(tr("E-&mail subscriptions:"), m_emailSubscription);
    marketingForm->addRow(tr("SMS su&bscriptions:"), m_smsSubscription);
    m_departments = new QListWidget(marketing);
    m_departments->setObjectName(QStringLiteral("editDepartments"));
    m_departments->setToolTip(tr("Tick the departments the customer follows (Space ticks and unticks)"));
    m_departments->setMinimumHeight(8 * fontMetrics().height());
    marketingForm->addRow(tr("&Departments:"), m_departments);

    m_conflict = new QFrame(this);
    m_conflict->setObjectName(QStringLiteral("editConflict"));
    m_conflict->setFrameShape(QFrame::StyledPanel);
    auto *conflictIcon = new QLabel(m_conflict);
    conflictIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(32, 32));
    m_conflictText = new QLabel(m_conflict);
    m_conflictText->setObjectName(QStringLiteral("editConflictText"));
    m_conflictText->setWordWrap(true);
    m_review = new QPushButton(tr("&Review Both Versions…"), m_conflict);
    m_review->setObjectName(QStringLiteral("reviewConflictButton"));
    connect(m_review, &QPushButton::clicked, this, &EditCustomerDialog::reviewConflict);
    auto *conflictLayout = new QHBoxLayout(m_conflict);
    conflictLayout->addWidget(conflictIcon, 0, Qt::AlignTop);
    conflictLayout->addWidget(m_conflictText, 1);
    conflictLayout->addWidget(m_review, 0, Qt::AlignVCenter);
    m_conflict->hide();

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("editError"));
    m_error->setWordWrap(true);
    m_error->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &EditCustomerDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &EditCustomerDialog::reject);

    auto *columns = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    left->addWidget(identity);
    left->addWidget(marketing, 1);
    columns->addLayout(left, 1);
    columns->addWidget(contact, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_conflict);
    layout->addLayout(columns, 1);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    loadChoices();
    validate();
    const int em = fontMetrics().horizontalAdvance(u'M');
    resize(qMax(sizeHint().width(), 80 * em), qMax(sizeHint().height(), 40 * em));
}

QLineEdit *EditCustomerDialog::addField(QFormLayout *form, QString Models::Customer::*member, const QString &label,
                                        const QString &objectName, bool validated)
{
    Field field;
    field.member = member;
    field.label = QString(label).remove(u'&').remove(u':');
    field.edit = new QLineEdit(m_original.*member, form->parentWidget());
    field.edit->setObjectName(objectName);
    field.edit->setMinimumWidth(20 * fontMetrics().horizontalAdvance(u'M'));
    if (validated) {
        auto *box = new QWidget(form->parentWidget());
        field.problem = new QLabel(box);
        field.problem->setObjectName(objectName + QStringLiteral("Problem"));
        field.problem->setWordWrap(true);
        field.problem->setStyleSheet(QString::fromLatin1(kProblemStyle));
        field.problem->hide();
        auto *column = new QVBoxLayout(box);
        column->setContentsMargins(0, 0, 0, 0);
        column->setSpacing(2);
        column->addWidget(field.edit);
        column->addWidget(field.problem);
        form->addRow(label, box);
        if (auto *buddy = qobject_cast<QLabel *>(form->labelForField(box))) {
            buddy->setBuddy(field.edit);
        }
        connect(field.edit, &QLineEdit::textChanged, this, [this] { validate(); });
    } else {
        form->addRow(label, field.edit);
    }
    m_fields << field;
    return field.edit;
}

void EditCustomerDialog::loadChoices()
{
    Models::DepartmentStore departments(m_database);
    auto all = departments.all();
    auto linked = departments.forCustomer(m_original.id);
    if (!all || !linked) {
        showError((!all ? all.error() : linked.error()).message);
        m_departments->setEnabled(false);
        return;
    }
    for (const Models::CustomerDepartment &link : *linked) {
        m_linkedDepartments << link.department.id;
    }
    for (const Models::Department &department : *all) {
        auto *item = new QListWidgetItem(department.name, m_departments);
        item->setData(Qt::UserRole, department.id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(m_linkedDepartments.contains(department.id) ? Qt::Checked : Qt::Unchecked);
    }
    if (m_departments->count() > 0) {
        m_departments->setCurrentRow(0);
    }

    auto summary = Models::SubscriptionStore(m_database).summary(m_original.id);
    if (summary) {
        for (const Models::ChannelSubscription &channel : *summary) {
            QComboBox *box = channel.channel == u"email" ? m_emailSubscription : m_smsSubscription;
            box->setItemText(0, tr("Leave as they are (%1)").arg(channel.summary()));
        }
    }
}

EditCustomerDialog::Problem EditCustomerDialog::problemOf(const Field &field) const
{
    const QString value = field.edit->text().trimmed();
    // A stored value that was already wrong does not stop other changes being saved; a
    // value typed now must be right.
    const bool changed = value != (m_original.*field.member).trimmed();
    if (field.member == &Models::Customer::customerNo) {
        return {value.isEmpty() ? tr("A customer needs a Customer ID.") : QString(), true};
    }
    if (field.member == &Models::Customer::email) {
        const Models::EmailCheck check = Models::EmailValidator::check(value);
        if (check.status == Models::EmailStatus::Invalid) {
            return {tr("Not a valid address: %1").arg(check.reason), changed};
        }
        return {check.status == Models::EmailStatus::Missing ? tr("No address: e-mail campaigns cannot reach them.")
                                                             : QString(),
                false};
    }
    if (field.member == &Models::Customer::phone || field.member == &Models::Customer::smsNumber) {
        const Models::PhoneCheck check = Models::PhoneValidator::check(value, fieldText(&Models::Customer::country));
        if (check.type == Models::PhoneType::Invalid) {
            return {tr("Not a valid number: %1").arg(check.reason), changed};
        }
        if (check.type == Models::PhoneType::Missing) {
            return {};
        }
        return {tr("%1: %2").arg(Models::PhoneValidator::typeLabel(check.type), check.international), false};
    }
    if (field.member == &Models::Customer::country && !value.isEmpty()) {
        const QLocale::Territory territory =
            value.size() == 2 ? QLocale::codeToTerritory(value.toUpper()) : QLocale::AnyTerritory;
        if (territory == QLocale::AnyTerritory) {
            return {tr("Not a country code: use two letters, such as GB, FR or US."), changed};
        }
        return {QLocale::territoryToString(territory), false};
    }
    return {};
}

QString EditCustomerDialog::fieldText(QString Models::Customer::*member) const
{
    for (const Field &field : m_fields) {
        if (field.member == member) {
            return field.edit->text().trimmed().toUpper();
        }
    }
    return {};
}

QLineEdit *EditCustomerDialog::validate()
{
    QLineEdit *first = nullptr;
    for (const Field &field : std::as_const(m_fields)) {
        if (!field.problem) {
            continue;
        }
        const Problem problem = problemOf(field);
        const bool error = problem.error && !problem.text.isEmpty();
        // An error reads as one in words ("Not a valid…") and in weight, not only in colour.
        field.problem->setText(problem.text);
        field.problem->setVisible(!problem.text.isEmpty());
        field.problem->setProperty("blocking", error);
        field.problem->setStyleSheet(error ? QStringLiteral("QLabel { color: #b3261e; font-weight: bold; }")
                                           : QString::fromLatin1(kProblemStyle));
        field.edit->setToolTip(problem.text);
        if (error && !first) {
            first = field.edit;
        }
    }
    return first;
}

Models::Customer EditCustomerDialog::edited() const
{
    Models::Customer customer = m_base;
    for (const Field &field : m_fields) {
        customer.*field.member = field.edit->text().trimmed();
    }
    customer.country = customer.country.toUpper();
    customer.vip = m_vip->isChecked();
    return customer;
}

Models::CustomerEdit EditCustomerDialog::buildEdit() const
{
    Models::CustomerEdit edit;
    edit.customer = edited();
    const auto channel = [&edit](const QString &key, const QComboBox *box) {
        const int choice = box->currentData().toInt();
        if (choice != Unchanged) {
            edit.channels.insert(key, choice == SubscribeAll);
        }
    };
    channel(QStringLiteral("email"), m_emailSubscription);
    channel(QStringLiteral("sms"), m_smsSubscription);
    for (int i = 0; i < m_departments->count(); ++i) {
        const QListWidgetItem *item = m_departments->item(i);
        const qint64 id = item->data(Qt::UserRole).toLongLong();
        const bool wanted = item->checkState() == Qt::Checked;
        if (wanted && !m_linkedDepartments.contains(id)) {
            edit.addDepartments << id;
        } else if (!wanted && m_linkedDepartments.contains(id)) {
            edit.removeDepartments << id;
        }
    }
    return edit;
}

void EditCustomerDialog::showError(const QString &message, QWidget *focus)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
    if (focus) {
        focus->setFocus();
    }
}

void EditCustomerDialog::accept()
{
    if (QLineEdit *wrong = validate()) {
        showError(tr("Please correct the marked fields before saving; nothing was saved."), wrong);
        return;
    }
    auto saved = Models::CustomerStore(m_database).save(buildEdit());
    if (!saved) {
        const Models::Error &error = saved.error();
        if (error.kind == Models::ErrorKind::Conflict) {
            showConflict(error.message);
            return;
        }
        QWidget *focus = error.kind == Models::ErrorKind::Duplicate ? m_fields.first().edit : nullptr;
        showError(tr("Nothing was saved. %1").arg(error.message), focus);
        m_error->setToolTip(error.detail);
        return;
    }
    m_saved = *saved;
    QDialog::accept();
}

void EditCustomerDialog::showConflict(const QString &message)
{
    auto theirs = Models::CustomerStore(m_database).byId(m_original.id);
    if (!theirs) {
        showError(tr("Nothing was saved. %1 %2").arg(message, theirs.error().message));
        return;
    }
    m_theirs = *theirs;
    showError(QString());
    m_conflictText->setText(tr("Nothing was saved. %1 Your changes are still here.").arg(message));
    m_review->show();
    m_conflict->show();
    m_review->setFocus();
}

void EditCustomerDialog::reviewConflict()
{
    if (m_theirs.id == 0) {
        return;
    }
    const Models::Customer mine = edited();
    QList<ConflictReviewDialog::Row> rows;
    QList<int> fieldOfRow; // index into m_fields, or -1 for VIP
    for (int i = 0; i < m_fields.size(); ++i) {
        const Field &field = m_fields.at(i);
        const QString yours = mine.*field.member;
        const QString theirs = m_theirs.*field.member;
        if (yours != theirs) {
            // Preselect yours where you changed the field, theirs where only they did.
            rows << ConflictReviewDialog::Row{field.label.isEmpty() ? tr("Address line 2") : field.label, yours, theirs,
                                              yours != m_original.*field.member};
            fieldOfRow << i;
        }
    }
    if (mine.vip != m_theirs.vip) {
        rows << ConflictReviewDialog::Row{tr("VIP"), mine.vip ? tr("Yes") : tr("No"),
                                          m_theirs.vip ? tr("Yes") : tr("No"), mine.vip != m_original.vip};
        fieldOfRow << -1;
    }
    const QString when = QLocale().toString(m_theirs.updatedAt.toLocalTime(), QLocale::ShortFormat);
    ConflictReviewDialog review(rows, tr("%1's, saved %2").arg(m_theirs.updatedBy, when), this);
    if (review.exec() != QDialog::Accepted) {
        return;
    }
    const QList<bool> keepMine = review.keepMine();
    for (int r = 0; r < rows.size(); ++r) {
        if (keepMine.at(r)) {
            continue;
        }
        if (fieldOfRow.at(r) < 0) {
            m_vip->setChecked(m_theirs.vip);
        } else {
            const Field &field = m_fields.at(fieldOfRow.at(r));
            field.edit->setText(m_theirs.*field.member);
        }
    }
    // From now on the form is an edit of their version.
    m_base = m_theirs;
    m_conflictText->setText(tr("The form now holds the values you chose from both versions, based on %1's version. "
                               "Save to keep them.")
                                .arg(m_theirs.updatedBy));
    m_review->hide();
    m_buttons->button(QDialogButtonBox::Save)->setFocus();
}

} // namespace Gavel::Ui
