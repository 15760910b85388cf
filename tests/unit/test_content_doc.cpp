// test_content_doc.cpp — the editable document: byte-identical saves, order and unknown fields kept, each edit,
// undo/redo, atomic save with backup, and that what is saved validates and loads back to the same content.
//
// Index
//   [SECTION] Helpers
//   [SECTION] Open and serialize
//   [SECTION] Edits
//   [SECTION] Undo and redo
//   [SECTION] Save
#include <doctest/doctest.h>

#include <unistd.h>  // getpid: a private temp folder

#include <filesystem>
#include <fstream>

#include "core/content_doc.h"
#include "core/load.h"
#include "same_content.h"

namespace fs = std::filesystem;
using ex::ContentDoc;

// [SECTION] Helpers ---------------------------------------------------------------------------------------------

static std::string doc_fixture(const std::string& rel) { return std::string(EXPLAINER_FIXTURES) + "/" + rel; }

static std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

static ContentDoc open_fixture(const std::string& rel) {
    ContentDoc doc;
    REQUIRE(doc.open_file(doc_fixture(rel)));
    REQUIRE(doc.result().ok());
    return doc;
}

static std::vector<std::string> keys_of(const nlohmann::ordered_json& obj) {
    std::vector<std::string> keys;
    for (auto it = obj.begin(); it != obj.end(); ++it) keys.push_back(it.key());
    return keys;
}

// [SECTION] Open and serialize ----------------------------------------------------------------------------------

TEST_CASE("content_doc: an unedited document serializes byte for byte as it was read") {
    for (const char* rel :
         {"good/minimal.json", "good/complete.json", "good/unicode.json", "warn/unknown-field.json"}) {
        CAPTURE(rel);
        ContentDoc doc;
        REQUIRE(doc.open_file(doc_fixture(rel)));
        CHECK(doc.serialize() == slurp(doc_fixture(rel)));
        CHECK_FALSE(doc.modified());
    }
    ContentDoc article;
    const std::string path = std::string(EXPLAINER_SOURCE_DIR) + "/assets/content/article.json";
    REQUIRE(article.open_file(path));
    CHECK(article.serialize() == slurp(path));
    CHECK(article.result().ok());
}

TEST_CASE("content_doc: key order and unknown fields survive an edit") {
    // Keys deliberately not in alphabetical order, with a field the app does not know.
    const std::string text = R"({"tours": [], "nodes": [{"title": "One", "id": "one", "summary": "S.",
        "notes": {"z": 1, "a": 2}, "category": "idea", "citations": [{"paragraph": "p1"}]}],
        "meta": {"title": "T", "summary": "S.", "source": {"title": "Src", "sections": [{"id": "s1",
        "heading": "H", "paragraphs": [{"id": "p1", "text": "P."}]}]}},
        "categories": [{"label": "Ideas", "id": "idea", "colour": "#4a90d9"}], "edges": []})";
    ContentDoc doc;
    REQUIRE(doc.open(text, "order.json"));
    REQUIRE(doc.move_card("one", 10, 20));
    const auto saved = nlohmann::ordered_json::parse(doc.serialize());
    CHECK(keys_of(saved) == std::vector<std::string>{"tours", "nodes", "meta", "categories", "edges"});
    CHECK(keys_of(saved["nodes"][0]) ==
          std::vector<std::string>{"title", "id", "summary", "notes", "category", "citations", "position"});
    CHECK(keys_of(saved["nodes"][0]["notes"]) == std::vector<std::string>{"z", "a"});
    CHECK(keys_of(saved["categories"][0]) == std::vector<std::string>{"label", "id", "colour"});
}

TEST_CASE("content_doc: input the loader's guards refuse does not open") {
    ContentDoc doc;
    CHECK_FALSE(doc.open(std::string(100000, '[') + std::string(100000, ']'), "deep.json"));
    REQUIRE_FALSE(doc.result().problems.empty());
    CHECK(doc.result().problems[0].message.find("deep") != std::string::npos);
    CHECK_FALSE(doc.is_open());
    CHECK_FALSE(doc.open("{\"a\": ", "cut.json"));
    CHECK_FALSE(doc.open("[1, 2]", "array.json"));
    CHECK(doc.result().problems.at(0).message.find("expected a JSON object") != std::string::npos);
    CHECK_FALSE(doc.open("{\"n\": 1e999}", "big.json"));
    CHECK_FALSE(doc.move_card("x", 0, 0));
    CHECK(doc.problem().message == "no document is open");
}

