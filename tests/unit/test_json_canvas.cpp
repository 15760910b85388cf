// test_json_canvas.cpp — JSON Canvas 1.0 export follows the spec's rules and imports back to the same content
// (categories, kinds, tours, source, translations), edits made on the canvas win; a hand-written canvas imports and
// validates, its Markdown read as plain text and its colours as named categories; bad canvases are refused with
// pointers.
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
    for (const ex::Problem& p : back.problems)
        CHECK_MESSAGE(p.severity == ex::Severity::Warning, ex::format_problem(p));
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
        CHECK(c.edges[i].kind == content->edges[i].kind);
    }
}

// Everything the explainer format has that a canvas cannot show comes back from an unedited export.
static void check_same_content(const ex::Content& a, const ex::Content& b) {
    CHECK(a.meta.title.items == b.meta.title.items);
    CHECK(a.meta.summary.items == b.meta.summary.items);
    CHECK(a.meta.language == b.meta.language);
    CHECK(a.lanes.on == b.lanes.on);
    CHECK(a.lanes.notes == b.lanes.notes);
    REQUIRE(a.meta.source.sections.size() == b.meta.source.sections.size());
    for (size_t s = 0; s < a.meta.source.sections.size(); ++s) {
        REQUIRE(a.meta.source.sections[s].paragraphs.size() == b.meta.source.sections[s].paragraphs.size());
        for (size_t k = 0; k < a.meta.source.sections[s].paragraphs.size(); ++k)
            CHECK(a.meta.source.sections[s].paragraphs[k].text.items ==
                  b.meta.source.sections[s].paragraphs[k].text.items);
    }
    REQUIRE(a.categories.size() == b.categories.size());
    for (size_t i = 0; i < a.categories.size(); ++i) {
        CHECK(a.categories[i].id == b.categories[i].id);
        CHECK(a.categories[i].label.items == b.categories[i].label.items);
        CHECK(a.categories[i].rgb == b.categories[i].rgb);
        CHECK(a.categories[i].description.items == b.categories[i].description.items);
    }
    REQUIRE(a.edge_kinds.size() == b.edge_kinds.size());
    for (size_t i = 0; i < a.edge_kinds.size(); ++i) {
        CHECK(a.edge_kinds[i].id == b.edge_kinds[i].id);
        CHECK(a.edge_kinds[i].forward.items == b.edge_kinds[i].forward.items);
        CHECK(a.edge_kinds[i].style == b.edge_kinds[i].style);
    }
    REQUIRE(a.nodes.size() == b.nodes.size());
    for (size_t i = 0; i < a.nodes.size(); ++i) {
        CAPTURE(a.nodes[i].id);
        CHECK(a.nodes[i].id == b.nodes[i].id);
        CHECK(a.nodes[i].category == b.nodes[i].category);
        CHECK(a.nodes[i].title.items == b.nodes[i].title.items);  // every language, not only the exported one
        CHECK(a.nodes[i].summary.items == b.nodes[i].summary.items);
        REQUIRE(a.nodes[i].body.size() == b.nodes[i].body.size());
        REQUIRE(a.nodes[i].tags.size() == b.nodes[i].tags.size());
        REQUIRE(a.nodes[i].citations.size() == b.nodes[i].citations.size());
        for (size_t k = 0; k < a.nodes[i].citations.size(); ++k) {
            CHECK(a.nodes[i].citations[k].paragraph == b.nodes[i].citations[k].paragraph);
            CHECK(a.nodes[i].citations[k].quote.items == b.nodes[i].citations[k].quote.items);
        }
    }
    REQUIRE(a.edges.size() == b.edges.size());
    for (size_t i = 0; i < a.edges.size(); ++i) {
        CHECK(a.edges[i].id == b.edges[i].id);
        CHECK(a.edges[i].from == b.edges[i].from);
        CHECK(a.edges[i].to == b.edges[i].to);
        CHECK(a.edges[i].kind == b.edges[i].kind);
        CHECK(a.edges[i].label.items == b.edges[i].label.items);
    }
    REQUIRE(a.tours.size() == b.tours.size());
    for (size_t i = 0; i < a.tours.size(); ++i) {
        CHECK(a.tours[i].id == b.tours[i].id);
        CHECK(a.tours[i].title.items == b.tours[i].title.items);
        REQUIRE(a.tours[i].steps.size() == b.tours[i].steps.size());
        for (size_t k = 0; k < a.tours[i].steps.size(); ++k) {
            CHECK(a.tours[i].steps[k].node == b.tours[i].steps[k].node);
            CHECK(a.tours[i].steps[k].caption.items == b.tours[i].steps[k].caption.items);
        }
    }
}

