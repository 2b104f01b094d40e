#include "loader.h"

#include "database.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QLoggingCategory>

namespace Gavel::Models {

namespace {
Q_LOGGING_CATEGORY(lcLoader, "gavel.loader", QtWarningMsg)
}

qint64 Loader::timerNow()
{
    static QElapsedTimer clock = [] {
        QElapsedTimer started;
        started.start();
        return started;
    }();
    return clock.nsecsElapsed();
}

void Loader::logLoad(const char *who, qint64 started)
{
    qCDebug(lcLoader, "%s: %.2f ms", who, (timerNow() - started) / 1e6);
}

void Loader::logShown(const char *who, qint64 started)
{
    qCDebug(lcLoader, "%s shown: %.2f ms", who, (timerNow() - started) / 1e6);
}

/// Lives on the loader's thread and owns the connection there.
class Loader::Worker final : public QObject
{
public:
    Worker(ConnectionSpec spec, QString actor) : m_spec(std::move(spec)), m_actor(std::move(actor)) {}

    void runJob(const Job &job)
    {
        if (!m_database && !m_failure) {
            auto opened = Database::open(m_spec, QStringLiteral("loader"), Database::OpenMode::NoMigrate);
            if (opened) {
                m_database = std::move(*opened);
                m_database->setActor(m_actor);
            } else {
                m_failure = std::make_unique<Error>(opened.error());
            }
        }
        job(m_database.get(), m_failure.get());
        if (m_failure) {
            m_failure.reset(); // try to connect again next time (the server may be back)
        }
    }

    void close() { m_database.reset(); }

private:
    ConnectionSpec m_spec;
    QString m_actor;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<Error> m_failure;
};

Loader::Loader(const Database &database, QObject *parent)
    : QObject(parent), m_spec(database.spec()), m_actor(database.actor())
{
    m_worker = new Worker(m_spec, m_actor);
    m_worker->moveToThread(&m_thread);
    m_thread.setObjectName(QStringLiteral("gavel-loader"));
    m_thread.start();
}

Loader::~Loader()
{
    // The connection must be closed on the thread that opened it.
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->close(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
}

void Loader::enqueue(Job job)
{
    ++m_pending;
    QMetaObject::invokeMethod(
        m_worker,
        [this, job = std::move(job)] {
            m_worker->runJob(job);
            // Counted down on the loader's thread, after the result was queued there.
            QMetaObject::invokeMethod(this, [this] { --m_pending; }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

bool Loader::waitForIdle(int milliseconds)
{
    QDeadlineTimer deadline(milliseconds);
    while (m_pending.load() > 0) {
        if (deadline.hasExpired()) {
            return false;
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QThread::msleep(1);
    }
    QCoreApplication::processEvents();
    return true;
}

} // namespace Gavel::Models
