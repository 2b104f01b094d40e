#include "phonevalidator.h"

#include "formatting.h"

#include <QCoreApplication>

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>
#include <string>

namespace Gavel::Models {

namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

QString tr(const char *text)
{
    return QCoreApplication::translate("Gavel::Models::PhoneValidator", text);
}

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

bool isRegionCode(const QString &region)
{
    return region.size() == 2 && region.at(0).isUpper() && region.at(1).isUpper();
}

/// "in the United Kingdom" style names: the country's own name, or the code when unknown.
QString placeName(const QString &region)
{
    const QString name = isRegionCode(region) ? countryName(region) : QString();
    return name.isEmpty() ? region : name;
}

PhoneType typeOf(PhoneNumberUtil::PhoneNumberType type)
{
    switch (type) {
    case PhoneNumberUtil::FIXED_LINE:
        return PhoneType::Landline;
    case PhoneNumberUtil::MOBILE:
        return PhoneType::Mobile;
    case PhoneNumberUtil::FIXED_LINE_OR_MOBILE:
        return PhoneType::MobileOrLandline;
    case PhoneNumberUtil::TOLL_FREE:
        return PhoneType::TollFree;
    case PhoneNumberUtil::PREMIUM_RATE:
        return PhoneType::PremiumRate;
    case PhoneNumberUtil::SHARED_COST:
        return PhoneType::SharedCost;
    case PhoneNumberUtil::VOIP:
        return PhoneType::Voip;
    case PhoneNumberUtil::PERSONAL_NUMBER:
        return PhoneType::PersonalNumber;
    case PhoneNumberUtil::PAGER:
        return PhoneType::Pager;
    case PhoneNumberUtil::UAN:
        return PhoneType::Uan;
    case PhoneNumberUtil::VOICEMAIL:
        return PhoneType::Voicemail;
    case PhoneNumberUtil::UNKNOWN:
        break;
    }
    return PhoneType::Invalid;
}

PhoneCheck invalid(QString reason, QString region = QStringLiteral("ZZ"))
{
    PhoneCheck check;
    check.type = PhoneType::Invalid;
    check.reason = std::move(reason);
    check.region = std::move(region);
    return check;
}

QString parseErrorReason(PhoneNumberUtil::ErrorType error, bool international, bool regionKnown)
{
    switch (error) {
    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
        if (!international && !regionKnown) {
            return tr("The customer has no country to read this number by: write it with its country code "
                      "(+44 …) or set the customer's country.");
        }
        return tr("The country code of this number does not exist.");
    case PhoneNumberUtil::NOT_A_NUMBER:
        return tr("This is not a phone number.");
    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
        return tr("The number is too short after the international prefix.");
    case PhoneNumberUtil::TOO_SHORT_NSN:
        return tr("The number is too short to be a phone number.");
    case PhoneNumberUtil::TOO_LONG_NSN:
        return tr("The number is too long to be a phone number.");
    case PhoneNumberUtil::NO_PARSING_ERROR:
        break;
    }
    return tr("This is not a phone number.");
}

} // namespace

