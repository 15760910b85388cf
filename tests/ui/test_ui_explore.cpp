// Headless explorer tests: real frames, real input events, asserting selection, history, search, filter, tour, camera.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include "core/navigation.h"
#include "headless.h"

using ex::test::Headless;
using nlohmann::json;

namespace {

ImVec2 centre_of(const json& node) {
    const auto& r = node["rect"];
    return ImVec2(r[0].get<float>() + r[2].get<float>() / 2, r[1].get<float>() + r[3].get<float>() / 2);
}

// A visible node whose centre is not under a panel, nearest the middle of the screen.
json middle_node(const json& s, const std::string& exclude = "") {
    json best;
    float best_d = 1e9f;
    for (const auto& n : s["nodes"]) {
        if (!n["visible"].get<bool>() || n["id"] == exclude) continue;
        const ImVec2 c = centre_of(n);
        const bool clear = c.x < 840 && !(c.x < 450 && c.y < 240) && !(c.x < 230 && c.y > 600);
        const float d = std::hypot(c.x - 640, c.y - 400);
        if (clear && d < best_d) {
            best_d = d;
            best = n;
        }
    }
    return best;
}

json find_node(const json& s, const std::string& id) {
    for (const auto& n : s["nodes"])
        if (n["id"] == id) return n;
    return json();
}

}  // namespace

TEST_CASE("the map fits the window on start") {
    Headless h(ex::test::default_config());
    h.frame(2);
    json s = ex::app_state(h.app);
    int on_screen = 0, shown = 0;
    for (const auto& n : s["nodes"]) {
        on_screen += n["visible"].get<bool>();
        shown += n["shown"].get<bool>();
    }
    CHECK(shown < (int)s["nodes"].size());  // parts start folded into their wholes
    CHECK(on_screen == shown);
}

// The reader's first screen (issue "Reading"): at a laptop's and a phone's size, in English and Chinese, every card
// on screen shows its whole title at 12 px or more and sits under no panel; a laptop shows every lane and the four
// priorities; a phone reads top to bottom from the first lane, and its legend starts folded.
TEST_CASE("first screen: every card on it is readable and clear of the panels, in both languages") {
    for (const char* lang : {"en", "zh"})
        for (ImVec2 size :
             {ImVec2(1280, 800), ImVec2(1600, 900), ImVec2(800, 1000), ImVec2(390, 844), ImVec2(390, 700)}) {
            CAPTURE(lang);
            CAPTURE(size.x);
            CAPTURE(size.y);
            ex::AppConfig cfg = ex::test::default_config();
            cfg.lang = lang;
            Headless h(cfg, size);
            h.frame(3);
            REQUIRE(h.app.map.covers.size() >= 1);  // the title bar (then the legend on a wide screen)
            const json s = ex::app_state(h.app);
            int fully = 0;
            std::vector<std::string> lanes, priorities;
            for (const auto& n : s["nodes"]) {
                if (!n["shown"].get<bool>()) continue;
                const ex::Rect r{n["rect"][0].get<float>() - h.app.map.canvas_origin.x,
                                 n["rect"][1].get<float>() - h.app.map.canvas_origin.y, n["rect"][2], n["rect"][3]};
                CAPTURE(n["id"]);
                if (!r.intersects(ex::Rect{0, 0, size.x, size.y})) continue;
                // Partly on screen is fine at the edge the reader scrolls to; what shows is readable.
                CHECK(n["title_px"].get<float>() >= 12.0f);
                CHECK_FALSE(n["title_cut"].get<bool>());
                for (const ex::Rect& p : h.app.map.covers) CHECK_FALSE(r.intersects(p));
                if (!ex::Rect{0, 0, size.x, size.y}.contains(r)) continue;
                ++fully;
                const std::string lane = n["lane"].is_null() ? "" : n["lane"].get<std::string>();
                if (!lane.empty() && std::find(lanes.begin(), lanes.end(), lane) == lanes.end()) lanes.push_back(lane);
                if (n["category"] == "priorities") priorities.push_back(n["id"]);
            }
            if (size.y > size.x) {  // upright: read top to bottom, the legend folded into the title bar's button
                CHECK(s["ui"].contains("legend.toggle"));
                CHECK_FALSE(s["ui"].contains("legend"));
                CHECK(s["layout"] == "lanes-portrait");
                CHECK(fully >= 4);
                CHECK(std::find(lanes.begin(), lanes.end(), "drivers") != lanes.end());  // the story's start
            } else {
                REQUIRE(s["ui"].contains("legend"));
                CHECK(s["ui"]["legend"][3].get<float>() > 5 * ImGui::GetFrameHeight());  // a row per category
                CHECK(s["layout"] == "lanes");
                CHECK(lanes.size() == 5);  // every lane (the notes sit inside them)
                CHECK(priorities.size() == 4);
            }
        }
}