TEST_CASE("content_doc: a file with rule errors opens so it can be fixed") {
    ContentDoc doc;
    REQUIRE(doc.open_file(doc_fixture("bad/dangling-edge-to.json")));
    CHECK_FALSE(doc.result().ok());
    CHECK(doc.content() == nullptr);
    REQUIRE(doc.remove_edge(0));
    CHECK(doc.result().ok());
}

// [SECTION] Edits -----------------------------------------------------------------------------------------------

TEST_CASE("content_doc: move_card writes an integer position the loader reads") {
    ContentDoc doc = open_fixture("good/complete.json");
    REQUIRE(doc.move_card("automation", 400, -120));
    REQUIRE(doc.result().ok());
    const ex::Node& n = doc.content()->nodes[2];
    CHECK(n.has_position);
    CHECK(n.x == 400);
    CHECK(n.y == -120);
    CHECK(doc.serialize().find("\"x\": 400,") != std::string::npos);
    REQUIRE(doc.move_card("automation", 1.5, 2));
    CHECK(doc.content()->nodes[2].x == 1.5);
    CHECK_FALSE(doc.move_card("nope", 0, 0));
    CHECK(doc.problem().message == "no node with id \"nope\"");
    CHECK(doc.problem().key == ex::Str::kDocNoNode);
    CHECK(doc.problem().args == std::vector<std::string>{"nope"});
    CHECK(doc.problem().file == "complete.json");
    CHECK_FALSE(doc.move_card("automation", 2e6, 0));
    CHECK(doc.problem().message == "positions must lie within ±1000000");  // from limits::kCoordinate
}

TEST_CASE("content_doc: set_node_text writes plain strings and language map entries") {
    ContentDoc doc = open_fixture("good/complete.json");
    using F = ex::NodeTextField;
    REQUIRE(doc.set_node_text("wages", F::Title, "Pay"));
    CHECK(doc.json()["nodes"][1]["title"] == "Pay");
    REQUIRE(doc.set_node_text("wages", F::Title, "Pay", "en"));  // the file's language: stays a plain string
    CHECK(doc.json()["nodes"][1]["title"].is_string());
    REQUIRE(doc.set_node_text("wages", F::Title, "工资", "zh"));  // another language: becomes a map
    CHECK(doc.json()["nodes"][1]["title"] == nlohmann::ordered_json({{"en", "Pay"}, {"zh", "工资"}}));
    REQUIRE(doc.set_node_text("wages", F::Title, "Salaries", "en"));
    CHECK(doc.json()["nodes"][1]["title"]["en"] == "Salaries");
    REQUIRE(doc.result().ok());
    CHECK(doc.content()->nodes[1].title.get("zh") == "工资");
    REQUIRE(doc.set_node_text("wages", F::Summary, "What engineers earn."));
    CHECK(doc.content()->nodes[1].summary.get() == "What engineers earn.");

    REQUIRE(doc.set_node_text("talent-pipeline", F::Body, "Third.", "", 2));  // index == size appends
    REQUIRE(doc.set_node_text("talent-pipeline", F::Body, "", "", 0));        // empty removes
    REQUIRE(doc.result().ok());
    const auto& body = doc.content()->nodes[0].body;
    REQUIRE(body.size() == 2);
    CHECK(body[0].get() == "Demand moves faster.");
    CHECK(body[1].get() == "Third.");
    CHECK_FALSE(doc.set_node_text("talent-pipeline", F::Body, "x", "", 9));
    CHECK_FALSE(doc.set_node_text("wages", F::Title, std::string("\xff\xfe")));
    CHECK_FALSE(doc.set_node_text("wages", F::Title, "x", "Not a tag"));

    REQUIRE(doc.set_node_text("wages", F::Title, ""));  // allowed, but the loader says what is wrong
    CHECK_FALSE(doc.result().ok());
    bool named = false;
    for (const ex::Problem& p : doc.result().problems) named |= p.pointer == "/nodes/1/title";
    CHECK(named);
}

