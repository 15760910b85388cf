// system_fonts.h — the desktop's fallback for scripts its own fonts lack (core/font_files.h): the machine's fonts,
// found through fontconfig.
#pragma once
#include <cstdint>
#include <vector>

#include "core/font_files.h"

namespace ex {

// Font files (TrueType / OpenType faces Dear ImGui can open) that together draw as many of `code_points` as the
// machine's fonts can, fontconfig's best sans-serif match first; at most a few. Empty when nothing helps.
std::vector<FontFile> system_fonts_for(const std::vector<uint32_t>& code_points, bool bold);

}  // namespace ex
