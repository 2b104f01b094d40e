#pragma once

#include "importreport.h"

#include <QPointer>
#include <QWizardPage>

#include <memory>

class QLabel;
class QPushButton;
class QTableWidget;

namespace Gavel::Models {
class BackgroundJob;
}

namespace Gavel::Ui {

class ImportWizard;
class JobProgressDialog;

/// The last page: runs the import on a BackgroundJob (a progress dialog with rows a
/// second, time left and Cancel; the window stays responsive), then says what was imported,
/// lists the rejected rows with line, column and reason, and saves them as CSV.
class ImportResultPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportResultPage)

public:
    explicit ImportResultPage(ImportWizard *wizard);

    void initializePage() override;
    bool isComplete() const override;

    /// Writes the rejected rows to `path`; the Save button asks for the path first.
    Models::Status saveRejects(const QString &path);

private:
    void finished(const Models::Status &status);
    void chooseRejectsFile();

    ImportWizard *m_wizard;
    QLabel *m_summary = nullptr;
    QTableWidget *m_rejects = nullptr;
    QPushButton *m_saveRejects = nullptr;
    QPointer<Models::BackgroundJob> m_job;
    QPointer<JobProgressDialog> m_dialog;
    std::shared_ptr<Models::ImportReport> m_report;
    bool m_done = false;
};

} // namespace Gavel::Ui
