// test_load.cpp — the loader: fixtures (tests/fixtures/{good,bad,warn}), hostile input, caps, messages.
//
// Index
//   [SECTION] Helpers
//   [SECTION] Fixtures          every bad fixture refused with its expected pointer and message (bad/expected.json)
//   [SECTION] Model             what a good file becomes
//   [SECTION] Hostile input     depth, numbers, size, encodings, random damage
//   [SECTION] Caps and limits
//   [SECTION] Messages          formatting, suggestions, quote matching
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "core/json_guard.h"
#include "core/load.h"
#include "core/load_match.h"

namespace fs = std::filesystem;

// [SECTION] Helpers ---------------------------------------------------------------------------------------------

static std::string fixture_path(const std::string& rel) { return std::string(EXPLAINER_FIXTURES) + "/" + rel; }

static std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

static std::string dump_problems(const ex::LoadResult& r) {
    std::string s;
    for (const auto& p : r.problems) s += ex::format_problem(p) + "\n";
    return s;
}

static bool has_problem(const ex::LoadResult& r, const std::string& pointer, const std::string& contains,
                        ex::Severity severity = ex::Severity::Error) {
    return std::any_of(r.problems.begin(), r.problems.end(), [&](const ex::Problem& p) {
        return p.severity == severity && p.pointer == pointer && p.message.find(contains) != std::string::npos;
    });
}

static std::vector<std::string> json_files(const std::string& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(fixture_path(dir)))
        if (e.path().extension() == ".json" && e.path().filename() != "expected.json")
            out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

static std::string minimal_with(const std::function<void(nlohmann::json&)>& change) {
    nlohmann::json doc = nlohmann::json::parse(read_bytes(fixture_path("good/minimal.json")));
    change(doc);
    return doc.dump();
}

// [SECTION] Fixtures --------------------------------------------------------------------------------------------

TEST_CASE("every bad fixture is refused with exactly the expected problems, and content stays null") {
    const auto expected = nlohmann::json::parse(read_bytes(fixture_path("bad/expected.json")));
    const auto files = json_files("bad");
    REQUIRE(files.size() >= 40);
    for (const auto& name : files) {
        CAPTURE(name);
        REQUIRE_MESSAGE(expected.contains(name), "bad/" << name << " has no entry in bad/expected.json");
        const ex::LoadResult r = ex::load_content_file(fixture_path("bad/" + name), name);
        CAPTURE(dump_problems(r));
        CHECK_FALSE(r.ok());
        CHECK(r.content == nullptr);
        // Exactly the listed problems: one mistake, one message (no cascades, no noise).
        CHECK(r.problems.size() == expected[name].size());
        for (const auto& e : expected[name]) {
            const std::string pointer = e["pointer"], contains = e["contains"];
            CHECK_MESSAGE(has_problem(r, pointer, contains),
                          "expected " << (pointer.empty() ? "/" : pointer) << ": " << contains);
        }
        for (const auto& p : r.problems) {
            CHECK(p.file == name);
            CHECK_FALSE(p.message.empty());
        }
    }
    for (const auto& item : expected.items())
        CHECK_MESSAGE(fs::exists(fixture_path("bad/" + item.key())),
                      "expected.json lists a missing file " << item.key());
}

TEST_CASE("a file with several errors reports every one of them") {
    const ex::LoadResult r = ex::load_content_file(fixture_path("bad/several-errors.json"));
    CAPTURE(dump_problems(r));
    CHECK(r.error_count() == 7);
    CHECK(r.warning_count() == 0);
    // Document order: meta, categories, nodes, edges, tours.
    REQUIRE(r.problems.size() == 7);
    CHECK(r.problems.front().pointer == "/meta");
    CHECK(r.problems.back().pointer == "/tours/0/steps/0/node");
}

TEST_CASE("good fixtures load with no problems at all") {
    const auto files = json_files("good");
    REQUIRE(files.size() >= 3);
    for (const auto& name : files) {
        CAPTURE(name);
        const ex::LoadResult r = ex::load_content_file(fixture_path("good/" + name));
        CAPTURE(dump_problems(r));
        CHECK(r.ok());
        CHECK(r.problems.empty());
    }
}

