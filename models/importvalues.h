#pragma once

#include <QString>

#include <optional>

namespace Gavel::Models::ImportValues {

/// Amounts as exports write them: "1200", "1,200", "1200.50", "£1,200.00", "1.200,50" (a
/// comma followed by exactly two digits at the end is a decimal comma). In minor units of a
/// currency with `decimals` digits; nullopt when the text is not an amount.
std::optional<qint64> money(const QString &text, int decimals = 2);

/// Times as exports write them: "2024-05-01 14:30:00", "2024-05-01T14:30:00Z" (with an
/// offset or Z; without one, UTC), "2024-05-01", "01/05/2024" and "01/05/2024 14:30"
/// (day first), or epoch seconds. Epoch seconds UTC; nullopt when not a time.
std::optional<qint64> dateTime(const QString &text);

/// A calendar date as 'YYYY-MM-DD' from the same forms; nullopt when not a date.
std::optional<QString> date(const QString &text);

/// yes/no, true/false, 1/0, y/n, x/'', won/sold; nullopt when neither.
std::optional<bool> flag(const QString &text);

/// A whole number; nullopt otherwise.
std::optional<qint64> integer(const QString &text);

/// Whether `text` looks like an e-mail address (one @, something either side, a dot in the
/// domain, no spaces): the import's sanity check, not full validation.
bool looksLikeEmail(const QString &text);

/// A stable 63-bit id from the parts that make an imported event unique, so that importing
/// the same file again writes the same ids and adds nothing.
qint64 stableId(const QString &parts);

} // namespace Gavel::Models::ImportValues
