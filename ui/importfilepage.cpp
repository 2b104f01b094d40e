#include "importfilepage.h"

#include "importwizard.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>

namespace Gavel::Ui {

ImportFilePage::ImportFilePage(ImportWizard *wizard) : QWizardPage(wizard), m_wizard(wizard)
{
    setTitle(tr("Choose a file"));
    setSubTitle(tr("A CSV export of an auction platform, an e-mail tool or a spreadsheet; for Mailchimp also the "
                   "audience export's ZIP."));
    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("importFilePath"));
    m_path->setPlaceholderText(tr("Path of the file"));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    connect(browse, &QPushButton::clicked, this, &ImportFilePage::browse);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("importKind"));
    for (const Models::ImportKind kind : Models::allImportKinds()) {
        m_kind->addItem(Models::importKindLabel(kind), static_cast<int>(kind));
    }

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("importFileProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->hide();

    auto *form = new QFormLayout(this);
    auto *fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setBuddy(m_path);
    form->addRow(fileLabel, pathRow);
    auto *kindLabel = new QLabel(tr("It &holds:"), this);
    kindLabel->setBuddy(m_kind);
    form->addRow(kindLabel, m_kind);
    form->addRow(m_problem);
    connect(m_path, &QLineEdit::textChanged, this, [this] {
        m_problem->hide();
        Q_EMIT completeChanged();
    });
}

bool ImportFilePage::isComplete() const
{
    return !m_path->text().trimmed().isEmpty();
}

void ImportFilePage::browse()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import File"), m_path->text(),
                                                      tr("CSV files (*.csv *.txt *.tsv);;ZIP archives (*.zip);;"
                                                         "All files (*)"));
    if (!path.isEmpty()) {
        m_path->setText(path);
    }
}

bool ImportFilePage::validatePage()
{
    Models::ImportOptions &options = m_wizard->options();
    const QString path = m_path->text().trimmed();
    if (path != options.filePath) {
        // A new file: detect its format afresh.
        options.encoding.reset();
        options.delimiter.reset();
    }
    options.filePath = path;
    options.kind = static_cast<Models::ImportKind>(m_kind->currentData().toInt());
    options.mapping.reset();
    if (!QFileInfo(path).isFile()) {
        m_problem->setText(u"⚠ " + tr("There is no file at “%1”.").arg(path));
        m_problem->show();
        return false;
    }
    if (Models::Status status = m_wizard->reloadPreview(); !status) {
        // A warning sign and words, not colour alone.
        m_problem->setText(u"⚠ " + status.error().message);
        m_problem->show();
        return false;
    }
    options.encoding = m_wizard->preview().format.encoding;
    options.delimiter = m_wizard->preview().format.delimiter;
    return true;
}

} // namespace Gavel::Ui
