// Folding on the map, headless with real input: the "+ N parts" control, Enter, Unfold all / Fold all, zooming in,
// and every way of pointing at a folded card (search, tours, history, select) unfolding its whole first.
#include <doctest/doctest.h>

#include <algorithm>

#include "headless.h"

using ex::test::Headless;
using nlohmann::json;

namespace {

json find(const json& s, const std::string& id) {
    for (const auto& n : s["nodes"])
        if (n["id"] == id) return n;
    return json();
}

bool unfolded(const json& s, const std::string& id) {
    return std::find(s["unfolded"].begin(), s["unfolded"].end(), id) != s["unfolded"].end();
}

ImVec2 screen_point(const Headless& h, ex::Vec2 canvas) {
    const ex::Vec2 p = h.app.map.view.canvas_to_screen(canvas);
    return ImVec2(p.x + h.app.map.canvas_origin.x, p.y + h.app.map.canvas_origin.y);
}

}  // namespace

TEST_CASE("the fold control unfolds a group beside its whole, and folds it again") {
    Headless h(ex::test::default_config());
    h.frame(3);
    const int whole = h.app.content->node_index("us-rivalry");
    REQUIRE(whole >= 0);
    json s = ex::app_state(h.app);
    CHECK(find(s, "us-rivalry")["parts"] == 3);
    CHECK(find(s, "export-controls")["folded_into"] == "us-rivalry");
    // The control sits at the card's bottom left.
    const ex::Rect card = h.app.map.layout.cards[whole];
    h.click(screen_point(h, {card.x + 30, card.bottom() - 12}));
    h.frame(40);  // the cards move there
    s = ex::app_state(h.app);
    CHECK(unfolded(s, "us-rivalry"));
    CHECK(s["selected"].is_null());  // the control unfolds; it does not open the card
    const json part = find(s, "export-controls");
    CHECK(part["shown"] == true);
    CHECK(part["lane"] == "drivers");
    CHECK(part["title_cut"] == false);
    CHECK(part["rect"][1].get<float>() > find(s, "us-rivalry")["rect"][1].get<float>());  // below its whole
    const ex::Rect again = h.app.map.layout.cards[whole];
    h.click(screen_point(h, {again.x + 30, again.bottom() - 12}));
    h.frame(40);
    s = ex::app_state(h.app);
    CHECK_FALSE(unfolded(s, "us-rivalry"));
    CHECK(find(s, "export-controls")["shown"] == false);
}

TEST_CASE("Enter on the open card unfolds its parts; Unfold all and Fold all reach every group") {
    Headless h(ex::test::default_config());
    h.frame(3);
    REQUIRE(ex::app_select(h.app, "numerous-challenges"));
    h.frame(30);
    h.key(ImGuiKey_Enter);
    h.frame(30);
    json s = ex::app_state(h.app);
    CHECK(unfolded(s, "numerous-challenges"));
    CHECK(find(s, "talent-challenge")["shown"] == true);
    h.key(ImGuiKey_Enter);  // again: folds back
    h.frame(30);
    CHECK_FALSE(unfolded(ex::app_state(h.app), "numerous-challenges"));

    ex::app_unfold_all(h.app, true);
    h.frame(30);
    s = ex::app_state(h.app);
    for (const auto& n : s["nodes"]) CHECK(n["shown"] == true);
    ex::app_unfold_all(h.app, false);
    h.frame(30);
    s = ex::app_state(h.app);
    CHECK(s["unfolded"].empty());
    CHECK(s["selected"] == "numerous-challenges");  // the selection was a whole: it stays
}

TEST_CASE("search, a tour, history and select each unfold what hides a card") {
    Headless h(ex::test::default_config());
    h.frame(3);
    ex::app_set_search(h.app, "researchers");
    REQUIRE_FALSE(h.app.reading.search_results.empty());
    ex::app_select_index(h.app, h.app.reading.search_results.front(), true);
    h.frame(30);
    json s = ex::app_state(h.app);
    CHECK(find(s, s["selected"].get<std::string>())["shown"] == true);

    ex::app_unfold_all(h.app, false);
    h.frame(30);
    REQUIRE(ex::app_start_tour(h.app, "overview"));
    for (int step = 0; step < 9; ++step) {
        h.frame(5);
        s = ex::app_state(h.app);
        CAPTURE(s["selected"]);
        CHECK(find(s, s["selected"].get<std::string>())["shown"] == true);
        ex::app_tour_step(h.app, 1);
    }
    ex::app_stop_tour(h.app);
    ex::app_unfold_all(h.app, false);
    h.frame(30);
    ex::app_back(h.app);  // back to a card folded since
    h.frame(30);
    s = ex::app_state(h.app);
    CHECK(find(s, s["selected"].get<std::string>())["shown"] == true);
}

TEST_CASE("zooming in past the threshold unfolds the groups on screen") {
    Headless h(ex::test::default_config());
    h.frame(3);
    const int whole = h.app.content->node_index("us-rivalry");
    const ex::Rect card = h.app.map.layout.cards[whole];
    const ImVec2 at = screen_point(h, card.center());
    for (int i = 0; i < 8 && ex::app_state(h.app)["unfolded"].empty(); ++i) h.wheel(at, 1.0f, true);
    h.frame(30);
    CHECK(unfolded(ex::app_state(h.app), "us-rivalry"));
}

TEST_CASE("edges into a folded group merge into one line with a count, and arrows read left to right") {
    Headless h(ex::test::default_config());
    h.frame(3);
    const ex::Layout& l = h.app.map.layout;
    const ex::Content& c = *h.app.content;
    int merged = 0;
    for (size_t e = 0; e < c.edges.size(); ++e) {
        if (l.merged[e] > 1) ++merged;
        if (l.edge_paths[e].size() >= 2 && !l.lanes.empty() && l.left_to_right)
            CHECK(l.edge_paths[e].front().x <= l.edge_paths[e].back().x + 1.0f);  // never against the reading
    }
    CHECK(merged > 0);
}

TEST_CASE("a selected card's connection labels never cover each other, on a phone too") {
    for (ImVec2 size : {ImVec2(390, 844), ImVec2(1280, 800)}) {
        CAPTURE(size.x);
        Headless h(ex::test::default_config(), size);
        h.frame(3);
        REQUIRE(ex::app_select(h.app, "xi-call"));  // the card with the most links
        h.frame(60);
        const json labels = ex::app_state(h.app)["edge_labels"];
        CHECK(labels.size() >= 2);
        for (size_t i = 0; i < labels.size(); ++i)
            for (size_t j = i + 1; j < labels.size(); ++j) {
                const ex::Rect a{labels[i][0], labels[i][1], labels[i][2], labels[i][3]};
                const ex::Rect b{labels[j][0], labels[j][1], labels[j][2], labels[j][3]};
                CHECK_FALSE(a.intersects(b));
            }
    }
}
