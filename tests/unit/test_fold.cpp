// Folding (core/fold.h) and the lanes layout (layout_lanes.cpp) on tiny graphs with exact expected results, the
// loader's warnings for fold cycles, parts of two wholes and unknown note categories, and a second article's
// structure laid out in lanes with no code change.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "core/fold.h"
#include "core/layout.h"
#include "core/load.h"

namespace {

std::string read_fixture(const std::string& name) {
    std::ifstream f(std::string(EXPLAINER_FIXTURES) + "/" + name, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

// Nodes "id:category", edges "from>to:kind"; every node cites p1.
std::string tiny(const std::vector<std::string>& nodes, const std::vector<std::string>& edges, bool lanes,
                 const std::string& extra = "") {
    std::string s = R"({"meta":{"title":"t","summary":"s","source":{"title":"x","sections":[{"id":"s","heading":"h",
        "paragraphs":[{"id":"p1","text":"text"}]}]}},"categories":[{"id":"a","label":"A","colour":"#111111"},
        {"id":"b","label":"B","colour":"#222222"},{"id":"n","label":"Notes","colour":"#333333"}],)";
    if (lanes) s += R"("lanes":{"notes":["n"]},)";
    s += extra;
    s += R"("nodes":[)";
    for (size_t i = 0; i < nodes.size(); ++i) {
        const auto colon = nodes[i].find(':');
        s += (i ? "," : "") + std::string(R"({"id":")") + nodes[i].substr(0, colon) + R"(","category":")" +
             nodes[i].substr(colon + 1) + R"(","title":"T","summary":"S","citations":[{"paragraph":"p1"}]})";
    }
    s += R"(],"edges":[)";
    for (size_t i = 0; i < edges.size(); ++i) {
        const auto gt = edges[i].find('>'), colon = edges[i].find(':');
        s += (i ? "," : "") + std::string(R"({"from":")") + edges[i].substr(0, gt) + R"(","to":")" +
             edges[i].substr(gt + 1, colon - gt - 1) + R"(","kind":")" + edges[i].substr(colon + 1) + R"("})";
    }
    return s + R"(],"tours":[]})";
}

std::shared_ptr<const ex::Content> load(const std::string& json, ex::LoadResult* out = nullptr) {
    ex::LoadResult r = ex::load_content(json, "tiny.json");
    if (out) *out = r;
    REQUIRE(r.ok());
    return r.content;
}

bool warns(const ex::LoadResult& r, const std::string& pointer, const std::string& contains) {
    for (const auto& p : r.problems)
        if (p.severity == ex::Severity::Warning && p.pointer == pointer &&
            p.message.find(contains) != std::string::npos)
            return true;
    return false;
}

}  // namespace

TEST_CASE("fold tree: same-category parts fold, other categories never, nested groups count all parts") {
    auto c = load(tiny({"w:a", "p1:a", "p2:a", "q:a", "other:b"},
                       {"p1>w:part-of", "p2>w:part-of", "q>p1:part-of", "other>w:part-of"}, false));
    const ex::FoldTree t = ex::build_fold_tree(*c);
    CHECK(t.whole == std::vector<int>{-1, 0, 0, 1, -1});
    CHECK(t.parts[0] == std::vector<int>{1, 2});
    CHECK(t.nested[0] == 3);
    CHECK(t.nested[1] == 1);
    CHECK(t.any());

    std::vector<char> unfolded(5, 0);
    CHECK(ex::shown_cards(t, unfolded) == std::vector<char>{1, 0, 0, 0, 1});
    CHECK(ex::representatives(t, ex::shown_cards(t, unfolded)) == std::vector<int>{0, 0, 0, 0, 4});
    CHECK(ex::unfold_to(t, 3, unfolded));  // q: its whole p1 and p1's whole w
    CHECK(unfolded == std::vector<char>{1, 1, 0, 0, 0});
    CHECK(ex::shown_cards(t, unfolded) == std::vector<char>{1, 1, 1, 1, 1});
    CHECK_FALSE(ex::unfold_to(t, 3, unfolded));
}

TEST_CASE("fold problems: a cycle and a part of two wholes are warnings, and the first edge wins") {
    ex::LoadResult r;
    auto c = load(tiny({"x:a", "y:a", "z:a"}, {"x>y:part-of", "y>x:part-of", "x>z:part-of"}, false), &r);
    CHECK(warns(r, "/edges/1", "fold cycle"));
    CHECK(warns(r, "/edges/2", "already a part of \"y\""));
    const ex::FoldTree t = ex::build_fold_tree(*c);
    CHECK(t.whole == std::vector<int>{1, -1, -1});  // the same choice as the warnings say
}

