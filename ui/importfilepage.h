#pragma once

#include <QWizardPage>

class QComboBox;
class QLabel;
class QLineEdit;

namespace Gavel::Ui {

class ImportWizard;

/// The first page of the import: the file and what it holds.
class ImportFilePage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportFilePage)

public:
    explicit ImportFilePage(ImportWizard *wizard);

    bool isComplete() const override;
    bool validatePage() override;

private:
    void browse();

    ImportWizard *m_wizard;
    QLineEdit *m_path = nullptr;
    QComboBox *m_kind = nullptr;
    QLabel *m_problem = nullptr;
};

} // namespace Gavel::Ui