TEST_CASE("click selects, history goes back and forward") {
    Headless h(ex::test::default_config());
    h.frame(2);
    json a = middle_node(ex::app_state(h.app));
    REQUIRE_FALSE(a.is_null());
    h.click(centre_of(a));
    CHECK(ex::app_state(h.app)["selected"] == a["id"]);
    h.frame(40);  // let the camera arrive
    json b = middle_node(ex::app_state(h.app), a["id"]);
    REQUIRE_FALSE(b.is_null());
    h.click(centre_of(b));
    CHECK(ex::app_state(h.app)["selected"] == b["id"]);
    CHECK(ex::app_state(h.app)["history"]["back"] == true);
    h.key(ImGuiKey_LeftArrow, ImGuiMod_Alt);
    CHECK(ex::app_state(h.app)["selected"] == a["id"]);
    CHECK(ex::app_state(h.app)["history"]["forward"] == true);
    h.key(ImGuiKey_RightArrow, ImGuiMod_Alt);
    CHECK(ex::app_state(h.app)["selected"] == b["id"]);
    h.key(ImGuiKey_Escape);
    CHECK(ex::app_state(h.app)["selected"].is_null());
}

TEST_CASE("clicking empty canvas clears the selection; dragging it pans") {
    Headless h(ex::test::default_config());
    h.frame(2);
    ex::app_select(h.app, h.app.content->nodes[0].id);
    h.frame(40);
    h.app.map.view.cam.center = ex::Vec2(-1e5f, -1e5f);  // empty canvas all around
    h.frame();
    const ex::Camera before = h.app.map.view.cam;
    h.drag(ImVec2(500, 500), ImVec2(600, 450));
    CHECK(h.app.map.view.cam.center.x == doctest::Approx(before.center.x - 100 / before.zoom));
    CHECK(h.app.map.view.cam.center.y == doctest::Approx(before.center.y + 50 / before.zoom));
    CHECK(ex::app_state(h.app)["selected"] == h.app.content->nodes[0].id);  // a drag is no click
    h.click(ImVec2(640, 400));
    CHECK(ex::app_state(h.app)["selected"].is_null());
}

TEST_CASE("ctrl+wheel zooms around the pointer; +/- and F") {
    Headless h(ex::test::default_config());
    h.frame(2);
    json s0 = ex::app_state(h.app);
    json n = middle_node(s0);
    const ImVec2 p = centre_of(n);
    h.wheel(p, 2.0f, true);
    json s1 = ex::app_state(h.app);
    CHECK(s1["camera"]["zoom"].get<float>() > s0["camera"]["zoom"].get<float>() * 1.2f);
    const ImVec2 p1 = centre_of(find_node(s1, n["id"]));
    CHECK(std::fabs(p1.x - p.x) < 1.0f);
    CHECK(std::fabs(p1.y - p.y) < 1.0f);
    const float z = h.app.map.view.cam.zoom;
    h.key(ImGuiKey_Minus);
    CHECK(h.app.map.view.cam.zoom < z);
    h.key(ImGuiKey_Equal);
    CHECK(h.app.map.view.cam.zoom == doctest::Approx(z).epsilon(0.01));
    h.key(ImGuiKey_F);
    h.frame(40);
    CHECK(h.app.map.view.cam.zoom == doctest::Approx(s0["camera"]["zoom"].get<float>()).epsilon(0.01));
    // A plain wheel pans instead of zooming.
    const ex::Camera before = h.app.map.view.cam;
    h.wheel(p, -1.0f, false);
    CHECK(h.app.map.view.cam.zoom == doctest::Approx(before.zoom));
    CHECK(h.app.map.view.cam.center.y > before.center.y);
}

TEST_CASE("'/' focuses search; typing finds nodes; Enter opens the first") {
    Headless h(ex::test::default_config());
    h.frame(2);
    h.key(ImGuiKey_Slash);
    h.frame();
    h.type("talent");
    json s = ex::app_state(h.app);
    CHECK(s["search"]["query"] == "talent");
    REQUIRE(s["search"]["results"].size() >= 2);
    h.key(ImGuiKey_Enter);
    CHECK(ex::app_state(h.app)["selected"] == s["search"]["results"][0]);
    h.key(ImGuiKey_Escape);  // first closes the node...
    CHECK(ex::app_state(h.app)["selected"].is_null());
    CHECK(ex::app_state(h.app)["search"]["query"] == "talent");
    h.key(ImGuiKey_Escape);  // ...then clears the search
    CHECK(ex::app_state(h.app)["search"]["query"] == "");
}

