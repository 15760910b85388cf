// layout_placement.cpp — the placement stage of the layered layout (layout_stages.h lists the stages): cross-axis
// coordinates of an ordered component, wide layers wrapped into sub-columns, the component's cards and routing
// points at the origin.
//
// Index
//   (tuning constants)
//   [SECTION] Placement    coordinates within a component, wrapping of wide layers, lay_out_component
//
// Every step iterates in node/edge order and breaks ties by position, so equal input gives equal output.
#include <algorithm>
#include <climits>
#include <cmath>

#include "core/layout_stages.h"

namespace ex::layout_stages {

// Tuning. Sweeps are capped so that sweeps × (layered nodes + links) stays within a budget: small maps get every
// pass, 10,000-node maps a few.
constexpr long long kPlacementBudget = 700000;
constexpr int       kMinWrap = 12;                            // automatic wrapping never splits a layer this small

// [SECTION] Placement -------------------------------------------------------------------------------------------

namespace {

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

double median_of(std::vector<double>& v) {
    size_t m = v.size() / 2;
    std::nth_element(v.begin(), v.begin() + m, v.end());
    double hi = v[m];
    if (v.size() % 2) return hi;
    return (hi + *std::max_element(v.begin(), v.begin() + m)) / 2;
}

}  // namespace

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

}  // namespace ex::layout_stages
