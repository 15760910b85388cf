#include <doctest/doctest.h>

#include "core/viewport.h"

using ex::Camera;
using ex::Rect;
using ex::Vec2;
using ex::Viewport;

static Viewport make_view(Vec2 center, float zoom) {
    Viewport v;
    v.size = {1280, 720};
    v.cam.center = center;
    v.cam.zoom = zoom;
    return v;
}

TEST_CASE("Viewport: screen and canvas round trip") {
    for (float zoom : {0.05f, 0.5f, 1.0f, 3.0f}) {
        Viewport v = make_view({123.5f, -40}, zoom);
        for (Vec2 s : {Vec2{0, 0}, Vec2{640, 360}, Vec2{1280, 720}, Vec2{17.25f, 600}}) {
            Vec2 back = v.canvas_to_screen(v.screen_to_canvas(s));
            CHECK(back.x == doctest::Approx(s.x).epsilon(1e-4));
            CHECK(back.y == doctest::Approx(s.y).epsilon(1e-4));
        }
        // The camera centre sits in the middle of the widget.
        Vec2 mid = v.canvas_to_screen(v.cam.center);
        CHECK(mid.x == doctest::Approx(640));
        CHECK(mid.y == doctest::Approx(360));
        Rect r = v.canvas_to_screen(Rect{0, 0, 100, 50});
        CHECK(r.w == doctest::Approx(100 * zoom));
        CHECK(r.h == doctest::Approx(50 * zoom));
    }
}

TEST_CASE("Viewport: zoom_at keeps the canvas point under the pivot and clamps") {
    Viewport v = make_view({500, 300}, 1.0f);
    Vec2 pivot{200, 100};
    Vec2 before = v.screen_to_canvas(pivot);
    v.zoom_at(pivot, 1.5f);
    CHECK(v.cam.zoom == doctest::Approx(1.5f));
    Vec2 after = v.screen_to_canvas(pivot);
    CHECK(after.x == doctest::Approx(before.x));
    CHECK(after.y == doctest::Approx(before.y));

    v.zoom_at(pivot, 1000.0f);
    CHECK(v.cam.zoom == doctest::Approx(ex::kMaxZoom));
    after = v.screen_to_canvas(pivot);
    CHECK(after.x == doctest::Approx(before.x));
    CHECK(after.y == doctest::Approx(before.y));

    v.zoom_at({0, 0}, 1e-9f);
    CHECK(v.cam.zoom == doctest::Approx(ex::kMinZoom));
    CHECK(ex::clamp_zoom(0.0f) == 1.0f);
}

TEST_CASE("Viewport: pan moves content with the pointer") {
    Viewport v = make_view({0, 0}, 2.0f);
    Vec2 c{10, 20};
    Vec2 s0 = v.canvas_to_screen(c);
    v.pan_screen({30, -12});
    Vec2 s1 = v.canvas_to_screen(c);
    CHECK(s1.x == doctest::Approx(s0.x + 30));
    CHECK(s1.y == doctest::Approx(s0.y - 12));
}

TEST_CASE("Viewport: fit shows the whole bounds with the margin") {
    Viewport v = make_view({0, 0}, 1.0f);
    for (Rect b : {Rect{-100, -50, 4000, 300}, Rect{10, 10, 200, 2000}, Rect{0, 0, 50, 50}}) {
        v.cam = v.fit(b, 24);
        Rect s = v.canvas_to_screen(b);
        CHECK(s.x >= 24 - 0.01f);
        CHECK(s.y >= 24 - 0.01f);
        CHECK(s.right() <= 1280 - 24 + 0.01f);
        CHECK(s.bottom() <= 720 - 24 + 0.01f);
        CHECK(v.visible_canvas().contains(b));
    }
    // Tiny bounds are limited by kMaxZoom, huge ones by kMinZoom.
    CHECK(v.fit(Rect{0, 0, 1, 1}, 0).zoom == doctest::Approx(ex::kMaxZoom));
    CHECK(v.fit(Rect{0, 0, 1e9f, 1e9f}, 0).zoom == doctest::Approx(ex::kMinZoom));
    // A zero-sized widget (first frame) still yields a usable camera.
    Viewport empty;
    Camera c = empty.fit(Rect{0, 0, 100, 100}, 10);
    CHECK(c.zoom > 0);
}

