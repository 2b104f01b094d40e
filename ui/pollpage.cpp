#include "pollpage.h"

#include "database.h"
#include "formatting.h"
#include "navigator.h"
#include "recordtablemodel.h"
#include "recordtableview.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace Gavel::Ui {

using Models::RecordTableModel;

PollPage::PollPage(Models::Database &database, Models::Loader &loader, Navigator &navigator, QWidget *parent)
    : PlacePage(parent), m_database(database), m_loader(loader), m_navigator(navigator)
{
    setObjectName(QStringLiteral("pollPage"));
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("pollTitle"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("pollSummary"));
    m_summary->setWordWrap(true);

    m_campaign = new QPushButton(this);
    m_campaign->setObjectName(QStringLiteral("pollCampaign"));
    m_campaign->setFlat(true);
    m_campaign->setCursor(Qt::PointingHandCursor);
    m_campaign->setAutoDefault(false);
    m_campaign->hide();
    connect(m_campaign, &QPushButton::clicked, this, [this] {
        if (m_results.campaignId != 0) {
            m_navigator.open(Place::of(Place::Kind::Campaign, m_results.campaignId));
        }
    });

    m_questions = new QWidget;
    m_questionLayout = new QVBoxLayout(m_questions);
    m_questionLayout->setContentsMargins(0, 0, 0, 0);
    m_questionLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_questions);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *header = new QHBoxLayout;
    header->addWidget(m_summary, 1);
    header->addWidget(m_campaign);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(header);
    layout->addWidget(scroll, 1);
}

QString PollPage::title() const
{
    return m_results.title.isEmpty() ? tr("Poll") : tr("Poll: %1").arg(m_results.title);
}

void PollPage::showPlace(const Place &place)
{
    m_generation.renew();
    m_loaded = false;
    m_results = {};
    clearQuestions();
    m_campaign->hide();
    m_title->setText(tr("Poll"));
    m_summary->setText(tr("Loading…"));
    const qint64 pollId = place.id;
    m_loader.run<Models::PollResults>(
        m_generation, this, [pollId](Models::Database &db) { return Models::PollStore(db).results(pollId); },
        [this](const Models::Result<Models::PollResults> &result) {
            if (result) {
                apply(*result);
            } else {
                m_summary->setText(tr("The poll could not be shown: %1").arg(result.error().message));
                m_summary->setToolTip(result.error().detail);
            }
            Q_EMIT loaded();
        });
}

void PollPage::clearQuestions()
{
    for (QGroupBox *group : m_questions->findChildren<QGroupBox *>(Qt::FindDirectChildrenOnly)) {
        delete group;
    }
    m_tables.clear();
}

void PollPage::apply(const Models::PollResults &results)
{
    m_results = results;
    m_loaded = true;
    m_title->setText(results.title);
    m_summary->setToolTip({});
    m_summary->setText(results.createdAt.isValid()
                           ? tr("Poll %1, from %2.").arg(results.pollKey, Models::formatDate(results.createdAt.date()))
                           : tr("Poll %1.").arg(results.pollKey));
    if (results.campaignId != 0) {
        m_campaign->setText(tr("Sent with “%1” →").arg(results.campaignName));
        m_campaign->setToolTip(tr("Open the campaign the poll went out with"));
        m_campaign->show();
    }
    const QLocale locale;
    int index = 0;
    for (const Models::PollResults::Question &question : results.questions) {
        auto *group = new QGroupBox(tr("Question %1: %2").arg(question.position).arg(question.text), m_questions);
        auto *table = new RecordTableView(group);
        table->setObjectName(QStringLiteral("pollAnswers%1").arg(index++));
        table->setAccessibleName(question.text);
        table->setEmptyText(tr("Nobody has answered yet."));
        QList<RecordTableModel::Row> rows;
        for (const Models::PollResults::Answer &answer : question.answers) {
            const double share = question.respondents > 0 ? 100.0 * answer.count / question.respondents : 0.0;
            RecordTableModel::Row row;
            row.cells << RecordTableModel::Cell{answer.text, {}, answer.text, false}
                      << RecordTableModel::Cell{locale.toString(answer.count), answer.count, {}, true}
                      << RecordTableModel::Cell{locale.toString(share, 'f', 1) + locale.percent(), share, {}, true};
            rows << row;
        }
        table->records()->setTable({tr("Answer"), tr("Customers"), tr("Share")}, rows);
        table->setStretchColumn(0);
        // Tall enough for every answer: a poll has a handful.
        table->setMinimumHeight(table->horizontalHeader()->sizeHint().height() +
                                table->verticalHeader()->defaultSectionSize() * (qMax(1, int(rows.size())) + 1));
        auto *layout = new QVBoxLayout(group);
        auto *respondents = new QLabel(question.respondents == 1
                                           ? tr("1 customer answered.")
                                           : tr("%1 customers answered.").arg(locale.toString(question.respondents)),
                                       group);
        layout->addWidget(respondents);
        layout->addWidget(table);
        m_questionLayout->insertWidget(m_questionLayout->count() - 1, group);
        m_tables << table;
    }
    if (isVisible()) {
        window()->setWindowTitle(tr("%1 — Gavel").arg(title()));
    }
    if (results.questions.isEmpty()) {
        m_summary->setText(m_summary->text() + u' ' + tr("It has no questions."));
    }
}

} // namespace Gavel::Ui
