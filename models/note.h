#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace Gavel::Models {

/// One internal note about a customer, as stored. The body is plain text with a light
/// Markdown subset (**bold**, *italic*, lists, links) that the interface renders.
struct Note
{
    qint64 id = 0; ///< local key
    QString uuid;  ///< global identity, stable across copies
    qint64 customerId = 0;
    QString body;
    bool pinned = false;
    QString author; ///< who wrote it (Database::actor() when it was added)
    QDateTime createdAt;
    QDateTime deletedAt; ///< invalid while the note is not deleted
    int version = 0;     ///< bumped by every change (text, pin, delete, restore)
    QDateTime updatedAt; ///< when the text last changed (the creation time until edited)
    QString updatedBy;   ///< who changed the text last

    bool isDeleted() const { return deletedAt.isValid(); }
    /// Whether the text was changed after the note was written.
    bool isEdited() const { return updatedAt.isValid() && createdAt.isValid() && updatedAt > createdAt; }
};

} // namespace Gavel::Models

Q_DECLARE_METATYPE(Gavel::Models::Note)
