// Per-stage tests of the layered layout (layout_stages.h), in the manner of dagre's: tiny graphs, exact results.
// Each expected value follows from the stage's rule as its comment states it, worked out by hand.
#include <doctest/doctest.h>

#include <climits>
#include <utility>
#include <vector>

#include "core/layout.h"
#include "core/layout_stages.h"

using namespace ex::layout_stages;
using ex::Layout;
using ex::LayoutOptions;
using ex::Rect;
using ex::Vec2;

namespace {

// Layering edges u→v numbered in order, as layering_edges would give them for edges of a forward kind.
std::vector<LEdge> ledges(const std::vector<std::pair<int, int>>& uv) {
    std::vector<LEdge> le;
    for (const auto& [u, v] : uv) le.push_back({u, v, (int)le.size(), false});
    return le;
}

struct Flip {
    int u, v, edge;
    bool flipped;
    bool operator==(const Flip& o) const { return u == o.u && v == o.v && edge == o.edge && flipped == o.flipped; }
};

std::vector<Flip> flips(const std::vector<LEdge>& le) {
    std::vector<Flip> out;
    for (const auto& e : le) out.push_back({e.u, e.v, e.edge, e.flipped});
    return out;
}

// A layered graph of the single component of `le`, layered by assign_layers.
LayeredGraph layered(int n, const std::vector<LEdge>& le) {
    std::vector<Component> comps = find_components(n, le);
    REQUIRE(comps.size() == 1);
    std::vector<int> local(n, -1);
    return build_layered(comps[0], le, assign_layers(n, le), local);
}

// Rect has no ==: compare x, y, w, h.
using Floats = std::vector<float>;
Floats xywh(const Rect& r) { return {r.x, r.y, r.w, r.h}; }

Layout sized_layout(int n) {
    Layout out;
    out.cards.assign(n, Rect{});
    out.layer.assign(n, -1);
    out.order_in_layer.assign(n, -1);
    return out;
}

}  // namespace

// [SECTION] Layering --------------------------------------------------------------------------------------------

TEST_CASE("layering_edges: kinds that read backwards flipped, self loops and unresolved ends dropped") {
    ex::Content c;
    c.nodes.resize(3);
    c.edge_kinds.resize(2);
    c.edge_kinds[1].reads_backwards = true;
    auto edge = [&](int f, int t, int kind) {
        ex::Edge e;
        e.from_index = f;
        e.to_index = t;
        e.kind_index = kind;
        c.edges.push_back(e);
    };
    edge(0, 1, 0);   // forward
    edge(2, 1, 1);   // reads from its `to`: 1 before 2
    edge(2, 2, 0);   // self loop
    edge(0, -1, 0);  // unresolved
    edge(1, 3, 0);   // out of range
    CHECK(flips(layering_edges(c)) == std::vector<Flip>{{0, 1, 0, false}, {1, 2, 1, true}});
}

TEST_CASE("break_cycles: a 3-cycle loses exactly the edge into the earliest node") {
    // No sinks or sources: node 0 (the earliest) goes first, so the cycle's edge into it, 2→0, is the one flipped.
    std::vector<LEdge> le = ledges({{0, 1}, {1, 2}, {2, 0}});
    break_cycles(3, le);
    CHECK(flips(le) == std::vector<Flip>{{0, 1, 0, false}, {1, 2, 1, false}, {0, 2, 2, true}});

    // The source 0 is peeled first; of the cycle 1→2→3→1 the earliest node is 1, so 3→1 is flipped.
    std::vector<LEdge> tail = ledges({{0, 2}, {1, 2}, {2, 3}, {3, 1}});
    break_cycles(4, tail);
    CHECK(flips(tail) == std::vector<Flip>{{0, 2, 0, false}, {1, 2, 1, false}, {2, 3, 2, false}, {1, 3, 3, true}});
}

TEST_CASE("break_cycles: a DAG keeps all its edges") {
    // Edges listed against node order too (3→0), which peeling must respect rather than "fix".
    const std::vector<std::pair<int, int>> dag = {{0, 1}, {0, 2}, {1, 4}, {2, 4}, {0, 4}, {3, 0}};
    std::vector<LEdge> le = ledges(dag);
    break_cycles(5, le);
    CHECK(flips(le) == flips(ledges(dag)));
}

TEST_CASE("assign_layers: chain, diamond, and a long edge shortened") {
    CHECK(assign_layers(3, ledges({{0, 1}, {1, 2}})) == std::vector<int>{0, 1, 2});
    CHECK(assign_layers(4, ledges({{0, 1}, {0, 2}, {1, 3}, {2, 3}})) == std::vector<int>{0, 1, 1, 2});
    // Longest path puts the source 4 in layer 0, so 4→3 would span three layers; 4 has more outs than ins, so the
    // refinement moves it right as far as its successor allows: layer 2, next to 3.
    CHECK(assign_layers(5, ledges({{0, 1}, {1, 2}, {2, 3}, {4, 3}})) == std::vector<int>{0, 1, 2, 3, 2});
    // Isolated nodes stay in layer 0.
    CHECK(assign_layers(2, {}) == std::vector<int>{0, 0});
}

