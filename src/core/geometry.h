// geometry.h — the two value types every core module speaks: a 2-D vector and an axis-aligned rectangle.
// Units depend on the caller (canvas units or screen pixels); see viewport.h for the named spaces.
#pragma once
#include <algorithm>
#include <cmath>

namespace ex {

struct Vec2 {
    float x = 0, y = 0;

    constexpr Vec2() = default;
    constexpr Vec2(float x_, float y_) : x(x_), y(y_) {}

    constexpr Vec2 operator+(Vec2 o) const { return {x + o.x, y + o.y}; }
    constexpr Vec2 operator-(Vec2 o) const { return {x - o.x, y - o.y}; }
    constexpr Vec2 operator-() const { return {-x, -y}; }
    constexpr Vec2 operator*(float s) const { return {x * s, y * s}; }
    constexpr Vec2 operator/(float s) const { return {x / s, y / s}; }
    Vec2& operator+=(Vec2 o) {
        x += o.x;
        y += o.y;
        return *this;
    }
    Vec2& operator-=(Vec2 o) {
        x -= o.x;
        y -= o.y;
        return *this;
    }
    Vec2& operator*=(float s) {
        x *= s;
        y *= s;
        return *this;
    }
    constexpr bool operator==(Vec2 o) const { return x == o.x && y == o.y; }
    constexpr bool operator!=(Vec2 o) const { return !(*this == o); }
};

constexpr Vec2 operator*(float s, Vec2 v) { return v * s; }
constexpr float dot(Vec2 a, Vec2 b) { return a.x * b.x + a.y * b.y; }
constexpr float cross(Vec2 a, Vec2 b) { return a.x * b.y - a.y * b.x; }
inline float length(Vec2 v) { return std::sqrt(dot(v, v)); }

// Top-left corner plus size; w and h are expected to be >= 0.
struct Rect {
    float x = 0, y = 0, w = 0, h = 0;

    constexpr float left() const { return x; }
    constexpr float top() const { return y; }
    constexpr float right() const { return x + w; }
    constexpr float bottom() const { return y + h; }
    constexpr Vec2 min() const { return {x, y}; }
    constexpr Vec2 max() const { return {x + w, y + h}; }
    constexpr Vec2 size() const { return {w, h}; }
    constexpr Vec2 center() const { return {x + w * 0.5f, y + h * 0.5f}; }

    // Edges are inclusive: a point on the border is inside (hit-testing a card by its outline should work).
    constexpr bool contains(Vec2 p) const { return p.x >= x && p.x <= x + w && p.y >= y && p.y <= y + h; }
    constexpr bool contains(const Rect& r) const {
        return r.x >= x && r.y >= y && r.x + r.w <= x + w && r.y + r.h <= y + h;
    }
    // Positive-area overlap only: cards that merely touch do not intersect.
    constexpr bool intersects(const Rect& r) const {
        return x < r.x + r.w && r.x < x + w && y < r.y + r.h && r.y < y + h;
    }
    constexpr Rect expanded(float m) const { return {x - m, y - m, w + 2 * m, h + 2 * m}; }
    constexpr Rect translated(Vec2 d) const { return {x + d.x, y + d.y, w, h}; }

    static constexpr Rect from_min_max(Vec2 a, Vec2 b) { return {a.x, a.y, b.x - a.x, b.y - a.y}; }
    static constexpr Rect from_center(Vec2 c, Vec2 size) {
        return {c.x - size.x * 0.5f, c.y - size.y * 0.5f, size.x, size.y};
    }
};

// Smallest rectangle holding both; an empty accumulator is signalled by the caller (see Bounds below).
inline Rect united(const Rect& a, const Rect& b) {
    float x0 = std::min(a.x, b.x), y0 = std::min(a.y, b.y);
    float x1 = std::max(a.right(), b.right()), y1 = std::max(a.bottom(), b.bottom());
    return {x0, y0, x1 - x0, y1 - y0};
}

// Accumulates points and rectangles into a bounding box; result() is {0,0,0,0} when nothing was added.
struct Bounds {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool any = false;

    void add(Vec2 p) {
        if (!any) {
            x0 = x1 = p.x;
            y0 = y1 = p.y;
            any = true;
            return;
        }
        x0 = std::min(x0, p.x);
        y0 = std::min(y0, p.y);
        x1 = std::max(x1, p.x);
        y1 = std::max(y1, p.y);
    }
    void add(const Rect& r) {
        add(r.min());
        add(r.max());
    }
    Rect result() const { return any ? Rect{x0, y0, x1 - x0, y1 - y0} : Rect{}; }
};

}  // namespace ex
