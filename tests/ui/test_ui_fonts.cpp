// Headless UI tests: the desktop fonts as the app loads them (the build's fonts folder, mapped and merged).
#include <doctest/doctest.h>

#include "core/text_wrap.h"
#include "headless.h"

using ex::test::Headless;

namespace {

std::vector<ImWchar> code_points(const std::string& utf8) {
    std::vector<ImWchar> out;
    for (size_t i = 0; i < utf8.size();) {
        uint32_t cp = 0;
        i += ex::decode_utf8(utf8, i, cp);
        out.push_back((ImWchar)cp);
    }
    return out;
}

}  // namespace

TEST_CASE("the desktop fonts have glyphs for Chinese the bundled article does not use, regular and bold") {
    ex::AppConfig config = ex::test::default_config();
    config.content_path = std::string(EXPLAINER_SOURCE_DIR) + "/tests/fixtures/fonts/chinese-a.json";
    Headless h(config);
    REQUIRE(h.app.content);
    h.frame(3);
    REQUIRE(h.app.font_bold != h.app.font_regular);
    // The fixture's 16 characters (none in article.json), as drawn in card titles (bold) and texts (regular).
    for (ImWchar c : code_points(h.app.content->meta.source.sections[0].paragraphs[0].text.get("zh"))) {
        CAPTURE(c);
        for (ImFont* font : {h.app.font_regular, h.app.font_bold}) {
            ImFontGlyph* g = font->GetFontBaked(16.0f)->FindGlyphNoFallback(c);
            REQUIRE(g != nullptr);
            const bool visible = g->Visible;  // an ink-less glyph would still read as missing
            CHECK(visible);
        }
    }
    // Latin, Greek and Cyrillic come from the whole Noto Sans face; Ethiopic is in none of the fonts, as
    // --validate says (tests/fonts/test_desktop_text.sh).
    for (ImWchar c : code_points("éΩЖ")) CHECK(h.app.font_regular->GetFontBaked(16.0f)->FindGlyphNoFallback(c));
    CHECK(h.app.font_regular->GetFontBaked(16.0f)->FindGlyphNoFallback((ImWchar)0x1230) == nullptr);
}
