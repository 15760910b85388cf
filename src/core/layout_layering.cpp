// layout_layering.cpp — the layering stage of the layered layout (layout_stages.h lists the stages): which way
// each edge runs, cycles broken, a layer per node, connected components.
//
// Index
//   (tuning constants)
//   [SECTION] Layering     layering edges, cycle breaking, longest-path layers, category bands, components
//
// Every step iterates in node/edge order and breaks ties by position, so equal input gives equal output.
#include <algorithm>
#include <climits>
#include <numeric>
#include <set>

#include "core/layout_stages.h"

namespace ex::layout_stages {

// Tuning.
constexpr int kBalancePasses = 8;                             // layering refinement sweeps
constexpr int kPromotionBudget = 40;                          // promotion work, in multiples of (nodes + edges)

// [SECTION] Layering --------------------------------------------------------------------------------------------

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

namespace {

// Compressed adjacency: the indices of `le` grouped by le[i].u (or .v), in edge order.
void build_csr(int n, const std::vector<LEdge>& le, bool by_source, std::vector<int>& off, std::vector<int>& adj) {
    off.assign(n + 2, 0);
    for (const auto& e : le) ++off[(by_source ? e.u : e.v) + 2];
    for (int i = 2; i < n + 2; ++i) off[i] += off[i - 1];
    adj.resize(le.size());
    for (int j = 0; j < (int)le.size(); ++j) adj[off[(by_source ? le[j].u : le[j].v) + 1]++] = j;
    off.pop_back();                                           // off[x]..off[x+1] now spans x's edges
}

}  // namespace

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

}  // namespace ex::layout_stages
