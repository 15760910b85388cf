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

TEST_CASE("Content resolves ids after rebuild_indices") {
    ex::Content c;
    c.edge_kinds = ex::builtin_edge_kinds();
    c.categories.push_back({"driver", ex::Text("Drivers"), "#aa0000", 0xaa0000, {}});
    ex::Node a; a.id = "a"; a.category = "driver";
    ex::Node b; b.id = "b"; b.category = "nope";
    c.nodes = {a, b};
    ex::Edge e; e.from = "a"; e.to = "b"; e.kind = "drives";
    c.edges = {e};
    c.rebuild_indices();
    CHECK(c.node_index("b") == 1);
    CHECK(c.node_index("zz") == -1);
    CHECK(c.nodes[0].category_index == 0);
    CHECK(c.nodes[1].category_index == -1);
    CHECK(c.edges[0].to_index == 1);
    CHECK(c.edges[0].kind_index == c.edge_kind_index("drives"));
}
