// layout.cpp — layered layout; layout.h describes the pipeline. This file runs the stages (layout_stages.h: one
// file per stage) and assembles their results; it holds the public API.
//
// Index
//   [SECTION] Assembly     packing components, position hints
//   [SECTION] Public API   count_crossings, count_overlaps, blank_layout, compute_layout, move_card
//
// Every step iterates in node/edge order and breaks ties by position, so equal input gives equal output.
#include "core/layout.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <functional>
#include <numeric>
#include <queue>
#include <set>
#include <tuple>
#include <unordered_map>

#include "core/layout_stages.h"

namespace ex {

using namespace layout_stages;

namespace {

// [SECTION] Assembly --------------------------------------------------------------------------------------------

// Shelf packing, largest component first, rows about 1.6 times wider than the total area's square root.
void pack_components(std::vector<Component>& comps, const LayoutOptions& o, Layout& out,
                     std::vector<std::vector<Vec2>>& interior, const std::vector<LEdge>& le) {
    std::vector<int> order(comps.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return comps[a].nodes.size() > comps[b].nodes.size(); });
    double area = 0, widest = 0;
    for (const auto& c : comps) {
        area += (c.bounds.w + o.component_gap) * (c.bounds.h + o.component_gap);
        widest = std::max(widest, (double)c.bounds.w);
    }
    const double row_width = std::max(widest, std::sqrt(area) * 1.6);
    double x = 0, y = 0, shelf = 0;
    for (int id = 0; id < (int)order.size(); ++id) {
        Component& c = comps[order[id]];
        if (x > 0 && x + c.bounds.w > row_width) { y += shelf + o.component_gap; x = 0; shelf = 0; }
        Vec2 d{(float)(x - c.bounds.x), (float)(y - c.bounds.y)};
        for (int node : c.nodes) {
            out.cards[node] = out.cards[node].translated(d);
            out.component[node] = id;
        }
        for (int j : c.ledges)
            for (Vec2& q : interior[le[j].edge]) q += d;
        x += c.bounds.w + o.component_gap;
        shelf = std::max(shelf, (double)c.bounds.h);
    }
}

// Hinted cards take their authored top-left exactly; every other card, in flow then cross order, moves along the
// cross axis until it keeps node_gap from all cards placed before it. A uniform grid keeps each test local.
void apply_hints(const Content& c, const LayoutOptions& o, Layout& out) {
    const int n = (int)c.nodes.size();
    std::vector<char> fixed(n, 0);
    bool any = false;
    for (int i = 0; i < n; ++i) {
        const Node& node = c.nodes[i];
        if (!node.has_position || !std::isfinite(node.x) || !std::isfinite(node.y)) continue;
        out.cards[i].x = (float)node.x;
        out.cards[i].y = (float)node.y;
        fixed[i] = any = 1;
    }
    if (!any) return;

    const bool ltr = o.left_to_right;
    const float half_gap = o.node_gap / 2;
    const double cell_w = std::max(1.0f, o.card_width + o.node_gap);
    const double cell_h = std::max(1.0f, o.card_height + o.node_gap);
    std::unordered_map<int64_t, std::vector<int>> grid;
    std::vector<Rect> placed;
    auto cells = [&](const Rect& r, const std::function<void(int64_t)>& f) {
        auto cell = [](double v, double size) {               // clamped: absurd coordinates stay defined
            return (int64_t)std::clamp(std::floor(v / size), -1e9, 1e9);
        };
        int64_t x0 = cell(r.x, cell_w), x1 = cell(r.right(), cell_w);
        int64_t y0 = cell(r.y, cell_h), y1 = cell(r.bottom(), cell_h);
        for (int64_t gx = x0; gx <= x1; ++gx)
            for (int64_t gy = y0; gy <= y1; ++gy) f((int64_t)(((uint64_t)gx << 32) ^ ((uint64_t)gy & 0xffffffffu)));
    };
    auto insert = [&](const Rect& r) {
        placed.push_back(r.expanded(half_gap));
        int id = (int)placed.size() - 1;
        cells(placed.back(), [&](int64_t key) { grid[key].push_back(id); });
    };
    for (int i = 0; i < n; ++i)
        if (fixed[i]) insert(out.cards[i]);

    std::vector<int> movers;
    for (int i = 0; i < n; ++i)
        if (!fixed[i]) movers.push_back(i);
    auto key = [&](int i) {
        const Rect& r = out.cards[i];
        return std::make_tuple(out.component[i], ltr ? r.x : r.y, ltr ? r.y : r.x, i);
    };
    std::sort(movers.begin(), movers.end(), [&](int a, int b) { return key(a) < key(b); });
    for (int i : movers) {
        Rect r = out.cards[i];
        for (int guard = 0; guard < 100000; ++guard) {
            Rect q = r.expanded(half_gap);
            float far = -INFINITY;
            cells(q, [&](int64_t k) {
                auto it = grid.find(k);
                if (it == grid.end()) return;
                for (int id : it->second)
                    if (placed[id].intersects(q)) far = std::max(far, ltr ? placed[id].bottom() : placed[id].right());
            });
            if (far == -INFINITY) break;
            // Half a unit of slack so float rounding can never report the same collision again.
            if (ltr) r.y = far + half_gap + 0.5f;
            else r.x = far + half_gap + 0.5f;
        }
        out.cards[i] = r;
        insert(r);
    }
}

}  // namespace

