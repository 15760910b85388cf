#include <doctest/doctest.h>

#include "core/args.h"

TEST_CASE("command line and URL query give the same options") {
    const char* argv[] = {"explainer", "--lang", "zh", "--select=talent", "--validate", "a.json", "b.json"};
    ex::Args cl = ex::parse_command_line(7, argv, {"validate"});
    ex::Args q = ex::parse_query("?lang=zh&select=talent&validate");
    for (const ex::Args* a : {&cl, &q}) {
        CHECK(a->get("lang") == "zh");
        CHECK(a->get("select") == "talent");
        CHECK(a->has("validate"));
        CHECK(a->errors.empty());
    }
    CHECK(cl.positional == std::vector<std::string>{"a.json", "b.json"});
}

TEST_CASE("errors and decoding") {
    const char* argv[] = {"explainer", "--lang"};
    CHECK(ex::parse_command_line(2, argv, {}).errors.size() == 1);
    const char* argv2[] = {"explainer", "--version=3"};
    CHECK(ex::parse_command_line(2, argv2, {"version"}).errors.size() == 1);
    ex::Args q = ex::parse_query("#node=a%20b+c&x=%zz&y=%4");
    CHECK(q.get("node") == "a b c");
    CHECK(q.get("x") == "%zz");
    CHECK(q.get("y") == "%4");
    CHECK(q.get("missing", "d") == "d");
}
