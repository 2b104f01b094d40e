#pragma once

#include "importer.h"

#include <QWizard>

namespace Gavel::Models {
class Database;
}

namespace Gavel::Ui {

/// File → Import…: choose a file and what it holds, check the detected encoding and
/// delimiter, map its columns (matched automatically, or a saved mapping) with a live
/// preview, then import on a BackgroundJob and see what was imported and which rows were
/// rejected, with a button to save those as CSV.
class ImportWizard final : public QWizard
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportWizard)

public:
    enum PageId
    {
        FilePage,
        FormatPage,
        MappingPage,
        ResultPage
    };

    explicit ImportWizard(Models::Database &database, QWidget *parent = nullptr);

    Models::Database &database() { return m_database; }
    /// What the pages have chosen so far; the result page runs it.
    Models::ImportOptions &options() { return m_options; }
    Models::ImportPreview &preview() { return m_preview; }
    /// Reads the preview again with the current encoding and delimiter.
    Models::Status reloadPreview();

Q_SIGNALS:
    /// The import ended (also when stopped); `changed` when anything was written.
    void imported(bool changed);

private:
    Models::Database &m_database;
    Models::ImportOptions m_options;
    Models::ImportPreview m_preview;
};

} // namespace Gavel::Ui
