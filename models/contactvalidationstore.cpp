#include "contactvalidationstore.h"

#include "sql.h"

#include <QThread>

#include <thread>

namespace Gavel::Models {

namespace {

/// Rows per UPDATE … FROM (VALUES …): 9 bound values each, well under both engines' limits
/// (SQLite 32,766 variables, PostgreSQL 65,535 parameters).
constexpr int kRowsPerStatement = 500;

/// One batch's rows: what validateContacts() reads.
struct Row
{
    qint64 id = 0;
    QString email;
    QString phone;
    QString smsNumber;
    QString country;
};

/// Validates rows on the available cores: libphonenumber's parsing (~10 µs a number) is
/// what a million-customer backfill spends its time on. validateContacts() is thread-safe.
QList<ContactValidation> validateAll(const QList<Row> &rows)
{
    QList<ContactValidation> results(rows.size());
    ContactValidation *out = results.data(); // each thread writes its own slice
    const auto work = [&rows, out](qsizetype from, qsizetype to) {
        for (qsizetype i = from; i < to; ++i) {
            const Row &row = rows.at(i);
            out[i] = validateContacts(row.email, row.phone, row.smsNumber, row.country);
        }
    };
    const qsizetype threads = qBound(1, QThread::idealThreadCount(), 8);
    if (threads == 1 || rows.size() < 64) {
        work(0, rows.size());
        return results;
    }
    std::vector<std::thread> helpers;
    const qsizetype chunk = (rows.size() + threads - 1) / threads;
    for (qsizetype t = 1; t < threads; ++t) {
        const qsizetype from = t * chunk;
        const qsizetype to = qMin(rows.size(), from + chunk);
        if (from < to) {
            helpers.emplace_back(work, from, to);
        }
    }
    work(0, qMin(rows.size(), chunk));
    for (std::thread &helper : helpers) {
        helper.join();
    }
    return results;
}

} // namespace

const QStringList &ContactValidationStore::columns()
{
    static const QStringList names = {
        QStringLiteral("email_status"),    QStringLiteral("phone_type"),       QStringLiteral("phone_e164"),
        QStringLiteral("sms_number_type"), QStringLiteral("sms_number_e164"),  QStringLiteral("email_eligible"),
        QStringLiteral("sms_eligible"),    QStringLiteral("contacts_checked"),
    };
    return names;
}

QVariantList ContactValidationStore::values(const ContactValidation &validation)
{
    // e164 is a null QString when invalid; the columns are NOT NULL DEFAULT ''.
    const auto text = [](const QString &value) { return QVariant(value.isNull() ? QStringLiteral("") : value); };
    return {EmailValidator::statusKey(validation.email.status),
            PhoneValidator::typeKey(validation.phone.type),
            text(validation.phone.e164),
            PhoneValidator::typeKey(validation.smsNumber.type),
            text(validation.smsNumber.e164),
            validation.emailEligible ? 1 : 0,
            validation.smsEligible ? 1 : 0,
            ContactValidation::kRulesVersion};
}

Result<StoredContactValidation> ContactValidationStore::stored(qint64 customerId)
{
    auto query = Sql::exec(m_db,
                           QStringLiteral("SELECT ") + columns().join(QStringLiteral(", ")) +
                               QStringLiteral(" FROM customers WHERE id = ?"),
                           {customerId}, QStringLiteral("reading the customer's contact checks"));
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return Error::make(ErrorKind::NotFound, QStringLiteral("This customer no longer exists."));
    }
    StoredContactValidation stored;
    stored.emailStatus = query->value(0).toString();
    stored.phoneType = query->value(1).toString();
    stored.phoneE164 = query->value(2).toString();
    stored.smsNumberType = query->value(3).toString();
    stored.smsNumberE164 = query->value(4).toString();
    stored.emailEligible = query->value(5).toInt() != 0;
    stored.smsEligible = query->value(6).toInt() != 0;
    stored.rulesVersion = query->value(7).toInt();
    return stored;
}

