#pragma once

#include "importmapping.h"

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace Gavel::Ui {

class ImportWizard;

/// The third page: which column fills which field (matched from the headings, or a saved
/// mapping), a value for every row where the file has no column, a live preview of the
/// first rows as they will be imported, saving the mapping for the team, and strict mode.
class ImportMappingPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportMappingPage)

public:
    explicit ImportMappingPage(ImportWizard *wizard);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    void fill(const Models::ImportMapping &mapping);
    Models::ImportMapping current() const;
    void mappingChanged();
    void savedChosen();
    void saveMapping();
    void loadSavedNames();

    ImportWizard *m_wizard;
    QComboBox *m_saved = nullptr;
    QTableWidget *m_fields = nullptr;
    QTableWidget *m_preview = nullptr;
    QLabel *m_missing = nullptr;
    QLineEdit *m_saveName = nullptr;
    QLabel *m_saveStatus = nullptr;
    QCheckBox *m_strict = nullptr;
    QList<QComboBox *> m_columns;
    QList<QLineEdit *> m_fixed;
    bool m_filling = false;
};

} // namespace Gavel::Ui
