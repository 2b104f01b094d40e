#pragma once

#include "loader.h"
#include "placepage.h"
#include "pollstore.h"

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace Gavel::Models {
class Database;
}

namespace Gavel::Ui {

class Navigator;
class RecordTableView;

/// A poll's results page: its title and the mailing it went out with, then each question
/// with every answer given, how many gave it and their share.
class PollPage final : public PlacePage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PollPage)

public:
    PollPage(Models::Database &database, Models::Loader &loader, Navigator &navigator, QWidget *parent = nullptr);

    void showPlace(const Place &place) override;
    QString title() const override;

    bool isLoaded() const { return m_loaded; }
    const Models::PollResults &results() const { return m_results; }
    /// The table of answers of each question, in order.
    QList<RecordTableView *> answerTables() const { return m_tables; }
    QPushButton *campaignButton() const { return m_campaign; }

Q_SIGNALS:
    void loaded();

private:
    void apply(const Models::PollResults &results);
    void clearQuestions();

    Models::Database &m_database;
    Models::Loader &m_loader;
    Navigator &m_navigator;
    Models::LoadGeneration m_generation;
    Models::PollResults m_results;
    bool m_loaded = false;

    QLabel *m_title = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_campaign = nullptr;
    QWidget *m_questions = nullptr;
    QVBoxLayout *m_questionLayout = nullptr;
    QList<RecordTableView *> m_tables;
};

} // namespace Gavel::Ui
