#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <string>

#include "core/layout.h"
#include "core/load.h"
#include "core/synth.h"

using ex::Layout;
using ex::Rect;
using ex::Vec2;

namespace {

struct TestRng {
    uint32_t s;
    uint32_t next() {
        s ^= s << 13;
        s ^= s >> 17;
        s ^= s << 5;
        return s;
    }
    int below(int n) { return (int)(next() % (uint32_t)n); }
};

int brute_force_overlaps(const std::vector<Rect>& r) {
    int c = 0;
    for (size_t i = 0; i < r.size(); ++i)
        for (size_t j = i + 1; j < r.size(); ++j) c += r[i].intersects(r[j]);
    return c;
}

bool same_layout(const Layout& a, const Layout& b) {
    if (a.cards.size() != b.cards.size() || a.edge_paths.size() != b.edge_paths.size()) return false;
    for (size_t i = 0; i < a.cards.size(); ++i) {
        const Rect &p = a.cards[i], &q = b.cards[i];
        if (p.x != q.x || p.y != q.y || p.w != q.w || p.h != q.h) return false;
    }
    for (size_t e = 0; e < a.edge_paths.size(); ++e)
        if (a.edge_paths[e] != b.edge_paths[e]) return false;
    return a.crossings == b.crossings && a.layer == b.layer && a.order_in_layer == b.order_in_layer;
}

bool on_border(const Rect& r, Vec2 p) {
    const float eps = 0.01f;
    bool inside = p.x >= r.x - eps && p.x <= r.right() + eps && p.y >= r.y - eps && p.y <= r.bottom() + eps;
    bool edge = std::fabs(p.x - r.x) < eps || std::fabs(p.x - r.right()) < eps || std::fabs(p.y - r.y) < eps ||
                std::fabs(p.y - r.bottom()) < eps;
    return inside && edge;
}

// Structural checks every layout must pass.
void check_layout(const ex::Content& c, const Layout& l, const ex::LayoutOptions& o = {}) {
    REQUIRE(l.cards.size() == c.nodes.size());
    REQUIRE(l.edge_paths.size() == c.edges.size());
    CHECK(ex::count_overlaps(l.cards) == 0);
    for (size_t i = 0; i < l.cards.size(); ++i) {
        CHECK(l.cards[i].w == o.card_width);
        CHECK(l.cards[i].h == o.card_height);
        CHECK(l.bounds.expanded(0.01f).contains(l.cards[i]));  // bounds are x + w: allow the rounding
    }
    for (size_t e = 0; e < c.edges.size(); ++e) {
        const auto& path = l.edge_paths[e];
        REQUIRE(path.size() >= 2);
        // Paths run the way the map reads: from the card in the earlier layer (`to` first when reversed).
        const bool rev = e < l.reversed.size() && l.reversed[e];
        const int first = rev ? c.edges[e].to_index : c.edges[e].from_index;
        const int second = rev ? c.edges[e].from_index : c.edges[e].to_index;
        CHECK(on_border(l.cards[first], path.front()));
        CHECK(on_border(l.cards[second], path.back()));
        CHECK(l.layer[first] <= l.layer[second]);
    }
}

// One more edge of any kind between existing nodes.
void add_edge(ex::Content& c, const std::string& from, const std::string& to, const std::string& kind) {
    ex::Edge e;
    e.from = from;
    e.to = to;
    e.kind = kind;
    c.edges.push_back(e);
    c.rebuild_indices();
}

ex::Content tiny_content(int nodes, const std::vector<std::pair<int, int>>& edges, const char* kind = "drives") {
    ex::Content c;
    c.edge_kinds = ex::builtin_edge_kinds();
    c.categories.push_back({"c", ex::Text("C"), "#888888", 0x888888, {}});
    for (int i = 0; i < nodes; ++i) {
        ex::Node n;
        n.id = "n" + std::to_string(i);
        n.category = "c";
        c.nodes.push_back(n);
    }
    for (auto [a, b] : edges) add_edge(c, "n" + std::to_string(a), "n" + std::to_string(b), kind);
    c.rebuild_indices();  // also for a map without edges
    return c;
}

}  // namespace

TEST_CASE("count_crossings matches brute force") {
    TestRng rng{12345};
    for (int round = 0; round < 50; ++round) {
        std::vector<std::pair<int, int>> e;
        int m = rng.below(40);
        for (int i = 0; i < m; ++i) e.push_back({rng.below(8), rng.below(8) * 10 - 20});
        int brute = 0;
        for (int i = 0; i < m; ++i)
            for (int j = 0; j < m; ++j) brute += e[i].first < e[j].first && e[i].second > e[j].second;
        CHECK(ex::count_crossings(e) == brute);
    }
    CHECK(ex::count_crossings({{0, 1}, {1, 0}}) == 1);
    CHECK(ex::count_crossings({{0, 0}, {0, 1}, {1, 1}}) == 0);  // shared end points never cross
}

