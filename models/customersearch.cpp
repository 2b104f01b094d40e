#include "customersearch.h"

#include "customer.h"

namespace Gavel::Models {

namespace {

/// Separators people put in phone numbers.
bool isPhonePunctuation(QChar c)
{
    return c.isSpace() || c == u'+' || c == u'-' || c == u'(' || c == u')' || c == u'.' || c == u'/';
}

/// A phone number (or a long Customer ID number) typed with or without separators.
constexpr int kMinPhoneDigits = 6;

QString sqliteDigits(const QString &column)
{
    QString expression = column;
    for (const char *separator : {" ", "+", "-", "(", ")", ".", "/"}) {
        expression = QStringLiteral("replace(%1, '%2', '')").arg(expression, QLatin1String(separator));
    }
    return expression;
}

QString postgresDigits(const QString &column)
{
    return QStringLiteral("regexp_replace(%1, '[^0-9]', '', 'g')").arg(column);
}

/// The digits, and the digits without the first one, two and three: a national number is a
/// suffix of the international one after a country code of one to three digits.
QString phoneTokens(const QString &digits)
{
    return QStringLiteral("%1 || ' ' || substr(%1, 2) || ' ' || substr(%1, 3) || ' ' || substr(%1, 4)").arg(digits);
}

/// Latin letters with accents and their plain forms, for PostgreSQL's city terms (the index
/// expression must be immutable, which unaccent() is not). Names are folded in C++ already.
const QString kAccented = QStringLiteral("àáâãäåāăąçćčďèéêëēėęěğìíîïīįıłñńňòóôõöøōőřśšşșťțùúûüūůűųýÿžźż");
const QString kPlain = QStringLiteral("aaaaaaaaacccdeeeeeeeegiiiiiiilnnnoooooooorssssttuuuuuuuuyyzzz");

} // namespace

QStringList CustomerSearch::terms(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        return {};
    }
    QString digits;
    bool phoneLike = true;
    for (const QChar c : trimmed) {
        if (c.isDigit()) {
            digits += c;
        } else if (!isPhonePunctuation(c)) {
            phoneLike = false;
            break;
        }
    }
    if (phoneLike && digits.size() >= kMinPhoneDigits) {
        // "+44 …" or "0044 …": international, and the number may be stored nationally.
        if (trimmed.startsWith(u'+') || digits.startsWith(QStringLiteral("00"))) {
            while (digits.startsWith(u'0')) {
                digits.remove(0, 1);
            }
            return {u'+' + digits};
        }
        return {digits};
    }
    // Letters and digits in runs, folded as the sort name is, so "Émile O'Brien" searches
    // "emile", "o", "brien".
    QStringList result;
    const QString folded = Customer::sortNameFor(trimmed, {}, {});
    QString run;
    for (const QChar c : folded) {
        if (c.isLetterOrNumber()) {
            run += c;
        } else if (!run.isEmpty()) {
            result << run;
            run.clear();
        }
    }
    if (!run.isEmpty()) {
        result << run;
    }
    return result;
}

QString CustomerSearch::query(const QStringList &terms) const
{
    QStringList parts;
    for (const QString &term : terms) {
        QStringList alternatives;
        if (term.startsWith(u'+')) {
            // International: as typed, or without a country code of one to three digits
            // for a number stored in its national form.
            const QString digits = term.mid(1);
            for (int skip = 0; skip <= 3 && digits.size() - skip >= kMinPhoneDigits; ++skip) {
                alternatives << digits.mid(skip);
            }
        } else {
            alternatives << term;
            // A national number with its trunk prefix ("07812…") is stored with or without it.
            QString stripped = term;
            while (stripped.size() > 1 && stripped.front() == u'0' && stripped.at(1).isDigit()) {
                stripped.remove(0, 1);
            }
            if (stripped != term) {
                alternatives << stripped;
            }
        }
        // Terms hold letters and digits only, so quoting keeps every one of them a plain
        // word in both query languages (never NOT, OR, NEAR or an operator).
        QStringList quoted;
        for (const QString &alternative : alternatives) {
            quoted << (m_dialect.isSqlite() ? QStringLiteral("\"%1\"*").arg(alternative)
                                            : QStringLiteral("'%1':*").arg(alternative));
        }
        parts << (quoted.size() == 1
                      ? quoted.front()
                      : u'(' + quoted.join(m_dialect.isSqlite() ? QStringLiteral(" OR ") : QStringLiteral(" | ")) + u')');
    }
    return parts.join(m_dialect.isSqlite() ? QStringLiteral(" AND ") : QStringLiteral(" & "));
}

