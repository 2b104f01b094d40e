#include "importsink.h"

#include "bulkinserter.h"
#include "database.h"
#include "sql.h"

#include <QSqlDriver>

#include <libpq-fe.h>
#include <sqlite3.h>

namespace Gavel::Models {

namespace {

/// COPY's text format: backslash escapes for the characters that end fields and rows.
void appendCopyText(QByteArray &out, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        default:
            out += c;
        }
    }
}

bool isNullValue(const QVariant &value)
{
    if (value.isNull()) {
        return true;
    }
    return value.metaType() == QMetaType::fromType<QString>() &&
           static_cast<const QString *>(value.constData())->isNull();
}

Error failure(const QString &what, const QString &detail)
{
    return Error::make(ErrorKind::General, QStringLiteral("Importing failed while %1.").arg(what), detail);
}

} // namespace

ImportSink::ImportSink(Database &database, QString table, QStringList columns)
    : m_database(database), m_table(std::move(table)), m_columns(std::move(columns))
{
    const QSqlDatabase db = database.connection();
    const QVariant handle = db.driver()->handle();
    const char *type = handle.typeName();
    if (database.dialect().isSqlite() && type && qstrcmp(type, "sqlite3*") == 0) {
        m_sqlite = *static_cast<sqlite3 *const *>(handle.data());
    } else if (database.dialect().isPostgres() && type &&
               (qstrcmp(type, "pg_conn*") == 0 || qstrcmp(type, "PGconn*") == 0)) {
        m_pg = *static_cast<pg_conn *const *>(handle.data());
    } else {
        m_fallback = std::make_unique<BulkInserter>(db, database.dialect().engine(), m_table, m_columns);
    }
}

ImportSink::~ImportSink()
{
    if (m_statement) {
        sqlite3_finalize(m_statement);
    }
}

Status ImportSink::add(const QVariantList &row)
{
    Q_ASSERT(row.size() == m_columns.size());
    if (m_sqlite) {
        return addSqlite(row);
    }
    if (m_pg) {
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (i > 0) {
                m_copyBuffer += '\t';
            }
            const QVariant &value = row.at(i);
            if (isNullValue(value)) {
                m_copyBuffer += "\\N";
            } else if (value.metaType() == QMetaType::fromType<qlonglong>()) {
                m_copyBuffer += QByteArray::number(value.toLongLong());
            } else if (value.metaType() == QMetaType::fromType<int>()) {
                m_copyBuffer += QByteArray::number(value.toInt());
            } else {
                appendCopyText(m_copyBuffer, value.toString());
            }
        }
        m_copyBuffer += '\n';
        ++m_buffered;
        return {};
    }
    for (const QVariant &value : row) {
        *m_fallback << value;
    }
    ++m_inserted;
    return m_fallback->endRow();
}

Status ImportSink::addSqlite(const QVariantList &row)
{
    if (!m_statement) {
        QStringList marks;
        for (qsizetype i = 0; i < m_columns.size(); ++i) {
            marks << QStringLiteral("?");
        }
        // Table and column names come from the importers' fixed lists, never from the file.
        const QByteArray sql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT DO NOTHING")
                                   .arg(m_table, m_columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", ")))
                                   .toUtf8();
        if (sqlite3_prepare_v2(m_sqlite, sql.constData(), static_cast<int>(sql.size()), &m_statement, nullptr) !=
            SQLITE_OK) {
            return failure(QStringLiteral("preparing to write %1").arg(m_table),
                           QString::fromUtf8(sqlite3_errmsg(m_sqlite)));
        }
    }
    for (qsizetype i = 0; i < row.size(); ++i) {
        const QVariant &value = row.at(i);
        const int index = static_cast<int>(i + 1);
        if (isNullValue(value)) {
            sqlite3_bind_null(m_statement, index);
        } else if (value.metaType() == QMetaType::fromType<qlonglong>() ||
                   value.metaType() == QMetaType::fromType<int>()) {
            sqlite3_bind_int64(m_statement, index, value.toLongLong());
        } else {
            // The QString lives in `row` until the step below: no copy needed.
            const QString *text = value.metaType() == QMetaType::fromType<QString>()
                                      ? static_cast<const QString *>(value.constData())
                                      : nullptr;
            if (text) {
                sqlite3_bind_text16(m_statement, index, text->utf16(), static_cast<int>(text->size() * 2),
                                    SQLITE_STATIC);
            } else {
                const QString converted = value.toString();
                sqlite3_bind_text16(m_statement, index, converted.utf16(), static_cast<int>(converted.size() * 2),
                                    SQLITE_TRANSIENT);
            }
        }
    }
    const int rc = sqlite3_step(m_statement);
    sqlite3_reset(m_statement);
    if (rc != SQLITE_DONE) {
        return failure(QStringLiteral("writing %1").arg(m_table), QString::fromUtf8(sqlite3_errmsg(m_sqlite)));
    }
    m_inserted += sqlite3_changes(m_sqlite);
    return {};
}

