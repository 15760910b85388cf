// web_fonts.cpp — an ImFontLoader backed by the browser. Dear ImGui 1.92 asks for glyphs one at a time as text
// needs them (at the size and pixel density in use); each is drawn with fillText on a small 2D canvas and its
// coverage copied into the atlas. The browser's font fallback does the rest: Latin from the first family that
// has it, Chinese from the system's CJK font, and so on, without a subset to keep in step with the content.
#include "platform/web_fonts.h"

#include <emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>  // ImFontLoader, atlas packing

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

// The EM_JS bodies are JavaScript, which clang-format would rewrite as C++ ("!= ="): left as written.
// clang-format off
// The CSS font for a weight and a pixel size: Noto Sans where the reader has it, else the system's UI font; the
// browser's per-character fallback finds every other script (Chinese from the system's CJK font).
EM_JS(void, js_fonts_init, (), {
    Module.explainerFont = function(weight, px) {
        return weight + ' ' + px + 'px "Noto Sans", system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, ' +
            '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';
    };
});

// One canvas for all glyphs; `out` receives [advance, x0, y0, width, height] in raster pixels (x0, y0 from the pen
// position on the baseline). Returns a malloc'd width*height alpha bitmap, or 0 for a blank glyph (a space) or when
// `raster` is 0 (advance only).
EM_JS(int, js_glyph, (int codepoint, float px, int weight, int raster, float* out), {
    var g = Module.explainerGlyphs;
    if (!g) {
        var canvas = document.createElement('canvas');
        canvas.width = canvas.height = 96;
        g = Module.explainerGlyphs = { canvas: canvas, ctx: canvas.getContext('2d', { willReadFrequently: true }) };
    }
    var font = Module.explainerFont(weight, px);
    var ctx = g.ctx;
    if (g.font !== font) { ctx.font = font; g.font = font; }  // parsing a font string is not free; runs repeat it
    var ch = String.fromCodePoint(codepoint);
    var m = ctx.measureText(ch);
    var o = out >> 2;
    HEAPF32[o] = m.width;
    if (!raster || m.actualBoundingBoxLeft + m.actualBoundingBoxRight <= 0 ||
        m.actualBoundingBoxAscent + m.actualBoundingBoxDescent <= 0) return 0;
    // One pixel of margin: antialiasing reaches past the measured box.
    var l = Math.ceil(m.actualBoundingBoxLeft) + 1, a = Math.ceil(m.actualBoundingBoxAscent) + 1;
    var w = l + Math.ceil(m.actualBoundingBoxRight) + 1, h = a + Math.ceil(m.actualBoundingBoxDescent) + 1;
    if (w > g.canvas.width || h > g.canvas.height) {
        g.canvas.width = Math.max(w, g.canvas.width);
        g.canvas.height = Math.max(h, g.canvas.height);
        ctx.font = font;  // resizing reset it
    }
    ctx.clearRect(0, 0, w, h);
    ctx.fillStyle = '#fff';
    ctx.textBaseline = 'alphabetic';
    ctx.fillText(ch, l, a);
    var rgba = ctx.getImageData(0, 0, w, h).data;
    var p = _malloc(w * h);
    if (!p) return 0;
    for (var i = 0; i < w * h; i++) HEAPU8[p + i] = rgba[i * 4 + 3];
    HEAPF32[o + 1] = -l; HEAPF32[o + 2] = -a; HEAPF32[o + 3] = w; HEAPF32[o + 4] = h;
    return p;
});

// The first family's ascent and descent (positive, pixels) at `px`, for the line height.
EM_JS(void, js_font_metrics, (float px, int weight, float* out), {
    var c = Module.explainerMetricsCtx || (Module.explainerMetricsCtx = document.createElement('canvas').getContext('2d'));
    c.font = Module.explainerFont(weight, px);
    var m = c.measureText('Hg');
    HEAPF32[out >> 2] = m.fontBoundingBoxAscent || px * 0.9;
    HEAPF32[(out >> 2) + 1] = m.fontBoundingBoxDescent || px * 0.25;
});
// clang-format on

