#include "importresultpage.h"

#include "backgroundjob.h"
#include "database.h"
#include "importer.h"
#include "importwizard.h"
#include "jobprogressdialog.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Gavel::Ui {

namespace {

constexpr int kShownRejects = 1000;

} // namespace

ImportResultPage::ImportResultPage(ImportWizard *wizard) : QWizardPage(wizard), m_wizard(wizard)
{
    setTitle(tr("Import"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_rejects = new QTableWidget(this);
    m_rejects->setObjectName(QStringLiteral("importRejects"));
    m_rejects->setColumnCount(3);
    m_rejects->setHorizontalHeaderLabels({tr("Row"), tr("Column"), tr("Reason")});
    m_rejects->horizontalHeader()->setStretchLastSection(true);
    m_rejects->verticalHeader()->hide();
    m_rejects->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_saveRejects = new QPushButton(tr("Save &Rejected Rows…"), this);
    m_saveRejects->setObjectName(QStringLiteral("importSaveRejects"));
    m_saveRejects->setEnabled(false);
    connect(m_saveRejects, &QPushButton::clicked, this, &ImportResultPage::chooseRejectsFile);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_rejects, 1);
    layout->addWidget(m_saveRejects, 0, Qt::AlignLeft);
}

void ImportResultPage::initializePage()
{
    m_done = false;
    m_rejects->setRowCount(0);
    m_saveRejects->setEnabled(false);
    const Models::ImportOptions options = m_wizard->options();
    m_summary->setText(tr("Importing “%1”…").arg(QFileInfo(options.filePath).fileName()));
    m_report = std::make_shared<Models::ImportReport>();
    auto report = m_report;
    const Models::Database &database = m_wizard->database();
    auto *job = new Models::BackgroundJob(
        database.spec(), database.actor(), QStringLiteral("import"),
        [options, report](Models::Database &db, Models::BackgroundJob::Context &context) -> Models::Status {
            auto result =
                Models::Importer::run(db, options, [&context](qint64 done, qint64 total, const QString &stage) {
                    return context.progress(done, total, stage);
                });
            if (!result) {
                return result.error();
            }
            *report = *result;
            return {};
        },
        this);
    m_job = job;
    m_dialog = new JobProgressDialog(job, tr("Importing"), this);
    connect(job, &Models::BackgroundJob::finished, this, &ImportResultPage::finished);
    m_dialog->show();
    job->start();
}

void ImportResultPage::finished(const Models::Status &status)
{
    if (m_dialog) {
        m_dialog->hide();
        m_dialog->deleteLater();
    }
    if (m_job) {
        m_job->deleteLater();
    }
    m_done = true;
    if (!status) {
        // A warning sign and words, not colour alone.
        m_summary->setText(u"⚠ " + status.error().message);
        Q_EMIT completeChanged();
        Q_EMIT m_wizard->imported(false);
        return;
    }
    const Models::ImportReport &report = *m_report;
    QString text = report.summary();
    if (report.seconds > 0) {
        text += u' ' + tr("(%1 s, %2 rows a second)")
                           .arg(QLocale().toString(report.seconds, 'f', 1),
                                QLocale().toString(static_cast<qint64>(report.rowsPerSecond())));
    }
    m_summary->setText(text);
    const int shown = static_cast<int>(std::min<qsizetype>(report.rejects.size(), kShownRejects));
    m_rejects->setRowCount(shown);
    for (int row = 0; row < shown; ++row) {
        const Models::RejectedRow &rejected = report.rejects.at(row);
        m_rejects->setItem(row, 0, new QTableWidgetItem(QLocale().toString(rejected.line)));
        m_rejects->setItem(row, 1, new QTableWidgetItem(rejected.column));
        m_rejects->setItem(row, 2, new QTableWidgetItem(rejected.reason));
    }
    m_saveRejects->setEnabled(!report.rejects.isEmpty());
    Q_EMIT completeChanged();
    Q_EMIT m_wizard->imported(report.outcome != Models::ImportReport::Outcome::RolledBack && report.accepted() > 0);
}

bool ImportResultPage::isComplete() const
{
    return m_done;
}

void ImportResultPage::chooseRejectsFile()
{
    QFileDialog dialog(this, tr("Save Rejected Rows"));
    dialog.setObjectName(QStringLiteral("rejectsFileDialog"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setOption(QFileDialog::DontUseNativeDialog);
    dialog.setNameFilter(tr("CSV files (*.csv)"));
    dialog.setDefaultSuffix(QStringLiteral("csv"));
    const QFileInfo source(m_wizard->options().filePath);
    dialog.selectFile(source.dir().filePath(source.completeBaseName() + tr("-rejected") + QStringLiteral(".csv")));
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty()) {
        return;
    }
    if (const Models::Status status = saveRejects(dialog.selectedFiles().first()); !status) {
        m_summary->setText(m_summary->text() + u"\n⚠ " + status.error().message);
    }
}

Models::Status ImportResultPage::saveRejects(const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Models::Error::make(Models::ErrorKind::General,
                                   tr("“%1” cannot be written: %2").arg(path, file.errorString()));
    }
    if (Models::Status status = m_report->writeRejects(file); !status) {
        file.cancelWriting();
        return status;
    }
    if (!file.commit()) {
        return Models::Error::make(Models::ErrorKind::General,
                                   tr("“%1” cannot be written: %2").arg(path, file.errorString()));
    }
    m_saveRejects->setText(tr("Save &Rejected Rows… (saved to %1)").arg(QFileInfo(path).fileName()));
    return {};
}

} // namespace Gavel::Ui
