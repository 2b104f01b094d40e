#pragma once

#include "note.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace Gavel::Ui {

/// Shown when a note was changed by someone else while the user edited it: their version and
/// the user's side by side, the words each has that the other lacks marked (underlined and
/// shaded, so not by colour alone). The user's side stays editable, to merge the two by hand.
class NoteConflictDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NoteConflictDialog)

public:
    enum Choice
    {
        KeepEditing, ///< back to the editor, with the text of the right side (the dialog was cancelled)
        SaveMine,    ///< save the right side over their version
        KeepTheirs,  ///< drop the user's text and keep theirs
    };

    /// `message` says who changed it and when (NoteStore::edit()'s conflict message).
    NoteConflictDialog(const Models::Note &theirs, const QString &mine, const QString &message,
                       QWidget *parent = nullptr);

    Choice choice() const { return m_choice; }
    /// The user's side as it is now (they may have merged their colleague's words in).
    QString mine() const;

    QPlainTextEdit *theirsEdit() const { return m_theirs; }
    QPlainTextEdit *mineEdit() const { return m_mine; }
    QPushButton *saveMineButton() const { return m_saveMine; }
    QPushButton *keepTheirsButton() const { return m_keepTheirs; }

private:
    void highlightDifferences();

    Choice m_choice = KeepEditing;
    QPlainTextEdit *m_theirs = nullptr;
    QPlainTextEdit *m_mine = nullptr;
    QPushButton *m_saveMine = nullptr;
    QPushButton *m_keepTheirs = nullptr;
};

} // namespace Gavel::Ui
