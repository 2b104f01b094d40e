#pragma once

#include <QElapsedTimer>
#include <QProgressDialog>

namespace Gavel::Models {
class BackgroundJob;
}

namespace Gavel::Ui {

/// Shows a BackgroundJob's progress with its stage, rows per second and time left; Cancel
/// asks the job to stop. The window stays responsive: the work runs on the job's thread.
class JobProgressDialog final : public QProgressDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobProgressDialog)

public:
    JobProgressDialog(Models::BackgroundJob *job, const QString &title, QWidget *parent = nullptr);

private:
    void showProgress(qint64 done, qint64 total, const QString &stage);

    QElapsedTimer m_clock;
    QString m_stage;
    qint64 m_stageStartDone = 0;
    qint64 m_stageStartMs = 0;
};

} // namespace Gavel::Ui
