#pragma once

#include "dialect.h"

#include <QString>
#include <QStringList>
#include <QVariantList>

namespace Gavel::Models {

/// Searching customers by what staff type: a name, a Customer ID, an e-mail address, a phone
/// or SMS number in any common form, or a city. Every word must match the start of a word of
/// one of those (so "hen cla" finds Henry Clarke); a phone number matches however it is
/// written ("+44 7812 958151", "07812 958151", "7812958151").
///
/// The index: on SQLite a contentless FTS5 table `customer_search` kept by triggers on
/// `customers`; on PostgreSQL a stored generated `tsvector` column `customers.search_terms`
/// of the same terms with a GIN index on it. Both hold, per customer: the folded sort name (no accents, case folded), the
/// Customer ID, the e-mail split at its punctuation, the city without accents, and for each
/// phone its digits and the digits without their first one, two and three (so a national
/// number finds the international form whatever the length of the country code).
class CustomerSearch final
{
public:
    explicit CustomerSearch(const Dialect &dialect) : m_dialect(dialect) {}

    /// The DDL that creates the index and indexes the customers already there, as schema
    /// version 6 made it: on PostgreSQL a GIN index on the `to_tsvector` expression.
    QStringList indexDdl() const;

    /// The DDL of schema version 8, PostgreSQL only (empty on SQLite): the expression index
    /// replaced by a stored `tsvector` column and a GIN index on it. With the expression,
    /// a search that walks the list's sort index (a broad one: the planner expects the first
    /// page to come soon) computed `to_tsvector` again for every customer it passed; a
    /// stored column is read, not computed.
    QStringList storedColumnDdl() const;

    /// The words of a search, as the index holds them: letters folded, a phone-like entry
    /// one string of digits. Empty when there is nothing to search for.
    static QStringList terms(const QString &text);

    /// A condition on `customers` (its `id` column) that holds for the customers matching
    /// `text`, with its bound value appended to `values`; empty when `text` has no terms.
    QString condition(const QString &text, QVariantList *values) const;

    /// A statement counting the customers matching `text` from the index alone (no row of
    /// `customers` read), with its bound value appended to `values`; empty when the engine
    /// has no such shortcut (PostgreSQL's index is on the table) or `text` has no terms.
    QString countStatement(const QString &text, QVariantList *values) const;

private:
    /// The engine's full-text query for the terms: every term a prefix, all required.
    QString query(const QStringList &terms) const;
    /// The text indexed for a row; `row` is "new.", "old." or "" (the table itself).
    QString indexedText(const QString &row) const;

    Dialect m_dialect;
};

} // namespace Gavel::Models
