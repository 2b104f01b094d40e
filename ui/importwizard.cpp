#include "importwizard.h"

#include "importfilepage.h"
#include "importformatpage.h"
#include "importmappingpage.h"
#include "importresultpage.h"

namespace Gavel::Ui {

ImportWizard::ImportWizard(Models::Database &database, QWidget *parent) : QWizard(parent), m_database(database)
{
    setWindowTitle(tr("Import"));
    setObjectName(QStringLiteral("importWizard"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    setPage(FilePage, new ImportFilePage(this));
    setPage(FormatPage, new ImportFormatPage(this));
    setPage(MappingPage, new ImportMappingPage(this));
    setPage(ResultPage, new ImportResultPage(this));
    resize(fontMetrics().horizontalAdvance(u'M') * 70, fontMetrics().height() * 36);
}

Models::Status ImportWizard::reloadPreview()
{
    auto preview =
        Models::Importer::preview(m_options.filePath, m_options.kind, m_options.encoding, m_options.delimiter);
    if (!preview) {
        return preview.error();
    }
    m_preview = *preview;
    return {};
}

} // namespace Gavel::Ui
