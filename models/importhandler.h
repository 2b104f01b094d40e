#pragma once

#include "importkind.h"
#include "result.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace Gavel::Models {

class Database;
class ImportResolver;

/// One row of the file as the fields of the import kind see it.
class ImportRow final
{
public:
    ImportRow(const QStringList &values, const std::vector<int> &columnOf, const QStringList &fixed, qint64 line)
        : m_values(values), m_columnOf(columnOf), m_fixed(fixed), m_line(line)
    {
    }

    /// The field's text, trimmed: from its column, else its fixed value; empty when neither.
    QString value(int field) const
    {
        const int column = m_columnOf[static_cast<size_t>(field)];
        if (column >= 0) {
            const QString cell = m_values.value(column).trimmed();
            if (!cell.isEmpty()) {
                return cell;
            }
        }
        return m_fixed.at(field);
    }
    /// Whether the file provides this field at all (a column or a fixed value).
    bool provided(int field) const
    {
        return m_columnOf[static_cast<size_t>(field)] >= 0 || !m_fixed.at(field).isEmpty();
    }
    qint64 line() const { return m_line; }
    const QStringList &values() const { return m_values; }

private:
    const QStringList &m_values;
    const std::vector<int> &m_columnOf;
    const QStringList &m_fixed;
    qint64 m_line;
};

/// What became of one row.
struct RowResult
{
    enum class Kind
    {
        Created,
        Updated,
        Unchanged,
        Added,
        Rejected
    };

    Kind kind = Kind::Unchanged;
    int field = -1; ///< the field at fault, for rejections
    QString reason;

    static RowResult created() { return {Kind::Created, -1, {}}; }
    static RowResult updated() { return {Kind::Updated, -1, {}}; }
    static RowResult unchanged() { return {Kind::Unchanged, -1, {}}; }
    /// Written through an ImportSink: new or already there is known when the batch ends.
    static RowResult added() { return {Kind::Added, -1, {}}; }
    static RowResult rejected(int field, QString reason) { return {Kind::Rejected, field, std::move(reason)}; }
};

/// What every handler works with: the connection, the resolver of keys, who signs changes.
struct ImportSession
{
    Database &database;
    ImportResolver &resolver;
    ImportKind kind;
    QString actor;
    qint64 now = 0;
    QString currency; ///< the house currency, for amounts without one
    QString fileName; ///< the file (or ZIP entry) being read: Mailchimp tells status by it
};

/// Writes the rows of one import kind. The Importer reads and maps the file, opens a
/// transaction per batch and calls handle() for every row, then endBatch() before commit.
class ImportHandler
{
public:
    virtual ~ImportHandler() = default;

    /// Once, before the first row (inside the first batch's transaction).
    virtual Status begin() { return {}; }
    /// A fatal Error (a lost connection) stops the import; a bad row is a Rejected result.
    virtual Result<RowResult> handle(const ImportRow &row) = 0;
    /// Writes what is buffered; returns how many of the Added rows were new.
    virtual Result<qint64> endBatch() { return qint64(0); }
};

} // namespace Gavel::Models