TEST_CASE("content_doc: add_node invents no citation; the card is shown, reported until the author cites it") {
    ContentDoc doc = open_fixture("good/complete.json");
    ex::NewNode spec;
    spec.title = "Wages";
    spec.summary = "A second wages card.";
    spec.has_position = true;
    spec.x = 500;
    spec.y = 300;
    const std::string id = doc.add_node(spec);
    CHECK(id == "wages-2");
    CHECK(doc.json()["nodes"][3]["citations"] == nlohmann::ordered_json::array());  // nothing made up
    // Edit mode shows the card (a draft) but the loader reports it, and a strict load (--validate) refuses it.
    CHECK_FALSE(doc.result().ok());
    REQUIRE(doc.content() != nullptr);
    REQUIRE(doc.result().problems.size() == 1);
    CHECK(doc.result().problems[0].pointer == "/nodes/3/citations");
    CHECK(doc.result().problems[0].message.rfind("no citation yet: cite the source paragraph", 0) == 0);
    const ex::Content& c = *doc.content();
    const int n = c.node_index(id);
    REQUIRE(n == 3);
    CHECK(c.nodes[3].category == "driver");  // the first category by default
    CHECK(c.nodes[3].citations.empty());
    CHECK(c.nodes[3].has_position);
    const ex::LoadResult strict = ex::load_content(doc.serialize(), "map.json");
    CHECK(strict.content == nullptr);
    CHECK(strict.error_count() == 1);

    // The author picks the paragraph (and may quote it): then it validates.
    CHECK_FALSE(doc.add_citation(id, "p9"));
    CHECK(doc.problem().message == "no source paragraph with id \"p9\"");
    REQUIRE(doc.add_citation(id, "p2", "firms  look abroad"));
    CHECK(doc.result().ok());
    CHECK(ex::load_content(doc.serialize(), "map.json").ok());
    CHECK(doc.content()->nodes[3].citations.at(0).paragraph == "p2");
    REQUIRE(doc.remove_citation(id, 0));  // the last one: the card waits for a citation again
    CHECK(doc.json()["nodes"][3]["citations"] == nlohmann::ordered_json::array());
    CHECK_FALSE(doc.result().ok());
    CHECK_FALSE(doc.remove_citation(id, 0));

    CHECK(doc.add_node(spec) == "wages-3");
    spec.category = "nope";
    CHECK(doc.add_node(spec).empty());
    CHECK(doc.problem().message == "no category with id \"nope\"");
    CHECK(ex::slug_id("  Chips & power: 2025!  ") == "chips-power-2025");
    CHECK(ex::slug_id("芯片") == "node");
}

TEST_CASE("content_doc: a draft tolerates only cards waiting for a citation") {
    ContentDoc doc = open_fixture("good/complete.json");
    ex::NewNode spec;
    spec.title = "Uncited";
    REQUIRE_FALSE(doc.add_node(spec).empty());
    REQUIRE(doc.content() != nullptr);
    REQUIRE(doc.add_edge("wages", "automation", "drives"));
    REQUIRE(doc.set_node_text("wages", ex::NodeTextField::Title, ""));  // a second, real error
    CHECK(doc.content() == nullptr);
    CHECK(doc.result().error_count() == 2);
}

TEST_CASE("content_doc: category and link label edits") {
    ContentDoc doc = open_fixture("good/complete.json");
    REQUIRE(doc.set_node_category("wages", "driver"));
    CHECK(doc.content()->nodes[1].category == "driver");
    CHECK_FALSE(doc.set_node_category("wages", "nope"));
    REQUIRE(doc.set_edge_label(1, "slowly"));
    CHECK(doc.content()->edges[1].label.get() == "slowly");
    REQUIRE(doc.set_edge_label(1, ""));
    CHECK_FALSE(doc.json()["edges"][1].contains("label"));
    CHECK_FALSE(doc.set_edge_label(9, "x"));
    CHECK(doc.result().ok());
}

