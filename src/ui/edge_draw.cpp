// edge_draw.cpp — see edge_draw.h.
#include "ui/edge_draw.h"

#include <imgui_internal.h>  // ImDrawListSharedData::TexUvLines: the baked line texture the thin writers sample

#include <algorithm>
#include <cmath>
#include <vector>

namespace ex {

namespace {

constexpr float kHalf = 1.5f;  // half a 1 px textured line's quad: half the width plus the texture's 1 px fringe

// canvas_cache.h's polyline geometry on ImGui points.
ImVec2 unit_normal(ImVec2 a, ImVec2 b) {
    const Vec2 n = polyline_normal(Vec2(a.x, a.y), Vec2(b.x, b.y));
    return ImVec2(n.x, n.y);
}
ImVec2 join(ImVec2 n0, ImVec2 n1) {
    const Vec2 m = polyline_join(Vec2(n0.x, n0.y), Vec2(n1.x, n1.y));
    return ImVec2(m.x, m.y);
}

struct ThinWriter {
    ImDrawVert* v;
    ImVec2 uv0, uv1;
    ImU32 col;

    ThinWriter(ImDrawList* dl, int idx_count, int vtx_count, ImU32 c) : col(c) {
        dl->PrimReserve(idx_count, vtx_count);
        v = dl->_VtxWritePtr;
        const ImVec4 uv = dl->_Data->TexUvLines[1];
        uv0 = ImVec2(uv.x, uv.y);
        uv1 = ImVec2(uv.z, uv.w);
    }
    void point(ImVec2 c, ImVec2 d) {  // the two outer vertices of a line point; d = join offset for a 1 px line
        d.x *= kHalf;
        d.y *= kHalf;
        v[0].pos = ImVec2(c.x + d.x, c.y + d.y);
        v[0].uv = uv0;
        v[0].col = col;
        v[1].pos = ImVec2(c.x - d.x, c.y - d.y);
        v[1].uv = uv1;
        v[1].col = col;
        v += 2;
    }
};

// Indices of `n` consecutive written points as one strip, then the draw list's cursors past them.
void finish_strip(ImDrawList* dl, int n) {
    ImDrawIdx* ix = dl->_IdxWritePtr;
    const unsigned base = dl->_VtxCurrentIdx;
    for (int i = 0; i + 1 < n; ++i, ix += 6) {
        const ImDrawIdx a = (ImDrawIdx)(base + i * 2), b = (ImDrawIdx)(a + 2);
        ix[0] = b;
        ix[1] = a;
        ix[2] = (ImDrawIdx)(a + 1);  // the two triangles of AddPolyline's textured path
        ix[3] = (ImDrawIdx)(b + 1);
        ix[4] = (ImDrawIdx)(a + 1);
        ix[5] = b;
    }
    dl->_IdxWritePtr = ix;
    dl->_VtxWritePtr += n * 2;
    dl->_VtxCurrentIdx += (unsigned)(n * 2);
}

}  // namespace

bool thin_lines_available(const ImDrawList* dl) {
    return (dl->Flags & ImDrawListFlags_AntiAliasedLines) && (dl->Flags & ImDrawListFlags_AntiAliasedLinesUseTex) &&
           dl->_FringeScale == 1.0f;
}

void thin_polyline(ImDrawList* dl, const ImVec2* p, int n, ImU32 col) {
    if (n < 2 || (col & IM_COL32_A_MASK) == 0) return;
    ThinWriter w(dl, (n - 1) * 6, n * 2, col);
    ImVec2 prev = unit_normal(p[0], p[1]);
    for (int i = 0; i < n; ++i) {
        if (i == 0 || i == n - 1) {
            w.point(p[i], prev);
            continue;
        }
        const ImVec2 next = unit_normal(p[i], p[i + 1]);
        w.point(p[i], join(prev, next));
        prev = next;
    }
    finish_strip(dl, n);
}

void thin_polyline(ImDrawList* dl, const Vec2* pts, const Vec2* joins, int n, const ScreenMap& map, ImU32 col) {
    if (n < 2 || (col & IM_COL32_A_MASK) == 0) return;
    ThinWriter w(dl, (n - 1) * 6, n * 2, col);
    for (int i = 0; i < n; ++i) w.point(map(pts[i]), ImVec2(joins[i].x, joins[i].y));
    finish_strip(dl, n);
}

// Thin dashes: each polyline segment's direction and normal once, then one quad per dash straight into a
// reservation sized for the worst case (each dash as a two-point line with AddLine's half-pixel offset).
static void thin_dashes(ImDrawList* dl, const ImVec2* pts, int n, ImU32 col, float on, float off) {
    float total = 0;
    for (int i = 0; i + 1 < n; ++i) total += std::fabs(pts[i + 1].x - pts[i].x) + std::fabs(pts[i + 1].y - pts[i].y);
    const int most = (int)(total / (on + off)) + n + 1;  // the L1 length bounds the true one; +1 a segment for splits
    ThinWriter w(dl, most * 6, most * 4, col);
    ImDrawIdx* ix = dl->_IdxWritePtr;
    const unsigned base = dl->_VtxCurrentIdx;
    int count = 0;
    float phase = 0;  // distance into the current on or off run
    bool drawing = true;
    for (int i = 0; i + 1 < n; ++i) {
        const ImVec2 a(pts[i].x + 0.5f, pts[i].y + 0.5f), b(pts[i + 1].x + 0.5f, pts[i + 1].y + 0.5f);
        const float dx = b.x - a.x, dy = b.y - a.y, len = std::sqrt(dx * dx + dy * dy);
        if (len <= 0) continue;
        const float ux = dx / len, uy = dy / len;
        const ImVec2 normal(uy, -ux);
        for (float t = 0; t < len;) {
            const float step = std::min((drawing ? on : off) - phase, len - t);
            if (drawing) {
                w.point(ImVec2(a.x + ux * t, a.y + uy * t), normal);
                w.point(ImVec2(a.x + ux * (t + step), a.y + uy * (t + step)), normal);
                const ImDrawIdx i1 = (ImDrawIdx)(base + count * 4), i2 = (ImDrawIdx)(i1 + 2);
                ix[0] = i2;
                ix[1] = i1;
                ix[2] = (ImDrawIdx)(i1 + 1);
                ix[3] = (ImDrawIdx)(i2 + 1);
                ix[4] = (ImDrawIdx)(i1 + 1);
                ix[5] = i2;
                ix += 6;
                ++count;
            }
            t += step;
            phase += step;
            if (phase >= (drawing ? on : off) - 1e-3f) {
                phase = 0;
                drawing = !drawing;
            }
        }
    }
    dl->_IdxWritePtr = ix;
    dl->_VtxWritePtr += count * 4;
    dl->_VtxCurrentIdx += (unsigned)(count * 4);
    dl->PrimUnreserve((most - count) * 6, (most - count) * 4);
}

void draw_styled_polyline(ImDrawList* dl, const ImVec2* pts, int n, ImU32 col, float width, EdgeStyle style,
                          bool thin) {
    if (n < 2 || (col & IM_COL32_A_MASK) == 0) return;
    if (style == EdgeStyle::Solid) {
        if (thin) thin_polyline(dl, pts, n, col);
        else dl->AddPolyline(pts, n, col, ImDrawFlags_None, width);
        return;
    }
    // Dashes and dots: walk the polyline, drawing on/off runs of fixed screen length.
    const bool dotted = style == EdgeStyle::Dotted;
    const float on = dotted ? width * 1.2f : width * 5.0f, off = dotted ? width * 2.2f : width * 3.5f;
    if (thin) {
        thin_dashes(dl, pts, n, col, on, off);
        return;
    }
    float phase = 0;
    bool drawing = true;
    for (int i = 0; i + 1 < n; ++i) {
        ImVec2 a = pts[i];
        const ImVec2 b = pts[i + 1];
        float seg = std::sqrt((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y));
        while (seg > 0) {
            const float run = (drawing ? on : off) - phase;
            const float step = std::min(run, seg);
            const ImVec2 m(a.x + (b.x - a.x) * (step / seg), a.y + (b.y - a.y) * (step / seg));
            if (drawing) dl->AddLine(a, m, col, width);
            a = m;
            seg -= step;
            phase += step;
            if (phase >= (drawing ? on : off) - 1e-3f) {
                phase = 0;
                drawing = !drawing;
            }
        }
    }
}

void draw_arrowhead(ImDrawList* dl, const ImVec2* pts, int n, ImU32 col, float size) {
    if (n < 2) return;
    const ImVec2 tip = pts[n - 1];
    ImVec2 from = pts[n - 2];
    for (int i = n - 1; i-- > 0;)  // a point far enough back gives a stable direction
        if ((tip.x - pts[i].x) * (tip.x - pts[i].x) + (tip.y - pts[i].y) * (tip.y - pts[i].y) > size * size) {
            from = pts[i];
            break;
        }
    float dx = tip.x - from.x, dy = tip.y - from.y;
    const float len = std::sqrt(dx * dx + dy * dy);
    if (len <= 0) return;
    dx /= len;
    dy /= len;
    const ImVec2 base(tip.x - dx * size, tip.y - dy * size);
    dl->AddTriangleFilled(tip, ImVec2(base.x - dy * size * 0.5f, base.y + dx * size * 0.5f),
                          ImVec2(base.x + dy * size * 0.5f, base.y - dx * size * 0.5f), col);
}

float distance_to_polyline(const ImVec2* pts, int n, ImVec2 p) {
    float best = 1e30f;
    for (int i = 0; i + 1 < n; ++i) {
        const ImVec2 a = pts[i], b = pts[i + 1];
        const float dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
        float t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
        t = std::clamp(t, 0.0f, 1.0f);
        const float qx = a.x + t * dx - p.x, qy = a.y + t * dy - p.y;
        best = std::min(best, qx * qx + qy * qy);
    }
    return std::sqrt(best);
}

}  // namespace ex
