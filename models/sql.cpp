#include "sql.h"

#include <QElapsedTimer>
#include <QLoggingCategory>

#include <QSqlDriver>
#include <QSqlError>

namespace Gavel::Models::Sql {

Error errorFrom(const QSqlError &sqlError, const QString &what)
{
    const QString native = sqlError.nativeErrorCode();
    const QString detail = sqlError.text();
    // SQLite reports numeric (extended) result codes; PostgreSQL five-character SQLSTATEs.
    // Qt's SQLite driver marks every failed step as a ConnectionError, so type() is only
    // trusted for PostgreSQL.
    bool numeric = false;
    const int sqliteCode = native.toInt(&numeric);
    const bool sqlite = numeric && native.size() < 5;

    ErrorKind kind = ErrorKind::General;
    QString message = QStringLiteral("The database reported an error while %1.").arg(what);
    const auto is = [&](int sqliteExtended, const char *sqlstate) {
        return sqlite ? sqliteCode == sqliteExtended : native == QLatin1String(sqlstate);
    };

    if (is(2067, "23505") || (sqlite && sqliteCode == 1555)) {
        kind = ErrorKind::Duplicate;
        message = QStringLiteral("A record with the same key already exists (while %1).").arg(what);
    } else if (is(1299, "23502") || is(275, "23514") || is(787, "23503")) {
        kind = ErrorKind::Invalid;
        message = QStringLiteral("A value was missing or not allowed while %1.").arg(what);
    } else if (sqlite) {
        const int primary = sqliteCode & 0xff;
        if (primary == 5 || primary == 6) { // SQLITE_BUSY, SQLITE_LOCKED
            message = QStringLiteral("The database is busy (another program is writing to it) while %1. "
                                     "Try again in a moment.")
                          .arg(what);
        } else if (primary == 10 || primary == 14 || primary == 13) { // IOERR, CANTOPEN, FULL
            kind = ErrorKind::Connection;
            message = QStringLiteral("The database file could not be read or written while %1 (is the disk full or "
                                     "the file moved?).")
                          .arg(what);
        } else if (primary == 26 || primary == 11) { // NOTADB, CORRUPT
            message = QStringLiteral("The database file is damaged or is not a database (while %1).").arg(what);
        }
    } else if (sqlError.type() == QSqlError::ConnectionError || native.startsWith(QLatin1String("08")) ||
               native.startsWith(QLatin1String("57P")) ||
               detail.contains(QLatin1String("server closed the connection"), Qt::CaseInsensitive) ||
               detail.contains(QLatin1String("no connection to the server"), Qt::CaseInsensitive)) {
        kind = ErrorKind::Connection;
        message = QStringLiteral("The connection to the database server was lost while %1.").arg(what);
    }
    return Error::make(kind, message, detail);
}

namespace {
// Statements whose first result took long ("gavel.sql" debug: QT_LOGGING_RULES="gavel.sql.debug=true").
Q_LOGGING_CATEGORY(lcSql, "gavel.sql", QtWarningMsg)

struct SlowStatementLog
{
    explicit SlowStatementLog(const QString &text) : statement(text)
    {
        if (lcSql().isDebugEnabled()) {
            clock.start();
        }
    }
    ~SlowStatementLog()
    {
        if (clock.isValid() && clock.nsecsElapsed() > 2'000'000) {
            qCDebug(lcSql, "%.1f ms: %s", clock.nsecsElapsed() / 1e6, qPrintable(statement.simplified().left(300)));
        }
    }
    const QString &statement;
    QElapsedTimer clock;
};
} // namespace

Result<QSqlQuery> exec(const QSqlDatabase &db, const QString &statement, const QVariantList &values,
                       const QString &what)
{
    const SlowStatementLog log(statement);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    const auto failed = [&] {
        Error error = errorFrom(query.lastError(), what);
        error.detail += QStringLiteral(" — in: ") + statement.simplified().left(160);
        return error;
    };
    if (values.isEmpty()) {
        // A constant statement: nothing to bind, and PostgreSQL cannot PREPARE DDL.
        if (!query.exec(statement)) {
            return failed();
        }
        return query;
    }
    if (!query.prepare(statement)) {
        return failed();
    }
    for (const QVariant &value : values) {
        query.addBindValue(value);
    }
    if (!query.exec()) {
        return failed();
    }
    return query;
}

Result<QVariant> scalar(const QSqlDatabase &db, const QString &statement, const QVariantList &values,
                        const QString &what)
{
    auto query = exec(db, statement, values, what);
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return QVariant();
    }
    return query->value(0);
}

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QVariant intOrNull(qint64 value)
{
    return value == 0 ? QVariant(QMetaType::fromType<qlonglong>()) : QVariant(static_cast<qlonglong>(value));
}

} // namespace Gavel::Models::Sql