TEST_CASE("content_doc: remove_node removes its edges and tour steps, reports them, and validates") {
    ContentDoc doc = open_fixture("good/complete.json");
    std::vector<std::string> removed;
    REQUIRE(doc.remove_node("wages", &removed));
    CHECK(removed == std::vector<std::string>{"edge talent-pipeline → wages (drives)",
                                              "edge automation → wages (eases)", "step 2 of tour basics"});
    REQUIRE(doc.result().ok());
    CHECK(doc.content()->nodes.size() == 2);
    CHECK(doc.content()->edges.size() == 1);
    CHECK(doc.content()->tours.at(0).steps.size() == 1);

    REQUIRE(doc.remove_node("talent-pipeline", &removed));  // the tour's last step: the tour goes too
    CHECK(removed == std::vector<std::string>{"edge automation → talent-pipeline (part-of)", "step 1 of tour basics",
                                              "tour basics (no steps left)"});
    REQUIRE(doc.result().ok());
    CHECK(doc.content()->tours.empty());
    CHECK(doc.content()->edges.empty());
    CHECK_FALSE(doc.remove_node("wages"));
}

TEST_CASE("content_doc: add_edge checks its ends and kind; remove_edge by index") {
    ContentDoc doc = open_fixture("good/complete.json");
    const std::string before = doc.serialize();
    CHECK_FALSE(doc.add_edge("wages", "nope", "drives"));
    CHECK_FALSE(doc.add_edge("wages", "wages", "drives"));
    CHECK_FALSE(doc.add_edge("wages", "automation", "loves"));
    CHECK(doc.problem().message == "no edge kind \"loves\"");
    CHECK(doc.serialize() == before);
    CHECK_FALSE(doc.can_undo());
    REQUIRE(doc.add_edge("wages", "automation", "eases", "over time"));  // a kind the file declares
    REQUIRE(doc.result().ok());
    REQUIRE(doc.content()->edges.size() == 4);
    CHECK(doc.content()->edges[3].label.get() == "over time");
    REQUIRE(doc.remove_edge(0));
    CHECK(doc.content()->edges.size() == 3);
    CHECK(doc.content()->edges[0].kind == "eases");
    CHECK_FALSE(doc.remove_edge(3));
}

// [SECTION] Undo and redo ---------------------------------------------------------------------------------------

TEST_CASE("content_doc: undo and redo restore byte-identical JSON") {
    ContentDoc doc = open_fixture("good/complete.json");
    const std::string v0 = doc.serialize();
    REQUIRE(doc.move_card("wages", 1, 2));
    const std::string v1 = doc.serialize();
    std::vector<std::string> removed;
    REQUIRE(doc.remove_node("talent-pipeline", &removed));
    const std::string v2 = doc.serialize();
    CHECK(doc.modified());
    REQUIRE(doc.undo());
    CHECK(doc.serialize() == v1);
    REQUIRE(doc.undo());
    CHECK(doc.serialize() == v0);
    CHECK_FALSE(doc.modified());
    CHECK_FALSE(doc.undo());
    REQUIRE(doc.redo());
    CHECK(doc.serialize() == v1);
    REQUIRE(doc.redo());
    CHECK(doc.serialize() == v2);
    CHECK(doc.content()->nodes.size() == 2);  // validation follows undo/redo
    CHECK_FALSE(doc.redo());
    REQUIRE(doc.undo());
    REQUIRE(doc.add_edge("wages", "automation", "drives"));  // a new edit drops the redo branch
    CHECK_FALSE(doc.can_redo());
}

TEST_CASE("content_doc: the undo stack is capped") {
    ContentDoc doc = open_fixture("good/minimal.json");
    for (int i = 0; i < int(ContentDoc::kUndoDepth) + 20; ++i) REQUIRE(doc.move_card("one", i, 0));
    int undone = 0;
    while (doc.undo()) ++undone;
    CHECK(undone == int(ContentDoc::kUndoDepth));
    CHECK(doc.json()["nodes"][0]["position"]["x"] == 19);  // the oldest kept state
}

// [SECTION] Save ------------------------------------------------------------------------------------------------

