// navigation.cpp — history, tours, keyboard order and neighbours; see navigation.h.
#include "core/navigation.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <tuple>

namespace ex {

// [SECTION] History ---------------------------------------------------------------------------------------------

void History::visit(const std::string& id) {
    if (!entries_.empty() && entries_[cur_] == id) return;
    if (!entries_.empty()) entries_.resize(cur_ + 1);  // a new visit forgets the forward entries
    entries_.push_back(id);
    if (entries_.size() > capacity_) entries_.erase(entries_.begin(), entries_.end() - capacity_);
    cur_ = entries_.size() - 1;
    rebuild_trail();
}

std::string History::back() {
    if (!can_back()) return "";
    --cur_;
    rebuild_trail();
    return entries_[cur_];
}

std::string History::forward() {
    if (!can_forward()) return "";
    ++cur_;
    rebuild_trail();
    return entries_[cur_];
}

const std::string& History::current() const {
    static const std::string kNone;
    return entries_.empty() ? kNone : entries_[cur_];
}

void History::clear() {
    entries_.clear();
    trail_.clear();
    cur_ = 0;
}

void History::rebuild_trail() {
    trail_.clear();
    if (entries_.empty()) return;
    for (size_t i = cur_ + 1; i-- > 0 && trail_.size() < kTrailLength;)
        if (std::find(trail_.begin(), trail_.end(), entries_[i]) == trail_.end()) trail_.push_back(entries_[i]);
    std::reverse(trail_.begin(), trail_.end());
}

// [SECTION] Tours -----------------------------------------------------------------------------------------------

static int step_count(const TourState& s, const Content& c) {
    return s.tour >= 0 && s.tour < (int)c.tours.size() ? (int)c.tours[s.tour].steps.size() : 0;
}

bool tour_start(TourState& s, const Content& c, int tour) {
    if (tour < 0 || tour >= (int)c.tours.size() || c.tours[tour].steps.empty()) return false;
    s.tour = tour;
    s.step = 0;
    return true;
}

bool tour_next(TourState& s, const Content& c) {
    if (s.step + 1 >= step_count(s, c)) return false;
    ++s.step;
    return true;
}

bool tour_prev(TourState& s) {
    if (s.tour < 0 || s.step <= 0) return false;
    --s.step;
    return true;
}

void tour_stop(TourState& s) { s = TourState{}; }

int tour_node(const TourState& s, const Content& c) {
    if (s.step < 0 || s.step >= step_count(s, c)) return -1;
    return c.tours[s.tour].steps[s.step].node_index;
}

// [SECTION] Keyboard order --------------------------------------------------------------------------------------

std::vector<int> reading_order(const Content& c, const Layout& layout) {
    const int n = (int)std::min(c.nodes.size(), layout.cards.size());
    std::vector<int> order(n);
    for (int i = 0; i < n; ++i) order[i] = i;
    if (n == 0) return order;
    // Columns are recognised geometrically (cards whose flow coordinate falls in the same card-sized band), so
    // hinted or dragged cards are read where they are drawn; wrapped sub-columns read one after the other.
    // Folded cards are read as their whole (they are not on the map as cards of their own).
    const auto folded = [&](int i) { return i < (int)layout.shown_as.size() && layout.shown_as[i] != i; };
    order.erase(std::remove_if(order.begin(), order.end(), folded), order.end());
    if (!layout.lanes.empty()) {  // lanes: lane by lane, each top to bottom
        std::sort(order.begin(), order.end(), [&](int a, int b) {
            return std::make_tuple(layout.layer[a], layout.order_in_layer[a], a) <
                   std::make_tuple(layout.layer[b], layout.order_in_layer[b], b);
        });
        return order;
    }
    const bool ltr = layout.left_to_right;
    const float band = std::max(1.0f, ltr ? layout.cards[0].w : layout.cards[0].h);
    auto key = [&](int i) {
        const Rect& r = layout.cards[i];
        int comp = i < (int)layout.component.size() ? layout.component[i] : 0;
        float flow = ltr ? r.x : r.y, cross = ltr ? r.y : r.x;
        return std::make_tuple(comp, (long long)std::floor(flow / band), cross, flow, i);
    };
    std::sort(order.begin(), order.end(), [&](int a, int b) { return key(a) < key(b); });
    return order;
}

int neighbour_in_direction(const Layout& layout, int from, Vec2 dir, const std::vector<bool>& visible) {
    const int n = (int)layout.cards.size();
    const float len = length(dir);
    if (from < 0 || from >= n || !(len > 0)) return -1;
    const Vec2 u = dir / len;
    const Vec2 origin = layout.cards[from].center();
    int best = -1;
    float best_score = 0;
    for (int i = 0; i < n; ++i) {
        if (i == from || (!visible.empty() && (i >= (int)visible.size() || !visible[i]))) continue;
        if (i < (int)layout.shown_as.size() && layout.shown_as[i] != i) continue;  // folded into a whole
        Vec2 d = layout.cards[i].center() - origin;
        float along = dot(d, u), off = std::fabs(cross(u, d));
        if (along <= 0.5f || off > along * 1.05f) continue;  // outside the ~45° cone
        float score = length(d) + 2.0f * off;                // near first, then straight ahead
        if (best < 0 || score < best_score) {
            best = i;
            best_score = score;
        }
    }
    return best;
}

// [SECTION] Neighbours ------------------------------------------------------------------------------------------

std::vector<std::pair<std::string, std::vector<Neighbour>>> grouped_neighbours(const Content& c, int node,
                                                                               const std::string& lang) {
    std::vector<std::pair<std::string, std::vector<Neighbour>>> groups;
    if (node < 0 || node >= (int)c.nodes.size()) return groups;
    struct Item {
        int direction, kind_order, edge;
        Neighbour nb;
    };
    std::vector<Item> items;
    for (int e : c.edges_at(node)) {
        const Edge& ed = c.edges[e];
        int kind = ed.kind_index >= 0 && ed.kind_index < (int)c.edge_kinds.size() ? ed.kind_index : INT_MAX;
        if (ed.from_index == node) items.push_back({0, kind, e, {ed.to_index, e, true}});
        else if (ed.to_index == node) items.push_back({1, kind, e, {ed.from_index, e, false}});
    }
    std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
        return std::tie(a.direction, a.kind_order, a.edge) < std::tie(b.direction, b.kind_order, b.edge);
    });
    for (const Item& it : items) {
        const std::string reading = edge_reading(c, c.edges[it.edge], lang, it.direction == 1);
        auto g = std::find_if(groups.begin(), groups.end(), [&](const auto& p) { return p.first == reading; });
        if (g == groups.end()) {
            groups.push_back({reading, {}});
            g = groups.end() - 1;
        }
        g->second.push_back(it.nb);
    }
    return groups;
}

}  // namespace ex
