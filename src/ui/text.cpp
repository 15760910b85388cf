// text.cpp — wrapped text drawn line by line from core/text_wrap.h's breaks.
#include "ui/text.h"

#include <string>
#include <vector>

#include "core/text_wrap.h"

namespace ex {

static std::vector<LineSpan> lines_for(ImFont* font, float size, std::string_view text, float width) {
    return wrap_lines(text, width, [&](std::string_view piece) {
        return font->CalcTextSizeA(size, 1e30f, 0.0f, piece.data(), piece.data() + piece.size()).x;
    });
}

void text_wrapped(std::string_view text) {
    const float width = ImGui::GetContentRegionAvail().x;
    if (width <= 1.0f) return;
    // One text item with the breaks as newlines, so lines keep the font's spacing, not the item spacing.
    std::string joined;
    joined.reserve(text.size() + 16);
    for (const LineSpan& l : lines_for(ImGui::GetFont(), ImGui::GetFontSize(), text, width)) {
        if (!joined.empty()) joined += '\n';
        joined.append(text.data() + l.first, l.second - l.first);
    }
    ImGui::TextUnformatted(joined.data(), joined.data() + joined.size());
}

std::string text_fit(std::string_view text, float max_width) {
    auto width = [](std::string_view t) { return ImGui::CalcTextSize(t.data(), t.data() + t.size()).x; };
    if (width(text) <= max_width) return std::string(text);
    static constexpr std::string_view kMore = "\u2026";
    std::vector<size_t> cuts;  // character boundaries; the longest prefix that fits with "…" is binary searched
    for (size_t i = 1; i < text.size(); ++i)
        if (((unsigned char)text[i] & 0xC0) != 0x80) cuts.push_back(i);
    size_t lo = 0, hi = cuts.size();  // cuts[0 .. lo) fit
    while (lo < hi) {
        const size_t mid = (lo + hi) / 2;
        if (width(std::string(text.substr(0, cuts[mid])) + std::string(kMore)) <= max_width) lo = mid + 1;
        else hi = mid;
    }
    lo = lo > 0 ? cuts[lo - 1] : 0;
    while (lo > 0 && text[lo - 1] == ' ') --lo;  // no space before the ellipsis
    if (lo == 0) return "";
    return std::string(text.substr(0, lo)) + std::string(kMore);
}

float draw_text_wrapped(ImDrawList* dl, ImFont* font, float size, ImVec2 pos, ImU32 colour, std::string_view text,
                        float width, float max_height, bool* cut_out) {
    const float line_h = size * 1.2f;  // Noto's line gap reads better than the font's tight default here
    const std::vector<LineSpan> lines = lines_for(font, size, text, width);
    float y = 0;
    if (cut_out) *cut_out = false;
    for (size_t i = 0; i < lines.size(); ++i) {
        if (y + size > max_height) {
            if (cut_out) *cut_out = true;
            break;
        }
        const std::string_view line = text.substr(lines[i].first, lines[i].second - lines[i].first);
        const bool cut = i + 1 < lines.size() && y + line_h + size > max_height;  // the next line will not fit
        if (cut) {
            if (cut_out) *cut_out = true;
            const std::string shown = std::string(line) + "\u2026";
            dl->AddText(font, size, ImVec2(pos.x, pos.y + y), colour, shown.c_str());
        } else {
            dl->AddText(font, size, ImVec2(pos.x, pos.y + y), colour, line.data(), line.data() + line.size());
        }
        y += line_h;
    }
    return y;
}

int count_wrapped_lines(ImFont* font, float size, std::string_view text, float width) {
    return (int)lines_for(font, size, text, width).size();
}

}  // namespace ex
