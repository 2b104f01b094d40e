#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace Gavel::Models {

class Database;

/// A poll's results: each question with every answer given and how many gave it.
struct PollResults
{
    struct Answer
    {
        QString text;
        int count = 0;
    };
    struct Question
    {
        int position = 0;
        QString text;
        int respondents = 0;   ///< how many answered this question
        QList<Answer> answers; ///< most given first, then by text
    };

    qint64 id = 0;
    QString pollKey;
    QString title;
    qint64 campaignId = 0; ///< the mailing it went out with, or 0
    QString campaignName;
    QDateTime createdAt;
    QList<Question> questions;
};

/// Reads polls.
class PollStore final
{
    Q_DECLARE_TR_FUNCTIONS(PollStore)

public:
    explicit PollStore(const Database &database);

    /// The poll's results; ErrorKind::NotFound when it is gone.
    Result<PollResults> results(qint64 pollId);
    /// What this customer answered in the poll, by question position (empty when nothing).
    Result<QHash<int, QString>> answersOf(qint64 pollId, qint64 customerId);

private:
    const Database &m_database;
};

} // namespace Gavel::Models
