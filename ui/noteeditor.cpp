#include "noteeditor.h"

#include "notedocument.h"

#include <QAction>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBlock>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

namespace Gavel::Ui {

NoteEditor::NoteEditor(QWidget *parent) : QWidget(parent)
{
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("noteEditorHeading"));
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    m_heading->setFont(headingFont);

    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("noteText"));
    m_text->setTabChangesFocus(true);
    m_text->setPlaceholderText(
        tr("Write the note. **bold**, *italic*, lines starting with - or 1. for lists, [text](https://…) for links."));
    m_text->setAccessibleName(tr("Note text"));

    m_previewDocument = new NoteDocument(this);
    m_preview = new QTextBrowser(this);
    m_preview->setObjectName(QStringLiteral("notePreview"));
    m_preview->setDocument(m_previewDocument);
    m_preview->setOpenLinks(false);
    m_preview->setFocusPolicy(Qt::NoFocus);
    m_preview->setAccessibleName(tr("Preview of the note"));
    connect(m_preview, &QTextBrowser::anchorClicked, this, [](const QUrl &url) {
        if (NoteDocument::isOpenableLink(url)) {
            QDesktopServices::openUrl(url);
        }
    });

    m_formatBar = new QWidget(this);
    auto *formatLayout = new QHBoxLayout(m_formatBar);
    formatLayout->setContentsMargins(0, 0, 0, 0);
    connect(addFormatButton(tr("Bold"), tr("Bold (Ctrl+B)"), QKeySequence::Bold), &QToolButton::clicked, this,
            [this] { wrapSelection(QStringLiteral("**")); });
    connect(addFormatButton(tr("Italic"), tr("Italic (Ctrl+I)"), QKeySequence::Italic), &QToolButton::clicked, this,
            [this] { wrapSelection(QStringLiteral("*")); });
    connect(addFormatButton(tr("• List"), tr("Bulleted list (Ctrl+Shift+8)"),
                            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_8)),
            &QToolButton::clicked, this, [this] { makeList(false); });
    connect(addFormatButton(tr("1. List"), tr("Numbered list (Ctrl+Shift+7)"),
                            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_7)),
            &QToolButton::clicked, this, [this] { makeList(true); });
    connect(addFormatButton(tr("Link"), tr("Link (Ctrl+K): select the words, then type the address"),
                            QKeySequence(Qt::CTRL | Qt::Key_K)),
            &QToolButton::clicked, this, &NoteEditor::makeLink);
    formatLayout->addStretch(1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("noteEditorStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_save = new QPushButton(tr("Save Note"), this);
    m_save->setObjectName(QStringLiteral("saveNoteButton"));
    m_save->setToolTip(tr("Save the note (Ctrl+Return)"));
    m_save->setDefault(true);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelNoteButton"));
    m_cancel->setToolTip(tr("Stop editing (Esc)"));
    connect(m_save, &QPushButton::clicked, this, &NoteEditor::saveRequested);
    connect(m_cancel, &QPushButton::clicked, this, &NoteEditor::cancelRequested);

    auto *saveAction = new QAction(this);
    saveAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    saveAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(saveAction, &QAction::triggered, this, &NoteEditor::saveRequested);
    addAction(saveAction);
    auto *cancelAction = new QAction(this);
    cancelAction->setShortcut(QKeySequence(Qt::Key_Escape));
    cancelAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(cancelAction, &QAction::triggered, this, &NoteEditor::cancelRequested);
    addAction(cancelAction);

    connect(m_text, &QPlainTextEdit::textChanged, this, [this] {
        updatePreview();
        Q_EMIT textEdited(); // setText() blocks the signal: only the user's changes get here
    });

    auto *textColumn = new QVBoxLayout;
    textColumn->addWidget(m_formatBar);
    textColumn->addWidget(m_text, 1);
    auto *previewColumn = new QVBoxLayout;
    auto *previewLabel = new QLabel(tr("As it will be shown:"), this);
    previewColumn->addWidget(previewLabel);
    previewColumn->addWidget(m_preview, 1);
    auto *columns = new QHBoxLayout;
    columns->addLayout(textColumn, 3);
    columns->addLayout(previewColumn, 2);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_save);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_heading);
    layout->addLayout(columns, 1);
    layout->addLayout(buttons);
}

QToolButton *NoteEditor::addFormatButton(const QString &text, const QString &toolTip, const QKeySequence &shortcut)
{
    auto *button = new QToolButton(m_formatBar);
    button->setText(text);
    button->setToolTip(toolTip);
    button->setAutoRaise(true);
    button->setFocusPolicy(Qt::TabFocus);
    m_formatBar->layout()->addWidget(button);
    // The shortcut belongs to the text field, so Ctrl+B means bold only while writing.
    auto *action = new QAction(text, m_text);
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WidgetShortcut);
    connect(action, &QAction::triggered, button, &QToolButton::click);
    m_text->addAction(action);
    return button;
}

void NoteEditor::setText(const QString &text)
{
    const QSignalBlocker blocker(m_text);
    m_text->setPlainText(text);
    m_text->moveCursor(QTextCursor::End);
    updatePreview();
}

QString NoteEditor::text() const
{
    return m_text->toPlainText();
}

void NoteEditor::setHeading(const QString &heading)
{
    m_heading->setText(heading);
}

void NoteEditor::setStatus(const QString &status, bool problem)
{
    // A problem is said in words (and marked with a sign), never by colour alone.
    m_status->setText(problem ? QStringLiteral("⚠ ") + status : status);
}

QString NoteEditor::status() const
{
    return m_status->text();
}

void NoteEditor::focusText()
{
    m_text->setFocus(Qt::OtherFocusReason);
}

void NoteEditor::wrapSelection(const QString &marker)
{
    QTextCursor cursor = m_text->textCursor();
    const QString selected = cursor.selectedText();
    cursor.beginEditBlock();
    cursor.insertText(marker + selected + marker);
    cursor.endEditBlock();
    if (selected.isEmpty()) {
        cursor.movePosition(QTextCursor::Left, QTextCursor::MoveAnchor, int(marker.size()));
    }
    m_text->setTextCursor(cursor);
    m_text->setFocus();
}

void NoteEditor::makeList(bool numbered)
{
    QTextCursor cursor = m_text->textCursor();
    QTextBlock block = m_text->document()->findBlock(cursor.selectionStart());
    const QTextBlock last = m_text->document()->findBlock(cursor.selectionEnd());
    int number = 1;
    cursor.beginEditBlock();
    while (block.isValid()) {
        QTextCursor line(block);
        line.insertText(numbered ? QString::number(number++) + QStringLiteral(". ") : QStringLiteral("- "));
        if (block == last) {
            break;
        }
        block = block.next();
    }
    cursor.endEditBlock();
    m_text->setFocus();
}

void NoteEditor::makeLink()
{
    QTextCursor cursor = m_text->textCursor();
    QString words = cursor.selectedText();
    if (words.isEmpty()) {
        words = tr("link text");
    }
    const QString address = QStringLiteral("https://");
    cursor.beginEditBlock();
    cursor.insertText(u'[' + words + QStringLiteral("](") + address + u')');
    cursor.endEditBlock();
    // Select the address so that typing replaces it.
    cursor.movePosition(QTextCursor::Left, QTextCursor::MoveAnchor, 1);
    cursor.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor, int(address.size()));
    m_text->setTextCursor(cursor);
    m_text->setFocus();
}

void NoteEditor::updatePreview()
{
    m_previewDocument->setNoteText(m_text->toPlainText());
}

} // namespace Gavel::Ui
