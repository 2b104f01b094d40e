#pragma once

#include <QWizardPage>

class QComboBox;
class QLabel;
class QTableWidget;

namespace Gavel::Ui {

class ImportWizard;

/// The second page: the detected encoding and delimiter, overridable, with the first rows
/// as they read with them.
class ImportFormatPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportFormatPage)

public:
    explicit ImportFormatPage(ImportWizard *wizard);

    void initializePage() override;
    bool isComplete() const override;

private:
    void formatChosen();
    void showPreview();

    ImportWizard *m_wizard;
    QLabel *m_detected = nullptr;
    QComboBox *m_encoding = nullptr;
    QComboBox *m_delimiter = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_problem = nullptr;
    bool m_filling = false;
    bool m_readable = true;
};

} // namespace Gavel::Ui
