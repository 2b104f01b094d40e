#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace Gavel::Models {

/// Whether an e-mail address can be mailed. Stored in customers.email_status by key.
enum class EmailStatus
{
    Missing, ///< no address on file
    Valid,   ///< a mailing service will accept it
    Invalid, ///< it will not; EmailCheck::reason says why
};

/// Why an address was refused: the stable side of EmailCheck::reason, for tests and exports.
enum class EmailProblem
{
    None,
    Missing,
    MissingAt,                  ///< "anna.example.com"
    LookalikeAt,                ///< a full-width or small @ in place of the @-sign
    DisplayName,                ///< "Anna Schmidt <anna@example.com>", or angle brackets
    MissingLocalPart,           ///< nothing before the @-sign
    MissingDomain,              ///< nothing after it
    QuotedLocalPart,            ///< "anna schmidt"@example.com
    UnsafeCharacter,            ///< invisible, control, bidirectional, private-use or unassigned characters
    InvalidCharacter,           ///< a character that cannot stand where it is
    DotPlacement,               ///< a leading, trailing or doubled period
    HyphenPlacement,            ///< a domain part starting or ending with a hyphen, or "ab--"
    DomainWithoutDot,           ///< anna@localhost
    InvalidTopLevelDomain,      ///< anna@example.123
    InvalidInternationalDomain, ///< an "xn--" part that is not Punycode
    DomainLiteral,              ///< anna@[192.0.2.1]
    ReservedDomain,             ///< .test, .invalid, .localhost, .local, .onion, .arpa
    TooLong,
};

/// The outcome of EmailValidator::check().
struct EmailCheck
{
    EmailStatus status = EmailStatus::Missing;
    EmailProblem problem = EmailProblem::Missing;
    /// Why the address cannot be mailed, in words staff understand (translated); empty when valid.
    QString reason;
    /// The address in Unicode NFC with the domain in lower case; empty unless valid.
    QString normalized;
    /// The domain as mail servers look it up (international names in Punycode); empty unless valid.
    QString asciiDomain;
    /// The part before the @-sign has non-ASCII letters, so the receiving server must support SMTPUTF8.
    bool internationalLocalPart = false;

    bool isValid() const { return status == EmailStatus::Valid; }
};

/// A practical e-mail validator: it accepts what mailing services deliver to and refuses the
/// rest with a reason a person understands. It checks syntax only (no DNS lookups).
///
/// Where the standards and practice differ it follows practice, with the defaults of
/// python-email-validator (whose test suite, with is_email's, is in tests/tst_emailvalidator):
/// - refused although RFC 5321/5322 allow them: quoted local parts ("a b"@x.com), IP
///   addresses in brackets, domains without a period (anna@localhost), numeric top-level
///   domains, comments and folding white space, obsolete syntax, a display name around the
///   address, special-use domains (.test, .invalid, .localhost, .local, .onion, .arpa), and
///   parts before the @-sign longer than 64 characters;
/// - accepted: international addresses (non-ASCII letters before the @-sign need SMTPUTF8,
///   which the large mail providers support; international domains are converted to Punycode);
/// - refused although they are valid Unicode: invisible, control, bidirectional-override,
///   private-use and unassigned characters, which make an address look like another one.
///
/// The address is checked exactly as given: leading or trailing spaces make it invalid (the
/// Edit Customer dialog trims what staff type).
class EmailValidator final
{
public:
    static EmailCheck check(const QString &address);

    /// The stable key stored in customers.email_status: "valid", "invalid" or "missing".
    static QString statusKey(EmailStatus status);
    static std::optional<EmailStatus> statusFromKey(QStringView key);
    /// A stable key for exports ("missing_at", "dot_placement"…); "" for None.
    static QString problemKey(EmailProblem problem);
};

} // namespace Gavel::Models