// [SECTION] Public API ------------------------------------------------------------------------------------------

int count_crossings(std::vector<std::pair<int, int>> edges) {
    // Compress the second coordinates to ranks so the Fenwick tree stays small whatever the values.
    std::vector<int> seconds;
    seconds.reserve(edges.size());
    for (const auto& e : edges) seconds.push_back(e.second);
    std::sort(seconds.begin(), seconds.end());
    seconds.erase(std::unique(seconds.begin(), seconds.end()), seconds.end());
    for (auto& e : edges)
        e.second = (int)(std::lower_bound(seconds.begin(), seconds.end(), e.second) - seconds.begin());
    std::sort(edges.begin(), edges.end());
    std::vector<int> tree;
    return clamp_to_int(crossings_sorted(edges, (int)seconds.size(), tree));
}

int count_overlaps(const std::vector<Rect>& rects) {
    std::vector<int> idx;                                     // non-finite rectangles cannot overlap anything
    for (int i = 0; i < (int)rects.size(); ++i) {
        const Rect& r = rects[i];
        if (std::isfinite(r.x) && std::isfinite(r.y) && std::isfinite(r.w) && std::isfinite(r.h)) idx.push_back(i);
    }
    std::sort(idx.begin(), idx.end(), [&](int a, int b) {
        return rects[a].x < rects[b].x || (rects[a].x == rects[b].x && a < b);
    });
    float tallest = 0;
    for (int i : idx) tallest = std::max(tallest, rects[i].h);
    std::set<std::pair<float, int>> active;                   // (top, index) of rects the sweep line crosses
    using Expiry = std::pair<float, int>;
    std::priority_queue<Expiry, std::vector<Expiry>, std::greater<Expiry>> expiry;  // (right, index)
    long long count = 0;
    for (int i : idx) {
        const Rect& r = rects[i];
        while (!expiry.empty() && expiry.top().first <= r.x) {
            active.erase({rects[expiry.top().second].y, expiry.top().second});
            expiry.pop();
        }
        // Only rects whose top lies within `tallest` above r's top can reach into it.
        for (auto it = active.lower_bound({r.y - tallest, INT_MIN}); it != active.end() && it->first < r.bottom(); ++it)
            if (rects[it->second].intersects(r)) ++count;
        active.insert({r.y, i});
        expiry.push({r.right(), i});
    }
    return clamp_to_int(count);
}

Layout blank_layout(const Content& c, const LayoutOptions& o) {
    const size_t n = c.nodes.size();
    Layout out;
    out.left_to_right = o.left_to_right;
    out.cards.assign(n, Rect{});
    out.layer.assign(n, 0);
    out.order_in_layer.assign(n, 0);
    out.component.assign(n, 0);
    out.edge_paths.assign(c.edges.size(), {});
    return out;
}

