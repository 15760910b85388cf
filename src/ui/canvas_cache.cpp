// canvas_cache.cpp — see canvas_cache.h.
#include "ui/canvas_cache.h"

#include <cfloat>

#include "ui/app.h"

namespace ex {

// Douglas-Peucker once for every tolerance: a point's value is its distance from the chord of the range it splits,
// capped by the value of the split above it, so "value > tolerance" selects exactly what Douglas-Peucker keeps.
// Distances are to the chord as a segment (a route may double back past its ends), compared squared.
static void simplification_order(const Vec2* pts, int n, float* drop, std::vector<DropRange>& stack) {
    if (n == 0) return;
    drop[0] = drop[n - 1] = FLT_MAX;
    using Range = DropRange;
    stack.assign(1, Range{0, n - 1, FLT_MAX});
    while (!stack.empty()) {
        const Range g = stack.back();
        stack.pop_back();
        if (g.r - g.l < 2) continue;
        const Vec2 a = pts[g.l], d = pts[g.r] - a;
        const float len2 = dot(d, d), inv = len2 > 0 ? 1.0f / len2 : 0.0f;
        int m = g.l + 1;
        float best = -1;
        for (int i = g.l + 1; i < g.r; ++i) {
            const Vec2 ap = pts[i] - a;
            const float t = std::clamp(dot(ap, d) * inv, 0.0f, 1.0f);
            const Vec2 q = ap - d * t;
            const float d2 = dot(q, q);
            if (d2 > best) {
                best = d2;
                m = i;
            }
        }
        drop[m] = std::min(std::sqrt(best), g.cap);
        stack.push_back({g.l, m, drop[m]});
        stack.push_back({m, g.r, drop[m]});
    }
}

static void build_edge(CanvasCache& cache, const Layout& layout, int e) {
    const std::vector<Vec2>& path = layout.edge_paths[e];
    Bounds b;
    for (const Vec2& p : path) b.add(p);
    cache.box[e] = b.result();
    std::copy(path.begin(), path.end(), cache.pts.begin() + cache.first[e]);
    simplification_order(path.data(), (int)path.size(), cache.drop.data() + cache.first[e], cache.drop_stack);
}

// Some routes changed their point count (a drag dropped routing points): lay the flat arrays out again, copying the
// unchanged routes and building the changed ones.
static void reflow(CanvasCache& cache, const Layout& layout, const std::vector<int>& changed) {
    const int edges = (int)cache.from.size();
    std::vector<char> is_changed(edges, 0);
    for (int e : changed) is_changed[e] = 1;
    std::vector<int> first(edges + 1, 0);
    for (int e = 0; e < edges; ++e)
        first[e + 1] =
            first[e] + (is_changed[e] ? (int)layout.edge_paths[e].size() : cache.first[e + 1] - cache.first[e]);
    std::vector<Vec2> pts(first[edges]);
    std::vector<float> drop(first[edges]);
    for (int e = 0; e < edges; ++e)
        if (!is_changed[e]) {
            std::copy(cache.pts.begin() + cache.first[e], cache.pts.begin() + cache.first[e + 1],
                      pts.begin() + first[e]);
            std::copy(cache.drop.begin() + cache.first[e], cache.drop.begin() + cache.first[e + 1],
                      drop.begin() + first[e]);
        }
    cache.first.swap(first);
    cache.pts.swap(pts);
    cache.drop.swap(drop);
    for (int e : changed) build_edge(cache, layout, e);
}

static void rebuild(CanvasCache& cache, const AppContext& app) {
    const Content& c = *app.content;
    const Layout& layout = app.map.layout;
    const size_t nodes = c.nodes.size(), edges = std::min(c.edges.size(), layout.edge_paths.size());
    cache.content = app.content;
    cache.layout_version = app.map.layout_version;
    cache.cards = layout.cards;
    cache.category.resize(nodes);
    for (size_t i = 0; i < nodes; ++i) cache.category[i] = c.nodes[i].category_index;
    cache.from.assign(edges, -1);
    cache.to.assign(edges, -1);
    cache.style.assign(edges, EdgeStyle::Solid);
    cache.box.assign(edges, Rect{});
    cache.first.assign(edges + 1, 0);
    cache.node_edges.assign(nodes, {});
    for (size_t e = 0; e < edges; ++e) {
        const Edge& ed = c.edges[e];
        cache.first[e + 1] = cache.first[e] + (int)layout.edge_paths[e].size();
        if (ed.from_index < 0 || ed.to_index < 0 || ed.from_index >= (int)nodes || ed.to_index >= (int)nodes) continue;
        const auto shown = [&](int x) { return x < (int)layout.shown_as.size() ? layout.shown_as[x] : x; };
        cache.from[e] = shown(ed.from_index);
        cache.to[e] = shown(ed.to_index);
        const std::string& style = ed.kind_index >= 0 ? c.edge_kinds[ed.kind_index].style : "solid";
        cache.style[e] = style == "dashed"   ? EdgeStyle::Dashed
                         : style == "dotted" ? EdgeStyle::Dotted
                                             : EdgeStyle::Solid;
        if (layout.edge_paths[e].empty()) continue;  // not drawn
        cache.node_edges[cache.from[e]].push_back((int)e);
        if (cache.to[e] != cache.from[e]) cache.node_edges[cache.to[e]].push_back((int)e);
    }
    cache.far_tolerance = -1;
    cache.pts.assign(cache.first[edges], Vec2());
    cache.drop.assign(cache.first[edges], FLT_MAX);
    for (size_t e = 0; e < edges; ++e) build_edge(cache, layout, (int)e);
}

void update_canvas_cache(CanvasCache& cache, const AppContext& app) {
    const Layout& layout = app.map.layout;
    const bool same = cache.content == app.content && cache.layout_version == app.map.layout_version &&
                      cache.cards.size() == layout.cards.size() &&
                      cache.from.size() == std::min(app.content->edges.size(), layout.edge_paths.size());
    const bool fresh = !same;
    if (fresh) {
        rebuild(cache, app);
    } else {
        // A moved card (a drag) re-routed only its own edges; their point counts may have changed.
        std::vector<int>& changed = cache.changed;
        changed.clear();
        bool resized = false;
        for (size_t i = 0; i < layout.cards.size(); ++i) {
            const Rect& a = cache.cards[i];
            const Rect& b = layout.cards[i];
            if (a.x == b.x && a.y == b.y && a.w == b.w && a.h == b.h) continue;
            cache.cards[i] = b;
            for (int e : cache.node_edges[i]) {
                changed.push_back(e);
                resized |= cache.first[e + 1] - cache.first[e] != (int)layout.edge_paths[e].size();
            }
        }
        if (resized) reflow(cache, layout, changed);
        else
            for (int e : changed) build_edge(cache, layout, e);
        if (!changed.empty()) cache.far_tolerance = -1;
    }
    if (fresh || cache.hidden != app.reading.hidden_category) {
        cache.hidden = app.reading.hidden_category;
        cache.visible.resize(cache.category.size());
        for (size_t i = 0; i < cache.category.size(); ++i) {
            const int cat = cache.category[i];
            const bool folded = i < layout.shown_as.size() && layout.shown_as[i] != (int)i;
            cache.visible[i] = !folded && (cat < 0 || cat >= (int)cache.hidden.size() || !cache.hidden[cat]);
        }
    }
}

void simplify_routes(CanvasCache& cache, float tolerance) {
    if (cache.far_tolerance == tolerance) return;
    cache.far_tolerance = tolerance;
    const int edges = (int)cache.from.size();
    cache.far_pts.clear();
    cache.far_join.clear();
    cache.far_pts.reserve(cache.pts.size());
    cache.far_join.reserve(cache.pts.size());
    cache.far_first.assign(edges + 1, 0);
    for (int e = 0; e < edges; ++e) {
        const size_t start = cache.far_pts.size();
        for (int i = cache.first[e]; i < cache.first[e + 1]; ++i)
            if (cache.drop[i] > tolerance) cache.far_pts.push_back(cache.pts[i]);
        const size_t n = cache.far_pts.size() - start;
        const Vec2* p = cache.far_pts.data() + start;
        Vec2 prev = n >= 2 ? polyline_normal(p[0], p[1]) : Vec2();
        for (size_t i = 0; i < n; ++i) {
            if (i == 0 || i == n - 1) {
                cache.far_join.push_back(prev);
                continue;
            }  // the ends: their segment's
            const Vec2 next = polyline_normal(p[i], p[i + 1]);
            cache.far_join.push_back(polyline_join(prev, next));
            prev = next;
        }
        cache.far_first[e + 1] = (int)cache.far_pts.size();
    }
}

}  // namespace ex
