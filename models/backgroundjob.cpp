#include "backgroundjob.h"

#include "database.h"

#include <QMetaObject>

namespace Gavel::Models {

bool BackgroundJob::Context::progress(qint64 done, qint64 total, const QString &stage)
{
    // A signal per row would flood the GUI thread's queue; a few per second is smooth.
    const bool stageChanged = stage != m_lastStage;
    if (stageChanged || !m_sinceLast.isValid() || m_sinceLast.elapsed() >= 100 || done >= total) {
        m_sinceLast.restart();
        m_lastStage = stage;
        Q_EMIT m_job->progressChanged(done, total, stage);
    }
    return !isCancelled();
}

BackgroundJob::BackgroundJob(ConnectionSpec spec, QString actor, QString purpose, Work work, QObject *parent)
    : QObject(parent), m_spec(std::move(spec)), m_actor(std::move(actor)), m_purpose(std::move(purpose)),
      m_work(std::move(work))
{
    qRegisterMetaType<Gavel::Models::Status>();
}

BackgroundJob::BackgroundJob(QString purpose, StandaloneWork work, QObject *parent)
    : QObject(parent), m_purpose(std::move(purpose)), m_standaloneWork(std::move(work))
{
    qRegisterMetaType<Gavel::Models::Status>();
}

BackgroundJob::~BackgroundJob()
{
    if (m_thread) {
        cancel();
        m_thread->wait();
        delete m_thread;
    }
}

void BackgroundJob::start()
{
    if (m_thread) {
        return;
    }
    m_cancelled.store(false);
    m_thread = QThread::create([this] { run(); });
    m_thread->setObjectName(m_purpose);
    m_thread->start();
}

bool BackgroundJob::wait(int milliseconds)
{
    if (!m_thread) {
        return true;
    }
    return milliseconds < 0 ? m_thread->wait() : m_thread->wait(QDeadlineTimer(milliseconds));
}

void BackgroundJob::run()
{
    Status status;
    Context context(this);
    if (m_standaloneWork) {
        status = m_standaloneWork(context);
    } else {
        // The connection belongs to this thread: opened, used and closed here.
        auto database = Database::open(m_spec, m_purpose, Database::OpenMode::NoMigrate);
        if (!database) {
            status = database.error();
        } else {
            (*database)->setActor(m_actor);
            status = m_work(**database, context);
        }
    }
    if (status.ok() && m_cancelled.load()) {
        status = Error::make(ErrorKind::Cancelled, tr("Stopped before the end."));
    }
    QMetaObject::invokeMethod(this, [this, status] { Q_EMIT finished(status); }, Qt::QueuedConnection);
}

} // namespace Gavel::Models
