// panels.cpp — everything drawn over the map: top bar with search, legend/filter, detail panel, tour card,
// minimap, shortcut help and the problems list.
//
// Index
//   [SECTION] Helpers
//   [SECTION] Top bar         title, search + results, tours, fit, theme, help
//   [SECTION] Legend          categories, doubling as a filter
//   [SECTION] Detail panel    the selected node: text, citations, connections, history
//   [SECTION] Tour card
//   [SECTION] Minimap
//   [SECTION] Help and problems
#include <algorithm>
#include <cstdio>
#include <cstdlib>  // [author] atoi in draw_problems

#include <imgui_internal.h>  // the line's text offset (colour chips), the pressed window (touch scrolling)

#include "core/export_html.h"
#include "core/navigation.h"
#include "core/strings.h"
#include "ui/app.h"
#include "ui/canvas_cache.h"
#include "ui/edge_draw.h"
#include "ui/text.h"

namespace ex {

// [SECTION] Helpers -------------------------------------------------------------------------------------------------

static constexpr ImGuiWindowFlags kPanelFlags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                                ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoTitleBar |
                                                ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoFocusOnAppearing;

static bool narrow_screen() { return ImGui::GetMainViewport()->WorkSize.x < 720.0f; }

// A phone (or a map read top to bottom) folds the legend to a button in the title bar, so the map keeps the screen.
static bool legend_folds(const AppContext& app) {
    return narrow_screen() || (!app.map.layout.lanes.empty() && !app.map.layout.left_to_right);
}

static constexpr float kSheetShare = 0.48f;     // of the height, for the phone's detail sheet
static constexpr float kMinimapWidth = 200.0f;  // the minimap's map area (plus 12 px of padding)
static float detail_width() { return std::min(400.0f, ImGui::GetMainViewport()->WorkSize.x * 0.36f); }

// Ends a panel that sits over the map, noting where it is so that Fit keeps the cards out from under it (and, by
// `name`, for state()); returns the panel's bottom edge (ImGui coordinates).
static float end_panel(AppContext& app, std::string name) {
    const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    if (size.x > 1 && size.y > 1) {
        app.map.covers.push_back(
            Rect{pos.x - app.map.canvas_origin.x, pos.y - app.map.canvas_origin.y, size.x, size.y});
        app.ui_rects.push_back(UiRect{std::move(name), Rect{pos.x, pos.y, size.x, size.y}});
    }
    ImGui::End();
    return pos.y + size.y;
}

void note_item(AppContext& app, std::string name) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    app.ui_rects.push_back(UiRect{std::move(name), Rect{a.x, a.y, b.x - a.x, b.y - a.y}});
}

// Hover tooltips are for a mouse: a finger has no hover, and a tooltip left by a tap covers what it tapped.
static bool hover_tip() {
    return ImGui::GetIO().MouseSource != ImGuiMouseSource_TouchScreen &&
           ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled);
}

// A colour square centred on the text of the line it is on (after a checkbox or a button, that text sits lower
// than the line's top by the frame padding).
static void colour_chip(ImU32 colour, float size) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    p.y += ImGui::GetCurrentWindow()->DC.CurrLineTextBaseOffset;
    const float h = ImGui::GetTextLineHeight();
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + (h - size) * 0.5f),
                                              ImVec2(p.x + size, p.y + (h + size) * 0.5f), colour, 3.0f);
    ImGui::Dummy(ImVec2(size, h));
}

// Touch screens have no wheel: a finger that went down anywhere on the panel (its header, text or a link) and moves
// scrolls the current window with it. Once it scrolls, whatever it pressed lets go (the press becomes the window's,
// as a press on empty space is), so lifting the finger opens nothing. The map never sees the drag.
static void touch_scroll() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    ImGuiWindow* pressed = g.ActiveIdWindow;
    if (g.IO.MouseSource != ImGuiMouseSource_TouchScreen || !ImGui::IsMouseDragging(ImGuiMouseButton_Left, 6.0f) ||
        !pressed || pressed->RootWindow != ImGui::GetCurrentWindow()->RootWindow)
        return;
    ImGui::SetScrollY(ImGui::GetScrollY() - g.IO.MouseDelta.y);
    if (g.ActiveId != pressed->MoveId) ImGui::SetActiveID(pressed->MoveId, pressed);
}

static void wrapped(const std::string& text) { text_wrapped(text); }

// A node name drawn as a link; returns true when chosen. `marked`: the keyboard's place in a list.
static bool node_link(AppContext& app, int node, const char* id_suffix, bool marked = false) {
    ImGui::PushID(node);
    ImGui::PushID(id_suffix);
    const ImU32 accent = category_colour(app.theme, *app.content, app.content->nodes[node].category_index);
    colour_chip(accent, 10.0f);
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, app.theme.link);
    // A faint tint of the link colour behind a hovered or marked link keeps the text readable (ImGui's mid blue
    // under a dark blue link did not).
    ImGui::PushStyleColor(ImGuiCol_Header, with_alpha(app.theme.link, 0.16f));
    ImGui::PushStyleColor(ImGuiCol_HeaderHovered, with_alpha(app.theme.link, 0.12f));
    ImGui::PushStyleColor(ImGuiCol_HeaderActive, with_alpha(app.theme.link, 0.22f));
    const bool chosen =
        ImGui::Selectable(app_text(app, app.content->nodes[node].title).c_str(), marked, ImGuiSelectableFlags_None);
    ImGui::PopStyleColor(4);
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImGui::PopID();
    ImGui::PopID();
    return chosen;
}

