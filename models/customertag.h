#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace Gavel::Models {

/// The states of a customer's tag (customer_tags.state): optional tags are derived from the
/// lots the customer engaged with (shown grey); staff make one active (+) or starred (the
/// strongest), or remove it (×), and a removed tag stays removed when tags are derived again.
enum class TagState : int { Optional, Active, Starred, Removed };

/// The stored key ("optional", "active", "starred", "removed").
inline QString tagStateKey(TagState state)
{
    switch (state) {
    case TagState::Optional:
        return QStringLiteral("optional");
    case TagState::Active:
        return QStringLiteral("active");
    case TagState::Starred:
        return QStringLiteral("starred");
    case TagState::Removed:
        return QStringLiteral("removed");
    }
    return QStringLiteral("optional");
}

inline std::optional<TagState> tagStateFromKey(const QString &key)
{
    for (TagState state : {TagState::Optional, TagState::Active, TagState::Starred, TagState::Removed}) {
        if (tagStateKey(state) == key) {
            return state;
        }
    }
    return std::nullopt;
}

/// One customer_tags row with its tag's name.
struct CustomerTag
{
    qint64 id = 0;
    qint64 tagId = 0;
    QString name;
    TagState state = TagState::Optional;
    double weight = 0;
    QString source; ///< derived, staff, customer, import
    int version = 0;
    QDateTime updatedAt;
    QString updatedBy;
};

/// A change of one customer's tag, from `before` to `after` (nullopt: no customer_tags row),
/// kept by the profile to undo and redo it.
struct TagChange
{
    qint64 customerId = 0;
    qint64 tagId = 0;
    QString name;
    std::optional<TagState> before;
    std::optional<TagState> after;
};

} // namespace Gavel::Models