TEST_CASE("warning fixtures load, with exactly the expected warnings") {
    const auto expected = nlohmann::json::parse(read_bytes(fixture_path("warn/expected.json")));
    for (const auto& name : json_files("warn")) {
        CAPTURE(name);
        REQUIRE(expected.contains(name));
        const ex::LoadResult r = ex::load_content_file(fixture_path("warn/" + name));
        CAPTURE(dump_problems(r));
        CHECK(r.ok());
        CHECK(r.error_count() == 0);
        CHECK(r.warning_count() == expected[name].size());
        for (const auto& e : expected[name])
            CHECK(has_problem(r, e["pointer"].get<std::string>(), e["contains"].get<std::string>(),
                              ex::Severity::Warning));
    }
}

// [SECTION] Model -----------------------------------------------------------------------------------------------

TEST_CASE("a complete file becomes the model, with indices resolved") {
    const ex::LoadResult r = ex::load_content_file(fixture_path("good/complete.json"));
    REQUIRE(r.ok());
    const ex::Content& c = *r.content;
    CHECK(c.meta.title.get() == "Why the talent pipeline matters");
    CHECK(c.meta.title.items.front().first.empty());  // plain strings match any language
    CHECK(c.meta.source.url == "https://example.com/analysis");
    CHECK(c.categories[0].rgb == 0xe07b39u);
    CHECK(c.categories[1].rgb == 0x44aa99u);  // "#4a9"
    // Built-ins first; the file's "drives" replaces the built-in in place, "eases" is appended.
    REQUIRE(c.edge_kinds.size() == 7);
    CHECK(c.edge_kinds[0].id == "drives");
    CHECK(c.edge_kinds[0].forward.get() == "pushes up");
    CHECK(c.edge_kinds[6].id == "eases");
    CHECK(c.edge_kinds[6].style == "dotted");
    CHECK(c.edge_kind_index("part-of") >= 0);
    REQUIRE(c.nodes.size() == 3);
    CHECK(c.nodes[1].category_index == 1);
    CHECK(c.nodes[1].has_position);
    CHECK(c.nodes[1].x == doctest::Approx(320.5));
    CHECK(c.nodes[1].y == doctest::Approx(-40));
    CHECK_FALSE(c.nodes[2].has_position);
    CHECK(c.nodes[0].body.size() == 2);
    CHECK(c.nodes[0].tags.size() == 2);
    CHECK(c.edges[0].id == "e1");
    CHECK(c.edges[0].label.get() == "through scarcity");
    CHECK(c.edges[1].kind_index == 6);
    CHECK(c.edges[2].from_index == 2);
    CHECK(c.edges[2].to_index == 0);
    CHECK(c.tours[0].steps[1].node_index == 1);
    CHECK(c.find_paragraph("p3") != nullptr);
    CHECK(c.find_section_of("p3")->id == "outlook");
}

TEST_CASE("language maps keep file order and serve each language") {
    const ex::LoadResult r = ex::load_content_file(fixture_path("good/unicode.json"));
    REQUIRE(r.ok());
    const ex::Content& c = *r.content;
    CHECK(c.meta.title.get("zh") == "芯片与权力");
    CHECK(c.meta.title.get("fr") == "Chips and power");
    // {"zh": ..., "en": ...} in the file: nlohmann sorts keys, the loader must not.
    REQUIRE(c.meta.source.title.items.size() == 2);
    CHECK(c.meta.source.title.items[0].first == "zh");
    CHECK(c.meta.source.title.items[1].first == "en");
    CHECK(c.categories[0].label.get("zh-Hant") == "參與者");
    CHECK(c.categories[0].rgb == 0xaa00ccu);  // "#A0C"
    CHECK(c.nodes[1].summary.get("zh") == "Règles d’exportation.");
}

TEST_CASE("a UTF-8 byte-order mark is accepted, and positions still count it") {
    const std::string doc = read_bytes(fixture_path("good/minimal.json"));
    CHECK(ex::load_content("\xEF\xBB\xBF" + doc, "bom.json").ok());
    const ex::LoadResult r = ex::load_content("\xEF\xBB\xBF{\n  \"a\": ]\n}", "bom.json");
    CHECK(has_problem(r, "/a", "line 2, column 8"));
}

