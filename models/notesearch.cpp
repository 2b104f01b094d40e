#include "notesearch.h"

#include "customer.h"
#include "database.h"
#include "epoch.h"
#include "notetext.h"
#include "sql.h"

#include <QSqlQuery>

namespace Gavel::Models {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c.isMark();
}

struct Token
{
    qsizetype start = 0;
    qsizetype length = 0;
};

QList<Token> tokensOf(const QString &text)
{
    QList<Token> tokens;
    qsizetype i = 0;
    while (i < text.size()) {
        if (!isWordChar(text.at(i))) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        while (i < text.size() && isWordChar(text.at(i))) {
            ++i;
        }
        tokens << Token{start, i - start};
    }
    return tokens;
}

} // namespace

NoteSearch::NoteSearch(const Database &database) : m_db(database.connection()), m_database(database) {}

QStringList NoteSearch::words(const QString &text)
{
    QStringList words;
    for (const Token &token : tokensOf(text)) {
        words << text.mid(token.start, token.length);
        if (words.size() == kMaxWords) {
            break;
        }
    }
    return words;
}

QString NoteSearch::fold(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString folded;
    folded.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (!c.isMark()) {
            folded += c;
        }
    }
    return folded.toCaseFolded();
}

QString NoteSearch::snippet(const QString &plainText, const QStringList &words, int maxChars, QString *html)
{
    const QString line = plainText.simplified();
    QStringList folded;
    for (const QString &word : words) {
        folded << fold(word);
    }
    const QList<Token> tokens = tokensOf(line);
    QList<bool> matched(tokens.size(), false);
    qsizetype first = -1;
    for (qsizetype t = 0; t < tokens.size(); ++t) {
        const QString token = fold(line.mid(tokens.at(t).start, tokens.at(t).length));
        for (qsizetype w = 0; w < folded.size(); ++w) {
            const bool prefix = w == folded.size() - 1;
            if (prefix ? token.startsWith(folded.at(w)) : token == folded.at(w)) {
                matched[t] = true;
                break;
            }
        }
        if (matched.at(t) && first < 0) {
            first = t;
        }
    }

    // A window of about maxChars that shows the first match with some words before it.
    qsizetype begin = 0;
    if (first >= 0 && line.size() > maxChars) {
        begin = qMax<qsizetype>(0, tokens.at(first).start - maxChars / 4);
        if (begin > 0) {
            const qsizetype space = line.indexOf(u' ', begin);
            begin = (space >= 0 && space < tokens.at(first).start) ? space + 1 : tokens.at(first).start;
        }
    }
    qsizetype end = qMin(line.size(), begin + maxChars);
    if (end < line.size()) {
        const qsizetype space = line.lastIndexOf(u' ', end);
        if (space > begin) {
            end = space;
        }
    }

    const QString before = begin > 0 ? QStringLiteral("…") : QString();
    const QString after = end < line.size() ? QStringLiteral("…") : QString();
    if (html) {
        QString marked = before;
        qsizetype at = begin;
        for (qsizetype t = 0; t < tokens.size(); ++t) {
            const Token &token = tokens.at(t);
            if (!matched.at(t) || token.start < begin || token.start + token.length > end) {
                continue;
            }
            marked += line.mid(at, token.start - at).toHtmlEscaped();
            marked +=
                QStringLiteral("<b>") + line.mid(token.start, token.length).toHtmlEscaped() + QStringLiteral("</b>");
            at = token.start + token.length;
        }
        marked += line.mid(at, end - at).toHtmlEscaped() + after;
        *html = marked;
    }
    return before + line.mid(begin, end - begin) + after;
}

Result<NoteSearchResult> NoteSearch::search(const QString &text, int limit)
{
    NoteSearchResult result;
    result.text = text;
    const QStringList terms = words(text);
    if (terms.isEmpty()) {
        return result;
    }
    const Dialect &dialect = m_database.dialect();
    // COUNT(*) OVER () counts the candidates that survive the join before LIMIT: how many
    // notes matched, up to the candidate cap (one more tells that there were more).
    auto query =
        Sql::exec(m_db,
                  QStringLiteral("SELECT n.id, n.customer_id, c.first_name, c.last_name, c.company,"
                                 " c.customer_no, n.body, n.author, n.created_at, n.pinned,"
                                 " COUNT(*) OVER () FROM (") +
                      dialect.fullTextMatches(QStringLiteral("notes"), QStringLiteral("body")) +
                      QStringLiteral(") m JOIN notes n ON n.id = m.id"
                                     " JOIN customers c ON c.id = n.customer_id"
                                     " WHERE n.deleted_at IS NULL ORDER BY m.score, n.id DESC LIMIT ?"),
                  {dialect.fullTextQuery(terms), kCandidateLimit + 1, limit}, QStringLiteral("searching the notes"));
    if (!query) {
        return query.error();
    }
    while (query->next()) {
        NoteHit hit;
        hit.noteId = query->value(0).toLongLong();
        hit.customerId = query->value(1).toLongLong();
        Customer customer;
        customer.firstName = query->value(2).toString();
        customer.lastName = query->value(3).toString();
        customer.company = query->value(4).toString();
        customer.customerNo = query->value(5).toString();
        hit.customerName = customer.displayName();
        hit.customerNo = customer.customerNo;
        hit.body = query->value(6).toString();
        hit.author = query->value(7).toString();
        hit.createdAt = fromEpoch(query->value(8).toLongLong());
        hit.pinned = query->value(9).toInt() != 0;
        const int matches = query->value(10).toInt();
        result.matchCount = qMin(matches, kCandidateLimit);
        result.moreMatches = matches > kCandidateLimit;
        hit.snippet = snippet(notePlainText(hit.body), terms, 160, &hit.snippetHtml);
        result.hits << hit;
    }
    return result;
}

} // namespace Gavel::Models
