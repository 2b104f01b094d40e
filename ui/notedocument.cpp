#include "notedocument.h"

#include <QTextBlock>

namespace Gavel::Ui {

NoteDocument::NoteDocument(QObject *parent) : QTextDocument(parent)
{
    setUndoRedoEnabled(false);
}

void NoteDocument::setNoteText(const QString &markdown)
{
    setMarkdown(markdown,
                QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub | QTextDocument::MarkdownNoHTML));
}

bool NoteDocument::isOpenableLink(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return url.isValid() && (scheme == u"http" || scheme == u"https" || scheme == u"mailto");
}

QList<QUrl> NoteDocument::links() const
{
    QList<QUrl> found;
    for (QTextBlock block = begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat format = it.fragment().charFormat();
            if (format.isAnchor()) {
                const QUrl url(format.anchorHref());
                if (!found.contains(url)) {
                    found << url;
                }
            }
        }
    }
    return found;
}

QVariant NoteDocument::loadResource(int type, const QUrl &name)
{
    Q_UNUSED(type)
    Q_UNUSED(name)
    return {};
}

} // namespace Gavel::Ui
