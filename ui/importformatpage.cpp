#include "importformatpage.h"

#include "importwizard.h"

#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Gavel::Ui {

using Models::CsvFormat;

ImportFormatPage::ImportFormatPage(ImportWizard *wizard) : QWizardPage(wizard), m_wizard(wizard)
{
    setTitle(tr("Check how the file is written"));
    setSubTitle(tr("Gavel detected the encoding and the separator between columns. If the preview looks wrong "
                   "(odd characters, everything in one column), choose others."));
    m_detected = new QLabel(this);
    m_detected->setObjectName(QStringLiteral("importDetected"));
    m_detected->setWordWrap(true);
    m_encoding = new QComboBox(this);
    m_encoding->setObjectName(QStringLiteral("importEncoding"));
    m_encoding->addItem(CsvFormat::encodingName(CsvFormat::Encoding::Utf8),
                        static_cast<int>(CsvFormat::Encoding::Utf8));
    m_encoding->addItem(CsvFormat::encodingName(CsvFormat::Encoding::Windows1252) + tr(" (Excel “CSV”)"),
                        static_cast<int>(CsvFormat::Encoding::Windows1252));
    m_delimiter = new QComboBox(this);
    m_delimiter->setObjectName(QStringLiteral("importDelimiter"));
    for (const QChar c : {QChar(u','), QChar(u';'), QChar(u'\t')}) {
        m_delimiter->addItem(CsvFormat::delimiterName(c), QString(c));
    }
    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("importRawPreview"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->hide();

    auto *form = new QFormLayout;
    auto *encodingLabel = new QLabel(tr("&Encoding:"), this);
    encodingLabel->setBuddy(m_encoding);
    form->addRow(encodingLabel, m_encoding);
    auto *delimiterLabel = new QLabel(tr("&Separator:"), this);
    delimiterLabel->setBuddy(m_delimiter);
    form->addRow(delimiterLabel, m_delimiter);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_detected);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_table, 1);

    connect(m_encoding, &QComboBox::currentIndexChanged, this, &ImportFormatPage::formatChosen);
    connect(m_delimiter, &QComboBox::currentIndexChanged, this, &ImportFormatPage::formatChosen);
}

void ImportFormatPage::initializePage()
{
    const Models::ImportPreview &preview = m_wizard->preview();
    QString detected =
        tr("Detected: %1, columns separated by %2.")
            .arg(CsvFormat::encodingName(preview.format.encoding), CsvFormat::delimiterName(preview.format.delimiter));
    if (preview.entries.size() > 1) {
        detected += u' ' + tr("The archive holds %1; the first is shown.").arg(preview.entries.join(u", "));
    }
    m_detected->setText(detected);
    m_filling = true;
    m_encoding->setCurrentIndex(m_encoding->findData(static_cast<int>(preview.format.encoding)));
    m_delimiter->setCurrentIndex(m_delimiter->findData(QString(preview.format.delimiter)));
    m_filling = false;
    m_readable = true;
    m_problem->hide();
    showPreview();
}

bool ImportFormatPage::isComplete() const
{
    return m_readable;
}

void ImportFormatPage::formatChosen()
{
    if (m_filling) {
        return;
    }
    Models::ImportOptions &options = m_wizard->options();
    options.encoding = static_cast<CsvFormat::Encoding>(m_encoding->currentData().toInt());
    options.delimiter = m_delimiter->currentData().toString().at(0);
    const Models::Status status = m_wizard->reloadPreview();
    m_readable = status.ok();
    if (!status) {
        m_problem->setText(u"⚠ " + status.error().message);
        m_problem->show();
        m_table->clear();
    } else {
        m_problem->hide();
        showPreview();
    }
    Q_EMIT completeChanged();
}

void ImportFormatPage::showPreview()
{
    const Models::ImportPreview &preview = m_wizard->preview();
    m_table->clear();
    m_table->setColumnCount(static_cast<int>(preview.headers.size()));
    m_table->setHorizontalHeaderLabels(preview.headers);
    m_table->setRowCount(static_cast<int>(preview.rows.size()));
    for (int r = 0; r < preview.rows.size(); ++r) {
        for (int c = 0; c < preview.headers.size(); ++c) {
            m_table->setItem(r, c, new QTableWidgetItem(preview.rows.at(r).value(c)));
        }
    }
}

} // namespace Gavel::Ui
