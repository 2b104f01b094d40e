#pragma once

#include "emailvalidator.h"
#include "phonevalidator.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Gavel::Models {

struct Customer;

/// Which of a customer's numbers SMS campaigns go to.
enum class SmsTarget
{
    None,      ///< neither number is given
    SmsNumber, ///< the SMS campaign number, when one is given (the customer's choice for SMS)
    Phone,     ///< otherwise the phone number
};

/// What Gavel makes of a customer's contact details: each one checked, and whether e-mail
/// and SMS campaigns may be sent. Eligibility is about reachability only; consent is the
/// subscriptions' business (SubscriptionStore), and a mailing needs both.
///
/// Rules:
/// - e-mail-eligible when the e-mail address is valid (EmailValidator);
/// - SMS-eligible when the number SMS go to can receive them (PhoneCheck::canReceiveSms():
///   mobiles, and mobile-or-landline numbers such as all of North America's). That number
///   is the SMS campaign number when one is given, even if it is invalid (it is the number
///   the customer gave for SMS; another is not silently used instead), else the phone.
///   A customer with only a landline is not SMS-eligible.
/// Phone numbers without a country code are read by the customer's country.
struct ContactValidation
{
    /// The version of these rules. Stored with the results (customers.contacts_checked) so
    /// that rows checked by older rules, or never (0, a bulk load), can be found and checked again.
    static constexpr int kRulesVersion = 1;

    EmailCheck email;
    PhoneCheck phone;
    PhoneCheck smsNumber;
    SmsTarget smsTarget = SmsTarget::None;
    bool emailEligible = false;
    bool smsEligible = false;
    /// Why no e-mail or SMS campaign can reach the customer (translated); empty when eligible.
    QString emailIneligibleReason;
    QString smsIneligibleReason;

    /// The check of the number SMS go to (a Missing check when there is none).
    const PhoneCheck &smsTargetCheck() const { return smsTarget == SmsTarget::SmsNumber ? smsNumber : phone; }
};

/// Checks a customer's e-mail, phone and SMS campaign number and decides eligibility. Pure
/// and thread-safe: the import can call it for rows it writes in bulk, and
/// ContactValidationStore stores its results for SQL (segments, lists, exports).
ContactValidation validateContacts(const Customer &customer);

/// The same for the few fields it reads, for callers that do not hold a Customer.
ContactValidation validateContacts(const QString &email, const QString &phone, const QString &smsNumber,
                                   const QString &country);

/// The validation as the profile export writes it ("contactValidation"): per contact its
/// status or line type with stable keys, the reason when it is refused, the normalised form;
/// then smsTarget ("sms_number", "phone", "none"), emailEligible, smsEligible, the reasons
/// for ineligibility (null when eligible) and rulesVersion.
QJsonObject contactValidationToJson(const ContactValidation &validation);

} // namespace Gavel::Models
