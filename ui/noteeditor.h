#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;
class QToolButton;

namespace Gavel::Ui {

class NoteDocument;

/// Where a note is written: plain text with light Markdown, buttons (and Ctrl+B, Ctrl+I,
/// Ctrl+K) that add the markup around the selection, and the note rendered beside it as it
/// will be shown. It keeps nothing itself: the Notes panel saves the draft on every change.
class NoteEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NoteEditor)

public:
    explicit NoteEditor(QWidget *parent = nullptr);

    /// Replaces the text without emitting textEdited() (it is not a change by the user).
    void setText(const QString &text);
    QString text() const;
    void setHeading(const QString &heading);
    /// A line under the text: where the draft stands, or why saving failed.
    void setStatus(const QString &status, bool problem = false);
    QString status() const;
    void focusText();

    QPlainTextEdit *textEdit() const { return m_text; }
    QTextBrowser *preview() const { return m_preview; }

    /// Wraps the selection in `marker` on both sides (** for bold, * for italic); without a
    /// selection, inserts the pair and puts the cursor between.
    void wrapSelection(const QString &marker);
    /// Starts every line of the selection (or the current line) with "- ", or "1. ", "2. "….
    void makeList(bool numbered);
    /// Turns the selection into a link, "[text](https://)", and selects the address to type.
    void makeLink();

Q_SIGNALS:
    /// The user changed the text.
    void textEdited();
    void saveRequested();
    void cancelRequested();

private:
    QToolButton *addFormatButton(const QString &text, const QString &toolTip, const QKeySequence &shortcut);
    void updatePreview();

    QLabel *m_heading = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QTextBrowser *m_preview = nullptr;
    NoteDocument *m_previewDocument = nullptr;
    QLabel *m_status = nullptr;
    QWidget *m_formatBar = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace Gavel::Ui
