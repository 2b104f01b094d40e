#pragma once

#include "connectionspec.h"

#include <QString>
#include <QStringList>

namespace Gavel::Models {

/// Every difference between SQLite and PostgreSQL that Gavel's SQL cares about, in one
/// place. Stores write portable SQL and ask the dialect for the few pieces that differ.
class Dialect final
{
public:
    explicit Dialect(Engine engine) : m_engine(engine) {}

    Engine engine() const { return m_engine; }
    bool isSqlite() const { return m_engine == Engine::Sqlite; }
    bool isPostgres() const { return m_engine == Engine::Postgres; }
    /// "SQLite" or "PostgreSQL", for messages.
    QString engineName() const;

    /// Replaces the DDL tokens of the migrations with this engine's spelling:
    /// @ID@ (a 64-bit surrogate key), @REAL@, @BLOB@, @WITHOUT_ROWID@.
    QString ddl(QString statement) const;

    /// The calendar year (UTC) of an epoch-seconds expression, as an integer.
    QString yearOfEpoch(const QString &expression) const;
    /// Whole days between two epoch-seconds expressions (to - from), rounded down.
    QString daysBetween(const QString &fromExpression, const QString &toExpression) const;
    /// A case-insensitive prefix match of `expression` against a bound pattern made with likePrefix().
    QString caseInsensitiveLike(const QString &expression, const QString &placeholder) const;

    /// Full-text search over one text column, with the same meaning on both engines: every
    /// word of the query occurs in the text as a word, case-insensitively, the last one as a
    /// word prefix (so results follow the user's typing). SQLite keeps an FTS5 table
    /// `<table>_fts` with external content (the text is not stored twice), tokenised by
    /// unicode61 with diacritics folded, and kept in step by triggers; PostgreSQL a GIN index
    /// on to_tsvector('simple', column). Neither stems: "frames" does not find "frame" except
    /// as a typed prefix. SQLite also folds accents ("soren" finds "Søren"); PostgreSQL's
    /// 'simple' configuration does not (unaccent is an extension a server may not have).
    /// The table must have an integer `id` key.
    ///
    /// The statements that create the index, for a migration.
    QStringList fullTextIndexDdl(const QString &table, const QString &column) const;
    /// The bound search value for fullTextMatches(): `words` (letters and digits only, as
    /// made by the caller) in this engine's query syntax; the last word is a prefix.
    QString fullTextQuery(const QStringList &words) const;
    /// A subquery yielding (id, score) for the rows of `table` whose `column` matches the
    /// bound query (first placeholder): the newest N matches by id (second placeholder), so
    /// that a common word costs no more than N scores. Lower scores are better matches.
    QString fullTextMatches(const QString &table, const QString &column) const;

    /// Escapes %, _ and the escape character itself; the statement must say ESCAPE '\'.
    static QString escapeLike(const QString &text);
    static QString likePrefix(const QString &text) { return escapeLike(text) + u'%'; }
    static QString likeContains(const QString &text) { return u'%' + escapeLike(text) + u'%'; }

private:
    Engine m_engine;
};

} // namespace Gavel::Models
