#pragma once

#include <QStyledItemDelegate>

namespace Gavel::Ui {

/// Paints one note of the Notes panel's list from NoteListModel's roles: a line with the pin
/// (a sign and the word), the author and the times, then the first lines of the note.
class NoteDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NoteDelegate)

public:
    /// Lines of the note shown under its heading.
    static constexpr int kTextLines = 2;

    using QStyledItemDelegate::QStyledItemDelegate;

    /// "⚑ Pinned · Anna Schmidt · 3 Mar 2024 14:32 · edited 4 Mar 2024 09:10 by Tom Baker".
    static QString heading(const QModelIndex &index);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace Gavel::Ui
