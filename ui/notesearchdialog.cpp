#include "notesearchdialog.h"

#include "database.h"
#include "notesearch.h"
#include "notesearchmodel.h"
#include "richtextdelegate.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace Gavel::Ui {

namespace {

/// Long enough to skip the searches of words half typed, short enough to feel immediate.
constexpr int kTypingPauseMs = 200;

} // namespace

NoteSearchDialog::NoteSearchDialog(Models::Loader &loader, QWidget *parent) : QDialog(parent), m_loader(loader)
{
    setObjectName(QStringLiteral("noteSearchDialog"));
    setWindowTitle(tr("Search Notes of All Customers"));

    auto *label = new QLabel(tr("&Find notes containing:"), this);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("noteSearchField"));
    m_search->setPlaceholderText(tr("Words from the note, e.g. Turner watercolour"));
    m_search->setClearButtonEnabled(true);
    label->setBuddy(m_search);

    m_model = new Models::NoteSearchModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("noteSearchResults"));
    m_table->setModel(m_model);
    m_table->setItemDelegateForColumn(Models::NoteSearchModel::NoteColumn, new RichTextDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(Models::NoteSearchModel::NoteColumn, QHeaderView::Stretch);
    const int em = fontMetrics().horizontalAdvance(u'M');
    m_table->setColumnWidth(Models::NoteSearchModel::CustomerColumn, 16 * em);
    m_table->setColumnWidth(Models::NoteSearchModel::AuthorColumn, 12 * em);
    m_table->setColumnWidth(Models::NoteSearchModel::DateColumn, 15 * em);
    m_table->setWordWrap(false);
    connect(m_table, &QTableView::activated, this, &NoteSearchDialog::choose);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("noteSearchSummary"));
    m_summary->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *open = buttons->addButton(tr("&Open Customer"), QDialogButtonBox::AcceptRole);
    open->setObjectName(QStringLiteral("openCustomerButton"));
    buttons->addButton(QDialogButtonBox::Close);
    connect(open, &QPushButton::clicked, this, [this] { choose(m_table->currentIndex()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_typingPause.setSingleShot(true);
    m_typingPause.setInterval(kTypingPauseMs);
    connect(&m_typingPause, &QTimer::timeout, this, [this] { search(m_search->text()); });
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_typingPause.start(); });
    // Enter in the field opens the first (best) note; Down goes to the results.
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (m_typingPause.isActive()) {
            m_typingPause.stop();
            search(m_search->text());
            return;
        }
        choose(m_table->currentIndex().isValid() ? m_table->currentIndex() : m_model->index(0, 0));
    });
    m_search->installEventFilter(this);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_search);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);
    resize(90 * em, 32 * fontMetrics().lineSpacing());
}

QString NoteSearchDialog::summary() const
{
    return m_summary->text();
}

void NoteSearchDialog::search(const QString &text)
{
    m_generation.renew();
    if (Models::NoteSearch::words(text).isEmpty()) {
        m_model->clear();
        m_summary->clear();
        return;
    }
    m_summary->setText(tr("Searching…"));
    m_loader.run<Models::NoteSearchResult>(
        m_generation, this, [text](Models::Database &db) { return Models::NoteSearch(db).search(text); },
        [this](const Models::Result<Models::NoteSearchResult> &result) {
            if (!result) {
                m_model->clear();
                m_summary->setText(result.error().message);
                m_summary->setToolTip(result.error().detail);
                return;
            }
            m_model->setResult(*result);
            m_summary->setToolTip({});
            if (result->hits.isEmpty()) {
                m_summary->setText(tr("No note contains “%1”.").arg(result->text));
            } else if (result->moreMatches) {
                m_summary->setText(tr("More than %1 notes match; the best of the newest are shown. "
                                      "Add a word to narrow the search.")
                                       .arg(result->matchCount));
            } else {
                const QString found = result->matchCount == 1
                                          ? tr("1 note found.")
                                          : tr("%1 notes found.").arg(QLocale().toString(result->matchCount));
                m_summary->setText(found + u' ' + tr("Press Enter to open the customer."));
            }
            m_table->selectRow(0);
        });
}

bool NoteSearchDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress && m_model->rowCount() > 0) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_PageDown) {
            m_table->setFocus(Qt::OtherFocusReason);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void NoteSearchDialog::choose(const QModelIndex &index)
{
    if (!index.isValid()) {
        return;
    }
    Q_EMIT noteChosen(m_model->hitAt(index.row()).customerId, m_model->hitAt(index.row()).noteId);
    accept();
}

} // namespace Gavel::Ui
