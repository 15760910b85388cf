// text.h — wrapped text for panels and cards, with line breaks that suit English and Chinese alike
// (core/text_wrap.h): Dear ImGui's own wrapping only breaks at spaces, which leaves Chinese ragged.
#pragma once
#include <imgui.h>

#include <string>
#include <string_view>

namespace ex {

// In the current window, wrapped at the content region's right edge, in the current font.
void text_wrapped(std::string_view text);
// `text` in the current font, cut at a character boundary with "…" to fit `max_width`; "" when not even one character fits with it.
std::string text_fit(std::string_view text, float max_width);
// Into a draw list at `pos`, wrapped at `width`; stops after the line that reaches `max_height`. Returns the height used.
// `cut`, if given, is set when some of the text did not fit.
float draw_text_wrapped(ImDrawList* dl, ImFont* font, float size, ImVec2 pos, ImU32 colour, std::string_view text,
                        float width, float max_height = 1e30f, bool* cut = nullptr);
// How many lines draw_text_wrapped breaks `text` into.
int count_wrapped_lines(ImFont* font, float size, std::string_view text, float width);

}  // namespace ex
