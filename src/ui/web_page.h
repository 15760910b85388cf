// web_page.h — what the web page is told, as JSON: what it shows around the map, and the replies of its bridge
// (main_web.cpp). Web only in use; plain C++ over AppContext, so native tests cover it.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "core/args.h"
#include "ui/app.h"

namespace ex {

// The web app's configuration from the page's query: ?lang= (default: the page's own language), ?theme= (default:
// the reader's system preference), ?select=, ?embed=1, ?edit=1 (authors get Edit; readers a reading toolbar), and
// ?content=, which replaces `bundled` (it is fetched and loaded after start; when it cannot be shown the page says
// why, rather than showing an article the reader did not ask for). "0", "false" and "no" turn a flag off.
AppConfig web_config(const Args& query, const std::string& page_lang, bool prefers_dark);

// {title, lang, theme, embed, colours, html, has_lang}: the text view (core/export_html.h) in the reading language,
// which is also the screen readers' path, the title, the theme, embed mode, the category colours for the favicon,
// and which of the page's two languages the content has. {} before any content.
// `shown_source` is the data-source of the text view the page shows (export_html.h): when it is what the app's would
// be, `html` is left out, as building it would give the same text.
nlohmann::json page_json(const AppContext& app, const std::string& shown_source = "");

// The errors of the last load attempt, one "FILE: /pointer: message" line each (warnings are not listed).
nlohmann::json error_lines(const AppContext& app);

// Loads a file the page read (dropped or picked). `bytes` is null when the file is over the size cap (the page does
// not copy it); that is refused, naming the size. A failed load keeps what was shown. {"ok": bool, "errors": [...]}.
nlohmann::json load_reply(AppContext& app, const char* bytes, double size, const std::string& label);

// A JSON reply for JavaScript: never throws (invalid UTF-8 cannot get here, the loader rejects it, but a dump
// across the bridge must not abort).
std::string dump_for_js(const nlohmann::json& reply);

}  // namespace ex
