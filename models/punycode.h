#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace Gavel::Models::Punycode {

/// RFC 3492 Punycode for one domain label, without the "xn--" prefix. Used by the e-mail
/// validator to turn an international domain into the ASCII form mail servers look up, and
/// to check that an "xn--" label really is Punycode. (QUrl::toAce() silently drops some
/// characters and refuses long labels without saying why, so the validator could not tell
/// people what is wrong.)
///
/// encode() returns nullopt on overflow (absurdly long input); decode() returns nullopt for
/// anything that is not valid Punycode.
std::optional<QString> encode(QStringView label);
std::optional<QString> decode(QStringView encoded);

} // namespace Gavel::Models::Punycode
