#pragma once

#include <QHash>
#include <QIcon>
#include <QStyledItemDelegate>

namespace Gavel::Ui {

/// Paints the Item History's amounts and results: won in green with a tick, underbids in
/// grey with a hollow mark, so that the word, the mark and the colour say it together (for
/// colour-blind eyes and in dark mode, where the colours are lightened). Selected rows keep
/// the palette's highlighted text. Reads only roles; never touches the database.
class ItemHistoryDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ItemHistoryDelegate)

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    /// The text colours for a palette: green for won, grey for underbid.
    static QColor wonColor(const QPalette &palette);
    static QColor underbidColor(const QPalette &palette);

    /// Public (a protected override in Qt) so that tests can see what a cell is painted with.
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    mutable QHash<QString, QIcon> m_icons; ///< by outcome, colour and size
};

} // namespace Gavel::Ui
