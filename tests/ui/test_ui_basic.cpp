// Headless UI tests: the app's real frame code, driven by queued input events.
#include <doctest/doctest.h>

#include <algorithm>
#include <memory>

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

TEST_CASE("two apps alive at once each keep their own map, reading state and canvas cache") {
    // Nothing in the UI is global: a desktop and a phone app draw frames in turn and never see each other's state.
    ex::AppConfig zh = ex::test::default_config();
    zh.lang = "zh";
    auto wide = std::make_unique<Headless>(ex::test::default_config(), ImVec2(1280, 800));
    auto phone = std::make_unique<Headless>(zh, ImVec2(390, 844));
    wide->frame(2);
    phone->frame(2);
    REQUIRE(wide->app.content);
    REQUIRE(phone->app.content);
    const std::string id = wide->app.content->nodes[0].id;
    REQUIRE(ex::app_select(wide->app, id));
    for (int i = 0; i < 10; ++i) {
        wide->frame();
        phone->frame();
    }
    const nlohmann::json a = ex::app_state(wide->app), b = ex::app_state(phone->app);
    CHECK(a["selected"] == id);
    CHECK(b["selected"].is_null());
    CHECK(a["lang"] == "en");
    CHECK(b["lang"] == "zh");
    CHECK(wide->app.map.laid_out_columns == 0);   // landscape: lanes side by side
    CHECK(phone->app.map.laid_out_columns > 0);   // portrait: lanes stacked
    CHECK(a["camera"] != b["camera"]);
    for (Headless* h : {wide.get(), phone.get()}) {
        // Each canvas cache describes its own app's layout, and each app drew its own cards' titles.
        CHECK(h->app.map.cache.content == h->app.content);
        CHECK(h->app.map.cache.cards.size() == h->app.map.layout.cards.size());
        bool same = true;
        for (size_t i = 0; i < h->app.map.layout.cards.size(); ++i)
            same &= h->app.map.cache.cards[i].x == h->app.map.layout.cards[i].x &&
                    h->app.map.cache.cards[i].y == h->app.map.layout.cards[i].y;
        CHECK(same);
        CHECK(std::count_if(h->app.map.title_px.begin(), h->app.map.title_px.end(), [](float px) { return px > 0; }) > 3);
    }
    wide.reset();  // the first one made goes first; the other keeps drawing
    phone->frame(3);
    CHECK(ex::app_state(phone->app)["frames"].get<int>() > 10);
}