// [SECTION] Hostile input ---------------------------------------------------------------------------------------

TEST_CASE("100000 levels of nesting are refused while parsing, without a crash") {
    for (const char* open_close : {"[]", "{}"}) {
        std::string deep;
        const int levels = 100000;
        if (open_close[0] == '[') deep = std::string(levels, '[') + std::string(levels, ']');
        else {
            for (int i = 0; i < levels; ++i) deep += "{\"a\":";
            deep += "1" + std::string(levels, '}');
        }
        const ex::LoadResult r = ex::load_content(deep, "deep.json");
        CHECK(r.content == nullptr);
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].message.find("nested more than 24 levels") != std::string::npos);
    }
    // Unbalanced: an endless opening run is refused the same way.
    CHECK_FALSE(ex::load_content(std::string(1000000, '['), "open.json").ok());
}

TEST_CASE("numbers that overflow, huge integers and non-numbers are refused with a location") {
    auto with_x = [](const std::string& x) {
        std::string doc = read_bytes(fixture_path("good/complete.json"));
        const size_t at = doc.find("\"x\": 320.5");
        return doc.replace(at, 10, "\"x\": " + x);
    };
    for (const char* big : {"1e999", "-1e999", "1.5e308000"}) {
        CAPTURE(big);
        const ex::LoadResult r = ex::load_content(with_x(big), "n.json");
        CHECK(r.content == nullptr);
        CHECK(has_problem(r, "/nodes/1/position/x", "is too large"));
    }
    // Integers beyond 64 bits parse as doubles: then the position cap speaks.
    const ex::LoadResult r = ex::load_content(with_x("123456789012345678901234567890"), "n.json");
    CHECK(has_problem(r, "/nodes/1/position/x", "too far out"));
    CHECK(has_problem(ex::load_content(with_x("NaN"), "n.json"), "/nodes/1/position/x", "NaN and Infinity"));
    CHECK(has_problem(ex::load_content(with_x("\"12\""), "n.json"), "/nodes/1/position/x", "expected a number"));
    const ex::LoadResult f =
        ex::load_content(minimal_with([](nlohmann::json& d) { d["format"] = 18446744073709551615u; }), "f.json");
    CHECK(has_problem(f, "/format", "is not supported"));
}

TEST_CASE("encodings: UTF-16/32 with and without a byte-order mark, invalid UTF-8, NUL") {
    CHECK(has_problem(ex::load_content(std::string("{\0\"\0", 4), "x"), "", "UTF-16 little-endian (zero bytes"));
    CHECK(has_problem(ex::load_content(std::string("\0{\0\"", 4), "x"), "", "UTF-16 big-endian"));
    CHECK(has_problem(ex::load_content(std::string("\0\0\0{", 4), "x"), "", "UTF-32 big-endian"));
    CHECK(has_problem(ex::load_content(std::string("\xFE\xFF\0{", 4), "x"), "", "UTF-16 big-endian (it starts"));
    CHECK(has_problem(ex::load_content(std::string("\0\0\xFE\xFF", 4), "x"), "", "UTF-32 big-endian (it starts"));
    // Overlong form, lone surrogate, beyond U+10FFFF, stray continuation byte.
    for (const char* bad :
         {"{\"a\": \"\xC0\xAF\"}", "{\"a\": \"\xED\xA0\x80\"}", "{\"a\": \"\xF4\x90\x80\x80\"}", "{\"a\": \"\x80\"}"})
        CHECK(has_problem(ex::load_content(bad, "x"), "", "not valid UTF-8: byte 0x"));
    // NUL after a complete document: nlohmann alone would accept "{}\0garbage" as "{}".
    const ex::LoadResult r = ex::load_content(std::string("{}\0garbage\0", 11), "x");
    CHECK(has_problem(r, "", "NUL byte (0x00) at line 1, column 3 (byte offset 2)"));
    CHECK(has_problem(r, "", "(2 NUL bytes in all)"));
}

