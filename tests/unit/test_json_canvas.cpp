// test_json_canvas.cpp — JSON Canvas 1.0 export follows the spec's rules and imports back to valid content; a
// hand-written canvas imports and validates; bad canvases are refused with pointers.
#include <doctest/doctest.h>

#include <fstream>
#include <regex>
#include <set>

#include "core/json_canvas.h"
#include "core/load.h"

using OJson = nlohmann::ordered_json;

static std::string canvas_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

static std::shared_ptr<const ex::Content> load_good(const std::string& path) {
    const ex::LoadResult r = ex::load_content_file(path);
    REQUIRE(r.ok());
    return r.content;
}

// The spec's rules: node types and their required fields, integer geometry, unique ids, edges between nodes.
static void check_canvas_rules(const OJson& canvas) {
    REQUIRE(canvas.contains("nodes"));
    REQUIRE(canvas.contains("edges"));
    std::set<std::string> ids, node_ids;
    const std::regex hex("^#[0-9a-f]{6}$");
    for (const OJson& n : canvas["nodes"]) {
        const std::string type = n.at("type");
        CHECK((type == "text" || type == "group"));
        for (const char* k : {"x", "y", "width", "height"}) CHECK(n.at(k).is_number_integer());
        CHECK(n.at("width").get<int64_t>() > 0);
        CHECK(n.at("height").get<int64_t>() > 0);
        if (type == "text") CHECK(n.at("text").is_string());
        if (n.contains("color")) CHECK(std::regex_match(n["color"].get<std::string>(), hex));
        CHECK(ids.insert(n.at("id").get<std::string>()).second);
        node_ids.insert(n.at("id").get<std::string>());
    }
    for (const OJson& e : canvas["edges"]) {
        CHECK(ids.insert(e.at("id").get<std::string>()).second);
        CHECK(node_ids.count(e.at("fromNode").get<std::string>()));
        CHECK(node_ids.count(e.at("toNode").get<std::string>()));
    }
}

TEST_CASE("json_canvas: the article exports to a spec-conforming canvas that imports back and validates") {
    const auto content = load_good(std::string(EXPLAINER_SOURCE_DIR) + "/assets/content/article.json");
    const ex::Layout layout = ex::compute_layout(*content);
    const OJson canvas = ex::export_canvas(*content, layout);
    check_canvas_rules(canvas);
    size_t text_nodes = 0;
    for (const OJson& n : canvas["nodes"])
        if (n["type"] == "text") {
            ++text_nodes;
            CHECK(n["text"].get<std::string>().rfind("# ", 0) == 0);  // the title is the heading
        }
    CHECK(text_nodes == content->nodes.size());
    CHECK(canvas["edges"].size() == content->edges.size());

    const ex::CanvasImport back = ex::import_canvas(canvas.dump(), "article.canvas");
    for (const ex::Problem& p : back.problems) CHECK_MESSAGE(p.severity == ex::Severity::Warning, ex::format_problem(p));
    REQUIRE(back.ok());
    const ex::LoadResult loaded = ex::load_content(back.content.dump(2), "article.json");
    REQUIRE(loaded.ok());
    const ex::Content& c = *loaded.content;
    REQUIRE(c.nodes.size() == content->nodes.size());
    CHECK(c.edges.size() == content->edges.size());
    for (size_t i = 0; i < c.nodes.size(); ++i) {
        CHECK(c.nodes[i].id == content->nodes[i].id);
        CHECK(c.nodes[i].title.get() == content->nodes[i].title.get("en"));
        CHECK(c.nodes[i].summary.get() == content->nodes[i].summary.get("en"));
        CHECK(c.nodes[i].body.size() == content->nodes[i].body.size());
        CHECK(c.nodes[i].has_position);
        CHECK(c.nodes[i].x == std::lround(layout.cards[i].x));  // positions become hints
    }
    for (size_t i = 0; i < c.edges.size(); ++i) {
        CHECK(c.edges[i].from == content->edges[i].from);
        // Built-in readings map back to their kinds; a kind the file declares itself travels as its reading.
        const ex::EdgeKind& kind = content->edge_kinds[size_t(content->edges[i].kind_index)];
        bool builtin = false;
        for (const ex::EdgeKind& b : ex::builtin_edge_kinds()) builtin |= b.id == kind.id && b.forward.items == kind.forward.items;
        if (builtin) CHECK(c.edges[i].kind == content->edges[i].kind);
        else CHECK(c.edges[i].kind == "relates-to");
        if (!builtin) CHECK(c.edges[i].label.get().find(kind.forward.get("en")) == 0);
    }
    // Categories come back whether they travelled as groups or as colours: same partition of the nodes.
    for (size_t i = 0; i < c.nodes.size(); ++i)
        for (size_t j = i + 1; j < c.nodes.size(); ++j)
            CHECK((c.nodes[i].category == c.nodes[j].category) ==
                  (content->nodes[i].category == content->nodes[j].category));
}

