// The UI's one channel to the platform (PlatformHooks, ui/app.h), through real frames: what the app asks of the
// platform and when, the web page's JSON (ui/web_page.h), and touch (ui/touch.h).
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "core/args.h"
#include "core/export_html.h"
#include "headless.h"
#include "ui/deep_link.h"
#include "ui/touch.h"
#include "ui/web_page.h"

using ex::test::Headless;
using nlohmann::json;

namespace {

// The shown card nearest the middle of the view: clear of the panels at the edges.
json middle_card(const Headless& h) {
    const json s = ex::app_state(h.app);
    const ImVec2 mid = ImGui::GetIO().DisplaySize;
    json best;
    float best_d = 1e30f;
    for (const json& n : s["nodes"]) {
        if (!n["visible"].get<bool>()) continue;
        const float x = n["rect"][0].get<float>() + n["rect"][2].get<float>() / 2 - mid.x / 2;
        const float y = n["rect"][1].get<float>() + n["rect"][3].get<float>() / 2 - mid.y / 2;
        if (x * x + y * y < best_d) {
            best_d = x * x + y * y;
            best = n;
        }
    }
    return best;
}
ImVec2 centre(const json& n) {
    return ImVec2(n["rect"][0].get<float>() + n["rect"][2].get<float>() / 2,
                  n["rect"][1].get<float>() + n["rect"][3].get<float>() / 2);
}

}  // namespace

TEST_CASE("the first frame of content is told once, after the fit settled") {
    Headless h(ex::test::default_config());
    h.frame(1);
    CHECK(h.platform.first_frames == 1);
    CHECK_FALSE(h.app.map.needs_fit);
    h.frame(5);
    REQUIRE(ex::app_select(h.app, "ai-chips"));
    h.frame(5);
    CHECK(h.platform.first_frames == 1);
}

TEST_CASE("Tab past the first or last card hands the focus to the platform, only where the map is not all") {
    {
        ex::AppConfig config = ex::test::default_config();
        config.tab_leaves = true;  // the web
        Headless h(config);
        h.frame(2);
        h.key(ImGuiKey_Tab);
        REQUIRE(h.app.map.focused == h.app.map.order[0]);
        CHECK(h.platform.focus_leaves.empty());
        h.key(ImGuiKey_Tab, ImGuiMod_Shift);  // back past the first card
        CHECK(h.platform.focus_leaves == std::vector<int>{-1});
        CHECK(h.app.map.focused == -1);
    }
    Headless desktop(ex::test::default_config());  // the map is the whole window: Tab wraps round it
    desktop.frame(2);
    desktop.key(ImGuiKey_Tab);
    desktop.key(ImGuiKey_Tab, ImGuiMod_Shift);
    CHECK(desktop.platform.focus_leaves.empty());
    CHECK(desktop.app.map.focused >= 0);
}

TEST_CASE("Ctrl+C copies the open card's text through the platform's clipboard") {
    Headless h(ex::test::default_config());
    h.frame(2);
    REQUIRE(ex::app_select(h.app, "ai-chips"));
    h.frame(2);
    h.key(ImGuiKey_C, ImGuiMod_Ctrl);
    CHECK(h.platform.clipboard == ex::app_node_text(h.app, h.app.reading.selected));
    CHECK(h.platform.clipboard.find(ex::app_text(h.app, h.app.content->nodes[h.app.reading.selected].title)) == 0);
}

TEST_CASE("a link goes through the platform; a refused one is told, cut at a character") {
    Headless h(ex::test::default_config());
    h.frame(2);
    CHECK(ex::app_open_url(h.app, "https://example.org/story"));
    CHECK(h.platform.opened == std::vector<std::string>{"https://example.org/story"});
    CHECK(h.platform.notices.empty());
    h.platform.open_links = false;
    std::string url = "file:///";
    for (int i = 0; i < 40; ++i) url += "\xE8\x8A\xAF";  // 芯: 3 bytes each, so a byte cut would split one
    CHECK_FALSE(ex::app_open_url(h.app, url));
    REQUIRE(h.platform.notices.size() == 1);
    const std::string& notice = h.platform.notices[0];
    CHECK(notice.find("file:///\xE8\x8A\xAF") != std::string::npos);
    CHECK(notice.find(url) == std::string::npos);  // cut
    CHECK(notice.find("...") != std::string::npos);
    CHECK(ex::app_state(h.app)["status"] == notice);  // and the status line says it too
    // ImGui's own links (TextLinkOpenURL) take the same path.
    h.platform.open_links = true;
    CHECK(ImGui::GetPlatformIO().Platform_OpenInShellFn(ImGui::GetCurrentContext(), "https://example.org/"));
    CHECK(h.platform.opened.back() == "https://example.org/");
}

