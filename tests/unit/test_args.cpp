#include <doctest/doctest.h>

#include "core/args.h"

namespace {
const std::vector<ex::OptionSpec> kTable = {
    {"validate", false, "FILE...", "check files"},
    {"lang", true, "TAG", "language"},
    {"select", true, "ID", "open with this node selected"},
    {"report-state", true, "FILE", "first line\nsecond line"},
    {"version", false, "", "print the version"},
};
}  // namespace

TEST_CASE("command line and URL query give the same options") {
    const char* argv[] = {"explainer", "--lang", "zh", "--select=talent", "--validate", "a.json", "b.json"};
    ex::Args cl = ex::parse_command_line(7, argv, kTable);
    ex::Args q = ex::parse_query("?lang=zh&select=talent&validate");
    for (const ex::Args* a : {&cl, &q}) {
        CHECK(a->get("lang") == "zh");
        CHECK(a->get("select") == "talent");
        CHECK(a->has("validate"));
        CHECK(a->errors.empty());
    }
    CHECK(cl.positional == std::vector<std::string>{"a.json", "b.json"});
}

TEST_CASE("the table says which options take a value") {
    const char* argv[] = {"explainer", "--validate", "a.json", "--lang", "zh"};
    const ex::Args a = ex::parse_command_line(5, argv, kTable);
    CHECK(a.errors.empty());
    CHECK(a.get("validate") == "");  // a flag: the file after it stays positional
    CHECK(a.positional == std::vector<std::string>{"a.json"});
    CHECK(a.get("lang") == "zh");
    const char* after_dashes[] = {"explainer", "--", "--nope", "-x"};
    CHECK(ex::parse_command_line(4, after_dashes, kTable).positional == std::vector<std::string>{"--nope", "-x"});
}

TEST_CASE("errors and decoding") {
    const char* argv[] = {"explainer", "--lang"};
    CHECK(ex::parse_command_line(2, argv, kTable).errors == std::vector<std::string>{"--lang needs a value"});
    const char* argv2[] = {"explainer", "--version=3"};
    CHECK(ex::parse_command_line(2, argv2, kTable).errors == std::vector<std::string>{"--version takes no value"});
    ex::Args q = ex::parse_query("#node=a%20b+c&x=%zz&y=%4");
    CHECK(q.get("node") == "a b c");
    CHECK(q.get("x") == "%zz");
    CHECK(q.get("y") == "%4");
    CHECK(q.get("missing", "d") == "d");
}

TEST_CASE("an option not in the table is reported first, even where a value is due") {
    const char* argv[] = {"explainer", "--lang", "--nope=1", "-x", "--select"};
    const ex::Args a = ex::parse_command_line(5, argv, kTable);
    REQUIRE(a.errors.size() == 3);
    CHECK(a.errors[0] == "unknown option --nope=1");
    CHECK(a.errors[1] == "unknown option -x");
    CHECK(a.errors[2] == "--select needs a value");
    CHECK_FALSE(a.has("nope"));
}

TEST_CASE("the usage lines come from the same table") {
    CHECK(ex::options_usage(kTable) ==
          "  --validate FILE...         check files\n"
          "  --lang TAG                 language\n"
          "  --select ID                open with this node selected\n"
          "  --report-state FILE        first line\n"
          "                             second line\n"
          "  --version                  print the version\n");
    // An option too long for the column keeps one space before its help.
    const std::vector<ex::OptionSpec> wide = {{"screenshot", true, "OUT.png [FILE]", "render"}};
    CHECK(ex::options_usage(wide) == "  --screenshot OUT.png [FILE] render\n");
}
