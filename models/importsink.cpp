#include "importsink.h"

#include "bulkinserter.h"
#include "database.h"
#include "sql.h"

#include <QSqlDriver>

#include <algorithm>
#include <charconv>
#include <string_view>
#include <libpq-fe.h>
#include <sqlite3.h>

namespace Gavel::Models {

namespace {

/// COPY's text format: backslash escapes for the characters that end fields and rows.
void appendCopyText(QByteArray &out, const std::string &utf8)
{
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

Error failure(const QString &what, const QString &detail)
{
    return Error::make(ErrorKind::General, QStringLiteral("Importing failed while %1.").arg(what), detail);
}

} // namespace

ImportSink::ImportSink(Database &database, QString table, QStringList columns)
    : m_database(database), m_table(std::move(table)), m_columns(std::move(columns)),
      m_cells(static_cast<size_t>(m_columns.size()))
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

void ImportSink::setText(int column, QStringView value)
{
    Cell &cell = m_cells[static_cast<size_t>(column)];
    if (value.isNull()) {
        cell.type = Cell::Type::Null;
        return;
    }
    cell.type = Cell::Type::Text;
    cell.text.clear();
    for (const QChar c : value) {
        if (c.unicode() >= 0x80) {
            // Not ASCII (rare in the columns written this way): let Qt encode it.
            const QByteArray utf8 = value.toUtf8();
            cell.text.assign(utf8.constData(), static_cast<size_t>(utf8.size()));
            return;
        }
        cell.text += static_cast<char>(c.unicode());
    }
}

void ImportSink::setOrder(const QStringList &columns)
{
    m_order = columns;
    m_orderColumns.clear();
    for (const QString &column : columns) {
        const qsizetype at = m_columns.indexOf(column);
        Q_ASSERT(at >= 0);
        if (at >= 0) {
            m_orderColumns.push_back(static_cast<int>(at));
        }
    }
}

void ImportSink::startRow()
{
    if (m_flushed) {
        m_rowNew.clear();
        m_flushed = false;
    }
}

Status ImportSink::add()
{
    startRow();
    if (m_sqlite) {
        if (!m_orderColumns.empty()) {
            bufferSqlite();
            return {};
        }
        return addSqlite();
    }
    m_rowNew.push_back(1);
    if (m_pg) {
        addPostgres();
        return {};
    }
    return addFallback();
}

void ImportSink::addPostgres()
{
    char number[24];
    for (size_t i = 0; i < m_cells.size(); ++i) {
        if (i > 0) {
            m_copyBuffer += '\t';
        }
        const Cell &cell = m_cells[i];
        switch (cell.type) {
        case Cell::Type::Null:
            m_copyBuffer += "\\N";
            break;
        case Cell::Type::Int: {
            const auto end = std::to_chars(number, number + sizeof number, cell.integer).ptr;
            m_copyBuffer.append(number, end - number);
            break;
        }
        case Cell::Type::Text:
            appendCopyText(m_copyBuffer, cell.text);
            break;
        }
    }
    m_copyBuffer += '\n';
    ++m_buffered;
    m_lastRowNew = true;
}

Status ImportSink::addFallback()
{
    for (const Cell &cell : m_cells) {
        switch (cell.type) {
        case Cell::Type::Null:
            *m_fallback << QVariant();
            break;
        case Cell::Type::Int:
            *m_fallback << cell.integer;
            break;
        case Cell::Type::Text:
            *m_fallback << QString::fromStdString(cell.text);
            break;
        }
    }
    ++m_inserted;
    m_lastRowNew = true;
    return m_fallback->endRow();
}

Status ImportSink::prepareSqlite()
{
    if (m_statement) {
        return {};
    }
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
        return failure(QStringLiteral("preparing to write %1").arg(m_table), QString::fromUtf8(sqlite3_errmsg(m_sqlite)));
    }
    return {};
}

Status ImportSink::stepSqlite(bool &inserted)
{
    const int rc = sqlite3_step(m_statement);
    sqlite3_reset(m_statement);
    if (rc != SQLITE_DONE) {
        return failure(QStringLiteral("writing %1").arg(m_table), QString::fromUtf8(sqlite3_errmsg(m_sqlite)));
    }
    const int changed = sqlite3_changes(m_sqlite);
    m_inserted += changed;
    inserted = changed > 0;
    return {};
}

Status ImportSink::addSqlite()
{
    if (Status status = prepareSqlite(); !status) {
        return status;
    }
    for (size_t i = 0; i < m_cells.size(); ++i) {
        const Cell &cell = m_cells[i];
        const int index = static_cast<int>(i + 1);
        switch (cell.type) {
        case Cell::Type::Null:
            sqlite3_bind_null(m_statement, index);
            break;
        case Cell::Type::Int:
            sqlite3_bind_int64(m_statement, index, cell.integer);
            break;
        case Cell::Type::Text:
            // The cell keeps its text until the step below: no copy needed.
            sqlite3_bind_text(m_statement, index, cell.text.data(), static_cast<int>(cell.text.size()), SQLITE_STATIC);
            break;
        }
    }
    bool inserted = false;
    if (Status status = stepSqlite(inserted); !status) {
        return status;
    }
    m_lastRowNew = inserted;
    m_rowNew.push_back(inserted ? 1 : 0);
    return {};
}

void ImportSink::bufferSqlite()
{
    for (const Cell &cell : m_cells) {
        Stored stored;
        stored.type = cell.type;
        if (cell.type == Cell::Type::Int) {
            stored.value = cell.integer;
        } else if (cell.type == Cell::Type::Text) {
            stored.value = static_cast<qint64>(m_arena.size());
            stored.size = static_cast<qint32>(cell.text.size());
            m_arena += cell.text;
        }
        m_stored.push_back(stored);
    }
    m_rowNew.push_back(0); // known at the flush
    m_lastRowNew = true;
}

Status ImportSink::flushSqlite()
{
    const size_t width = m_cells.size();
    const size_t rows = width > 0 ? m_stored.size() / width : 0;
    if (rows == 0) {
        return {};
    }
    if (Status status = prepareSqlite(); !status) {
        return status;
    }
    const auto text = [this](const Stored &cell) {
        return std::string_view(m_arena.data() + cell.value, static_cast<size_t>(cell.size));
    };
    // SQLite's order of values: NULL, numbers, text (byte-wise, the BINARY collation).
    const auto less = [&](quint32 a, quint32 b) {
        for (const int column : m_orderColumns) {
            const Stored &x = m_stored[a * width + static_cast<size_t>(column)];
            const Stored &y = m_stored[b * width + static_cast<size_t>(column)];
            if (x.type != y.type) {
                return x.type < y.type;
            }
            if (x.type == Cell::Type::Int && x.value != y.value) {
                return x.value < y.value;
            }
            if (x.type == Cell::Type::Text) {
                if (const int order = text(x).compare(text(y)); order != 0) {
                    return order < 0;
                }
            }
        }
        return false;
    };
    std::vector<quint32> order(rows);
    for (size_t i = 0; i < rows; ++i) {
        order[i] = static_cast<quint32>(i);
    }
    // Stable: of two rows with the same key the first in the file is written, as unbuffered.
    std::stable_sort(order.begin(), order.end(), less);
    for (const quint32 row : order) {
        for (size_t i = 0; i < width; ++i) {
            const Stored &cell = m_stored[row * width + i];
            const int index = static_cast<int>(i + 1);
            switch (cell.type) {
            case Cell::Type::Null:
                sqlite3_bind_null(m_statement, index);
                break;
            case Cell::Type::Int:
                sqlite3_bind_int64(m_statement, index, cell.value);
                break;
            case Cell::Type::Text:
                sqlite3_bind_text(m_statement, index, m_arena.data() + cell.value, cell.size, SQLITE_STATIC);
                break;
            }
        }
        bool inserted = false;
        if (Status status = stepSqlite(inserted); !status) {
            return status;
        }
        m_rowNew[row] = inserted ? 1 : 0;
    }
    m_stored.clear();
    m_arena.clear();
    return {};
}

Status ImportSink::flush()
{
    m_flushed = true;
    if (m_sqlite) {
        return flushSqlite();
    }
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
        QStringLiteral("INSERT INTO %1 (%2) SELECT %2 FROM %3%4 ON CONFLICT DO NOTHING")
            .arg(m_table, columns, staging,
                 m_order.isEmpty() ? QString() : QStringLiteral(" ORDER BY ") + m_order.join(QStringLiteral(", "))),
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
