#include <doctest/doctest.h>

#include <chrono>

#include "core/search.h"
#include "core/synth.h"

namespace {

ex::Node make_node(const std::string& id, ex::Text title, const std::string& summary, const std::string& body = "",
                   std::vector<std::string> tags = {}) {
    ex::Node n;
    n.id = id;
    n.category = "c";
    n.title = std::move(title);
    n.summary = ex::Text(summary);
    if (!body.empty()) n.body.push_back(ex::Text(body));
    for (auto& t : tags) n.tags.push_back(ex::Text(t));
    return n;
}

ex::Content sample() {
    ex::Content c;
    ex::Text zh_title;
    zh_title.items = {{"en", "Chip export controls"}, {"zh", "芯片出口管制"}};
    c.nodes.push_back(make_node("a", zh_title, "Washington limits sales of advanced chips.", "", {"trade"}));
    c.nodes.push_back(make_node("b", ex::Text("Talent pool"), "Universities train engineers for chips.",
                                "Exports of talent are rare."));
    c.nodes.push_back(make_node("c", ex::Text("Énergie et Données"), "Power for data centres.",
                                "Chipmakers need energy.", {"energy", "export"}));
    c.nodes.push_back(make_node("d", ex::Text("Market reaction"), "Investors price in risk.", "", {"markets"}));
    c.rebuild_indices();
    return c;
}

std::vector<int> nodes_of(const std::vector<ex::SearchHit>& hits) {
    std::vector<int> v;
    for (const auto& h : hits) v.push_back(h.node);
    return v;
}

}  // namespace

TEST_CASE("fold_case lowers ASCII, Latin-1, Greek and Cyrillic, leaves CJK alone") {
    CHECK(ex::fold_case("Hello WORLD 42") == "hello world 42");
    CHECK(ex::fold_case("ÉNERGIE ÀÖÞ Ÿ") == "énergie àöþ ÿ");
    CHECK(ex::fold_case("ΑΘΗΝΑ МОСКВА Ёж") == "αθηνα москва ёж");
    CHECK(ex::fold_case("芯片 × ß") == "芯片 × ß");
    CHECK(ex::fold_case(std::string("\xC3", 1)) == std::string("\xC3", 1));  // truncated sequence survives
}

TEST_CASE("search: case-insensitive, partial, all words, ranked by field") {
    ex::SearchIndex idx;
    idx.build(sample(), "en");
    CHECK(idx.node_count() == 4);

    // "chip": title of a (word start), summary of b, body of c ("Chipmakers").
    auto hits = idx.query("CHIP");
    REQUIRE(hits.size() == 3);
    CHECK(nodes_of(hits) == std::vector<int>{0, 1, 2});
    CHECK(hits[0].field == "title");
    CHECK(hits[1].field == "summary");
    CHECK(hits[2].field == "body");
    CHECK(hits[0].score > hits[1].score);

    // Substring inside a word, and accents folded by case only.
    CHECK(nodes_of(idx.query("alen")) == std::vector<int>{1});
    CHECK(nodes_of(idx.query("énergie")) == std::vector<int>{2});
    CHECK(nodes_of(idx.query("ÉNERG")) == std::vector<int>{2});

    // Every word must match somewhere (any field).
    CHECK(nodes_of(idx.query("chip energy")) == std::vector<int>{2});
    CHECK(idx.query("chip zebra").empty());

    // Tags outrank summary and body: "export" is a tag of c, a title word of a, body of b.
    auto ex_hits = idx.query("export");
    REQUIRE(ex_hits.size() == 3);
    CHECK(ex_hits[0].node == 0);
    CHECK(ex_hits[1].node == 2);
    CHECK(ex_hits[1].field == "tags");
    CHECK(ex_hits[2].node == 1);

    CHECK(idx.query("").empty());
    CHECK(idx.query("   ").empty());
    CHECK(idx.query("chip", 1).size() == 1);
}

TEST_CASE("search: Chinese substrings in the zh index") {
    ex::SearchIndex idx;
    idx.build(sample(), "zh");
    CHECK(nodes_of(idx.query("出口")) == std::vector<int>{0});
    CHECK(nodes_of(idx.query("芯片　管制")) == std::vector<int>{0});  // ideographic space separates words
    CHECK(idx.query("片出")[0].field == "title");
    CHECK(nodes_of(idx.query("talent")) == std::vector<int>{1});  // English fallback for untranslated text
    CHECK(idx.query("\xE5\x87").empty() == false);                // a partial character still searches safely
}

TEST_CASE("search: ties keep node order, and 10,000 nodes build and query quickly") {
    ex::Content c = ex::make_synthetic_content(10000, 1.5, 4);
    auto t0 = std::chrono::steady_clock::now();
    ex::SearchIndex idx;
    idx.build(c, "en");
    auto t1 = std::chrono::steady_clock::now();
    auto hits = idx.query("rising rates", 1000);
    auto t2 = std::chrono::steady_clock::now();
    REQUIRE(!hits.empty());
    for (size_t i = 1; i < hits.size(); ++i) {
        CHECK(hits[i - 1].score >= hits[i].score);
        if (hits[i - 1].score == hits[i].score) CHECK(hits[i - 1].node < hits[i].node);
    }
    auto zh = idx.query("n1234");
    (void)zh;
    ex::SearchIndex zh_idx;
    zh_idx.build(c, "zh");
    CHECK(!zh_idx.query("运费").empty());
    MESSAGE("10,000 nodes: build " << std::chrono::duration<double, std::milli>(t1 - t0).count() << " ms, query "
                                   << std::chrono::duration<double, std::milli>(t2 - t1).count() << " ms, "
                                   << hits.size() << " hits");
}
