#include "conflictreviewdialog.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace Gavel::Ui {

ConflictReviewDialog::ConflictReviewDialog(const QList<Row> &rows, const QString &theirsTitle, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("conflictReviewDialog"));
    setWindowTitle(tr("Review Both Versions"));

    auto *intro = new QLabel(tr("These fields differ between your version and %1. Choose which value to keep for "
                                "each; nothing is saved until you save the customer.")
                                 .arg(theirsTitle),
                             this);
    intro->setWordWrap(true);

    auto *grid = new QGridLayout;
    auto *fieldHeader = new QLabel(tr("<b>Field</b>"), this);
    auto *mineHeader = new QLabel(tr("<b>Your version</b>"), this);
    auto *theirsHeader = new QLabel(tr("<b>Their version</b>"), this);
    grid->addWidget(fieldHeader, 0, 0);
    grid->addWidget(mineHeader, 0, 1);
    grid->addWidget(theirsHeader, 0, 2);
    const auto shown = [](const QString &value) { return value.isEmpty() ? tr("(empty)") : value; };
    for (int i = 0; i < rows.size(); ++i) {
        const Row &row = rows.at(i);
        auto *mine = new QRadioButton(shown(row.mine), this);
        mine->setObjectName(QStringLiteral("mine%1").arg(i));
        auto *theirs = new QRadioButton(shown(row.theirs), this);
        theirs->setObjectName(QStringLiteral("theirs%1").arg(i));
        auto *group = new QButtonGroup(this);
        group->addButton(mine);
        group->addButton(theirs);
        (row.preferMine ? mine : theirs)->setChecked(true);
        grid->addWidget(new QLabel(row.label, this), i + 1, 0);
        grid->addWidget(mine, i + 1, 1);
        grid->addWidget(theirs, i + 1, 2);
        m_mine << mine;
        m_theirs << theirs;
    }
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(2, 1);
    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->addLayout(grid);
    contentLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *use = buttons->addButton(tr("&Use the Chosen Values"), QDialogButtonBox::AcceptRole);
    use->setObjectName(QStringLiteral("useChosenButton"));
    use->setDefault(true);
    QPushButton *allMine = buttons->addButton(tr("All &Mine"), QDialogButtonBox::ActionRole);
    QPushButton *allTheirs = buttons->addButton(tr("All &Theirs"), QDialogButtonBox::ActionRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(allMine, &QPushButton::clicked, this, [this] { chooseAll(true); });
    connect(allTheirs, &QPushButton::clicked, this, [this] { chooseAll(false); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(scroll, 1);
    layout->addWidget(buttons);
    const int em = fontMetrics().horizontalAdvance(u'M');
    resize(56 * em, 30 * em);
}

QList<bool> ConflictReviewDialog::keepMine() const
{
    QList<bool> choices;
    for (const QRadioButton *mine : m_mine) {
        choices << mine->isChecked();
    }
    return choices;
}

void ConflictReviewDialog::chooseAll(bool mine)
{
    for (QRadioButton *button : mine ? m_mine : m_theirs) {
        button->setChecked(true);
    }
}

} // namespace Gavel::Ui