TEST_CASE("lanes: an unknown notes category is a warning; a custom kind can fold and read backwards") {
    ex::LoadResult r;
    load(tiny({"x:a"}, {}, false, R"("lanes":{"notes":["nope"]},)"), &r);
    CHECK(warns(r, "/lanes/notes/0", "no category with id \"nope\""));
    auto c = load(tiny({"x:a", "y:a"}, {"x>y:member"}, false,
                       R"("edge_kinds":[{"id":"member","forward":"is in","backward":"has","folds":true,
                          "reads_backwards":true}],)"));
    const ex::FoldTree t = ex::build_fold_tree(*c);
    CHECK(t.whole[0] == 1);
    CHECK(ex::reads_backwards(*c, c->edges[0]));
    // A redeclared built-in keeps its behaviour.
    auto d = load(tiny({"x:a", "y:a"}, {"x>y:part-of"}, false,
                       R"("edge_kinds":[{"id":"part-of","forward":"belongs to","backward":"holds"}],)"));
    CHECK(ex::build_fold_tree(*d).whole[0] == 1);
}

TEST_CASE("lay_out_folded: folded cards take their whole's card, inner edges vanish, edges to a group merge") {
    auto c = load(tiny({"w:a", "p1:a", "p2:a", "o:b"},
                       {"p1>w:part-of", "p2>w:part-of", "p1>o:drives", "p2>o:drives", "w>o:drives"}, true));
    const ex::FoldTree t = ex::build_fold_tree(*c);
    std::vector<char> unfolded(4, 0);
    ex::Layout l = ex::lay_out_folded(*c, t, unfolded, {});
    CHECK(l.shown_as == std::vector<int>{0, 0, 0, 3});
    CHECK(l.cards[1].x == l.cards[0].x);
    CHECK(l.cards[2].y == l.cards[0].y);
    CHECK(l.edge_paths[0].empty());  // part-of inside the group
    CHECK(l.merged[2] == 3);         // p1>o stands for p1>o, p2>o and w>o
    CHECK(l.merged[3] == 0);
    CHECK(l.merged[4] == 0);

    unfolded[0] = 1;
    l = ex::lay_out_folded(*c, t, unfolded, {});
    CHECK(l.shown_as == std::vector<int>{0, 1, 2, 3});
    CHECK(l.merged == std::vector<int>{1, 1, 1, 1, 1});
    // Parts follow their whole in its lane, and the part-of arrow reads whole → part (reversed).
    CHECK(l.layer[1] == l.layer[0]);
    CHECK(l.order_in_layer[0] == 0);
    CHECK(l.order_in_layer[1] == 1);
    CHECK(l.order_in_layer[2] == 2);
    CHECK(l.reversed[0] == 1);
    CHECK(l.reversed[2] == 0);
}

TEST_CASE("lanes layout: columns in category order, notes beside what they qualify, portrait rows") {
    auto c = load(tiny({"b1:b", "a1:a", "a2:a", "note:n"}, {"a1>b1:drives", "note>b1:drives"}, true));
    ex::LayoutOptions o;
    o.card_width = 100;
    o.card_height = 40;
    o.node_gap = 10;
    o.lane_gap = 50;
    o.lane_header = 30;
    o.aspect = 0.1f;  // a tall view: no lane wraps
    ex::Layout l = ex::compute_layout(*c, o);
    REQUIRE(l.lanes.size() == 2);  // a, b; the notes category has no lane
    CHECK(l.lanes[0].category == 0);
    CHECK(l.lanes[1].category == 1);
    CHECK(l.cards[1].x == 0);    // a1 in lane a
    CHECK(l.cards[0].x == 150);  // b1 in lane b: 100 + 50
    CHECK(l.cards[3].x == 150);  // the note joins b1's lane, after it
    CHECK(l.cards[3].y > l.cards[0].y);
    CHECK(l.cards[1].y == 30);
    CHECK(l.cards[2].y == 80);                // 30 + 40 + 10
    CHECK(l.edge_paths[0].front().x == 100);  // a1's right side to b1's left side
    CHECK(l.edge_paths[0].back().x == 150);

    o.left_to_right = false;
    o.lane_columns = 2;
    o.lane_gap = 20;
    l = ex::compute_layout(*c, o);
    CHECK(l.cards[1].y == 30);  // lane a: a row under its header
    CHECK(l.cards[2].y == 30);
    CHECK(l.cards[1].x == 0);
    CHECK(l.cards[2].x == 110);
    CHECK(l.cards[0].y == 30 + 40 + 20 + 30);  // lane b below: gap, then its header
    CHECK(l.cards[3].x == 110);                // the note beside b1
}

