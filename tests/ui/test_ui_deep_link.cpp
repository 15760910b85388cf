// Deep links (ui/deep_link.h), natively: the hash of what the reader sees, and a hash applied to the app (unknown
// ids, tour steps clamped, back and forward through the app's own history, unfolded groups).
#include <doctest/doctest.h>

#include "headless.h"
#include "ui/deep_link.h"

using ex::test::Headless;

TEST_CASE("url_encode keeps safe characters and percent-encodes the rest, bytes of UTF-8 included") {
    CHECK(ex::url_encode("ai-chips_2.x~") == "ai-chips_2.x~");
    CHECK(ex::url_encode("a b&c=d#") == "a%20b%26c%3Dd%23");
    CHECK(ex::url_encode("\xE8\x8A\xAF") == "%E8%8A%AF");  // 芯
}

TEST_CASE("a selection's hash names it, and applying that hash elsewhere selects the same card") {
    std::string hash;
    {
        Headless h(ex::test::default_config());
        h.frame(2);
        CHECK(ex::hash_of(h.app) == "");
        REQUIRE(ex::app_select(h.app, "ai-chips"));
        hash = ex::hash_of(h.app);
        CHECK(hash == "#node=ai-chips");  // the groups hiding it unfold with it: no &unfold= needed
    }
    Headless other(ex::test::default_config());
    other.frame(2);
    std::string missing;
    ex::apply_hash(other.app, hash, missing);
    CHECK(missing.empty());
    CHECK(ex::app_state(other.app)["selected"] == "ai-chips");
    CHECK(ex::hash_of(other.app) == hash);
}

TEST_CASE("an unknown card is reported and changes nothing") {
    Headless h(ex::test::default_config());
    h.frame(2);
    REQUIRE(ex::app_select(h.app, "xi-call"));
    std::string missing;
    ex::apply_hash(h.app, "#node=does-not-exist", missing);
    CHECK(missing == "does-not-exist");
    CHECK(ex::app_state(h.app)["selected"] == "xi-call");
    missing.clear();
    ex::apply_hash(h.app, "#tour=no-such-tour&step=2", missing);
    CHECK(ex::app_state(h.app)["selected"] == "xi-call");
    CHECK(h.app.reading.tour.tour < 0);
}

TEST_CASE("a tour step is clamped to the tour, and the hash says the step shown") {
    Headless h(ex::test::default_config());
    h.frame(2);
    const ex::Tour& tour = h.app.content->tours[0];
    std::string missing;
    ex::apply_hash(h.app, "#tour=" + tour.id + "&step=999", missing);
    CHECK(h.app.reading.tour.step == (int)tour.steps.size() - 1);
    CHECK(ex::hash_of(h.app) == "#tour=" + tour.id + "&step=" + std::to_string(tour.steps.size()));
    ex::apply_hash(h.app, "#tour=" + tour.id + "&step=-3", missing);
    CHECK(h.app.reading.tour.step == 0);
    CHECK(ex::app_state(h.app)["selected"] == tour.steps[0].node);
}

TEST_CASE("the previous and next cards go through the app's history, so both histories stay one list") {
    Headless h(ex::test::default_config());
    h.frame(2);
    REQUIRE(ex::app_select(h.app, "xi-call"));
    REQUIRE(ex::app_select(h.app, "us-rivalry"));
    REQUIRE(ex::app_select(h.app, "ai-chips"));
    std::string missing;
    ex::apply_hash(h.app, "#node=us-rivalry", missing);  // the browser's Back
    CHECK(ex::app_state(h.app)["selected"] == "us-rivalry");
    CHECK(h.app.reading.history.can_forward());        // a visit would have dropped the forward entry
    ex::apply_hash(h.app, "#node=ai-chips", missing);  // and Forward
    CHECK(ex::app_state(h.app)["selected"] == "ai-chips");
    CHECK_FALSE(h.app.reading.history.can_forward());
    ex::apply_hash(h.app, "", missing);  // the overview
    CHECK(ex::app_state(h.app)["selected"].is_null());
}

TEST_CASE("unfolded groups travel in the hash: exactly those unfold, unknown ids are ignored") {
    Headless h(ex::test::default_config());
    h.frame(2);
    std::string missing;
    ex::apply_hash(h.app, "#unfold=indigenous-infrastructure,not-a-card", missing);
    h.frame(30);
    const int whole = h.app.content->node_index("indigenous-infrastructure");
    REQUIRE(whole >= 0);
    CHECK(h.app.map.unfolded[whole]);
    CHECK(ex::hash_of(h.app) == "#unfold=indigenous-infrastructure");
    ex::apply_hash(h.app, "#", missing);
    CHECK_FALSE(h.app.map.unfolded[whole]);
    CHECK(ex::hash_of(h.app) == "");
}