TEST_CASE("json_canvas: groups enclose their category's cards only when they touch no other card") {
    const auto content = load_good(std::string(EXPLAINER_FIXTURES) + "/good/complete.json");
    ex::Layout layout;
    layout.cards = {ex::Rect{0, 0, 240, 96}, ex::Rect{1000, 0, 240, 96}, ex::Rect{0, 200, 240, 96}};
    OJson canvas = ex::export_canvas(*content, layout);
    check_canvas_rules(canvas);
    REQUIRE(canvas["nodes"][0]["type"] == "group");  // groups first: behind their cards
    CHECK(canvas["nodes"][0]["label"] == "Drivers");
    CHECK(canvas["nodes"][0]["color"] == "#e07b39");
    CHECK(canvas["nodes"][1]["color"] == "#44aa99");  // "#4a9" written out in full
    CHECK(canvas["nodes"].size() == 5);
    const ex::CanvasImport back = ex::import_canvas(canvas.dump(), "complete.canvas");
    REQUIRE(back.ok());
    CHECK(back.content["categories"][0]["label"] == "Drivers");
    CHECK(back.content["nodes"][2]["category"] == back.content["categories"][0]["id"]);

    layout.cards[1] = ex::Rect{0, 100, 240, 96};  // an "effect" card between two "driver" cards
    canvas = ex::export_canvas(*content, layout);
    check_canvas_rules(canvas);
    for (const OJson& n : canvas["nodes"]) CHECK(n["type"] == "text");
    // Edge labels read as sentences: the file's own reading of "drives", then the label.
    CHECK(canvas["edges"][0]["label"] == "pushes up (through scarcity)");
}

TEST_CASE("json_canvas: a hand-written canvas imports and validates") {
    const std::string path = std::string(EXPLAINER_FIXTURES) + "/canvas/hand.canvas";
    const ex::CanvasImport r = ex::import_canvas(canvas_bytes(path), "hand.canvas");
    for (const ex::Problem& p : r.problems) CHECK_MESSAGE(p.severity == ex::Severity::Warning, ex::format_problem(p));
    REQUIRE(r.ok());
    std::vector<std::string> warned;
    for (const ex::Problem& p : r.problems) warned.push_back(p.pointer);
    CHECK(warned == std::vector<std::string>{"/nodes/10/url", "/edges/4"});

    const ex::LoadResult loaded = ex::load_content(r.content.dump(2), "hand.json");
    REQUIRE(loaded.ok());
    const ex::Content& c = *loaded.content;
    CHECK(c.meta.title.get() == "hand");
    REQUIRE(c.nodes.size() == 9);
    const ex::Node& first = c.nodes[0];
    CHECK(first.id == "8a1c0f3b2d4e5f60");
    CHECK(first.title.get() == "Export controls");
    CHECK(first.summary.get() == "The US limits sales of advanced chips.");
    REQUIRE(first.body.size() == 1);
    CHECK(first.body[0].get() == "The rules widened in 2023 and again in 2024.");
    CHECK(first.x == 0);
    CHECK(first.y == 0);
    // Every node cites its own paragraph, which holds the card's text.
    const ex::SourceParagraph* p = c.find_paragraph(first.citations.at(0).paragraph);
    REQUIRE(p);
    CHECK(p->text.get().find("# Export controls") == 0);

    CHECK(c.nodes[1].title.get() == "Domestic chip design");  // no heading: the first line
    CHECK(c.nodes[1].summary.get() == "Firms design their own accelerators.");
    CHECK(c.nodes[2].title.get() == "semiconductors-2025.pdf#Summary");
    CHECK(c.find_paragraph(c.nodes[2].citations[0].paragraph)->text.get() ==
          "File: papers/semiconductors-2025.pdf#Summary");
    REQUIRE(c.nodes[2].body.size() == 1);
    CHECK(c.nodes[2].body[0].get() == "papers/semiconductors-2025.pdf#Summary");  // the path in the body
    CHECK(c.nodes[3].title.get() == "https://example.com/ai-policy");
    REQUIRE(c.nodes[3].body.size() == 1);
    CHECK(c.nodes[3].body[0].get() == "https://example.com/ai-policy");
    CHECK(c.nodes[8].body.empty());
    CHECK(c.nodes[4].title.get() == "Price of compute");
    CHECK(c.nodes[8].title.get() == "Link");  // file:// is not kept
    for (const ex::Node& n : c.nodes)
        CHECK(c.find_paragraph(n.citations[0].paragraph)->text.get().find("passwd") == std::string::npos);

    // Groups → categories (smallest group containing the centre), then colours, then "Ungrouped".
    CHECK(c.categories.size() == 4);
    CHECK(c.nodes[0].category == "causes");
    CHECK(c.nodes[1].category == "causes");                  // coloured, but inside the group
    CHECK(c.nodes[4].category == "effects");
    CHECK(c.categories[c.category_index("causes")].colour == "#e9973f");  // preset "2": orange
    CHECK(c.nodes[6].category == "ungrouped");
    CHECK(c.nodes[7].category == "colour-a882ff");

    REQUIRE(c.edges.size() == 4);
    CHECK(c.edges[0].kind == "drives");
    CHECK(c.edges[0].label.empty());
    CHECK(c.edges[1].kind == "threatens");
    CHECK(c.edges[1].label.get() == "if subsidies stop");
    CHECK(c.edges[2].kind == "relates-to");  // no label
    CHECK(c.edges[3].kind == "relates-to");
    CHECK(c.edges[3].label.get() == "explains");
}

