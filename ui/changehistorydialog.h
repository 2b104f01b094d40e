#pragma once

#include "auditstore.h"
#include "customer.h"
#include "loader.h"

#include <QDialog>

class QLabel;
class QTableWidget;

namespace Gavel::Ui {

/// A customer's change history from the audit log, newest first: when, who, what changed,
/// the value before and after. Loaded off the GUI thread.
class ChangeHistoryDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChangeHistoryDialog)

public:
    ChangeHistoryDialog(Models::Loader &loader, const Models::Customer &customer, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    /// What a line of the log is about, in the house's words ("E-mail", "Department added").
    static QString describe(const Models::AuditEntry &entry);

Q_SIGNALS:
    void loaded();

private:
    void show(const QList<Models::AuditEntry> &entries);

    Models::LoadGeneration m_generation;
    QTableWidget *m_table = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace Gavel::Ui
