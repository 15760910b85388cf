// layout_routing.cpp — edge anchors and paths for the layered layout (layout_stages.h lists the stages). Shared
// by compute_layout and move_card, which re-routes a dragged card's edges.
//
// Index
//   [SECTION] Routing      edge anchors and paths, bounds
//   [SECTION] Counting     crossings between two layers (count_crossings and the ordering stage)
#include <algorithm>
#include <climits>

#include "core/layout_stages.h"

namespace ex::layout_stages {

constexpr float kSelfLoopReach = 28;

// [SECTION] Routing ---------------------------------------------------------------------------------------------

// The middle of the card side that faces `target`: the flow-axis sides when the target lies beyond the card along
// the flow, otherwise the cross-axis side.
Vec2 anchor_towards(const Rect& r, Vec2 target, bool ltr) {
    Vec2 c = r.center();
    if (ltr) {
        if (target.x >= r.right()) return {r.right(), c.y};
        if (target.x <= r.left()) return {r.left(), c.y};
        return target.y >= c.y ? Vec2{c.x, r.bottom()} : Vec2{c.x, r.top()};
    }
    if (target.y >= r.bottom()) return {c.x, r.bottom()};
    if (target.y <= r.top()) return {c.x, r.top()};
    return target.x >= c.x ? Vec2{r.right(), c.y} : Vec2{r.left(), c.y};
}

namespace {

// Routing points only make sense while they lie between the two cards along the flow axis.
bool interior_fits(const Rect& a, const Rect& b, const std::vector<Vec2>& pts, bool ltr) {
    if (pts.empty()) return true;
    float a0 = ltr ? a.left() : a.top(), a1 = ltr ? a.right() : a.bottom();
    float b0 = ltr ? b.left() : b.top(), b1 = ltr ? b.right() : b.bottom();
    float lo, hi;
    if (a1 <= b0) { lo = a1; hi = b0; }
    else if (b1 <= a0) { lo = b1; hi = a0; }
    else return false;
    for (Vec2 p : pts) {
        float f = ltr ? p.x : p.y;
        if (f < lo || f > hi) return false;
    }
    return true;
}

std::vector<Vec2> self_loop(const Rect& r, bool ltr) {
    Vec2 c = r.center();
    const float k = kSelfLoopReach;
    if (ltr) return {{r.right(), c.y}, {r.right() + k, c.y}, {r.right() + k, r.top() - k}, {c.x, r.top() - k},
                     {c.x, r.top()}};
    return {{c.x, r.bottom()}, {c.x, r.bottom() + k}, {r.right() + k, r.bottom() + k}, {r.right() + k, c.y},
            {r.right(), c.y}};
}

}  // namespace

std::vector<Vec2> edge_path(const Content& c, const std::vector<Rect>& cards, int e, std::vector<Vec2> interior,
                            bool ltr) {
    const Edge& ed = c.edges[e];
    const int n = (int)cards.size();
    if (ed.from_index < 0 || ed.to_index < 0 || ed.from_index >= n || ed.to_index >= n) return {};
    const Rect& a = cards[ed.from_index];
    const Rect& b = cards[ed.to_index];
    if (ed.from_index == ed.to_index) return self_loop(a, ltr);
    if (!interior_fits(a, b, interior, ltr)) interior.clear();
    std::vector<Vec2> path;
    path.reserve(interior.size() + 2);
    path.push_back(anchor_towards(a, interior.empty() ? b.center() : interior.front(), ltr));
    path.insert(path.end(), interior.begin(), interior.end());
    path.push_back(anchor_towards(b, interior.empty() ? a.center() : interior.back(), ltr));
    return path;
}

Rect bounds_of(const Layout& l) {
    Bounds b;
    for (const Rect& r : l.cards) b.add(r);
    for (const auto& path : l.edge_paths)
        for (Vec2 p : path) b.add(p);
    return b.result();
}

// [SECTION] Counting --------------------------------------------------------------------------------------------

// Edges sorted by (first, second), seconds in [0, span): counts pairs with first_i < first_j and second_i >
// second_j using a Fenwick tree over the seconds.
long long crossings_sorted(const std::vector<std::pair<int, int>>& edges, int span, std::vector<int>& tree) {
    tree.assign(span + 1, 0);
    long long total = 0;
    int seen = 0;
    for (const auto& e : edges) {
        int not_above = 0;                                    // earlier edges with second <= e.second
        for (int i = e.second + 1; i > 0; i -= i & -i) not_above += tree[i];
        total += seen - not_above;
        for (int i = e.second + 1; i <= span; i += i & -i) ++tree[i];
        ++seen;
    }
    return total;
}

int clamp_to_int(long long v) { return (int)std::min<long long>(v, INT_MAX); }

}  // namespace ex::layout_stages