TEST_CASE("a deep link to an unknown card keeps the overview and tells the reader, naming it") {
    Headless h(ex::test::default_config());
    h.frame(2);
    ex::apply_link(h.app, "#node=no-such-card");
    REQUIRE(h.platform.notices.size() == 1);
    CHECK(h.platform.notices[0].find("\"no-such-card\"") != std::string::npos);
    CHECK(h.app.reading.selected == -1);
    ex::apply_link(h.app, "#node=ai-chips");
    CHECK(h.platform.notices.size() == 1);
    CHECK(ex::app_state(h.app)["selected"] == "ai-chips");
}

TEST_CASE("the page's buttons get a slot only when the platform has some, and never embedded") {
    for (const bool embed : {false, true}) {
        ex::AppConfig config = ex::test::default_config();
        config.embed = embed;
        Headless h(config);
        h.frame(2);
        CHECK(h.app.page_toolbar_slot.w == 0);  // no page buttons measured
        h.platform.page_covers = ImVec2(150, 30);
        h.frame(2);
        CHECK(h.app.page_toolbar_slot.w == (embed ? 0.0f : 150.0f));
    }
}

TEST_CASE("Save downloads where the platform offers it, under the content's name, and says when it could not") {
    std::vector<std::pair<std::string, std::string>> saved;
    bool accept = true;
    ex::AppConfig config = ex::test::default_config();
    config.hooks.download = [&](const std::string& text, const std::string& name) {
        saved.emplace_back(name, text);
        return accept;
    };
    Headless h(config);
    h.frame(2);
    REQUIRE(ex::app_open_editor(h.app));
    REQUIRE(ex::app_save(h.app));
    REQUIRE(saved.size() == 1);
    CHECK(saved[0].first == "article.json");
    const json doc = json::parse(saved[0].second);
    CHECK(doc["nodes"].size() == h.app.content->nodes.size());
    accept = false;
    CHECK_FALSE(ex::app_save(h.app));
    CHECK(ex::app_state(h.app)["status"] == ex::tr(h.app, ex::Str::kEdDownloadFailed));
}

TEST_CASE("the web page's configuration comes from its query") {
    ex::AppConfig c = ex::web_config(ex::parse_query("?lang=zh&embed=1&edit=no&select=ai-chips"), "en", true);
    CHECK(c.lang == "zh");
    CHECK(c.theme == "dark");  // the reader's system preference
    CHECK(c.embed);
    CHECK_FALSE(c.authoring);  // "no" turns a flag off
    CHECK(c.select == "ai-chips");
    CHECK(c.content_path.empty());  // no file system: main() loads the bytes the page fetched
    CHECK(c.tab_leaves);
    c = ex::web_config(ex::parse_query("?theme=light&edit&content=mine.json"), "zh", true);
    CHECK(c.lang == "zh");  // the page's own language
    CHECK(c.theme == "light");
    CHECK(c.authoring);
    CHECK(c.content_path.empty());  // ?content= is loaded after start, never the bundled article in its place
    CHECK_FALSE(c.embed);
}

