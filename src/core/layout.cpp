// layout.cpp — layered layout; layout.h describes the pipeline.
//
// Index
//   (tuning constants)
//   [SECTION] Routing      edge anchors and paths (shared by compute_layout and move_card)
//   [SECTION] Counting     crossings between two layers, overlapping rectangles
//   [SECTION] Layering     layering edges, cycle breaking, longest-path layers, components
//   [SECTION] Ordering     per-component layered graph with dummy nodes, crossing reduction
//   [SECTION] Placement    coordinates within a component, wrapping of wide layers
//   [SECTION] Assembly     packing components, position hints, compute_layout, move_card
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

namespace ex {

namespace {

// Tuning. Ordering and placement sweeps are capped so that sweeps × (layered nodes + links) stays within a budget:
// small maps get every pass (and several ordering variants), 10,000-node maps a few.
constexpr int       kBalancePasses = 8;               // layering refinement sweeps
constexpr int       kPromotionBudget = 40;            // promotion work, in multiples of (nodes + edges)
constexpr long long kOrderingBudget = 1500000;
constexpr int       kMinOrderingPasses = 4;
constexpr long long kPlacementBudget = 700000;
constexpr int       kMinWrap = 12;                    // automatic wrapping never splits a layer this small
constexpr float     kSelfLoopReach = 28;

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

// [SECTION] Layering --------------------------------------------------------------------------------------------

struct LEdge {
    int  u, v;                                                // layering direction: layer(u) < layer(v)
    int  edge;                                                // index in Content::edges
    bool flipped;                                             // u is the edge's `to` (part-of or cycle breaking)
};

std::vector<LEdge> layering_edges(const Content& c) {
    const int n = (int)c.nodes.size();
    std::vector<LEdge> out;
    out.reserve(c.edges.size());
    for (int e = 0; e < (int)c.edges.size(); ++e) {
        const Edge& ed = c.edges[e];
        int f = ed.from_index, t = ed.to_index;
        if (f < 0 || t < 0 || f >= n || t >= n || f == t) continue;
        if (reads_backwards(c, ed)) out.push_back({t, f, e, true});
        else out.push_back({f, t, e, false});
    }
    return out;
}

// Compressed adjacency: the indices of `le` grouped by le[i].u (or .v), in edge order.
void build_csr(int n, const std::vector<LEdge>& le, bool by_source, std::vector<int>& off, std::vector<int>& adj) {
    off.assign(n + 2, 0);
    for (const auto& e : le) ++off[(by_source ? e.u : e.v) + 2];
    for (int i = 2; i < n + 2; ++i) off[i] += off[i - 1];
    adj.resize(le.size());
    for (int j = 0; j < (int)le.size(); ++j) adj[off[(by_source ? le[j].u : le[j].v) + 1]++] = j;
    off.pop_back();                                           // off[x]..off[x+1] now spans x's edges
}

// Greedy feedback arc set in the manner of Eades–Lin–Smyth: peel sinks (to the back of an order) and sources (to
// the front) while there are any; when only cycles remain, take the earliest remaining node in document order
// (authors list nodes roughly in reading order, so its incoming edges are the feedback). Edges pointing backwards
// in the final order are reversed. A DAG keeps all its edges. (ELS proper picks the largest out-minus-in degree
// instead; on mostly-forward maps that drags mid-argument nodes to the front and stretches the layering, as does a
// plain DFS.)
void break_cycles(int n, std::vector<LEdge>& le) {
    std::vector<int> out_off, out_adj, in_off, in_adj;
    build_csr(n, le, true, out_off, out_adj);
    build_csr(n, le, false, in_off, in_adj);
    std::vector<int> outdeg(n), indeg(n);
    std::set<int> sinks, sources;
    for (int x = 0; x < n; ++x) {
        outdeg[x] = out_off[x + 1] - out_off[x];
        indeg[x] = in_off[x + 1] - in_off[x];
        if (outdeg[x] == 0) sinks.insert(x);
        else if (indeg[x] == 0) sources.insert(x);
    }
    std::vector<char> removed(n, 0);
    std::vector<int> front, back;                             // back is filled in reverse
    auto remove = [&](int x) {
        removed[x] = 1;
        sinks.erase(x);
        sources.erase(x);
        auto touch = [&](int y, int& deg) {
            if (removed[y]) return;
            --deg;
            if (outdeg[y] == 0) { sinks.insert(y); sources.erase(y); }
            else if (indeg[y] == 0) sources.insert(y);
        };
        for (int k = out_off[x]; k < out_off[x + 1]; ++k) touch(le[out_adj[k]].v, indeg[le[out_adj[k]].v]);
        for (int k = in_off[x]; k < in_off[x + 1]; ++k) touch(le[in_adj[k]].u, outdeg[le[in_adj[k]].u]);
    };
    int earliest = 0;
    for (int done = 0; done < n; ++done) {
        if (!sinks.empty()) { int x = *sinks.begin(); back.push_back(x); remove(x); continue; }
        if (!sources.empty()) { int x = *sources.begin(); front.push_back(x); remove(x); continue; }
        while (removed[earliest]) ++earliest;
        front.push_back(earliest);
        remove(earliest);
    }
    std::vector<int> rank(n);
    int r = 0;
    for (int x : front) rank[x] = r++;
    for (auto it = back.rbegin(); it != back.rend(); ++it) rank[*it] = r++;
    for (auto& e : le)
        if (rank[e.u] > rank[e.v]) { std::swap(e.u, e.v); e.flipped = !e.flipped; }
}

// Longest path from the sources, then a few refinement sweeps that shorten edges (see below).
std::vector<int> assign_layers(int n, const std::vector<LEdge>& le) {
    std::vector<int> out_off, out_adj, in_off, in_adj;
    build_csr(n, le, true, out_off, out_adj);
    build_csr(n, le, false, in_off, in_adj);
    std::vector<int> indeg(n), layer(n, 0), topo;
    topo.reserve(n);
    for (int x = 0; x < n; ++x) {
        indeg[x] = in_off[x + 1] - in_off[x];
        if (indeg[x] == 0) topo.push_back(x);
    }
    for (size_t head = 0; head < topo.size(); ++head) {
        int x = topo[head];
        for (int k = out_off[x]; k < out_off[x + 1]; ++k) {
            int y = le[out_adj[k]].v;
            layer[y] = std::max(layer[y], layer[x] + 1);
            if (--indeg[y] == 0) topo.push_back(y);
        }
    }
    // Coordinate descent on the total edge span: a node's span cost changes by (ins - outs) per layer moved
    // right, so it goes as far as its neighbours allow towards the side with more edges. Alternate directions.
    std::vector<int> seen(n, 0), cone;
    int stamp = 0;
    long long budget = kPromotionBudget * ((long long)n + (long long)le.size());
    for (int pass = 0; pass < kBalancePasses; ++pass) {
        bool moved = false;
        for (int i = (int)topo.size() - 1; i >= 0; --i) {     // towards successors, sinks first
            int x = topo[i];
            int outs = out_off[x + 1] - out_off[x], ins = in_off[x + 1] - in_off[x];
            if (outs == 0 || outs < ins) continue;           // ties move too: free, and lets chains follow
            int hi = INT_MAX;
            for (int k = out_off[x]; k < out_off[x + 1]; ++k) hi = std::min(hi, layer[le[out_adj[k]].v] - 1);
            if (hi > layer[x]) { layer[x] = hi; moved = true; }
        }
        for (int x : topo) {                                  // towards predecessors, sources first
            int outs = out_off[x + 1] - out_off[x], ins = in_off[x + 1] - in_off[x];
            if (ins <= outs) continue;
            int lo = 0;
            for (int k = in_off[x]; k < in_off[x + 1]; ++k) lo = std::max(lo, layer[le[in_adj[k]].u] + 1);
            if (lo < layer[x]) { layer[x] = lo; moved = true; }
        }
        // Promotion (after Nikolov, Tarassov & Branke): move x one layer right together with the successors that
        // would otherwise collide, recursively; keep the move if it shortens the edges. This shifts whole hanging
        // chains that single-node moves cannot, each promotion visiting only the nodes it moves.
        for (int i = (int)topo.size() - 1; i >= 0 && budget > 0; --i) {
            int x = topo[i];
            if (out_off[x + 1] == out_off[x]) continue;
            ++stamp;
            cone.assign(1, x);
            seen[x] = stamp;
            long long delta = 0;
            for (size_t h = 0; h < cone.size(); ++h) {
                int y = cone[h];
                delta += (in_off[y + 1] - in_off[y]) - (out_off[y + 1] - out_off[y]);
                for (int k = out_off[y]; k < out_off[y + 1]; ++k) {
                    int z = le[out_adj[k]].v;
                    if (seen[z] != stamp && layer[z] == layer[y] + 1) { seen[z] = stamp; cone.push_back(z); }
                }
                budget -= 1 + (out_off[y + 1] - out_off[y]);
            }
            if (delta >= 0) continue;
            for (int y : cone) ++layer[y];
            moved = true;
        }
        if (!moved) break;
    }
    return layer;
}

// Category bands: authors list categories in the order the argument runs (drivers, then priorities, then what
// follows), so each category gets consecutive layers, laid out inside by its own edges; edges between categories
// then run from band to band. Edges that end up pointing back are flipped like cycle-breaking ones.
std::vector<int> band_layers(const Content& c, std::vector<LEdge>& le) {
    const int n = (int)c.nodes.size(), cats = (int)c.categories.size();
    auto band = [&](int x) {
        const int k = c.nodes[x].category_index;
        return k >= 0 && k < cats ? k : cats;  // uncategorised nodes last
    };
    std::vector<LEdge> inner;
    for (const auto& e : le)
        if (band(e.u) == band(e.v)) inner.push_back(e);
    std::vector<int> local = assign_layers(n, inner);
    std::vector<int> width(cats + 1, 0), offset(cats + 2, 0);
    for (int x = 0; x < n; ++x) width[band(x)] = std::max(width[band(x)], local[x] + 1);
    for (int k = 0; k <= cats; ++k) offset[k + 1] = offset[k] + width[k];
    std::vector<int> layer(n);
    for (int x = 0; x < n; ++x) layer[x] = offset[band(x)] + local[x];
    for (auto& e : le)
        if (layer[e.u] > layer[e.v]) { std::swap(e.u, e.v); e.flipped = !e.flipped; }
    // Same-layer edges cannot occur: bands are disjoint and inner edges span at least one local layer.
    return layer;
}

struct Component {
    std::vector<int> nodes;                                   // ascending node indices
    std::vector<int> ledges;                                  // indices into the layering edges
    Rect             bounds;                                  // after laying it out at the origin
    int              crossings = 0;
};

std::vector<Component> find_components(int n, const std::vector<LEdge>& le) {
    std::vector<int> parent(n);
    std::iota(parent.begin(), parent.end(), 0);
    auto find = [&](int x) {
        while (parent[x] != x) { parent[x] = parent[parent[x]]; x = parent[x]; }
        return x;
    };
    for (const auto& e : le) {
        int a = find(e.u), b = find(e.v);
        if (a != b) parent[std::max(a, b)] = std::min(a, b);  // the root is the smallest index
    }
    std::vector<int> id(n, -1);
    std::vector<Component> comps;
    for (int x = 0; x < n; ++x) {
        int r = find(x);
        if (id[r] < 0) { id[r] = (int)comps.size(); comps.emplace_back(); }
        comps[id[r]].nodes.push_back(x);
    }
    for (int j = 0; j < (int)le.size(); ++j) comps[id[find(le[j].u)]].ledges.push_back(j);
    return comps;
}

// [SECTION] Ordering --------------------------------------------------------------------------------------------

// One component with dummy nodes: ids [0, real) are its cards (in node order), the rest are dummies.
struct LayeredGraph {
    int                           real = 0;
    std::vector<int>              layer_of;                   // by id
    std::vector<std::vector<int>> order;                      // by layer: ids, first to last
    std::vector<int>              pos;                        // by id: index in order[layer_of[id]]
    std::vector<int>              up_off, up, down_off, down;  // neighbours in the previous / next layer
    std::vector<int>              chain_off, chain;           // by component layering edge: ids from u to v