TEST_CASE("count_overlaps matches brute force") {
    TestRng rng{777};
    for (int round = 0; round < 30; ++round) {
        std::vector<Rect> r;
        int n = rng.below(80);
        for (int i = 0; i < n; ++i)
            r.push_back({(float)rng.below(1000), (float)rng.below(600), (float)(10 + rng.below(120)),
                         (float)(10 + rng.below(90))});
        CHECK(ex::count_overlaps(r) == brute_force_overlaps(r));
    }
    // Touching is not overlapping.
    CHECK(ex::count_overlaps({{0, 0, 10, 10}, {10, 0, 10, 10}, {0, 10, 10, 10}}) == 0);
    CHECK(ex::count_overlaps({{0, 0, 10, 10}, {9, 9, 10, 10}}) == 1);
}

TEST_CASE("layout of synthetic maps: no overlaps, attached paths, deterministic") {
    for (int n : {10, 100, 1000}) {
        ex::Content c = ex::make_synthetic_content(n, 1.5, 7);
        auto t0 = std::chrono::steady_clock::now();
        Layout a = ex::compute_layout(c);
        double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        Layout b = ex::compute_layout(c);
        check_layout(c, a);
        CHECK(same_layout(a, b));
        MESSAGE(n << " nodes, " << c.edges.size() << " edges: " << a.crossings << " crossings, " << ms << " ms");
    }
}

TEST_CASE("the map reads from problems and prerequisites to what answers or needs them") {
    // 1 mitigates 0 (0 is the problem), 2 requires 1 (1 is the prerequisite), 3 drives 2.
    ex::Content c = tiny_content(4, {{3, 2}});
    add_edge(c, "n1", "n0", "mitigates");
    add_edge(c, "n2", "n1", "requires");
    Layout l = ex::compute_layout(c);
    check_layout(c, l);
    CHECK(l.layer[0] < l.layer[1]);
    CHECK(l.layer[1] < l.layer[2]);
    CHECK(l.layer[3] < l.layer[2]);
    CHECK(l.crossings == 0);
}

TEST_CASE("edges flow forward and part-of puts the sub-point after its parent") {
    // 0 → 1 → 2, and 3 is part of 1.
    ex::Content c = tiny_content(4, {{0, 1}, {1, 2}});
    add_edge(c, "n3", "n1", "part-of");
    Layout l = ex::compute_layout(c);
    check_layout(c, l);
    CHECK(l.layer[0] < l.layer[1]);
    CHECK(l.layer[1] < l.layer[2]);
    CHECK(l.layer[3] > l.layer[1]);
    CHECK(l.cards[3].x > l.cards[1].right());  // layers are columns, left to right
    CHECK(l.crossings == 0);

    // A cycle still lays out, with every edge attached.
    ex::Content cyc = tiny_content(3, {{0, 1}, {1, 2}, {2, 0}});
    Layout lc = ex::compute_layout(cyc);
    check_layout(cyc, lc);
}

TEST_CASE("layout: long edges route through their layers, moved cards keep their edges") {
    // 0 → 1 → 2 → 3 and a long edge 0 → 3.
    ex::Content c = tiny_content(4, {{0, 1}, {1, 2}, {2, 3}, {0, 3}});
    Layout l = ex::compute_layout(c);
    check_layout(c, l);
    CHECK(l.edge_paths[3].size() == 2 + 2 * 2);  // two dummy layers, entry and exit points each

    const Vec2 target{l.cards[3].x + 40, l.cards[3].y + 500};
    ex::move_card(l, c, 3, target);
    CHECK(l.cards[3].x == target.x);
    CHECK(l.cards[3].y == target.y);
    CHECK(l.edge_paths[3].size() == 6);  // still right of its source: routing kept
    for (int e : {2, 3}) {
        CHECK(on_border(l.cards[c.edges[e].from_index], l.edge_paths[e].front()));
        CHECK(on_border(l.cards[3], l.edge_paths[e].back()));
    }
    CHECK(l.bounds.contains(l.cards[3]));
    // Dragged behind its source, the long edge drops its routing points.
    ex::move_card(l, c, 3, {l.cards[0].x - 600, l.cards[0].y});
    CHECK(l.edge_paths[3].size() == 2);
    CHECK(on_border(l.cards[3], l.edge_paths[3].back()));
    ex::move_card(l, c, 99, {0, 0});  // out of range: ignored
}

