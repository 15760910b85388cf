// viewport.cpp — camera maths; see viewport.h for the coordinate spaces.
#include "core/viewport.h"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace ex {

namespace {
// A trip longer than this many screen pixels (at the smaller of the two zooms) zooms out mid-way so that it
// appears about this long; never more than kMaxFlyZoomOut times further out.
constexpr float kFlyReferencePx = 900.0f;
constexpr float kMaxFlyZoomOut = 4.0f;

double ease_in_out(double t) { return t < 0.5 ? 4 * t * t * t : 1 - std::pow(-2 * t + 2, 3) / 2; }
}  // namespace

float clamp_zoom(float zoom) {
    if (!(zoom > 0) || !std::isfinite(zoom)) return 1.0f;  // NaN, 0, negative or inf: fall back to 1:1
    return std::clamp(zoom, kMinZoom, kMaxZoom);
}

Vec2 Viewport::screen_to_canvas(Vec2 s) const { return (s - size * 0.5f) / cam.zoom + cam.center; }

Vec2 Viewport::canvas_to_screen(Vec2 c) const { return (c - cam.center) * cam.zoom + size * 0.5f; }

Rect Viewport::canvas_to_screen(Rect r) const {
    Vec2 p = canvas_to_screen(r.min());
    return {p.x, p.y, r.w * cam.zoom, r.h * cam.zoom};
}

Rect Viewport::visible_canvas() const { return Rect::from_min_max(screen_to_canvas({0, 0}), screen_to_canvas(size)); }

void Viewport::zoom_at(Vec2 screen_pivot, float factor) {
    Vec2 anchor = screen_to_canvas(screen_pivot);
    cam.zoom = clamp_zoom(cam.zoom * factor);
    // Solve screen_to_canvas(pivot) == anchor for the centre.
    cam.center = anchor - (screen_pivot - size * 0.5f) / cam.zoom;
}

void Viewport::pan_screen(Vec2 delta) { cam.center -= delta / cam.zoom; }

Camera Viewport::fit(Rect b, float margin_px) const {
    Camera c;
    c.center = b.center();
    float avail_w = size.x - 2 * margin_px, avail_h = size.y - 2 * margin_px;
    if (avail_w <= 1 || avail_h <= 1) {
        avail_w = std::max(size.x, 1.0f);
        avail_h = std::max(size.y, 1.0f);
    }
    float zx = b.w > 0 ? avail_w / b.w : kMaxZoom;
    float zy = b.h > 0 ? avail_h / b.h : kMaxZoom;
    c.zoom = clamp_zoom(std::min(zx, zy));
    return c;
}

namespace {
// What is left of a view of `size` once each cover is cut off from its side: 0 none, 1 top, 2 bottom, 3 left,
// 4 right.
Rect cut_view(Vec2 size, const std::vector<Rect>& covers, const std::vector<int>& side) {
    float top = 0, bottom = size.y, left = 0, right = size.x;
    for (size_t i = 0; i < covers.size(); ++i) {
        const Rect& r = covers[i];
        if (side[i] == 1) top = std::max(top, r.bottom());
        if (side[i] == 2) bottom = std::min(bottom, r.top());
        if (side[i] == 3) left = std::max(left, r.right());
        if (side[i] == 4) right = std::min(right, r.left());
    }
    return Rect::from_min_max({left, top}, {std::max(left, right), std::max(top, bottom)});
}

// The side whose cut keeps the most of the view.
int cheapest_side(Vec2 size, const Rect& r) {
    const float loss[4] = {r.bottom() * size.x, (size.y - r.top()) * size.x, r.right() * size.y,
                           (size.x - r.left()) * size.y};
    return 1 + (int)(std::min_element(loss, loss + 4) - loss);
}
}  // namespace

