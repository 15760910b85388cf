#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "core/layout.h"
#include "core/navigation.h"
#include "core/synth.h"

TEST_CASE("History: back, forward, no-op revisits, forward cleared by a visit") {
    ex::History h;
    CHECK_FALSE(h.can_back());
    CHECK(h.back().empty());
    CHECK(h.current().empty());
    h.visit("a");
    h.visit("b");
    h.visit("b");  // no-op
    h.visit("c");
    CHECK(h.current() == "c");
    CHECK(h.can_back());
    CHECK_FALSE(h.can_forward());
    CHECK(h.back() == "b");
    CHECK(h.back() == "a");
    CHECK_FALSE(h.can_back());
    CHECK(h.forward() == "b");
    CHECK(h.can_forward());
    h.visit("d");  // drops "c"
    CHECK_FALSE(h.can_forward());
    CHECK(h.forward().empty());
    CHECK(h.back() == "b");
    CHECK(h.back() == "a");
}

TEST_CASE("History: capacity and breadcrumbs") {
    ex::History h(3);
    for (const char* id : {"a", "b", "c", "d"}) h.visit(id);
    CHECK(h.back() == "c");
    CHECK(h.back() == "b");
    CHECK_FALSE(h.can_back());  // "a" fell off

    ex::History t;
    for (const char* id : {"a", "b", "a", "c"}) t.visit(id);
    CHECK(t.trail() == std::vector<std::string>{"b", "a", "c"});  // distinct, most recent visit of each
    t.back();
    CHECK(t.trail() == std::vector<std::string>{"b", "a"});
    for (int i = 0; i < 20; ++i) t.visit("n" + std::to_string(i));
    CHECK(t.trail().size() == ex::History::kTrailLength);
    CHECK(t.trail().back() == "n19");
    t.clear();
    CHECK(t.trail().empty());
    CHECK_FALSE(t.can_back());
}

TEST_CASE("Tour helpers stay within the steps") {
    ex::Content c = ex::make_synthetic_content(50, 1.5, 1);
    const int steps = (int)c.tours[0].steps.size();
    REQUIRE(steps >= 2);
    ex::TourState s;
    CHECK_FALSE(s.active());
    CHECK(ex::tour_node(s, c) == -1);
    CHECK_FALSE(ex::tour_next(s, c));
    CHECK_FALSE(ex::tour_start(s, c, 5));
    CHECK(ex::tour_start(s, c, 0));
    CHECK(s.active());
    CHECK(ex::tour_node(s, c) == c.tours[0].steps[0].node_index);
    CHECK_FALSE(ex::tour_prev(s));
    for (int i = 1; i < steps; ++i) CHECK(ex::tour_next(s, c));
    CHECK_FALSE(ex::tour_next(s, c));
    CHECK(s.step == steps - 1);
    CHECK(ex::tour_prev(s));
    CHECK(s.step == steps - 2);
    ex::tour_stop(s);
    CHECK_FALSE(s.active());
}

TEST_CASE("reading_order visits every node, column by column, top to bottom") {
    ex::Content c = ex::make_synthetic_content(120, 1.5, 9);
    ex::Layout l = ex::compute_layout(c);
    std::vector<int> order = ex::reading_order(c, l);
    REQUIRE(order.size() == c.nodes.size());
    CHECK(std::set<int>(order.begin(), order.end()).size() == order.size());
    for (size_t i = 1; i < order.size(); ++i) {
        int a = order[i - 1], b = order[i];
        if (l.component[a] != l.component[b]) {
            CHECK(l.component[a] < l.component[b]);
            continue;
        }
        if (l.cards[a].x == l.cards[b].x) CHECK(l.cards[a].y < l.cards[b].y);
        else CHECK(l.cards[a].x < l.cards[b].x);
    }
}

