// canvas_view.cpp — the map: cards and edges on a pan/zoom canvas.
//
// Index
//   [SECTION] Input           read once per frame into CanvasInput
//   [SECTION] Hit testing     topmost first
//   [SECTION] Edges           curves, arrowheads, dashes, labels
//   [SECTION] Cards
//   [SECTION] draw_canvas     the frame: input → camera/selection → drawing
//
// Spaces: *canvas* (layout units) and *screen* (ImGui pixels relative to the canvas' top-left). Conversions go
// only through app.view (core/viewport.h) and the two helpers below, which add the widget's origin.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include <imgui_internal.h>  // IsMouseDragPastThreshold: tell a click from a drag on release

#include "ui/app.h"
#include "ui/text.h"

namespace ex {

static ImVec2 to_imgui(const AppContext& app, Vec2 screen) {
    return ImVec2(screen.x + app.canvas_origin.x, screen.y + app.canvas_origin.y);
}
static Vec2 from_imgui(const AppContext& app, ImVec2 p) {
    return Vec2(p.x - app.canvas_origin.x, p.y - app.canvas_origin.y);
}

// [SECTION] Input ---------------------------------------------------------------------------------------------------

struct CanvasInput {
    Vec2  mouse;                  // screen space
    bool  hovered = false;        // pointer over the canvas and not over a panel
    bool  pressed = false, released = false, clicked = false;
    bool  dragging = false;       // left button held and moved past the drag threshold
    Vec2  drag_delta;             // screen pixels since last frame
    float wheel_x = 0, wheel_y = 0;
    bool  ctrl = false, shift = false;
    bool  back_button = false, forward_button = false;
};

static CanvasInput read_input(const AppContext& app, bool item_hovered, bool item_active, bool item_released) {
    const ImGuiIO& io = ImGui::GetIO();
    CanvasInput in;
    in.mouse = from_imgui(app, io.MousePos);
    in.hovered = item_hovered;
    in.pressed = item_hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left);
    in.released = item_released;
    in.dragging = item_active && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 4.0f);
    in.clicked = in.released && !ImGui::IsMouseDragPastThreshold(ImGuiMouseButton_Left, 4.0f);
    in.drag_delta = Vec2(io.MouseDelta.x, io.MouseDelta.y);
    if (item_hovered) {
        in.wheel_x = io.MouseWheelH;
        in.wheel_y = io.MouseWheel;
    }
    in.ctrl = io.KeyCtrl || io.KeySuper;
    in.shift = io.KeyShift;
    in.back_button = ImGui::IsMouseClicked(3);
    in.forward_button = ImGui::IsMouseClicked(4);
    return in;
}

// [SECTION] Hit testing ---------------------------------------------------------------------------------------------

// Cards are drawn in node order with the selection last, so the topmost card is found by walking that order backwards.
static int card_at(const AppContext& app, Vec2 screen) {
    const Vec2 p = app.view.screen_to_canvas(screen);
    if (app.selected >= 0 && app.layout.cards[app.selected].contains(p)) return app.selected;
    for (int i = (int)app.layout.cards.size() - 1; i >= 0; --i)
        if (app_node_visible(app, i) && app.layout.cards[i].contains(p)) return i;
    return -1;
}

// [SECTION] Edges ---------------------------------------------------------------------------------------------------

// The edge's route as screen points: horizontal-tangent cubic pieces through the layout's routing points.
static void edge_polyline(const AppContext& app, int e, std::vector<ImVec2>& out) {
    out.clear();
    const auto& path = app.layout.edge_paths[e];
    if (path.size() < 2) return;
    const bool ltr = app.layout.left_to_right;
    for (size_t i = 0; i + 1 < path.size(); ++i) {
        const ImVec2 a = to_imgui(app, app.view.canvas_to_screen(path[i]));
        const ImVec2 b = to_imgui(app, app.view.canvas_to_screen(path[i + 1]));
        const float k = ltr ? (b.x - a.x) * 0.5f : (b.y - a.y) * 0.5f;
        const ImVec2 c1 = ltr ? ImVec2(a.x + k, a.y) : ImVec2(a.x, a.y + k);
        const ImVec2 c2 = ltr ? ImVec2(b.x - k, b.y) : ImVec2(b.x, b.y - k);
        // As many segments as the curve needs on screen: a 10,000-card map seen whole draws each piece as a
        // couple of lines instead of 16.
        int segments = std::clamp((int)(std::fabs(b.x - a.x) + std::fabs(b.y - a.y)) / 12, 1, 16);
        // A piece wholly off screen (long edges cross far parts of a big map) needs no curve at all.
        const float x0 = std::min(a.x, b.x), x1 = std::max(a.x, b.x), y0 = std::min(a.y, b.y), y1 = std::max(a.y, b.y);
        if (x1 < app.canvas_origin.x || y1 < app.canvas_origin.y || x0 > app.canvas_origin.x + app.view.size.x ||
            y0 > app.canvas_origin.y + app.view.size.y)
            segments = 1;
        for (int s = (i == 0 ? 0 : 1); s <= segments; ++s) {
            const float t = (float)s / segments, u = 1 - t;
            out.push_back(ImVec2(u * u * u * a.x + 3 * u * u * t * c1.x + 3 * u * t * t * c2.x + t * t * t * b.x,
                                 u * u * u * a.y + 3 * u * u * t * c1.y + 3 * u * t * t * c2.y + t * t * t * b.y));
        }
    }
}

