#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace Gavel::Models {

/// What kind of line a phone number is, as libphonenumber's metadata says. Stored in
/// customers.phone_type and customers.sms_number_type by key.
enum class PhoneType
{
    Missing, ///< no number on file
    Invalid, ///< not a number in use anywhere; PhoneCheck::reason says why
    Mobile,
    Landline,         ///< libphonenumber's FIXED_LINE
    MobileOrLandline, ///< the plan does not tell them apart (USA, Canada and the other +1 countries, …)
    TollFree,
    PremiumRate,
    SharedCost,
    Voip,
    PersonalNumber, ///< a number that follows the person (UK 070…)
    Pager,
    Uan, ///< a company's universal access number
    Voicemail,
};

/// The outcome of PhoneValidator::check().
struct PhoneCheck
{
    PhoneType type = PhoneType::Missing;
    /// Why the number is invalid or missing, in words staff understand (translated); empty when valid.
    QString reason;
    /// "+447400123456"; empty unless valid.
    QString e164;
    /// "+44 7400 123456", for showing; empty unless valid.
    QString international;
    /// The region libphonenumber assigns the number ("GB"; "001" for non-geographic numbers;
    /// "ZZ" when none), also for invalid numbers whose country code it knows.
    QString region;

    bool isValid() const { return type != PhoneType::Missing && type != PhoneType::Invalid; }
    /// Whether SMS can be sent to it: mobiles, and numbers that may be mobiles (see PhoneValidator).
    bool canReceiveSms() const { return type == PhoneType::Mobile || type == PhoneType::MobileOrLandline; }
};

/// Parses and classifies phone numbers with Google's libphonenumber (the metadata of the
/// installed library: Debian 12 has 8.12.57, whose plans for 21 numbers changed since).
///
/// A number without a country code is read as a number of `defaultRegion` (the customer's
/// country, ISO 3166-1 alpha-2); "+44…" and "0044…" work anywhere. A number with an
/// extension ("… ext. 12") is classified by its main number.
///
/// Decisions:
/// - MobileOrLandline (all +1 numbers, and a few other plans) counts as able to receive SMS:
///   North American numbers cannot be told apart by their digits, and refusing SMS to every
///   customer in the USA and Canada would be worse than an occasional undelivered message.
///   The sidebar says "mobile or landline" so that staff know.
/// - VoIP, personal, pager, toll-free and other service numbers cannot receive SMS reliably
///   and are not SMS-eligible.
/// - A number that parses but is not in any allocated range (GB 07700 900123, a drama number)
///   is Invalid, with the reason.
class PhoneValidator final
{
public:
    static PhoneCheck check(const QString &number, const QString &defaultRegion);

    /// The stable key stored in the database ("mobile", "landline", "mobile_or_landline"…).
    static QString typeKey(PhoneType type);
    static std::optional<PhoneType> typeFromKey(QStringView key);
    /// What staff read: "Mobile", "Landline", "Mobile or landline"… (translated).
    static QString typeLabel(PhoneType type);
};

} // namespace Gavel::Models