    int  layers() const { return (int)order.size(); }
    bool is_real(int id) const { return id < real; }
    void sync_pos(int l) { for (int i = 0; i < (int)order[l].size(); ++i) pos[order[l][i]] = i; }
};

LayeredGraph build_layered(const Component& comp, const std::vector<LEdge>& le, const std::vector<int>& layer,
                           std::vector<int>& local) {
    LayeredGraph g;
    g.real = (int)comp.nodes.size();
    int min_layer = INT_MAX;
    for (int x : comp.nodes) min_layer = std::min(min_layer, layer[x]);
    for (int i = 0; i < g.real; ++i) {
        local[comp.nodes[i]] = i;
        g.layer_of.push_back(layer[comp.nodes[i]] - min_layer);
    }
    std::vector<std::pair<int, int>> links;                   // (id in layer l, id in layer l + 1)
    g.chain_off.push_back(0);
    for (int j : comp.ledges) {
        int a = local[le[j].u], b = local[le[j].v];
        int prev = a;
        g.chain.push_back(a);
        for (int l = g.layer_of[a] + 1; l < g.layer_of[b]; ++l) {
            int d = (int)g.layer_of.size();
            g.layer_of.push_back(l);
            links.push_back({prev, d});
            g.chain.push_back(d);
            prev = d;
        }
        links.push_back({prev, b});
        g.chain.push_back(b);
        g.chain_off.push_back((int)g.chain.size());
    }
    const int ids = (int)g.layer_of.size();
    auto csr = [&](bool downwards, std::vector<int>& off, std::vector<int>& adj) {
        off.assign(ids + 1, 0);
        for (auto& p : links) ++off[(downwards ? p.first : p.second) + 1];
        for (int i = 0; i < ids; ++i) off[i + 1] += off[i];
        adj.resize(links.size());
        std::vector<int> fill(off.begin(), off.end() - 1);
        for (auto& p : links) adj[fill[downwards ? p.first : p.second]++] = downwards ? p.second : p.first;
    };
    csr(true, g.down_off, g.down);
    csr(false, g.up_off, g.up);

    int layers = 0;
    for (int l : g.layer_of) layers = std::max(layers, l + 1);
    g.order.assign(layers, {});
    g.pos.assign(ids, 0);
    return g;
}

// Initial order: depth-first from the cards in node order, following links towards later layers (or earlier ones),
// appending each node to its layer when first reached, so that chains start out side by side.
void initial_order(LayeredGraph& g, bool downwards) {
    const auto& off = downwards ? g.down_off : g.up_off;
    const auto& adj = downwards ? g.down : g.up;
    for (auto& layer : g.order) layer.clear();
    std::vector<char> seen(g.layer_of.size(), 0);
    std::vector<std::pair<int, int>> stack;
    for (int s = 0; s < g.real; ++s) {
        if (seen[s]) continue;
        seen[s] = 1;
        g.order[g.layer_of[s]].push_back(s);
        stack.push_back({s, off[s]});
        while (!stack.empty()) {
            int x = stack.back().first, cur = stack.back().second;
            if (cur == off[x + 1]) { stack.pop_back(); continue; }
            stack.back().second = cur + 1;
            int y = adj[cur];
            if (seen[y]) continue;
            seen[y] = 1;
            g.order[g.layer_of[y]].push_back(y);
            stack.push_back({y, off[y]});
        }
    }
    for (int l = 0; l < g.layers(); ++l) g.sync_pos(l);
}

// Buffers reused across layers and sweeps so the hot loops do not allocate.
struct Scratch {
    std::vector<std::pair<int, int>>    pairs;                // edges between two layers, as positions
    std::vector<std::pair<double, int>> keyed;                // sort keys of a layer's slots
    std::vector<int>                    tree, ints, ints2, begin, end;
};

long long total_crossings(const LayeredGraph& g, Scratch& s) {
    long long total = 0;
    for (int l = 0; l + 1 < g.layers(); ++l) {
        s.pairs.clear();
        for (int x : g.order[l]) {
            s.ints.clear();
            for (int k = g.down_off[x]; k < g.down_off[x + 1]; ++k) s.ints.push_back(g.pos[g.down[k]]);
            std::sort(s.ints.begin(), s.ints.end());
            for (int p : s.ints) s.pairs.push_back({g.pos[x], p});
        }
        total += crossings_sorted(s.pairs, (int)g.order[l + 1].size(), s.tree);
    }
    return total;
}

// Sorts layer l by the barycenter (or median) of each node's neighbours in the layer above (use_up) or below;
// nodes without such neighbours keep their slots. Ties keep the current order.
void reorder_layer(LayeredGraph& g, int l, bool use_up, bool median, Scratch& s) {
    auto& ord = g.order[l];
    const auto& off = use_up ? g.up_off : g.down_off;
    const auto& adj = use_up ? g.up : g.down;
    s.keyed.clear();
    s.ints.assign(ord.size(), 0);                            // 1 = slot is fixed
    for (int i = 0; i < (int)ord.size(); ++i) {
        int x = ord[i];
        if (off[x] == off[x + 1]) { s.ints[i] = 1; continue; }
        double key = 0;
        if (median) {
            s.ints2.clear();
            for (int k = off[x]; k < off[x + 1]; ++k) s.ints2.push_back(g.pos[adj[k]]);
            size_t m = s.ints2.size() / 2;
            std::nth_element(s.ints2.begin(), s.ints2.begin() + m, s.ints2.end());
            key = s.ints2[m];
            if (s.ints2.size() % 2 == 0) key = (key + *std::max_element(s.ints2.begin(), s.ints2.begin() + m)) / 2;
        } else {
            for (int k = off[x]; k < off[x + 1]; ++k) key += g.pos[adj[k]];
            key /= off[x + 1] - off[x];
        }
        s.keyed.push_back({key, i});
    }
    std::sort(s.keyed.begin(), s.keyed.end());
    s.ints2.assign(ord.begin(), ord.end());
    size_t next = 0;
    for (int i = 0; i < (int)ord.size(); ++i)
        if (!s.ints[i]) ord[i] = s.ints2[s.keyed[next++].second];
    g.sync_pos(l);
}

// For sorted a and b: .first = pairs with p > q (the crossings when a's node is left of b's), .second = pairs
// with q > p (the crossings after swapping them). Equal positions share an end point and never cross.
std::pair<long long, long long> crossings_both_ways(const int* a, const int* a_end, const int* b, const int* b_end) {
    long long left = 0, right = 0;
    const long long nb = b_end - b;
    const int *lo = b, *hi = b;
    for (; a != a_end; ++a) {
        while (lo != b_end && *lo < *a) ++lo;
        if (hi < lo) hi = lo;
        while (hi != b_end && *hi <= *a) ++hi;
        left += lo - b;
        right += nb - (hi - b);
    }
    return {left, right};
}

// Swaps neighbouring nodes of layer l while that removes crossings with both adjacent layers (at most `passes`).
void transpose_layer(LayeredGraph& g, int l, int passes, Scratch& s) {
    auto& ord = g.order[l];
    const int m = (int)ord.size();
    if (m < 2) return;
    // Sorted neighbour positions per slot: [begin[2i], end[2i]) above, [begin[2i+1], end[2i+1]) below.
    s.ints.clear();
    s.begin.assign(2 * m, 0);
    s.end.assign(2 * m, 0);
    for (int i = 0; i < m; ++i) {
        int x = ord[i];
        for (int side = 0; side < 2; ++side) {
            const auto& off = side == 0 ? g.up_off : g.down_off;
            const auto& adj = side == 0 ? g.up : g.down;
            s.begin[2 * i + side] = (int)s.ints.size();
            for (int k = off[x]; k < off[x + 1]; ++k) s.ints.push_back(g.pos[adj[k]]);
            s.end[2 * i + side] = (int)s.ints.size();
            std::sort(s.ints.begin() + s.begin[2 * i + side], s.ints.end());
        }
    }
    const int* base = s.ints.data();
    bool improved = true;
    for (int pass = 0; pass < passes && improved; ++pass) {
        improved = false;
        for (int i = 0; i + 1 < m; ++i) {
            long long keep = 0, swap = 0;
            for (int side = 0; side < 2; ++side) {
                auto c = crossings_both_ways(base + s.begin[2 * i + side], base + s.end[2 * i + side],
                                             base + s.begin[2 * i + 2 + side], base + s.end[2 * i + 2 + side]);
                keep += c.first;
                swap += c.second;
            }
            if (swap < keep) {
                std::swap(ord[i], ord[i + 1]);
                for (int side = 0; side < 2; ++side) {
                    std::swap(s.begin[2 * i + side], s.begin[2 * i + 2 + side]);
                    std::swap(s.end[2 * i + side], s.end[2 * i + 2 + side]);
                }
                improved = true;
            }
        }
    }
    g.sync_pos(l);
}

// Alternating down/up sweeps with transpositions; keeps the best order seen and stops after four sweeps without
// improvement. Small graphs try up to four variants — depth-first start along or against the links, barycenter
// or median sorting (each wins on some graphs) — as the work budget (in units of the layered graph's size)
// allows. Returns the crossings of the kept order.
long long reduce_crossings(LayeredGraph& g, int passes, Scratch& s) {
    const long long size = (long long)g.layer_of.size() + (long long)g.up.size();
    const long long affordable = std::max<long long>(kMinOrderingPasses, kOrderingBudget / size);
    passes = (int)std::min<long long>(std::max(0, passes), affordable);
    const int transpose_passes = size * passes <= kOrderingBudget / 4 ? 4 : 1;
    const int variants = (int)std::clamp<long long>(kOrderingBudget / (size * std::max(1, passes)), 1, 4);
    long long best = LLONG_MAX;
    std::vector<std::vector<int>> best_order;
    for (int variant = 0; variant < variants && best > 0; ++variant) {
        const bool median = variant % 2 == 1;
        initial_order(g, variant < 2);
        long long c = total_crossings(g, s);
        if (c < best) { best = c; best_order = g.order; }
        int stale = 0;
        for (int it = 0; it < passes && best > 0; ++it) {
            if (it % 2 == 0) for (int l = 1; l < g.layers(); ++l) reorder_layer(g, l, true, median, s);
            else for (int l = g.layers() - 2; l >= 0; --l) reorder_layer(g, l, false, median, s);
            for (int l = 0; l < g.layers(); ++l) transpose_layer(g, l, transpose_passes, s);
            c = total_crossings(g, s);
            if (c < best) { best = c; best_order = g.order; stale = 0; }
            else if (++stale >= 4) break;
        }
    }
    g.order = std::move(best_order);
    for (int l = 0; l < g.layers(); ++l) g.sync_pos(l);
    return best;
}

// [SECTION] Placement -------------------------------------------------------------------------------------------

// Cross-axis centres of one chain (a layer, or one sub-column of a wrapped layer): the weighted least-squares
// positions closest to `want` that keep consecutive items at least sep[i] apart. Shifting item i by the summed
// separations before it turns this into isotonic regression, solved by pool-adjacent-violators in O(k).
void project_chain(const std::vector<double>& want, const std::vector<double>& weight, const std::vector<double>& sep,
                   std::vector<double>& out) {
    const size_t k = want.size();
    std::vector<double> offset(k, 0.0);
    for (size_t i = 1; i < k; ++i) offset[i] = offset[i - 1] + sep[i - 1];
    struct Block { double w, wt; size_t first; };
    std::vector<Block> blocks;
    for (size_t i = 0; i < k; ++i) {
        blocks.push_back({weight[i], weight[i] * (want[i] - offset[i]), i});
        while (blocks.size() > 1) {
            Block& b = blocks.back();
            Block& a = blocks[blocks.size() - 2];
            if (a.wt / a.w <= b.wt / b.w) break;
            a.w += b.w; a.wt += b.wt;
            blocks.pop_back();
        }
    }
    out.resize(k);
    for (size_t bi = 0; bi < blocks.size(); ++bi) {
        size_t last = bi + 1 < blocks.size() ? blocks[bi + 1].first : k;
        double q = blocks[bi].wt / blocks[bi].w;
        for (size_t i = blocks[bi].first; i < last; ++i) out[i] = q + offset[i];
    }
}

struct Placement {
    std::vector<double> cross;                                // by id: centre along the cross axis
    std::vector<int>    sub;                                  // by id: sub-column within a wrapped layer
    std::vector<int>    subs;                                 // by layer: number of sub-columns
};

double median_of(std::vector<double>& v) {
    size_t m = v.size() / 2;
    std::nth_element(v.begin(), v.begin() + m, v.end());
    double hi = v[m];
    if (v.size() % 2) return hi;
    return (hi + *std::max_element(v.begin(), v.begin() + m)) / 2;
}

Placement place(const LayeredGraph& g, const LayoutOptions& o) {
    const bool ltr = o.left_to_right;
    const double half_card = (ltr ? o.card_height : o.card_width) / 2.0;
    const double dummy_gap = o.node_gap / 2.0;
    int per_layer = o.max_cards_per_layer;
    if (per_layer == 0) per_layer = std::max(kMinWrap, (int)std::ceil(std::sqrt(2.0 * g.real)));
    if (per_layer < 0) per_layer = INT_MAX;

    Placement p;
    const int ids = (int)g.layer_of.size();
    p.cross.assign(ids, 0);
    p.sub.assign(ids, 0);
    p.subs.assign(g.layers(), 1);
    // Wrap: a layer with more than per_layer cards is cut into equal runs, one per sub-column; dummies go with the
    // run they sit in.
    for (int l = 0; l < g.layers(); ++l) {
        int reals = 0;
        for (int x : g.order[l]) reals += g.is_real(x);
        int s = reals > per_layer ? (reals + per_layer - 1) / per_layer : 1;
        int run = (reals + s - 1) / std::max(1, s);
        int seen = 0;
        for (int x : g.order[l]) {
            p.sub[x] = std::min(seen / std::max(1, run), s - 1);
            seen += g.is_real(x);
        }
        p.subs[l] = s;
    }
    auto half = [&](int x) { return g.is_real(x) ? half_card : 0.0; };
    auto separation = [&](int a, int b) {
        return half(a) + half(b) + (g.is_real(a) && g.is_real(b) ? o.node_gap : dummy_gap);
    };

    std::vector<double> want, weight, sep, out, nb;
    // Desired centre: the median of the neighbours above (mode 0), below (1), or the mean of both medians (2).
    auto desired = [&](int x, int mode) {
        double sum = 0;
        int found = 0;
        for (int side = 0; side < 2; ++side) {
            if (mode != 2 && mode != side) continue;
            const auto& off = side == 0 ? g.up_off : g.down_off;
            const auto& adj = side == 0 ? g.up : g.down;
            if (off[x] == off[x + 1]) continue;
            ++found;
            if (off[x + 1] - off[x] == 1) { sum += p.cross[adj[off[x]]]; continue; }
            nb.clear();
            for (int k = off[x]; k < off[x + 1]; ++k) nb.push_back(p.cross[adj[k]]);
            sum += median_of(nb);
        }
        return found ? sum / found : p.cross[x];
    };
    auto place_layer = [&](int l, int mode) {
        const auto& ord = g.order[l];
        for (size_t i = 0; i < ord.size();) {
            size_t j = i;
            while (j < ord.size() && p.sub[ord[j]] == p.sub[ord[i]]) ++j;
            want.clear(); weight.clear(); sep.clear();
            for (size_t k = i; k < j; ++k) {
                int x = ord[k];
                want.push_back(mode < 0 ? 0.0 : desired(x, mode));
                weight.push_back(g.is_real(x) ? 1.0 : 2.0);  // dummies pull harder: long edges stay straight
                if (k + 1 < j) sep.push_back(separation(x, ord[k + 1]));
            }
            project_chain(want, weight, sep, out);
            for (size_t k = i; k < j; ++k) p.cross[ord[k]] = out[k - i];
            i = j;
        }
    };
    for (int l = 0; l < g.layers(); ++l) place_layer(l, -1);   // packed and centred on 0
    const long long size = (long long)ids + (long long)g.up.size();
    const int passes = (int)std::min<long long>(o.placement_passes, std::max(1LL, kPlacementBudget / size));
    for (int it = 0; it < passes; ++it) {
        for (int l = 1; l < g.layers(); ++l) place_layer(l, 0);
        for (int l = g.layers() - 2; l >= 0; --l) place_layer(l, 1);
    }
    for (int l = 0; l < g.layers(); ++l) place_layer(l, 2);
    return p;
}

// Lays one component out with its top-left at the origin: cards (by node index) and routing points (by edge).
void lay_out_component(Component& comp, const std::vector<LEdge>& le, const std::vector<int>& layer,
                       const LayoutOptions& o, std::vector<int>& local, Layout& out,
                       std::vector<std::vector<Vec2>>& interior, Scratch& s) {
    LayeredGraph g = build_layered(comp, le, layer, local);
    comp.crossings = clamp_to_int(reduce_crossings(g, o.ordering_passes, s));
    Placement p = place(g, o);

    const bool ltr = o.left_to_right;
    const double card_flow = ltr ? o.card_width : o.card_height;
    const double half_cross = (ltr ? o.card_height : o.card_width) / 2.0;
    double min_cross = 0;
    bool any = false;
    for (int x = 0; x < (int)g.layer_of.size(); ++x) {
        double c = p.cross[x] - (g.is_real(x) ? half_cross : 0.0);
        if (!any || c < min_cross) { min_cross = c; any = true; }
    }
    std::vector<double> flow(g.layers() + 1, 0.0), width(g.layers(), 0.0);
    for (int l = 0; l < g.layers(); ++l) {
        width[l] = p.subs[l] * card_flow + (p.subs[l] - 1) * o.node_gap;
        flow[l + 1] = flow[l] + width[l] + o.layer_gap;
    }
    auto point = [&](double f, double c) {
        return ltr ? Vec2{(float)f, (float)(c - min_cross)} : Vec2{(float)(c - min_cross), (float)f};
    };

    Bounds b;
    for (int l = 0; l < g.layers(); ++l) {
        int rank = 0;
        for (int x : g.order[l]) {
            if (!g.is_real(x)) continue;
            int node = comp.nodes[x];
            double f = flow[l] + p.sub[x] * (card_flow + o.node_gap);
            Vec2 tl = point(f, p.cross[x] - half_cross);
            out.cards[node] = {tl.x, tl.y, o.card_width, o.card_height};
            out.layer[node] = l;
            out.order_in_layer[node] = rank++;
            b.add(out.cards[node]);
        }
    }
    for (size_t k = 0; k < comp.ledges.size(); ++k) {
        const LEdge& e = le[comp.ledges[k]];
        std::vector<Vec2>& pts = interior[e.edge];
        pts.clear();
        for (int c = g.chain_off[k] + 1; c + 1 < g.chain_off[k + 1]; ++c) {
            int d = g.chain[c], l = g.layer_of[d];
            pts.push_back(point(flow[l], p.cross[d]));       // enter and leave the layer level
            pts.push_back(point(flow[l] + width[l], p.cross[d]));
        }
        if (e.flipped) std::reverse(pts.begin(), pts.end());
        for (Vec2 q : pts) b.add(q);
    }
    comp.bounds = b.result();
}

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
