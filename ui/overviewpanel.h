#pragma once

#include "customeroverview.h"
#include "loader.h"
#include "profilepanel.h"

class QComboBox;
class QCompleter;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Gavel::Models {
class Database;
}

namespace Gavel::Ui {

class ChipListWidget;
class KeyMetricsWidget;
class Navigator;
class OverviewFiguresWidget;
class SpendByYearChart;

/// The profile's Overview: the nine key metrics, filtered by department; the labels staff
/// set (add by typing, remove with ×) and the segments the customer is in, each opening the
/// customer list filtered to it; purchase metrics, RFM and house credit; and spend per year
/// by department. Everything is read in one load off the GUI thread (Models::Loader) for
/// all departments at once, so switching the department filter is instant and never shows
/// a mix of two loads.
class OverviewPanel final : public ProfilePanel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverviewPanel)

public:
    OverviewPanel(Models::Database &database, Models::Loader &loader, Navigator &navigator,
                  QWidget *parent = nullptr);

    void showCustomer(const Models::Customer &customer) override;
    /// Reads the figures again (after a recalculation, say).
    void reload();
    /// The day figures are reckoned as of; an invalid date (the default) means today.
    void setAsOf(QDate day) { m_asOf = day; }

    /// Whether the current customer's figures are on screen.
    bool isLoaded() const { return m_loaded; }
    const Models::CustomerOverview &overview() const { return m_overview; }
    QComboBox *departmentFilter() const { return m_department; }
    KeyMetricsWidget *keyMetrics() const { return m_metrics; }
    ChipListWidget *labelChips() const { return m_labels; }
    ChipListWidget *segmentChips() const { return m_segments; }
    QLineEdit *labelEditor() const { return m_labelEdit; }
    SpendByYearChart *chart() const { return m_chart; }

Q_SIGNALS:
    /// The figures of the customer on screen have arrived (or failed: see the status line).
    void loaded();

private:
    /// What one load brings back.
    struct Data
    {
        Models::CustomerOverview overview;
        QStringList labelNames;     ///< every label, for completing what staff type
        QDateTime segmentsComputedAt;
    };

    void load();
    void apply(const Data &data);
    void fillDepartments();
    void showDepartment();
    void showError(const Models::Error &error);
    void addLabel();
    void removeLabel(const QString &name);
    void setEditing(bool busy);

    Models::Database &m_database;
    Models::Loader &m_loader;
    Navigator &m_navigator;
    Models::LoadGeneration m_generation;
    /// Label changes: never renewed, so a change already asked for is never dropped.
    Models::LoadGeneration m_writes;
    Models::Customer m_customer;
    Models::CustomerOverview m_overview;
    QDate m_asOf;
    bool m_loaded = false;

    QWidget *m_content = nullptr;
    QComboBox *m_department = nullptr;
    QLabel *m_status = nullptr;
    KeyMetricsWidget *m_metrics = nullptr;
    OverviewFiguresWidget *m_figures = nullptr;
    SpendByYearChart *m_chart = nullptr;
    ChipListWidget *m_labels = nullptr;
    QLineEdit *m_labelEdit = nullptr;
    QPushButton *m_addLabel = nullptr;
    QCompleter *m_completer = nullptr;
    QLabel *m_labelError = nullptr;
    ChipListWidget *m_segments = nullptr;
    QLabel *m_segmentsNote = nullptr;
};

} // namespace Gavel::Ui