static std::shared_ptr<const ex::Content> round_trip(const OJson& canvas,
                                                     std::vector<ex::Problem>* problems = nullptr) {
    const ex::CanvasImport back = ex::import_canvas(canvas.dump(), "round.canvas");
    for (const ex::Problem& p : back.problems)
        CHECK_MESSAGE(p.severity == ex::Severity::Warning, ex::format_problem(p));
    if (problems) *problems = back.problems;
    REQUIRE(back.ok());
    const ex::LoadResult loaded = ex::load_content(back.content.dump(2), "round.json");
    REQUIRE(loaded.ok());
    return loaded.content;
}

TEST_CASE("json_canvas: export then import keeps categories, kinds, tours, source and translations") {
    for (const std::string path : {std::string(EXPLAINER_SOURCE_DIR) + "/assets/content/article.json",
                                   std::string(EXPLAINER_FIXTURES) + "/good/complete.json",
                                   std::string(EXPLAINER_FIXTURES) + "/good/unicode.json"}) {
        CAPTURE(path);
        const auto content = load_good(path);
        const OJson canvas = ex::export_canvas(*content, ex::compute_layout(*content), {"zh", true});
        check_canvas_rules(canvas);
        std::vector<ex::Problem> problems;
        const auto back = round_trip(canvas, &problems);
        CHECK(problems.empty());
        check_same_content(*back, *content);
    }
    // Groups drawn or not (an "effect" card between two "driver" cards): the categories are the same.
    const auto content = load_good(std::string(EXPLAINER_FIXTURES) + "/good/complete.json");
    ex::Layout layout;
    layout.cards = {ex::Rect{0, 0, 240, 96}, ex::Rect{0, 100, 240, 96}, ex::Rect{0, 200, 240, 96}};
    const OJson canvas = ex::export_canvas(*content, layout);
    for (const OJson& n : canvas["nodes"]) REQUIRE(n["type"] == "text");
    check_same_content(*round_trip(canvas), *content);
}

TEST_CASE("json_canvas: what was changed on the canvas wins over what the export carried") {
    const auto content = load_good(std::string(EXPLAINER_FIXTURES) + "/good/complete.json");
    ex::Layout layout;
    layout.cards = {ex::Rect{0, 0, 240, 96}, ex::Rect{1000, 0, 240, 96}, ex::Rect{0, 200, 240, 96}};
    OJson canvas = ex::export_canvas(*content, layout);
    REQUIRE(canvas["nodes"][0]["type"] == "group");
    REQUIRE(canvas["nodes"][2]["id"] == "talent-pipeline");
    // A card rewritten in Markdown, a card moved into the other category's group, a relabelled edge, a renamed
    // group, and a card deleted that a tour step names.
    canvas["nodes"][2]["text"] =
        "## **Talent** pipeline\n\nFewer *engineers* graduate.\n\nSee [the report](https://example.com).";
    OJson& automation = canvas["nodes"][4];
    REQUIRE(automation["id"] == "automation");
    const OJson& effects = canvas["nodes"][1];
    automation["x"] = effects["x"].get<int64_t>() + 60;
    automation["y"] = effects["y"].get<int64_t>() + 60;
    canvas["nodes"][0]["label"] = "Causes";
    REQUIRE(canvas["edges"][0]["label"] == "pushes up (through scarcity)");
    canvas["edges"][0]["label"] = "pushes up (through training)";
    canvas["edges"][1]["label"] = "eases";  // unchanged
    OJson edges = OJson::array();
    for (const OJson& e : canvas["edges"])
        if (e["fromNode"] != "wages" && e["toNode"] != "wages") edges.push_back(e);
    canvas["edges"] = edges;
    OJson nodes = OJson::array();
    for (const OJson& n : canvas["nodes"])
        if (n["id"] != "wages") nodes.push_back(n);
    canvas["nodes"] = nodes;

    std::vector<ex::Problem> problems;
    const auto c = round_trip(canvas, &problems);
    REQUIRE(c->nodes.size() == 2);
    const ex::Node& talent = c->nodes[0];
    CHECK(talent.title.get() == "Talent pipeline");  // the Markdown goes, and the old translations with it
    CHECK(talent.summary.get() == "Fewer engineers graduate.");
    REQUIRE(talent.body.size() == 1);
    CHECK(talent.body[0].get() == "See the report.");
    CHECK(talent.category == "driver");
    CHECK(talent.citations.at(0).paragraph == content->nodes[0].citations.at(0).paragraph);  // still its passage
    CHECK(c->nodes[1].category == "effect");  // moved into the Effects group
    CHECK(c->categories[0].label.get() == "Causes");
    CHECK(c->categories[0].id == "driver");
    REQUIRE(c->edges.size() == 1);  // automation → talent-pipeline (part-of)
    CHECK(c->edges[0].kind == "part-of");
    // The tour lost its "wages" step, with a warning, and keeps the other.
    REQUIRE(c->tours.size() == 1);
    REQUIRE(c->tours[0].steps.size() == 1);
    CHECK(c->tours[0].steps[0].node == "talent-pipeline");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].pointer == "/explainer/tours/0");

    // A relabelled edge is read through the file's own readings: "pushes up" is its "drives".
    canvas = ex::export_canvas(*content, layout);
    canvas["edges"][0]["label"] = "pushes up (through training)";
    const auto relabelled = round_trip(canvas);
    CHECK(relabelled->edges[0].kind == "drives");
    CHECK(relabelled->edges[0].label.get() == "through training");
    CHECK(relabelled->edges[0].id == "e1");
}

