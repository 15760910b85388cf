// fold.cpp — see fold.h.
#include "core/fold.h"

#include <map>

namespace ex {

bool FoldTree::any() const {
    for (int w : whole)
        if (w >= 0) return true;
    return false;
}

FoldTree build_fold_tree(const Content& c) {
    const int n = (int)c.nodes.size();
    FoldTree t;
    t.whole.assign(n, -1);
    t.parts.assign(n, {});
    t.nested.assign(n, 0);
    for (const Edge& e : c.edges) {
        const int a = e.from_index, b = e.to_index;
        if (a < 0 || b < 0 || a >= n || b >= n || a == b || e.kind_index < 0) continue;
        if (!c.edge_kinds[e.kind_index].folds || c.nodes[a].category != c.nodes[b].category) continue;
        if (t.whole[a] >= 0) continue;  // a part of two wholes: the first wins
        bool cycle = false;
        for (int x = b; x >= 0 && !cycle; x = t.whole[x]) cycle = x == a;
        if (cycle) continue;
        t.whole[a] = b;
        t.parts[b].push_back(a);
    }
    for (int i = 0; i < n; ++i)
        for (int x = t.whole[i]; x >= 0; x = t.whole[x]) ++t.nested[x];
    return t;
}

std::vector<char> shown_cards(const FoldTree& t, const std::vector<char>& unfolded) {
    const int n = (int)t.whole.size();
    std::vector<char> shown(n, 1);
    for (int i = 0; i < n; ++i)
        for (int x = t.whole[i]; x >= 0 && shown[i]; x = t.whole[x])
            if (x >= (int)unfolded.size() || !unfolded[x]) shown[i] = 0;
    return shown;
}

std::vector<int> representatives(const FoldTree& t, const std::vector<char>& shown) {
    const int n = (int)t.whole.size();
    std::vector<int> rep(n);
    for (int i = 0; i < n; ++i) {
        int x = i;
        while (!shown[x] && t.whole[x] >= 0) x = t.whole[x];
        rep[i] = x;
    }
    return rep;
}

bool unfold_to(const FoldTree& t, int node, std::vector<char>& unfolded) {
    if (node < 0 || node >= (int)t.whole.size()) return false;
    if (unfolded.size() < t.whole.size()) unfolded.resize(t.whole.size(), 0);
    bool changed = false;
    for (int x = t.whole[node]; x >= 0; x = t.whole[x])
        if (!unfolded[x]) unfolded[x] = changed = true;
    return changed;
}

Layout lay_out_folded(const Content& c, const FoldTree& t, const std::vector<char>& unfolded,
                      const LayoutOptions& options) {
    const int n = (int)c.nodes.size();
    const std::vector<char> shown = shown_cards(t, unfolded);
    const std::vector<int> rep = representatives(t, shown);
    bool all_shown = true;
    for (char s : shown) all_shown = all_shown && s;
    if (all_shown) {
        Layout l = compute_layout(c, options);
        l.shown_as.resize(n);
        for (int i = 0; i < n; ++i) l.shown_as[i] = i;
        return l;
    }

    // The shown cards as a content of their own: only what the layout reads (ids, categories, titles, hints).
    Content r;
    r.categories = c.categories;
    r.lanes = c.lanes;
    r.edge_kinds = c.edge_kinds;
    std::vector<int> to_reduced(n, -1), to_full;
    for (int i = 0; i < n; ++i) {
        if (!shown[i]) continue;
        const Node& src = c.nodes[i];
        Node x;
        x.id = src.id;
        x.category = src.category;
        x.title = src.title;
        x.has_position = src.has_position;
        x.x = src.x;
        x.y = src.y;
        to_reduced[i] = (int)r.nodes.size();
        to_full.push_back(i);
        r.nodes.push_back(std::move(x));
    }
    // Edges between the same two cards are drawn as one when either end of any of them is folded (a group's links
    // to a card become one line with a count); edges between two shown cards alone stay apart.
    auto pair_of = [&](int e) {
        const Edge& ed = c.edges[e];
        const int a = rep[ed.from_index], b = rep[ed.to_index];
        return std::make_pair(std::min(a, b), std::max(a, b));
    };
    auto usable = [&](int e) {
        const Edge& ed = c.edges[e];
        return ed.from_index >= 0 && ed.to_index >= 0 && ed.from_index < n && ed.to_index < n &&
               rep[ed.from_index] != rep[ed.to_index];  // not inside one folded group
    };
    std::map<std::pair<int, int>, int> merged_at;  // pair → content edge drawn for it (-1: none yet)
    for (int e = 0; e < (int)c.edges.size(); ++e) {
        const Edge& ed = c.edges[e];
        if (usable(e) && (rep[ed.from_index] != ed.from_index || rep[ed.to_index] != ed.to_index))
            merged_at.emplace(pair_of(e), -1);
    }
    std::vector<int> drawn_as(c.edges.size(), -1), reduced_edge(c.edges.size(), -1);
    for (int e = 0; e < (int)c.edges.size(); ++e) {
        if (!usable(e)) continue;
        const Edge& ed = c.edges[e];
        auto it = merged_at.find(pair_of(e));
        if (it != merged_at.end()) {
            if (it->second >= 0) {
                drawn_as[e] = it->second;
                continue;
            }
            it->second = e;
        }
        drawn_as[e] = e;
        Edge x;
        x.from = c.nodes[rep[ed.from_index]].id;
        x.to = c.nodes[rep[ed.to_index]].id;
        x.kind = ed.kind;
        reduced_edge[e] = (int)r.edges.size();
        r.edges.push_back(std::move(x));
    }
    r.rebuild_indices();

    LayoutOptions o = options;
    if (options.card_height_of)
        o.card_height_of = [&](int node, float width) { return options.card_height_of(to_full[node], width); };
    const Layout part = compute_layout(r, o);

    Layout out;
    out.left_to_right = part.left_to_right;
    out.crossings = part.crossings;
    out.lanes = part.lanes;
    out.cards.resize(n);
    out.layer.resize(n);
    out.order_in_layer.resize(n);
    out.component.resize(n);
    out.shown_as = rep;
    for (int i = 0; i < n; ++i) {
        const int k = to_reduced[rep[i]];
        out.cards[i] = part.cards[k];
        out.layer[i] = part.layer[k];
        out.order_in_layer[i] = part.order_in_layer[k];
        out.component[i] = part.component[k];
    }
    out.edge_paths.assign(c.edges.size(), {});
    out.merged.assign(c.edges.size(), 0);
    out.reversed.assign(c.edges.size(), 0);
    for (int e = 0; e < (int)c.edges.size(); ++e) {
        if (drawn_as[e] < 0) continue;
        ++out.merged[drawn_as[e]];
        if (drawn_as[e] != e) continue;
        const int k = reduced_edge[e];
        out.edge_paths[e] = part.edge_paths[k];
        out.reversed[e] = part.reversed[k];
    }
    out.bounds = part.bounds;
    return out;
}

}  // namespace ex
