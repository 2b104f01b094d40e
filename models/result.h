#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace Gavel::Models {

/// Why an operation failed, so that the caller can decide what to tell whom.
enum class ErrorKind {
    General,      ///< anything else; the message says what
    NotFound,     ///< the thing asked for does not exist (any more)
    Invalid,      ///< input rejected; the message names the field and why
    Conflict,     ///< someone else changed the row since it was read
    Duplicate,    ///< a unique key (customer ID, e-mail…) is already taken
    Connection,   ///< the database could not be reached or was lost
    Cancelled,    ///< the user stopped it
    NotGavel,     ///< the file or database is not a Gavel database
    NewerSchema,  ///< written by a newer Gavel; left untouched
};

/// What went wrong: `message` is for people (what and where, in their words),
/// `detail` is for the log (driver text, statement).
struct Error
{
    ErrorKind kind = ErrorKind::General;
    QString message;
    QString detail;

    static Error make(ErrorKind kind, QString message, QString detail = {})
    {
        return Error{kind, std::move(message), std::move(detail)};
    }
    /// The message followed by the detail, for logs and command-line output.
    QString fullText() const { return detail.isEmpty() ? message : message + QStringLiteral(" (") + detail + u')'; }
};

/// A value or the Error that prevented it: the one error style of models/.
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_data(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_data); }
    const T &value() const & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    const Error &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_ok(false) {}

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

using Status = Result<void>;

} // namespace Gavel::Models
