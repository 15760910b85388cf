// layout.h — deterministic layered ("dot"-style) layout of the node/edge map on the canvas.
//
// Pipeline (layout.cpp): cycle breaking (greedy, ties by node order) → longest-path layering, then edge shortening →
// dummy nodes on long edges → crossing reduction (barycenter sweeps + adjacent transpositions, best kept) →
// coordinates (median placement projected onto "no overlap" constraints) → wide layers wrapped into sub-columns →
// connected components packed in shelves → author position hints applied, other cards pushed clear of them.
// Layers are columns flowing left→right by default (rows flowing top→bottom on request).
// Kinds with EdgeKind::reads_backwards are laid out from their `to`: among the built-ins a sub-point after its parent
// (`part-of`), what answers a problem after the problem (`mitigates`), what needs a prerequisite after it
// (`requires`). Causes and problems read on the left.
// Position hints (Node::has_position) are the card's top-left corner in canvas units; hinted cards may overlap each
// other if the author put them so, never an automatically placed card.
#pragma once
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/content.h"
#include "core/geometry.h"

namespace ex {

struct LayoutOptions {
    float card_width = 240, card_height = 96;  // every card has this size (canvas units)
    float layer_gap = 140;                     // between layers: room for curves and their labels
    float node_gap = 28;                       // between cards of a layer, and between sub-columns
    float component_gap = 160;                 // between disconnected pieces
    bool left_to_right = true;                 // false: layers are rows flowing top→bottom
    int max_cards_per_layer = 0;               // wider layers wrap into sub-columns (edges
                                               // may then pass over cards of the same layer);
                                               // 0 = automatic (about sqrt(2 n), at least 12),
                                               // < 0 = never
    bool category_bands = false;               // each category (in file order) gets its own band of
                                               // layers (columns read as the argument's steps,
                                               // but the map gets wide); off: edges alone decide
    int ordering_passes = 16;                  // crossing-reduction sweeps (stops early when stuck)
    int placement_passes = 6;                  // coordinate-assignment sweeps

    // Lanes (content that sets "lanes"; layout_lanes.cpp). Landscape: a column per lane, long lanes wrapped into
    // sub-columns so that the map's shape suits `aspect` (the view's width / height). Portrait (left_to_right
    // false): a row per lane, its cards in `lane_columns` columns, read top to bottom.
    float aspect = 1.6f;
    int lane_columns = 2;
    float lane_gap = 64;     // between lanes (room for the edges' curves)
    float lane_header = 44;  // the lane's name above its cards
    // Height of card `node` (an index of the content laid out) at width `width`; unset: card_height for all.
    std::function<float(int node, float width)> card_height_of;
};

// One lane of a lanes layout: its category and the area it spans, header included (canvas units).
struct LaneBox {
    int category = -1;  // -1: cards without a known category
    Rect box;
};

struct Layout {
    std::vector<Rect> cards;                    // by node index; x,y = top-left, canvas units
    std::vector<std::vector<Vec2>> edge_paths;  // by edge index: from-card anchor, routing points,
                                                // to-card anchor; empty for unresolved edges
    Rect bounds;                                // all cards and paths
    int crossings = 0;                          // edge crossings between adjacent layers, as ordered
    std::vector<int> layer;                     // by node index: layer within its component
    std::vector<int> order_in_layer;            // by node index: rank among the layer's cards
    std::vector<int> component;                 // by node index: 0 = the largest piece
    bool left_to_right = true;
    std::vector<int> shown_as;   // by node: the card drawn for it (itself unless folded)
    std::vector<int> merged;     // by edge: edges drawn as this one (0: not drawn)
    std::vector<char> reversed;  // by edge: its path runs to → from, the way the map
                                 // reads (the arrow points at `from`)
    std::vector<LaneBox> lanes;  // lanes layout only, in reading order
};

Layout compute_layout(const Content& content, const LayoutOptions& options = {});
// A layout sized for the content with every card at the origin (each layout starts from it).
Layout blank_layout(const Content& content, const LayoutOptions& options);
// The lanes layout (compute_layout calls it for content with lanes on).
Layout compute_lanes_layout(const Content& content, const LayoutOptions& options);

// Crossings between two adjacent layers given each edge as (position in one layer, position in the other). Edges
// sharing an end point do not cross. O(m log m).
int count_crossings(std::vector<std::pair<int, int>> edges);
// Pairs of rectangles that overlap with positive area. Sweep line: O(n log n) plus the overlaps found, for
// rectangles of similar height.
int count_overlaps(const std::vector<Rect>& rects);

// Moves a card (a drag) and re-routes the edges touching it; routing points that no longer lie between the two
// cards are dropped. Bounds are recomputed.
void move_card(Layout& layout, const Content& content, int node, Vec2 new_top_left);

}  // namespace ex
