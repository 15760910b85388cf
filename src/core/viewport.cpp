// viewport.cpp — camera maths; see viewport.h for the coordinate spaces.
#include "core/viewport.h"

#include <algorithm>
#include <cmath>

namespace ex {

namespace {
// A trip longer than this many screen pixels (at the smaller of the two zooms) zooms out mid-way so that it
// appears about this long; never more than kMaxFlyZoomOut times further out.
constexpr float kFlyReferencePx = 900.0f;
constexpr float kMaxFlyZoomOut  = 4.0f;

double ease_in_out(double t) {
    return t < 0.5 ? 4 * t * t * t : 1 - std::pow(-2 * t + 2, 3) / 2;
}
}  // namespace

float clamp_zoom(float zoom) {
    if (!(zoom > 0) || !std::isfinite(zoom)) return 1.0f;   // NaN, 0, negative or inf: fall back to 1:1
    return std::clamp(zoom, kMinZoom, kMaxZoom);
}

Vec2 Viewport::screen_to_canvas(Vec2 s) const { return (s - size * 0.5f) / cam.zoom + cam.center; }

Vec2 Viewport::canvas_to_screen(Vec2 c) const { return (c - cam.center) * cam.zoom + size * 0.5f; }

Rect Viewport::canvas_to_screen(Rect r) const {
    Vec2 p = canvas_to_screen(r.min());
    return {p.x, p.y, r.w * cam.zoom, r.h * cam.zoom};
}

Rect Viewport::visible_canvas() const {
    return Rect::from_min_max(screen_to_canvas({0, 0}), screen_to_canvas(size));
}

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
    if (avail_w <= 1 || avail_h <= 1) { avail_w = std::max(size.x, 1.0f); avail_h = std::max(size.y, 1.0f); }
    float zx = b.w > 0 ? avail_w / b.w : kMaxZoom;
    float zy = b.h > 0 ? avail_h / b.h : kMaxZoom;
    c.zoom = clamp_zoom(std::min(zx, zy));
    return c;
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
        lz -= bump * 4 * e * (1 - e);                         // 0 at both ends, full at the midpoint
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
