#include "jobprogressdialog.h"

#include "backgroundjob.h"

#include <QLocale>

namespace Gavel::Ui {

JobProgressDialog::JobProgressDialog(Models::BackgroundJob *job, const QString &title, QWidget *parent)
    : QProgressDialog(parent)
{
    setWindowTitle(title);
    setLabelText(tr("Starting…"));
    setCancelButtonText(tr("Cancel"));
    setRange(0, 1000);
    setMinimumDuration(0);
    setMinimumWidth(fontMetrics().horizontalAdvance(u'M') * 32);
    setAutoClose(false);
    setAutoReset(false);
    setWindowModality(Qt::WindowModal);
    m_clock.start();
    connect(job, &Models::BackgroundJob::progressChanged, this, &JobProgressDialog::showProgress);
    connect(this, &QProgressDialog::canceled, job, [this, job] {
        job->cancel();
        setLabelText(tr("Stopping…"));
    });
}

void JobProgressDialog::showProgress(qint64 done, qint64 total, const QString &stage)
{
    if (stage != m_stage) {
        m_stage = stage;
        m_stageStartDone = done;
        m_stageStartMs = m_clock.elapsed();
    }
    if (total > 0) {
        setValue(static_cast<int>(qBound(qint64(0), done * 1000 / total, qint64(1000))));
    }
    QString text = stage;
    const qint64 elapsedMs = m_clock.elapsed() - m_stageStartMs;
    const qint64 stageDone = done - m_stageStartDone;
    if (elapsedMs > 500 && stageDone > 0 && total > 0) {
        const QLocale locale;
        const double perSecond = stageDone * 1000.0 / elapsedMs;
        const qint64 secondsLeft = static_cast<qint64>((total - done) / qMax(perSecond, 1.0));
        text += u'\n' + tr("%1 of %2 — %3 a second, about %4 left")
                            .arg(locale.toString(done), locale.toString(total),
                                 locale.toString(static_cast<qint64>(perSecond)),
                                 secondsLeft >= 120 ? tr("%1 minutes").arg(secondsLeft / 60)
                                                    : tr("%1 seconds").arg(secondsLeft));
    }
    setLabelText(text);
}

} // namespace Gavel::Ui
