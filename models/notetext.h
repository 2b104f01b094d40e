#pragma once

#include <QString>

namespace Gavel::Models {

/// What a note says without its Markdown: emphasis markers, list bullets, headings and link
/// syntax removed (a link keeps its text), line breaks kept. For excerpts, search snippets
/// and the timeline, where the markup would only be noise.
QString notePlainText(const QString &markdown);

/// The note's first words on one line, cut at a word boundary with "…" after at most
/// `maxChars` characters ("Rang about the Turner watercolour…").
QString noteExcerpt(const QString &markdown, int maxChars);

} // namespace Gavel::Models
