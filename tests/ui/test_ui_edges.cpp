// Headless edge tests: hovering an edge finds it near and far out (where the canvas draws per-zoom simplified
// routes from a cache), after its card is dragged (the cache must follow) and not once its category is hidden.
#include <doctest/doctest.h>

#include <string>

#include "headless.h"
#include "ui/canvas_cache.h"

using ex::test::Headless;

namespace {

// Three cards in a row: a drives b (solid), c requires b (dashed; laid out prerequisite first, so b before c).
std::string chain_json() {
    std::string nodes;
    for (const char* id : {"a", "b", "c"})
        nodes += std::string(nodes.empty() ? "" : ",") + R"({"id": ")" + id +
                 R"(", "category": "idea", "title": "Card )" + id +
                 R"(", "summary": "A card.", "citations": [{"paragraph": "p1"}]})";
    return R"({"meta": {"title": "Chain", "summary": "Three cards.", "source": {"title": "A source", "sections": [
                {"id": "s1", "heading": "Only", "paragraphs": [{"id": "p1", "text": "One paragraph."}]}]}},
              "categories": [{"id": "idea", "label": "Ideas", "colour": "#4a90d9"}],
              "nodes": [)" +
           nodes + R"(],
              "edges": [{"from": "a", "to": "b", "kind": "drives"}, {"from": "c", "to": "b", "kind": "requires"}],
              "tours": []})";
}

// The middle of the route's middle piece, in ImGui coordinates: a horizontal-tangent cubic passes through the
// midpoint of its two ends, so this point is on the drawn edge.
ImVec2 edge_middle(const ex::AppContext& app, int e) {
    const auto& path = app.map.layout.edge_paths[e];
    const size_t m = (path.size() - 1) / 2;
    const ex::Vec2 c((path[m].x + path[m + 1].x) / 2, (path[m].y + path[m + 1].y) / 2);
    const ex::Vec2 s = app.map.view.canvas_to_screen(c);
    return ImVec2(s.x + app.map.canvas_origin.x, s.y + app.map.canvas_origin.y);
}

int hovered_edge_at(Headless& h, ImVec2 p) {
    h.move(p);
    h.frame();
    return h.app.map.hovered_edge;
}

}  // namespace

TEST_CASE("hovering an edge finds it near, far out and after a drag; hidden edges are not found") {
    Headless h(ex::test::default_config());
    h.frame();
    REQUIRE(ex::app_load(h.app, chain_json(), "chain.json"));
    h.frame(2);
    REQUIRE(h.app.map.layout.edge_paths.size() == 2);
    CHECK(hovered_edge_at(h, edge_middle(h.app, 0)) == 0);
    CHECK(hovered_edge_at(h, edge_middle(h.app, 1)) == 1);

    // Far out: cards are dots and routes come from the per-zoom cache (0.05: dashes and arrowheads still drawn;
    // 0.02: plain lines).
    const ex::Rect all = h.app.map.layout.bounds;
    for (float zoom : {0.05f, 0.02f}) {
        CAPTURE(zoom);
        h.app.map.view.cam.center = all.center();
        h.app.map.view.cam.zoom = zoom;
        h.frame();
        CHECK(hovered_edge_at(h, edge_middle(h.app, 0)) == 0);
        CHECK(hovered_edge_at(h, edge_middle(h.app, 1)) == 1);
    }

    // Near again; dragging c well below the row re-routes b → c, and hovering finds the edge where it now runs.
    h.app.map.view.cam.zoom = 1.0f;
    h.frame();
    const int c = h.app.content->node_index("c");
    const ex::Vec2 cc = h.app.map.view.canvas_to_screen(h.app.map.layout.cards[c].center());
    const ImVec2 from(cc.x + h.app.map.canvas_origin.x, cc.y + h.app.map.canvas_origin.y);
    const ImVec2 old_middle = edge_middle(h.app, 1);
    h.drag(from, ImVec2(from.x, from.y + 260));
    const ImVec2 new_middle = edge_middle(h.app, 1);
    REQUIRE(new_middle.y > old_middle.y + 60);
    CHECK(hovered_edge_at(h, new_middle) == 1);
    CHECK(hovered_edge_at(h, old_middle) == -1);

    ex::app_toggle_category(h.app, 0);  // hides every card, so every edge
    h.frame();
    CHECK(hovered_edge_at(h, edge_middle(h.app, 0)) == -1);
}

TEST_CASE("the canvas cache follows a moved card whose routes lose routing points") {
    Headless h(ex::test::default_config());
    h.frame(2);
    ex::AppContext& app = h.app;
    ex::CanvasCache cc;
    ex::update_canvas_cache(cc, app);
    auto same_as_layout = [&] {
        for (size_t e = 0; e < app.map.layout.edge_paths.size(); ++e) {
            const auto& path = app.map.layout.edge_paths[e];
            if (cc.first[e + 1] - cc.first[e] != (int)path.size()) return false;
            for (size_t i = 0; i < path.size(); ++i)
                if (cc.pts[cc.first[e] + i] != path[i]) return false;
        }
        return true;
    };
    CHECK(same_as_layout());
    // A route with routing points; its target moved level with its source (along the flow) keeps none.
    int edge = -1;
    for (size_t e = 0; e < app.map.layout.edge_paths.size() && edge < 0; ++e)
        if (app.map.layout.edge_paths[e].size() > 2 &&
            app.content->edges[e].from_index != app.content->edges[e].to_index)
            edge = (int)e;
    REQUIRE(edge >= 0);
    const size_t before = app.map.layout.edge_paths[edge].size();
    const int to = app.content->edges[edge].to_index;
    const ex::Rect from = app.map.layout.cards[app.content->edges[edge].from_index];
    ex::move_card(app.map.layout, *app.content, to, ex::Vec2(from.x, from.y + 900));
    REQUIRE(app.map.layout.edge_paths[edge].size() < before);
    ex::update_canvas_cache(cc, app);
    CHECK(same_as_layout());
    CHECK(cc.box[edge].bottom() >= from.y + 900);
    ex::simplify_routes(cc, 10.0f);
    CHECK(cc.far_first.back() == (int)cc.far_pts.size());
    CHECK(cc.far_join.size() == cc.far_pts.size());
}
