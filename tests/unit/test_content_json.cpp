// The content writer is the loader's inverse: load(content_to_json(c)) gives c back, field by field.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "core/content_json.h"
#include "core/load.h"
#include "core/synth.h"

namespace {

const std::string kArticle = std::string(EXPLAINER_SOURCE_DIR) + "/assets/content/article.json";

// Every field of two Contents, the resolved indices and parsed colours included.
void check_same(const ex::Content& a, const ex::Content& b) {
    CHECK(a.meta.title.items == b.meta.title.items);
    CHECK(a.meta.subtitle.items == b.meta.subtitle.items);
    CHECK(a.meta.summary.items == b.meta.summary.items);
    CHECK(a.meta.language == b.meta.language);
    CHECK(a.meta.source.title.items == b.meta.source.title.items);
    CHECK(a.meta.source.publisher.items == b.meta.source.publisher.items);
    CHECK(a.meta.source.url == b.meta.source.url);
    REQUIRE(a.meta.source.sections.size() == b.meta.source.sections.size());
    for (size_t i = 0; i < a.meta.source.sections.size(); ++i) {
        const ex::SourceSection &x = a.meta.source.sections[i], &y = b.meta.source.sections[i];
        CHECK(x.id == y.id);
        CHECK(x.heading.items == y.heading.items);
        REQUIRE(x.paragraphs.size() == y.paragraphs.size());
        for (size_t k = 0; k < x.paragraphs.size(); ++k) {
            CHECK(x.paragraphs[k].id == y.paragraphs[k].id);
            CHECK(x.paragraphs[k].text.items == y.paragraphs[k].text.items);
        }
    }
    REQUIRE(a.categories.size() == b.categories.size());
    for (size_t i = 0; i < a.categories.size(); ++i) {
        const ex::Category &x = a.categories[i], &y = b.categories[i];
        CHECK(x.id == y.id);
        CHECK(x.label.items == y.label.items);
        CHECK(x.colour == y.colour);
        CHECK(x.rgb == y.rgb);
        CHECK(x.description.items == y.description.items);
        CHECK(x.notes == y.notes);
    }
    CHECK(a.lanes.on == b.lanes.on);
    CHECK(a.lanes.notes == b.lanes.notes);
    REQUIRE(a.edge_kinds.size() == b.edge_kinds.size());
    for (size_t i = 0; i < a.edge_kinds.size(); ++i) {
        const ex::EdgeKind &x = a.edge_kinds[i], &y = b.edge_kinds[i];
        CHECK(x.id == y.id);
        CHECK(x.forward.items == y.forward.items);
        CHECK(x.backward.items == y.backward.items);
        CHECK(x.style == y.style);
        CHECK(x.folds == y.folds);
        CHECK(x.reads_backwards == y.reads_backwards);
    }
    REQUIRE(a.nodes.size() == b.nodes.size());
    for (size_t i = 0; i < a.nodes.size(); ++i) {
        const ex::Node &x = a.nodes[i], &y = b.nodes[i];
        CAPTURE(x.id);
        CHECK(x.id == y.id);
        CHECK(x.category == y.category);
        CHECK(x.category_index == y.category_index);
        CHECK(x.title.items == y.title.items);
        CHECK(x.summary.items == y.summary.items);
        REQUIRE(x.body.size() == y.body.size());
        for (size_t k = 0; k < x.body.size(); ++k) CHECK(x.body[k].items == y.body[k].items);
        REQUIRE(x.tags.size() == y.tags.size());
        for (size_t k = 0; k < x.tags.size(); ++k) CHECK(x.tags[k].items == y.tags[k].items);
        REQUIRE(x.citations.size() == y.citations.size());
        for (size_t k = 0; k < x.citations.size(); ++k) {
            CHECK(x.citations[k].paragraph == y.citations[k].paragraph);
            CHECK(x.citations[k].quote.items == y.citations[k].quote.items);
        }
        CHECK(x.has_position == y.has_position);
        CHECK(x.x == y.x);
        CHECK(x.y == y.y);
    }
    REQUIRE(a.edges.size() == b.edges.size());
    for (size_t i = 0; i < a.edges.size(); ++i) {
        const ex::Edge &x = a.edges[i], &y = b.edges[i];
        CHECK(x.id == y.id);
        CHECK(x.from == y.from);
        CHECK(x.to == y.to);
        CHECK(x.kind == y.kind);
        CHECK(x.label.items == y.label.items);
        CHECK(x.from_index == y.from_index);
        CHECK(x.to_index == y.to_index);
        CHECK(x.kind_index == y.kind_index);
    }
    REQUIRE(a.tours.size() == b.tours.size());
    for (size_t i = 0; i < a.tours.size(); ++i) {
        const ex::Tour &x = a.tours[i], &y = b.tours[i];
        CHECK(x.id == y.id);
        CHECK(x.title.items == y.title.items);
        CHECK(x.description.items == y.description.items);
        REQUIRE(x.steps.size() == y.steps.size());
        for (size_t k = 0; k < x.steps.size(); ++k) {
            CHECK(x.steps[k].node == y.steps[k].node);
            CHECK(x.steps[k].caption.items == y.steps[k].caption.items);
            CHECK(x.steps[k].node_index == y.steps[k].node_index);
        }
    }
}

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
    check_same(*first.content, *again.content);

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
    check_same(c, *r.content);
    // Optional fields left unset are not written.
    const nlohmann::ordered_json j = ex::content_to_json(c);
    CHECK_FALSE(j["nodes"][2].contains("position"));
    CHECK_FALSE(j["nodes"][2].contains("tags"));
    CHECK_FALSE(j["nodes"][2].contains("body"));
    CHECK_FALSE(j["edges"][1].contains("label"));
    CHECK(j["nodes"][0]["position"]["x"].is_number_integer());  // -120, not -120.0
}