TEST_CASE("random damage to good files never crashes, and a refusal always says why") {
    std::mt19937 rng(12345);
    const std::string seeds[] = {read_bytes(fixture_path("good/complete.json")),
                                 read_bytes(fixture_path("good/unicode.json"))};
    static const char kInteresting[] = "{}[]\",:\\0-e.\x00\xff\xc3";
    for (int i = 0; i < 3000; ++i) {
        std::string s = seeds[i % 2];
        const int edits = 1 + int(rng() % 4);
        for (int k = 0; k < edits && !s.empty(); ++k) {
            const size_t at = rng() % s.size();
            switch (rng() % 4) {
                case 0: s[at] = kInteresting[rng() % (sizeof kInteresting - 1)]; break;
                case 1: s.erase(at, 1 + rng() % 8); break;
                case 2: s.insert(at, s.substr(rng() % s.size(), rng() % 64)); break;
                case 3: s.resize(at); break;
            }
        }
        const ex::LoadResult r = ex::load_content(s, "fuzz.json");
        if (!r.ok()) {
            CHECK(r.content == nullptr);
            CHECK(r.error_count() > 0);
        }
    }
}

// [SECTION] Caps and limits -------------------------------------------------------------------------------------

TEST_CASE("a file over 8 MiB is refused before parsing") {
    const std::string big(ex::limits::kFileBytes + 1, ' ');
    const ex::LoadResult r = ex::load_content(big, "big.json");
    CHECK(has_problem(r, "", "the limit is 8 MiB"));
    REQUIRE(r.problems.size() == 1);

    const std::string path = (fs::temp_directory_path() / "explainer-test-big.json").string();
    {
        std::ofstream out(path, std::ios::binary);
        out << big;
    }
    CHECK(has_problem(ex::load_content_file(path, "big.json"), "", "8.0 MiB (8388609 bytes)"));
    fs::remove(path);
}

TEST_CASE("messages that name a cap are built from limits::") {
    // The texts follow the constants (so a changed cap changes every message) and read as authors expect today.
    CHECK(ex::limits::file_size_text() == std::to_string(ex::limits::kFileBytes / (1024 * 1024)) + " MiB");
    CHECK(ex::limits::file_size_text() == "8 MiB");
    CHECK(ex::limits::coordinate_text() == "\u00b1" + std::to_string(static_cast<long long>(ex::limits::kCoordinate)));
    CHECK(ex::limits::coordinate_text() == "\u00b11000000");
    CHECK(ex::limits::file_too_large() == "the file is larger than the 8 MiB limit");

    const ex::LoadResult far =
        ex::load_content(minimal_with([](nlohmann::json& d) {
                             d["nodes"][0]["position"] = {{"x", ex::limits::kCoordinate * 2}, {"y", 0}};
                         }),
                         "far.json");
    CHECK(has_problem(far, "/nodes/0/position/x", ex::limits::positions_within()));
    CHECK(has_problem(far, "/nodes/0/position/x", "positions must lie within \u00b11000000"));
}

TEST_CASE("count caps: nodes, categories, sections, body paragraphs") {
    const ex::LoadResult nodes = ex::load_content(minimal_with([](nlohmann::json& d) {
                                                      auto n = d["nodes"][0];
                                                      d["nodes"] = nlohmann::json::array();
                                                      for (int i = 0; i <= 20000; ++i) {
                                                          n["id"] = "n" + std::to_string(i);
                                                          d["nodes"].push_back(n);
                                                      }
                                                  }),
                                                  "x");
    CHECK(has_problem(nodes, "/nodes", "too many: 20001 node entries; the limit is 20000"));
    const ex::LoadResult cats = ex::load_content(
        minimal_with([](nlohmann::json& d) {
            for (int i = 0; i < 64; ++i)
                d["categories"].push_back({{"id", "c" + std::to_string(i)}, {"label", "L"}, {"colour", "#000"}});
        }),
        "x");
    CHECK(has_problem(cats, "/categories", "too many: 65 category entries; the limit is 64"));
    const ex::LoadResult body = ex::load_content(
        minimal_with([](nlohmann::json& d) { d["nodes"][0]["body"] = std::vector<std::string>(65, "para"); }), "x");
    CHECK(has_problem(body, "/nodes/0/body", "the limit is 64"));
    const ex::LoadResult para = ex::load_content(minimal_with([](nlohmann::json& d) {
                                                     d["meta"]["source"]["sections"][0]["paragraphs"][0]["text"] =
                                                         std::string(8001, 'w');
                                                 }),
                                                 "x");
    CHECK(has_problem(para, "/meta/source/sections/0/paragraphs/0/text",
                      "8001 bytes; a source paragraph may have at most 8000"));
    // Caps count bytes: 67 three-byte characters are 201 bytes.
    std::string cjk;
    for (int i = 0; i < 67; ++i) cjk += "字";
    const ex::LoadResult title = ex::load_content(minimal_with([&](nlohmann::json& d) {
                                                      d["meta"]["title"] = {{"zh", cjk}};
                                                  }),
                                                  "x");
    CHECK(has_problem(title, "/meta/title/zh", "201 bytes"));
}

