// test_json_splice.cpp — writing an edited JSON value in its file's formatting: untouched text comes back byte for
// byte, the style is detected, every edit parses back to the edited value, and an edit changes only its own lines.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "core/json_splice.h"

using OJson = nlohmann::ordered_json;

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string fixture(const std::string& rel) { return slurp(std::string(EXPLAINER_FIXTURES) + "/" + rel); }

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

}  // namespace

namespace ex::test {

// Lines removed plus lines added, as a line diff (longest common subsequence) would show them.
size_t changed_lines(const std::string& a, const std::string& b) {
    const std::vector<std::string> x = lines_of(a), y = lines_of(b);
    std::vector<std::vector<size_t>> lcs(x.size() + 1, std::vector<size_t>(y.size() + 1, 0));
    for (size_t i = x.size(); i-- > 0;)
        for (size_t j = y.size(); j-- > 0;)
            lcs[i][j] = x[i] == y[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    return x.size() + y.size() - 2 * lcs[0][0];
}

}  // namespace ex::test

using ex::test::changed_lines;

TEST_CASE("json_splice: an unchanged value is written back byte for byte") {
    for (const std::string text :
         {fixture("format/four-space-compact.json"), fixture("format/two-space-tight.json"),
          fixture("good/complete.json"), slurp(std::string(EXPLAINER_SOURCE_DIR) + "/assets/content/article.json"),
          std::string("\r\n{\r\n\t\"a\" : [1,2 ,3],\r\n\t\"b\":{}}\r\n\r\n"), std::string("[]"), std::string("  7 ")}) {
        ex::JsonLayout layout;
        REQUIRE(layout.read(text));
        CHECK(layout.write(layout.value()) == text);
        CHECK(layout.write(OJson::parse(text)) == text);
    }
}

TEST_CASE("json_splice: the style is detected from the file") {
    ex::JsonLayout four, two, article, tabs;
    REQUIRE(four.read(fixture("format/four-space-compact.json")));
    CHECK(four.style().indent == "    ");
    CHECK(four.style().compact);
    CHECK(four.style().compact_nested);  // "citations": [ { ... } ]
    CHECK(four.style().pad_object);
    CHECK_FALSE(four.style().pad_array);   // ["policy", "rates"]
    CHECK(four.style().pad_array_nested);  // [ { "paragraph": "p1" } ]
    CHECK(four.style().colon == ": ");
    REQUIRE(two.read(fixture("format/two-space-tight.json")));
    CHECK(two.style().indent == "  ");
    CHECK(two.style().compact);
    CHECK_FALSE(two.style().pad_object);
    REQUIRE(article.read(slurp(std::string(EXPLAINER_SOURCE_DIR) + "/assets/content/article.json")));
    CHECK(article.style().indent == "  ");
    CHECK_FALSE(article.style().compact);  // nlohmann's dump(2): everything on its own line
    REQUIRE(tabs.read("{\r\n\t\"a\":[\r\n\t\t1\r\n\t]\r\n}\r\n"));
    CHECK(tabs.style().indent == "\t");
    CHECK(tabs.style().newline == "\r\n");
    CHECK(tabs.style().colon == ":");
}

TEST_CASE("json_splice: every kind of edit parses back to the edited value and touches only its lines") {
    const std::string text = fixture("format/four-space-compact.json");
    ex::JsonLayout layout;
    REQUIRE(layout.read(text));
    auto check_edit = [&](const OJson& edited, size_t max_changed) {
        const std::string out = layout.write(edited);
        CHECK(OJson::parse(out) == edited);
        CHECK(changed_lines(text, out) <= max_changed);
        return out;
    };
    const OJson base = layout.value();

    OJson e = base;  // a scalar deep inside
    e["nodes"][0]["position"]["x"] = 40;
    std::string out = check_edit(e, 2);
    CHECK(out.find("\"position\": { \"x\": 40, \"y\": 0 }") != std::string::npos);

    e = base;  // a new member in a multi-line object, in the file's one-line style
    e["nodes"][2]["position"] = {{"x", 10}, {"y", 20}};
    out = check_edit(e, 3);
    CHECK(out.find("\n            \"position\": { \"x\": 10, \"y\": 20 }\n") != std::string::npos);

    e = base;  // a new member in a one-line object
    e["edges"][0]["label"] = "fast";
    out = check_edit(e, 2);
    CHECK(out.find("{ \"from\": \"rate-rise\", \"to\": \"mortgages\", \"kind\": \"drives\", \"label\": \"fast\" }") !=
          std::string::npos);

    e = base;  // a member removed
    e["edges"][2].erase("label");
    check_edit(e, 2);

    e = base;  // an element removed from the middle: only its own lines go
    e["nodes"].erase(e["nodes"].begin() + 1);
    out = check_edit(e, 8);
    CHECK(changed_lines(text, out) == 8);

    e = base;  // an element appended, written in the file's style (4 spaces, short lists on one line)
    e["nodes"].push_back({{"id", "new"},
                          {"category", "effect"},
                          {"title", "New"},
                          {"summary", "S."},
                          {"citations", OJson::array()},
                          {"position", {{"x", 1}, {"y", 2}}}});
    out = check_edit(e, 10);
    CHECK(out.find("        },\n        {\n            \"id\": \"new\",\n") != std::string::npos);
    CHECK(out.find("\n            \"citations\": [],\n            \"position\": { \"x\": 1, \"y\": 2 }\n"
                   "        }\n    ],") != std::string::npos);

    e = base;  // a list item moved: the other items keep their text
    std::swap(e["tours"][0]["steps"][0], e["tours"][0]["steps"][1]);
    check_edit(e, 4);

    e = base;  // a one-line list grows on its line
    e["nodes"][0]["tags"].push_back("mortgages");
    out = check_edit(e, 2);
    CHECK(out.find("\"tags\": [\"policy\", \"rates\", \"mortgages\"],") != std::string::npos);

    e = base;  // an empty list gets items
    e["nodes"][3]["tags"] = OJson::array({"spending"});
    check_edit(e, 3);
    e = base;  // a value of another type
    e["tours"] = OJson::array();
    out = check_edit(e, 12);
    CHECK(out.find("\"tours\": []") != std::string::npos);
}

TEST_CASE("json_splice: a duplicate key or a type change is written afresh where it changed") {
    const std::string text = "{\n  \"a\": {\"x\": 1, \"x\": 2},\n  \"b\": [1, 2]\n}\n";
    ex::JsonLayout layout;
    REQUIRE(layout.read(text));
    CHECK(layout.write(layout.value()) == text);
    OJson e = layout.value();
    e["a"]["y"] = 3;
    e["b"] = "two";
    const std::string out = layout.write(e);
    CHECK(OJson::parse(out) == e);
    CHECK(out.find("\"b\": \"two\"") != std::string::npos);
}

TEST_CASE("json_splice: dump_styled writes a fresh value in a style") {
    ex::JsonStyle st;
    const OJson v = {{"a", {1, 2}}, {"b", {{"c", true}}}};
    CHECK(ex::dump_styled(v, st) == "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {\n    \"c\": true\n  }\n}");
    CHECK(ex::dump_styled(v, st) == v.dump(2));
    st.compact = true;
    st.indent = "    ";
    CHECK(ex::dump_styled(v, st) == "{\n    \"a\": [1, 2],\n    \"b\": { \"c\": true }\n}");
    st.compact_nested = true;
    CHECK(ex::dump_styled(v, st) == "{ \"a\": [1, 2], \"b\": { \"c\": true } }");
    st.line_width = 22;  // too long for one line; "b" just fits
    CHECK(ex::dump_styled(v, st) == "{\n    \"a\": [1, 2],\n    \"b\": { \"c\": true }\n}");
    st.line_width = 21;
    CHECK(ex::dump_styled(v, st) == "{\n    \"a\": [1, 2],\n    \"b\": {\n        \"c\": true\n    }\n}");
}