TEST_CASE("find_components: numbered by smallest node, nodes ascending, edges attached") {
    std::vector<Component> comps = find_components(5, ledges({{3, 1}, {0, 4}}));
    REQUIRE(comps.size() == 3);
    CHECK(comps[0].nodes == std::vector<int>{0, 4});
    CHECK(comps[0].ledges == std::vector<int>{1});
    CHECK(comps[1].nodes == std::vector<int>{1, 3});
    CHECK(comps[1].ledges == std::vector<int>{0});
    CHECK(comps[2].nodes == std::vector<int>{2});
    CHECK(comps[2].ledges.empty());
}

// [SECTION] Ordering --------------------------------------------------------------------------------------------

TEST_CASE("build_layered: a long edge gets one dummy per layer it passes") {
    LayeredGraph g = layered(3, ledges({{0, 1}, {1, 2}, {0, 2}}));
    CHECK(g.real == 3);
    CHECK(g.layer_of == std::vector<int>{0, 1, 2, 1});  // id 3: the dummy of 0→2
    CHECK(g.chain_off == std::vector<int>{0, 2, 4, 7});
    CHECK(g.chain == std::vector<int>{0, 1, 1, 2, 0, 3, 2});
    CHECK(g.layers() == 3);
    CHECK(g.down_off == std::vector<int>{0, 2, 3, 3, 4});  // 0 → 1, 3; 1 → 2; 3 → 2
    CHECK(g.down == std::vector<int>{1, 3, 2, 2});
}

TEST_CASE("reduce_crossings: a two-layer graph with one avoidable crossing ends with none") {
    // 0 leads to 4, 1 to 3, 2 to both (one component). The depth-first start orders layer 1 as [4, 3], which
    // crosses 1→3 with 2→4; swapping 1 and 2 removes it.
    LayeredGraph g = layered(5, ledges({{0, 4}, {1, 3}, {2, 4}, {2, 3}}));
    Scratch s;
    g.order = {{0, 1, 2}, {4, 3}};
    for (int l = 0; l < g.layers(); ++l) g.sync_pos(l);
    CHECK(total_crossings(g, s) == 1);

    CHECK(reduce_crossings(g, 16, s) == 0);
    CHECK(g.order == std::vector<std::vector<int>>{{0, 2, 1}, {4, 3}});
    CHECK(g.pos == std::vector<int>{0, 2, 1, 1, 0});
    CHECK(total_crossings(g, s) == 0);
}

TEST_CASE("crossings_sorted and clamp_to_int") {
    std::vector<int> tree;
    CHECK(crossings_sorted({{0, 1}, {1, 0}}, 2, tree) == 1);
    CHECK(crossings_sorted({{0, 0}, {1, 1}, {2, 0}}, 2, tree) == 1);
    CHECK(crossings_sorted({{0, 0}, {0, 1}, {1, 0}}, 2, tree) == 1);  // edges sharing an end are not counted
    CHECK(crossings_sorted({{0, 2}, {1, 1}, {2, 0}}, 3, tree) == 3);
    CHECK(clamp_to_int(7) == 7);
    CHECK(clamp_to_int(1LL << 40) == INT_MAX);
}

// [SECTION] Placement -------------------------------------------------------------------------------------------

TEST_CASE("place: siblings a card apart, a single child level with its parent") {
    // 0 has children 1 and 2; 2 has the single child 3. Left to right, the cross axis is y: cards 96 high, gap 28.
    LayeredGraph g = layered(4, ledges({{0, 1}, {0, 2}, {2, 3}}));
    Scratch s;
    REQUIRE(reduce_crossings(g, 16, s) == 0);
    REQUIRE(g.order == std::vector<std::vector<int>>{{0}, {1, 2}, {3}});
    Placement p = place(g, LayoutOptions{});
    // The sweeps settle on 0 at 0 and its children at ±62 (96 + 28 apart); the last pass wants 2 at the mean of
    // its parent's 0 and its child's 62, i.e. 31, against 1's 0: the chain projection splits the difference.
    CHECK(p.cross == std::vector<double>{0, -46.5, 77.5, 77.5});
    CHECK(p.sub == std::vector<int>{0, 0, 0, 0});
    CHECK(p.subs == std::vector<int>{1, 1, 1});
}