TEST_CASE("the page's JSON: the text view in the reading language, and load replies that name every problem") {
    Headless h(ex::test::default_config());
    h.frame(1);
    json page = ex::page_json(h.app);
    CHECK(page["title"] == ex::app_text(h.app, h.app.content->meta.title));
    CHECK(page["colours"].size() == h.app.content->categories.size());
    CHECK(page["has_lang"]["zh"] == true);
    CHECK(page["html"].get<std::string>().find("<") != std::string::npos);
    ex::app_set_lang(h.app, "zh");
    CHECK(ex::page_json(h.app)["lang"] == "zh");
    CHECK(ex::page_json(h.app)["html"] != page["html"]);

    const std::string title = h.app.content->meta.title.get("en");
    json reply = ex::load_reply(h.app, "{\"meta\": 3}", 11, "mine.json");
    CHECK(reply["ok"] == false);
    REQUIRE_FALSE(reply["errors"].empty());
    CHECK(reply["errors"][0].get<std::string>().rfind("mine.json: /", 0) == 0);
    CHECK(h.app.content->meta.title.get("en") == title);  // what was shown stays
    reply = ex::load_reply(h.app, nullptr, 9.5 * 1024 * 1024, "big.json");
    CHECK(reply["ok"] == false);
    REQUIRE(reply["errors"].size() == 1);
    CHECK(reply["errors"][0].get<std::string>().find("9.5 MiB") != std::string::npos);
    CHECK(reply["errors"][0].get<std::string>().rfind("big.json", 0) == 0);
    CHECK(ex::dump_for_js(json("\xE8\x8A")) == "\"\xEF\xBF\xBD\"");  // half a character: replaced, no throw
}

TEST_CASE("the page's JSON leaves the text view out while the page shows it already (the pre-rendered page)") {
    Headless h(ex::test::default_config());
    h.frame(1);
    REQUIRE_FALSE(h.app.content_bytes.empty());
    const std::string shown = ex::text_view_source(h.app.content_bytes, "en");  // what the build writes in the page
    const json built = ex::page_json(h.app);
    REQUIRE(built.contains("html"));
    CHECK(built["html"].get<std::string>().find("data-source=\"" + shown + "\"") != std::string::npos);
    json page = ex::page_json(h.app, shown);
    CHECK_FALSE(page.contains("html"));
    CHECK(page["title"] == built["title"]);  // the rest is there
    CHECK(page["lang"] == "en");
    CHECK(ex::page_json(h.app, shown + "x").contains("html"));                       // another file
    CHECK(ex::page_json(h.app, ex::text_view_source("{}", "en")).contains("html"));  // other bytes
    ex::app_set_lang(h.app, "zh");
    CHECK(ex::page_json(h.app, shown).contains("html"));  // another language
    CHECK_FALSE(ex::page_json(h.app, ex::text_view_source(h.app.content_bytes, "zh")).contains("html"));
    ex::app_set_lang(h.app, "en");
    // An adopted edit: the content is no longer what its file loads to, so the text is built, without a source.
    ex::app_update_content(h.app, h.app.content, "article.json");
    page = ex::page_json(h.app, shown);
    REQUIRE(page.contains("html"));
    CHECK(page["html"].get<std::string>().find("data-source") == std::string::npos);
    // Loading bytes makes the content its file's again.
    REQUIRE(ex::app_load(h.app, std::string(h.app.content_bytes), "article.json"));
    CHECK_FALSE(ex::page_json(h.app, shown).contains("html"));
}

TEST_CASE("a second finger pinches, and its release is no tap; one finger taps like the mouse") {
    Headless h(ex::test::default_config());
    h.frame(2);
    ex::TouchInput touch;
    // A pinch that starts on a card: were its first finger's release a tap, the card would open.
    json card = middle_card(h);
    REQUIRE_FALSE(card.is_null());
    const float zoom = h.app.map.view.cam.zoom;
    const ImVec2 a = centre(card), b(a.x + 40, a.y);
    touch.touch(h.app, 0, 1, a, ImVec2());
    h.frame();
    CHECK(touch.touch(h.app, 0, 2, a, b));
    h.frame();
    CHECK(touch.touch(h.app, 1, 2, ImVec2(a.x - 10, a.y), ImVec2(b.x + 10, b.y)));  // 1.5 times apart
    h.frame();
    CHECK(h.app.map.view.cam.zoom == doctest::Approx(zoom * 1.5f).epsilon(0.01));
    touch.touch(h.app, 2, 1, ImVec2(a.x - 10, a.y), ImVec2());
    h.frame();
    touch.touch(h.app, 2, 0, ImVec2(a.x - 10, a.y), ImVec2());
    h.frame(3);
    CHECK(ex::app_state(h.app)["selected"].is_null());

    card = middle_card(h);
    REQUIRE_FALSE(card.is_null());
    const ImVec2 at = centre(card);
    touch.touch(h.app, 0, 1, at, ImVec2());
    h.frame();
    CHECK_FALSE(touch.touch(h.app, 2, 0, at, ImVec2()));
    h.frame(3);
    CHECK(ex::app_state(h.app)["selected"] == card["id"]);
}
