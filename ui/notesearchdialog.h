#pragma once

#include "loader.h"

#include <QDialog>
#include <QTimer>

class QLabel;
class QLineEdit;
class QTableView;

namespace Gavel::Models {
class Database;
class NoteSearchModel;
} // namespace Gavel::Models

namespace Gavel::Ui {

/// Go → Search Notes… (Ctrl+Shift+F): the notes of every customer, searched as the user types
/// (off the GUI thread), best matches first. Enter or a double click on a note chooses it.
class NoteSearchDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NoteSearchDialog)

public:
    explicit NoteSearchDialog(Models::Loader &loader, QWidget *parent = nullptr);

    QLineEdit *searchField() const { return m_search; }
    QTableView *table() const { return m_table; }
    Models::NoteSearchModel *model() const { return m_model; }
    QString summary() const;

    /// Searches for `text` now (as if typed and the pause had passed).
    void search(const QString &text);

Q_SIGNALS:
    /// The user chose a note; the dialog closes.
    void noteChosen(qint64 customerId, qint64 noteId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void choose(const QModelIndex &index);

    Models::Loader &m_loader;
    Models::LoadGeneration m_generation;
    QLineEdit *m_search = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_summary = nullptr;
    Models::NoteSearchModel *m_model = nullptr;
    QTimer m_typingPause;
};

} // namespace Gavel::Ui