TEST_CASE("json_canvas: an explainer field that does not make valid content falls back to the canvas alone") {
    const auto content = load_good(std::string(EXPLAINER_FIXTURES) + "/good/complete.json");
    OJson canvas = ex::export_canvas(*content, ex::compute_layout(*content));
    canvas["explainer"]["meta"]["title"] = 42;
    std::vector<ex::Problem> problems;
    const auto c = round_trip(canvas, &problems);
    REQUIRE_FALSE(problems.empty());
    CHECK(problems[0].pointer == "/explainer");
    CHECK(problems[0].message.find("/meta/title") != std::string::npos);
    CHECK(c->meta.title.get() == "round");
    CHECK(c->nodes.size() == content->nodes.size());
}

TEST_CASE("json_canvas: Markdown in a card reads as plain text") {
    CHECK(ex::strip_markdown("**Spending falls**") == "Spending falls");
    CHECK(ex::strip_markdown("__Rates__ rise *slowly* and _then_ ~~fast~~ ==now==") ==
          "Rates rise slowly and then fast now");
    CHECK(ex::strip_markdown("Use `load()` here") == "Use load() here");
    CHECK(ex::strip_markdown("[the report](https://example.com) and ![a chart](c.png)") == "the report and a chart");
    CHECK(ex::strip_markdown("[[Budget 2025|the budget]] and [[Rates]]") == "the budget and Rates");
    CHECK(ex::strip_markdown("2 * 3 * 4 and snake_case_name") == "2 * 3 * 4 and snake_case_name");
    CHECK(ex::strip_markdown("\\*not emphasis\\*") == "*not emphasis*");
    CHECK(ex::strip_markdown("a lone ** stays") == "a lone ** stays");
    CHECK(ex::strip_markdown("**bold with *italic* inside**") == "bold with italic inside");

    const ex::CanvasImport r = ex::import_canvas(
        R"({"nodes": [
              {"id": "a", "type": "text", "x": 0, "y": 0, "width": 200, "height": 80, "text": "**Spending falls**\nHouseholds *cut back*."},
              {"id": "b", "type": "text", "x": 300, "y": 0, "width": 200, "height": 80, "text": "# - [x] _Rates_ rise"},
              {"id": "c", "type": "text", "x": 600, "y": 0, "width": 200, "height": 80, "text": "1. Prices"}]})",
        "md.canvas");
    REQUIRE(r.ok());
    CHECK(r.content["nodes"][0]["title"] == "Spending falls");
    CHECK(r.content["nodes"][0]["summary"] == "Households cut back.");
    CHECK(r.content["nodes"][1]["title"] == "Rates rise");
    CHECK(r.content["nodes"][2]["title"] == "Prices");
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
    CHECK(c.nodes[1].category == "causes");  // coloured, but inside the group
    CHECK(c.nodes[4].category == "effects");
    CHECK(c.categories[c.category_index("causes")].colour == "#e9973f");  // preset "2": orange
    CHECK(c.nodes[6].category == "ungrouped");
    CHECK(c.nodes[7].category == "purple");  // a colour's category is named after it: preset "6"
    CHECK(c.categories[c.category_index("purple")].label.get() == "Purple");

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
