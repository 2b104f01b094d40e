#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace Gavel::Models {
class SeededRandom;
}

namespace Gavel::Models::Demo {

/// What a customer gave the house as phone numbers, and what they really are (the
/// generator knows; the app finds out with libphonenumber).
enum class PhoneKind
{
    MobileOnly,    ///< phone and SMS number: the same mobile
    Both,          ///< a landline as phone, the mobile for SMS
    LandlineOnly,  ///< a landline, no SMS number
    LandlineAsSms, ///< a landline typed into the SMS field too: not textable
    Invalid,       ///< a number with digits missing
    Missing,       ///< none given
};

enum class EmailKind
{
    Valid,
    Undeliverable, ///< syntactically fine, but the domain is a typo ("gmail.con"): bounces
    Invalid,       ///< not an address at all (no @, a space, two dots…): never mailed
    Missing,
};

/// One invented person: international names with the right diacritics, an address in the
/// country's format, e-mail and phone numbers, personal details.
struct Person
{
    QString country; ///< ISO 3166-1 alpha-2
    QString title;
    QString firstName;
    QString lastName;
    QString company;
    QString gender;    ///< female, male, other or empty
    QString birthDate; ///< YYYY-MM-DD or empty
    QString language;
    QString addressLine1;
    QString addressLine2;
    QString city;
    QString region;
    QString postalCode;
    QString email;
    EmailKind emailKind = EmailKind::Valid;
    QString phone;
    QString smsNumber;
    PhoneKind phoneKind = PhoneKind::MobileOnly;
    bool canText() const { return phoneKind == PhoneKind::MobileOnly || phoneKind == PhoneKind::Both; }
    bool canEmail() const { return emailKind == EmailKind::Valid || emailKind == EmailKind::Undeliverable; }
};

/// Makes people for the demo house: most from Britain, many from Europe, the US and Asia.
class People final
{
public:
    static int countryCount();
    /// How likely a customer is to come from each country, for SeededRandom::weighted().
    static const std::vector<int> &countryWeights();
    static QString countryCode(int country);

    /// A person from `country`, aged 25–90 at `anchorYear`.
    static Person make(int country, int anchorYear, SeededRandom &random);

    /// A valid number of the kind for the country, E.164 ("+447400123456"), for tests.
    static QString mobileNumber(int country, SeededRandom &random);
    /// A landline of the city (an index into the country's cities), or of any of its cities.
    static QString landlineNumber(int country, SeededRandom &random, int city = -1);
};

} // namespace Gavel::Models::Demo
