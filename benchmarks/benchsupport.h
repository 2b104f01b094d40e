#pragma once

// What every benchmark program needs to report and to stop on a failed step.

#include "result.h"

#include <QString>

#include <cstdio>
#include <cstdlib>

namespace Gavel::Benchmarks {

/// Progress, on standard error.
inline void say(const QString &text)
{
    std::fprintf(stderr, "%s\n", qPrintable(text));
    std::fflush(stderr);
}

/// Figures, on standard output (Markdown for docs/benchmarks.md).
inline void print(const QString &text)
{
    std::printf("%s\n", qPrintable(text));
    std::fflush(stdout);
}

[[noreturn]] inline void fail(const QString &what, const Models::Error &error)
{
    say(what + QStringLiteral(": ") + error.fullText());
    std::exit(1);
}

template<typename T>
T check(Models::Result<T> result, const QString &what)
{
    if (!result) {
        fail(what, result.error());
    }
    return std::move(*result);
}

inline void check(const Models::Status &status, const QString &what)
{
    if (!status) {
        fail(what, status.error());
    }
}

} // namespace Gavel::Benchmarks
