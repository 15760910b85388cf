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

#include "core/navigation.h"
#include "core/strings.h"
#include "ui/app.h"
#include "ui/canvas_cache.h"
#include "ui/edge_draw.h"
#include "ui/text.h"

namespace ex {

// [SECTION] Helpers -------------------------------------------------------------------------------------------------


static constexpr ImGuiWindowFlags kPanelFlags =
    ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse |
    ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoFocusOnAppearing;

static bool narrow_screen() { return ImGui::GetMainViewport()->WorkSize.x < 720.0f; }

// Ends a panel that sits over the map, noting where it is so that Fit keeps the cards out from under it; returns
// the panel's bottom edge (ImGui coordinates).
static float end_panel(AppContext& app) {
    const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    if (size.x > 1 && size.y > 1)
        app.covers.push_back(Rect{pos.x - app.canvas_origin.x, pos.y - app.canvas_origin.y, size.x, size.y});
    ImGui::End();
    return pos.y + size.y;
}

static void colour_chip(ImU32 colour, float size) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + (h - size) * 0.5f),
                                              ImVec2(p.x + size, p.y + (h + size) * 0.5f), colour, 3.0f);
    ImGui::Dummy(ImVec2(size, h));
}

// Touch screens have no wheel: a finger dragged over a panel scrolls it.
static void touch_scroll() {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.MouseSource == ImGuiMouseSource_TouchScreen && ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows) &&
        ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f))
        ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
}

static void wrapped(const std::string& text) { text_wrapped(text); }

// Cuts at a UTF-8 character boundary.
static std::string shorten(const std::string& s, size_t max_bytes) {
    if (s.size() <= max_bytes) return s;
    size_t cut = max_bytes;
    while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80) --cut;
    return s.substr(0, cut) + "\u2026";
}

// A node name drawn as a link; returns true when chosen.
static bool node_link(AppContext& app, int node, const char* id_suffix) {
    ImGui::PushID(node);
    ImGui::PushID(id_suffix);
    const ImU32 accent = app.content->nodes[node].category_index >= 0
                             ? rgb_to_u32(app.content->categories[app.content->nodes[node].category_index].rgb)
                             : app.theme.muted;
    colour_chip(accent, 10.0f);
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, app.theme.link);
    const bool chosen = ImGui::Selectable(app_text(app, app.content->nodes[node].title).c_str(), false,
                                          ImGuiSelectableFlags_None);
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImGui::PopID();
    ImGui::PopID();
    return chosen;
}

// [SECTION] Top bar -------------------------------------------------------------------------------------------------