// Where the panel named `name` was last frame, in screen space (relative to the canvas); false when not drawn.
static bool last_rect(const AppContext& app, const char* name, Rect& out) {
    for (const UiRect& r : app.ui_rects)
        if (r.name == name) {
            out = Rect{r.rect.x - app.map.canvas_origin.x, r.rect.y - app.map.canvas_origin.y, r.rect.w, r.rect.h};
            return true;
        }
    return false;
}

Rect app_reading_area(const AppContext& app) {
    const Vec2 size = app.map.view.size;
    Rect area{0, 0, size.x, size.y};
    Rect r;
    if (size.x < 720.0f) {  // the detail panel is a sheet over the lower part, the title bar spans the top
        area.h = size.y * (1.0f - kSheetShare);
        if (last_rect(app, "topbar", r)) area = Rect{0, r.bottom(), size.x, area.h - r.bottom()};
    } else {  // the detail panel is the right-hand column
        area.w = size.x - detail_width() - 16.0f;
    }
    if (last_rect(app, "tour", r) && r.y > area.y + area.h * 0.5f) area.h = std::min(area.h, r.y - area.y);
    if (area.w < 40.0f || area.h < 40.0f) return Rect{0, 0, size.x, size.y};  // too little left: the whole view
    return area;
}

// [SECTION] Top bar -------------------------------------------------------------------------------------------------

// While the search box is active, ArrowDown/Up move through the results (ImGui's keyboard navigation would leave
// the box for the list, then the buttons) and Enter opens the marked one.
static void search_keys(AppContext& app) {
    const int count = (int)app.reading.search_results.size();
    if (ImGui::IsItemActive() && count > 0) {
        ImGui::SetItemKeyOwner(ImGuiKey_DownArrow);
        ImGui::SetItemKeyOwner(ImGuiKey_UpArrow);
        const int was = app.reading.search_cursor;
        if (ImGui::IsKeyPressed(ImGuiKey_DownArrow))
            app.reading.search_cursor = std::min(app.reading.search_cursor + 1, count - 1);
        if (ImGui::IsKeyPressed(ImGuiKey_UpArrow))
            app.reading.search_cursor = std::max(app.reading.search_cursor - 1, 0);
        if (was != app.reading.search_cursor) {
            app.reading.search_cursor_moved = true;
            app.reading.search_folded = false;
        }
    }
    // Enter ends the box's activation in the same frame, so it is read while the box still has the focus.
    if (ImGui::IsItemFocused() && (ImGui::IsKeyPressed(ImGuiKey_Enter) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter)) &&
        count > 0) {
        app.reading.search_cursor = std::clamp(app.reading.search_cursor, 0, count - 1);
        app.reading.search_folded = true;
        app_select_index(app, app.reading.search_results[app.reading.search_cursor], true);
    }
}

// The web page's own buttons (Copy link, ...) get a slot at the end of the top bar's button row, the size the
// platform measured, so they sit inside the bar and never over the app's text; the platform moves them there.
// Embedded, the page has no buttons.
static void page_toolbar_slot(AppContext& app) {
    app.page_toolbar_slot = Rect{};
    if (app.config.embed || !app.config.hooks.page_covers) return;
    const ImVec2 size = app.config.hooks.page_covers();
    if (size.x <= 0 || size.y <= 0) return;
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < size.x) ImGui::NewLine();
    ImGui::Dummy(size);
    const ImVec2 at = ImGui::GetItemRectMin();
    app.page_toolbar_slot = Rect{at.x, at.y, size.x, size.y};
    note_item(app, "page_toolbar");
}