TEST_CASE("the legend filters categories") {
    Headless h(ex::test::default_config());
    h.frame(2);
    const std::string cat = h.app.content->categories[0].id;
    ex::app_toggle_category(h.app, 0);
    h.frame();
    json s = ex::app_state(h.app);
    CHECK(s["hidden_categories"] == json::array({cat}));
    for (const auto& n : s["nodes"])
        if (n["category"] == cat) CHECK_FALSE(n["visible"].get<bool>());
    // A hidden card cannot be clicked or reached with Tab.
    for (int i = 0; i < 60; ++i) {
        h.key(ImGuiKey_Tab);
        const json f = ex::app_state(h.app)["focused"];
        REQUIRE_FALSE(f.is_null());
        CHECK(h.app.content->nodes[h.app.content->node_index(f.get<std::string>())].category != cat);
    }
}

TEST_CASE("T starts the tour; arrows step it; the camera follows") {
    Headless h(ex::test::default_config());
    h.frame(2);
    h.key(ImGuiKey_T);
    json s = ex::app_state(h.app);
    REQUIRE_FALSE(s["tour"].is_null());
    CHECK(s["tour"]["step"] == 1);
    const std::string first = s["selected"];
    CHECK(first == h.app.content->tours[0].steps[0].node);
    h.key(ImGuiKey_RightArrow);
    h.frame(40);
    s = ex::app_state(h.app);
    CHECK(s["tour"]["step"] == 2);
    const std::string second = s["selected"];
    CHECK(second == h.app.content->tours[0].steps[1].node);
    // The camera flew to the step: its card is on screen.
    CHECK(find_node(s, second)["visible"] == true);
    h.key(ImGuiKey_LeftArrow);
    CHECK(ex::app_state(h.app)["tour"]["step"] == 1);
    h.key(ImGuiKey_Escape);
    CHECK(ex::app_state(h.app)["tour"].is_null());
}

TEST_CASE("Tab walks nodes in reading order and Enter opens the focused one") {
    Headless h(ex::test::default_config());
    h.frame(2);
    h.key(ImGuiKey_Tab);
    json s = ex::app_state(h.app);
    REQUIRE_FALSE(s["focused"].is_null());
    CHECK(s["focused"] == h.app.content->nodes[h.app.map.order[0]].id);
    h.key(ImGuiKey_Tab);
    CHECK(ex::app_state(h.app)["focused"] == h.app.content->nodes[h.app.map.order[1]].id);
    h.key(ImGuiKey_Enter);
    CHECK(ex::app_state(h.app)["selected"] == h.app.content->nodes[h.app.map.order[1]].id);
    // Arrows move the keyboard cursor to the neighbouring card that way. Which side has one depends on where the
    // layout puts the card, so take the first arrow (down, up, right, left) whose way has a card.
    const int second = h.app.map.order[1];
    const std::pair<ImGuiKey, ex::Vec2> arrows[] = {{ImGuiKey_DownArrow, {0, 1}},
                                                    {ImGuiKey_UpArrow, {0, -1}},
                                                    {ImGuiKey_RightArrow, {1, 0}},
                                                    {ImGuiKey_LeftArrow, {-1, 0}}};
    int target = -1;
    for (const auto& [key, dir] : arrows) {
        target = ex::neighbour_in_direction(h.app.map.layout, second, dir);
        if (target < 0) continue;
        h.key(key);
        break;
    }
    REQUIRE(target >= 0);
    CHECK(ex::app_state(h.app)["focused"] == h.app.content->nodes[target].id);
}

TEST_CASE("dragging a card moves it and keeps it out of the selection") {
    Headless h(ex::test::default_config());
    h.frame(2);
    json n = middle_node(ex::app_state(h.app));
    const int idx = h.app.content->node_index(n["id"]);
    const ex::Rect before = h.app.map.layout.cards[idx];
    const ImVec2 c = centre_of(n);
    h.drag(c, ImVec2(c.x + 60, c.y + 40));
    const ex::Rect after = h.app.map.layout.cards[idx];
    CHECK(after.x > before.x);
    CHECK(after.y > before.y);
    CHECK(ex::app_state(h.app)["selected"].is_null());
}
