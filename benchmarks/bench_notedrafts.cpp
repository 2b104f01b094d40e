// How long keeping a note's draft takes: NoteDraftStore::save() (JSON through QSaveFile: a
// temporary file, written, renamed over the old one). The Notes panel calls it on every change
// in the editor, on the GUI thread, so it must stay far below the time between two keystrokes.
//
// bench_notedrafts [--folder DIR] [--rounds N]

#include "notedraftstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Gavel::Models;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("folder"), QStringLiteral("Where to write (default: a temporary folder)."),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("rounds"), QStringLiteral("Saves per size (default 2000)."), QStringLiteral("N"),
                      QStringLiteral("2000")});
    parser.process(app);

    QTemporaryDir temporary;
    const QString folder =
        parser.isSet(QStringLiteral("folder")) ? parser.value(QStringLiteral("folder")) : temporary.path();
    const int rounds = qMax(10, parser.value(QStringLiteral("rounds")).toInt());
    NoteDraftStore store(QStringLiteral("/srv/gavel/house.gavel"), folder);

    std::printf("folder: %s, %d saves per size\n", qPrintable(folder), rounds);
    std::printf("%10s %10s %10s %10s\n", "chars", "mean µs", "p50 µs", "p99 µs");
    for (const int size : {200, 2'000, 20'000}) {
        NoteDraft draft;
        draft.customerUuid = QStringLiteral("0b7e5c1e-8f0a-4c59-9d3e-3f1e8e7a6b21");
        draft.customerId = 42;
        const QString word = QStringLiteral("watercolour ");
        std::vector<qint64> nanos;
        nanos.reserve(size_t(rounds));
        for (int round = 0; round < rounds; ++round) {
            // One more character each time, as typing does.
            draft.text = word.repeated(size / int(word.size()) + 1).left(size - 1) + QChar(u'a' + round % 26);
            QElapsedTimer timer;
            timer.start();
            if (Status status = store.save(draft); !status) {
                std::fprintf(stderr, "%s\n", qPrintable(status.error().fullText()));
                return 1;
            }
            nanos.push_back(timer.nsecsElapsed());
        }
        std::sort(nanos.begin(), nanos.end());
        qint64 total = 0;
        for (const qint64 n : nanos) {
            total += n;
        }
        std::printf("%10d %10.0f %10.0f %10.0f\n", size, double(total) / rounds / 1000.0,
                    double(nanos[nanos.size() / 2]) / 1000.0, double(nanos[nanos.size() * 99 / 100]) / 1000.0);
    }
    return 0;
}
