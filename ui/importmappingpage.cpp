#include "importmappingpage.h"

#include "importmappingstore.h"
#include "importwizard.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Gavel::Ui {

namespace {

constexpr int kPreviewRows = 10;

} // namespace

ImportMappingPage::ImportMappingPage(ImportWizard *wizard) : QWizardPage(wizard), m_wizard(wizard)
{
    setTitle(tr("Match the columns"));
    setSubTitle(tr("Columns with known headings are matched already. Choose a column for each field to import, or "
                   "type a value that every row gets (a LiveAuctioneers catalogue needs its sale number here)."));
    setButtonText(QWizard::NextButton, tr("&Import"));

    m_saved = new QComboBox(this);
    m_saved->setObjectName(QStringLiteral("importSavedMapping"));
    connect(m_saved, &QComboBox::activated, this, &ImportMappingPage::savedChosen);
    auto *savedLabel = new QLabel(tr("&Mapping:"), this);
    savedLabel->setBuddy(m_saved);

    m_fields = new QTableWidget(this);
    m_fields->setObjectName(QStringLiteral("importFields"));
    m_fields->setColumnCount(3);
    m_fields->setHorizontalHeaderLabels({tr("Field"), tr("Column in the file"), tr("Or this value for every row")});
    m_fields->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_fields->verticalHeader()->hide();
    m_fields->setEditTriggers(QAbstractItemView::NoEditTriggers);

    m_missing = new QLabel(this);
    m_missing->setObjectName(QStringLiteral("importMissing"));
    m_missing->setWordWrap(true);

    m_preview = new QTableWidget(this);
    m_preview->setObjectName(QStringLiteral("importMappedPreview"));
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);

    m_saveName = new QLineEdit(this);
    m_saveName->setObjectName(QStringLiteral("importSaveName"));
    m_saveName->setPlaceholderText(tr("Name, to use this mapping again"));
    auto *save = new QPushButton(tr("&Save Mapping"), this);
    save->setObjectName(QStringLiteral("importSaveMapping"));
    connect(save, &QPushButton::clicked, this, &ImportMappingPage::saveMapping);
    connect(m_saveName, &QLineEdit::returnPressed, this, &ImportMappingPage::saveMapping);
    m_saveStatus = new QLabel(this);
    m_saveStatus->setObjectName(QStringLiteral("importSaveStatus"));

    m_strict = new QCheckBox(tr("Import &nothing if any row is rejected"), this);
    m_strict->setObjectName(QStringLiteral("importStrict"));

    auto *top = new QHBoxLayout;
    top->addWidget(savedLabel);
    top->addWidget(m_saved, 1);
    auto *saveRow = new QHBoxLayout;
    saveRow->addWidget(m_saveName, 1);
    saveRow->addWidget(save);
    saveRow->addWidget(m_saveStatus);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_fields, 3);
    layout->addWidget(m_missing);
    layout->addWidget(new QLabel(tr("The first rows as they will be imported:"), this));
    layout->addWidget(m_preview, 2);
    layout->addLayout(saveRow);
    layout->addWidget(m_strict);
}

void ImportMappingPage::loadSavedNames()
{
    m_saved->clear();
    m_saved->addItem(tr("Matched from the headings"));
    auto names = Models::ImportMappingStore(m_wizard->database()).names(m_wizard->options().kind);
    if (names) {
        m_saved->addItems(*names);
    }
}

void ImportMappingPage::initializePage()
{
    const Models::ImportKind kind = m_wizard->options().kind;
    const QStringList &headers = m_wizard->preview().headers;
    const QList<Models::ImportField> &fields = Models::importFields(kind);
    m_filling = true;
    m_fields->setRowCount(static_cast<int>(fields.size()));
    m_columns.clear();
    m_fixed.clear();
    for (int row = 0; row < fields.size(); ++row) {
        const Models::ImportField &field = fields.at(row);
        // "required" in words, not colour alone.
        auto *label = new QTableWidgetItem(field.required ? tr("%1 (required)").arg(field.label) : field.label);
        m_fields->setItem(row, 0, label);
        auto *column = new QComboBox(m_fields);
        column->setObjectName(QStringLiteral("mapping_") + field.key);
        column->addItem(tr("— not imported —"), QString());
        for (const QString &header : headers) {
            column->addItem(header, header);
        }
        column->setAccessibleName(field.label);
        connect(column, &QComboBox::currentIndexChanged, this, &ImportMappingPage::mappingChanged);
        m_fields->setCellWidget(row, 1, column);
        m_columns << column;
        auto *fixed = new QLineEdit(m_fields);
        fixed->setObjectName(QStringLiteral("fixed_") + field.key);
        fixed->setAccessibleName(tr("%1 for every row").arg(field.label));
        connect(fixed, &QLineEdit::textChanged, this, &ImportMappingPage::mappingChanged);
        m_fields->setCellWidget(row, 2, fixed);
        m_fixed << fixed;
    }
    m_filling = false;
    loadSavedNames();
    m_saveStatus->clear();
    fill(Models::ImportMapping::automatic(kind, headers));
}

