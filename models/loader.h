#pragma once

#include "connectionspec.h"
#include "result.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>

namespace Gavel::Models {

class Database;

/// A generation counter for loads that belong together (one panel of one customer).
/// renew() when the customer changes: results of older loads are then dropped, and loads
/// still waiting in the queue are skipped without touching the database.
class LoadGeneration final
{
public:
    LoadGeneration() : m_counter(std::make_shared<std::atomic<quint64>>(0)) {}
    quint64 renew() { return ++*m_counter; }
    quint64 current() const { return m_counter->load(); }

private:
    friend class Loader;
    std::shared_ptr<std::atomic<quint64>> m_counter;
};

/// Reads for the window, off the GUI thread: a worker thread with its own connection to the
/// same database runs the work in order, and the result comes back on the loader's thread.
/// The window never waits for the database, also on a slow server.
class Loader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Loader)

public:
    explicit Loader(const Database &database, QObject *parent = nullptr);
    ~Loader() override;

    /// Runs `work` on the worker's connection; then `done` on this object's thread, unless
    /// `generation` was renewed meanwhile or `receiver` is gone.
    template<typename T>
    void run(const LoadGeneration &generation, QObject *receiver, std::function<Result<T>(Database &)> work,
             std::function<void(const Result<T> &)> done)
    {
        const auto counter = generation.m_counter;
        const quint64 ticket = counter->load();
        QPointer<QObject> guard(receiver);
        const char *who = receiver ? receiver->metaObject()->className() : "?";
        enqueue([this, counter, ticket, guard, who, work = std::move(work), done = std::move(done)](Database *database,
                                                                                                   const Error *failure) {
            if (counter->load() != ticket) {
                return; // stale before it started: skip the query
            }
            const qint64 started = timerNow();
            auto result = std::make_shared<Result<T>>(database ? work(*database) : Result<T>(*failure));
            logLoad(who, started);
            QMetaObject::invokeMethod(
                this,
                [counter, ticket, guard, who, done, result] {
                    if (counter->load() == ticket && guard) {
                        const qint64 shown = timerNow();
                        done(*result);
                        logShown(who, shown);
                    }
                },
                Qt::QueuedConnection);
        });
    }

    /// Whether every queued load has run and its result was delivered.
    bool isIdle() const { return m_pending.load() == 0; }

    /// Waits until every queued load has run and its result was delivered (for tests).
    bool waitForIdle(int milliseconds = 10000);

private:
    /// Nanoseconds of a monotonic clock, and a debug line per load ("gavel.loader"
    /// logging category: QT_LOGGING_RULES="gavel.loader.debug=true") with its time.
    static qint64 timerNow();
    static void logLoad(const char *who, qint64 started);
    static void logShown(const char *who, qint64 started);

    using Job = std::function<void(Database *database, const Error *failure)>;
    void enqueue(Job job);

    class Worker;
    ConnectionSpec m_spec;
    QString m_actor;
    QThread m_thread;
    Worker *m_worker = nullptr;
    std::atomic<int> m_pending = 0;
};

} // namespace Gavel::Models