QString CustomerSearch::indexedText(const QString &row) const
{
    const auto column = [&row](const char *name) -> QString { return row + QLatin1String(name); };
    if (m_dialect.isSqlite()) {
        // The tokenizer folds case and accents and splits at punctuation itself.
        return QStringLiteral("%1 || ' ' || %2 || ' ' || %3 || ' ' || %4 || ' ' || %5 || ' ' || %6")
            .arg(column("sort_name"), column("customer_no"), column("email"), column("city"),
                 phoneTokens(sqliteDigits(column("phone"))), phoneTokens(sqliteDigits(column("sms_number"))));
    }
    // 'simple' keeps an e-mail address or a hyphenated ID as one word: split them first.
    return QStringLiteral("%1 || ' ' || translate(lower(%2), '-_./', '    ') || ' ' ||"
                          " translate(lower(%3), '.@_-+', '     ') || ' ' || translate(lower(%4), '%7', '%8')"
                          " || ' ' || %5 || ' ' || %6")
        .arg(column("sort_name"), column("customer_no"), column("email"), column("city"),
             phoneTokens(postgresDigits(column("phone"))), phoneTokens(postgresDigits(column("sms_number"))),
             kAccented, kPlain);
}

QStringList CustomerSearch::indexDdl() const
{
    if (m_dialect.isSqlite()) {
        // Contentless: the index keeps only tokens. FTS5's 'delete' needs the text exactly as
        // it was indexed, which the triggers rebuild from `old`. prefix= keeps short prefix
        // queries (two to four characters, what people type first) off a full token scan.
        const QString insertNew =
            QStringLiteral("INSERT INTO customer_search (rowid, terms) VALUES (new.id, %1);").arg(indexedText(QStringLiteral("new.")));
        const QString deleteOld = QStringLiteral("INSERT INTO customer_search (customer_search, rowid, terms)"
                                                 " VALUES ('delete', old.id, %1);")
                                      .arg(indexedText(QStringLiteral("old.")));
        return {
            QStringLiteral("CREATE VIRTUAL TABLE customer_search USING fts5(terms, content='',"
                           " tokenize='unicode61 remove_diacritics 2', prefix='2 3 4')"),
            QStringLiteral("CREATE TRIGGER customer_search_ai AFTER INSERT ON customers BEGIN %1 END").arg(insertNew),
            QStringLiteral("CREATE TRIGGER customer_search_ad AFTER DELETE ON customers BEGIN %1 END").arg(deleteOld),
            QStringLiteral("CREATE TRIGGER customer_search_au AFTER UPDATE OF sort_name, customer_no, email, city,"
                           " phone, sms_number ON customers BEGIN %1 %2 END")
                .arg(deleteOld, insertNew),
            QStringLiteral("INSERT INTO customer_search (rowid, terms) SELECT id, %1 FROM customers")
                .arg(indexedText(QString())),
        };
    }
    return {QStringLiteral("CREATE INDEX customers_search ON customers USING GIN (to_tsvector('simple', %1))")
                .arg(indexedText(QString()))};
}

QStringList CustomerSearch::storedColumnDdl() const
{
    if (m_dialect.isSqlite()) {
        return {};
    }
    return {QStringLiteral("DROP INDEX IF EXISTS customers_search"),
            QStringLiteral("ALTER TABLE customers ADD COLUMN search_terms tsvector"
                           " GENERATED ALWAYS AS (to_tsvector('simple', %1)) STORED")
                .arg(indexedText(QString())),
            QStringLiteral("CREATE INDEX customers_search ON customers USING GIN (search_terms)"),
            // A new column has no statistics: until the next autovacuum the planner would
            // take every search to match 2 % of the customers and walk the sort index.
            QStringLiteral("ANALYZE customers")};
}

QString CustomerSearch::countStatement(const QString &text, QVariantList *values) const
{
    const QStringList words = terms(text);
    if (!m_dialect.isSqlite() || words.isEmpty()) {
        return {};
    }
    // The triggers keep one index row per customer, so this is the same count as the join.
    *values << query(words);
    return QStringLiteral("SELECT count(*) FROM customer_search WHERE customer_search MATCH ?");
}

QString CustomerSearch::condition(const QString &text, QVariantList *values) const
{
    const QStringList words = terms(text);
    if (words.isEmpty()) {
        // Only punctuation ("%", "@"): nothing can match it.
        return text.trimmed().isEmpty() ? QString() : QStringLiteral("1 = 0");
    }
    *values << query(words);
    if (m_dialect.isSqlite()) {
        return QStringLiteral("id IN (SELECT rowid FROM customer_search WHERE customer_search MATCH ?)");
    }
    return QStringLiteral("search_terms @@ to_tsquery('simple', ?)");
}

} // namespace Gavel::Models
