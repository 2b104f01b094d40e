#include "pollstore.h"

#include "database.h"
#include "epoch.h"
#include "sql.h"

#include <QHash>

namespace Gavel::Models {

PollStore::PollStore(const Database &database) : m_database(database) {}

Result<PollResults> PollStore::results(qint64 pollId)
{
    const QSqlDatabase db = m_database.connection();
    auto poll = Sql::exec(db,
                          QStringLiteral("SELECT p.poll_key, p.title, p.campaign_id, c.name, p.created_at FROM polls p"
                                         " LEFT JOIN campaigns c ON c.id = p.campaign_id WHERE p.id = ?"),
                          {pollId}, tr("reading the poll"));
    if (!poll) {
        return poll.error();
    }
    if (!poll->next()) {
        return Error::make(ErrorKind::NotFound, tr("This poll no longer exists."));
    }
    PollResults results;
    results.id = pollId;
    results.pollKey = poll->value(0).toString();
    results.title = poll->value(1).toString();
    results.campaignId = poll->value(2).toLongLong();
    results.campaignName = poll->value(3).toString();
    results.createdAt = fromEpoch(poll->value(4));

    auto questions = Sql::exec(db,
                               QStringLiteral("SELECT id, position, question FROM poll_questions WHERE poll_id = ?"
                                              " ORDER BY position"),
                               {pollId}, tr("reading the poll's questions"));
    if (!questions) {
        return questions.error();
    }
    QHash<qint64, int> indexOf;
    while (questions->next()) {
        indexOf.insert(questions->value(0).toLongLong(), static_cast<int>(results.questions.size()));
        results.questions << PollResults::Question{questions->value(1).toInt(), questions->value(2).toString(), 0, {}};
    }

    auto counts = Sql::exec(db,
                            QStringLiteral("SELECT a.question_id, a.answer, count(*) FROM poll_answers a"
                                           " JOIN poll_questions q ON q.id = a.question_id WHERE q.poll_id = ?"
                                           " GROUP BY a.question_id, a.answer"
                                           " ORDER BY a.question_id, count(*) DESC, a.answer"),
                            {pollId}, tr("counting the poll's answers"));
    if (!counts) {
        return counts.error();
    }
    while (counts->next()) {
        PollResults::Question &question = results.questions[indexOf.value(counts->value(0).toLongLong())];
        const int count = counts->value(2).toInt();
        question.answers << PollResults::Answer{counts->value(1).toString(), count};
        question.respondents += count;
    }
    return results;
}

Result<QHash<int, QString>> PollStore::answersOf(qint64 pollId, qint64 customerId)
{
    auto answers = Sql::exec(m_database.connection(),
                             QStringLiteral("SELECT q.position, a.answer FROM poll_answers a"
                                            " JOIN poll_questions q ON q.id = a.question_id"
                                            " WHERE q.poll_id = ? AND a.customer_id = ?"),
                             {pollId, customerId}, tr("reading the customer's answers"));
    if (!answers) {
        return answers.error();
    }
    QHash<int, QString> byPosition;
    while (answers->next()) {
        byPosition.insert(answers->value(0).toInt(), answers->value(1).toString());
    }
    return byPosition;
}

} // namespace Gavel::Models
