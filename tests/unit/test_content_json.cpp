// The content writer is the loader's inverse: load(content_to_json(c)) gives c back, field by field.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "core/content_json.h"
#include "core/load.h"
#include "core/synth.h"
#include "same_content.h"

namespace {

const std::string kArticle = std::string(EXPLAINER_SOURCE_DIR) + "/assets/content/article.json";

ex::LoadResult reload(const ex::Content& c, const char* label) {
    ex::LoadResult r = ex::load_content(ex::content_to_json(c).dump(), label);
    for (const ex::Problem& p : r.problems) MESSAGE(ex::format_problem(p));
    return r;
}

}  // namespace

TEST_CASE("content_to_json: the bundled article loads back as it was, and writes what the file says") {
    const ex::LoadResult first = ex::load_content_file(kArticle);
    REQUIRE(first.ok());
    const ex::LoadResult again = reload(*first.content, "article-again.json");
    REQUIRE(again.ok());
    CHECK(again.problems.empty());
    check_same_content(*first.content, *again.content);

    // Beyond the round trip: the cards, links, tours, categories and meta are the file's own, key for key (the
    // file's order of keys aside). Declared kinds are compared by the round trip above: a redeclared built-in is
    // written with its folds and reads_backwards spelled out.
    std::ifstream in(kArticle, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    const nlohmann::json file = nlohmann::json::parse(bytes.str());
    const nlohmann::json written = nlohmann::json::parse(ex::content_to_json(*first.content).dump());
    for (const char* key : {"format", "meta", "categories", "lanes", "nodes", "edges", "tours"}) {
        CAPTURE(key);
        CHECK(written.at(key) == file.at(key));
    }
}

TEST_CASE("content_to_json: synthetic content, with every optional field set, loads back as it was") {
    ex::Content c = ex::make_synthetic_content(60, 1.5, 7);
    c.meta.subtitle.items = {{"en", "A subtitle"}, {"zh", "副标题"}};
    c.meta.source.url = "https://example.org/article";
    c.categories[0].description = ex::Text("What drives it.");
    c.lanes.on = true;
    c.lanes.notes = {c.categories.back().id};
    ex::EdgeKind kind;  // a declared kind, and a built-in that reads differently here
    kind.id = "funds";
    kind.forward.items = {{"en", "funds"}, {"zh", "资助"}};
    kind.backward = ex::Text("is funded by");
    kind.style = "dotted";
    kind.folds = true;
    c.edge_kinds.push_back(kind);
    c.edge_kinds[0].forward = ex::Text("pushes");
    c.nodes[0].has_position = true;
    c.nodes[0].x = -120;
    c.nodes[0].y = 40.5;
    c.nodes[1].tags = {ex::Text("chips"), ex::Text("policy")};
    c.nodes[1].body = {ex::Text("One more paragraph.")};
    c.nodes[2].tags.clear();  // and a node without the optional fields
    c.nodes[2].body.clear();
    c.edges[0].id = "first-link";
    c.edges[0].label.items = {{"en", "through loans"}, {"zh", "通过贷款"}};
    c.edges[1].kind = "funds";
    c.tours[0].description = ex::Text("The whole argument.");
    c.rebuild_indices();

    const ex::LoadResult r = reload(c, "synthetic.json");
    REQUIRE(r.ok());
    check_same_content(c, *r.content);
    // Optional fields left unset are not written.
    const nlohmann::ordered_json j = ex::content_to_json(c);
    CHECK_FALSE(j["nodes"][2].contains("position"));
    CHECK_FALSE(j["nodes"][2].contains("tags"));
    CHECK_FALSE(j["nodes"][2].contains("body"));
    CHECK_FALSE(j["edges"][1].contains("label"));
    CHECK(j["nodes"][0]["position"]["x"].is_number_integer());  // -120, not -120.0
}