// Once a result is opened the list folds to its count line, so it never sits over the card it opened; typing again
// or "Show" unfolds it.
static void draw_search_results(AppContext& app) {
    if (app.reading.search_query.empty()) return;
    if (app.reading.search_results.empty()) {
        ImGui::TextDisabled(tr(app, Str::kNoMatch), app.reading.search_query.c_str());
        return;
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled(tr(app, Str::kFoundCount), (int)app.reading.search_results.size());
    if (app.reading.search_folded) {
        ImGui::SameLine();
        if (ImGui::SmallButton(tr(app, Str::kShowResults))) app.reading.search_folded = false;
        return;
    }
    // As tall as its rows (a selectable is a text line; rows are an item spacing apart), up to 260 px.
    const float rows = (float)app.reading.search_results.size();
    const float h = rows * ImGui::GetTextLineHeight() + (rows - 1) * ImGui::GetStyle().ItemSpacing.y;
    ImGui::BeginChild("##results", ImVec2(0, std::min(260.0f, h)), ImGuiChildFlags_None);
    touch_scroll();
    for (int k = 0; k < (int)app.reading.search_results.size(); ++k) {
        const int n = app.reading.search_results[k];
        const bool marked = k == app.reading.search_cursor;
        if (node_link(app, n, "result", marked)) {
            app.reading.search_cursor = k;
            app.reading.search_folded = true;
            app_select_index(app, n, true);
        }
        if (marked && app.reading.search_cursor_moved) ImGui::SetScrollHereY();
    }
    app.reading.search_cursor_moved = false;
    ImGui::EndChild();
}

// The folded legend: a button at the end of the title bar's buttons that opens the legend below the bar. It says when
// categories are hidden (the map is missing cards); its arrow points where the list goes (a ▶ read as "play").
static void legend_toggle(AppContext& app) {
    const int hidden = (int)std::count(app.reading.hidden_category.begin(), app.reading.hidden_category.end(), true);
    const std::string label = (hidden > 0 ? std::string(tr(app, Str::kLegend)) + " " +
                                                fill(tr(app, Str::kHiddenCount), std::to_string(hidden))
                                          : std::string(tr(app, Str::kLegend))) +
                              "     ##legend";
    const float w = ImGui::CalcTextSize(label.c_str(), nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < w) ImGui::NewLine();
    if (ImGui::Button(label.c_str())) app.reading.legend_open = !app.reading.legend_open;
    const ImVec2 max = ImGui::GetItemRectMax(), min = ImGui::GetItemRectMin();
    const float h = ImGui::GetFontSize();
    ImGui::RenderArrow(ImGui::GetWindowDrawList(),
                       ImVec2(max.x - ImGui::GetStyle().FramePadding.x - h * 0.9f, (min.y + max.y) * 0.5f - h * 0.5f),
                       ImGui::GetColorU32(ImGuiCol_Text), app.reading.legend_open ? ImGuiDir_Up : ImGuiDir_Down, 0.8f);
    note_item(app, "legend.toggle");
}

// Returns the bar's bottom edge (ImGui coordinates): on a narrow screen the legend goes below it.
static float draw_top_bar(AppContext& app) {
    const Content& c = *app.content;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float width = narrow_screen() ? vp->WorkSize.x - 16.0f : std::min(420.0f, vp->WorkSize.x * 0.4f);
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + 8, vp->WorkPos.y + 8));
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    ImGui::Begin("##topbar", nullptr, kPanelFlags | ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::PushFont(app.font_bold, 19.0f);
    wrapped(app_text(app, c.meta.title));
    ImGui::PopFont();
    if (!c.meta.subtitle.empty() && !narrow_screen()) {
        ImGui::PushStyleColor(ImGuiCol_Text, app.theme.muted);
        wrapped(app_text(app, c.meta.subtitle));
        ImGui::PopStyleColor();
    }

    char buf[256];
    std::snprintf(buf, sizeof(buf), "%s", app.reading.search_query.c_str());
    if (app.reading.focus_search) {
        ImGui::SetKeyboardFocusHere();
        app.reading.focus_search = false;
    }
    ImGui::SetNextItemWidth(-1);
    // '/' focuses the box a frame or two later; letters typed meanwhile were kept (shortcuts.cpp) and go in now,
    // after whatever the activation selected.
    auto take_pending = [](ImGuiInputTextCallbackData* d) {
        AppContext& a = *static_cast<AppContext*>(d->UserData);
        if (a.reading.search_fresh_focus) {
            d->SelectionStart = d->SelectionEnd = d->CursorPos = d->BufTextLen;
            if (!a.reading.pending_search.empty()) d->InsertChars(d->CursorPos, a.reading.pending_search.c_str());
            a.reading.pending_search.clear();
            a.reading.search_fresh_focus = false;
        }
        return 0;
    };
    if (ImGui::InputTextWithHint("##search", tr(app, Str::kSearchHint), buf, sizeof(buf),
                                 ImGuiInputTextFlags_EscapeClearsAll | ImGuiInputTextFlags_CallbackAlways, take_pending,
                                 &app))
        app_set_search(app, buf);
    note_item(app, "search");
    search_keys(app);
    draw_search_results(app);

    // Tours, fit, theme, language, keys and (for authors) edit on one row, then the page's own buttons.
    if (!c.tours.empty()) {
        if (ImGui::Button(tr(app, Str::kTour))) ImGui::OpenPopup("##tours");
        note_item(app, "topbar.tour");
        // Below its button, not over it (a popup opens at the pointer by default).
        ImGui::SetNextWindowPos(ImVec2(ImGui::GetItemRectMin().x, ImGui::GetItemRectMax().y + 2));
        if (ImGui::BeginPopup("##tours")) {
            for (size_t t = 0; t < c.tours.size(); ++t) {
                ImGui::PushID((int)t);
                if (ImGui::Selectable(app_text(app, c.tours[t].title).c_str())) app_start_tour(app, c.tours[t].id);
                note_item(app, "tours:" + c.tours[t].id);
                ImGui::PopID();
            }
            ImGui::EndPopup();
        }
        ImGui::SameLine();
    }
    if (ImGui::Button(tr(app, Str::kFit))) app_fit(app, true);
    note_item(app, "topbar.fit");
    ImGui::SameLine();
    if (app.map.folds.any()) {  // one button: unfold everything while something is folded, then fold it all again
        bool folded = false;
        for (size_t i = 0; i < app.map.unfolded.size() && !folded; ++i)
            folded = !app.map.folds.parts[i].empty() && !app.map.unfolded[i];
        if (ImGui::Button(tr(app, folded ? Str::kUnfoldAll : Str::kFoldAll))) app_unfold_all(app, folded);
        ImGui::SameLine();
    }
    if (ImGui::Button(tr(app, app.theme.dark ? Str::kLight : Str::kDark))) app_set_theme(app, !app.theme.dark);
    note_item(app, "topbar.theme");
    // The language switch only where the other language has the content's text: in a file with one language it
    // would change the buttons alone.
    const char* other_lang = is_chinese(app.reading.lang) ? "en" : "zh";
    if (export_language(c, other_lang) == other_lang) {
        ImGui::SameLine();
        if (ImGui::Button(tr(app, Str::kLanguageSwitch))) app_set_lang(app, other_lang);
        note_item(app, "topbar.lang");
    }
    // A phone has no keyboard to list; readers are not editors (AppConfig::authoring).
    if (!narrow_screen()) {
        ImGui::SameLine();
        if (ImGui::Button(tr(app, Str::kKeys))) app.reading.show_help = true;
        note_item(app, "topbar.keys");
    }
    if (app.config.authoring && !app_editing(app)) {
        ImGui::SameLine();
        if (ImGui::Button(tr(app, Str::kEdit))) app_open_editor(app);
        note_item(app, "topbar.edit");
    }
    page_toolbar_slot(app);
    if (legend_folds(app)) legend_toggle(app);
    return end_panel(app, "topbar");
}

