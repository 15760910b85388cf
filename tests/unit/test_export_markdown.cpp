// test_export_markdown.cpp — Markdown export and the command-line author tools.
#include <doctest/doctest.h>

#include <sstream>

#include "cli/cli_tools.h"
#include "core/export_markdown.h"
#include "core/load.h"

static std::string fixture(const std::string& rel) { return std::string(EXPLAINER_FIXTURES) + "/" + rel; }

static std::shared_ptr<const ex::Content> load_good(const std::string& name) {
    ex::LoadResult r = ex::load_content_file(fixture("good/" + name));
    REQUIRE(r.ok());
    return r.content;
}

TEST_CASE("export_markdown writes the whole content in reading order") {
    const std::string md = ex::export_markdown(*load_good("complete.json"), "en");
    CAPTURE(md);
    const char* pieces[] = {
        "# Why the talent pipeline matters\n",
        "*A test map*",
        "A small map used by the loader tests.",
        "**Source:** [The analysis](<https://example.com/analysis>), Example Weekly",
        "## Drivers\n\nWhat pushes the system.",
        "### Talent pipeline\n\nHow many engineers are trained.\n\nTraining takes years.\n\nDemand moves faster.",
        "*Tags:* education, supply",
        "Cited from *Introduction*:\n\n> Universities train fewer engineers than the industry hires.",
        "Quote: “fewer engineers”",
        "> Wages rise when the talent pipeline runs dry,\n> and firms  look abroad.",
        "## Effects",
        "## How the ideas connect",
        "- **Talent pipeline** pushes up **Wages** (through scarcity).",  // the file's reading of "drives"
        "- **Automation** eases **Wages**.",
        "- **Automation** is part of **Talent pipeline**.",
        "## Tours\n\n### The basics\n\nTwo steps through the map.",
        "1. **Talent pipeline**: Start with supply.\n2. **Wages**: Then the price.",
    };
    for (const char* p : pieces) CHECK_MESSAGE(md.find(p) != std::string::npos, "missing: " << p);
    // Order: categories in file order, Drivers before Effects, connections after nodes, tours last.
    CHECK(md.find("## Drivers") < md.find("## Effects"));
    CHECK(md.find("### Automation") < md.find("## Effects"));  // automation is a driver
    CHECK(md.find("## Effects") < md.find("## How the ideas connect"));
    CHECK(md.find("## How the ideas connect") < md.find("## Tours"));
}

TEST_CASE("export_markdown escapes Markdown in content text") {
    const std::string md = ex::export_markdown(*load_good("complete.json"), "en");
    CHECK(md.find("> Automation may \\*soften\\* the squeeze \\[1\\] on \\<hiring\\>.") != std::string::npos);

    ex::Content c;
    c.meta.title = ex::Text("# not a heading");
    c.meta.summary = ex::Text("1. not a list\n- nor this\n    nor code");
    const std::string m = ex::export_markdown(c, "en");
    CAPTURE(m);
    CHECK(m.find("# \\# not a heading") == 0);
    CHECK(m.find("1\\. not a list\n\\- nor this\nnor code") != std::string::npos);
}

TEST_CASE("export_markdown picks the language, falling back per text") {
    const std::string zh = ex::export_markdown(*load_good("unicode.json"), "zh");
    CAPTURE(zh);
    CHECK(zh.find("# 芯片与权力") == 0);
    CHECK(zh.find("## 参与者") != std::string::npos);
    CHECK(zh.find("- **出口规则** is threatened by") == std::string::npos);
    CHECK(zh.find("- **出口规则** 威胁 **晶圆厂**（通过许可）。") != std::string::npos);  // built-in reading in zh
    CHECK(zh.find("引文：“出口规则紧随其后”") != std::string::npos);
    CHECK(zh.find("Règles d’exportation.") != std::string::npos);  // plain string: any language
    const std::string en = ex::export_markdown(*load_good("unicode.json"), "en");
    CHECK(en.find("# Chips and power") == 0);
    const std::string fr = ex::export_markdown(*load_good("unicode.json"), "fr");
    CHECK(fr.find("# Chips and power") == 0);  // falls back to meta.language
}

TEST_CASE("cli_validate prints problems and a summary per file") {
    std::ostringstream out;
    const int rc = ex::cli_validate({fixture("good/minimal.json"), fixture("warn/duplicate-edge.json")}, out);
    CHECK(rc == 0);
    CHECK(out.str().find("good/minimal.json: ok (1 node, 0 edges, 0 tours, 0 warnings)\n") != std::string::npos);
    CHECK(out.str().find("duplicate-edge.json:138:5: /edges/3: warning: duplicate edge") != std::string::npos);
    CHECK(out.str().find("duplicate-edge.json: ok (3 nodes, 4 edges, 1 tour, 1 warning)") != std::string::npos);

    std::ostringstream bad;
    CHECK(ex::cli_validate({fixture("good/minimal.json"), fixture("bad/several-errors.json")}, bad) == 1);
    CHECK(bad.str().find("several-errors.json:123:13: /edges/0/to: no node with id \"wagez\" (did you mean "
                         "\"wages\"?)\n") != std::string::npos);
    CHECK(bad.str().find("several-errors.json:70:16: /nodes/0/title (talent-pipeline): text must not be empty\n") !=
          std::string::npos);
    CHECK(bad.str().find("several-errors.json: refused (7 errors, 0 warnings)") != std::string::npos);
    std::ostringstream none;
    CHECK(ex::cli_validate({}, none) == 1);
}

TEST_CASE("cli_export_markdown: Markdown on success, problems and 1 on refusal") {
    std::ostringstream out, err;
    CHECK(ex::cli_export_markdown(fixture("good/minimal.json"), "en", out, err) == 0);
    CHECK(out.str().find("# Minimal map") == 0);
    CHECK(err.str().empty());
    std::ostringstream out2, err2;
    CHECK(ex::cli_export_markdown(fixture("bad/self-loop.json"), "en", out2, err2) == 1);
    CHECK(out2.str().empty());
    CHECK(err2.str().find("/edges/0: edge goes from \"talent-pipeline\" to itself") != std::string::npos);
}