static float distance_to_polyline(const std::vector<ImVec2>& pts, ImVec2 p) {
    float best = 1e30f;
    for (size_t i = 0; i + 1 < pts.size(); ++i) {
        const ImVec2 a = pts[i], b = pts[i + 1];
        const float dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
        float t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
        t = std::clamp(t, 0.0f, 1.0f);
        const float qx = a.x + t * dx - p.x, qy = a.y + t * dy - p.y;
        best = std::min(best, qx * qx + qy * qy);
    }
    return std::sqrt(best);
}

static void draw_styled_polyline(ImDrawList* dl, const std::vector<ImVec2>& pts, ImU32 col, float width,
                                 const std::string& style) {
    if (style == "solid" || pts.size() < 2) {
        dl->AddPolyline(pts.data(), (int)pts.size(), col, ImDrawFlags_None, width);
        return;
    }
    // Dashes and dots: walk the polyline, drawing on/off runs of fixed screen length.
    const float on = style == "dotted" ? width * 1.2f : width * 5.0f, off = style == "dotted" ? width * 2.2f : width * 3.5f;
    float phase = 0;
    bool drawing = true;
    for (size_t i = 0; i + 1 < pts.size(); ++i) {
        ImVec2 a = pts[i];
        const ImVec2 b = pts[i + 1];
        float seg = std::hypot(b.x - a.x, b.y - a.y);
        while (seg > 0) {
            const float run = (drawing ? on : off) - phase;
            const float step = std::min(run, seg);
            const ImVec2 n(a.x + (b.x - a.x) * (step / seg), a.y + (b.y - a.y) * (step / seg));
            if (drawing) dl->AddLine(a, n, col, width);
            a = n;
            seg -= step;
            phase += step;
            if (phase >= (drawing ? on : off) - 1e-3f) { phase = 0; drawing = !drawing; }
        }
    }
}

static void draw_arrowhead(ImDrawList* dl, const std::vector<ImVec2>& pts, ImU32 col, float size) {
    if (pts.size() < 2) return;
    const ImVec2 tip = pts.back();
    ImVec2 from = pts[pts.size() - 2];
    for (size_t i = pts.size() - 1; i-- > 0;)  // a point far enough back gives a stable direction
        if (std::hypot(tip.x - pts[i].x, tip.y - pts[i].y) > size) { from = pts[i]; break; }
    float dx = tip.x - from.x, dy = tip.y - from.y;
    const float len = std::hypot(dx, dy);
    if (len <= 0) return;
    dx /= len; dy /= len;
    const ImVec2 base(tip.x - dx * size, tip.y - dy * size);
    dl->AddTriangleFilled(tip, ImVec2(base.x - dy * size * 0.5f, base.y + dx * size * 0.5f),
                          ImVec2(base.x + dy * size * 0.5f, base.y - dx * size * 0.5f), col);
}

static std::string edge_caption(const AppContext& app, const Edge& e) {
    const Content& c = *app.content;
    std::string s = e.kind_index >= 0 ? app_text(app, c.edge_kinds[e.kind_index].forward) : e.kind;
    if (!e.label.empty()) s += " · " + app_text(app, e.label);
    return s;
}

