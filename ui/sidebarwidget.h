#pragma once

#include "customer.h"

#include <QWidget>

class QFormLayout;
class QLabel;
class QPushButton;

namespace Gavel::Ui {

/// The left side of a profile: who the customer is and how to reach them, their details,
/// and the Recommendations and Edit Customer buttons.
class SidebarWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SidebarWidget)

public:
    explicit SidebarWidget(QWidget *parent = nullptr);

    void setCustomer(const Models::Customer &customer);
    const Models::Customer &customer() const { return m_customer; }

    QPushButton *recommendationsButton() const { return m_recommendations; }
    QPushButton *editButton() const { return m_edit; }

Q_SIGNALS:
    void recommendationsRequested();
    void editRequested();

private:
    QLabel *addRow(QFormLayout *form, const QString &label, const QString &objectName);
    static void setValue(QLabel *label, const QString &text);

    Models::Customer m_customer;
    QLabel *m_name = nullptr;
    QLabel *m_vip = nullptr;
    QLabel *m_customerNo = nullptr;
    QLabel *m_email = nullptr;
    QLabel *m_phone = nullptr;
    QLabel *m_smsNumber = nullptr;
    QLabel *m_address = nullptr;
    QLabel *m_gender = nullptr;
    QLabel *m_birthDate = nullptr;
    QLabel *m_country = nullptr;
    QLabel *m_city = nullptr;
    QLabel *m_registered = nullptr;
    QLabel *m_language = nullptr;
    QPushButton *m_recommendations = nullptr;
    QPushButton *m_edit = nullptr;
};

} // namespace Gavel::Ui
