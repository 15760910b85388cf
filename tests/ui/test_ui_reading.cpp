// Reading after the first view (issue 18), through real frames and input: the detail panel's header and trail, a
// followed link opening at the top, the search list under the keyboard, the shortcuts dialog, Fit with a filter,
// the tour when the reader leaves it, and the reading toolbar.
#include <doctest/doctest.h>
#include <imgui_internal.h>  // the context's windows: is a tooltip up

#include <algorithm>
#include <string>
#include <vector>

#include "headless.h"
#include "ui/editor_state.h"  // these tests drive the editor and read its state

using ex::test::Headless;
using nlohmann::json;

namespace {

// A control or panel the app reported last frame, as {x, y, w, h}; empty when it was not drawn.
json ui(const Headless& h, const std::string& name) {
    const json s = ex::app_state(h.app);
    return s["ui"].contains(name) ? s["ui"][name] : json();
}
float left(const json& r) { return r[0].get<float>(); }
float top(const json& r) { return r[1].get<float>(); }
float right(const json& r) { return r[0].get<float>() + r[2].get<float>(); }
float bottom(const json& r) { return r[1].get<float>() + r[3].get<float>(); }
ImVec2 centre(const json& r) { return ImVec2(left(r) + r[2].get<float>() / 2, top(r) + r[3].get<float>() / 2); }
bool inside(const json& in, const json& out) {
    return left(in) >= left(out) - 0.5f && top(in) >= top(out) - 0.5f && right(in) <= right(out) + 0.5f &&
           bottom(in) <= bottom(out) + 0.5f;
}

// The ids of the selected card's connections, as the detail panel lists them.
std::vector<std::string> links(const Headless& h) {
    std::vector<std::string> out;
    const json s = ex::app_state(h.app);
    for (const auto& [name, rect] : s["ui"].items())
        if (name.rfind("detail.link:", 0) == 0) out.push_back(name.substr(12));
    return out;
}

// Follows `count` links from `start`, each to a card not yet visited, by calling what a click on a link calls.
void follow_links(Headless& h, const std::string& start, int count) {
    ex::app_select(h.app, start);
    h.frame(3);
    std::vector<std::string> seen{start};
    for (int i = 0; i < count; ++i) {
        std::string next;
        for (const std::string& id : links(h))
            if (std::find(seen.begin(), seen.end(), id) == seen.end()) {
                next = id;
                break;
            }
        REQUIRE_FALSE(next.empty());
        ex::app_select(h.app, next);
        seen.push_back(next);
        h.frame(3);
    }
}

// The node with the longest title in the reading language, so the trail is as long as it gets.
std::string longest_title(const Headless& h) {
    size_t best = 0;
    std::string id;
    for (const ex::Node& n : h.app.content->nodes)
        if (ex::app_text(h.app, n.title).size() > best) {
            best = ex::app_text(h.app, n.title).size();
            id = n.id;
        }
    return id;
}

}  // namespace

TEST_CASE("the trail fits between the arrows and x at every size, shows the current card, and x closes") {
    for (const char* lang : {"en", "zh"}) {
        for (ImVec2 size :
             {ImVec2(1280, 800), ImVec2(1600, 900), ImVec2(800, 1000), ImVec2(390, 844), ImVec2(320, 640)}) {
            CAPTURE(lang);
            CAPTURE(size.x);
            ex::AppConfig config = ex::test::default_config();
            config.lang = lang;
            Headless h(config, size);
            h.frame(2);
            follow_links(h, longest_title(h), 5);
            const json detail = ui(h, "detail"), trail = ui(h, "detail.trail"), close = ui(h, "detail.close");
            const json current = ui(h, "detail.trail.current"), back = ui(h, "detail.back");
            REQUIRE_FALSE(detail.is_null());
            REQUIRE_FALSE(trail.is_null());
            REQUIRE_FALSE(current.is_null());  // the card being read ends the trail
            CHECK(right(trail) <= left(close) - 1.0f);
            CHECK(right(current) <= left(close) - 1.0f);
            CHECK(left(trail) >= right(back));
            CHECK(inside(close, detail));
            CHECK(inside(ex::app_state(h.app)["ui"]["detail.forward"], detail));
            CHECK(right(detail) <= size.x + 0.5f);
            // The click lands on x, and x closes.
            h.click(centre(close));
            CHECK(ex::app_state(h.app)["selected"].is_null());
        }
    }
}

