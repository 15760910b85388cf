// web_fonts.h — fonts the browser draws: an ImGui font loader that rasterises glyphs with a 2D canvas in the
// reader's own system fonts, so the site ships no font files and any script the reader's system can show works.
#pragma once

struct ImFont;

namespace ex {

// A sans-serif ImGui font in the browser's fonts (regular 400 or bold 700). Web target only.
ImFont* add_browser_font(bool bold);

}  // namespace ex