// [SECTION] Legend --------------------------------------------------------------------------------------------------

// The key to the map's lines: each style drawn, with the readings of the kinds this map uses in it.
static void draw_line_key(AppContext& app) {
    const Content& c = *app.content;
    const EdgeStyle styles[] = {EdgeStyle::Solid, EdgeStyle::Dashed, EdgeStyle::Dotted};
    const char* names[] = {"solid", "dashed", "dotted"};
    std::vector<char> used(c.edge_kinds.size(), 0);
    for (const Edge& e : c.edges)
        if (e.kind_index >= 0) used[e.kind_index] = 1;
    bool heading = false;
    for (int s = 0; s < 3; ++s) {
        std::string kinds;
        for (size_t k = 0; k < c.edge_kinds.size(); ++k)
            if (used[k] && c.edge_kinds[k].style == names[s])
                kinds += (kinds.empty() ? "" : tr(app, Str::kMdListSeparator)) + app_text(app, c.edge_kinds[k].forward);
        if (kinds.empty()) continue;
        if (!heading) {
            ImGui::Spacing();
            ImGui::TextDisabled("%s", tr(app, Str::kLineStyles));
            heading = true;
        }
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetTextLineHeight();
        const ImVec2 line[2] = {ImVec2(p.x + 2, p.y + h * 0.5f), ImVec2(p.x + 30, p.y + h * 0.5f)};
        draw_styled_polyline(ImGui::GetWindowDrawList(), line, 2, app.theme.edge, 1.8f, styles[s], false);
        ImGui::Dummy(ImVec2(34, h));
        ImGui::SameLine();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 220.0f);
        ImGui::TextUnformatted(kinds.c_str());
        ImGui::PopTextWrapPos();
    }
}

// On a narrow screen (a phone) the legend sits below the title bar, folded into the bar's "Legend" button until the
// reader opens it, so that the map keeps most of the screen.
static void draw_legend(AppContext& app, float top_bar_bottom) {
    const Content& c = *app.content;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    // A map read top to bottom keeps the legend under the title bar, folded into its button, as a phone does.
    const bool narrow = legend_folds(app);
    if (narrow && (app.reading.selected >= 0 || !app.reading.legend_open))
        return;  // folded; or the detail sheet needs the room
    // Wide screens: the bottom right corner, where a map that reads left to right and top to bottom ends, so the
    // top of every lane stays clear; phones: under the title bar.
    if (narrow)
        ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - 8, top_bar_bottom + 8), 0, ImVec2(1, 0));
    else
        ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - 8, vp->WorkPos.y + vp->WorkSize.y - 8), 0,
                                ImVec2(1, 1));
    ImGui::Begin("##legend", nullptr, kPanelFlags | ImGuiWindowFlags_AlwaysAutoResize);
    if (app.reading.selected >= 0 && !narrow) {  // the detail panel takes this corner; the legend folds away
        ImGui::End();                            // folded away: covers nothing
        return;
    }
    ImGui::TextDisabled("%s", tr(app, Str::kShow));
    for (size_t i = 0; i < c.categories.size(); ++i) {
        ImGui::PushID((int)i);
        bool shown = !app.reading.hidden_category[i];
        ImGui::PushStyleColor(ImGuiCol_CheckMark, category_colour(app.theme, c, (int)i));
        if (ImGui::Checkbox("##show", &shown)) app_toggle_category(app, (int)i);
        ImGui::PopStyleColor();
        ImGui::SameLine();
        colour_chip(category_colour(app.theme, c, (int)i), 12.0f);
        ImGui::SameLine();
        ImGui::TextUnformatted(app_text(app, c.categories[i].label).c_str());
        if (hover_tip() && !c.categories[i].description.empty())
            ImGui::SetTooltip("%s", app_text(app, c.categories[i].description).c_str());
        ImGui::PopID();
    }
    draw_line_key(app);
    end_panel(app, "legend");
}

