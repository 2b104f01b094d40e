#pragma once

#include <QDialog>
#include <QList>
#include <QString>

class QRadioButton;

namespace Gavel::Ui {

/// Two versions of a record side by side, one line per field where they differ, and for
/// each line a choice between yours and theirs (keyboard: Tab between lines, arrows within).
class ConflictReviewDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConflictReviewDialog)

public:
    struct Row
    {
        QString label;
        QString mine;
        QString theirs;
        bool preferMine = true; ///< preselected choice
    };

    /// `theirsTitle` names the other version ("Priya Shah's, saved 12/03/2026 10:15").
    ConflictReviewDialog(const QList<Row> &rows, const QString &theirsTitle, QWidget *parent = nullptr);

    /// For each row, in order: whether yours was chosen.
    QList<bool> keepMine() const;
    /// Chooses one side for every row.
    void chooseAll(bool mine);

private:
    QList<QRadioButton *> m_mine;
    QList<QRadioButton *> m_theirs;
};

} // namespace Gavel::Ui
