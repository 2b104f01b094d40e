#pragma once

#include "customer.h"
#include "customerstore.h"

#include <QDialog>
#include <QList>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QFrame;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace Gavel::Models {
class Database;
}

namespace Gavel::Ui {

/// Edit Customer (Ctrl+E): contact details with inline validation and reasons, VIP,
/// subscriptions per channel and departments, saved in one transaction with the row version
/// checked (CustomerStore::save).
///
/// When someone else saved the customer after the dialog opened, nothing is written: the
/// dialog says who and when, keeps everything typed, and offers to review both versions
/// side by side (ConflictReviewDialog). The values chosen there are put into the form,
/// which is then based on the other person's version; saving again writes them.
class EditCustomerDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EditCustomerDialog)

public:
    EditCustomerDialog(Models::Database &database, const Models::Customer &customer, QWidget *parent = nullptr);

    /// The row as stored by the last successful save.
    const Models::Customer &savedCustomer() const { return m_saved; }

    void accept() override;
    /// Opens the side-by-side review of the conflicting versions.
    void reviewConflict();

private:
    struct Field
    {
        QString Models::Customer::*member;
        QLineEdit *edit = nullptr;
        QLabel *problem = nullptr; ///< only for fields that are validated
        QString label;
    };

    QLineEdit *addField(QFormLayout *form, QString Models::Customer::*member, const QString &label,
                        const QString &objectName, bool validated = false);
    void loadChoices();
    /// Updates the reasons under the fields; returns the first field that blocks saving.
    QLineEdit *validate();
    struct Problem
    {
        QString text;       ///< the reason, or a note (the phone's type); empty when nothing to say
        bool error = false; ///< whether it stops saving
    };
    Problem problemOf(const Field &field) const;
    QString fieldText(QString Models::Customer::*member) const;
    Models::Customer edited() const;
    Models::CustomerEdit buildEdit() const;
    void showError(const QString &message, QWidget *focus = nullptr);
    void showConflict(const QString &message);

    Models::Database &m_database;
    Models::Customer m_original; ///< as the dialog opened: what "changed" is measured against
    Models::Customer m_base;     ///< the version a save is checked against (theirs, after a review)
    Models::Customer m_theirs;   ///< the stored row when a save conflicted
    Models::Customer m_saved;
    QList<Field> m_fields;
    QCheckBox *m_vip = nullptr;
    QComboBox *m_emailSubscription = nullptr;
    QComboBox *m_smsSubscription = nullptr;
    QListWidget *m_departments = nullptr;
    QList<qint64> m_linkedDepartments;
    QLabel *m_error = nullptr;
    QFrame *m_conflict = nullptr;
    QLabel *m_conflictText = nullptr;
    QPushButton *m_review = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace Gavel::Ui
