// layout_lanes.cpp — the lanes layout: one lane per category, in the order the file lists them (the argument's
// steps), for content that sets "lanes". layout.h describes the options; fold.h how parts fold.
//
// Stages: lanes (categories, notes joining the lane of what they qualify) → blocks (a card followed by its shown
// parts, so an unfolded group stays together) → ordering (block barycenters swept across lanes, fewest crossings
// kept) → placement (landscape: columns, long lanes wrapped to suit the view's shape; portrait: rows of a grid) →
// routing (side to side between lanes, a bracket beside the lane within one).
#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <numeric>

#include "core/fold.h"
#include "core/layout.h"

namespace ex {

namespace {

struct LaneSet {
    std::vector<std::vector<int>> cards;                      // by lane: cards in order
    std::vector<int>              category;                   // by lane
    std::vector<int>              lane_of;                    // by node
    std::vector<std::vector<int>> blocks;                     // by lane: block starts (indices into cards)
};

// Categories in file order, empty ones dropped; note cards join the lane of the first card they point at (or that
// points at them), at its end.
LaneSet make_lanes(const Content& c) {
    const int n = (int)c.nodes.size(), cats = (int)c.categories.size();
    std::vector<int> lane_of_cat(cats + 1, -1);
    std::vector<int> count(cats + 1, 0);
    std::vector<int> notes;
    for (int i = 0; i < n; ++i) {
        const int k = c.nodes[i].category_index;
        if (k >= 0 && k < cats && c.categories[k].notes) notes.push_back(i);
        else ++count[k >= 0 && k < cats ? k : cats];
    }
    LaneSet l;
    for (int k = 0; k <= cats; ++k) {
        if (!count[k]) continue;
        lane_of_cat[k] = (int)l.category.size();
        l.category.push_back(k < cats ? k : -1);
    }
    if (l.category.empty()) l.category.push_back(-1);         // only notes: they get one lane
    l.cards.assign(l.category.size(), {});
    l.lane_of.assign(n, -1);
    for (int i = 0; i < n; ++i) {
        const int k = c.nodes[i].category_index;
        if (k >= 0 && k < cats && c.categories[k].notes) continue;
        const int lane = lane_of_cat[k >= 0 && k < cats ? k : cats];
        l.lane_of[i] = lane;
        l.cards[lane].push_back(i);
    }
    for (int i : notes) {
        int lane = (int)l.cards.size() - 1;
        for (const Edge& e : c.edges) {
            const int other = e.from_index == i ? e.to_index : e.to_index == i ? e.from_index : -1;
            if (other >= 0 && other < n && l.lane_of[other] >= 0) { lane = l.lane_of[other]; break; }
        }
        l.lane_of[i] = lane;
        l.cards[lane].push_back(i);
    }
    return l;
}

// Within each lane: blocks of a card and its (shown) parts, depth first; notes stay at the lane's end, one block
// each. Blocks are then ordered by the barycenter of their cards' neighbours in the other lanes.
void order_lanes(const Content& c, LaneSet& l) {
    const int n = (int)c.nodes.size();
    const FoldTree t = build_fold_tree(c);
    std::vector<std::vector<std::vector<int>>> blocks(l.cards.size());
    std::vector<char> is_note(n, 0);
    for (int i = 0; i < n; ++i) {
        const int k = c.nodes[i].category_index;
        is_note[i] = k >= 0 && k < (int)c.categories.size() && c.categories[k].notes;
    }
    for (size_t lane = 0; lane < l.cards.size(); ++lane) {
        for (int top : l.cards[lane]) {
            if (t.whole[top] >= 0 && !is_note[top]) continue;  // placed with its whole
            std::vector<int> block, stack{top};
            while (!stack.empty()) {
                const int x = stack.back();
                stack.pop_back();
                block.push_back(x);
                for (auto it = t.parts[x].rbegin(); it != t.parts[x].rend(); ++it) stack.push_back(*it);
            }
            blocks[lane].push_back(std::move(block));
        }
    }
    // Within a lane, a card that another card of the lane leads to goes below it (the arrow points down the lane):
    // each block's rank is the longest chain of such edges above it, and ranks order before barycenters.
    std::vector<int> block_of(n, -1);
    for (size_t lane = 0; lane < blocks.size(); ++lane)
        for (int b = 0; b < (int)blocks[lane].size(); ++b)
            for (int x : blocks[lane][b]) block_of[x] = b;
    std::vector<int> rank(n, 0);
    for (size_t round = 0; round < 16; ++round) {             // longest path by relaxation; a cycle just stops
        bool moved = false;
        for (const Edge& e : c.edges) {
            int a = e.from_index, b = e.to_index;
            if (a < 0 || b < 0 || a >= n || b >= n || l.lane_of[a] != l.lane_of[b]) continue;
            if (reads_backwards(c, e)) std::swap(a, b);
            if (is_note[a] || is_note[b] || block_of[a] == block_of[b]) continue;
            if (rank[b] < rank[a] + 1 && rank[a] + 1 < 16) { rank[b] = rank[a] + 1; moved = true; }
        }
        if (!moved) break;
    }
    auto block_rank = [&](const std::vector<int>& block) {
        int r = 0;
        for (int x : block) r = std::max(r, rank[x]);
        return r;
    };
    std::vector<std::vector<int>> adj(n);
    for (const Edge& e : c.edges) {
        if (e.from_index < 0 || e.to_index < 0 || e.from_index >= n || e.to_index >= n) continue;
        if (l.lane_of[e.from_index] == l.lane_of[e.to_index]) continue;
        adj[e.from_index].push_back(e.to_index);
        adj[e.to_index].push_back(e.from_index);
    }
    std::vector<double> pos(n, 0);
    auto flatten = [&](size_t lane) {
        l.cards[lane].clear();
        for (const auto& b : blocks[lane]) l.cards[lane].insert(l.cards[lane].end(), b.begin(), b.end());
        const double m = std::max<size_t>(1, l.cards[lane].size());
        for (size_t k = 0; k < l.cards[lane].size(); ++k) pos[l.cards[lane][k]] = (k + 0.5) / m;
    };
    for (size_t lane = 0; lane < blocks.size(); ++lane) flatten(lane);
    auto crossings = [&]() {
        long long total = 0;
        for (size_t a = 0; a < l.cards.size(); ++a)
            for (size_t b = a + 1; b < l.cards.size(); ++b) {
                std::vector<std::pair<int, int>> ends;
                for (int x : l.cards[a])
                    for (int y : adj[x])
                        if (l.lane_of[y] == (int)b)
                            ends.push_back({(int)std::lround(pos[x] * 4096), (int)std::lround(pos[y] * 4096)});
                total += count_crossings(ends);
            }
        return total;
    };
    auto best_blocks = blocks;                                // only sorted orders count: they keep the ranks
    long long best = LLONG_MAX;
    for (int pass = 0; pass < 8 && best > 0; ++pass) {
        const bool forward = pass % 2 == 0;
        for (size_t s = 0; s < blocks.size(); ++s) {
            const size_t lane = forward ? s : blocks.size() - 1 - s;
            std::vector<std::pair<double, int>> keys;
            for (int b = 0; b < (int)blocks[lane].size(); ++b) {
                double sum = 0;
                int found = 0;
                bool note = false;
                for (int x : blocks[lane][b]) {
                    note = note || is_note[x];
                    for (int y : adj[x]) {
                        const bool before = l.lane_of[y] < (int)lane;
                        if (before == forward) { sum += pos[y]; ++found; }
                    }
                }
                const double own = pos[blocks[lane][b].front()];
                keys.push_back({(note ? 100.0 : block_rank(blocks[lane][b])) + (found ? sum / found : own), b});
            }
            std::stable_sort(keys.begin(), keys.end(),
                             [](const auto& a, const auto& b) { return a.first < b.first; });
            std::vector<std::vector<int>> next;
            for (const auto& k : keys) next.push_back(blocks[lane][k.second]);
            blocks[lane].swap(next);
            flatten(lane);
        }
        const long long now = crossings();
        if (now < best) { best = now; best_blocks = blocks; }
    }
    blocks = best_blocks;
    for (size_t lane = 0; lane < blocks.size(); ++lane) flatten(lane);
}

Vec2 side_towards(const Rect& r, const Rect& target, bool ltr) {
    const Vec2 c = r.center(), t = target.center();
    if (ltr) {
        if (target.left() >= r.right()) return {r.right(), c.y};
        if (target.right() <= r.left()) return {r.left(), c.y};
        return t.y >= c.y ? Vec2{c.x, r.bottom()} : Vec2{c.x, r.top()};
    }
    if (target.top() >= r.bottom()) return {c.x, r.bottom()};
    if (target.bottom() <= r.top()) return {c.x, r.top()};
    return t.x >= c.x ? Vec2{r.right(), c.y} : Vec2{r.left(), c.y};
}

}  // namespace

Layout compute_lanes_layout(const Content& c, const LayoutOptions& o) {
    const int n = (int)c.nodes.size();
    Layout out = blank_layout(c, o);
    if (n == 0) return out;

    LaneSet l = make_lanes(c);
    order_lanes(c, l);
    const float w = o.card_width, gap = o.node_gap;
    std::vector<float> h(n);
    for (int i = 0; i < n; ++i) h[i] = o.card_height_of ? std::max(1.0f, o.card_height_of(i, w)) : o.card_height;
    const int lanes = (int)l.cards.size();

    if (o.left_to_right) {
        // The largest number of cards per sub-column whose map shape gives the largest fitted zoom.
        int most = 1;
        for (const auto& lane : l.cards) most = std::max(most, (int)lane.size());
        int best_rows = most;
        double best_score = -1;
        for (int rows = most; rows >= 1; --rows) {
            double width = -o.lane_gap, height = 0;
            for (const auto& lane : l.cards) {
                const int cols = std::max(1, ((int)lane.size() + rows - 1) / rows);
                const int per = ((int)lane.size() + cols - 1) / std::max(1, cols);
                width += cols * w + (cols - 1) * gap + o.lane_gap;
                for (int k = 0; k < (int)lane.size(); k += std::max(1, per)) {
                    double col = 0;
                    for (int j = k; j < std::min((int)lane.size(), k + per); ++j) col += h[lane[j]] + gap;
                    height = std::max(height, col);
                }
            }
            height += o.lane_header;
            const double score = std::min(o.aspect / width, 1.0 / height);
            if (score > best_score * 1.0001) { best_score = score; best_rows = rows; }
        }
        float x = 0;
        for (int lane = 0; lane < lanes; ++lane) {
            const auto& cards = l.cards[lane];
            const int cols = std::max(1, ((int)cards.size() + best_rows - 1) / best_rows);
            const int per = std::max(1, ((int)cards.size() + cols - 1) / cols);
            float bottom = o.lane_header;
            for (int k = 0; k < (int)cards.size(); ++k) {
                const int col = k / per;
                float y = o.lane_header;
                if (k % per) y = out.cards[cards[k - 1]].bottom() + gap;
                out.cards[cards[k]] = {x + col * (w + gap), y, w, h[cards[k]]};
                bottom = std::max(bottom, out.cards[cards[k]].bottom());
            }
            const float lane_w = cols * w + (cols - 1) * gap;
            out.lanes.push_back(LaneBox{l.category[lane], Rect{x, 0, lane_w, bottom}});
            x += lane_w + o.lane_gap;
        }
    } else {
        const int cols = std::max(1, o.lane_columns);
        float y = 0;
        for (int lane = 0; lane < lanes; ++lane) {
            const auto& cards = l.cards[lane];
            float row_top = y + o.lane_header, row_h = 0;
            for (int k = 0; k < (int)cards.size(); ++k) {
                if (k && k % cols == 0) { row_top += row_h + gap; row_h = 0; }
                out.cards[cards[k]] = {(k % cols) * (w + gap), row_top, w, h[cards[k]]};
                row_h = std::max(row_h, h[cards[k]]);
            }
            const float bottom = row_top + row_h;
            out.lanes.push_back(LaneBox{l.category[lane], Rect{0, y, cols * w + (cols - 1) * gap, bottom - y}});
            y = bottom + o.lane_gap;
        }
    }
    for (int lane = 0; lane < lanes; ++lane)
        for (int k = 0; k < (int)l.cards[lane].size(); ++k) {
            out.layer[l.cards[lane][k]] = lane;
            out.order_in_layer[l.cards[lane][k]] = k;
        }

    // Routes: between lanes, from the side facing the other card. Within a lane (landscape): between two cards one
    // above the other, a short arrow straight down (or up) through the gap, which reads as "leads to the next";
    // farther apart, a bracket just right of the lane so the line never runs over the cards between (its arrow
    // enters the card from the right, which first-time readers took for a link running backwards).
    for (int e = 0; e < (int)c.edges.size(); ++e) {
        const Edge& ed = c.edges[e];
        if (ed.from_index < 0 || ed.to_index < 0 || ed.from_index >= n || ed.to_index >= n) continue;
        const Rect& a = out.cards[ed.from_index];
        const Rect& b = out.cards[ed.to_index];
        auto& path = out.edge_paths[e];
        if (ed.from_index == ed.to_index) continue;
        const int la = l.lane_of[ed.from_index], lz = l.lane_of[ed.to_index];
        if (o.left_to_right && la == lz && std::fabs(a.x - b.x) < 1 &&
            std::abs(out.order_in_layer[ed.from_index] - out.order_in_layer[ed.to_index]) == 1) {
            path = a.top() < b.top() ? std::vector<Vec2>{{a.center().x, a.bottom()}, {b.center().x, b.top()}}
                                     : std::vector<Vec2>{{a.center().x, a.top()}, {b.center().x, b.bottom()}};
            continue;
        }
        if (o.left_to_right && la == lz && std::fabs(a.x - b.x) < 1) {
            const float xr = std::max(a.right(), b.right()) + gap * 0.8f;
            path = {{a.right(), a.center().y}, {xr, a.center().y}, {xr, b.center().y}, {b.right(), b.center().y}};
            continue;
        }
        path = {side_towards(a, b, o.left_to_right), side_towards(b, a, o.left_to_right)};
    }
    Bounds bounds;
    for (const Rect& r : out.cards) bounds.add(r);
    for (const LaneBox& lane : out.lanes) bounds.add(lane.box);
    for (const auto& p : out.edge_paths)
        for (Vec2 q : p) bounds.add(q);
    out.bounds = bounds.result();
    return out;
}

}  // namespace ex