static void draw_search_results(AppContext& app) {
    if (app.search_query.empty()) return;
    if (app.search_results.empty()) {
        ImGui::TextDisabled(tr(app, Str::kNoMatch), app.search_query.c_str());
        return;
    }
    ImGui::TextDisabled(tr(app, Str::kFoundCount), (int)app.search_results.size());
    ImGui::BeginChild("##results", ImVec2(0, std::min(260.0f, 30.0f * app.search_results.size() + 8)), false);
    for (int n : app.search_results)
        if (node_link(app, n, "result")) app_select_index(app, n, true);
    ImGui::EndChild();
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
    std::snprintf(buf, sizeof(buf), "%s", app.search_query.c_str());
    if (app.focus_search) {
        ImGui::SetKeyboardFocusHere();
        app.focus_search = false;
    }
    ImGui::SetNextItemWidth(-1);
    // '/' focuses the box a frame or two later; letters typed meanwhile were kept (shortcuts.cpp) and go in now,
    // after whatever the activation selected.
    auto take_pending = [](ImGuiInputTextCallbackData* d) {
        AppContext& a = *static_cast<AppContext*>(d->UserData);
        if (a.search_fresh_focus) {
            d->SelectionStart = d->SelectionEnd = d->CursorPos = d->BufTextLen;
            if (!a.pending_search.empty()) d->InsertChars(d->CursorPos, a.pending_search.c_str());
            a.pending_search.clear();
            a.search_fresh_focus = false;
        }
        return 0;
    };
    if (ImGui::InputTextWithHint("##search", tr(app, Str::kSearchHint), buf, sizeof(buf),
                                 ImGuiInputTextFlags_EscapeClearsAll | ImGuiInputTextFlags_CallbackAlways, take_pending,
                                 &app))
        app_set_search(app, buf);
    if (ImGui::IsItemFocused() && ImGui::IsKeyPressed(ImGuiKey_Enter) && !app.search_results.empty())
        app_select_index(app, app.search_results.front(), true);
    draw_search_results(app);

    // Tours, fit, theme, help on one row.
    if (!c.tours.empty()) {
        if (ImGui::Button(tr(app, Str::kTour))) ImGui::OpenPopup("##tours");
        if (ImGui::BeginPopup("##tours")) {
            for (size_t t = 0; t < c.tours.size(); ++t) {
                ImGui::PushID((int)t);
                if (ImGui::Selectable(app_text(app, c.tours[t].title).c_str())) app_start_tour(app, c.tours[t].id);
                ImGui::PopID();
            }
            ImGui::EndPopup();
        }
        ImGui::SameLine();
    }
    if (ImGui::Button(tr(app, Str::kFit))) app_fit(app, true);
    ImGui::SameLine();
    if (app.folds.any()) {  // one button: unfold everything while something is folded, then fold it all again
        bool folded = false;
        for (size_t i = 0; i < app.unfolded.size() && !folded; ++i) folded = !app.folds.parts[i].empty() && !app.unfolded[i];
        if (ImGui::Button(tr(app, folded ? Str::kUnfoldAll : Str::kFoldAll))) app_unfold_all(app, folded);
        ImGui::SameLine();
    }
    if (ImGui::Button(tr(app, app.theme.dark ? Str::kLight : Str::kDark))) app_set_theme(app, !app.theme.dark);
    ImGui::SameLine();
    if (ImGui::Button(tr(app, Str::kLanguageSwitch))) app_set_lang(app, is_chinese(app.config.lang) ? "en" : "zh");
    ImGui::SameLine();
    if (ImGui::Button(tr(app, Str::kKeys))) app.show_help = true;
    ImGui::SameLine();
    if (!app.edit_mode && ImGui::Button(tr(app, Str::kEdit))) app_open_editor(app);
    return end_panel(app);
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

// On a narrow screen (a phone) the legend sits below the title bar, folded until the reader opens it, so that the
// map keeps most of the screen.
static void draw_legend(AppContext& app, float top_bar_bottom) {
    const Content& c = *app.content;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    // A map read top to bottom keeps the legend under the title bar, folded, as a phone does.
    const bool narrow = narrow_screen() || (!app.layout.lanes.empty() && !app.layout.left_to_right);
    if (narrow && app.selected >= 0) return;  // the detail sheet needs the room
    // Wide screens: the bottom right corner, where a map that reads left to right and top to bottom ends, so the
    // top of every lane stays clear; phones: under the title bar.
    if (narrow)
        ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - 8, top_bar_bottom + 8), 0, ImVec2(1, 0));
    else
        ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - 8, vp->WorkPos.y + vp->WorkSize.y - 8), 0,
                                ImVec2(1, 1));
    ImGui::Begin("##legend", nullptr, kPanelFlags | ImGuiWindowFlags_AlwaysAutoResize);
    if (app.selected >= 0 && !narrow) {  // the detail panel takes this corner; the legend folds away
        ImGui::End();  // folded away: covers nothing
        return;
    }
    if (narrow) {
        // Up/down, as a menu opens (a right arrow read as "play").
        const bool clicked = ImGui::ArrowButton("##fold", app.legend_open ? ImGuiDir_Up : ImGuiDir_Down);
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(tr(app, Str::kLegend));
        if (clicked || ImGui::IsItemClicked()) app.legend_open = !app.legend_open;
        if (!app.legend_open) {
            end_panel(app);
            return;
        }
    } else {
        ImGui::TextDisabled("%s", tr(app, Str::kShow));
    }
    for (size_t i = 0; i < c.categories.size(); ++i) {
        ImGui::PushID((int)i);
        bool shown = !app.hidden_category[i];
        ImGui::PushStyleColor(ImGuiCol_CheckMark, rgb_to_u32(c.categories[i].rgb));
        if (ImGui::Checkbox("##show", &shown)) app_toggle_category(app, (int)i);
        ImGui::PopStyleColor();
        ImGui::SameLine();
        colour_chip(rgb_to_u32(c.categories[i].rgb), 12.0f);
        ImGui::SameLine();
        ImGui::TextUnformatted(app_text(app, c.categories[i].label).c_str());
        if (ImGui::IsItemHovered() && !c.categories[i].description.empty())
            ImGui::SetTooltip("%s", app_text(app, c.categories[i].description).c_str());
        ImGui::PopID();
    }
    draw_line_key(app);
    end_panel(app);
}

// [SECTION] Detail panel --------------------------------------------------------------------------------------------

