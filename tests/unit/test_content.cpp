#include <doctest/doctest.h>

#include "core/content.h"

TEST_CASE("Text picks the requested language, then a plain string, then the fallback") {
    ex::Text t;
    t.items = {{"zh", "中文"}, {"en", "English"}};
    CHECK(t.get("zh") == "中文");
    CHECK(t.get("fr") == "English");
    CHECK(t.has("zh"));
    CHECK_FALSE(t.has("fr"));
    ex::Text plain("hello");
    CHECK(plain.get("zh") == "hello");
    CHECK(plain.has("zh"));
    CHECK(ex::Text().get().empty());
}

// Two cards: "a" in the one category, "b" in a category the content does not have.
static void add_two_cards(ex::Content& c) {
    c.categories.push_back({"driver", ex::Text("Drivers"), "#aa0000", 0xaa0000, {}});
    ex::Node a;
    a.id = "a";
    a.category = "driver";
    ex::Node b;
    b.id = "b";
    b.category = "nope";
    c.nodes = {a, b};
}

TEST_CASE("Content resolves ids after rebuild_indices") {
    ex::Content c;
    c.edge_kinds = ex::builtin_edge_kinds();
    add_two_cards(c);
    ex::Edge e;
    e.from = "a";
    e.to = "b";
    e.kind = "drives";
    c.edges = {e};
    c.rebuild_indices();
    CHECK(c.node_index("b") == 1);
    CHECK(c.node_index("zz") == -1);
    CHECK(c.nodes[0].category_index == 0);
    CHECK(c.nodes[1].category_index == -1);
    CHECK(c.edges[0].to_index == 1);
    CHECK(c.edges[0].kind_index == c.edge_kind_index("drives"));
}

TEST_CASE("edge_reading and edge_caption: the kind's reading either way, the label, the id for an unknown kind") {
    ex::Content c;
    c.meta.language = "en";
    c.edge_kinds = ex::builtin_edge_kinds();
    ex::EdgeKind k;
    k.id = "funds";
    k.forward.items = {{"en", "funds"}, {"zh", "资助"}};
    k.backward.items = {{"en", "is funded by"}, {"zh", "受资助于"}};
    c.edge_kinds.push_back(k);
    add_two_cards(c);
    ex::Edge e;
    e.from = "a";
    e.to = "b";
    e.kind = "funds";
    e.label.items = {{"en", "through loans"}, {"zh", "通过贷款"}};
    ex::Edge plain;
    plain.from = "a";
    plain.to = "b";
    plain.kind = "drives";
    ex::Edge unknown;
    unknown.from = "a";
    unknown.to = "b";
    unknown.kind = "haunts";
    c.edges = {e, plain, unknown};

    // Before rebuild_indices (content built by hand) the kind is found by its id; after, through kind_index.
    for (int pass = 0; pass < 2; ++pass) {
        CAPTURE(pass);
        CHECK(ex::edge_reading(c, c.edges[0], "en") == "funds");
        CHECK(ex::edge_reading(c, c.edges[0], "zh", true) == "受资助于");
        CHECK(ex::edge_caption(c, c.edges[0], "en", " (", ")") == "funds (through loans)");
        CHECK(ex::edge_caption(c, c.edges[0], "zh", " \u00b7 ", "", true) == "受资助于 \u00b7 通过贷款");
        CHECK(ex::edge_caption(c, c.edges[1], "en", " (", ")") == "drives");  // no label: no brackets
        CHECK(ex::edge_caption(c, c.edges[2], "en", " (", ")") == "haunts");
        c.rebuild_indices();
    }
    REQUIRE(c.edges[0].kind_index >= 0);

    CHECK(ex::category_rgb(c, c.nodes[0].category_index) == std::optional<uint32_t>(0xaa0000));
    CHECK_FALSE(ex::category_rgb(c, c.nodes[1].category_index).has_value());  // unknown category
    CHECK_FALSE(ex::category_rgb(c, 1).has_value());
}
