// shortcuts.cpp — the keyboard: every action of the explorer has a key (the "?" list in panels.cpp mirrors this).
#include <imgui_internal.h>  // ImTextCharToUtf8
#include <algorithm>

#include "core/navigation.h"
#include "core/strings.h"
#include "ui/app.h"

namespace ex {

static void move_focus(AppContext& app, int node) {
    if (node < 0) return;
    app.map.focused = node;
    // Keep the keyboard cursor on screen.
    const Rect r = app.map.view.canvas_to_screen(app.map.layout.cards[node]);
    if (r.x < 0 || r.y < 0 || r.right() > app.map.view.size.x || r.bottom() > app.map.view.size.y)
        app_fly_to(app, node);
}

static int next_in_order(const AppContext& app, int delta) {
    const int n = (int)app.map.order.size();
    if (n == 0) return -1;
    int pos = -1;
    const int from = app.map.focused >= 0 ? app.map.focused : app.reading.selected;
    for (int i = 0; i < n; ++i)
        if (app.map.order[i] == from) pos = i;
    for (int step = 1; step <= n; ++step) {  // skip cards hidden by the legend
        const int i = pos < 0 ? (delta > 0 ? step - 1 : n - step) : ((pos + delta * step) % n + n) % n;
        if (app_node_visible(app, app.map.order[i])) return app.map.order[i];
    }
    return -1;
}

// Whether stepping from `from` to `to` in reading order went round the end.
static bool wraps(const AppContext& app, int from, int to, int delta) {
    const auto at = [&](int node) {
        return int(std::find(app.map.order.begin(), app.map.order.end(), node) - app.map.order.begin());
    };
    return delta > 0 ? at(to) <= at(from) : at(to) >= at(from);
}

static void capture_typing(AppContext& app, ImWchar skip) {
    ImGuiIO& io = ImGui::GetIO();
    for (ImWchar ch : io.InputQueueCharacters) {
        if (ch == skip) continue;
        char utf8[5] = {};
        ImTextCharToUtf8(utf8, ch);
        app.reading.pending_search += utf8;
    }
    io.InputQueueCharacters.resize(0);
}

void handle_shortcuts(AppContext& app) {
    if (!app.content) return;
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;
    // Between '/' and the search box taking the focus (a frame or two) letters are search text, not shortcuts:
    // keep them for the box, which inserts them once active (panels.cpp).
    if (app.reading.search_fresh_focus && app.frames - app.reading.search_focus_frame < 4) {
        capture_typing(app, 0);
        return;
    }
    app.reading.search_fresh_focus = false;  // typing in the search box (Esc there clears it, a second Esc leaves it)
    if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return;
    const bool alt = io.KeyAlt, ctrl = io.KeyCtrl || io.KeySuper, shift = io.KeyShift;
    auto pressed = [](ImGuiKey k) { return ImGui::IsKeyPressed(k, true); };

    if (alt && pressed(ImGuiKey_LeftArrow)) {
        app_back(app);
        return;
    }
    if (alt && pressed(ImGuiKey_RightArrow)) {
        app_forward(app);
        return;
    }
    if (ctrl && ImGui::IsKeyPressed(ImGuiKey_C) && app.reading.selected >= 0) {
        app_copy_node_text(app, app.reading.selected);
        return;
    }
    if (ctrl && app_editing(app)) {
        if (ImGui::IsKeyPressed(ImGuiKey_Z) && !shift) app_undo(app);
        if (ImGui::IsKeyPressed(ImGuiKey_Y) || (ImGui::IsKeyPressed(ImGuiKey_Z) && shift)) app_redo(app);
        if (ImGui::IsKeyPressed(ImGuiKey_S)) app_save(app);
    }
    if (ctrl || alt) return;

    if (ImGui::IsKeyPressed(ImGuiKey_Slash) && !shift) {
        app.reading.focus_search = true;
        app.reading.search_fresh_focus = true;
        app.reading.search_focus_frame = app.frames;
        capture_typing(app, '/');
        return;
    }
    if (ImGui::IsKeyPressed(ImGuiKey_Slash) && shift) {
        app.reading.show_help = true;
        return;
    }  // '?' on US layouts
    if (pressed(ImGuiKey_Escape)) {
        if (app.reading.tour.tour >= 0) app_stop_tour(app);
        else if (app.reading.selected >= 0) app_clear_selection(app);
        else if (!app.reading.search_query.empty()) app_set_search(app, "");
        else app.map.focused = -1;
    }
    if (ImGui::IsKeyPressed(ImGuiKey_F)) app_fit(app, true);
    if (ImGui::IsKeyPressed(ImGuiKey_T) && app.reading.tour.tour < 0) app_start_tour(app, "");
    if (pressed(ImGuiKey_Equal) || pressed(ImGuiKey_KeypadAdd)) app_zoom(app, 1.25f);
    if (pressed(ImGuiKey_Minus) || pressed(ImGuiKey_KeypadSubtract)) app_zoom(app, 0.8f);
    if (pressed(ImGuiKey_Tab)) {
        const int delta = shift ? -1 : +1, next = next_in_order(app, delta);
        if (app.config.tab_leaves && app.map.focused >= 0 && next >= 0 && wraps(app, app.map.focused, next, delta)) {
            app.map.focused = -1;  // past the end: the page's next control gets the focus (no keyboard trap)
            if (app.config.hooks.focus_leave) app.config.hooks.focus_leave(delta);
        } else {
            move_focus(app, next);
        }
    }
    // Enter opens the focused card; again on an open card with parts, it unfolds them (or folds them back).
    if ((pressed(ImGuiKey_Enter) || pressed(ImGuiKey_KeypadEnter)) && app.map.focused >= 0) {
        const int f = app.map.focused;
        const bool whole = f < (int)app.map.unfolded.size() && !app.map.folds.parts[f].empty();
        if (whole && app.reading.selected == f) app_set_unfolded(app, f, !app.map.unfolded[f]);
        else app_select_index(app, f, true);
    }

    // Arrows: step a running tour; move between nodes when one is focused; otherwise (or with Shift) pan.
    const Vec2 dirs[4] = {{-1, 0}, {1, 0}, {0, -1}, {0, 1}};
    const ImGuiKey keys[4] = {ImGuiKey_LeftArrow, ImGuiKey_RightArrow, ImGuiKey_UpArrow, ImGuiKey_DownArrow};
    for (int k = 0; k < 4; ++k) {
        if (!pressed(keys[k])) continue;
        if (app.reading.tour.tour >= 0 && k < 2 && !shift) app_tour_step(app, k == 0 ? -1 : +1);
        else if (!shift && (app.map.focused >= 0 || app.reading.selected >= 0)) {
            const int from = app.map.focused >= 0 ? app.map.focused : app.reading.selected;
            move_focus(app, neighbour_in_direction(app.map.layout, from, dirs[k]));
        } else {
            app_pan(app, dirs[k] * -80.0f);
        }
    }
}

}  // namespace ex
