// font_files.h — the desktop's font files and what they can draw.
//
// The desktop draws text in whole Noto faces from Debian's font packages, which cmake/assets.cmake links into the
// build's fonts folder (a subset cut to the bundled article drew any other Chinese as boxes). load_fonts maps the
// files and Dear ImGui rasterises only the glyphs it draws, so a 20 MB CJK collection costs little at start-up.
// `--validate` checks content against the same files, so its report depends on the build, not on which other
// fonts the machine has.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ex {

struct FontFace {
    const char* file;  // in the fonts folder
    int index;         // the face within a collection (.ttc); Noto Sans CJK's Simplified Chinese face is 2
};
// A face by path, for fonts found at run time (platform/system_fonts.h).
struct FontFile {
    std::string path;
    int index = 0;
};

// Each font is a Latin face with the CJK face merged in; a character is looked up in that order.
inline constexpr FontFace kRegularFaces[] = {{"NotoSans-Regular.ttf", 0}, {"NotoSansCJK-Regular.ttc", 2}};
inline constexpr FontFace kBoldFaces[] = {{"NotoSans-Bold.ttf", 0}, {"NotoSansCJK-Bold.ttc", 2}};

// The file's bytes, mapped read-only for the rest of the process (once per path), so only the pages a lookup
// touches are read. Empty when the file cannot be read.
std::string_view map_font_file(const std::string& path);

// True when `bytes` holds a face `index` that stb_truetype (Dear ImGui's rasteriser) opens.
bool font_face_opens(std::string_view bytes, int index);

// Which code points the desktop fonts in `font_dir` draw, in the regular and in the bold font.
class GlyphCoverage {
  public:
    explicit GlyphCoverage(const std::string& font_dir);
    ~GlyphCoverage();
    // "" when every face opened, else which file did not (then nothing counts as drawable).
    const std::string& error() const { return error_; }
    // False for a code point beyond U+FFFF: this build's Dear ImGui keeps 16-bit characters and draws those as
    // U+FFFD. Control characters count as drawable (they are never drawn).
    bool draws(uint32_t cp) const;

  private:
    struct Faces;
    std::unique_ptr<Faces> faces_;
    std::string error_;
};

}  // namespace ex
