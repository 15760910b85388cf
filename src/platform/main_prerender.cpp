// main_prerender.cpp — explainer-prerender: what build-wasm.sh writes into the web page before any script runs.
//   explainer-prerender LANG FILE.json  →  {"lang", "title", "description", "html"} as JSON on stdout
// LANG "-" is the content's own language (meta.language).
// `html` is the text view (core/export_html.h); `title` and `description` fill <title>, the meta description and
// the Open Graph tags. Core only (no window, no ImGui), so the web build needs no desktop build. Exit 1 on bad content.
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "core/export_html.h"
#include "core/file_io.h"
#include "core/json_guard.h"
#include "core/load.h"
#include "core/problem.h"

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: explainer-prerender LANG FILE.json\n";
        return 2;
    }
    const std::string file = argv[2];
    ex::LoadResult r = ex::load_content_file(file);
    // Again: each problem names its line and column (build-wasm.sh --content shows them), and the text view names
    // the bytes it came from (text_view_source), which the page hands the app as explainer.data.
    std::string bytes;
    const bool read = ex::read_file(file, bytes, ex::limits::kFileBytes) == ex::ReadStatus::Ok;
    if (read) ex::locate_problems(bytes, r.problems);
    for (const auto& p : r.problems) std::cerr << ex::format_problem(p) << "\n";
    if (!r.ok() || !read) return 1;
    const ex::Content& c = *r.content;
    const std::string lang = std::string(argv[1]) == "-" ? c.meta.language : argv[1];
    const std::string& fallback = c.meta.language;
    const ex::Text& about = c.meta.summary.empty() ? c.meta.subtitle : c.meta.summary;
    const nlohmann::json out = {
        {"lang", ex::export_language(c, lang)},
        {"title", c.meta.title.get(lang, fallback)},
        {"description", about.get(lang, fallback)},
        {"html", ex::export_html(c, lang, ex::text_view_source(bytes, lang))},
    };
    std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return std::cout.good() ? 0 : 1;
}
