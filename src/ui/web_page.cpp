// web_page.cpp — the page's JSON (see web_page.h).
#include "ui/web_page.h"

#include <cstdio>

#include "core/export_html.h"
#include "core/load.h"

namespace ex {

static bool flag_on(const Args& a, const std::string& key) {
    if (!a.has(key)) return false;
    const std::string v = a.get(key);
    return v != "0" && v != "false" && v != "no";
}

AppConfig web_config(const Args& query, const std::string& page_lang, bool prefers_dark) {
    AppConfig config;  // no content path: the web has no file system; main() loads the bytes the page fetched
    config.lang = query.get("lang", page_lang.empty() ? "en" : page_lang);
    config.theme = query.get("theme", prefers_dark ? "dark" : "light");
    config.select = query.get("select");
    config.embed = flag_on(query, "embed");
    config.tab_leaves = true;  // a web page has more to reach than the map
    config.authoring = flag_on(query, "edit");
    return config;
}

nlohmann::json page_json(const AppContext& app, const std::string& shown_source) {
    using nlohmann::json;
    json out = json::object();
    if (!app.content) return out;
    const Content& c = *app.content;
    out["title"] = app_text(app, c.meta.title);
    out["lang"] = app.reading.lang;
    out["theme"] = app.reading.theme;
    out["embed"] = app.config.embed;
    json colours = json::array();
    for (const Category& cat : c.categories) colours.push_back(cat.colour);
    out["colours"] = colours;
    // The text view, unless the page already shows what it would be (the pre-rendered page, from the same file).
    const std::string source = app.content_is_file ? text_view_source(app.content_bytes, app.reading.lang) : "";
    if (source.empty() || source != shown_source) out["html"] = export_html(c, app.reading.lang, source);
    // The pre-rendered link to the other language's page shows only when the content has that language.
    out["has_lang"] = {{"en", export_language(c, "en") == "en"}, {"zh", export_language(c, "zh") == "zh"}};
    return out;
}

nlohmann::json error_lines(const AppContext& app) {
    nlohmann::json lines = nlohmann::json::array();
    for (const Problem& p : app.problems)
        if (p.severity == Severity::Error) lines.push_back(format_problem(p));
    return lines;
}

nlohmann::json load_reply(AppContext& app, const char* bytes, double size, const std::string& label) {
    const std::string name = label.empty() ? "content.json" : label;
    bool ok = false;
    if (!bytes || size > (double)limits::kFileBytes) {
        char buf[160];
        std::snprintf(buf, sizeof buf, "the file is %.1f MiB; the limit is %s (%zu bytes)", size / (1024.0 * 1024.0),
                      limits::file_size_text().c_str(), limits::kFileBytes);
        app.problems = {Problem{name, "", buf, Severity::Error}};
    } else {
        ok = app_load(app, std::string_view(bytes, (size_t)size), name);
    }
    return {{"ok", ok}, {"errors", error_lines(app)}};
}

std::string dump_for_js(const nlohmann::json& reply) {
    return reply.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace ex
