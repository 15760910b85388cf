// Headless UI tests: the app's real frame code, driven by queued input events.
#include <doctest/doctest.h>

#include "headless.h"

using ex::test::Headless;

TEST_CASE("the bundled article loads and frames are counted") {
    Headless h(ex::test::default_config());
    REQUIRE(h.app.content);
    h.frame(3);
    nlohmann::json s = ex::app_state(h.app);
    CHECK(s["content"]["node_count"].get<int>() > 10);
    CHECK_FALSE(s["content"]["title"].get<std::string>().empty());
    CHECK(s["frames"].get<int>() == 3);
    CHECK(s["errors"].empty());
}

TEST_CASE("a bad load keeps the content that was shown") {
    Headless h(ex::test::default_config());
    h.frame();
    const size_t before = h.app.content->nodes.size();
    CHECK_FALSE(ex::app_load(h.app, "{\"meta\": 1}", "broken.json"));
    h.frame();
    REQUIRE(h.app.content);
    CHECK(h.app.content->nodes.size() == before);
    nlohmann::json s = ex::app_state(h.app);
    REQUIRE_FALSE(s["errors"].empty());
    CHECK(s["errors"][0].get<std::string>().rfind("broken.json: ", 0) == 0);
}