TEST_CASE("Viewport: fit_clear_of keeps every card out from under the panels") {
    Viewport v = make_view({0, 0}, 1.0f);  // 1280 x 720
    // A wide map of cards in a grid, with a card in each corner.
    std::vector<Rect> cards;
    for (int i = 0; i < 8; ++i)
        for (int j = 0; j < 4; ++j) cards.push_back(Rect{i * 300.0f, j * 150.0f, 240, 96});
    const Rect bounds{0, 0, 7 * 300.0f + 240, 3 * 150.0f + 96};
    // A title bar top left, a tall legend top right and a minimap bottom left, as the app has them.
    const std::vector<Rect> covers = {{8, 8, 420, 150}, {1020, 8, 252, 265}, {8, 600, 210, 112}};
    v.cam = v.fit_clear_of(bounds, 24, covers, cards);
    for (const Rect& c : cards) {
        const Rect s = v.canvas_to_screen(c);
        CHECK(Rect{0, 0, 1280, 720}.contains(s));
        for (const Rect& p : covers) CHECK_FALSE(s.intersects(p));
    }
    // Not smaller than it needs to be: the plain fit under a band as tall as the legend is no better.
    Viewport below = v;
    below.size.y -= 265 + 8;
    CHECK(v.cam.zoom >= below.fit(bounds, 24).zoom - 1e-4f);

    // Nothing under a panel: the plain fit.
    const std::vector<Rect> far = {{0, 0, 10, 10}};
    CHECK(v.fit_clear_of(bounds, 24, far, cards).zoom == doctest::Approx(v.fit(bounds, 24).zoom));
    // No covers, or covers that leave too little room (a phone): the plain fit as well.
    CHECK(v.fit_clear_of(bounds, 24, {}, cards).zoom == doctest::Approx(v.fit(bounds, 24).zoom));
    const std::vector<Rect> huge = {{0, 0, 1280, 500}, {0, 300, 1280, 420}};
    CHECK(v.fit_clear_of(bounds, 24, huge, cards).zoom == doctest::Approx(v.fit(bounds, 24).zoom));
}

TEST_CASE("CameraAnimation eases between cameras and zooms out on long trips") {
    Camera a{{0, 0}, 1.0f}, b{{10000, 0}, 1.0f};
    auto anim = ex::animate_camera(a, b, 10.0, 1.0);
    CHECK(anim.active);
    Camera s = anim.at(10.0);
    CHECK(s.center.x == doctest::Approx(0));
    CHECK(s.zoom == doctest::Approx(1.0f));
    Camera m = anim.at(10.5);
    CHECK(m.center.x == doctest::Approx(5000));
    CHECK(m.zoom < 0.5f);  // the fly bump
    Camera e = anim.at(11.5);
    CHECK(e.center.x == doctest::Approx(10000));
    CHECK(anim.finished(11.5));
    CHECK_FALSE(anim.finished(10.2));

    // Progress is monotonic, and a short trip changes zoom geometrically (log space) without a bump.
    Camera c{{0, 0}, 0.5f}, d{{100, 0}, 2.0f};
    auto zoom_anim = ex::animate_camera(c, d, 0.0, 2.0);
    CHECK(zoom_anim.at(1.0).zoom == doctest::Approx(1.0f));
    float prev = -1;
    for (int i = 0; i <= 20; ++i) {
        float x = zoom_anim.at(i * 0.1).center.x;
        CHECK(x >= prev);
        prev = x;
    }
    // An inactive animation reports its destination.
    ex::CameraAnimation idle;
    idle.to = d;
    CHECK(idle.at(0).zoom == doctest::Approx(2.0f));
}
