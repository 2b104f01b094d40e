#pragma once

#include "connectionspec.h"
#include "result.h"

#include <QElapsedTimer>
#include <QObject>
#include <QThread>

#include <atomic>
#include <functional>

namespace Gavel::Models {

class Database;

/// Long work (an import, generating the demo, a recalculation) on its own thread with its
/// own database connection, so the window never freezes. Progress arrives as signals on
/// the thread that created the job; cancel() asks the work to stop at its next check.
class BackgroundJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackgroundJob)

public:
    /// Handed to the work: report progress and learn whether to stop.
    class Context
    {
    public:
        /// Reports progress (throttled to a few signals a second); false once cancelled.
        bool progress(qint64 done, qint64 total, const QString &stage);
        bool isCancelled() const { return m_job->m_cancelled.load(); }

    private:
        friend class BackgroundJob;
        explicit Context(BackgroundJob *job) : m_job(job) {}
        BackgroundJob *m_job;
        QElapsedTimer m_sinceLast;
        QString m_lastStage;
    };

    using Work = std::function<Status(Database &database, Context &context)>;
    using StandaloneWork = std::function<Status(Context &context)>;

    /// Work on the database of `spec`, through a connection of its own opened on the job's
    /// thread. `actor` signs the changes the work makes; `purpose` names the connection.
    BackgroundJob(ConnectionSpec spec, QString actor, QString purpose, Work work, QObject *parent = nullptr);
    /// Work that opens what it needs itself (writing a new database file, say).
    BackgroundJob(QString purpose, StandaloneWork work, QObject *parent = nullptr);
    ~BackgroundJob() override;

    void start();
    void cancel() { m_cancelled.store(true); }
    bool isRunning() const { return m_thread && m_thread->isRunning(); }
    /// Blocks until the work has ended (for tests and shutdown).
    bool wait(int milliseconds = -1);

Q_SIGNALS:
    void progressChanged(qint64 done, qint64 total, const QString &stage);
    /// The outcome: ok, ErrorKind::Cancelled, or what went wrong.
    void finished(const Gavel::Models::Status &status);

private:
    void run();

    ConnectionSpec m_spec;
    QString m_actor;
    QString m_purpose;
    Work m_work;
    StandaloneWork m_standaloneWork;
    QThread *m_thread = nullptr;
    std::atomic<bool> m_cancelled = false;
};

} // namespace Gavel::Models

Q_DECLARE_METATYPE(Gavel::Models::Status)
