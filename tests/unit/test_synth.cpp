#include <doctest/doctest.h>

#include <cctype>
#include <set>
#include <string>

#include "core/layout.h"
#include "core/synth.h"
#if __has_include("core/load.h") && __has_include(<nlohmann/json.hpp>)
#include "core/content_json.h"
#include "core/load.h"
#define EXPLAINER_HAVE_LOADER 1
#endif

namespace {

bool valid_id(const std::string& id) {
    if (id.empty() || id.size() > 64 || !std::isalnum((unsigned char)id[0])) return false;
    for (char ch : id)
        if (!std::isalnum((unsigned char)ch) && ch != '.' && ch != '_' && ch != '-') return false;
    return true;
}

}  // namespace

TEST_CASE("synthetic content is valid per the format spec") {
    for (int n : {1, 2, 10, 500}) {
        ex::Content c = ex::make_synthetic_content(n, 1.5, 11);
        REQUIRE((int)c.nodes.size() == n);
        CHECK(!c.categories.empty());
        std::set<std::string> ids;
        for (const auto& node : c.nodes) {
            CHECK(valid_id(node.id));
            CHECK(ids.insert(node.id).second);
            CHECK(node.category_index >= 0);
            CHECK(!node.title.empty());
            CHECK(node.title.get("en").size() <= 200);
            CHECK(node.title.has("zh"));
            CHECK(!node.summary.empty());
            REQUIRE(!node.citations.empty());
            for (const auto& cite : node.citations) {
                const ex::SourceParagraph* p = c.find_paragraph(cite.paragraph);
                REQUIRE(p != nullptr);
                if (!cite.quote.empty()) CHECK(p->text.get().find(cite.quote.get()) != std::string::npos);
            }
        }
        std::set<std::string> edge_keys;
        for (const auto& e : c.edges) {
            CHECK(e.from_index >= 0);
            CHECK(e.to_index >= 0);
            CHECK(e.kind_index >= 0);
            CHECK(e.from != e.to);
            CHECK(edge_keys.insert(e.from + ">" + e.to + ":" + e.kind).second);
        }
        REQUIRE(c.tours.size() == 1);
        CHECK(!c.tours[0].steps.empty());
        for (const auto& s : c.tours[0].steps) CHECK(s.node_index >= 0);
    }
}

TEST_CASE("synthetic content is deterministic and sized as asked") {
    ex::Content a = ex::make_synthetic_content(300, 2.0, 5);
    ex::Content b = ex::make_synthetic_content(300, 2.0, 5);
    ex::Content other = ex::make_synthetic_content(300, 2.0, 6);
    REQUIRE(a.edges.size() == b.edges.size());
    for (size_t i = 0; i < a.edges.size(); ++i) {
        CHECK(a.edges[i].from == b.edges[i].from);
        CHECK(a.edges[i].to == b.edges[i].to);
        CHECK(a.edges[i].kind == b.edges[i].kind);
    }
    for (size_t i = 0; i < a.nodes.size(); ++i) CHECK(a.nodes[i].title.get() == b.nodes[i].title.get());
    CHECK(a.edges.size() == 600);
    bool differs = false;
    for (size_t i = 0; i < std::min(a.edges.size(), other.edges.size()); ++i)
        differs = differs || a.edges[i].to != other.edges[i].to;
    CHECK(differs);
    // Mostly forward as the map reads: most edges lead from an earlier node to a later one (part-of, mitigates and
    // requires the other way round).
    int forward = 0;
    for (const auto& e : a.edges)
        forward += ex::reads_backwards(a, e) ? e.to_index < e.from_index : e.from_index < e.to_index;
    CHECK(forward > (int)a.edges.size() * 8 / 10);
    CHECK(ex::make_synthetic_content(0, 1, 1).nodes.size() == 1);
    CHECK(ex::make_synthetic_content(5, 100, 1).edges.size() <= 20);
}

#ifdef EXPLAINER_HAVE_LOADER
TEST_CASE("the loader accepts synthetic content without errors") {
    for (int n : {3, 200}) {
        ex::Content c = ex::make_synthetic_content(n, 1.5, 2);
        ex::LoadResult r = ex::load_content(ex::content_to_json(c).dump(), "synthetic.json");
        for (const auto& p : r.problems) MESSAGE(p.message);
        CHECK(r.ok());
        if (r.ok()) {
            CHECK(r.content->nodes.size() == c.nodes.size());
            CHECK(r.content->edges.size() == c.edges.size());
        }
    }
}
#endif
