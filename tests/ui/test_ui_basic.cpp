// Headless UI tests: the app's real frame code, driven by queued input events.
#include <doctest/doctest.h>

#include <unistd.h>  // getpid: a private temp folder

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>

#include "core/load.h"
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
    CHECK(wide->app.map.laid_out_columns == 0);  // landscape: lanes side by side
    CHECK(phone->app.map.laid_out_columns > 0);  // portrait: lanes stacked
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
        CHECK(std::count_if(h->app.map.title_px.begin(), h->app.map.title_px.end(), [](float px) { return px > 0; }) >
              3);
    }
    wide.reset();  // the first one made goes first; the other keeps drawing
    phone->frame(3);
    CHECK(ex::app_state(phone->app)["frames"].get<int>() > 10);
}

TEST_CASE("a file that cannot be read is reported in the loader's words, read once, and the map stays") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("explainer-unreadable-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::string big = (dir / "big.json").string();
    { std::ofstream(big, std::ios::binary) << std::string(ex::limits::kFileBytes + 1, ' '); }
    struct Case {
        std::string path, message;
    };
    const Case cases[] = {
        {(dir / "missing.json").string(), "in.json: /: cannot open the file: it does not exist"},
        {dir.string(), "in.json: /: cannot open the file: it is a directory"},
        {big, "in.json: /: the file is 8.0 MiB (8388609 bytes); the limit is 8 MiB (8388608 bytes)"},
    };
    Headless h(ex::test::default_config());
    h.frame();
    const auto shown = h.app.content;
    for (const Case& c : cases) {
        for (const bool reload : {false, true}) {
            CAPTURE(c.path);
            CAPTURE(reload);
            const bool loaded =
                reload ? ex::app_reload_file(h.app, c.path, "in.json") : ex::app_load_file(h.app, c.path, "in.json");
            CHECK_FALSE(loaded);
            REQUIRE(h.app.problems.size() == 1);
            CHECK(ex::format_problem(h.app.problems[0]) == c.message);
            CHECK(ex::format_problem(ex::load_content_file(c.path, "in.json").problems.at(0)) == c.message);
            CHECK(h.app.content == shown);
            h.frame();
        }
    }
    fs::remove_all(dir);
}
