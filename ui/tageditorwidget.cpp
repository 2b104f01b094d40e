#include "tageditorwidget.h"

#include "customertagstore.h"
#include "flowlayout.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace Gavel::Ui {

using Models::CustomerTag;
using Models::TagState;

namespace {

// Palette roles only, so the chips read in light and dark themes alike.
const QString kChipStyle = QStringLiteral(
    "QFrame#tagChip { border: 1px solid palette(mid); border-radius: 11px; background: palette(button); }"
    " QFrame#tagChip[state=\"optional\"] { border-style: dashed; background: transparent; }"
    " QToolButton { border: none; padding: 1px 4px; color: palette(button-text); }"
    " QToolButton:focus { border: 2px solid palette(highlight); border-radius: 4px; }"
    " QToolButton:hover { color: palette(highlight); }");

} // namespace

TagEditorWidget::TagEditorWidget(QWidget *parent) : QWidget(parent)
{
    auto *tagsHolder = new QWidget(this);
    m_flow = new FlowLayout(tagsHolder);
    m_flow->setContentsMargins(0, 0, 0, 0);
    m_empty = new QLabel(tr("No tags yet: they are suggested from the lots the customer engages with, or type one."),
                         tagsHolder);
    m_empty->setObjectName(QStringLiteral("tagsEmpty"));
    m_empty->setEnabled(false);
    m_empty->setWordWrap(true);
    m_flow->addWidget(m_empty);

    m_removedRow = new QWidget(this);
    auto *removedLayout = new QHBoxLayout(m_removedRow);
    removedLayout->setContentsMargins(0, 0, 0, 0);
    auto *removedLabel = new QLabel(tr("Removed:"), m_removedRow);
    removedLabel->setEnabled(false);
    auto *removedHolder = new QWidget(m_removedRow);
    m_removedFlow = new FlowLayout(removedHolder);
    m_removedFlow->setContentsMargins(0, 0, 0, 0);
    removedLayout->addWidget(removedLabel, 0, Qt::AlignTop);
    removedLayout->addWidget(removedHolder, 1);
    m_removedRow->hide();

    m_edit = new QLineEdit(this);
    m_edit->setObjectName(QStringLiteral("tagEditor"));
    m_edit->setPlaceholderText(tr("Add a tag…"));
    m_edit->setAccessibleName(tr("New tag"));
    m_edit->setMaxLength(Models::CustomerTagStore::kMaxNameLength);
    m_add = new QPushButton(tr("Add &Tag"), this);
    m_add->setObjectName(QStringLiteral("addTagButton"));
    m_add->setAutoDefault(false);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("tagError"));
    m_error->setWordWrap(true);
    m_error->hide();

    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_edit, 1);
    addRow->addWidget(m_add);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(tagsHolder);
    layout->addWidget(m_removedRow);
    layout->addLayout(addRow);
    layout->addWidget(m_error);

    connect(m_edit, &QLineEdit::returnPressed, this, &TagEditorWidget::submit);
    connect(m_add, &QPushButton::clicked, this, &TagEditorWidget::submit);
    setEditable(false);
}

void TagEditorWidget::setEditable(bool editable)
{
    m_editable = editable;
    m_edit->setReadOnly(!editable);
    m_add->setEnabled(editable);
    for (const auto &entry : std::as_const(m_buttons)) {
        if (entry.action != Action::Open) {
            entry.button->setEnabled(editable);
        }
    }
}

void TagEditorWidget::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

void TagEditorWidget::clearError()
{
    m_error->hide();
}

void TagEditorWidget::submit()
{
    const QString name = m_edit->text().simplified();
    if (!name.isEmpty() && m_editable) {
        Q_EMIT addRequested(name);
    }
}

QAbstractButton *TagEditorWidget::button(const QString &name, Action action) const
{
    for (const auto &entry : m_buttons) {
        if (entry.name == name && entry.action == action) {
            return entry.button;
        }
    }
    return nullptr;
}

void TagEditorWidget::setTags(const QList<CustomerTag> &tags)
{
    // Where the keyboard was, so it can come back to the same tag after a change.
    QString focusedName;
    Action focusedAction = Action::Open;
    for (const auto &entry : std::as_const(m_buttons)) {
        if (entry.button->hasFocus()) {
            focusedName = entry.name;
            focusedAction = entry.action;
        }
    }
    for (QWidget *chip : std::as_const(m_chips)) {
        chip->hide();
        chip->deleteLater();
    }
    while (m_flow->count() > 1) {
        delete m_flow->takeAt(1);
    }
    while (m_removedFlow->count() > 0) {
        delete m_removedFlow->takeAt(0);
    }
    m_chips.clear();
    m_buttons.clear();
    m_tags = tags;

    bool anyShown = false;
    bool anyRemoved = false;
    for (const CustomerTag &tag : tags) {
        const bool removed = tag.state == TagState::Removed;
        QWidget *chip = makeChip(tag, removed ? m_removedFlow->parentWidget() : m_flow->parentWidget());
        (removed ? m_removedFlow : m_flow)->addWidget(chip);
        m_chips << chip;
        anyShown = anyShown || !removed;
        anyRemoved = anyRemoved || removed;
    }
    m_empty->setVisible(!anyShown);
    m_removedRow->setVisible(anyRemoved);
    setEditable(m_editable);
    if (!focusedName.isEmpty()) {
        QAbstractButton *again = button(focusedName, focusedAction);
        if (!again) {
            again = button(focusedName, Action::Open);
        }
        if (again) {
            again->setFocus(Qt::OtherFocusReason);
        } else {
            m_edit->setFocus(Qt::OtherFocusReason);
        }
    }
    updateGeometry();
}