Camera Viewport::fit_clear_of(Rect b, float margin_px, const std::vector<Rect>& covers,
                              const std::vector<Rect>& canvas_cards) const {
    // No library sorts here: a handful of covers and candidates, and each std::sort or stable_sort instantiation
    // costs kilobytes of the browser download.
    const Rect whole{0, 0, size.x, size.y};
    std::vector<Rect> cs;  // largest first (insertion: a handful of panels)
    for (const Rect& r : covers) {
        if (!(r.w > 0 && r.h > 0 && r.intersects(whole))) continue;
        size_t at = cs.size();
        while (at > 0 && cs[at - 1].w * cs[at - 1].h < r.w * r.h) --at;
        cs.insert(cs.begin() + (std::ptrdiff_t)at, r);
    }
    if (cs.empty()) return fit(b, margin_px);
    const size_t free = std::min<size_t>(cs.size(), 4);  // covers whose every choice is tried: 5^4 at most

    struct Candidate {
        Camera cam;
        int code, cuts;
        bool tried = false;
    };
    std::vector<Candidate> candidates;
    std::vector<int> side(cs.size());
    for (size_t i = free; i < cs.size(); ++i) side[i] = cheapest_side(size, cs[i]);
    auto decode = [&](int code) {
        int cuts = 0;
        for (size_t i = 0; i < free; ++i, code /= 5) {
            side[i] = code % 5;
            cuts += side[i] != 0;
        }
        return cuts;
    };
    int combos = 1;
    for (size_t i = 0; i < free; ++i) combos *= 5;
    for (int code = 0; code < combos; ++code) {
        const int cuts = decode(code);
        const Rect area = cut_view(size, cs, side);
        if (area.w < 0.4f * size.x || area.h < 0.4f * size.y) continue;
        Viewport sub;
        sub.size = area.size();
        Camera cam = sub.fit(b, margin_px);
        cam.center -= (area.center() - size * 0.5f) / cam.zoom;  // the bounds centred in `area`, not the view
        candidates.push_back({cam, code, cuts});
    }
    // Best first (largest zoom, then fewest cuts): the first whose covers left in place have no card under them.
    for (size_t round = 0; round < candidates.size(); ++round) {
        Candidate* best = nullptr;
        for (Candidate& c : candidates)
            if (!c.tried &&
                (!best || c.cam.zoom > best->cam.zoom || (c.cam.zoom == best->cam.zoom && c.cuts < best->cuts)))
                best = &c;
        best->tried = true;
        decode(best->code);
        Viewport v = *this;
        v.cam = best->cam;
        bool clear = true;
        for (size_t i = 0; i < free && clear; ++i) {
            if (side[i] != 0) continue;
            const Rect cover = cs[i].expanded(margin_px * 0.5f);
            for (const Rect& card : canvas_cards)
                if (v.canvas_to_screen(card).intersects(cover)) {
                    clear = false;
                    break;
                }
        }
        if (clear) return best->cam;
    }
    return fit(b, margin_px);
}

Camera CameraAnimation::at(double now) const {
    if (!active || duration <= 0 || now >= start + duration) return to;
    double t = std::clamp((now - start) / duration, 0.0, 1.0);
    double e = ease_in_out(t);

    double lz0 = std::log((double)from.zoom), lz1 = std::log((double)to.zoom);
    double lz = lz0 + (lz1 - lz0) * e;
    double trip_px = length(to.center - from.center) * std::min(from.zoom, to.zoom);
    if (trip_px > kFlyReferencePx) {
        double bump = std::min(std::log(trip_px / kFlyReferencePx), std::log((double)kMaxFlyZoomOut));
        lz -= bump * 4 * e * (1 - e);  // 0 at both ends, full at the midpoint
    }

    Camera c;
    c.center = from.center + (to.center - from.center) * (float)e;
    c.zoom = clamp_zoom((float)std::exp(lz));
    return c;
}

CameraAnimation animate_camera(const Camera& from, const Camera& to, double now, double duration) {
    CameraAnimation a;
    a.from = from;
    a.to = to;
    a.from.zoom = clamp_zoom(from.zoom);
    a.to.zoom = clamp_zoom(to.zoom);
    a.start = now;
    a.duration = duration;
    a.active = duration > 0;
    return a;
}

}  // namespace ex