// [SECTION] Detail panel --------------------------------------------------------------------------------------------

// Breadcrumbs: the places visited on the way here, oldest first, ending with the current card as plain text. They
// get `width` and no more: older crumbs give way first (a leading "…" says some did) and long titles are cut, so
// the trail never runs under the close button.
static void draw_trail(AppContext& app, float width) {
    const auto& trail = app.reading.history.trail();
    const float pad = ImGui::GetStyle().FramePadding.x * 2, gap = 2.0f;
    const float sep = ImGui::CalcTextSize(">").x + gap * 2, more = ImGui::CalcTextSize("\u2026").x + gap * 2;
    const float cap = std::max(width * 0.45f, 48.0f);  // one earlier crumb takes at most this, so a few show
    struct Crumb {
        int node;
        std::string label;
    };
    std::vector<Crumb> shown;
    float used = 0;
    size_t left = 0;  // crumbs older than the shown ones
    for (size_t i = trail.size(); i-- > 0;) {
        const int n = app.content->node_index(trail[i]);
        if (n < 0) continue;
        const bool current = n == app.reading.selected;
        const float room = width - used - (shown.empty() ? 0.0f : sep) - (i > 0 ? more : 0.0f);
        // The current card takes what it needs, but leaves the last place before it some room when there is one.
        const float own = current ? (i > 0 ? std::max(width * 0.6f, width - cap - sep) : room) : cap - pad;
        const std::string label =
            text_fit(app_text(app, app.content->nodes[n].title), std::min(own, room - (current ? 0 : pad)));
        if (label.empty()) {
            left = i + 1;
            break;
        }
        used += ImGui::CalcTextSize(label.c_str()).x + (current ? 0 : pad) + (shown.empty() ? 0.0f : sep);
        shown.push_back(Crumb{n, label});
    }
    if (shown.empty()) return;
    const float x0 = ImGui::GetCursorScreenPos().x;
    if (left > 0) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled("\u2026");
        ImGui::SameLine(0, gap);
    }
    for (size_t k = shown.size(); k-- > 0;) {
        const Crumb& cr = shown[k];
        if (k + 1 < shown.size()) {
            ImGui::SameLine(0, gap);
            ImGui::TextDisabled(">");
            ImGui::SameLine(0, gap);
        }
        ImGui::PushID((int)k);
        if (cr.node == app.reading.selected) {
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(cr.label.c_str());
            note_item(app, "detail.trail.current");
        } else if (ImGui::SmallButton(cr.label.c_str())) {
            app_select_index(app, cr.node, true);
        }
        ImGui::PopID();
    }
    const float x1 = ImGui::GetItemRectMax().x;
    app.ui_rects.push_back(
        UiRect{"detail.trail", Rect{x0, ImGui::GetItemRectMin().y, x1 - x0, ImGui::GetItemRectSize().y}});
}

// ◀ ▶, the trail and x: the panel's header, which never scrolls away.
static void draw_history_bar(AppContext& app) {
    ImGui::BeginDisabled(!app.reading.history.can_back());
    if (ImGui::ArrowButton("##back", ImGuiDir_Left)) app_back(app);
    ImGui::EndDisabled();
    note_item(app, "detail.back");
    if (hover_tip()) ImGui::SetTooltip("%s", tr(app, Str::kBackTip));
    ImGui::SameLine();
    ImGui::BeginDisabled(!app.reading.history.can_forward());
    if (ImGui::ArrowButton("##forward", ImGuiDir_Right)) app_forward(app);
    ImGui::EndDisabled();
    note_item(app, "detail.forward");
    if (hover_tip()) ImGui::SetTooltip("%s", tr(app, Str::kForwardTip));
    ImGui::SameLine();
    const float close_w = ImGui::GetFrameHeight(), spacing = ImGui::GetStyle().ItemSpacing.x;
    const float right = ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x;  // where x ends
    draw_trail(app, ImGui::GetContentRegionAvail().x - close_w - spacing);
    ImGui::SameLine();
    ImGui::SetCursorPosX(right - close_w);
    if (ImGui::Button("x##close", ImVec2(close_w, 0))) app_clear_selection(app);
    note_item(app, "detail.close");
    if (hover_tip()) ImGui::SetTooltip("%s", tr(app, Str::kCloseTip));
}

