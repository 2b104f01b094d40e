#pragma once

#include "customertag.h"
#include "interestmodel.h"
#include "loader.h"
#include "metricsstore.h"
#include "profilepanel.h"

class QBoxLayout;
class QGroupBox;
class QLabel;
class QTabWidget;
class QTableWidget;
class QToolButton;
class QUndoStack;

namespace Gavel::Models {
class Database;
}

namespace Gavel::Ui {

class BubbleChart;
class Navigator;
class TagEditorWidget;

/// The profile's Interests: the bubble chart of the customer's interest per category
/// (coloured by department; a click or Enter selects the department's tab), a tab per
/// department with its categories, spend per category and keywords, "Interest in
/// categories" (viewed in the team's last X days, satisfied when bought after), and the
/// customer's tags with their states — saved at once, audited and undoable (Ctrl+Z). The
/// figures come from Models::InterestModel, read off the GUI thread; loading also derives
/// the suggested tags again (removed ones stay removed).
class InterestsPanel final : public ProfilePanel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InterestsPanel)

public:
    InterestsPanel(Models::Database &database, Models::Loader &loader, Navigator &navigator,
                   QWidget *parent = nullptr);

    void showCustomer(const Models::Customer &customer) override;
    void reload();
    /// The day figures are reckoned as of; an invalid date (the default) means today.
    void setAsOf(QDate day) { m_asOf = day; }

    bool isLoaded() const { return m_loaded; }
    const Models::Interests &interests() const { return m_interests; }
    BubbleChart *bubbleChart() const { return m_bubbles; }
    QTabWidget *departmentTabs() const { return m_tabs; }
    QTableWidget *recentTable() const { return m_recent; }
    QGroupBox *recentBox() const { return m_recentBox; }
    TagEditorWidget *tagEditor() const { return m_tags; }
    QUndoStack *undoStack() const { return m_undo; }
    /// Selects the tab of a department; false if it has none.
    bool selectDepartment(qint64 departmentId);

protected:
    void resizeEvent(QResizeEvent *event) override;

Q_SIGNALS:
    /// The figures of the customer on screen have arrived (or failed: see the status line).
    void loaded();
    /// A tag change (or its undo) was saved, or failed with the message shown.
    void tagChangeFinished(bool saved);

private:
    struct Data
    {
        Models::Interests interests;
        QList<Models::RecentCategoryInterest> recent;
        int recentDays = Models::InterestModel::kDefaultRecentDays;
        QList<Models::CustomerTag> tags;
        QList<Models::DepartmentRef> allDepartments;
    };

    void load();
    void apply(const Data &data);
    void showError(const Models::Error &error);
    void fillBubbles();
    void fillTabs();
    void fillRecent(const QList<Models::RecentCategoryInterest> &recent, int days);
    QColor departmentColor(qint64 departmentId) const;
    void requestChange(qint64 tagId, Models::TagState current, Models::TagState wanted);
    void addTag(const QString &name);
    void applyChange(const Models::TagChange &change, std::optional<Models::TagState> from,
                     std::optional<Models::TagState> to);
    void openTag(const QString &name);
    void setBusy(bool busy);

    Models::Database &m_database;
    Models::Loader &m_loader;
    Navigator &m_navigator;
    Models::LoadGeneration m_generation;
    /// Tag changes: never renewed, so a change already asked for is never dropped.
    Models::LoadGeneration m_writes;
    Models::Customer m_customer;
    Models::Interests m_interests;
    QList<Models::DepartmentRef> m_allDepartments;
    QDate m_asOf;
    bool m_loaded = false;
    int m_pendingWrites = 0;

    QBoxLayout *m_top = nullptr; ///< the bubbles beside "Interest in categories", or above it when narrow
    QLabel *m_status = nullptr;
    BubbleChart *m_bubbles = nullptr;
    QLabel *m_legend = nullptr;
    QGroupBox *m_recentBox = nullptr;
    QTableWidget *m_recent = nullptr;
    QLabel *m_recentEmpty = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_tabsEmpty = nullptr;
    TagEditorWidget *m_tags = nullptr;
    QUndoStack *m_undo = nullptr;
    QToolButton *m_undoButton = nullptr;
    QToolButton *m_redoButton = nullptr;
};

} // namespace Gavel::Ui
