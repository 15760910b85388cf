// export_markdown.h — the whole content as one readable Markdown document (for print, diffing, review).
#pragma once
#include <string>

#include "core/content.h"

namespace ex {

// Title, source, each category with its nodes (summary, body, tags, cited passages as block quotes), every edge
// as a sentence, then the tours as numbered lists. Text in `lang`, falling back to the content's language; the
// headings and connecting words come from the UI string table (core/strings.h) in the same language.
std::string export_markdown(const Content& content, const std::string& lang);

}  // namespace ex