static void draw_history_bar(AppContext& app) {
    ImGui::BeginDisabled(!app.history.can_back());
    if (ImGui::ArrowButton("##back", ImGuiDir_Left)) app_back(app);
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", tr(app, Str::kBackTip));
    ImGui::SameLine();
    ImGui::BeginDisabled(!app.history.can_forward());
    if (ImGui::ArrowButton("##forward", ImGuiDir_Right)) app_forward(app);
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", tr(app, Str::kForwardTip));
    ImGui::SameLine();
    // Breadcrumbs: the last few places visited, oldest first.
    const auto& trail = app.history.trail();
    const size_t first = trail.size() > 4 ? trail.size() - 4 : 0;
    for (size_t i = first; i < trail.size(); ++i) {
        const int n = app.content->node_index(trail[i]);
        if (n < 0) continue;
        if (i > first) { ImGui::SameLine(0, 2); ImGui::TextDisabled(">"); ImGui::SameLine(0, 2); }
        ImGui::PushID((int)i);
        if (ImGui::SmallButton(shorten(app_text(app, app.content->nodes[n].title), 18).c_str()))
            app_select_index(app, n, true);
        ImGui::PopID();
    }
    ImGui::SameLine();
    const float close_w = ImGui::GetFrameHeight();
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - close_w);
    if (ImGui::Button("x##close", ImVec2(close_w, 0))) app.selected = -1;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(app, Str::kCloseTip));
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
        if (!cit.quote.empty()) head += ": \u201C" + app_text(app, cit.quote) + "\u201D";
        ImGui::PushStyleColor(ImGuiCol_Text, app.theme.text);
        wrapped(head);
        ImGui::PopStyleColor();
        auto it = std::find(app.open_passages.begin(), app.open_passages.end(), cit.paragraph);
        const bool open = it != app.open_passages.end();
        if (ImGui::SmallButton(tr(app, open ? Str::kHidePassage : Str::kShowPassage))) {
            if (open) app.open_passages.erase(it);
            else app.open_passages.push_back(cit.paragraph);
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
    if (app.selected < 0) return;
    const Content& c = *app.content;
    const Node& n = c.nodes[app.selected];
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    if (narrow_screen()) {  // phones: a bottom sheet
        const float h = vp->WorkSize.y * 0.48f;
        ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x, vp->WorkPos.y + vp->WorkSize.y - h));
        ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x, h));
    } else {
        const float w = std::min(400.0f, vp->WorkSize.x * 0.36f);
        ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - w - 8, vp->WorkPos.y + 8));
        ImGui::SetNextWindowSize(ImVec2(w, vp->WorkSize.y - 16));
    }
    ImGui::Begin("##detail", nullptr, kPanelFlags);
    touch_scroll();
    draw_history_bar(app);
    ImGui::Separator();
    if (n.category_index >= 0) {
        colour_chip(rgb_to_u32(c.categories[n.category_index].rgb), 12.0f);
        ImGui::SameLine();
        ImGui::TextDisabled("%s", app_text(app, c.categories[n.category_index].label).c_str());
    }
    ImGui::PushFont(app.font_bold, 22.0f);
    wrapped(app_text(app, n.title));
    ImGui::PopFont();
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
    if (ImGui::SmallButton(tr(app, Str::kCopyText))) {
        ImGui::SetClipboardText(app_node_text(app, app.selected).c_str());
        app.status = tr(app, Str::kCopied);
        app.status_until = app.now + 2.0;
    }
    if (app.now < app.status_until) { ImGui::SameLine(); ImGui::TextDisabled("%s", app.status.c_str()); }
    ImGui::Separator();
    draw_citations(app, n);
    ImGui::Separator();
    for (const auto& group : grouped_neighbours(c, app.selected, app.config.lang)) {
        ImGui::TextDisabled("%s", group.first.c_str());
        for (const Neighbour& nb : group.second)
            if (node_link(app, nb.node, group.first.c_str())) app_select_index(app, nb.node, true);
    }
    end_panel(app);
}

// [SECTION] Tour card -----------------------------------------------------------------------------------------------

