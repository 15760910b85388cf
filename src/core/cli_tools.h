// cli_tools.h — the author tools behind `explainer --validate FILE...` and `explainer --export-markdown FILE`.
#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace ex {

// Prints every problem of every file, then one summary line per file, e.g.
// "article.json: ok (42 nodes, 61 edges, 3 tours, 0 warnings)". Returns 0 when all load (warnings allowed), else 1.
int cli_validate(const std::vector<std::string>& files, std::ostream& out);

// Writes the file's content as Markdown to `out` (text in `lang`); problems go to `err`. Returns 0 or 1.
int cli_export_markdown(const std::string& file, const std::string& lang, std::ostream& out, std::ostream& err);

}  // namespace ex