void ImportMappingPage::fill(const Models::ImportMapping &mapping)
{
    const QList<Models::ImportField> &fields = Models::importFields(m_wizard->options().kind);
    m_filling = true;
    for (int row = 0; row < fields.size(); ++row) {
        const int index = m_columns.at(row)->findData(mapping.columns.value(fields.at(row).key));
        m_columns.at(row)->setCurrentIndex(index < 0 ? 0 : index);
        m_fixed.at(row)->setText(mapping.fixedValues.value(fields.at(row).key));
    }
    m_filling = false;
    mappingChanged();
}

Models::ImportMapping ImportMappingPage::current() const
{
    Models::ImportMapping mapping;
    const QList<Models::ImportField> &fields = Models::importFields(m_wizard->options().kind);
    for (int row = 0; row < fields.size() && row < m_columns.size(); ++row) {
        const QString header = m_columns.at(row)->currentData().toString();
        if (!header.isEmpty()) {
            mapping.columns.insert(fields.at(row).key, header);
        }
        const QString fixed = m_fixed.at(row)->text().trimmed();
        if (!fixed.isEmpty()) {
            mapping.fixedValues.insert(fields.at(row).key, fixed);
        }
    }
    return mapping;
}

void ImportMappingPage::mappingChanged()
{
    if (m_filling) {
        return;
    }
    const Models::ImportMapping mapping = current();
    const Models::ImportKind kind = m_wizard->options().kind;
    const Models::ImportPreview &preview = m_wizard->preview();
    const QStringList missing = mapping.missingRequired(kind, preview.headers);
    m_missing->setText(missing.isEmpty() ? QString() : u"⚠ " + tr("Still needed: %1.").arg(missing.join(u", ")));

    // The live preview: the fields that get a value, first rows.
    QList<int> shown;
    QStringList labels;
    const QList<Models::ImportField> &fields = Models::importFields(kind);
    for (int f = 0; f < fields.size(); ++f) {
        if (mapping.columns.contains(fields.at(f).key) || mapping.fixedValues.contains(fields.at(f).key)) {
            shown << f;
            labels << fields.at(f).label;
        }
    }
    m_preview->clear();
    m_preview->setColumnCount(static_cast<int>(shown.size()));
    m_preview->setHorizontalHeaderLabels(labels);
    const int rows = static_cast<int>(std::min<qsizetype>(preview.rows.size(), kPreviewRows));
    m_preview->setRowCount(rows);
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < shown.size(); ++c) {
            const QString key = fields.at(shown.at(c)).key;
            const qsizetype column = preview.headers.indexOf(mapping.columns.value(key));
            QString value = column >= 0 ? preview.rows.at(r).value(column).trimmed() : QString();
            if (value.isEmpty()) {
                value = mapping.fixedValues.value(key);
            }
            m_preview->setItem(r, c, new QTableWidgetItem(value));
        }
    }
    Q_EMIT completeChanged();
}

void ImportMappingPage::savedChosen()
{
    const Models::ImportKind kind = m_wizard->options().kind;
    if (m_saved->currentIndex() == 0) {
        fill(Models::ImportMapping::automatic(kind, m_wizard->preview().headers));
        return;
    }
    auto mapping = Models::ImportMappingStore(m_wizard->database()).load(kind, m_saved->currentText());
    if (!mapping) {
        m_saveStatus->setText(u"⚠ " + mapping.error().message);
        return;
    }
    fill(*mapping);
    m_saveName->setText(m_saved->currentText());
}

void ImportMappingPage::saveMapping()
{
    const QString name = m_saveName->text().trimmed();
    const Models::Status status =
        Models::ImportMappingStore(m_wizard->database()).save(m_wizard->options().kind, name, current());
    if (!status) {
        m_saveStatus->setText(u"⚠ " + status.error().message);
        return;
    }
    loadSavedNames();
    m_saved->setCurrentIndex(m_saved->findText(name));
    m_saveStatus->setText(u"✓ " + tr("Saved as “%1”.").arg(name));
}

bool ImportMappingPage::isComplete() const
{
    return current().missingRequired(m_wizard->options().kind, m_wizard->preview().headers).isEmpty();
}

bool ImportMappingPage::validatePage()
{
    m_wizard->options().mapping = current();
    m_wizard->options().strict = m_strict->isChecked();
    return true;
}

} // namespace Gavel::Ui
