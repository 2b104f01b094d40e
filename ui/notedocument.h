#pragma once

#include <QTextDocument>
#include <QUrl>

namespace Gavel::Ui {

/// A note rendered: its light Markdown (bold, italic, lists, links) as a text document.
/// Raw HTML in a note stays text, and nothing is ever loaded (no images, no remote
/// resources), so a note can show nothing but its own words.
class NoteDocument final : public QTextDocument
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NoteDocument)

public:
    explicit NoteDocument(QObject *parent = nullptr);

    void setNoteText(const QString &markdown);

    /// Whether a link in a note may be opened: web pages and e-mail only (http, https, mailto).
    static bool isOpenableLink(const QUrl &url);
    /// Every link of the document, in order, without repeats.
    QList<QUrl> links() const;

protected:
    QVariant loadResource(int type, const QUrl &name) override;
};

} // namespace Gavel::Ui
