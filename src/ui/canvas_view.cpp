// canvas_view.cpp — the map: cards and edges on a pan/zoom canvas.
//
// Index
//   [SECTION] Input           read once per frame into CanvasInput
//   [SECTION] Hit testing     topmost first
//   [SECTION] Edges           routes on screen, labels (drawing primitives: edge_draw.h)
//   [SECTION] Cards           cards, and far out one batch of dots
//   [SECTION] draw_canvas     the frame: input → camera/selection → edges, cards, labels
//
// Spaces: *canvas* (layout units) and *screen* (ImGui pixels relative to the canvas' top-left). Conversions go
// only through app.map.view (core/viewport.h) and the two helpers below, which add the widget's origin (screen_map
// reads the same mapping off them for per-point loops). What the map derives from content and layout once rather
// than per frame lives in canvas_cache.h.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include <imgui_internal.h>  // IsMouseDragPastThreshold: tell a click from a drag on release

#include "ui/app.h"
#include "ui/canvas_cache.h"
#include "ui/edge_draw.h"
#include "ui/text.h"

namespace ex {

static bool touch_input() { return ImGui::GetIO().MouseSource == ImGuiMouseSource_TouchScreen; }

// A card of a notes category (Lanes::notes): drawn as a note, its links kept quiet.
static bool is_note(const AppContext& app, int node) {
    const int k = app.content->nodes[node].category_index;
    return k >= 0 && app.content->categories[k].notes;
}

static ImVec2 to_imgui(const AppContext& app, Vec2 screen) {
    return ImVec2(screen.x + app.map.canvas_origin.x, screen.y + app.map.canvas_origin.y);
}
static Vec2 from_imgui(const AppContext& app, ImVec2 p) {
    return Vec2(p.x - app.map.canvas_origin.x, p.y - app.map.canvas_origin.y);
}

// [SECTION] Input ---------------------------------------------------------------------------------------------------

struct CanvasInput {
    Vec2 mouse;            // screen space
    bool hovered = false;  // pointer over the canvas and not over a panel
    bool pressed = false, released = false, clicked = false;
    bool dragging = false;  // left button held and moved past the drag threshold
    Vec2 drag_delta;        // screen pixels since last frame
    float wheel_x = 0, wheel_y = 0;
    bool ctrl = false, shift = false;
    bool back_button = false, forward_button = false;
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
static int card_at(const AppContext& app, const CanvasCache& cc, Vec2 screen) {
    const Vec2 p = app.map.view.screen_to_canvas(screen);
    if (app.reading.selected >= 0 && app.map.layout.cards[app.reading.selected].contains(p))
        return app.reading.selected;
    for (int i = (int)app.map.layout.cards.size() - 1; i >= 0; --i)
        if (cc.visible[i] && app.map.layout.cards[i].contains(p)) return i;
    return -1;
}

// [SECTION] Edges ---------------------------------------------------------------------------------------------------

// The viewport's canvas_to_screen as a scale and an offset (see ScreenMap), read off the helpers.
static ScreenMap screen_map(const AppContext& app) {
    return {app.map.view.canvas_to_screen(Rect{0, 0, 1, 1}).w,
            to_imgui(app, app.map.view.canvas_to_screen(Vec2(0, 0)))};
}

// An edge's route as screen points, split into runs (starts[k] .. starts[k+1]) where segments leave `clip` (ImGui
// coordinates; nullptr: one run, the whole route). Near, horizontal-tangent cubic pieces through the layout's
// routing points; far out (cards are dots), the per-zoom simplified route in straight pieces (CanvasCache::far_pts,
// built for this zoom). `tip`: the route's end is in.
static void edge_route(const AppContext& app, const CanvasCache& cc, int e, const ScreenMap& map, bool far,
                       const ImRect* clip, Route& out) {
    out.pts.clear();
    out.starts.clear();
    out.tip = false;
    const Vec2* path = far ? cc.far_pts.data() + cc.far_first[e] : cc.pts.data() + cc.first[e];
    const int n = far ? cc.far_first[e + 1] - cc.far_first[e] : cc.first[e + 1] - cc.first[e];
    const bool ltr = app.map.layout.left_to_right;
    auto in = [clip](ImVec2 p, ImVec2 q) {
        return !clip || (std::max(p.x, q.x) >= clip->Min.x && std::min(p.x, q.x) <= clip->Max.x &&
                         std::max(p.y, q.y) >= clip->Min.y && std::min(p.y, q.y) <= clip->Max.y);
    };
    bool open = false;
    auto segment = [&](ImVec2 p, ImVec2 q) {  // long pieces run far off screen: only their near segments are kept
        if (!in(p, q)) {
            open = false;
            return;
        }
        if (!open) {
            out.starts.push_back((int)out.pts.size());
            out.pts.push_back(p);
            open = true;
        }
        out.pts.push_back(q);
    };
    ImVec2 a = n > 0 ? map(path[0]) : ImVec2();
    for (int j = 1; j < n; ++j) {
        const ImVec2 b = map(path[j]);
        if (j == n - 1) out.tip = in(b, b);
        if (!in(a, b)) {
            open = false;
            a = b;
            continue;
        }  // the curve stays inside its ends' box
        // As many segments as the curve needs on screen.
        const int segments = far ? 1 : std::clamp((int)(std::fabs(b.x - a.x) + std::fabs(b.y - a.y)) / 12, 1, 16);
        const float k = ltr ? (b.x - a.x) * 0.5f : (b.y - a.y) * 0.5f;
        const ImVec2 c1 = ltr ? ImVec2(a.x + k, a.y) : ImVec2(a.x, a.y + k);
        const ImVec2 c2 = ltr ? ImVec2(b.x - k, b.y) : ImVec2(b.x, b.y - k);
        ImVec2 prev = a;
        for (int s = 1; s < segments; ++s) {
            const float t = (float)s / segments, u = 1 - t;
            const ImVec2 q(u * u * u * a.x + 3 * u * u * t * c1.x + 3 * u * t * t * c2.x + t * t * t * b.x,
                           u * u * u * a.y + 3 * u * u * t * c1.y + 3 * u * t * t * c2.y + t * t * t * b.y);
            segment(prev, q);
            prev = q;
        }
        segment(prev, b);
        a = b;
    }
    out.starts.push_back((int)out.pts.size());
}

// The edge as the map reads it: the kind's reading in the arrow's direction (backward when the path runs to → from),
// its label, or for several links merged between folded groups their count.
static std::string edge_caption(const AppContext& app, int e) {
    const Content& c = *app.content;
    const Edge& ed = c.edges[e];
    const Layout& l = app.map.layout;
    if (e < (int)l.merged.size() && l.merged[e] > 1) return fill(tr(app, Str::kLinks), std::to_string(l.merged[e]));
    const bool rev = e < (int)l.reversed.size() && l.reversed[e];
    return ex::edge_caption(c, ed, app.reading.lang, " \u00b7 ", "", rev);
}

// A point `fraction` of the way along the part of the route on screen (labels go halfway, or nearby when taken).
static bool route_point(const Route& r, float fraction, ImVec2& out) {
    if (r.pts.empty()) return false;
    auto length = [&](int i) { return std::hypot(r.pts[i + 1].x - r.pts[i].x, r.pts[i + 1].y - r.pts[i].y); };
    float total = 0;
    for (size_t k = 0; k + 1 < r.starts.size(); ++k)
        for (int i = r.starts[k]; i + 1 < r.starts[k + 1]; ++i) total += length(i);
    out = r.pts[0];
    float left = total * fraction;
    for (size_t k = 0; k + 1 < r.starts.size(); ++k)
        for (int i = r.starts[k]; i + 1 < r.starts[k + 1]; ++i) {
            const float l = length(i);
            if (l > 0 && l >= left) {
                out = ImLerp(r.pts[i], r.pts[i + 1], left / l);
                return true;
            }
            left -= l;
        }
    return true;
}

// Draws an edge's label at the first of halfway, a third or two thirds along its route where it overlaps no label
// drawn before (`taken`); `always` draws it halfway when every place is taken (the hovered edge's).
static void draw_edge_label(AppContext& app, ImDrawList* dl, const Route& route, const std::string& text,
                            std::vector<ImRect>& taken, bool always) {
    const float size = 13.0f;
    const ImVec2 ts = app.font_regular->CalcTextSizeA(size, 1e9f, 0, text.c_str());
    ImVec2 mid;
    bool found = false;
    for (float fraction : {0.5f, 0.33f, 0.67f, 0.2f, 0.8f}) {
        if (!route_point(route, fraction, mid)) return;
        const ImRect box(mid.x - ts.x * 0.5f - 8, mid.y - ts.y * 0.5f - 5, mid.x + ts.x * 0.5f + 8,
                         mid.y + ts.y * 0.5f + 5);
        found = std::none_of(taken.begin(), taken.end(), [&](const ImRect& t) { return t.Overlaps(box); });
        if (found) break;
    }
    if (!found) {
        if (!always) return;
        route_point(route, 0.5f, mid);
    }
    const ImVec2 p0(mid.x - ts.x * 0.5f - 6, mid.y - ts.y * 0.5f - 3),
        p1(mid.x + ts.x * 0.5f + 6, mid.y + ts.y * 0.5f + 3);
    taken.push_back(ImRect(p0, p1));
    dl->AddRectFilled(p0, p1, app.theme.edge_label_bg, 6.0f);
    dl->AddRect(p0, p1, app.theme.card_border, 6.0f);
    dl->AddText(app.font_regular, size, ImVec2(p0.x + 6, p0.y + 3), app.theme.text, text.c_str());
}

// [SECTION] Cards ---------------------------------------------------------------------------------------------------

// Text is drawn at the zoomed size, rounded to whole pixels so the glyph cache sees few distinct sizes; Dear ImGui
// 1.92 rasterises each size at the framebuffer scale, which keeps it sharp at any zoom and on HiDPI screens.
static float text_px(float base, float zoom) { return std::round(base * zoom); }

// The fold control of a card with parts, at its bottom left (screen space): "+ 4 parts" or "- fold".
static bool fold_control(const AppContext& app, int i, Rect& out) {
    if (i < 0 || i >= (int)app.map.folds.parts.size() || app.map.folds.parts[i].empty() || app.map.layout.lanes.empty())
        return false;
    const float z = app.map.view.cam.zoom;
    const Rect r = app.map.view.canvas_to_screen(app.map.layout.cards[i]);
    const float h = 20.0f * z, pad = 16.0f * z;
    if (h < 8.0f) return false;
    out = {r.x + pad, r.bottom() - h - 7.0f * z, 96.0f * z, h};
    return true;
}

// A lanes card: its whole title, wrapped (the layout made the card tall enough), and the fold control; the summary
// is in the tooltip and the detail panel. Records the title's size and whether all of it was drawn (state()).
static void draw_lane_card(AppContext& app, ImDrawList* dl, int i, float alpha, const Rect& r, ImVec2 p0, ImVec2 p1) {
    const Content& c = *app.content;
    const Theme& th = app.theme;
    const float z = app.map.view.cam.zoom;
    const float pad = 10.0f * z + std::max(3.0f, 6.0f * z);
    const float wrap = r.w - pad - std::max(4.0f, 10.0f * z);
    const float title_px = text_px(16.0f, z);
    Rect fold;
    const bool has_fold = fold_control(app, i, fold);
    const float bottom = (has_fold ? fold.y - p0.y + app.map.canvas_origin.y : r.h) - 2.0f * z;
    if (title_px < 5.0f || wrap < 20.0f) {
        app.map.title_px[i] = 0;
        app.map.title_cut[i] = 1;
        return;
    }
    dl->PushClipRect(p0, p1, true);
    const ImVec2 tpos(p0.x + pad, p0.y + 9.0f * z);
    bool cut = false;
    draw_text_wrapped(dl, app.font_bold, title_px, tpos, with_alpha(th.title, alpha), app_text(app, c.nodes[i].title),
                      wrap, bottom - 9.0f * z + 2.0f, &cut);
    app.map.title_px[i] = title_px;
    app.map.title_cut[i] = cut;
    if (has_fold) {
        const bool open = app.map.unfolded[i];
        const int parts = app.map.folds.nested[i];
        const std::string label = open         ? tr(app, Str::kFoldGroup)
                                  : parts == 1 ? tr(app, Str::kOnePart)
                                               : fill(tr(app, Str::kParts), std::to_string(parts));
        const float size = std::min(fold.h - 2.0f, std::max(11.0f, std::round(12.0f * z)));
        const ImVec2 ts = app.font_regular->CalcTextSizeA(size, 1e9f, 0, label.c_str());
        const ImVec2 f0 = to_imgui(app, fold.min());
        const ImVec2 f1(f0.x + ts.x + 14.0f * z, f0.y + fold.h);
        const bool hover = ImGui::IsMouseHoveringRect(f0, f1) && app.map.hovered == i;
        if (hover && !touch_input()) app.map.fold_hover = i;
        dl->AddRectFilled(
            f0, f1, with_alpha(hover ? mix(th.card_bg, th.selection, 0.25f) : mix(th.card_bg, th.muted, 0.15f), alpha),
            fold.h * 0.5f);
        dl->AddText(app.font_regular, size, ImVec2(f0.x + 7.0f * z, f0.y + (fold.h - size) * 0.5f),
                    with_alpha(th.text, alpha), label.c_str());
    }
    dl->PopClipRect();
}

static void draw_card(AppContext& app, ImDrawList* dl, int i, float alpha) {
    const Content& c = *app.content;
    const Node& n = c.nodes[i];
    const Theme& th = app.theme;
    const Rect r = app.map.view.canvas_to_screen(app.map.layout.cards[i]);
    const ImVec2 p0 = to_imgui(app, r.min()), p1 = to_imgui(app, r.max());
    const float z = app.map.view.cam.zoom;
    const float round = 10.0f * z < 1.0f ? 0.0f : std::min(10.0f * z, 10.0f);  // sub-pixel corners: plain rects
    const ImU32 accent = category_colour(th, c, n.category_index);

    if (r.w < 14.0f) {  // a whole big map on screen: cards are coloured dots, one rectangle each
        const bool marked = i == app.reading.selected || i == app.map.focused;
        dl->AddRectFilled(p0, p1, with_alpha(marked ? th.selection : accent, alpha));
        return;
    }
    // A note (lanes' notes categories) reads as a note on the map, not a claim: no shadow, paler, a dashed edge.
    const bool note = !app.map.layout.lanes.empty() && is_note(app, i);
    if (!note)
        dl->AddRectFilled(ImVec2(p0.x + 2, p0.y + 3), ImVec2(p1.x + 2, p1.y + 3), with_alpha(th.card_shadow, alpha),
                          round);
    dl->AddRectFilled(p0, p1, with_alpha(note ? mix(th.card_bg, th.canvas_bg, 0.6f) : th.card_bg, alpha), round);
    if (!note)
        dl->AddRectFilled(p0, ImVec2(p0.x + std::max(3.0f, 6.0f * z), p1.y), with_alpha(accent, alpha), round,
                          ImDrawFlags_RoundCornersLeft);
    const bool selected = i == app.reading.selected, focused = i == app.map.focused && !selected;
    const bool hit = std::find(app.reading.search_results.begin(), app.reading.search_results.end(), i) !=
                     app.reading.search_results.end();
    ImU32 border = th.card_border;
    float border_w = 1.0f;
    if (hit) {
        border = th.search_hit;
        border_w = 2.5f;
    }
    if (i == app.map.hovered) {
        border = mix(border, th.title, 0.35f);
        border_w = std::max(border_w, 1.5f);
    }
    if (selected) {
        border = th.selection;
        border_w = 3.0f;
    }
    if (note && border_w == 1.0f) {
        const ImVec2 outline[5] = {p0, ImVec2(p1.x, p0.y), p1, ImVec2(p0.x, p1.y), p0};
        draw_styled_polyline(dl, outline, 5, with_alpha(mix(border, th.muted, 0.7f), alpha), 1.2f, EdgeStyle::Dashed,
                             false);
    } else {
        dl->AddRect(p0, p1, with_alpha(border, alpha), round, 0, border_w);
    }
    if (focused) dl->AddRect(ImVec2(p0.x - 4, p0.y - 4), ImVec2(p1.x + 4, p1.y + 4), th.search_hit, round + 4, 0, 2.0f);
    if (!app.map.layout.lanes.empty()) {
        draw_lane_card(app, dl, i, alpha, r, p0, p1);
        return;
    }

    // Text: the title always (zoomed out it keeps a legible minimum size and wraps inside the card), the summary
    // once there is room for it.
    const float pad = 10.0f * z + std::max(3.0f, 6.0f * z);
    const float wrap = r.w - pad - std::max(4.0f, 10.0f * z);
    const float title_px = std::max(text_px(15.0f, z), std::min(11.0f, r.h * 0.3f));
    if (title_px < 6.0f || wrap < 30.0f) return;
    dl->PushClipRect(p0, p1, true);
    const ImVec2 tpos(p0.x + pad, p0.y + std::max(3.0f, 8.0f * z));
    const float bottom = p1.y - tpos.y;
    bool cut = false;
    const float title_h = draw_text_wrapped(dl, app.font_bold, title_px, tpos, with_alpha(th.title, alpha),
                                            app_text(app, n.title), wrap, bottom, &cut);
    app.map.title_px[i] = title_px;
    app.map.title_cut[i] = cut;
    if (z >= 0.75f)
        draw_text_wrapped(dl, app.font_regular, text_px(12.5f, z), ImVec2(tpos.x, tpos.y + title_h + 3.0f * z),
                          with_alpha(th.text, alpha), app_text(app, n.summary), wrap, bottom - title_h);
    dl->PopClipRect();
}

// Far out every card is a coloured dot (as draw_card draws it): one reservation for all of them instead of a call
// each. Returns false, drawing nothing, when cards are big enough to be cards.
static bool draw_dots(const AppContext& app, const CanvasCache& cc, ImDrawList* dl, const std::vector<char>& lit,
                      const Rect& cull) {
    const Content& c = *app.content;
    const Theme& th = app.theme;
    const std::vector<Rect>& cards = app.map.layout.cards;
    if (cards.empty() || app.map.view.canvas_to_screen(cards[0]).w >= 14.0f) return false;
    ImU32 lit_col[2][2], muted[2];  // [dimmed][marked]
    for (int d = 0; d < 2; ++d) {
        lit_col[d][1] = with_alpha(th.selection, d ? 0.3f : 1.0f);
        muted[d] = with_alpha(th.muted, d ? 0.3f : 1.0f);
    }
    std::vector<ImU32> accent(c.categories.size() * 2);
    for (size_t k = 0; k < c.categories.size(); ++k)
        for (int d = 0; d < 2; ++d) accent[k * 2 + d] = with_alpha(category_colour(th, c, int(k)), d ? 0.3f : 1.0f);
    const int n = (int)cards.size();
    dl->PrimReserve(n * 6, n * 4);
    int drawn = 0;
    for (int i = 0; i < n; ++i) {
        if (i == app.reading.selected || !cc.visible[i] || !cards[i].intersects(cull)) continue;
        const Rect r = app.map.view.canvas_to_screen(cards[i]);
        const int dim = lit[i] ? 0 : 1, cat = cc.category[i];
        const ImU32 col = i == app.map.focused ? lit_col[dim][1] : cat >= 0 ? accent[cat * 2 + dim] : muted[dim];
        dl->PrimRect(to_imgui(app, r.min()), to_imgui(app, r.max()), col);
        ++drawn;
    }
    dl->PrimUnreserve((n - drawn) * 6, (n - drawn) * 4);
    return true;
}

// Each lane's name in its colour above its cards; it stays at the top of the view while the lane is on screen
// (below the panels there), so a reader panning down still knows which step of the argument they are in.
// Drawn after the cards: a header held at the top sits over the cards scrolling under it, on a band of the
// canvas colour so that neither shows through the other.
static void draw_lane_headers(AppContext& app, ImDrawList* dl) {
    const Content& c = *app.content;
    const Theme& th = app.theme;
    const float z = app.map.view.cam.zoom;
    const float size = std::max(12.0f, text_px(17.0f, z));
    for (const LaneBox& lane : app.map.layout.lanes) {
        const Rect box = app.map.view.canvas_to_screen(lane.box);
        if (box.right() < 0 || box.x > app.map.view.size.x || box.bottom() < 0 || box.y > app.map.view.size.y) continue;
        float top_cover = 0;  // a panel at the top over this lane (the title bar): the header waits below it
        for (const Rect& r : app.map.covers)
            if (r.y < 40 && r.x < box.right() && box.x < r.right()) top_cover = std::max(top_cover, r.bottom());
        const float y = std::clamp(top_cover + 4.0f, box.y, std::max(box.y, box.bottom() - size * 2.0f));
        const ImU32 colour = category_colour(th, c, lane.category);
        const std::string label = lane.category >= 0 ? app_text(app, c.categories[lane.category].label) : "";
        const ImVec2 p = to_imgui(app, Vec2(box.x, y));
        if (y > box.y + 0.5f)  // held: cards pass under it
            dl->AddRectFilled(ImVec2(p.x - 4.0f, p.y - 4.0f), ImVec2(p.x + box.w + 4.0f, p.y + size * 1.35f + 6.0f),
                              with_alpha(th.canvas_bg, 0.96f));
        dl->AddRectFilled(ImVec2(p.x, p.y + size * 1.35f),
                          ImVec2(p.x + box.w, p.y + size * 1.35f + std::max(2.0f, 3.0f * z)), colour);
        dl->PushClipRect(p, ImVec2(p.x + box.w, p.y + size * 1.6f), true);
        dl->AddText(app.font_bold, size, p, mix(colour, th.title, 0.35f), label.c_str());
        dl->PopClipRect();
    }
}

// A lanes card shows only its title: the summary comes on hover (not on touch, where hovering is a tap).
static void draw_card_tooltip(const AppContext& app, int hovered_edge) {
    if (app.map.layout.lanes.empty() || app.map.hovered < 0 || hovered_edge >= 0 || app.map.dragging >= 0 ||
        touch_input())
        return;
    if (app.map.fold_hover == app.map.hovered) {  // what the control does, with the parts' titles
        if (!ImGui::BeginTooltip()) return;
        ImGui::TextDisabled("%s", tr(app, app.map.unfolded[app.map.hovered] ? Str::kFoldTip : Str::kUnfoldTip));
        if (!app.map.unfolded[app.map.hovered])
            for (int p : app.map.folds.parts[app.map.hovered])
                ImGui::BulletText("%s", app_text(app, app.content->nodes[p].title).c_str());
        ImGui::EndTooltip();
        return;
    }
    if (ImGui::GetIO().MouseDownDuration[0] >= 0 || !ImGui::IsMouseHoveringRect(ImVec2(0, 0), ImVec2(1e9f, 1e9f)))
        return;
    const Node& n = app.content->nodes[app.map.hovered];
    if (n.summary.empty() || !ImGui::BeginTooltip()) return;
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24.0f);
    ImGui::TextUnformatted(app_text(app, n.summary).c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

// Zooming in past this unfolds the folded groups on screen (a reader who zooms wants the detail).
constexpr float kUnfoldZoom = 1.35f;

static void unfold_by_zoom(AppContext& app, float zoom_before) {
    if (app.map.layout.lanes.empty() || !(zoom_before < kUnfoldZoom && app.map.view.cam.zoom >= kUnfoldZoom)) return;
    const Rect visible = app.map.view.visible_canvas();
    bool changed = false;
    for (size_t i = 0; i < app.map.unfolded.size(); ++i)
        if (!app.map.unfolded[i] && !app.map.folds.parts[i].empty() && app.map.layout.shown_as[i] == (int)i &&
            visible.contains(app.map.layout.cards[i].center())) {
            app.map.unfolded[i] = 1;
            changed = true;
        }
    if (changed) app_relayout(app, true);
}

// [SECTION] draw_canvas ---------------------------------------------------------------------------------------------

static void apply_input(AppContext& app, const CanvasCache& cc, const CanvasInput& in) {
    const ImGuiIO& io = ImGui::GetIO();
    // Wheel: ctrl (or a trackpad pinch, which browsers report as ctrl+wheel) zooms around the pointer; otherwise pan.
    if (in.wheel_y != 0 || in.wheel_x != 0) {
        if (in.ctrl) app_zoom_at(app, in.mouse, std::pow(1.15f, in.wheel_y));
        else if (in.shift) app_pan(app, Vec2(in.wheel_y * 60.0f, 0));
        else app_pan(app, Vec2(in.wheel_x * 60.0f, in.wheel_y * 60.0f));
    }
    if (app.map.pinched) {  // the rest of a two-finger gesture: no tap, no drag
        if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) app.map.pinched = false;
        app.map.dragging = -1;
        return;
    }
    if (in.pressed) {
        app.map.dragging = card_at(app, cc, in.mouse);
        app.map.drag_moved = false;
    }
    if (in.dragging) {
        app.map.flight.active = false;
        if (app.map.dragging >= 0) {
            app.map.drag_moved = true;
            const Rect card = app.map.layout.cards[app.map.dragging];
            const Vec2 d = in.drag_delta / app.map.view.cam.zoom;
            move_card(app.map.layout, *app.content, app.map.dragging, Vec2(card.x + d.x, card.y + d.y));
        } else {
            app_pan(app, in.drag_delta);
        }
    }
    if (in.clicked) {
        const int hit = card_at(app, cc, in.mouse);
        Rect fold;
        if (hit >= 0 && fold_control(app, hit, fold) && fold.expanded(4.0f).contains(in.mouse))
            app_set_unfolded(app, hit, !app.map.unfolded[hit]);
        else if (hit >= 0) app_select_index(app, hit, true);
        else app_clear_selection(app);
    }
    if (in.released && app.map.dragging >= 0 && app.map.drag_moved)
        app_edit_card_moved(app, app.map.dragging);  // edit mode keeps it
    if (in.released || !ImGui::IsMouseDown(ImGuiMouseButton_Left)) app.map.dragging = -1;
    if (in.back_button) app_back(app);
    if (in.forward_button) app_forward(app);
    (void)io;
}

// Edges, under the cards; returns the edge under the pointer (-1: none). Only pieces near the screen are built.
// Far out (cards are dots) routes come simplified to half a pixel and straight from the per-zoom cache; when cards
// are smaller than an arrowhead, edges other than the selection's are plain lines. 1 px lines are written directly
// (edge_draw.h).
static int draw_edges(AppContext& app, CanvasCache& cc, ImDrawList* dl, const CanvasInput& in) {
    const Theme& th = app.theme;
    const float zoom = app.map.view.cam.zoom;
    const float card_px = app.map.layout.cards.empty() ? 0 : app.map.view.canvas_to_screen(app.map.layout.cards[0]).w;
    const bool far = card_px < 14.0f, tiny = card_px < 7.0f;  // 14: as draw_card turns cards into dots
    // Half a pixel in canvas units, snapped down to quarter octaves: a zoom gesture re-simplifies every ~19 %, not
    // every frame.
    if (far) simplify_routes(cc, std::exp2(std::floor(std::log2(0.5f / zoom) * 4.0f) / 4.0f));
    const ScreenMap map = screen_map(app);
    const Rect cull =
        app.map.view.visible_canvas().expanded(16.0f / zoom);  // an arrowhead: a tip just off screen shows
    const ImRect clip(to_imgui(app, app.map.view.canvas_to_screen(cull.min())),
                      to_imgui(app, app.map.view.canvas_to_screen(cull.max())));
    const bool pick = in.hovered && app.map.hovered < 0;
    const Vec2 mouse = app.map.view.screen_to_canvas(in.mouse);
    const Rect pick_box = Rect{mouse.x, mouse.y, 0, 0}.expanded(7.0f / zoom);
    const ImVec2 mouse_px = to_imgui(app, in.mouse);
    const bool thin_ok = thin_lines_available(dl);
    const float arrow = std::clamp(10.0f * zoom, 6.0f, 12.0f);
    Route& route = app.map.scratch.route;
    std::vector<ImVec2>& tail = app.map.scratch.tail;
    int hovered_edge = -1;
    float best = 7.0f;
    // The selected card's edges stand out and the rest go quiet; without a selection, the hovered card's do.
    const int focus = app.reading.selected >= 0 ? app.reading.selected : app.map.hovered;
    for (int e = 0; e < (int)cc.from.size(); ++e) {
        if (!cc.shows(e) || !cc.box[e].intersects(cull)) continue;
        const bool touches = focus >= 0 && (cc.from[e] == focus || cc.to[e] == focus);
        // Lanes at the overview: edges to the next lane a little quiet, so the cards read first; edges that cross
        // lanes between (their lines run behind other cards) and notes' links quieter still. Hovering or
        // selecting a card brings its own edges out. Upright screens, where lines cross between rows, quieter.
        float rest = 1.0f;
        if (!app.map.layout.lanes.empty()) {
            const int span = std::abs(app.map.layout.layer[cc.from[e]] - app.map.layout.layer[cc.to[e]]);
            const bool note = is_note(app, cc.from[e]) || is_note(app, cc.to[e]);
            rest = span > 1 || note ? 0.16f : app.map.layout.left_to_right ? 0.6f : 0.35f;
        }
        const ImU32 col =
            with_alpha(touches ? mix(th.edge, th.selection, 0.55f) : th.edge, touches                     ? 1.0f
                                                                              : focus < 0                 ? rest
                                                                              : app.reading.selected >= 0 ? 0.18f
                                                                                                          : 0.3f);
        const float w = std::clamp(1.6f * zoom, 1.0f, 2.5f) * (touches ? 1.4f : 1.0f);
        const bool thin = thin_ok && w == 1.0f;
        const bool plain = tiny && !touches;
        const EdgeStyle style = plain ? EdgeStyle::Solid : cc.style[e];
        const bool near_mouse = pick && cc.box[e].intersects(pick_box);
        if (far && thin && style == EdgeStyle::Solid) {  // the cached route as is: far out, it is short on screen
            const int first = cc.far_first[e], n = cc.far_first[e + 1] - first;
            thin_polyline(dl, &cc.far_pts[first], &cc.far_join[first], n, map, col);
            if (plain && !near_mouse) continue;
            tail.clear();
            for (int i = near_mouse ? 0 : std::max(0, n - 4); i < n; ++i) tail.push_back(map(cc.far_pts[first + i]));
            if (!plain) draw_arrowhead(dl, tail.data(), (int)tail.size(), col, arrow);
            const float d = near_mouse ? distance_to_polyline(tail.data(), (int)tail.size(), mouse_px) : best;
            if (d < best) {
                best = d;
                hovered_edge = e;
            }
            continue;
        }
        edge_route(app, cc, e, map, far, &clip, route);
        const int runs = (int)route.starts.size() - 1;
        for (int k = 0; k < runs; ++k) {
            const ImVec2* run = &route.pts[route.starts[k]];
            const int count = route.starts[k + 1] - route.starts[k];
            draw_styled_polyline(dl, run, count, col, w, style, thin);
            if (k == runs - 1 && route.tip && !plain) draw_arrowhead(dl, run, count, col, arrow);
            const float d = near_mouse ? distance_to_polyline(run, count, mouse_px) : best;
            if (d < best) {
                best = d;
                hovered_edge = e;
            }
        }
    }
    return hovered_edge;
}

// Labels of the selection's edges (when readable) and of the hovered edge.
static void draw_edge_labels(AppContext& app, const CanvasCache& cc, ImDrawList* dl, int hovered_edge) {
    const ScreenMap map = screen_map(app);
    const ImRect screen(app.map.canvas_origin, to_imgui(app, app.map.view.size));
    Route& route = app.map.scratch.route;
    std::vector<ImRect>& taken =
        app.map.scratch.taken;  // labels never cover each other (phones: many edges, little room)
    taken.clear();
    auto label = [&](int e, bool always) {
        if (!cc.shows(e)) return;
        edge_route(app, cc, e, map, false, &screen, route);
        draw_edge_label(app, dl, route, edge_caption(app, e), taken, always);
    };
    if (hovered_edge >= 0) label(hovered_edge, true);
    if (app.reading.selected >= 0 && app.map.view.cam.zoom >= 0.45f)
        for (int e : cc.node_edges[app.reading.selected])
            if (e != hovered_edge) label(e, false);
    app.map.edge_labels.clear();
    for (const ImRect& r : taken) app.map.edge_labels.push_back(Rect{r.Min.x, r.Min.y, r.GetWidth(), r.GetHeight()});
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
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoNav |
                     ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
    app.map.canvas_origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    app.map.view.size = Vec2(std::max(avail.x, 1.0f), std::max(avail.y, 1.0f));
    ImGui::InvisibleButton("##map", ImVec2(app.map.view.size.x, app.map.view.size.y),
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
    const bool item_hovered = ImGui::IsItemHovered(), item_active = ImGui::IsItemActive();
    const bool item_released = ImGui::IsItemDeactivated();  // the button lets go on the frame the mouse is released

    if (!app.content) {
        ImGui::End();
        return;
    }
    app_follow_view(app);  // the view has its size: lanes follow its shape, and the first fit settles

    CanvasCache& cc = app.map.cache;
    update_canvas_cache(cc, app);
    const CanvasInput in = read_input(app, item_hovered, item_active, item_released);
    const float zoom_before = app.map.view.cam.zoom;
    apply_input(app, cc, in);
    unfold_by_zoom(app, zoom_before);
    update_canvas_cache(cc, app);
    if (app.map.dragging >= 0) update_canvas_cache(cc, app);  // the drag re-routed the card's edges
    app.map.hovered = in.hovered ? card_at(app, cc, in.mouse) : -1;
    if (app.map.hovered >= 0 || app.map.dragging >= 0) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Content& c = *app.content;
    // With a selection, its neighbours stay lit and everything else dims.
    std::vector<char>& lit = app.map.scratch.lit;
    lit.assign(c.nodes.size(), app.reading.selected < 0 ? 1 : 0);
    if (app.reading.selected >= 0) {
        lit[app.reading.selected] = 1;
        for (int e : cc.node_edges[app.reading.selected]) lit[cc.from[e]] = lit[cc.to[e]] = 1;
    }
    // While cards move to a new layout their edges wait (they are routed for where the cards end up).
    const int hovered_edge = app.map.hovered_edge = app.map.relayout_start >= 0 ? -1 : draw_edges(app, cc, dl, in);

    // Cards: dimmed ones first, the selection last (on top).
    app.map.title_px.assign(c.nodes.size(), 0.0f);
    app.map.title_cut.assign(c.nodes.size(), 0);
    app.map.fold_hover = -1;
    const Rect visible = app.map.view.visible_canvas();
    if (!draw_dots(app, cc, dl, lit, visible))
        for (size_t i = 0; i < c.nodes.size(); ++i)
            if ((int)i != app.reading.selected && cc.visible[i] && app.map.layout.cards[i].intersects(visible))
                draw_card(app, dl, (int)i, lit[i] ? 1.0f : 0.3f);
    if (app.reading.selected >= 0 && cc.visible[app.reading.selected]) draw_card(app, dl, app.reading.selected, 1.0f);
    draw_lane_headers(app, dl);

    if (app.map.relayout_start < 0) draw_edge_labels(app, cc, dl, hovered_edge);
    draw_card_tooltip(app, hovered_edge);
    if (hovered_edge >= 0 && !touch_input() && ImGui::BeginTooltip()) {  // the edge as a sentence: A / reads / B
        const bool rev = hovered_edge < (int)app.map.layout.reversed.size() && app.map.layout.reversed[hovered_edge];
        const int first = rev ? cc.to[hovered_edge] : cc.from[hovered_edge];
        const int second = rev ? cc.from[hovered_edge] : cc.to[hovered_edge];
        ImGui::PushFont(app.font_bold, 0.0f);
        ImGui::TextUnformatted(app_text(app, c.nodes[first].title).c_str());
        ImGui::PopFont();
        ImGui::TextDisabled("%s", edge_caption(app, hovered_edge).c_str());
        ImGui::PushFont(app.font_bold, 0.0f);
        ImGui::TextUnformatted(app_text(app, c.nodes[second].title).c_str());
        ImGui::PopFont();
        ImGui::EndTooltip();
    }
    ImGui::End();
}

}  // namespace ex