TEST_CASE("the largest allowed graph loads (20000 nodes, 100000 edges)") {
    // Built as text: building it with nlohmann::json takes longer than loading it.
    std::string bytes =
        R"({"meta":{"title":"Big","summary":"S","source":{"title":"T","sections":[{"id":"s","heading":"H",)"
        R"("paragraphs":[{"id":"p1","text":"P"}]}]}},"categories":[{"id":"c","label":"C","colour":"#000"}],)"
        R"("tours":[],"nodes":[)";
    for (int i = 0; i < 20000; ++i)
        bytes += (i ? ",{\"id\":\"n" : "{\"id\":\"n") + std::to_string(i) +
                 R"(","category":"c","title":"T","summary":"S","citations":[{"paragraph":"p1"}]})";
    bytes += "],\"edges\":[";
    for (int i = 0; i < 100000; ++i) {
        const int a = i % 20000, b = (a + 1 + i / 20000) % 20000;
        bytes += (i ? ",{\"from\":\"n" : "{\"from\":\"n") + std::to_string(a) + "\",\"to\":\"n" + std::to_string(b) +
                 "\",\"kind\":\"drives\"}";
    }
    bytes += "]}";
    REQUIRE(bytes.size() <= ex::limits::kFileBytes);
    const auto t0 = std::chrono::steady_clock::now();
    const ex::LoadResult r = ex::load_content(bytes, "big.json");
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    CAPTURE(dump_problems(r));
    CHECK(r.ok());
    CHECK(r.problems.empty());
    CHECK(r.content->edges.size() == 100000);
    CHECK(seconds < 30.0);  // linear (nlohmann's callback parser took minutes)
    MESSAGE("20000 nodes + 100000 edges (" << bytes.size() / 1024 << " KiB) loaded in " << seconds << " s");
}

TEST_CASE("the number of reported problems is capped, and the rest are counted") {
    const ex::LoadResult r = ex::load_content(
        minimal_with([](nlohmann::json& d) {
            for (int i = 0; i < 3000; ++i)
                d["edges"].push_back({{"from", "x" + std::to_string(i)}, {"to", "one"}, {"kind", "drives"}});
        }),
        "x");
    CHECK(r.content == nullptr);
    REQUIRE(r.problems.size() == ex::limits::kReportedProblems + 1);
    CHECK(r.problems.back().message.find("2000 more error(s)") != std::string::npos);
}

TEST_CASE("load_content_file: missing files, directories and label override") {
    const ex::LoadResult missing = ex::load_content_file(fixture_path("no-such-file.json"), "article.json");
    REQUIRE(missing.problems.size() == 1);
    CHECK(ex::format_problem(missing.problems[0]) == "article.json: /: cannot open the file: it does not exist");
    CHECK(has_problem(ex::load_content_file(fixture_path("good")), "", "it is a directory"));
    CHECK(ex::load_content_file(fixture_path("good/minimal.json"), "shown.json").ok());
}

// [SECTION] Messages --------------------------------------------------------------------------------------------

