// navigation.h — moving around the map: back/forward history with breadcrumbs, guided tours, keyboard order and
// arrow-key neighbours, and a node's connections grouped by how they read.
#pragma once
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "core/content.h"
#include "core/geometry.h"
#include "core/layout.h"

namespace ex {

// Browser-style history of visited node ids.
class History {
  public:
    static constexpr size_t kDefaultCapacity = 200;
    static constexpr size_t kTrailLength = 8;

    explicit History(size_t capacity = kDefaultCapacity) : capacity_(capacity < 1 ? 1 : capacity) {}

    // Records a visit: drops the forward entries; visiting the current id again does nothing; the oldest entry
    // goes when the capacity is reached.
    void visit(const std::string& id);
    bool can_back() const { return cur_ > 0; }
    bool can_forward() const { return cur_ + 1 < entries_.size(); }
    std::string back();  // the id now current, or "" when there is none
    std::string forward();
    const std::string& current() const;  // "" before the first visit
    // Breadcrumbs: the distinct ids on the way to the current one (the most recent visit of each), oldest first,
    // at most kTrailLength, ending with the current id.
    const std::vector<std::string>& trail() const { return trail_; }
    void clear();

  private:
    void rebuild_trail();

    std::vector<std::string> entries_;
    size_t cur_ = 0;  // index of the current entry (when non-empty)
    size_t capacity_;
    std::vector<std::string> trail_;
};

struct TourState {
    int tour = -1;  // index in Content::tours; -1 = no tour running
    int step = 0;
    bool active() const { return tour >= 0; }
};

// The tour helpers keep step within the tour; they return false (changing nothing) when they cannot act.
bool tour_start(TourState& s, const Content& c, int tour);  // false for an unknown or empty tour
bool tour_next(TourState& s, const Content& c);
bool tour_prev(TourState& s);
void tour_stop(TourState& s);
int tour_node(const TourState& s, const Content& c);  // node index of the current step, -1 if none

// Keyboard (Tab) order: component by component, layer by layer (columns left to right, or rows top to bottom
// for a top-to-bottom layout), and within a layer along it (top to bottom, or left to right).
std::vector<int> reading_order(const Content& c, const Layout& layout);

// Arrow keys: the card whose centre lies within about 45° of `dir` from `from_node`'s centre, preferring near and
// well-aligned ones; -1 when there is none. `visible` (by node; empty = all) excludes hidden cards.
int neighbour_in_direction(const Layout& layout, int from_node, Vec2 dir, const std::vector<bool>& visible = {});

struct Neighbour {
    int node;       // the node at the other end
    int edge;       // index in Content::edges
    bool outgoing;  // the edge leads from the asked node to `node`
};

// A node's connections grouped by how they read from its side: outgoing edges by their kind's forward reading
// ("drives"), incoming by the backward one ("is driven by"). Outgoing groups first, then incoming, each in edge
// kind order; within a group, edge order. Kinds with the same reading share a group.
std::vector<std::pair<std::string, std::vector<Neighbour>>> grouped_neighbours(const Content& c, int node,
                                                                               const std::string& lang);

}  // namespace ex
