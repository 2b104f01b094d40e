#pragma once

#include "contactvalidation.h"
#include "result.h"

#include <QSqlDatabase>
#include <QStringList>
#include <QVariantList>

#include <functional>

namespace Gavel::Models {

/// The validation results as stored on a customer row, for SQL: segments, lists and exports
/// filter on email_eligible and sms_eligible.
struct StoredContactValidation
{
    QString emailStatus;   ///< EmailValidator::statusKey(), or "unchecked"
    QString phoneType;     ///< PhoneValidator::typeKey(), or "unchecked"
    QString phoneE164;     ///< "" unless the phone is valid
    QString smsNumberType; ///< PhoneValidator::typeKey(), or "unchecked"
    QString smsNumberE164;
    bool emailEligible = false;
    bool smsEligible = false;
    int rulesVersion = 0; ///< ContactValidation::kRulesVersion that wrote them; 0: never checked
};

/// Keeps the contact validation columns of the customers table (schema version 2):
/// CustomerStore writes them with every create and update; revalidate() checks rows written
/// around it (a bulk load) or by older rules. Writing them never changes a row's version or
/// updated_at: they are derived from the row, not an edit anybody made.
class ContactValidationStore final
{
public:
    explicit ContactValidationStore(QSqlDatabase db) : m_db(std::move(db)) {}

    /// The value of a not-yet-checked status column.
    static inline const QString Unchecked = QStringLiteral("unchecked");

    /// The stored columns, in the order values() gives them.
    static const QStringList &columns();
    static QVariantList values(const ContactValidation &validation);

    Result<StoredContactValidation> stored(qint64 customerId);

    enum class Scope
    {
        Outdated, ///< rows never checked, or checked by older rules
        All,      ///< every row (after libphonenumber's metadata changed)
    };
    /// Called after each batch with the rows done and the total; return false to stop
    /// (revalidate() then fails with ErrorKind::Cancelled).
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    /// Checks customers `batchSize` at a time in id order and stores the results; returns how
    /// many were checked. Joins the caller's transaction, never begins or commits one.
    /// Migration 2 runs it over every existing customer; a bulk import calls it after loading.
    Result<qint64> revalidate(Scope scope = Scope::Outdated, const Progress &progress = {}, int batchSize = 2000);

private:
    Status writeBatch(const QList<qint64> &ids, const QList<ContactValidation> &validations);

    QSqlDatabase m_db;
};

} // namespace Gavel::Models