static void draw_citations(AppContext& app, const Node& n) {
    const Content& c = *app.content;
    ImGui::TextDisabled("%s", tr(app, Str::kFromSource));
    for (size_t k = 0; k < n.citations.size(); ++k) {
        const Citation& cit = n.citations[k];
        ImGui::PushID((int)k);
        const SourceSection* sec = c.find_section_of(cit.paragraph);
        const SourceParagraph* para = c.find_paragraph(cit.paragraph);
        std::string head = sec ? app_text(app, sec->heading) : cit.paragraph;
        // The colon in the reading language: a full-width one in Chinese, with no space after it.
        if (!cit.quote.empty())
            head += std::string(tr(app, Str::kMdColon)) + (is_chinese(app.reading.lang) ? "" : " ") + "\u201C" +
                    app_text(app, cit.quote) + "\u201D";
        ImGui::PushStyleColor(ImGuiCol_Text, app.theme.text);
        wrapped(head);
        ImGui::PopStyleColor();
        auto it = std::find(app.reading.open_passages.begin(), app.reading.open_passages.end(), cit.paragraph);
        const bool open = it != app.reading.open_passages.end();
        if (ImGui::SmallButton(tr(app, open ? Str::kHidePassage : Str::kShowPassage))) {
            if (open) app.reading.open_passages.erase(it);
            else app.reading.open_passages.push_back(cit.paragraph);
        }
        if (open && para) {
            ImGui::Indent();
            ImGui::PushStyleColor(ImGuiCol_Text, app.theme.muted);
            wrapped(app_text(app, para->text));
            ImGui::PopStyleColor();
            ImGui::Unindent();
        }
        ImGui::PopID();
    }
}

static void draw_detail(AppContext& app) {
    if (app.reading.selected < 0) {
        app.reading.detail_shown = -1;
        return;
    }
    const Content& c = *app.content;
    const Node& n = c.nodes[app.reading.selected];
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    if (narrow_screen()) {  // phones: a bottom sheet
        const float h = vp->WorkSize.y * kSheetShare;
        ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x, vp->WorkPos.y + vp->WorkSize.y - h));
        ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x, h));
    } else {
        const float w = detail_width();
        ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - w - 8, vp->WorkPos.y + 8));
        ImGui::SetNextWindowSize(ImVec2(w, vp->WorkSize.y - 16));
    }
    ImGui::Begin("##detail", nullptr, kPanelFlags | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    draw_history_bar(app);
    ImGui::Separator();
    // The body scrolls under the header; a card opened from a link starts at its top, not where the last one was.
    if (app.reading.detail_shown != app.reading.selected) ImGui::SetNextWindowScroll(ImVec2(0, 0));
    app.reading.detail_shown = app.reading.selected;
    ImGui::BeginChild("##body", ImVec2(0, 0), ImGuiChildFlags_NavFlattened);
    touch_scroll();
    if (n.category_index >= 0) {
        colour_chip(category_colour(app.theme, c, n.category_index), 12.0f);
        ImGui::SameLine();
        ImGui::TextDisabled("%s", app_text(app, c.categories[n.category_index].label).c_str());
    }
    ImGui::PushFont(app.font_bold, 22.0f);
    wrapped(app_text(app, n.title));
    ImGui::PopFont();
    note_item(app, "detail.title");
    ImGui::PushFont(app.font_bold, 16.0f);
    ImGui::PushStyleColor(ImGuiCol_Text, app.theme.text);
    wrapped(app_text(app, n.summary));
    ImGui::PopStyleColor();
    ImGui::PopFont();
    for (const Text& p : n.body) {
        ImGui::Spacing();
        wrapped(app_text(app, p));
    }
    if (!n.tags.empty()) {
        ImGui::Spacing();
        std::string tags;
        for (const Text& t : n.tags) tags += (tags.empty() ? "#" : "   #") + app_text(app, t);
        ImGui::PushStyleColor(ImGuiCol_Text, app.theme.muted);
        wrapped(tags);
        ImGui::PopStyleColor();
    }
    ImGui::Spacing();
    if (ImGui::SmallButton(tr(app, Str::kCopyText))) app_copy_node_text(app, app.reading.selected);
    if (app.now < app.status_until) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", app.status.c_str());
    }
    ImGui::Separator();
    draw_citations(app, n);
    ImGui::Separator();
    for (const auto& group : grouped_neighbours(c, app.reading.selected, app.reading.lang)) {
        ImGui::TextDisabled("%s", group.first.c_str());
        for (const Neighbour& nb : group.second) {
            const bool chosen = node_link(app, nb.node, group.first.c_str());
            note_item(app, "detail.link:" + c.nodes[nb.node].id);
            if (chosen) app_select_index(app, nb.node, true);
        }
    }
    ImGui::EndChild();
    note_item(app, "detail.body");
    end_panel(app, "detail");
}

// [SECTION] Tour card -----------------------------------------------------------------------------------------------