TEST_CASE("a followed link opens at the top; the header does not scroll away") {
    Headless h(ex::test::default_config(), ImVec2(390, 844));
    h.frame(2);
    REQUIRE(ex::app_select(h.app, "ai-chips"));
    h.frame(3);
    const json body = ui(h, "detail.body"), title0 = ui(h, "detail.title"), close0 = ui(h, "detail.close");
    REQUIRE_FALSE(body.is_null());
    h.wheel(centre(body), -8.0f);  // scroll the card's text down
    h.frame(2);
    CHECK(top(ui(h, "detail.title")) < top(title0) - 50);               // it scrolled...
    CHECK(top(ui(h, "detail.close")) == doctest::Approx(top(close0)));  // ...under a header that stayed
    // Follow a link that scrolled into view.
    std::string target;
    for (const std::string& id : links(h)) {
        const json r = ui(h, "detail.link:" + id);
        if (top(r) >= top(body) && bottom(r) <= bottom(body)) {
            target = id;
            break;
        }
    }
    REQUIRE_FALSE(target.empty());
    h.click(centre(ui(h, "detail.link:" + target)));
    CHECK(ex::app_state(h.app)["selected"] == target);
    h.frame(2);
    const json title = ui(h, "detail.title");
    CHECK(top(title) >= top(ui(h, "detail.body")) - 0.5f);
    CHECK(top(title) <= top(ui(h, "detail.body")) + 40);  // at the top, below the category line
    // ◀ is where it was and goes back.
    h.click(centre(ui(h, "detail.back")));
    CHECK(ex::app_state(h.app)["selected"] == "ai-chips");
}

TEST_CASE("ArrowDown/Up move through the search results, Enter opens the marked one and folds the list") {
    Headless h(ex::test::default_config());
    h.frame(2);
    h.key(ImGuiKey_Slash);
    h.frame();
    h.type("talent");
    const json results = ex::app_state(h.app)["search"]["results"];
    REQUIRE(results.size() >= 3);
    const float bar_h = ui(h, "topbar")[3].get<float>();
    h.key(ImGuiKey_DownArrow);
    h.key(ImGuiKey_DownArrow);
    h.key(ImGuiKey_UpArrow);
    h.key(ImGuiKey_DownArrow);
    CHECK(ex::app_state(h.app)["tour"].is_null());
    h.key(ImGuiKey_Enter);
    const json s = ex::app_state(h.app);
    CHECK(s["selected"] == results[2]);
    CHECK(s["tour"].is_null());               // the keys never reached the Tour button
    CHECK(s["search"]["query"] == "talent");  // the results stay marked on the map
    h.frame(2);
    const float folded_h = ui(h, "topbar")[3].get<float>();
    CHECK(folded_h < bar_h - 40);  // the list folded away from the card
    h.click(centre(ui(h, "search")));
    h.key(ImGuiKey_Backspace);  // typing again unfolds it
    h.frame(2);
    CHECK(ex::app_state(h.app)["search"]["query"] == "talen");
    CHECK(ui(h, "topbar")[3].get<float>() > folded_h + 40);
}

TEST_CASE("Esc and '?' close the shortcuts dialog") {
    Headless h(ex::test::default_config());
    h.frame(2);
    h.key(ImGuiKey_Slash, ImGuiMod_Shift);
    h.frame();
    CHECK(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId));
    h.key(ImGuiKey_Escape);
    h.frame();
    CHECK_FALSE(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId));
    CHECK_FALSE(h.app.reading.show_help);
    h.key(ImGuiKey_Slash, ImGuiMod_Shift);
    h.frame();
    CHECK(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId));
    h.key(ImGuiKey_Slash, ImGuiMod_Shift);
    h.frame();
    CHECK_FALSE(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId));
    // Closing left the keyboard to the map: Tab moves its cursor.
    h.key(ImGuiKey_Tab);
    CHECK_FALSE(ex::app_state(h.app)["focused"].is_null());
}

TEST_CASE("Fit frames what the legend shows") {
    Headless h(ex::test::default_config());
    h.frame(2);
    h.key(ImGuiKey_F);
    h.frame(40);
    const float whole = h.app.map.view.cam.zoom;
    const ex::Content& c = *h.app.content;
    for (size_t i = 1; i < c.categories.size(); ++i) ex::app_toggle_category(h.app, (int)i);  // only the first
    h.key(ImGuiKey_F);
    h.frame(40);
    CHECK(h.app.map.view.cam.zoom > whole * 1.1f);
    const nlohmann::json s = ex::app_state(h.app);  // held: a range-for over a temporary's member would dangle
    for (const auto& n : s["nodes"])
        if (n["category"] == c.categories[0].id && n["shown"] == true) CHECK(n["visible"] == true);
}

