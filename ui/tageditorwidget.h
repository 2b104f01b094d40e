#pragma once

#include "customertag.h"

#include <QList>
#include <QWidget>

class QAbstractButton;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Gavel::Ui {

class FlowLayout;

/// A customer's tags, as the seed describes them: × on the left of a tag removes it, + on
/// the right of a suggested (grey) tag makes it active, ☆ stars an active tag (★ unstars
/// it); removed tags are listed apart, each with + to take it back. Typing a tag and pressing
/// Enter adds it as active. The tag's name opens the list of customers with it. Every part
/// is a button in the tab order, and the state is said in words (tool tip, accessible name)
/// and marks (★, italics), not by colour alone. The widget only asks: the panel saves.
class TagEditorWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagEditorWidget)

public:
    enum class Action { Remove, Activate, Star, Unstar, Restore, Open };

    explicit TagEditorWidget(QWidget *parent = nullptr);

    void setTags(const QList<Models::CustomerTag> &tags);
    const QList<Models::CustomerTag> &tags() const { return m_tags; }
    /// Whether changes can be asked for (a customer is shown and nothing is being saved).
    void setEditable(bool editable);
    void showError(const QString &message);
    void clearError();

    QLineEdit *editor() const { return m_edit; }
    QPushButton *addButton() const { return m_add; }
    /// The button doing `action` on the tag called `name`, or nullptr (for tests).
    QAbstractButton *button(const QString &name, Action action) const;

Q_SIGNALS:
    /// Staff asked to change the tag from its current state to `wanted`.
    void changeRequested(qint64 tagId, Models::TagState current, Models::TagState wanted);
    void addRequested(const QString &name);
    void tagActivated(const QString &name);

private:
    QWidget *makeChip(const Models::CustomerTag &tag, QWidget *parent);
    QAbstractButton *addButtonFor(QWidget *holder, const Models::CustomerTag &tag, Action action,
                                  const QString &text, const QString &tip);
    void submit();

    QList<Models::CustomerTag> m_tags;
    FlowLayout *m_flow = nullptr;
    FlowLayout *m_removedFlow = nullptr;
    QWidget *m_removedRow = nullptr;
    QLabel *m_empty = nullptr;
    QLineEdit *m_edit = nullptr;
    QPushButton *m_add = nullptr;
    QLabel *m_error = nullptr;
    QList<QWidget *> m_chips;
    struct ButtonEntry
    {
        QString name;
        Action action;
        QAbstractButton *button;
    };
    QList<ButtonEntry> m_buttons;
    bool m_editable = false;
};

} // namespace Gavel::Ui