// Left of the map's centre on a wide screen, clear of the minimap (bottom left) and the detail panel (right).
static void draw_tour(AppContext& app) {
    if (app.reading.tour.tour < 0) return;
    const Tour& tour = app.content->tours[app.reading.tour.tour];
    const TourStep& step = tour.steps[app.reading.tour.step];
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const bool narrow = narrow_screen();
    const bool sheet = narrow && app.reading.selected >= 0;
    const float minimap_right = app.config.embed ? 8.0f : 8.0f + kMinimapWidth + 12.0f + 8.0f;
    const float detail_w = app.reading.selected >= 0 ? detail_width() + 16.0f : 8.0f;
    const float w =
        narrow ? vp->WorkSize.x - 16.0f : std::max(240.0f, std::min(520.0f, vp->WorkSize.x - minimap_right - detail_w));
    const float bottom = sheet ? vp->WorkSize.y * kSheetShare + 8 : 12.0f;
    const float left = narrow ? 8.0f : std::max(minimap_right, (vp->WorkSize.x - w) * 0.5f - 200.0f);
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + left, vp->WorkPos.y + vp->WorkSize.y - bottom), 0, ImVec2(0, 1));
    ImGui::SetNextWindowSize(ImVec2(w, 0));
    ImGui::Begin("##tour", nullptr, kPanelFlags | ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::PushFont(app.font_bold, 0.0f);
    ImGui::Text("%s", app_text(app, tour.title).c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::TextDisabled("%d / %d", app.reading.tour.step + 1, (int)tour.steps.size());
    // The reader opened a card that is not this step's (a link, ◀, the map): the caption would describe another
    // card, so the card says so and offers the way back.
    const bool off = step.node_index >= 0 && app.reading.selected != step.node_index;
    if (off) {
        ImGui::PushStyleColor(ImGuiCol_Text, app.theme.muted);
        wrapped(tr(app, Str::kOffTour));
        ImGui::PopStyleColor();
        if (ImGui::Button(tr(app, Str::kBackToTour))) app_tour_step(app, 0);
        note_item(app, "tour.back");
    } else {
        wrapped(app_text(app, step.caption));
        ImGui::BeginDisabled(app.reading.tour.step == 0);
        if (ImGui::Button(tr(app, Str::kPrevious))) app_tour_step(app, -1);
        ImGui::EndDisabled();
        ImGui::SameLine();
        const bool last = app.reading.tour.step + 1 >= (int)tour.steps.size();
        if (ImGui::Button(tr(app, last ? Str::kFinish : Str::kNext))) {
            if (last) app_stop_tour(app);
            else app_tour_step(app, +1);
        }
        note_item(app, "tour.next");
    }
    ImGui::SameLine();
    if (app.reading.tour.tour >= 0 && ImGui::Button(tr(app, Str::kEndTour))) app_stop_tour(app);
    end_panel(app, "tour");
}

// [SECTION] Minimap -------------------------------------------------------------------------------------------------

static void draw_minimap(AppContext& app) {
    if (narrow_screen()) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const Rect b = app.map.layout.bounds;
    if (b.w <= 0 || b.h <= 0) return;
    if (app.map.view.visible_canvas().expanded(1.0f).contains(b)) return;  // all of the map is on screen already
    const float w = kMinimapWidth, h = std::clamp(w * b.h / b.w, 60.0f, 160.0f);
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + 8, vp->WorkPos.y + vp->WorkSize.y - 8), 0, ImVec2(0, 1));
    ImGui::SetNextWindowSize(ImVec2(w + 12, h + 12));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(6, 6));
    ImGui::Begin("##minimap", nullptr, kPanelFlags | ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleVar();
    const ImVec2 o = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##mini", ImVec2(w, h));
    const float s = std::min(w / b.w, h / b.h);
    const ImVec2 off(o.x + (w - b.w * s) * 0.5f, o.y + (h - b.h * s) * 0.5f);
    auto map = [&](Vec2 p) { return ImVec2(off.x + (p.x - b.x) * s, off.y + (p.y - b.y) * s); };
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Content& c = *app.content;
    for (size_t i = 0; i < c.nodes.size(); ++i) {
        if (!app_node_visible(app, (int)i)) continue;
        const Rect& r = app.map.layout.cards[i];
        const ImU32 col = category_colour(app.theme, c, c.nodes[i].category_index);
        dl->AddRectFilled(map(r.min()), map(r.max()), (int)i == app.reading.selected ? app.theme.selection : col);
    }
    const Rect v = app.map.view.visible_canvas();
    dl->AddRect(map(v.min()), map(v.max()), app.theme.title, 2.0f, 0, 1.5f);
    if (ImGui::IsItemActive() && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        const ImVec2 m = ImGui::GetIO().MousePos;
        app_center_on(app, Vec2(b.x + (m.x - off.x) / s, b.y + (m.y - off.y) / s));
    }
    if (hover_tip()) ImGui::SetTooltip("%s", tr(app, Str::kClickToJump));
    end_panel(app, "minimap");
}

// [SECTION] Help and problems ---------------------------------------------------------------------------------------