TEST_CASE("the folded phone legend says when categories are hidden") {
    Headless h(ex::test::default_config(), ImVec2(390, 844));
    h.frame(2);
    const float w = ui(h, "legend.toggle")[2].get<float>();
    ex::app_toggle_category(h.app, 0);
    h.frame(2);
    CHECK(ui(h, "legend.toggle")[2].get<float>() > w + 20);  // "Legend (1 hidden)"
    // The button opens the list below the title bar, and closes it again.
    CHECK_FALSE(ex::app_state(h.app)["ui"].contains("legend"));
    h.click(centre(ui(h, "legend.toggle")));
    h.frame(2);
    REQUIRE(ex::app_state(h.app)["ui"].contains("legend"));
    CHECK(top(ui(h, "legend")) >= bottom(ui(h, "topbar")));
    h.click(centre(ui(h, "legend.toggle")));
    h.frame(2);
    CHECK_FALSE(ex::app_state(h.app)["ui"].contains("legend"));
}

TEST_CASE("a tour follows the reader to its own steps and says when the reader left it") {
    Headless h(ex::test::default_config());
    h.frame(2);
    REQUIRE(ex::app_start_tour(h.app, "overview"));
    h.frame(3);
    const ex::Tour& tour = h.app.content->tours[0];
    // Opening another step's card moves the tour there.
    ex::app_select(h.app, tour.steps[3].node);
    h.frame(2);
    json s = ex::app_state(h.app);
    CHECK(s["tour"]["step"] == 4);
    CHECK(s["tour"]["on_step"] == true);
    // A card that is no step: the tour waits on its step and offers the way back.
    std::string other;
    for (const ex::Node& n : h.app.content->nodes) {
        bool in_tour = false;
        for (const ex::TourStep& st : tour.steps) in_tour |= st.node == n.id;
        if (!in_tour) {
            other = n.id;
            break;
        }
    }
    REQUIRE_FALSE(other.empty());
    ex::app_select(h.app, other);
    h.frame(2);
    s = ex::app_state(h.app);
    CHECK(s["tour"]["step"] == 4);
    CHECK(s["tour"]["on_step"] == false);
    REQUIRE_FALSE(ui(h, "tour.back").is_null());
    h.click(centre(ui(h, "tour.back")));
    s = ex::app_state(h.app);
    CHECK(s["selected"] == tour.steps[3].node);
    CHECK(s["tour"]["on_step"] == true);
}

TEST_CASE("readers get a reading toolbar: Edit for authors only, no Keys on a phone") {
    ex::AppConfig reader = ex::test::default_config();
    reader.authoring = false;
    {
        Headless h(reader);
        h.frame(2);
        CHECK(ui(h, "topbar.edit").is_null());
        CHECK_FALSE(ui(h, "topbar.keys").is_null());
        CHECK(ex::app_state(h.app)["authoring"] == false);
    }
    {
        Headless h(reader, ImVec2(390, 844));
        h.frame(2);
        CHECK(ui(h, "topbar.keys").is_null());
    }
    Headless author(ex::test::default_config());
    author.frame(2);
    REQUIRE_FALSE(ui(author, "topbar.edit").is_null());
    author.click(centre(ui(author, "topbar.edit")));
    CHECK(author.app.editor->edit_mode);
}

TEST_CASE("the language switch shows only when the content has the other language") {
    ex::AppConfig config = ex::test::default_config();
    {
        Headless h(config);  // the bundled article: English and Chinese
        h.frame(2);
        REQUIRE_FALSE(ui(h, "topbar.lang").is_null());
        h.click(centre(ui(h, "topbar.lang")));
        CHECK(h.app.reading.lang == "zh");
        CHECK_FALSE(ui(h, "topbar.lang").is_null());  // and back again
    }
    config.content_path = std::string(EXPLAINER_SOURCE_DIR) + "/tests/fixtures/good/minimal.json";  // English only
    {
        Headless h(config);
        h.frame(2);
        REQUIRE(h.app.content);
        CHECK(ui(h, "topbar.lang").is_null());
        CHECK_FALSE(ui(h, "topbar.theme").is_null());
    }
    config.lang = "zh";  // ?lang=zh on English-only content: the switch leads back to the content's language
    {
        Headless h(config);
        h.frame(2);
        REQUIRE_FALSE(ui(h, "topbar.lang").is_null());
        h.click(centre(ui(h, "topbar.lang")));
        CHECK(h.app.reading.lang == "en");
        CHECK(ui(h, "topbar.lang").is_null());
    }
}

