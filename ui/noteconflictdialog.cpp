#include "noteconflictdialog.h"

#include "formatting.h"
#include "textdiff.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextEdit>
#include <QVBoxLayout>

namespace Gavel::Ui {

namespace {

QList<QTextEdit::ExtraSelection> markRanges(QPlainTextEdit *edit, const QList<Models::TextDiff::Range> &ranges)
{
    QTextCharFormat format;
    // Underlined as well as shaded: the difference must not be told by colour alone.
    format.setFontUnderline(true);
    format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    QColor shade = edit->palette().color(QPalette::Highlight);
    shade.setAlpha(70);
    format.setBackground(shade);
    QList<QTextEdit::ExtraSelection> selections;
    for (const Models::TextDiff::Range &range : ranges) {
        QTextCursor cursor(edit->document());
        cursor.setPosition(int(range.start));
        cursor.setPosition(int(range.start + range.length), QTextCursor::KeepAnchor);
        selections << QTextEdit::ExtraSelection{cursor, format};
    }
    return selections;
}

} // namespace

NoteConflictDialog::NoteConflictDialog(const Models::Note &theirs, const QString &mine, const QString &message,
                                       QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("noteConflictDialog"));
    setWindowTitle(tr("Someone Else Changed This Note"));

    auto *intro = new QLabel(message + u' ' +
                                 tr("Their version is on the left, yours on the right; words only one of you "
                                    "has are underlined. You can edit your side before saving it."),
                             this);
    intro->setObjectName(QStringLiteral("conflictMessage"));
    intro->setWordWrap(true);

    const QString who = theirs.updatedBy.isEmpty() ? theirs.author : theirs.updatedBy;
    auto *theirsLabel =
        new QLabel(tr("&Their version (%1, %2):").arg(who, Models::formatDateTime(theirs.updatedAt)), this);
    auto *mineLabel = new QLabel(tr("&Your version:"), this);

    m_theirs = new QPlainTextEdit(theirs.body, this);
    m_theirs->setObjectName(QStringLiteral("theirVersion"));
    m_theirs->setReadOnly(true);
    m_theirs->setTabChangesFocus(true);
    theirsLabel->setBuddy(m_theirs);
    m_mine = new QPlainTextEdit(mine, this);
    m_mine->setObjectName(QStringLiteral("yourVersion"));
    m_mine->setTabChangesFocus(true);
    mineLabel->setBuddy(m_mine);
    connect(m_mine, &QPlainTextEdit::textChanged, this, &NoteConflictDialog::highlightDifferences);

    auto *buttons = new QDialogButtonBox(this);
    m_saveMine = buttons->addButton(tr("&Save My Version"), QDialogButtonBox::AcceptRole);
    m_saveMine->setObjectName(QStringLiteral("saveMineButton"));
    m_keepTheirs = buttons->addButton(tr("&Keep Their Version"), QDialogButtonBox::DestructiveRole);
    m_keepTheirs->setObjectName(QStringLiteral("keepTheirsButton"));
    m_keepTheirs->setToolTip(tr("Your text is dropped"));
    QPushButton *back = buttons->addButton(tr("&Back to Editing"), QDialogButtonBox::RejectRole);
    back->setObjectName(QStringLiteral("backToEditingButton"));
    m_saveMine->setDefault(true);
    connect(m_saveMine, &QPushButton::clicked, this, [this] {
        m_choice = SaveMine;
        accept();
    });
    connect(m_keepTheirs, &QPushButton::clicked, this, [this] {
        m_choice = KeepTheirs;
        accept();
    });
    connect(back, &QPushButton::clicked, this, &QDialog::reject);

    auto *grid = new QGridLayout;
    grid->addWidget(theirsLabel, 0, 0);
    grid->addWidget(mineLabel, 0, 1);
    grid->addWidget(m_theirs, 1, 0);
    grid->addWidget(m_mine, 1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(grid, 1);
    layout->addWidget(buttons);

    highlightDifferences();
    const int em = fontMetrics().horizontalAdvance(u'M');
    resize(70 * em, 30 * fontMetrics().lineSpacing());
    m_mine->setFocus();
}

QString NoteConflictDialog::mine() const
{
    return m_mine->toPlainText();
}

void NoteConflictDialog::highlightDifferences()
{
    const Models::TextDiff diff = Models::TextDiff::compare(m_theirs->toPlainText(), m_mine->toPlainText());
    m_theirs->setExtraSelections(markRanges(m_theirs, diff.leftOnly()));
    m_mine->setExtraSelections(markRanges(m_mine, diff.rightOnly()));
}

} // namespace Gavel::Ui
