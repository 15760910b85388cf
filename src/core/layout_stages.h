// layout_stages.h — internal to the layered layout: the types and stage functions its files share. Only
// layout*.cpp and the per-stage tests include it; everything else uses layout.h.
//
// One file per stage, run in this order by compute_layout (layout.cpp):
//   layout_layering.cpp    layering edges, cycle breaking, layers (or category bands), connected components
//   layout_ordering.cpp    per-component layered graph with dummy nodes, crossing reduction
//   layout_placement.cpp   coordinates within a component, wrapping of wide layers, lay_out_component
//   layout_routing.cpp     edge anchors and paths, bounds, crossing counting (also used by move_card)
//   layout.cpp             packing components, position hints, the public API
#pragma once
#include <utility>
#include <vector>

#include "core/content.h"
#include "core/geometry.h"
#include "core/layout.h"

namespace ex::layout_stages {

// [SECTION] Layering (layout_layering.cpp) ----------------------------------------------------------------------

struct LEdge {
    int  u, v;                                                // layering direction: layer(u) < layer(v)
    int  edge;                                                // index in Content::edges
    bool flipped;                                             // u is the edge's `to` (part-of or cycle breaking)
};

// The content's edges as layering edges, in edge order: unresolved ends and self loops dropped, kinds that read
// backwards flipped.
std::vector<LEdge> layering_edges(const Content& c);
// Flips the edges of a greedy feedback arc set so that `le` is acyclic; a DAG keeps all its edges.
void break_cycles(int n, std::vector<LEdge>& le);
// Layer by node for acyclic `le`: longest path from the sources, then edge-shortening sweeps.
std::vector<int> assign_layers(int n, const std::vector<LEdge>& le);
// Layer by node with each category in its own band of layers (file order); flips edges that point back.
std::vector<int> band_layers(const Content& c, std::vector<LEdge>& le);

struct Component {
    std::vector<int> nodes;                                   // ascending node indices
    std::vector<int> ledges;                                  // indices into the layering edges
    Rect             bounds;                                  // after laying it out at the origin
    int              crossings = 0;
};

// Connected components, numbered by their smallest node.
std::vector<Component> find_components(int n, const std::vector<LEdge>& le);

// [SECTION] Ordering (layout_ordering.cpp) ----------------------------------------------------------------------

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

// Layers shifted to start at 0, a dummy per layer a long edge passes; `local` (by node) gets each card's id.
// The order is left empty for reduce_crossings to fill.
LayeredGraph build_layered(const Component& comp, const std::vector<LEdge>& le, const std::vector<int>& layer,
                           std::vector<int>& local);

// Buffers reused across layers and sweeps so the hot loops do not allocate.
struct Scratch {
    std::vector<std::pair<int, int>>    pairs;                // edges between two layers, as positions
    std::vector<std::pair<double, int>> keyed;                // sort keys of a layer's slots
    std::vector<int>                    tree, ints, ints2, begin, end;
};

// Crossings of g's current order, summed over adjacent layers.
long long total_crossings(const LayeredGraph& g, Scratch& s);
// Orders every layer of g to reduce crossings (at most `passes` sweeps per variant); returns the crossings left.
long long reduce_crossings(LayeredGraph& g, int passes, Scratch& s);

// [SECTION] Placement (layout_placement.cpp) --------------------------------------------------------------------

struct Placement {
    std::vector<double> cross;                                // by id: centre along the cross axis
    std::vector<int>    sub;                                  // by id: sub-column within a wrapped layer
    std::vector<int>    subs;                                 // by layer: number of sub-columns
};

// Cross-axis centres and sub-columns for an ordered layered graph.
Placement place(const LayeredGraph& g, const LayoutOptions& o);
// Lays one component out with its top-left at the origin: cards (by node index) and routing points (by edge).
void lay_out_component(Component& comp, const std::vector<LEdge>& le, const std::vector<int>& layer,
                       const LayoutOptions& o, std::vector<int>& local, Layout& out,
                       std::vector<std::vector<Vec2>>& interior, Scratch& s);

// [SECTION] Routing (layout_routing.cpp) ------------------------------------------------------------------------

// The middle of the card side that faces `target`.
Vec2 anchor_towards(const Rect& r, Vec2 target, bool ltr);
// Edge e's path between its cards: from-anchor, `interior` (dropped unless it lies between the cards), to-anchor;
// a loop beside the card for a self edge, empty for unresolved ends.
std::vector<Vec2> edge_path(const Content& c, const std::vector<Rect>& cards, int e, std::vector<Vec2> interior,
                            bool ltr);
// All cards and edge paths of l.
Rect bounds_of(const Layout& l);
// Crossings among edges sorted by (first, second), seconds in [0, span); `tree` is scratch.
long long crossings_sorted(const std::vector<std::pair<int, int>>& edges, int span, std::vector<int>& tree);
int clamp_to_int(long long v);

}  // namespace ex::layout_stages