TEST_CASE("the page's buttons get a slot in the top bar, clear of every other control") {
    for (ImVec2 size : {ImVec2(1280, 800), ImVec2(390, 844)}) {
        CAPTURE(size.x);
        Headless h(ex::test::default_config(), size);
        h.platform.page_covers = ImVec2(180, 28);
        h.frame(2);
        const json slot = ui(h, "page_toolbar"), bar = ui(h, "topbar");
        REQUIRE_FALSE(slot.is_null());
        CHECK(inside(slot, bar));
        CHECK(slot[2] == 180);
        for (const char* other :
             {"search", "topbar.tour", "topbar.fit", "topbar.theme", "topbar.lang", "topbar.edit"}) {
            const json r = ui(h, other);
            if (r.is_null()) continue;
            CAPTURE(other);
            CHECK(
                (right(r) <= left(slot) || left(r) >= right(slot) || bottom(r) <= top(slot) || top(r) >= bottom(slot)));
        }
    }
}

TEST_CASE("touch shows no hover tooltips") {
    Headless h(ex::test::default_config());
    h.frame(2);
    REQUIRE(ex::app_select(h.app, "ai-chips"));
    h.frame(3);
    const ImVec2 close = centre(ui(h, "detail.close"));
    auto tooltip_shown = [&] {
        for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
            if ((w->Flags & ImGuiWindowFlags_Tooltip) && w->Active) return true;
        return false;
    };
    ImGui::GetIO().AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    h.move(close);
    h.frame(60);
    CHECK(tooltip_shown());
    ImGui::GetIO().AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    h.move(ImVec2(close.x + 1, close.y));
    h.frame(60);
    CHECK_FALSE(tooltip_shown());
}

// Moves the running tour to the step on `node` and lets the camera arrive.
static void go_to_step(Headless& h, const std::string& node) {
    const auto& steps = h.app.content->tours[h.app.reading.tour.tour].steps;
    int at = 0;
    while (at < (int)steps.size() && steps[at].node != node) ++at;
    REQUIRE(at < (int)steps.size());
    ex::app_tour_step(h.app, at - h.app.reading.tour.step);
    h.frame(60);
}

TEST_CASE("a tour step frames the cards its caption names, clear of the detail panel") {
    for (const bool deep_link : {false, true})
        for (const char* lang : {"en", "zh"}) {
            CAPTURE(lang);
            CAPTURE(deep_link);
            ex::AppConfig config = ex::test::default_config();
            config.lang = lang;
            Headless h(config, ImVec2(1280, 800));
            if (!deep_link) h.frame(2);  // else the step is chosen before the map has a size, as #tour=overview&step=8
            REQUIRE(ex::app_start_tour(h.app, "overview"));
            if (!deep_link) h.frame(3);
            // The step on the challenges: "... from talent to chip access to technical barriers."
            go_to_step(h, "numerous-challenges");
            const json s = ex::app_state(h.app);
            REQUIRE(s["selected"] == "numerous-challenges");
            const json detail = s["ui"]["detail"];
            for (const char* id :
                 {"numerous-challenges", "talent-challenge", "chip-access-challenge", "technical-barriers"}) {
                CAPTURE(id);
                json rect;
                for (const auto& n : s["nodes"])
                    if (n["id"] == id) rect = n["rect"];
                REQUIRE_FALSE(rect.is_null());
                CHECK(left(rect) >= 0);
                CHECK(top(rect) >= 0);
                CHECK(bottom(rect) <= 800);
                CHECK(right(rect) <= left(detail));
                CHECK(rect[2].get<float>() >= 120.0f);  // titles readable
            }
        }
}

TEST_CASE(
    "on a phone a tour step frames the nearest cards its caption names that fit readable, the step's own always") {
    for (const char* lang : {"en", "zh"}) {
        CAPTURE(lang);
        ex::AppConfig config = ex::test::default_config();
        config.lang = lang;
        Headless h(config, ImVec2(390, 844));
        h.frame(2);
        REQUIRE(ex::app_start_tour(h.app, "overview"));
        h.frame(3);
        go_to_step(h, "numerous-challenges");
        const json s = ex::app_state(h.app);
        REQUIRE(s["selected"] == "numerous-challenges");
        const json detail = s["ui"]["detail"];
        auto on_screen = [&](const char* id) {
            json rect;
            for (const auto& n : s["nodes"])
                if (n["id"] == id) rect = n["rect"];
            REQUIRE_FALSE(rect.is_null());
            return left(rect) >= 0 && right(rect) <= 390 && top(rect) >= 0 && bottom(rect) <= top(detail) &&
                   rect[2].get<float>() >= 120.0f;
        };
        CHECK(on_screen("numerous-challenges"));
        int named = 0;
        for (const char* id : {"talent-challenge", "chip-access-challenge", "technical-barriers"})
            named += on_screen(id);
        CHECK(named >= 1);  // not the step's card alone
    }
}