static void draw_help(AppContext& app) {
    const std::string title = std::string(tr(app, Str::kShortcutsTitle)) + "###help";
    if (app.reading.show_help) ImGui::OpenPopup(title.c_str());
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal(title.c_str(), &app.reading.show_help, ImGuiWindowFlags_AlwaysAutoResize)) {
        static const Str rows[][2] = {
            {Str::kKeyTab, Str::kKeyTabDoes},
            {Str::kKeyArrows, Str::kKeyArrowsDoes},
            {Str::kKeyShiftArrows, Str::kKeyShiftArrowsDoes},
            {Str::kKeyEnter, Str::kKeyEnterDoes},
            {Str::kKeyEsc, Str::kKeyEscDoes},
            {Str::kKeyAltArrows, Str::kKeyAltArrowsDoes},
            {Str::kKeySlash, Str::kKeySlashDoes},
            {Str::kKeyPlusMinus, Str::kKeyPlusMinusDoes},
            {Str::kKeyCtrlWheel, Str::kKeyCtrlWheelDoes},
            {Str::kKeyF, Str::kKeyFDoes},
            {Str::kKeyT, Str::kKeyTDoes},
            {Str::kKeyCtrlC, Str::kKeyCtrlCDoes},
            {Str::kKeyQuestion, Str::kKeyQuestionDoes},
        };
        // Two columns by hand (the key column as wide as its widest key): a table would bring ImGui's whole tables
        // module into the browser download for this one popup.
        ImGui::PushFont(app.font_bold, 0.0f);
        float key_w = 0;
        for (auto& r : rows) key_w = std::max(key_w, ImGui::CalcTextSize(tr(app, r[0])).x);
        ImGui::PopFont();
        const float x0 = ImGui::GetCursorPosX(), gap = ImGui::GetStyle().ItemSpacing.x * 2;
        for (auto& r : rows) {
            ImGui::PushFont(app.font_bold, 0.0f);
            ImGui::TextUnformatted(tr(app, r[0]));
            ImGui::PopFont();
            ImGui::SameLine(x0 + key_w + gap);
            ImGui::TextUnformatted(tr(app, r[1]));
        }
        // Esc or "?" again close it too (not on the frame the "?" that opened it is still pressed). Closed, it gives
        // the keyboard back to the map with no focus ring left on a button: the card's ring is the only one.
        const ImGuiIO& io = ImGui::GetIO();
        const bool key_close =
            !ImGui::IsWindowAppearing() && (ImGui::IsKeyPressed(ImGuiKey_Escape, false) ||
                                            (io.KeyShift && ImGui::IsKeyPressed(ImGuiKey_Slash, false)));
        if (ImGui::Button(tr(app, Str::kClose)) || key_close) {
            app.reading.show_help = false;
            ImGui::CloseCurrentPopup();
            ImGui::SetWindowFocus(nullptr);
            ImGui::SetNavCursorVisible(false);
        }
        ImGui::EndPopup();
    }
}

static void draw_problems(AppContext& app) {
    bool any_error = false;
    for (const Problem& p : app.problems) any_error |= p.severity == Severity::Error;
    if (!any_error) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->GetCenter().x, vp->WorkPos.y + 8), 0, ImVec2(0.5f, 0));
    ImGui::SetNextWindowSize(ImVec2(std::min(640.0f, vp->WorkSize.x - 16), 0));
    ImGui::Begin("##problems", nullptr, kPanelFlags | ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(201, 42, 42, 255));
    ImGui::TextUnformatted(tr(app, app.content ? Str::kLoadFailedKept : Str::kLoadFailed));
    ImGui::PopStyleColor();
    const size_t shown = std::min<size_t>(app.problems.size(), 12);
    for (size_t i = 0; i < shown; ++i) {
        // [author] A problem at /nodes/N/... is a link to that card. After a failed reload the map still shows the
        // last good content, so N names the card at that place in it (the same one unless the save reordered nodes).
        const Problem& p = app.problems[i];
        int node = -1;
        if (app.content && p.pointer.size() > 7 && p.pointer.compare(0, 7, "/nodes/") == 0 && p.pointer[7] >= '0' &&
            p.pointer[7] <= '9') {
            node = std::atoi(p.pointer.c_str() + 7);
            if (node >= (int)app.content->nodes.size()) node = -1;
        }
        if (node < 0) {
            wrapped(format_problem(p));
            continue;
        }
        ImGui::PushStyleColor(ImGuiCol_Text, app.theme.link);
        wrapped(format_problem(p));
        ImGui::PopStyleColor();
        if (hover_tip()) {
            ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            ImGui::SetTooltip("%s",
                              fill(tr(app, Str::kShowOnMap), app_text(app, app.content->nodes[node].title)).c_str());
        }
        if (ImGui::IsItemClicked()) app_select_index(app, node, true);
    }
    if (app.problems.size() > shown) ImGui::TextDisabled(tr(app, Str::kAndMore), (int)(app.problems.size() - shown));
    if (ImGui::Button(tr(app, Str::kDismiss))) app.problems.clear();
    ImGui::End();
}

void draw_panels(AppContext& app) {
    app.map.covers.clear();
    app.ui_rects.clear();
    if (app.content) {
        if (!app.config.embed) {
            draw_legend(app, draw_top_bar(app));
            draw_minimap(app);
        }
        draw_detail(app);
        draw_tour(app);
        draw_editor(app);
        draw_help(app);
    }
    draw_problems(app);
}

}  // namespace ex