TEST_CASE("lanes layout: within a lane, neighbours get a short arrow through the gap, others a bracket") {
    auto c = load(tiny({"a1:a", "a2:a", "a3:a", "b1:b"}, {"a1>a2:drives", "a1>a3:drives", "a3>a2:drives"}, true));
    ex::LayoutOptions o;
    o.aspect = 0.1f;  // one column per lane
    const ex::Layout l = ex::compute_layout(*c, o);
    int arrows = 0, brackets = 0;
    for (int e = 0; e < 3; ++e) {
        CAPTURE(e);
        const ex::Edge& ed = c->edges[e];
        const ex::Rect& from = l.cards[ed.from_index];
        const ex::Rect& to = l.cards[ed.to_index];
        const auto& path = l.edge_paths[e];
        REQUIRE(path.size() >= 2);
        if (std::abs(l.order_in_layer[ed.from_index] - l.order_in_layer[ed.to_index]) == 1) {
            ++arrows;
            REQUIRE(path.size() == 2);
            CHECK(path[0].x == from.center().x);  // straight down or up, from the facing sides
            CHECK(path[1].x == to.center().x);
            CHECK(path[0].y == (from.top() < to.top() ? from.bottom() : from.top()));
            CHECK(path[1].y == (from.top() < to.top() ? to.top() : to.bottom()));
        } else {
            ++brackets;
            REQUIRE(path.size() == 4);
            CHECK(path[1].x > from.right());  // beside the lane, clear of the card between
            CHECK(path[0].y == from.center().y);
            CHECK(path[3].y == to.center().y);
        }
    }
    CHECK(arrows == 2);  // of three cards in a column, two pairs are neighbours, one pair is not
    CHECK(brackets == 1);
}

TEST_CASE("lanes layout: a long lane wraps into sub-columns when the view is wide and short") {
    std::vector<std::string> nodes;
    for (int i = 0; i < 10; ++i) nodes.push_back("x" + std::to_string(i) + ":a");
    nodes.push_back("y:b");
    auto c = load(tiny(nodes, {}, true));
    ex::LayoutOptions o;
    o.aspect = 0.3f;  // tall: one column
    ex::Layout tall = ex::compute_layout(*c, o);
    CHECK(tall.cards[9].x == tall.cards[0].x);
    o.aspect = 2.5f;
    ex::Layout wide = ex::compute_layout(*c, o);
    CHECK(wide.cards[9].x > wide.cards[0].x);  // wrapped
    CHECK(wide.bounds.w / wide.bounds.h > tall.bounds.w / tall.bounds.h);
}

TEST_CASE("a second article's own categories and kinds lay out in lanes and fold with no code change") {
    ex::LoadResult r = ex::load_content(read_fixture("good/lanes-second.json"), "lanes-second.json");
    REQUIRE(r.ok());
    CHECK(r.problems.empty());
    const ex::Content& c = *r.content;
    const ex::FoldTree t = ex::build_fold_tree(c);
    const int bus = c.node_index("night-bus");
    CHECK(t.nested[bus] == 3);
    ex::Layout l = ex::lay_out_folded(c, t, std::vector<char>(c.nodes.size(), 0), {});
    CHECK(l.lanes.size() == 3);  // needs, plan, effects; doubts are notes
    CHECK(l.shown_as[c.node_index("stop-square")] == bus);
    CHECK(l.layer[c.node_index("who-pays")] == l.layer[c.node_index("small-fare")]);
    // "night bus answers late shifts": the plan lane is after the needs lane, so the arrow reads backwards.
    int answers = -1;
    for (int e = 0; e < (int)c.edges.size(); ++e)
        if (c.edges[e].from == "night-bus" && c.edges[e].to == "late-shifts") answers = e;
    CHECK(l.reversed[answers] == 1);
    CHECK(l.edge_paths[answers].front().x < l.edge_paths[answers].back().x);
}
