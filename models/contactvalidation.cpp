#include "contactvalidation.h"

#include "customer.h"

#include <QCoreApplication>

namespace Gavel::Models {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Gavel::Models::ContactValidation", text);
}

/// Why SMS cannot go to a number of this kind; `which` names the number ("The SMS number").
QString smsRefusal(const PhoneCheck &check, bool smsNumber)
{
    switch (check.type) {
    case PhoneType::Missing:
        return tr("No mobile number.");
    case PhoneType::Invalid:
        return (smsNumber ? tr("The SMS number is not valid: %1") : tr("The phone number is not valid: %1"))
            .arg(check.reason);
    case PhoneType::Landline:
        return smsNumber ? tr("The SMS number is a landline.") : tr("Landline only.");
    default:
        break;
    }
    return (smsNumber ? tr("The SMS number is a %1 number, which cannot receive SMS reliably.")
                      : tr("The phone number is a %1 number, which cannot receive SMS reliably."))
        .arg(PhoneValidator::typeLabel(check.type).toLower());
}

} // namespace

ContactValidation validateContacts(const QString &email, const QString &phone, const QString &smsNumber,
                                   const QString &country)
{
    ContactValidation result;
    result.email = EmailValidator::check(email);
    result.phone = PhoneValidator::check(phone, country);
    result.smsNumber = PhoneValidator::check(smsNumber, country);

    result.emailEligible = result.email.isValid();
    if (!result.emailEligible) {
        result.emailIneligibleReason = result.email.reason;
    }

    if (result.smsNumber.type != PhoneType::Missing) {
        result.smsTarget = SmsTarget::SmsNumber;
    } else if (result.phone.type != PhoneType::Missing) {
        result.smsTarget = SmsTarget::Phone;
    }
    const PhoneCheck &target = result.smsTargetCheck();
    result.smsEligible = target.canReceiveSms();
    if (!result.smsEligible) {
        result.smsIneligibleReason = smsRefusal(target, result.smsTarget == SmsTarget::SmsNumber);
    }
    return result;
}

namespace {

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QJsonObject phoneJson(const PhoneCheck &check)
{
    return {
        {QStringLiteral("type"), PhoneValidator::typeKey(check.type)}, {QStringLiteral("valid"), check.isValid()},
        {QStringLiteral("canReceiveSms"), check.canReceiveSms()},      {QStringLiteral("e164"), textOrNull(check.e164)},
        {QStringLiteral("reason"), textOrNull(check.reason)},
    };
}

} // namespace

QJsonObject contactValidationToJson(const ContactValidation &validation)
{
    const QJsonObject email = {
        {QStringLiteral("status"), EmailValidator::statusKey(validation.email.status)},
        {QStringLiteral("problem"), textOrNull(EmailValidator::problemKey(validation.email.problem))},
        {QStringLiteral("normalized"), textOrNull(validation.email.normalized)},
        {QStringLiteral("reason"), textOrNull(validation.email.reason)},
    };
    QString target = QStringLiteral("none");
    if (validation.smsTarget == SmsTarget::SmsNumber) {
        target = QStringLiteral("sms_number");
    } else if (validation.smsTarget == SmsTarget::Phone) {
        target = QStringLiteral("phone");
    }
    return {
        {QStringLiteral("email"), email},
        {QStringLiteral("phone"), phoneJson(validation.phone)},
        {QStringLiteral("smsNumber"), phoneJson(validation.smsNumber)},
        {QStringLiteral("smsTarget"), target},
        {QStringLiteral("emailEligible"), validation.emailEligible},
        {QStringLiteral("emailIneligibleReason"), textOrNull(validation.emailIneligibleReason)},
        {QStringLiteral("smsEligible"), validation.smsEligible},
        {QStringLiteral("smsIneligibleReason"), textOrNull(validation.smsIneligibleReason)},
        {QStringLiteral("rulesVersion"), ContactValidation::kRulesVersion},
    };
}

ContactValidation validateContacts(const Customer &customer)
{
    return validateContacts(customer.email, customer.phone, customer.smsNumber, customer.country);
}

} // namespace Gavel::Models