QAbstractButton *TagEditorWidget::addButtonFor(QWidget *holder, const CustomerTag &tag, Action action,
                                               const QString &text, const QString &tip)
{
    auto *button = new QToolButton(holder);
    button->setText(text);
    button->setToolTip(tip);
    button->setAccessibleName(tip);
    button->setFocusPolicy(Qt::StrongFocus);
    button->setCursor(Qt::PointingHandCursor);
    holder->layout()->addWidget(button);
    m_buttons.append(ButtonEntry{tag.name, action, button});
    const qint64 tagId = tag.tagId;
    const TagState state = tag.state;
    const QString name = tag.name;
    connect(button, &QToolButton::clicked, this, [this, action, tagId, state, name] {
        switch (action) {
        case Action::Open:
            Q_EMIT tagActivated(name);
            break;
        case Action::Remove:
            Q_EMIT changeRequested(tagId, state, TagState::Removed);
            break;
        case Action::Activate:
        case Action::Restore:
        case Action::Unstar:
            Q_EMIT changeRequested(tagId, state, TagState::Active);
            break;
        case Action::Star:
            Q_EMIT changeRequested(tagId, state, TagState::Starred);
            break;
        }
    });
    return button;
}

QWidget *TagEditorWidget::makeChip(const CustomerTag &tag, QWidget *parent)
{
    auto *chip = new QFrame(parent);
    chip->setObjectName(QStringLiteral("tagChip"));
    chip->setProperty("state", Models::tagStateKey(tag.state));
    chip->setStyleSheet(kChipStyle);
    auto *row = new QHBoxLayout(chip);
    row->setContentsMargins(4, 0, 4, 0);
    row->setSpacing(0);
    const QString name = tag.name;
    switch (tag.state) {
    case TagState::Optional: {
        addButtonFor(chip, tag, Action::Remove, QStringLiteral("×"), tr("Remove the suggested tag “%1”").arg(name));
        QAbstractButton *open = addButtonFor(chip, tag, Action::Open, name,
                                             tr("“%1”: suggested from the lots the customer engaged with. "
                                                "Click to list every customer with this tag.")
                                                 .arg(name));
        QFont italic = open->font();
        italic.setItalic(true);
        open->setFont(italic);
        // Grey as the seed has it (half way between text and window, so it reads in light and
        // dark themes), and italic and dashed too, so colour is not the only sign.
        const QColor text = palette().color(QPalette::WindowText);
        const QColor window = palette().color(QPalette::Window);
        const QColor grey((text.red() * 55 + window.red() * 45) / 100, (text.green() * 55 + window.green() * 45) / 100,
                          (text.blue() * 55 + window.blue() * 45) / 100);
        open->setStyleSheet(QStringLiteral("QToolButton { color: %1; }").arg(grey.name()));
        addButtonFor(chip, tag, Action::Activate, QStringLiteral("+"), tr("Make “%1” an active tag").arg(name));
        break;
    }
    case TagState::Active:
        addButtonFor(chip, tag, Action::Remove, QStringLiteral("×"), tr("Remove the tag “%1”").arg(name));
        addButtonFor(chip, tag, Action::Open, name,
                     tr("“%1”: an active tag. Click to list every customer with this tag.").arg(name));
        addButtonFor(chip, tag, Action::Star, QStringLiteral("☆"), tr("Star “%1”: the strongest interest").arg(name));
        break;
    case TagState::Starred: {
        addButtonFor(chip, tag, Action::Remove, QStringLiteral("×"), tr("Remove the tag “%1”").arg(name));
        QAbstractButton *open =
            addButtonFor(chip, tag, Action::Open, name,
                         tr("“%1”: a starred tag, the strongest. Click to list every customer with this tag.")
                             .arg(name));
        QFont bold = open->font();
        bold.setBold(true);
        open->setFont(bold);
        addButtonFor(chip, tag, Action::Unstar, QStringLiteral("★"),
                     tr("Unstar “%1” (it stays an active tag)").arg(name));
        break;
    }
    case TagState::Removed: {
        QAbstractButton *open = addButtonFor(
            chip, tag, Action::Open, name,
            tr("“%1”: removed; it is not suggested again. Click to list every customer with this tag.").arg(name));
        QFont struck = open->font();
        struck.setStrikeOut(true);
        open->setFont(struck);
        addButtonFor(chip, tag, Action::Restore, QStringLiteral("+"), tr("Take “%1” back as an active tag").arg(name));
        break;
    }
    }
    return chip;
}

} // namespace Gavel::Ui
