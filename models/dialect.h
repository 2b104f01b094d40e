#pragma once

#include "connectionspec.h"

#include <QString>

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

    /// Escapes %, _ and the escape character itself; the statement must say ESCAPE '\'.
    static QString escapeLike(const QString &text);
    static QString likePrefix(const QString &text) { return escapeLike(text) + u'%'; }
    static QString likeContains(const QString &text) { return u'%' + escapeLike(text) + u'%'; }

private:
    Engine m_engine;
};

} // namespace Gavel::Models