TEST_CASE("format_problem: FILE: /pointer: message, warnings marked, the root as /") {
    CHECK(ex::format_problem({"a.json", "/edges/7/to", "no node", ex::Severity::Error}) ==
          "a.json: /edges/7/to: no node");
    CHECK(ex::format_problem({"a.json", "/x", "odd", ex::Severity::Warning}) == "a.json: /x: warning: odd");
    CHECK(ex::format_problem({"a.json", "", "empty", ex::Severity::Error}) == "a.json: /: empty");
    CHECK(ex::pointer_append("/a", "b/c~d") == "/a/b~1c~0d");
    CHECK(ex::pointer_append("", size_t(3)) == "/3");
}

TEST_CASE("locate_problems: line, column (in characters) and node, the nearest ancestor for a missing field") {
    const std::string json =
        "{\"nodes\": [\n  {\"id\": \"a\"},\n  {\"title\": \"芯片\", \"id\": \"b\",\n   \"x\": 1}]}";
    std::vector<ex::Problem> ps = {{"f.json", "/nodes/1/x", "bad x"},
                                   {"f.json", "/nodes/0/summary", "missing required field"},
                                   {"f.json", "/edges/2", "no such place"},
                                   {"f.json", "/nodes/1", "syntax error at line 9, column 4: oops"}};
    ex::locate_problems(json, ps);
    CHECK(ex::format_problem(ps[0]) == "f.json:4:9: /nodes/1/x (b): bad x");
    CHECK(ex::format_problem(ps[1]) == "f.json:2:3: /nodes/0/summary (a): missing required field");  // at /nodes/0
    CHECK(ex::format_problem(ps[2]) == "f.json:1:1: /edges/2: no such place");                       // the document
    CHECK(ps[3].line == 9);  // a syntax error keeps the parser's own place
    CHECK(ps[3].column == 4);
    std::vector<ex::Problem> broken = {{"f.json", "/b", "x"}};
    ex::locate_problems("{\"a\": [1, 2", broken);  // cut off: what was found before the end still counts
    CHECK(broken[0].line == 1);
}

TEST_CASE("the brief's example message, exactly") {
    const ex::LoadResult r = ex::load_content_file(fixture_path("bad/dangling-edge-to.json"), "article.json");
    REQUIRE(r.problems.size() == 1);
    CHECK(ex::format_problem(r.problems[0]) ==
          "article.json: /edges/0/to: no node with id \"talent-pipline\" (did you mean \"talent-pipeline\"?)");
}

TEST_CASE("suggestions: close ids, clipped words, no guesses between equally close ids") {
    ex::Suggester s;
    const std::vector<std::string> ids = {"talent-pipeline", "wages", "automation"};
    CHECK(s.suggest("node", "talent-pipline", ids) == "talent-pipeline");
    CHECK(s.suggest("node", "Wages", ids) == "wages");
    CHECK(s.suggest("node", "wgaes", ids) == "wages");  // adjacent swap counts as one edit
    CHECK(s.suggest("node", "salaries", ids).empty());
    CHECK(s.suggest("style", "dash", {"solid", "dashed", "dotted"}) == "dashed");
    CHECK(s.suggest("p", "p4", {"p1", "p2", "p3"}).empty());
    CHECK(ex::edit_distance("kitten", "sitting", 5) == 3);
    CHECK(ex::edit_distance("abc", "abcdefgh", 2) == 3);  // gives up early: max + 1
}

TEST_CASE("quotes: whitespace runs compare equal; a miss says how far it matched") {
    CHECK(ex::match_quote("runs dry, and  firms", "the pipeline runs dry,\nand firms look").found);
    CHECK(ex::match_quote("  look ", "and firms look").found);
    const ex::QuoteMatch m = ex::match_quote("firms look inward", "and firms look abroad");
    CHECK_FALSE(m.found);
    CHECK(m.matched_prefix == "firms look ");
    CHECK(m.next_in_quote == "inward");
    CHECK(ex::match_quote("FIRMS", "and firms").differs_in_case_only);
    const ex::QuoteMatch cjk = ex::match_quote("出口规则紧跟其后", "出口规则紧随其后。");
    CHECK(cjk.matched_prefix == "出口规则紧");  // never cuts a character in half
}