static fs::path fresh_dir(const std::string& prefix) {  // private to this process, empty
    const fs::path dir = fs::temp_directory_path() / (prefix + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

TEST_CASE("content_doc: save is atomic, keeps one backup, and loads back to the same content") {
    const fs::path dir = fresh_dir("explainer-doc-");
    const std::string path = (dir / "map.json").string();
    const std::string original = slurp(doc_fixture("good/complete.json"));
    { std::ofstream(path, std::ios::binary) << original; }

    ContentDoc doc;
    REQUIRE(doc.open_file(path));
    CHECK(doc.label() == "map.json");
    REQUIRE(doc.move_card("automation", 640, 80));
    REQUIRE(doc.add_edge("wages", "automation", "threatens", "when budgets tighten"));
    REQUIRE(doc.set_node_text("wages", ex::NodeTextField::Title, "工资", "zh"));
    ex::NewNode spec;
    spec.title = "Offshoring";
    const std::string offshoring = doc.add_node(spec);
    REQUIRE_FALSE(offshoring.empty());
    REQUIRE(doc.add_citation(offshoring, "p3"));
    REQUIRE(doc.result().ok());
    REQUIRE(doc.save_file(path));
    CHECK_FALSE(doc.modified());
    CHECK(slurp(path) == doc.serialize());
    CHECK(slurp(path + ".bak") == original);
    CHECK_FALSE(fs::exists(path + ".tmp"));

    const ex::LoadResult back = ex::load_content_file(path);
    REQUIRE(back.ok());
    check_same_content(*back.content, *doc.content());
    ContentDoc again;
    REQUIRE(again.open_file(path));
    CHECK(again.serialize() == slurp(path));  // save → open → save is stable

    REQUIRE(doc.remove_node("automation"));
    REQUIRE(doc.save_file(path));
    CHECK(slurp(path + ".bak") == again.serialize());  // one backup: the previous version
    CHECK(ex::load_content_file(path).ok());

    CHECK_FALSE(doc.save_file((dir / "missing-dir" / "x.json").string()));
    CHECK(doc.problem().message.find("cannot write") == 0);
    fs::remove_all(dir);
}

TEST_CASE("content_doc: a save never overwrites a change made on disk since the file was read") {
    const fs::path dir = fresh_dir("explainer-doc-conflict-");
    const std::string path = (dir / "map.json").string();
    { std::ofstream(path, std::ios::binary) << slurp(doc_fixture("good/complete.json")); }

    ContentDoc doc;
    REQUIRE(doc.open_file(path));
    CHECK(doc.disk_state(path) == ContentDoc::Disk::Same);
    REQUIRE(doc.move_card("wages", 10, 20));
    REQUIRE(doc.save_file(path));  // nobody else touched it: saved
    CHECK(doc.holds_base(slurp(path)));

    // Someone else saves the file (another editor), then the author edits and saves here.
    std::string theirs = slurp(path);
    theirs.replace(theirs.find("\"Wages\""), 7, "\"Salaries\"");
    { std::ofstream(path, std::ios::binary) << theirs; }
    CHECK(doc.disk_state(path) == ContentDoc::Disk::Changed);
    REQUIRE(doc.move_card("automation", 30, 40));
    const std::string mine = doc.serialize();
    CHECK_FALSE(doc.save_file(path));
    CHECK(slurp(path) == theirs);  // their work is untouched
    CHECK(doc.conflict());
    CHECK(doc.conflict_copy() == path + ".mine");
    CHECK(slurp(path + ".mine") == mine);  // and so is ours
    CHECK(doc.problem().message == path +
                                       " changed on disk since the editor read it; it was not overwritten, and your "
                                       "version is saved as " +
                                       path + ".mine");
    CHECK(doc.problem().key == ex::Str::kDocChangedOnDisk);
    CHECK(doc.problem().args == std::vector<std::string>{path, path + ".mine"});
    CHECK(doc.modified());
    CHECK_FALSE(doc.save_file(path));  // again: the same copy, nothing new written
    CHECK(doc.conflict_copy() == path + ".mine");
    CHECK(slurp(path) == theirs);

    REQUIRE(doc.move_card("automation", 50, 60));  // more edits: the first copy is kept, the new one beside it
    CHECK_FALSE(doc.conflict());
    CHECK_FALSE(doc.save_file(path));
    CHECK(doc.conflict_copy() == path + ".mine-2");
    CHECK(slurp(path + ".mine") == mine);
    CHECK(slurp(path + ".mine-2") == doc.serialize());

    REQUIRE(doc.save_file(path, true));  // the author chose theirs to go: it is the backup
    CHECK(slurp(path + ".bak") == theirs);
    CHECK(slurp(path) == doc.serialize());
    CHECK_FALSE(doc.conflict());
    REQUIRE(doc.move_card("automation", 70, 80));
    CHECK(doc.save_file(path));  // what it wrote is the new base

    fs::remove(path);  // a deleted file is no one's work: saving recreates it
    CHECK(doc.disk_state(path) == ContentDoc::Disk::Missing);
    CHECK(doc.save_file(path));
    fs::remove_all(dir);
}

// [SECTION] Tags, quotes and tours ------------------------------------------------------------------------------

TEST_CASE("content_doc: tags are added, edited per language, removed, undone") {
    ContentDoc doc = open_fixture("good/complete.json");
    using F = ex::NodeTextField;
    REQUIRE(doc.set_node_text("talent-pipeline", F::Tag, "universities", "", 2));  // index == size appends
    REQUIRE(doc.result().ok());
    REQUIRE(doc.content()->nodes[0].tags.size() == 3);
    CHECK(doc.content()->nodes[0].tags[2].get() == "universities");
    REQUIRE(doc.set_node_text("talent-pipeline", F::Tag, "高校", "zh", 2));  // another language: a map
    CHECK(doc.json()["nodes"][0]["tags"][2] == nlohmann::ordered_json({{"en", "universities"}, {"zh", "高校"}}));
    REQUIRE(doc.set_node_text("talent-pipeline", F::Tag, "", "", 0));  // empty with no language removes
    CHECK(doc.json()["nodes"][0]["tags"].size() == 2);
    CHECK(doc.json()["nodes"][0]["tags"][0] == "supply");
    REQUIRE(doc.set_node_text("wages", F::Tag, "pay", "", 0));  // a card with no tags gets a list
    CHECK(doc.json()["nodes"][1]["tags"] == nlohmann::ordered_json::array({"pay"}));
    REQUIRE(doc.set_node_text("wages", F::Tag, "", "", 0));  // the last one takes the list
    CHECK_FALSE(doc.json()["nodes"][1].contains("tags"));
    CHECK_FALSE(doc.set_node_text("wages", F::Tag, "", "", 0));
    CHECK(doc.problem().message == "no tag 0");
    CHECK_FALSE(doc.set_node_text("talent-pipeline", F::Tag, "x", "", 5));
    REQUIRE(doc.result().ok());

    REQUIRE(doc.set_node_text("automation", F::Tag, std::string(80, 'x'), "", 0));  // validated like the rest
    CHECK_FALSE(doc.result().ok());
    REQUIRE(doc.undo());
    CHECK(doc.result().ok());
    REQUIRE(doc.undo());
    CHECK(doc.json()["nodes"][1]["tags"] == nlohmann::ordered_json::array({"pay"}));
}

TEST_CASE("content_doc: a citation's quote is set, checked by the loader, and removed") {
    ContentDoc doc = open_fixture("good/complete.json");
    REQUIRE(doc.set_citation_quote("automation", 0, "soften"));
    REQUIRE(doc.result().ok());
    CHECK(doc.content()->nodes[2].citations[0].quote.get() == "soften");
    REQUIRE(doc.set_citation_quote("automation", 0, "not in the passage"));  // kept, and reported
    bool reported = false;
    for (const ex::Problem& p : doc.result().problems)
        reported |= p.pointer == "/nodes/2/citations/0/quote" && p.message.find("quote not found") != std::string::npos;
    CHECK(reported);
    REQUIRE(doc.set_citation_quote("automation", 0, ""));
    CHECK_FALSE(doc.json()["nodes"][2]["citations"][0].contains("quote"));
    CHECK(doc.result().ok());
    CHECK_FALSE(doc.set_citation_quote("automation", 3, "x"));
    CHECK(doc.problem().message == "no citation 3");
    CHECK_FALSE(doc.set_citation_quote("automation", 0, "x", "Bad Tag"));

    REQUIRE(doc.add_citation("wages", "p1", "train fewer", "en"));  // the file's language: a plain string
    CHECK(doc.json()["nodes"][1]["citations"][1]["quote"] == "train fewer");
    REQUIRE(doc.result().ok());
    REQUIRE(doc.set_citation_quote("wages", 1, "培养", "zh"));  // another language: a map
    CHECK(doc.json()["nodes"][1]["citations"][1]["quote"] ==
          nlohmann::ordered_json({{"en", "train fewer"}, {"zh", "培养"}}));
}

TEST_CASE("content_doc: tours are added, titled, their steps added, captioned, moved and removed") {
    ContentDoc doc = open_fixture("good/complete.json");
    const std::string id = doc.add_tour("Second look", "automation");
    CHECK(id == "second-look");
    REQUIRE(doc.result().ok());
    REQUIRE(doc.content()->tours.size() == 2);
    const ex::Tour* tour = &doc.content()->tours[1];
    CHECK(tour->title.get() == "Second look");
    REQUIRE(tour->steps.size() == 1);
    CHECK(tour->steps[0].node == "automation");
    CHECK(tour->steps[0].caption.get() == "Automation");  // the card's title until the author writes one
    CHECK(doc.add_tour("Second look", "wages") == "second-look-2");
    REQUIRE(doc.remove_tour(2));

    REQUIRE(doc.add_tour_step(1, "wages", 1, "Then pay."));
    REQUIRE(doc.add_tour_step(1, "talent-pipeline", 0));
    REQUIRE(doc.set_step_caption(1, 0, "Supply first."));
    REQUIRE(doc.set_step_caption(1, 0, "先看供给。", "zh"));
    REQUIRE(doc.set_tour_title(1, "A second look"));
    REQUIRE(doc.result().ok());
    tour = &doc.content()->tours[1];
    REQUIRE(tour->steps.size() == 3);
    CHECK(tour->title.get() == "A second look");
    CHECK(tour->steps[0].node == "talent-pipeline");
    CHECK(tour->steps[0].caption.get("zh") == "先看供给。");
    CHECK(tour->steps[2].caption.get() == "Then pay.");

    REQUIRE(doc.move_tour_step(1, 0, 2));  // first to last
    tour = &doc.content()->tours[1];
    CHECK(tour->steps[0].node == "automation");
    CHECK(tour->steps[1].node == "wages");
    CHECK(tour->steps[2].node == "talent-pipeline");
    REQUIRE(doc.move_tour_step(1, 2, 1));
    CHECK(doc.content()->tours[1].steps[1].node == "talent-pipeline");
    CHECK_FALSE(doc.move_tour_step(1, 0, 3));

    REQUIRE(doc.remove_tour_step(1, 0));
    REQUIRE(doc.remove_tour_step(1, 0));
    CHECK_FALSE(doc.remove_tour_step(1, 0));  // the last step stays: a tour needs one
    CHECK(doc.problem().message == "a tour needs at least one step: remove the tour instead");
    CHECK(doc.content()->tours[1].steps.size() == 1);
    CHECK_FALSE(doc.add_tour_step(1, "nope", 0));
    CHECK_FALSE(doc.add_tour_step(1, "wages", 5));
    CHECK_FALSE(doc.set_tour_title(7, "x"));
    CHECK(doc.problem().message == "no tour 7");
    CHECK_FALSE(doc.add_tour("x", "nope").size());

    REQUIRE(doc.set_step_caption(1, 0, ""));  // allowed, and reported
    CHECK_FALSE(doc.result().ok());
    REQUIRE(doc.remove_tour(1));
    CHECK(doc.result().ok());
    while (doc.can_undo()) doc.undo();
    CHECK_FALSE(doc.modified());
    CHECK(doc.content()->tours.size() == 1);
}

// [SECTION] The file's formatting -------------------------------------------------------------------------------

namespace ex::test {
size_t changed_lines(const std::string& a, const std::string& b);
}  // namespace ex::test

TEST_CASE("content_doc: a save keeps the file's formatting: one edit, a few changed lines") {
    const fs::path dir = fresh_dir("explainer-format-");
    for (const char* rel : {"format/four-space-compact.json", "format/two-space-tight.json"}) {
        CAPTURE(rel);
        const std::string original = slurp(doc_fixture(rel));
        const bool four = std::string(rel).find("four") != std::string::npos;
        const std::string path = (dir / "map.json").string();
        { std::ofstream(path, std::ios::binary | std::ios::trunc) << original; }
        ContentDoc doc;
        REQUIRE(doc.open_file(path));
        REQUIRE(doc.result().ok());

        // Move a card: one line changes.
        REQUIRE(doc.move_card("mortgages", 360, 40));
        REQUIRE(doc.save_file(path));
        std::string saved = slurp(path);
        CHECK(ex::test::changed_lines(original, saved) == 2);  // the old line out, the new one in
        CHECK(saved.find(four ? "\"position\": { \"x\": 360, \"y\": 40 }" : "\"position\": {\"x\": 360, \"y\": 40}") !=
              std::string::npos);
        ContentDoc back;
        REQUIRE(back.open_file(path));
        CHECK(back.json() == doc.json());
        CHECK(back.result().ok());

        // Change a title and move a card that had no position: the new field follows the file's style.
        REQUIRE(doc.set_node_text("rents", ex::NodeTextField::Title, "Rents climb"));
        REQUIRE(doc.move_card("rents", 640, 0));
        REQUIRE(doc.save_file(path));
        const std::string before = saved;
        saved = slurp(path);
        CHECK(ex::test::changed_lines(before, saved) == 5);  // title; citations gets a comma; position added
        const std::string indent = four ? "            " : "      ";
        const std::string position =
            four ? "\"position\": { \"x\": 640, \"y\": 0 }\n" : "\"position\": {\"x\": 640, \"y\": 0}\n";
        CHECK(saved.find("\n" + indent + position) != std::string::npos);
        REQUIRE(back.open_file(path));
        CHECK(back.json() == doc.json());
        CHECK(back.result().ok());
        check_same_content(*back.content(), *doc.content());
        CHECK(ex::test::changed_lines(original, saved) <= 7);
    }
}

TEST_CASE("content_doc: the bundled article saves back byte for byte, and one move changes a few lines") {
    const fs::path dir = fresh_dir("explainer-article-");
    const std::string path = (dir / "article.json").string();
    const std::string original = slurp(std::string(EXPLAINER_SOURCE_DIR) + "/assets/content/article.json");
    { std::ofstream(path, std::ios::binary) << original; }
    ContentDoc doc;
    REQUIRE(doc.open_file(path));
    REQUIRE(doc.save_file(path, true));
    CHECK(slurp(path) == original);
    const std::string id = doc.content()->nodes[3].id;
    const bool had_position = doc.content()->nodes[3].has_position;
    REQUIRE(doc.move_card(id, 100, 200));
    REQUIRE(doc.save_file(path));
    const std::string saved = slurp(path);
    // A card without a position gets one: the line before it gains a comma, the object takes 4 lines.
    CHECK(ex::test::changed_lines(original, saved) == (had_position ? 4 : 6));
    ContentDoc back;
    REQUIRE(back.open_file(path));
    CHECK(back.json() == doc.json());
}

TEST_CASE("content_doc: a refused edit is a Problem the UI shows in its reader's language") {
    ContentDoc doc = open_fixture("good/complete.json");
    CHECK_FALSE(doc.add_edge("wages", "wages", "drives"));
    const ex::Problem refused = doc.problem();
    CHECK(refused.key == ex::Str::kDocSameNodes);
    CHECK(ex::problem_message(refused, "en") == "an edge needs two different nodes");
    CHECK(ex::problem_message(refused, "zh") == "连接需要两张不同的卡片");
    CHECK_FALSE(doc.set_node_category("wages", "nope"));
    CHECK(ex::problem_message(doc.problem(), "zh") == "没有 id 为“nope”的类别");
    CHECK(ex::problem_message(doc.problem(), "en") == doc.problem().message);
    // A change that applies clears the refusal.
    REQUIRE(doc.move_card("wages", 1, 2));
    CHECK(doc.problem().key == ex::Str::kCount);
    CHECK(doc.problem().message.empty());
    // The loader's problems have no key: shown as written, in any language.
    const ex::Problem loader("f.json", "/nodes", "\"nodes\" is empty");
    CHECK(ex::problem_message(loader, "zh") == "\"nodes\" is empty");
}
