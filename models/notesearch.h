#pragma once

#include "result.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace Gavel::Models {

class Database;

/// One note found by NoteSearch, with its customer and a snippet around the match.
struct NoteHit
{
    qint64 noteId = 0;
    qint64 customerId = 0;
    QString customerName; ///< Customer::displayName()
    QString customerNo;
    QString body; ///< the whole note, as stored
    QString author;
    QDateTime createdAt;
    bool pinned = false;
    QString snippet;     ///< plain text around the first match, "…" where cut
    QString snippetHtml; ///< the snippet escaped for rich text, matches in <b>…</b>
};

struct NoteSearchResult
{
    QString text;             ///< what was searched for
    QList<NoteHit> hits;      ///< best first, at most the limit asked for
    int matchCount = 0;       ///< how many notes matched, up to NoteSearch::kCandidateLimit
    bool moreMatches = false; ///< more notes than kCandidateLimit match: the newest were ranked
};

/// Full-text search across every customer's notes (not the deleted ones): each word typed
/// must occur, the last one as a prefix so that results follow the typing; results are
/// ranked (bm25 on SQLite, ts_rank on PostgreSQL) and capped (see Dialect::fullTextMatches).
class NoteSearch final
{
public:
    /// Matches ranked per search: the newest this many, so that a word found in most notes
    /// stays fast (PERFORMANCE.md: ranking every match of a common word costs ~1 s per 1M).
    static constexpr int kCandidateLimit = 1000;
    /// At most this many words of a query are used.
    static constexpr int kMaxWords = 8;

    explicit NoteSearch(const Database &database);

    /// Searches for `text`; an empty result when it holds no word.
    Result<NoteSearchResult> search(const QString &text, int limit = 100);

    /// The words of a query: runs of letters and digits, in order, at most kMaxWords.
    static QStringList words(const QString &text);
    /// Text compared for highlighting: case-folded, accents removed.
    static QString fold(const QString &text);
    /// The part of `plainText` around the first match of `words` (the last one a prefix),
    /// at most about `maxChars` long; `html` gets it escaped with the matches in <b>.
    static QString snippet(const QString &plainText, const QStringList &words, int maxChars, QString *html);

private:
    QSqlDatabase m_db;
    const Database &m_database;
};

} // namespace Gavel::Models
