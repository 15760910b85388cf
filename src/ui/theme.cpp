// theme.cpp — palettes. Card text must stay readable on both themes (WCAG AA against the card background).
#include "ui/theme.h"

namespace ex {

ImU32 rgb_to_u32(unsigned rgb) { return IM_COL32((rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255, 255); }

ImU32 category_colour(const Theme& theme, const Content& content, int category_index) {
    const std::optional<uint32_t> rgb = category_rgb(content, category_index);
    return rgb ? rgb_to_u32(*rgb) : theme.muted;
}

ImU32 with_alpha(ImU32 c, float alpha) {
    const unsigned a = (unsigned)(((c >> IM_COL32_A_SHIFT) & 255) * alpha);
    return (c & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

ImU32 mix(ImU32 a, ImU32 b, float t) {
    ImVec4 x = ImGui::ColorConvertU32ToFloat4(a), y = ImGui::ColorConvertU32ToFloat4(b);
    return ImGui::ColorConvertFloat4ToU32(
        ImVec4(x.x + (y.x - x.x) * t, x.y + (y.y - x.y) * t, x.z + (y.z - x.z) * t, x.w + (y.w - x.w) * t));
}

Theme make_theme(bool dark) {
    Theme t;
    t.dark = dark;
    if (dark) {
        t.canvas_bg = IM_COL32(23, 25, 30, 255);
        t.grid = IM_COL32(255, 255, 255, 10);
        t.card_bg = IM_COL32(38, 41, 48, 255);
        t.card_border = IM_COL32(70, 75, 86, 255);
        t.card_shadow = IM_COL32(0, 0, 0, 90);
        t.title = IM_COL32(240, 241, 243, 255);
        t.text = IM_COL32(205, 208, 214, 255);
        t.muted = IM_COL32(150, 155, 165, 255);
        t.edge = IM_COL32(150, 156, 168, 200);
        t.edge_label_bg = IM_COL32(30, 33, 39, 235);
        t.selection = IM_COL32(255, 212, 59, 255);
        t.search_hit = IM_COL32(77, 171, 247, 255);
        t.panel_bg = IM_COL32(30, 33, 39, 255);  // opaque: card text must not show through a panel
        t.link = IM_COL32(116, 192, 252, 255);
    } else {
        t.canvas_bg = IM_COL32(247, 247, 245, 255);
        t.grid = IM_COL32(0, 0, 0, 12);
        t.card_bg = IM_COL32(255, 255, 255, 255);
        t.card_border = IM_COL32(206, 212, 218, 255);
        t.card_shadow = IM_COL32(0, 0, 0, 28);
        t.title = IM_COL32(24, 26, 31, 255);
        t.text = IM_COL32(60, 64, 72, 255);
        t.muted = IM_COL32(104, 110, 120, 255);
        t.edge = IM_COL32(110, 118, 130, 200);
        t.edge_label_bg = IM_COL32(255, 255, 255, 240);
        t.selection = IM_COL32(240, 140, 0, 255);
        t.search_hit = IM_COL32(28, 126, 214, 255);
        t.panel_bg = IM_COL32(255, 255, 255, 255);
        t.link = IM_COL32(25, 100, 180, 255);
    }
    return t;
}

void apply_imgui_style(const Theme& theme, float ui_scale) {
    ImGuiStyle& s = ImGui::GetStyle();
    s = ImGuiStyle();
    if (theme.dark) ImGui::StyleColorsDark(&s);
    else ImGui::StyleColorsLight(&s);
    s.WindowRounding = 10.0f;
    s.ChildRounding = 8.0f;
    s.FrameRounding = 6.0f;
    s.PopupRounding = 8.0f;
    s.GrabRounding = 6.0f;
    s.WindowPadding = ImVec2(14, 12);
    s.FramePadding = ImVec2(10, 6);
    s.ItemSpacing = ImVec2(8, 8);
    s.WindowBorderSize = 1.0f;
    s.ScrollbarSize = 12.0f;
    s.Colors[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(theme.panel_bg);
    s.Colors[ImGuiCol_PopupBg] = ImGui::ColorConvertU32ToFloat4(theme.panel_bg);
    s.Colors[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(theme.title);
    s.Colors[ImGuiCol_TextDisabled] = ImGui::ColorConvertU32ToFloat4(theme.muted);
    s.Colors[ImGuiCol_Border] = ImGui::ColorConvertU32ToFloat4(theme.card_border);
    // Inputs need a visible field on the white panel.
    s.Colors[ImGuiCol_FrameBg] = theme.dark ? ImVec4(0.20f, 0.22f, 0.27f, 1) : ImVec4(0.93f, 0.94f, 0.95f, 1);
    s.Colors[ImGuiCol_FrameBgHovered] = theme.dark ? ImVec4(0.25f, 0.28f, 0.34f, 1) : ImVec4(0.89f, 0.91f, 0.93f, 1);
    s.FrameBorderSize = 1.0f;
    s.ScaleAllSizes(ui_scale);
    s.FontSizeBase = 16.0f;
    s.FontScaleMain = ui_scale;
}

}  // namespace ex
