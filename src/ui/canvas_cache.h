// canvas_cache.h — what the map derives from the content and the layout once, not every frame: compact per-node and
// per-edge arrays (reading them from Node/Edge, which are large, missed the cache thousands of times a frame), each
// route's bounding box, and each routing point's simplification tolerance for far-out zooms.
//
// All of it is in canvas units; nothing here depends on the camera.
#pragma once
#include <algorithm>
#include <memory>
#include <vector>

#include <imgui.h>
#include <imgui_internal.h>  // ImRect

#include "core/content.h"
#include "core/layout.h"

namespace ex {

struct AppContext;

enum class EdgeStyle : unsigned char { Solid, Dashed, Dotted };

// Dear ImGui's polyline geometry, shared by the far-out route cache and the thin-line writers (edge_draw.cpp) so
// both produce exactly what AddPolyline would: a segment's unit normal (dy, -dx), zero for a zero-length segment;
// and the offset at an inner point, the mean of its two normals scaled to the miter and capped, as IM_FIXNORMAL2F.
inline Vec2 polyline_normal(Vec2 a, Vec2 b) {
    const Vec2 d = b - a;
    const float len = length(d);
    return len > 0 ? Vec2(d.y / len, -d.x / len) : Vec2();
}
inline Vec2 polyline_join(Vec2 n0, Vec2 n1) {
    Vec2 m = (n0 + n1) * 0.5f;
    const float d2 = dot(m, m);
    if (d2 > 0.000001f) m *= std::min(1.0f / d2, 100.0f);
    return m;
}

struct DropRange {  // a span of a route Douglas-Peucker still has to split, and the value capping its split
    int l, r;
    float cap;
};

struct CanvasCache {
    std::shared_ptr<const Content> content;  // held, so a later content can never reuse the address unnoticed
    std::vector<Rect> cards;                 // the layout's cards as last seen: a difference is a moved card
    std::vector<bool> hidden;                // app.reading.hidden_category as last seen
    unsigned layout_version = 0;             // app.map.layout_version as last seen: a relayout rebuilds

    std::vector<char> visible;     // by node: drawn as a card (not folded, not filtered out)
    std::vector<int> category;     // by node: category index, -1 for none
    std::vector<int> from, to;     // by edge: the cards drawn for its ends (a folded end is drawn
                                   // as its whole), -1 when unresolved
    std::vector<EdgeStyle> style;  // by edge
    std::vector<Rect> box;         // by edge: the route's bounding box (its curves stay inside it)
    // The layout's routes flattened in edge order, edge e's points starting at first[e]: contiguous, so a frame
    // streams through them instead of visiting one allocation per edge (that was most of a 10,000-card frame).
    std::vector<Vec2> pts;
    std::vector<int> first;
    // By routing point: the largest distance (canvas units) from the route at which the point may be dropped
    // (Douglas-Peucker order; the end points never are). Keeping the points whose value exceeds a tolerance gives
    // the route simplified to that tolerance.
    std::vector<float> drop;
    std::vector<std::vector<int>> node_edges;  // by node: the edges touching it (re-done when it moves)

    // Far out, once per zoom: every route simplified to `far_tolerance`, flattened the same way (edge e's points
    // start at far_first[e]), with each point's join offset for a 1-unit-wide line as Dear ImGui's polylines make it
    // (the segment normal at the ends, the miter-scaled mean of the two normals inside). A uniform scale keeps
    // directions, so the offsets hold on screen.
    float far_tolerance = -1;  // < 0: not built for the current layout
    std::vector<Vec2> far_pts, far_join;
    std::vector<int> far_first;
    std::vector<int> changed;           // scratch: the edges a drag re-routed this frame
    std::vector<DropRange> drop_stack;  // scratch: simplification_order's work list

    // Drawn: resolved, not inside a folded group or merged into another, both ends shown.
    bool shows(int e) const {
        return from[e] >= 0 && to[e] >= 0 && first[e + 1] - first[e] >= 2 && visible[from[e]] && visible[to[e]];
    }
};

// A route as drawn this frame, in ImGui coordinates: runs of points (clipping splits a route into runs).
struct Route {
    std::vector<ImVec2> pts;
    std::vector<int> starts;  // one more than runs: starts.back() == pts.size()
    bool tip = false;
};

// Buffers a frame of the map reuses, so drawing allocates nothing once they have grown. Owned by the map's state,
// never static: two apps (or two test contexts) alive at once each have their own.
struct CanvasScratch {
    Route route;
    std::vector<ImVec2> tail;   // the far-out route's last points (arrowhead, hover test)
    std::vector<ImRect> taken;  // edge labels drawn so far (ImGui coordinates): labels never cover each other
    std::vector<char> lit;      // by node: lit by the selection
};

// Brings the cache up to date with app's content, layout and filters. When nothing changed this is one compare of
// the card rectangles; a dragged card re-does only its own edges.
void update_canvas_cache(CanvasCache& cache, const AppContext& app);
// Builds the far-out routes for `tolerance` (canvas units) unless they are built for it already.
void simplify_routes(CanvasCache& cache, float tolerance);

}  // namespace ex