TEST_CASE("neighbour_in_direction picks the nearest card in the cone") {
    ex::Layout l;
    // A 3 × 3 grid of 100 × 50 cards, 150 apart horizontally and 80 vertically, plus one far off-axis card.
    for (int row = 0; row < 3; ++row)
        for (int col = 0; col < 3; ++col) l.cards.push_back({col * 150.0f, row * 80.0f, 100, 50});
    l.cards.push_back({600, 600, 100, 50});  // 9
    const int centre = 4;
    CHECK(ex::neighbour_in_direction(l, centre, {1, 0}) == 5);
    CHECK(ex::neighbour_in_direction(l, centre, {-1, 0}) == 3);
    CHECK(ex::neighbour_in_direction(l, centre, {0, -1}) == 1);
    CHECK(ex::neighbour_in_direction(l, centre, {0, 1}) == 7);
    CHECK(ex::neighbour_in_direction(l, 0, {-1, 0}) == -1);
    CHECK(ex::neighbour_in_direction(l, 8, {1, 1}) == 9);
    CHECK(ex::neighbour_in_direction(l, 8, {0, 0}) == -1);
    CHECK(ex::neighbour_in_direction(l, 42, {1, 0}) == -1);
    std::vector<bool> visible(10, true);
    visible[5] = false;
    CHECK(ex::neighbour_in_direction(l, centre, {1, 0}, visible) == 2);  // 5 hidden: the diagonal ones are
    visible[2] = visible[8] = false;                                     // within the cone; a tie goes to 2
    CHECK(ex::neighbour_in_direction(l, centre, {1, 0}, visible) == -1);
}

TEST_CASE("grouped_neighbours groups by reading, outgoing first") {
    ex::Content c;
    c.edge_kinds = ex::builtin_edge_kinds();
    c.categories.push_back({"c", ex::Text("C"), "#888888", 0x888888, {}});
    for (const char* id : {"x", "a", "b", "d", "p"}) {
        ex::Node n;
        n.id = id;
        n.category = "c";
        c.nodes.push_back(n);
    }
    auto edge = [&](const char* f, const char* t, const char* k) {
        ex::Edge e;
        e.from = f;
        e.to = t;
        e.kind = k;
        c.edges.push_back(e);
    };
    edge("a", "x", "drives");   // x is driven by a
    edge("x", "b", "enables");  // x enables b
    edge("x", "d", "drives");   // x drives d
    edge("p", "x", "part-of");  // x includes p
    edge("b", "x", "drives");   // x is driven by b
    edge("a", "b", "drives");   // unrelated
    c.rebuild_indices();
    auto groups = ex::grouped_neighbours(c, 0, "en");
    REQUIRE(groups.size() == 4);
    CHECK(groups[0].first == "drives");
    CHECK(groups[0].second.size() == 1);
    CHECK(groups[0].second[0].node == 3);
    CHECK(groups[0].second[0].outgoing);
    CHECK(groups[1].first == "enables");
    CHECK(groups[2].first == "is driven by");
    REQUIRE(groups[2].second.size() == 2);
    CHECK(groups[2].second[0].node == 1);
    CHECK(groups[2].second[1].node == 2);
    CHECK_FALSE(groups[2].second[0].outgoing);
    CHECK(groups[2].second[1].edge == 4);
    CHECK(groups[3].first == "includes");
    CHECK(ex::grouped_neighbours(c, 99, "en").empty());
}

TEST_CASE("Content::edges_at lists each resolved edge at both ends once, and follows rebuild_indices") {
    ex::Content c;
    c.edge_kinds = ex::builtin_edge_kinds();
    for (const char* id : {"a", "b", "c"}) {
        ex::Node n;
        n.id = id;
        c.nodes.push_back(n);
    }
    for (auto [f, t] : {std::pair{"a", "b"}, {"b", "b"}, {"a", "missing"}, {"c", "a"}}) {
        ex::Edge e;
        e.from = f;
        e.to = t;
        e.kind = "drives";
        c.edges.push_back(e);
    }
    CHECK(c.edges_at(0).empty());  // nothing until the indices are built
    c.rebuild_indices();
    CHECK(c.edges_at(0) == std::vector<int>{0, 3});  // the edge to a missing node is left out
    CHECK(c.edges_at(1) == std::vector<int>{0, 1});  // the loop b → b once
    CHECK(c.edges_at(2) == std::vector<int>{3});
    CHECK(c.edges_at(-1).empty());
    CHECK(c.edges_at(3).empty());
    REQUIRE(ex::grouped_neighbours(c, 1, "en").size() == 2);  // a → b reads incoming, the loop outgoing
    c.edges.pop_back();
    c.rebuild_indices();
    CHECK(c.edges_at(0) == std::vector<int>{0});
    CHECK(c.edges_at(2).empty());
}