// There is no font file: ImFontConfig::FontNo carries the CSS weight.
bool contains_glyph(ImFontAtlas*, ImFontConfig*, ImWchar) { return true; }  // the browser falls back per glyph

// ImGui sizes a font by its line height (ascent + descent, as stb_truetype's ScaleForPixelHeight does), CSS by its
// em: convert with the first family's own ratio so the browser's text is as large as the desktop's.
struct EmMetrics {
    float ascent, descent;
};  // per pixel of em
EmMetrics em_metrics(int weight) {
    static EmMetrics cached[2] = {};
    EmMetrics& m = cached[weight >= 600 ? 1 : 0];
    if (m.ascent + m.descent <= 0.0f) {
        float px100[2] = {};
        js_font_metrics(100.0f, weight, px100);
        m = px100[0] + px100[1] > 1.0f ? EmMetrics{px100[0] / 100.0f, px100[1] / 100.0f} : EmMetrics{1.0f, 0.0f};
    }
    return m;
}
float em_size(int weight, float imgui_size) {
    const EmMetrics m = em_metrics(weight);
    return imgui_size / (m.ascent + m.descent);
}

bool baked_init(ImFontAtlas*, ImFontConfig* src, ImFontBaked* baked, void*) {
    if (src->MergeMode) return true;
    const EmMetrics m = em_metrics(src->FontNo);
    const float em = em_size(src->FontNo, baked->Size);
    baked->Ascent = ImCeil(m.ascent * em);
    baked->Descent = -ImCeil(m.descent * em);
    return true;
}

bool load_glyph(ImFontAtlas* atlas, ImFontConfig* src, ImFontBaked* baked, void*, ImWchar codepoint,
                ImFontGlyph* out_glyph, float* out_advance_x) {
    const float density = src->RasterizerDensity * baked->RasterizerDensity;
    float m[5] = {};
    const int px =
        js_glyph(codepoint, em_size(src->FontNo, baked->Size) * density, src->FontNo, out_advance_x ? 0 : 1, m);
    if (out_advance_x) {  // metrics only
        *out_advance_x = m[0] / density;
        return true;
    }
    auto* bits = reinterpret_cast<unsigned char*>(static_cast<uintptr_t>(px));
    out_glyph->Codepoint = codepoint;
    out_glyph->AdvanceX = m[0] / density;
    if (!bits) return true;  // a blank glyph still advances
    const int w = (int)m[3], h = (int)m[4];
    const ImFontAtlasRectId id = ImFontAtlasPackAddRect(atlas, w, h);
    if (id == ImFontAtlasRectId_Invalid) {
        std::free(bits);
        return false;
    }
    ImTextureRect* r = ImFontAtlasPackGetRect(atlas, id);
    out_glyph->X0 = m[1] / density;
    out_glyph->Y0 = m[2] / density + IM_ROUND(baked->Ascent);
    out_glyph->X1 = out_glyph->X0 + (float)w / density;
    out_glyph->Y1 = out_glyph->Y0 + (float)h / density;
    out_glyph->Visible = true;
    out_glyph->PackId = id;
    ImFontAtlasBakedSetFontGlyphBitmap(atlas, baked, src, out_glyph, r, bits, ImTextureFormat_Alpha8, w);
    std::free(bits);
    return true;
}

const ImFontLoader* browser_loader() {
    static ImFontLoader loader;
    loader.Name = "browser canvas";
    loader.FontSrcContainsGlyph = contains_glyph;
    loader.FontBakedInit = baked_init;
    loader.FontBakedLoadGlyph = load_glyph;
    return &loader;
}

}  // namespace

namespace ex {

ImFont* add_browser_font(bool bold) {
    js_fonts_init();
    ImFontConfig cfg;
    cfg.FontLoader = browser_loader();
    cfg.FontNo = bold ? 700 : 400;
    std::snprintf(cfg.Name, sizeof cfg.Name, "browser sans %d", cfg.FontNo);
    return ImGui::GetIO().Fonts->AddFont(&cfg);
}

}  // namespace ex