static void draw_edge_label(AppContext& app, ImDrawList* dl, const std::vector<ImVec2>& pts, const std::string& text) {
    if (pts.empty()) return;
    const ImVec2 mid = pts[pts.size() / 2];
    const float size = 13.0f;
    const ImVec2 ts = app.font_regular->CalcTextSizeA(size, 1e9f, 0, text.c_str());
    const ImVec2 p0(mid.x - ts.x * 0.5f - 6, mid.y - ts.y * 0.5f - 3), p1(mid.x + ts.x * 0.5f + 6, mid.y + ts.y * 0.5f + 3);
    dl->AddRectFilled(p0, p1, app.theme.edge_label_bg, 6.0f);
    dl->AddRect(p0, p1, app.theme.card_border, 6.0f);
    dl->AddText(app.font_regular, size, ImVec2(p0.x + 6, p0.y + 3), app.theme.text, text.c_str());
}

// [SECTION] Cards ---------------------------------------------------------------------------------------------------

// Text is drawn at the zoomed size, rounded to whole pixels so the glyph cache sees few distinct sizes; Dear ImGui
// 1.92 rasterises each size at the framebuffer scale, which keeps it sharp at any zoom and on HiDPI screens.
static float text_px(float base, float zoom) { return std::round(base * zoom); }

static void draw_card(AppContext& app, ImDrawList* dl, int i, float alpha) {
    const Content& c = *app.content;
    const Node& n = c.nodes[i];
    const Theme& th = app.theme;
    const Rect r = app.view.canvas_to_screen(app.layout.cards[i]);
    const ImVec2 p0 = to_imgui(app, r.min()), p1 = to_imgui(app, r.max());
    const float z = app.view.cam.zoom;
    const float round = std::min(10.0f * z, 10.0f);
    const ImU32 accent = n.category_index >= 0 ? rgb_to_u32(c.categories[n.category_index].rgb) : th.muted;

    if (r.w < 14.0f) {  // a whole big map on screen: cards are coloured dots, one rectangle each
        const bool marked = i == app.selected || i == app.focused;
        dl->AddRectFilled(p0, p1, with_alpha(marked ? th.selection : accent, alpha));
        return;
    }
    dl->AddRectFilled(ImVec2(p0.x + 2, p0.y + 3), ImVec2(p1.x + 2, p1.y + 3), with_alpha(th.card_shadow, alpha), round);
    dl->AddRectFilled(p0, p1, with_alpha(th.card_bg, alpha), round);
    dl->AddRectFilled(p0, ImVec2(p0.x + std::max(3.0f, 6.0f * z), p1.y), with_alpha(accent, alpha), round,
                      ImDrawFlags_RoundCornersLeft);
    const bool selected = i == app.selected, focused = i == app.focused && !selected;
    const bool hit = std::find(app.search_results.begin(), app.search_results.end(), i) != app.search_results.end();
    ImU32 border = th.card_border;
    float border_w = 1.0f;
    if (hit) { border = th.search_hit; border_w = 2.5f; }
    if (i == app.hovered) { border = mix(border, th.title, 0.35f); border_w = std::max(border_w, 1.5f); }
    if (selected) { border = th.selection; border_w = 3.0f; }
    dl->AddRect(p0, p1, with_alpha(border, alpha), round, 0, border_w);
    if (focused) dl->AddRect(ImVec2(p0.x - 4, p0.y - 4), ImVec2(p1.x + 4, p1.y + 4), th.search_hit, round + 4, 0, 2.0f);

    // Text: the title always (zoomed out it keeps a legible minimum size and wraps inside the card), the summary
    // once there is room for it.
    const float pad = 10.0f * z + std::max(3.0f, 6.0f * z);
    const float wrap = r.w - pad - std::max(4.0f, 10.0f * z);
    const float title_px = std::max(text_px(15.0f, z), std::min(11.0f, r.h * 0.3f));
    if (title_px < 6.0f || wrap < 30.0f) return;
    dl->PushClipRect(p0, p1, true);
    const ImVec2 tpos(p0.x + pad, p0.y + std::max(3.0f, 8.0f * z));
    const float bottom = p1.y - tpos.y;
    const float title_h = draw_text_wrapped(dl, app.font_bold, title_px, tpos, with_alpha(th.title, alpha),
                                            app_text(app, n.title), wrap, bottom);
    if (z >= 0.75f)
        draw_text_wrapped(dl, app.font_regular, text_px(12.5f, z), ImVec2(tpos.x, tpos.y + title_h + 3.0f * z),
                          with_alpha(th.text, alpha), app_text(app, n.summary), wrap, bottom - title_h);
    dl->PopClipRect();
}

