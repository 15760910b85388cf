// cli_tools.h — the author tools behind `explainer --validate FILE...`, `--export-markdown FILE`,
// `--export-html FILE`, `--export-canvas OUT FILE` and `--import-canvas IN`. The desktop program's; core knows
// nothing of them.
#pragma once
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/problem.h"

namespace ex {

class GlyphCoverage;

// Prints every problem of every file, then one summary line per file, e.g.
// "article.json: ok (42 nodes, 61 edges, 3 tours, 0 warnings)". Returns 0 when all load (warnings allowed), else 1.
// With `require_lang` (e.g. "zh"), every text field of a valid file that lacks that language is also reported as
// "FILE: /nodes/3/title: missing "zh" translation", and any such field makes the result 1.
// With `fonts` (the desktop build's own, core/font_files.h), a text with a character those fonts cannot draw is
// also warned about (missing_glyphs).
int cli_validate(const std::vector<std::string>& files, std::ostream& out, const std::string& require_lang = "",
                 const GlyphCoverage* fonts = nullptr);

// A warning for each text field of a content file (JSON) holding characters that `fonts` cannot draw, naming the
// first five, in document order; one warning at "" when the fonts themselves did not open. Unparsable input gives
// no problems (the loader reports those).
std::vector<Problem> missing_glyphs(std::string_view json_bytes, const GlyphCoverage& fonts,
                                    const std::string& file_label);

// The code points of a content file's texts that `fonts` cannot draw, each once, in the order of first use (none
// when the file does not parse or the fonts did not open).
std::vector<uint32_t> undrawn_code_points(std::string_view json_bytes, const GlyphCoverage& fonts);

// The text fields of a content file (JSON) that have no entry for `lang`, in document order, as errors at their
// JSON pointers. A language map needs the exact tag. A plain string is written in meta.language (default "en"), so
// it counts for that language; for any other it counts as language-neutral only when it contains no letters
// ("2025", "→"), otherwise it is missing. Unparsable input gives no problems (the loader
// reports those).
std::vector<Problem> missing_translations(std::string_view json_bytes, const std::string& lang,
                                          const std::string& file_label);

// Writes the file's content as Markdown to `out` (text in `lang`); problems go to `err`. Returns 0 or 1.
int cli_export_markdown(const std::string& file, const std::string& lang, std::ostream& out, std::ostream& err);

// Writes the file's content as an HTML fragment (core/export_html.h) to `out`; problems go to `err`. Returns 0 or 1.
int cli_export_html(const std::string& file, const std::string& lang, std::ostream& out, std::ostream& err);

// Writes the file's map as a JSON Canvas 1.0 file at `out_path` (core/json_canvas.h); problems go to `err`.
// Returns 0, or 1 on bad content or an I/O error.
int cli_export_canvas(const std::string& content_file, const std::string& out_path, const std::string& lang,
                      std::ostream& err);
// Prints a JSON Canvas file converted to content JSON on `out`; problems go to `err`. Returns 0 or 1.
int cli_import_canvas(const std::string& canvas_file, std::ostream& out, std::ostream& err);

}  // namespace ex