TEST_CASE("json_canvas: bad canvases are refused with a pointer to each problem") {
    auto errors = [](const std::string& bytes) {
        const ex::CanvasImport r = ex::import_canvas(bytes, "bad.canvas");
        CHECK_FALSE(r.ok());
        CHECK(r.content.is_null());
        std::vector<std::string> out;
        for (const ex::Problem& p : r.problems)
            if (p.severity == ex::Severity::Error) out.push_back(p.pointer + ": " + p.message);
        return out;
    };
    const std::string dir = std::string(EXPLAINER_FIXTURES) + "/canvas/";
    std::vector<std::string> e = errors(canvas_bytes(dir + "bad-syntax.canvas"));
    REQUIRE(e.size() == 1);
    CHECK(e[0].find("trailing comma") != std::string::npos);

    e = errors(canvas_bytes(dir + "bad-geometry.canvas"));
    CHECK(e == std::vector<std::string>{
                   "/nodes/0/x: expected an integer, got 0.5",
                   "/nodes/0/height: expected an integer, got \"80\"",
                   "/nodes/1: missing required field \"id\"",
                   "/nodes/2/id: duplicate id \"a\"; the first one is at /nodes/0",
                   "/nodes/2/type: unknown node type \"card\"; expected text, file, link or group",
                   "/edges/0/toNode: no node with id \"ghost\"",
               });
    e = errors(R"({"nodes": [{"id": "a", "type": "text", "x": 0, "y": 0, "width": 1, "height": 1, "text": "A"}],
                  "edges": [{"id": "e", "fromNode": "a", "toNode": "ghost"}, {"id": "f", "fromNode": "a"}]})");
    CHECK(e == std::vector<std::string>{"/edges/1: missing required field \"toNode\"",
                                        "/edges/0/toNode: no node with id \"ghost\""});
    e = errors("[]");
    CHECK(e.at(0).find("expected a JSON Canvas object") != std::string::npos);
    e = errors(R"({"nodes": [{"id": "g", "type": "group", "x": 0, "y": 0, "width": 1, "height": 1}]})");
    CHECK(e.at(0) == "/nodes: the canvas has no text, file or link nodes to import");
    e = errors(R"({"nodes": {}})");
    CHECK(e.at(0) == "/nodes: expected an array of nodes");
    e = errors(std::string(5000, '[') + std::string(5000, ']'));
    CHECK(e.size() == 1);
}