TEST_CASE("layout: disconnected pieces, self-loops, unresolved edges, empty content") {
    ex::Content c = tiny_content(6, {{0, 1}, {2, 3}, {4, 4}});
    ex::Edge dangling;
    dangling.from = "n0";
    dangling.to = "nowhere";
    dangling.kind = "drives";
    c.edges.push_back(dangling);
    c.rebuild_indices();
    Layout l = ex::compute_layout(c);
    CHECK(ex::count_overlaps(l.cards) == 0);
    CHECK(l.edge_paths[2].size() >= 3);  // the self-loop gets a small loop
    CHECK(l.edge_paths[3].empty());
    CHECK(l.component[0] == l.component[1]);
    CHECK(l.component[0] != l.component[2]);

    ex::Content empty;
    Layout e = ex::compute_layout(empty);
    CHECK(e.cards.empty());
    CHECK(e.bounds.w == 0);
}

TEST_CASE("layout: top-to-bottom flow") {
    ex::Content c = ex::make_synthetic_content(200, 1.5, 3);
    ex::LayoutOptions o;
    o.left_to_right = false;
    Layout l = ex::compute_layout(c, o);
    check_layout(c, l, o);
    CHECK_FALSE(l.left_to_right);
    CHECK(l.layer[c.edges[0].from_index] != l.layer[c.edges[0].to_index]);
}

TEST_CASE("layout: a very wide layer wraps into sub-columns") {
    std::vector<std::pair<int, int>> star;
    for (int i = 1; i <= 300; ++i) star.push_back({i, 0});  // 300 causes, one effect
    ex::Content c = tiny_content(301, star);
    Layout l = ex::compute_layout(c);
    check_layout(c, l);
    CHECK(l.bounds.h < l.bounds.w * 2);  // not one 300-card column
    ex::LayoutOptions never;
    never.max_cards_per_layer = -1;
    Layout tall = ex::compute_layout(c, never);
    CHECK(ex::count_overlaps(tall.cards) == 0);
    CHECK(tall.bounds.h > 300 * 96);
}

TEST_CASE("layout: position hints are kept exactly and other cards avoid them") {
    for (uint32_t seed : {1u, 2u, 3u}) {
        ex::Content c = ex::make_synthetic_content(300, 1.5, seed);
        // Hint every third node to a random, mutually non-overlapping spot around the automatic layout's area.
        TestRng rng{seed * 99991u};
        std::vector<Rect> hinted;
        for (int i = 0; i < (int)c.nodes.size(); i += 3) {
            for (int attempt = 0; attempt < 50; ++attempt) {
                Rect r{(float)rng.below(6000) - 500, (float)rng.below(3000) - 500, 240, 96};
                bool clash = false;
                for (const Rect& h : hinted) clash = clash || h.expanded(4).intersects(r);
                if (clash) continue;
                hinted.push_back(r);
                c.nodes[i].has_position = true;
                c.nodes[i].x = r.x;
                c.nodes[i].y = r.y;
                break;
            }
        }
        Layout a = ex::compute_layout(c);
        Layout b = ex::compute_layout(c);
        check_layout(c, a);
        CHECK(same_layout(a, b));
        for (const auto& n : c.nodes) {
            if (!n.has_position) continue;
            const Rect& r = a.cards[c.node_index(n.id)];
            CHECK(r.x == (float)n.x);
            CHECK(r.y == (float)n.y);
        }
    }
}

TEST_CASE("layout of the shipped article") {
    const std::string path = std::string(EXPLAINER_SOURCE_DIR) + "/assets/content/article.json";
    ex::LoadResult r = ex::load_content_file(path);
    REQUIRE(r.ok());
    Layout a = ex::compute_layout(*r.content);
    Layout b = ex::compute_layout(*r.content);
    check_layout(*r.content, a);
    CHECK(same_layout(a, b));
    MESSAGE("article.json: " << r.content->nodes.size() << " nodes, " << r.content->edges.size() << " edges, "
                             << a.crossings << " crossings, bounds " << a.bounds.w << " x " << a.bounds.h);
}

// Speed is measured in bench/, not here: this checks only that the largest benchmark map lays out cleanly.
TEST_CASE("layout of 10,000 nodes and 15,000 edges") {
    ex::Content c = ex::make_synthetic_content(10000, 1.5, 42);
    Layout l = ex::compute_layout(c);
    CHECK(ex::count_overlaps(l.cards) == 0);
    MESSAGE("10,000 nodes: " << l.crossings << " crossings");
}