TEST_CASE("lay_out_component: top to bottom, no overlaps, a single child centred under its parent") {
    std::vector<LEdge> le = ledges({{0, 1}, {0, 2}, {2, 3}});
    std::vector<int> layer = assign_layers(4, le);
    std::vector<Component> comps = find_components(4, le);
    REQUIRE(comps.size() == 1);
    LayoutOptions o;
    o.left_to_right = false;  // cross axis x: cards 240 wide, gap 28
    Layout out = sized_layout(4);
    std::vector<std::vector<Vec2>> interior(le.size());
    std::vector<int> local(4, -1);
    Scratch s;
    lay_out_component(comps[0], le, layer, o, local, out, interior, s);

    // Centres as in the test above with 240 + 28 = 268 between siblings: 0, -100.5, 167.5, 167.5; shifted so
    // the leftmost card starts at x = 0; rows 96 high, 140 apart.
    CHECK(xywh(out.cards[0]) == Floats{100.5f, 0, 240, 96});
    CHECK(xywh(out.cards[1]) == Floats{0, 236, 240, 96});
    CHECK(xywh(out.cards[2]) == Floats{268, 236, 240, 96});
    CHECK(xywh(out.cards[3]) == Floats{268, 472, 240, 96});
    CHECK(out.cards[3].center().x == out.cards[2].center().x);
    CHECK(ex::count_overlaps(out.cards) == 0);
    CHECK(out.layer == std::vector<int>{0, 1, 1, 2});
    CHECK(out.order_in_layer == std::vector<int>{0, 0, 1, 0});
    CHECK(comps[0].crossings == 0);
    CHECK(xywh(comps[0].bounds) == Floats{0, 0, 508, 568});
    for (const auto& pts : interior) CHECK(pts.empty());  // every edge spans one layer: no routing points
}

// [SECTION] Routing ---------------------------------------------------------------------------------------------

TEST_CASE("anchor_towards: the side facing the target") {
    const Rect r{0, 0, 100, 50};  // centre (50, 25)
    // Left to right: beyond the card along x picks the left or right side, whatever the height.
    CHECK(anchor_towards(r, {200, 25}, true) == Vec2{100, 25});
    CHECK(anchor_towards(r, {200, -300}, true) == Vec2{100, 25});
    CHECK(anchor_towards(r, {-50, 25}, true) == Vec2{0, 25});
    CHECK(anchor_towards(r, {100, -300}, true) == Vec2{100, 25});  // level with a side counts as beyond it
    CHECK(anchor_towards(r, {0, 300}, true) == Vec2{0, 25});
    CHECK(anchor_towards(r, {50, -100}, true) == Vec2{50, 0});
    CHECK(anchor_towards(r, {50, 200}, true) == Vec2{50, 50});
    // Top to bottom: beyond the card along y picks the top or bottom, otherwise a side.
    CHECK(anchor_towards(r, {50, 200}, false) == Vec2{50, 50});
    CHECK(anchor_towards(r, {300, 200}, false) == Vec2{50, 50});
    CHECK(anchor_towards(r, {50, -100}, false) == Vec2{50, 0});
    CHECK(anchor_towards(r, {200, 25}, false) == Vec2{100, 25});
    CHECK(anchor_towards(r, {-50, 25}, false) == Vec2{0, 25});
}

TEST_CASE("edge_path: attaches to both cards, keeps routing points only between them") {
    ex::Content c;
    auto edge = [&](int f, int t) {
        ex::Edge e;
        e.from_index = f;
        e.to_index = t;
        c.edges.push_back(e);
    };
    edge(0, 1);
    edge(0, 0);
    edge(0, 2);  // no card 2
    const std::vector<Rect> cards = {{0, 0, 100, 50}, {300, 100, 100, 50}};
    using Path = std::vector<Vec2>;
    CHECK(edge_path(c, cards, 0, {}, true) == Path{{100, 25}, {300, 125}});
    CHECK(edge_path(c, cards, 0, {{200, 25}, {200, 125}}, true) == Path{{100, 25}, {200, 25}, {200, 125}, {300, 125}});
    CHECK(edge_path(c, cards, 0, {{50, 300}}, true) == Path{{100, 25}, {300, 125}});  // not between: dropped
    // Top to bottom the same cards attach bottom to top.
    CHECK(edge_path(c, cards, 0, {}, false) == Path{{50, 50}, {350, 100}});
    // A self loop leaves the right side and comes back to the top, 28 units out.
    CHECK(edge_path(c, cards, 1, {}, true) == Path{{100, 25}, {128, 25}, {128, -28}, {50, -28}, {50, 0}});
    CHECK(edge_path(c, cards, 2, {}, true).empty());

    Layout l;
    l.cards = cards;
    l.edge_paths = {edge_path(c, cards, 1, {}, true)};
    CHECK(xywh(bounds_of(l)) == Floats{0, -28, 400, 178});
}