TEST_CASE("a finger dragged on the phone sheet scrolls it, from the text, a link or the header, and pans nothing") {
    Headless h(ex::test::default_config(), ImVec2(390, 844));
    h.frame(2);
    REQUIRE(ex::app_select(h.app, "ai-chips"));
    h.frame(40);
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    const json body = ui(h, "detail.body");
    const ex::Camera cam = h.app.map.view.cam;
    const float title0 = top(ui(h, "detail.title"));
    const ImVec2 from = centre(body);
    h.drag(from, ImVec2(from.x, from.y - 150), 10);
    CHECK(top(ui(h, "detail.title")) < title0 - 100);
    CHECK(h.app.map.view.cam.center.x == cam.center.x);
    CHECK(h.app.map.view.cam.center.y == cam.center.y);
    CHECK(ex::app_state(h.app)["selected"] == "ai-chips");
}

TEST_CASE("panels are opaque and the Tour menu opens below its button, not over it") {
    for (const char* theme : {"light", "dark"}) {
        CAPTURE(theme);
        ex::AppConfig config = ex::test::default_config();
        config.theme = theme;
        Headless h(config);
        h.frame(2);
        CHECK(ImGui::GetStyle().Colors[ImGuiCol_WindowBg].w == 1.0f);
        const json button = ui(h, "topbar.tour");
        h.click(centre(button));
        h.frame(2);
        const json item = ui(h, "tours:" + h.app.content->tours[0].id);
        REQUIRE_FALSE(item.is_null());
        CHECK(top(item) >= bottom(button));
        h.click(centre(item));
        CHECK(ex::app_state(h.app)["tour"]["id"] == h.app.content->tours[0].id);
    }
}

TEST_CASE("Tab follows the story: the first tour's cards in order, then the rest, each once") {
    Headless h(ex::test::default_config());
    h.frame(2);
    const ex::Content& c = *h.app.content;
    // The cards on the map (folded parts are read as their whole), and the tour's steps among them, in order.
    std::vector<std::string> on_map, story;
    for (size_t i = 0; i < c.nodes.size(); ++i)
        if (h.app.map.layout.shown_as[i] == (int)i) on_map.push_back(c.nodes[i].id);
    for (const auto& step : c.tours[0].steps)
        if (std::find(on_map.begin(), on_map.end(), step.node) != on_map.end() &&
            std::find(story.begin(), story.end(), step.node) == story.end())
            story.push_back(step.node);
    std::vector<std::string> seen;
    for (size_t i = 0; i < on_map.size(); ++i) {
        h.key(ImGuiKey_Tab);
        seen.push_back(ex::app_state(h.app)["focused"].get<std::string>());
    }
    for (size_t k = 0; k < story.size(); ++k) CHECK(seen[k] == story[k]);
    std::sort(seen.begin(), seen.end());
    CHECK(std::unique(seen.begin(), seen.end()) == seen.end());
}
TEST_CASE("on a phone every tour step shows its card above the sheet with a readable title, in both languages") {
    for (const char* lang : {"en", "zh"}) {
        CAPTURE(lang);
        ex::AppConfig config = ex::test::default_config();
        config.lang = lang;
        Headless h(config, ImVec2(390, 844));
        h.frame(2);
        for (const ex::Tour& tour : h.app.content->tours) {
            REQUIRE(ex::app_start_tour(h.app, tour.id));
            for (size_t step = 0; step < tour.steps.size(); ++step) {
                CAPTURE(tour.id);
                CAPTURE(step);
                ex::app_tour_step(h.app, (int)step - h.app.reading.tour.step);
                h.frame(60);
                const json s = ex::app_state(h.app);
                json node;
                for (const auto& n : s["nodes"])
                    if (n["id"] == s["selected"]) node = n;
                REQUIRE_FALSE(node.is_null());
                const json rect = node["rect"];
                CHECK(left(rect) >= 0);
                CHECK(right(rect) <= 390);
                CHECK(top(rect) >= 0);
                CHECK(bottom(rect) <= top(s["ui"]["detail"]));
                CHECK(node["title_px"].get<float>() >= 12.0f);  // a zoom of 0.6 drew 10 px titles here
                CHECK_FALSE(node["title_cut"].get<bool>());
            }
        }
    }
}
