// edge_draw.h — an edge's route on screen: styled polylines, arrowheads, picking, and a writer for 1 px lines.
//
// Most of a big map's edges are 1 px wide. Dear ImGui draws those with its textured anti-aliasing (two vertices a
// point), but each AddPolyline / AddLine call pays for temporary buffers and a second pass, which is most of the
// cost of thousands of short dashes. The thin_* writers emit the same vertices directly.
#pragma once
#include <imgui.h>

#include "core/geometry.h"
#include "ui/canvas_cache.h"

namespace ex {

// canvas → ImGui coordinates for the per-point loops: a scale and an offset, read once per frame off the viewport
// helpers (see screen_map in canvas_view.cpp), so thousands of route points cost a multiply-add each.
struct ScreenMap {
    float scale;
    ImVec2 offset;
    ImVec2 operator()(Vec2 p) const { return ImVec2(p.x * scale + offset.x, p.y * scale + offset.y); }
};

// Whether 1 px lines on `dl` are textured anti-aliased ones, which the thin_* writers reproduce.
bool thin_lines_available(const ImDrawList* dl);
// As AddPolyline(pts, n, col, 0, 1.0f) writes it.
void thin_polyline(ImDrawList* dl, const ImVec2* pts, int n, ImU32 col);
// The same from canvas points and their precomputed join offsets (CanvasCache::far_join).
void thin_polyline(ImDrawList* dl, const Vec2* pts, const Vec2* joins, int n, const ScreenMap& map, ImU32 col);

// A route run in its style; dashes and dots keep a fixed screen length. Uses the thin writers when it can.
void draw_styled_polyline(ImDrawList* dl, const ImVec2* pts, int n, ImU32 col, float width, EdgeStyle style, bool thin);
void draw_arrowhead(ImDrawList* dl, const ImVec2* pts, int n, ImU32 col, float size);
float distance_to_polyline(const ImVec2* pts, int n, ImVec2 p);

}  // namespace ex