// [SECTION] draw_canvas ---------------------------------------------------------------------------------------------

static void apply_input(AppContext& app, const CanvasInput& in) {
    const ImGuiIO& io = ImGui::GetIO();
    // Wheel: ctrl (or a trackpad pinch, which browsers report as ctrl+wheel) zooms around the pointer; otherwise pan.
    if (in.wheel_y != 0 || in.wheel_x != 0) {
        app.flight.active = false;
        if (in.ctrl) app.view.zoom_at(in.mouse, std::pow(1.15f, in.wheel_y));
        else if (in.shift) app.view.pan_screen(Vec2(in.wheel_y * 60.0f, 0));
        else app.view.pan_screen(Vec2(in.wheel_x * 60.0f, in.wheel_y * 60.0f));
    }
    if (app.pinched) {  // the rest of a two-finger gesture: no tap, no drag
        if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) app.pinched = false;
        app.dragging = -1;
        return;
    }
    if (in.pressed) {
        app.dragging = card_at(app, in.mouse);
        app.drag_moved = false;
    }
    if (in.dragging) {
        app.flight.active = false;
        if (app.dragging >= 0) {
            app.drag_moved = true;
            const Rect card = app.layout.cards[app.dragging];
            const Vec2 d = in.drag_delta / app.view.cam.zoom;
            move_card(app.layout, *app.content, app.dragging, Vec2(card.x + d.x, card.y + d.y));
        } else {
            app.view.pan_screen(in.drag_delta);
        }
    }
    if (in.clicked) {
        const int hit = card_at(app, in.mouse);
        if (hit >= 0) app_select_index(app, hit, true);
        else { app.selected = -1; }
    }
    if (in.released && app.dragging >= 0 && app.drag_moved) app_edit_card_moved(app, app.dragging);  // edit mode keeps it
    if (in.released || !ImGui::IsMouseDown(ImGuiMouseButton_Left)) app.dragging = -1;
    if (in.back_button) app_back(app);
    if (in.forward_button) app_forward(app);
    (void)io;
}

