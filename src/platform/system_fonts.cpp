// system_fonts.cpp — fontconfig lookup for characters the build's fonts lack. See system_fonts.h.
#include "platform/system_fonts.h"

#include <fontconfig/fontconfig.h>

#include <algorithm>

namespace ex {

std::vector<FontFile> system_fonts_for(const std::vector<uint32_t>& code_points, bool bold) {
    // Dear ImGui keeps 16-bit characters here, so a font for anything beyond U+FFFF would not help.
    std::vector<uint32_t> wanted;
    for (uint32_t cp : code_points)
        if (cp >= 0x20 && cp <= 0xFFFF) wanted.push_back(cp);
    std::vector<FontFile> out;
    if (wanted.empty() || !FcInit()) return out;
    constexpr size_t kMaxFonts = 6;  // each is one more source Dear ImGui searches for a missing glyph

    FcCharSet* chars = FcCharSetCreate();
    for (uint32_t cp : wanted) FcCharSetAddChar(chars, cp);
    FcPattern* pattern = FcPatternCreate();
    FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>("sans-serif"));
    FcPatternAddInteger(pattern, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    FcPatternAddCharSet(pattern, FC_CHARSET, chars);
    FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    FcFontSet* fonts = FcFontSort(nullptr, pattern, FcFalse, nullptr, &result);
    for (int i = 0; fonts && i < fonts->nfont && !wanted.empty() && out.size() < kMaxFonts; ++i) {
        FcChar8* file = nullptr;
        FcCharSet* has = nullptr;
        int index = 0;
        if (FcPatternGetString(fonts->fonts[i], FC_FILE, 0, &file) != FcResultMatch ||
            FcPatternGetCharSet(fonts->fonts[i], FC_CHARSET, 0, &has) != FcResultMatch)
            continue;
        FcPatternGetInteger(fonts->fonts[i], FC_INDEX, 0, &index);
        const auto covered = [&](uint32_t cp) { return FcCharSetHasChar(has, cp) != 0; };
        if (std::none_of(wanted.begin(), wanted.end(), covered)) continue;
        const std::string path = reinterpret_cast<const char*>(file);
        if (!font_face_opens(map_font_file(path), index & 0xFFFF)) continue;  // bitmap or Type 1 fonts, say
        out.push_back({path, index & 0xFFFF});  // the high bits select a variable font's instance
        wanted.erase(std::remove_if(wanted.begin(), wanted.end(), covered), wanted.end());
    }
    if (fonts) FcFontSetDestroy(fonts);
    FcPatternDestroy(pattern);
    FcCharSetDestroy(chars);
    return out;
}

}  // namespace ex