// What every layout reports about its edges: each drawn once, its path in reading order (from the card on the left
// or above, or from `to` for a kind that reads backwards within one layer).
static void finish_edges(const Content& c, Layout& out) {
    const int n = (int)c.nodes.size();
    out.shown_as.resize(n);
    std::iota(out.shown_as.begin(), out.shown_as.end(), 0);
    out.merged.assign(c.edges.size(), 0);
    out.reversed.assign(c.edges.size(), 0);
    for (int e = 0; e < (int)c.edges.size(); ++e) {
        const Edge& ed = c.edges[e];
        if (out.edge_paths[e].empty()) continue;
        out.merged[e] = 1;
        if (ed.from_index == ed.to_index) continue;
        const int lf = out.layer[ed.from_index], lt = out.layer[ed.to_index];
        const bool rev = lt < lf || (lt == lf && reads_backwards(c, ed));
        if (rev) {
            out.reversed[e] = 1;
            std::reverse(out.edge_paths[e].begin(), out.edge_paths[e].end());
        }
    }
}

Layout compute_layout(const Content& c, const LayoutOptions& o) {
    if (c.lanes.on) {
        Layout out = compute_lanes_layout(c, o);
        finish_edges(c, out);
        return out;
    }
    const int n = (int)c.nodes.size();
    Layout out = blank_layout(c, o);
    if (n == 0) return out;

    std::vector<LEdge> le = layering_edges(c);
    break_cycles(n, le);
    std::vector<int> layer = o.category_bands ? band_layers(c, le) : assign_layers(n, le);
    std::vector<Component> comps = find_components(n, le);

    std::vector<std::vector<Vec2>> interior(c.edges.size());
    std::vector<int> local(n, -1);
    Scratch scratch;
    for (auto& comp : comps) {
        lay_out_component(comp, le, layer, o, local, out, interior, scratch);
        out.crossings = clamp_to_int((long long)out.crossings + comp.crossings);
    }
    pack_components(comps, o, out, interior, le);
    apply_hints(c, o, out);
    for (int e = 0; e < (int)c.edges.size(); ++e)
        out.edge_paths[e] = edge_path(c, out.cards, e, std::move(interior[e]), o.left_to_right);
    out.bounds = bounds_of(out);
    finish_edges(c, out);
    return out;
}

void move_card(Layout& layout, const Content& c, int node, Vec2 new_top_left) {
    if (node < 0 || node >= (int)layout.cards.size()) return;
    // A folded card is drawn as its representative (Layout::shown_as): they move together.
    const auto shown = [&](int x) { return x >= 0 && x < (int)layout.shown_as.size() ? layout.shown_as[x] : x; };
    for (int i = 0; i < (int)layout.cards.size(); ++i)
        if (i == node || shown(i) == node) {
            layout.cards[i].x = new_top_left.x;
            layout.cards[i].y = new_top_left.y;
        }
    const int edges = (int)std::min(c.edges.size(), layout.edge_paths.size());
    for (int e = 0; e < edges; ++e) {
        const Edge& ed = c.edges[e];
        if (shown(ed.from_index) != node && shown(ed.to_index) != node) continue;
        auto& path = layout.edge_paths[e];
        if (path.empty()) continue;                           // not drawn (inside a folded group, or merged)
        const bool rev = e < (int)layout.reversed.size() && layout.reversed[e];
        if (rev) std::reverse(path.begin(), path.end());
        std::vector<Vec2> interior;
        if (path.size() > 2 && ed.from_index != ed.to_index) interior.assign(path.begin() + 1, path.end() - 1);
        // Routed between the cards drawn for its ends.
        Edge drawn = ed;
        drawn.from_index = shown(ed.from_index);
        drawn.to_index = shown(ed.to_index);
        Content one;
        one.edges.push_back(drawn);
        path = edge_path(one, layout.cards, 0, std::move(interior), layout.left_to_right);
        if (rev) std::reverse(path.begin(), path.end());
    }
    layout.bounds = bounds_of(layout);
}

}  // namespace ex