Status ImportSink::flush()
{
    if (m_pg) {
        return flushPostgres();
    }
    if (m_fallback) {
        return m_fallback->finish();
    }
    return {};
}

Status ImportSink::flushPostgres()
{
    if (m_buffered == 0) {
        return {};
    }
    const QSqlDatabase db = m_database.connection();
    const QString staging = QStringLiteral("gavel_import_") + m_table;
    const QString columns = m_columns.join(QStringLiteral(", "));
    // A temporary table shaped like the target, made once per connection (a rollback takes
    // it away again: IF NOT EXISTS, quietly, since an earlier import may have left it).
    if (!m_stagingReady) {
        auto quiet = Sql::exec(db, QStringLiteral("SET LOCAL client_min_messages = warning"), {},
                               QStringLiteral("preparing to write %1").arg(m_table));
        if (!quiet) {
            return quiet.error();
        }
    }
    auto created =
        m_stagingReady
            ? Result<QSqlQuery>(QSqlQuery(db))
            : Sql::exec(db,
                        QStringLiteral("CREATE TEMPORARY TABLE IF NOT EXISTS %1 AS SELECT %2 FROM %3 WITH NO DATA")
                            .arg(staging, columns, m_table),
                        {}, QStringLiteral("preparing to write %1").arg(m_table));
    if (!created) {
        return created.error();
    }
    m_stagingReady = true;
    const QByteArray copy = QStringLiteral("COPY %1 (%2) FROM STDIN").arg(staging, columns).toUtf8();
    PGresult *started = PQexec(m_pg, copy.constData());
    const bool copying = PQresultStatus(started) == PGRES_COPY_IN;
    PQclear(started);
    if (!copying) {
        return failure(QStringLiteral("writing %1").arg(m_table), QString::fromUtf8(PQerrorMessage(m_pg)));
    }
    constexpr qsizetype kChunk = 1 << 20;
    for (qsizetype at = 0; at < m_copyBuffer.size(); at += kChunk) {
        const qsizetype length = std::min(kChunk, m_copyBuffer.size() - at);
        if (PQputCopyData(m_pg, m_copyBuffer.constData() + at, static_cast<int>(length)) != 1) {
            return failure(QStringLiteral("writing %1").arg(m_table), QString::fromUtf8(PQerrorMessage(m_pg)));
        }
    }
    m_copyBuffer.clear();
    m_buffered = 0;
    if (PQputCopyEnd(m_pg, nullptr) != 1) {
        return failure(QStringLiteral("writing %1").arg(m_table), QString::fromUtf8(PQerrorMessage(m_pg)));
    }
    QString copyError;
    while (PGresult *result = PQgetResult(m_pg)) {
        if (PQresultStatus(result) != PGRES_COMMAND_OK) {
            copyError = QString::fromUtf8(PQresultErrorMessage(result));
        }
        PQclear(result);
    }
    if (!copyError.isEmpty()) {
        return failure(QStringLiteral("writing %1").arg(m_table), copyError);
    }
    auto moved = Sql::exec(
        db,
        QStringLiteral("INSERT INTO %1 (%2) SELECT %2 FROM %3 ON CONFLICT DO NOTHING").arg(m_table, columns, staging),
        {}, QStringLiteral("writing %1").arg(m_table));
    if (!moved) {
        return moved.error();
    }
    m_inserted += moved->numRowsAffected();
    moved->finish();
    auto emptied =
        Sql::exec(db, QStringLiteral("TRUNCATE %1").arg(staging), {}, QStringLiteral("writing %1").arg(m_table));
    if (!emptied) {
        return emptied.error();
    }
    return {};
}

} // namespace Gavel::Models