Status ContactValidationStore::writeBatch(const QList<qint64> &ids, const QList<ContactValidation> &validations)
{
    // One statement per kRowsPerStatement rows: on PostgreSQL a statement is a round trip,
    // and a row-by-row UPDATE manages ~20k rows/s where this manages several times that.
    // VALUES columns are called column1, column2… on both engines.
    static const QString rowPlaceholders = QStringLiteral("(CAST(? AS BIGINT), ?, ?, ?, ?, ?, CAST(? AS SMALLINT),"
                                                          " CAST(? AS SMALLINT), CAST(? AS INTEGER))");
    QStringList assignments;
    for (qsizetype i = 0; i < columns().size(); ++i) {
        assignments << columns().at(i) + QStringLiteral(" = v.column") + QString::number(i + 2);
    }
    for (qsizetype start = 0; start < ids.size(); start += kRowsPerStatement) {
        const qsizetype count = qMin<qsizetype>(kRowsPerStatement, ids.size() - start);
        QVariantList bound;
        bound.reserve(count * (columns().size() + 1));
        for (qsizetype i = start; i < start + count; ++i) {
            bound << ids.at(i);
            bound << values(validations.at(i));
        }
        const QString statement = QStringLiteral("UPDATE customers SET ") + assignments.join(QStringLiteral(", ")) +
                                  QStringLiteral(" FROM (VALUES ") +
                                  QStringList(count, rowPlaceholders).join(QStringLiteral(", ")) +
                                  QStringLiteral(") AS v WHERE customers.id = v.column1");
        auto written = Sql::exec(m_db, statement, bound, QStringLiteral("storing the checked contact details"));
        if (!written) {
            return written.error();
        }
    }
    return {};
}

Result<qint64> ContactValidationStore::revalidate(Scope scope, const Progress &progress, int batchSize)
{
    const QString filter = scope == Scope::All ? QString() : QStringLiteral(" AND contacts_checked <> ?");
    QVariantList filterValues;
    if (scope == Scope::Outdated) {
        filterValues << ContactValidation::kRulesVersion;
    }
    auto total = Sql::scalar(m_db, QStringLiteral("SELECT count(*) FROM customers WHERE id > 0") + filter, filterValues,
                             QStringLiteral("counting the customers to check"));
    if (!total) {
        return total.error();
    }
    const qint64 expected = total->toLongLong();
    qint64 done = 0;
    qint64 lastId = 0;
    while (true) {
        QVariantList bound = {lastId};
        bound << filterValues << batchSize;
        auto query = Sql::exec(m_db,
                               QStringLiteral("SELECT id, email, phone, sms_number, country FROM customers"
                                              " WHERE id > ?") +
                                   filter + QStringLiteral(" ORDER BY id LIMIT ?"),
                               bound, QStringLiteral("reading customers to check their contact details"));
        if (!query) {
            return query.error();
        }
        QList<Row> rows;
        rows.reserve(batchSize);
        while (query->next()) {
            rows.append({query->value(0).toLongLong(), query->value(1).toString(), query->value(2).toString(),
                         query->value(3).toString(), query->value(4).toString()});
        }
        query->finish();
        if (rows.isEmpty()) {
            break;
        }
        QList<qint64> ids;
        ids.reserve(rows.size());
        for (const Row &row : std::as_const(rows)) {
            ids << row.id;
        }
        if (Status status = writeBatch(ids, validateAll(rows)); !status) {
            return status.error();
        }
        done += rows.size();
        lastId = rows.constLast().id;
        if (progress && !progress(done, qMax(expected, done))) {
            return Error::make(ErrorKind::Cancelled, QStringLiteral("Checking the contact details was stopped."));
        }
        if (rows.size() < batchSize) {
            break;
        }
    }
    return done;
}

} // namespace Gavel::Models