static void draw_tour(AppContext& app) {
    if (app.tour.tour < 0) return;
    const Tour& tour = app.content->tours[app.tour.tour];
    const TourStep& step = tour.steps[app.tour.step];
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float w = std::min(520.0f, vp->WorkSize.x - 16.0f);
    const bool sheet = narrow_screen() && app.selected >= 0;
    const float bottom = sheet ? vp->WorkSize.y * 0.48f + 8 : 12.0f;
    const float left = narrow_screen() ? 8.0f : std::max(8.0f, (vp->WorkSize.x - w) * 0.5f - 200.0f);
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + left, vp->WorkPos.y + vp->WorkSize.y - bottom), 0, ImVec2(0, 1));
    ImGui::SetNextWindowSize(ImVec2(w, 0));
    ImGui::Begin("##tour", nullptr, kPanelFlags | ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::PushFont(app.font_bold, 0.0f);
    ImGui::Text("%s", app_text(app, tour.title).c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::TextDisabled("%d / %d", app.tour.step + 1, (int)tour.steps.size());
    wrapped(app_text(app, step.caption));
    ImGui::BeginDisabled(app.tour.step == 0);
    if (ImGui::Button(tr(app, Str::kPrevious))) app_tour_step(app, -1);
    ImGui::EndDisabled();
    ImGui::SameLine();
    const bool last = app.tour.step + 1 >= (int)tour.steps.size();
    if (ImGui::Button(tr(app, last ? Str::kFinish : Str::kNext))) {
        if (last) app_stop_tour(app);
        else app_tour_step(app, +1);
    }
    ImGui::SameLine();
    if (app.tour.tour >= 0 && ImGui::Button(tr(app, Str::kEndTour))) app_stop_tour(app);
    end_panel(app);
}

// [SECTION] Minimap -------------------------------------------------------------------------------------------------

static void draw_minimap(AppContext& app) {
    if (narrow_screen()) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const Rect b = app.layout.bounds;
    if (b.w <= 0 || b.h <= 0) return;
    if (app.view.visible_canvas().expanded(1.0f).contains(b)) return;  // all of the map is on screen already
    const float w = 200.0f, h = std::clamp(w * b.h / b.w, 60.0f, 160.0f);
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
        const Rect& r = app.layout.cards[i];
        const ImU32 col = c.nodes[i].category_index >= 0 ? rgb_to_u32(c.categories[c.nodes[i].category_index].rgb)
                                                         : app.theme.muted;
        dl->AddRectFilled(map(r.min()), map(r.max()), (int)i == app.selected ? app.theme.selection : col);
    }
    const Rect v = app.view.visible_canvas();
    dl->AddRect(map(v.min()), map(v.max()), app.theme.title, 2.0f, 0, 1.5f);
    if (ImGui::IsItemActive() && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        const ImVec2 m = ImGui::GetIO().MousePos;
        app.flight.active = false;
        app.view.cam.center = Vec2(b.x + (m.x - off.x) / s, b.y + (m.y - off.y) / s);
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(app, Str::kClickToJump));
    end_panel(app);
}

// [SECTION] Help and problems ---------------------------------------------------------------------------------------

static void draw_help(AppContext& app) {
    const std::string title = std::string(tr(app, Str::kShortcutsTitle)) + "###help";
    if (app.show_help) ImGui::OpenPopup(title.c_str());
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal(title.c_str(), &app.show_help, ImGuiWindowFlags_AlwaysAutoResize)) {
        static const Str rows[][2] = {
            {Str::kKeyTab, Str::kKeyTabDoes}, {Str::kKeyArrows, Str::kKeyArrowsDoes},
            {Str::kKeyShiftArrows, Str::kKeyShiftArrowsDoes}, {Str::kKeyEnter, Str::kKeyEnterDoes},
            {Str::kKeyEsc, Str::kKeyEscDoes}, {Str::kKeyAltArrows, Str::kKeyAltArrowsDoes},
            {Str::kKeySlash, Str::kKeySlashDoes}, {Str::kKeyPlusMinus, Str::kKeyPlusMinusDoes},
            {Str::kKeyCtrlWheel, Str::kKeyCtrlWheelDoes}, {Str::kKeyF, Str::kKeyFDoes}, {Str::kKeyT, Str::kKeyTDoes},
            {Str::kKeyCtrlC, Str::kKeyCtrlCDoes}, {Str::kKeyQuestion, Str::kKeyQuestionDoes},
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
        if (ImGui::Button(tr(app, Str::kClose))) { app.show_help = false; ImGui::CloseCurrentPopup(); }
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
        if (app.content && p.pointer.size() > 7 && p.pointer.compare(0, 7, "/nodes/") == 0 &&
            p.pointer[7] >= '0' && p.pointer[7] <= '9') {
            node = std::atoi(p.pointer.c_str() + 7);
            if (node >= (int)app.content->nodes.size()) node = -1;
        }
        if (node < 0) { wrapped(format_problem(p)); continue; }
        ImGui::PushStyleColor(ImGuiCol_Text, app.theme.link);
        wrapped(format_problem(p));
        ImGui::PopStyleColor();
        if (ImGui::IsItemHovered()) {
            ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            ImGui::SetTooltip("Show \"%s\" on the map", app_text(app, app.content->nodes[node].title).c_str());
        }
        if (ImGui::IsItemClicked()) app_select_index(app, node, true);
    }
    if (app.problems.size() > shown) ImGui::TextDisabled(tr(app, Str::kAndMore), (int)(app.problems.size() - shown));
    if (ImGui::Button(tr(app, Str::kDismiss))) app.problems.clear();
    ImGui::End();
}

void draw_panels(AppContext& app) {
    app.covers.clear();
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
