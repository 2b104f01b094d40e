#pragma once

#include <QList>
#include <QString>
#include <QWidget>

class QAbstractButton;
class QLabel;

namespace Gavel::Ui {

class FlowLayout;

/// One chip: a label, a segment, a tag.
struct Chip
{
    QString key;     ///< what the signals carry (a label's name, a segment's code)
    QString text;    ///< what the chip says
    QString toolTip; ///< why the customer has it, or what it means
    bool removable = false;
};

/// A wrapping row of chips (rounded buttons) that open what they name; removable ones have
/// an × button beside them. Every chip and × is a button in the tab order, so the row
/// works from the keyboard (Tab, Space or Enter); words, not colour, say what each is.
class ChipListWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChipListWidget)

public:
    explicit ChipListWidget(QWidget *parent = nullptr);

    /// Replaces the chips.
    void setChips(const QList<Chip> &chips);
    /// Shown in place of the chips when there are none ("No labels yet").
    void setEmptyText(const QString &text);
    /// What an × button's accessible name and tool tip say: "%1" is the chip's text.
    void setRemoveText(const QString &text) { m_removeText = text; }

    /// The chip buttons, in order (for tests and focus).
    QList<QAbstractButton *> chipButtons() const { return m_chipButtons; }
    QList<QAbstractButton *> removeButtons() const { return m_removeButtons; }

Q_SIGNALS:
    void chipActivated(const QString &key);
    void removeRequested(const QString &key);

private:
    FlowLayout *m_flow = nullptr;
    QLabel *m_empty = nullptr;
    QString m_removeText;
    QList<QWidget *> m_widgets;
    QList<QAbstractButton *> m_chipButtons;
    QList<QAbstractButton *> m_removeButtons;
};

} // namespace Gavel::Ui