void draw_canvas(AppContext& app) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, app.theme.canvas_bg);
    ImGui::Begin("##canvas", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
    app.canvas_origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    app.view.size = Vec2(std::max(avail.x, 1.0f), std::max(avail.y, 1.0f));
    ImGui::InvisibleButton("##map", ImVec2(app.view.size.x, app.view.size.y),
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
    const bool item_hovered = ImGui::IsItemHovered(), item_active = ImGui::IsItemActive();
    const bool item_released = ImGui::IsItemDeactivated();  // the button lets go on the frame the mouse is released

    if (!app.content) {
        ImGui::End();
        return;
    }
    if (app.needs_fit && app.view.size.x > 1) {
        app_fit(app, false);
        app.needs_fit = false;
        if (app.selected >= 0) app_fly_to(app, app.selected);  // chosen before the canvas had a size (deep link)
    }

    const CanvasInput in = read_input(app, item_hovered, item_active, item_released);
    apply_input(app, in);
    app.hovered = in.hovered ? card_at(app, in.mouse) : -1;
    if (app.hovered >= 0 || app.dragging >= 0) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Content& c = *app.content;
    const Theme& th = app.theme;
    // With a selection, its neighbours stay lit and everything else dims (one pass over the edges).
    std::vector<char> lit(c.nodes.size(), app.selected < 0 ? 1 : 0);
    if (app.selected >= 0) {
        lit[app.selected] = 1;
        for (const Edge& e : c.edges) {
            if (e.from_index == app.selected && e.to_index >= 0) lit[e.to_index] = 1;
            if (e.to_index == app.selected && e.from_index >= 0) lit[e.from_index] = 1;
        }
    }

    // Edges under the cards; only those with a visible end on screen are built. Zoomed far out, thousands of
    // hairlines need no anti-aliasing (it triples their vertices).
    const ImDrawListFlags saved_flags = dl->Flags;
    if (app.view.cam.zoom < 0.12f) dl->Flags &= ~ImDrawListFlags_AntiAliasedLines;
    const Rect visible = app.view.visible_canvas().expanded(40.0f / app.view.cam.zoom);
    static thread_local std::vector<ImVec2> pts, run_pts;
    int hovered_edge = -1;
    float best = 7.0f;
    for (size_t e = 0; e < c.edges.size(); ++e) {
        const Edge& ed = c.edges[e];
        if (ed.from_index < 0 || ed.to_index < 0 || !app_node_visible(app, ed.from_index) ||
            !app_node_visible(app, ed.to_index))
            continue;
        const Rect& a = app.layout.cards[ed.from_index];
        const Rect& b = app.layout.cards[ed.to_index];
        if (!united(a, b).intersects(visible)) continue;
        edge_polyline(app, (int)e, pts);
        const bool touches = app.selected >= 0 && (ed.from_index == app.selected || ed.to_index == app.selected);
        const float alpha = app.selected < 0 || touches ? 1.0f : 0.18f;
        const std::string& style = ed.kind_index >= 0 ? c.edge_kinds[ed.kind_index].style : "solid";
        const ImU32 col = touches ? mix(th.edge, th.selection, 0.55f) : th.edge;
        const float w = std::clamp(1.6f * app.view.cam.zoom, 1.0f, 2.5f) * (touches ? 1.4f : 1.0f);
        // Only the runs of the route that cross the screen are drawn (a long edge mostly runs off screen).
        const ImVec2 s0 = app.canvas_origin, s1(s0.x + app.view.size.x, s0.y + app.view.size.y);
        size_t run = 0;
        for (size_t i = 0; i + 1 <= pts.size(); ++i) {
            const bool last = i + 1 == pts.size();
            bool on = false;
            if (!last) {
                const ImVec2 p = pts[i], q = pts[i + 1];
                on = std::max(p.x, q.x) >= s0.x && std::min(p.x, q.x) <= s1.x && std::max(p.y, q.y) >= s0.y &&
                     std::min(p.y, q.y) <= s1.y;
            }
            if (!on) {  // close the current run [run, i]
                if (i > run) {
                    run_pts.assign(pts.begin() + run, pts.begin() + i + 1);
                    draw_styled_polyline(dl, run_pts, with_alpha(col, alpha), w, style);
                }
                run = i + 1;
            }
        }
        draw_arrowhead(dl, pts, with_alpha(col, alpha), std::clamp(10.0f * app.view.cam.zoom, 6.0f, 12.0f));
        if (in.hovered && app.hovered < 0) {
            const float d = distance_to_polyline(pts, to_imgui(app, in.mouse));
            if (d < best) { best = d; hovered_edge = (int)e; }
        }
    }
    app.hovered_edge = hovered_edge;
    dl->Flags = saved_flags;

    // Cards: dimmed ones first, the selection last (on top).
    for (size_t i = 0; i < c.nodes.size(); ++i)
        if ((int)i != app.selected && app_node_visible(app, (int)i) && app.layout.cards[i].intersects(visible))
            draw_card(app, dl, (int)i, lit[i] ? 1.0f : 0.3f);
    if (app.selected >= 0) draw_card(app, dl, app.selected, 1.0f);

    // Labels of the selection's edges, and of the hovered edge.
    if (app.view.cam.zoom >= 0.45f) {
        for (size_t e = 0; e < c.edges.size(); ++e) {
            const Edge& ed = c.edges[e];
            const bool touches = app.selected >= 0 && (ed.from_index == app.selected || ed.to_index == app.selected);
            if (!touches && (int)e != hovered_edge) continue;
            if (!app_node_visible(app, ed.from_index) || !app_node_visible(app, ed.to_index)) continue;
            edge_polyline(app, (int)e, pts);
            draw_edge_label(app, dl, pts, edge_caption(app, ed));
        }
    } else if (hovered_edge >= 0) {
        edge_polyline(app, hovered_edge, pts);
        draw_edge_label(app, dl, pts, edge_caption(app, c.edges[hovered_edge]));
    }
    if (hovered_edge >= 0 && ImGui::BeginTooltip()) {  // the edge as a sentence: A / reads / B
        const Edge& ed = c.edges[hovered_edge];
        ImGui::PushFont(app.font_bold, 0.0f);
        ImGui::TextUnformatted(app_text(app, c.nodes[ed.from_index].title).c_str());
        ImGui::PopFont();
        ImGui::TextDisabled("%s", edge_caption(app, ed).c_str());
        ImGui::PushFont(app.font_bold, 0.0f);
        ImGui::TextUnformatted(app_text(app, c.nodes[ed.to_index].title).c_str());
        ImGui::PopFont();
        ImGui::EndTooltip();
    }
    ImGui::End();
}

}  // namespace ex
