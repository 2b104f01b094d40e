#pragma once

#include "contactvalidation.h"
#include "customer.h"
#include "loader.h"
#include "sidebardata.h"

#include <QHash>
#include <QWidget>

class QGridLayout;
class QLabel;
class QPushButton;

namespace Gavel::Models {
class Database;
}

namespace Gavel::Ui {

/// The left side of a profile: who the customer is, how to reach them (each contact checked,
/// with a warning icon and the reason when one is missing or invalid, and whether it is a
/// mobile or a landline), whether e-mail and SMS campaigns can reach them, their Top
/// Departments, subscriptions and details, and the Recommendations, Edit Customer and
/// Change History buttons. Which attributes show, and in which order, is the house's choice
/// (SidebarAttributes, Settings → Sidebar).
class SidebarWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SidebarWidget)

public:
    SidebarWidget(Models::Database &database, Models::Loader &loader, QWidget *parent = nullptr);

    /// Shows the row at once and loads the rest (Top Departments, subscriptions, the
    /// attribute list) off the GUI thread.
    void setCustomer(const Models::Customer &customer);
    const Models::Customer &customer() const { return m_customer; }
    const Models::ContactValidation &validation() const { return m_validation; }
    /// The attribute keys on show, in order (after the data loaded).
    QStringList shownAttributes() const { return m_shown; }

    QPushButton *recommendationsButton() const { return m_recommendations; }
    QPushButton *editButton() const { return m_edit; }
    QPushButton *historyButton() const { return m_history; }

    /// Opens Edit Customer (the button, Ctrl+E); customerEdited() follows a save.
    void editCustomer();
    /// Opens the customer's change history from the audit log.
    void showHistory();

Q_SIGNALS:
    void recommendationsRequested();
    /// The customer was saved in Edit Customer; the profile shows the stored row.
    void customerEdited(const Gavel::Models::Customer &customer);
    /// The attributes, Top Departments and subscriptions are on screen (for tests).
    void dataShown();

private:
    struct Row
    {
        QLabel *label = nullptr;
        QWidget *field = nullptr;
    };

    /// An icon and a text side by side; the icon's "iconKind" property names what it shows
    /// ("warning", "mobile", "landline", "phone", "eligible"), the tooltip says why.
    struct IconLine
    {
        QWidget *widget = nullptr;
        QLabel *icon = nullptr;
        QLabel *text = nullptr;
    };

    QLabel *addTextRow(const QString &key, const QString &objectName);
    IconLine makeIconLine(const QString &objectName, QWidget *parent);
    void addRow(const QString &key, QWidget *field);
    void setLine(const IconLine &line, const QString &iconKind, const QString &text, const QString &toolTip);
    void setPhoneLine(const IconLine &line, const QString &number, const Models::PhoneCheck &check,
                      const QString &missing);
    void layoutRows(const QStringList &keys);
    void showContacts();
    void showData(const Models::SidebarData &data);
    static void setValue(QLabel *label, const QString &text);

    Models::Database &m_database;
    Models::Loader &m_loader;
    Models::LoadGeneration m_generation;
    Models::Customer m_customer;
    Models::ContactValidation m_validation;
    QStringList m_shown;

    QLabel *m_name = nullptr;
    QLabel *m_vip = nullptr;
    QLabel *m_customerNo = nullptr;
    QWidget *m_rowsBox = nullptr;
    QGridLayout *m_form = nullptr;
    QHash<QString, Row> m_rows;
    IconLine m_email;
    IconLine m_phone;
    IconLine m_smsNumber;
    IconLine m_emailEligible;
    IconLine m_smsEligible;
    QLabel *m_address = nullptr;
    QLabel *m_topDepartments = nullptr;
    QLabel *m_subscriptions = nullptr;
    QLabel *m_gender = nullptr;
    QLabel *m_birthDate = nullptr;
    QLabel *m_country = nullptr;
    QLabel *m_city = nullptr;
    QLabel *m_registered = nullptr;
    QLabel *m_language = nullptr;
    QPushButton *m_recommendations = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_history = nullptr;
};

} // namespace Gavel::Ui
