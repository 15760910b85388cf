// theme.h — light and dark palettes for the canvas and the panels.
#pragma once
#include <imgui.h>

#include <string>

#include "core/content.h"

namespace ex {

struct Theme {
    bool dark = false;
    ImU32 canvas_bg, grid, card_bg, card_border, card_shadow, title, text, muted, edge, edge_label_bg, selection,
        search_hit, panel_bg, link;
};

Theme make_theme(bool dark);
void apply_imgui_style(const Theme& theme, float ui_scale);  // ImGui colours and metrics for the panels
ImU32 with_alpha(ImU32 colour, float alpha);
ImU32 mix(ImU32 a, ImU32 b, float t);  // t = 0 → a, 1 → b
ImU32 rgb_to_u32(unsigned rgb);        // 0xRRGGBB → ImU32
// What a card, lane or chip of this category is drawn in: its colour, or the theme's muted grey when it has none.
ImU32 category_colour(const Theme& theme, const Content& content, int category_index);

}  // namespace ex