PhoneCheck PhoneValidator::check(const QString &number, const QString &defaultRegion)
{
    if (number.trimmed().isEmpty()) {
        PhoneCheck missing;
        missing.reason = tr("No phone number.");
        return missing;
    }
    const PhoneNumberUtil &util = *PhoneNumberUtil::GetInstance();
    const QString region = isRegionCode(defaultRegion.toUpper()) ? defaultRegion.toUpper() : QStringLiteral("ZZ");
    PhoneNumber parsed;
    const PhoneNumberUtil::ErrorType error = util.Parse(number.toStdString(), region.toStdString(), &parsed);
    if (error != PhoneNumberUtil::NO_PARSING_ERROR) {
        const QString trimmed = number.trimmed();
        const bool international = trimmed.startsWith(u'+') || trimmed.startsWith(QStringLiteral("00"));
        return invalid(parseErrorReason(error, international, region != u"ZZ"));
    }

    std::string numberRegion;
    util.GetRegionCodeForNumber(parsed, &numberRegion);
    const QString assigned = fromStd(numberRegion);
    // GetNumberType() is UNKNOWN exactly when the number is not valid (IsValidNumber() runs the
    // same matching again, at twice the cost: the backfill of a million customers notices).
    const PhoneType type = typeOf(util.GetNumberType(parsed));
    if (type == PhoneType::Invalid) {
        std::string mainRegion;
        util.GetRegionCodeForCountryCode(parsed.country_code(), &mainRegion);
        const QString country = placeName(assigned != u"ZZ" ? assigned : fromStd(mainRegion));
        switch (util.IsPossibleNumberWithReason(parsed)) {
        case PhoneNumberUtil::TOO_SHORT:
            return invalid(tr("The number is too short for a number in %1.").arg(country), assigned);
        case PhoneNumberUtil::TOO_LONG:
            return invalid(tr("The number is too long for a number in %1.").arg(country), assigned);
        case PhoneNumberUtil::INVALID_LENGTH:
            return invalid(tr("The number has the wrong number of digits for %1.").arg(country), assigned);
        case PhoneNumberUtil::INVALID_COUNTRY_CODE:
            return invalid(tr("The country code of this number does not exist."), assigned);
        case PhoneNumberUtil::IS_POSSIBLE_LOCAL_ONLY:
            return invalid(tr("This looks like a local number in %1 without its area code.").arg(country), assigned);
        case PhoneNumberUtil::IS_POSSIBLE:
            break;
        }
        return invalid(tr("This number is not in use in %1: no number range begins like this.").arg(country), assigned);
    }

    PhoneCheck check;
    check.type = type;
    check.region = assigned;
    std::string formatted;
    util.Format(parsed, PhoneNumberUtil::E164, &formatted);
    check.e164 = fromStd(formatted);
    // Without the extension: the sidebar shows the number to dial. (Built afresh, because
    // clear_extension() is protobuf code that libphonenumber does not export.)
    PhoneNumber withoutExtension;
    withoutExtension.set_country_code(parsed.country_code());
    withoutExtension.set_national_number(parsed.national_number());
    if (parsed.has_italian_leading_zero()) {
        withoutExtension.set_italian_leading_zero(parsed.italian_leading_zero());
    }
    if (parsed.has_number_of_leading_zeros()) {
        withoutExtension.set_number_of_leading_zeros(parsed.number_of_leading_zeros());
    }
    util.Format(withoutExtension, PhoneNumberUtil::INTERNATIONAL, &formatted);
    check.international = fromStd(formatted);
    return check;
}

QString PhoneValidator::typeKey(PhoneType type)
{
    switch (type) {
    case PhoneType::Missing:
        return QStringLiteral("missing");
    case PhoneType::Invalid:
        return QStringLiteral("invalid");
    case PhoneType::Mobile:
        return QStringLiteral("mobile");
    case PhoneType::Landline:
        return QStringLiteral("landline");
    case PhoneType::MobileOrLandline:
        return QStringLiteral("mobile_or_landline");
    case PhoneType::TollFree:
        return QStringLiteral("toll_free");
    case PhoneType::PremiumRate:
        return QStringLiteral("premium_rate");
    case PhoneType::SharedCost:
        return QStringLiteral("shared_cost");
    case PhoneType::Voip:
        return QStringLiteral("voip");
    case PhoneType::PersonalNumber:
        return QStringLiteral("personal");
    case PhoneType::Pager:
        return QStringLiteral("pager");
    case PhoneType::Uan:
        return QStringLiteral("uan");
    case PhoneType::Voicemail:
        return QStringLiteral("voicemail");
    }
    return QStringLiteral("invalid");
}

std::optional<PhoneType> PhoneValidator::typeFromKey(QStringView key)
{
    for (int value = int(PhoneType::Missing); value <= int(PhoneType::Voicemail); ++value) {
        if (key == typeKey(PhoneType(value))) {
            return PhoneType(value);
        }
    }
    return std::nullopt;
}

QString PhoneValidator::typeLabel(PhoneType type)
{
    switch (type) {
    case PhoneType::Missing:
        return tr("Missing");
    case PhoneType::Invalid:
        return tr("Invalid");
    case PhoneType::Mobile:
        return tr("Mobile");
    case PhoneType::Landline:
        return tr("Landline");
    case PhoneType::MobileOrLandline:
        return tr("Mobile or landline");
    case PhoneType::TollFree:
        return tr("Toll-free");
    case PhoneType::PremiumRate:
        return tr("Premium rate");
    case PhoneType::SharedCost:
        return tr("Shared cost");
    case PhoneType::Voip:
        return tr("Internet phone (VoIP)");
    case PhoneType::PersonalNumber:
        return tr("Personal number");
    case PhoneType::Pager:
        return tr("Pager");
    case PhoneType::Uan:
        return tr("Company number (UAN)");
    case PhoneType::Voicemail:
        return tr("Voicemail");
    }
    return tr("Invalid");
}

} // namespace Gavel::Models
