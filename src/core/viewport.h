// viewport.h — the camera: mapping between canvas space and screen space, zooming, fitting and animated flights.
//
// Coordinate spaces
//   canvas  layout units (Layout::cards live here); y grows downwards
//   screen  logical (CSS) pixels relative to the canvas widget's top-left corner; y grows downwards
// screen = (canvas - cam.center) * cam.zoom + size / 2
#pragma once
#include <vector>

#include "core/geometry.h"

namespace ex {

constexpr float kMinZoom = 0.01f;  // a 10,000-card map still fits a window
constexpr float kMaxZoom = 4.0f;

struct Camera {
    Vec2 center;        // canvas point shown at the middle of the view
    float zoom = 1.0f;  // screen pixels per canvas unit
};

struct Viewport {
    Camera cam;
    Vec2 size;  // widget size in screen pixels

    Vec2 screen_to_canvas(Vec2 s) const;
    Vec2 canvas_to_screen(Vec2 c) const;
    Rect canvas_to_screen(Rect r) const;
    Rect visible_canvas() const;  // the canvas area the widget shows

    // Multiplies the zoom by `factor` (clamped to [kMinZoom, kMaxZoom]) keeping the canvas point under the
    // screen pivot where it is, as a mouse wheel or a pinch expects.
    void zoom_at(Vec2 screen_pivot, float factor);
    // Moves the content by `delta` screen pixels (a drag moves the map with the pointer).
    void pan_screen(Vec2 delta);
    // The camera that shows all of `canvas_bounds` with at least `margin_px` screen pixels around it (unless the
    // zoom clamp forbids); the bounds are centred.
    Camera fit(Rect canvas_bounds, float margin_px) const;
    // Like fit, but no card ends up under a cover (a panel over the map; screen space). Each cover is either cut
    // off the view from one side (top, bottom, left or right) or left in place when no card falls under it; the
    // largest zoom wins. A view cut below 40 % of its width or height is not tried; when nothing works (a small
    // phone), the plain fit. Covers beyond the four largest are cut off whichever side costs least.
    Camera fit_clear_of(Rect canvas_bounds, float margin_px, const std::vector<Rect>& covers,
                        const std::vector<Rect>& canvas_cards) const;
};

float clamp_zoom(float zoom);

// A flight between two cameras: ease-in-out in time, zoom interpolated in log space (so every doubling takes the
// same time), and for long trips a zoom-out bump mid-way so the destination comes into view before we arrive.
struct CameraAnimation {
    Camera from, to;
    double start = 0, duration = 0;  // seconds, on the caller's clock
    bool active = false;

    Camera at(double now) const;  // `to` once finished or when inactive
    bool finished(double now) const { return !active || now >= start + duration; }
};

CameraAnimation animate_camera(const Camera& from, const Camera& to, double now, double duration);

}  // namespace ex
