#pragma once

#include <QApplication>
#include <QTimer>
#include <QWidget>

#include <functional>

namespace Gavel::Tests {

/// Runs `handle` on the next modal dialog of type T once it is open: exec() blocks the test
/// until the dialog closes, so the test acts on it from the event loop. `*handled` is set
/// when it ran. Gives up after `timeoutMs`, so that a dialog that never comes fails the test
/// (the caller checks `*handled`) instead of hanging it.
template<typename T>
void whenModal(QObject *context, bool *handled, std::function<void(T *)> handle, int timeoutMs = 5000)
{
    *handled = false;
    auto *timer = new QTimer(context);
    timer->setInterval(10);
    const int tries = timeoutMs / 10;
    QObject::connect(timer, &QTimer::timeout, context, [timer, handled, handle, tries, tried = 0]() mutable {
        if (auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget())) {
            timer->stop();
            timer->deleteLater();
            *handled = true;
            handle(dialog);
        } else if (++tried > tries) {
            timer->stop();
            timer->deleteLater();
        }
    });
    timer->start();
}

} // namespace Gavel::Tests
