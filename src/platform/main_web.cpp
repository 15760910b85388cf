// main_web.cpp — the browser target: a GlfwRunner subclass (web_runner.h) that sizes the canvas by
// devicePixelRatio, scales input to CSS pixels, fills the UI's platform hooks and reports changes to the page. The
// page logic lives in web/*.js; the functions page.js calls are in web_bridge.cpp.
//
// Index
//   [SECTION] JavaScript side     one-line forwards to web/*.js (the receivers live on Module)
//   [SECTION] WebRunner           hooks, canvas size, DPR, input, change reports to the page
//   [SECTION] main                the query's options, ?content=, the start-up hash
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>

#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <string>

#include "core/args.h"
#include "core/load.h"  // limits::kFileBytes
#include "platform/web_fonts.h"
#include "platform/web_runner.h"
#include "ui/deep_link.h"
#include "ui/web_page.h"

namespace {

// [SECTION] JavaScript side (web/*.js defines the receivers) ---------------------------------------------------------
// One line each, on purpose: the logic is in web/*.js, and a forward that grows past a line is the sign to move it.
// clang-format off

// Start-up milestones on the page's performance timeline (bench/web.mjs reads them to say where the time goes).
EM_JS(void, js_mark, (const char* name), { if (self.performance && performance.mark) performance.mark(UTF8ToString(name)); });
EM_JS(char*, js_location_query, (), { return stringToNewUTF8(window.location.search || ""); });
EM_JS(char*, js_location_hash, (), { return stringToNewUTF8(window.location.hash || ""); });
// The language the page was served in (<html lang>: "zh" at zh/index.html), the default when ?lang= is absent.
EM_JS(char*, js_page_lang, (), { return stringToNewUTF8(Module.explainerPageLang || "en"); });
// The content the page fetched before main (page.js: the bundled article; files.js: ?content=), as
// Module.explainerContent = {bytes} or {error}: the refusal or fetch error ("" when there are bytes), then the bytes
// in a malloc'd buffer (null when over the cap: load_reply words the refusal from the size).
EM_JS(char*, js_content_refusal, (), { const c = Module.explainerContent; return stringToNewUTF8(!c ? "was not fetched" : c.bytes ? "" : String(c.error)); });
EM_JS(char*, js_take_content, (double* size, double cap), { const b = Module.explainerContent.bytes; Module.explainerContent = null; HEAPF64[size >> 3] = b.length; if (b.length > cap) return 0; const p = _malloc(Math.max(1, b.length)); if (p) HEAPU8.set(b, p); return p; });
EM_JS(int, js_prefers_dark, (), { return Module.explainerPrefersDark && Module.explainerPrefersDark() ? 1 : 0; });
// page.js: WebGL2 is missing, the page shows the text only.
EM_JS(void, js_fatal, (const char* what), { if (Module.onExplainerFatal) Module.onExplainerFatal(UTF8ToString(what)); });
// page.js: ?content= could not be shown; the problems (a JSON array of lines) are listed in place of a map.
EM_JS(void, js_content_failed, (const char* label, const char* problems), { if (Module.onExplainerContentFailed) Module.onExplainerContentFailed(UTF8ToString(label), UTF8ToString(problems)); });

// The hooks (ui/app.h PlatformHooks) and ImGui's IME: page.js, history.js, files.js and ime.js.
EM_JS(void, js_focus_leave, (int direction), { if (Module.onExplainerFocusLeave) Module.onExplainerFocusLeave(direction); });
EM_JS(void, js_first_frame, (), { if (Module.onExplainerFirstFrame) Module.onExplainerFirstFrame(); });
EM_JS(void, js_copy_text, (const char* text), { if (Module.onExplainerCopy) Module.onExplainerCopy(UTF8ToString(text)); });
EM_JS(int, js_open_url, (const char* url), { return Module.onExplainerOpenUrl && Module.onExplainerOpenUrl(UTF8ToString(url)) ? 1 : 0; });
EM_JS(int, js_download, (const char* text, const char* name), { return Module.onExplainerDownload && Module.onExplainerDownload(UTF8ToString(text), UTF8ToString(name)) ? 1 : 0; });
EM_JS(void, js_notify, (const char* message), { if (Module.onExplainerNotice) Module.onExplainerNotice(UTF8ToString(message)); });
EM_JS(void, js_ime, (int want, float x, float y, float line_height), { if (Module.onExplainerIme) Module.onExplainerIme(!!want, x, y, line_height); });

// Change reports: the page rebuilds its text view, title and favicon, and keeps the URL and history in step.
EM_JS(void, js_started, (), { if (Module.onExplainerStarted) Module.onExplainerStarted(); });  // page.js sends its toolbar's size
EM_JS(void, js_dock_toolbar, (int shown, float x, float y, int under_dialog), { if (Module.onExplainerToolbar) Module.onExplainerToolbar(!!shown, x, y, !!under_dialog); });
EM_JS(void, js_theme_changed, (const char* theme, int first), { if (Module.onExplainerTheme) Module.onExplainerTheme(UTF8ToString(theme), !!first); });
EM_JS(void, js_lang_changed, (const char* lang), { if (Module.onExplainerLang) Module.onExplainerLang(UTF8ToString(lang)); });
EM_JS(void, js_content_changed, (), { if (Module.onExplainerContent) Module.onExplainerContent(); });
EM_JS(void, js_view_changed, (const char* hash, const char* selected), { if (Module.onExplainerView) Module.onExplainerView(UTF8ToString(hash), UTF8ToString(selected)); });

}  // namespace

// clang-format on

// [SECTION] WebRunner -----------------------------------------------------------------------------------------------

namespace ex {

std::string WebRunner::settle_hash() {
    last_hash_ = hash_of(app_);
    return last_hash_;
}

// The page is the platform: web/*.js receives each hook (the http(s)-only link policy, the clipboard and the
// download's file type live there).
void WebRunner::fill_hooks(PlatformHooks& hooks) {
    hooks.font = add_browser_font;  // no font files on the web: the reader's own fonts
    hooks.download = [](const std::string& text, const std::string& name) {
        return js_download(text.c_str(), name.c_str()) == 1;
    };
    hooks.open_url = [](const std::string& url) { return js_open_url(url.c_str()) == 1; };
    hooks.set_clipboard = [this](const std::string& text) {
        clipboard_ = text;
        js_copy_text(text.c_str());
    };
    hooks.get_clipboard = [this] { return clipboard_.c_str(); };
    hooks.notify = [this](const std::string& message) {
        js_notify(message.c_str());
        dirty_ = true;
    };
    hooks.focus_leave = [](int direction) { js_focus_leave(direction); };
    hooks.first_frame = [this] { first_frame_ = true; };  // told once the frame is on the canvas (after_render)
    hooks.page_covers = [this] { return toolbar_size_; };
}

void WebRunner::on_backends_ready() {
    js_mark("explainer:gl");  // WebGL context and ImGui backends ready; fonts and content come next
    glfwSetCursorPosCallback(window_, [](GLFWwindow* w, double x, double y) {
        auto* self = static_cast<WebRunner*>(glfwGetWindowUserPointer(w));
        const double sx = self->backing_w > 0 ? self->css_w / self->backing_w : 1.0;
        const double sy = self->backing_h > 0 ? self->css_h / self->backing_h : 1.0;
        ImGui_ImplGlfw_CursorPosCallback(w, x * sx, y * sy);
    });
    // While the backend thinks the pointer is outside the window it adds GLFW's cursor position every frame.
    // A finger never "enters", so on a touch screen that stale mouse position fought the finger's: a swipe on
    // the sheet scrolled nothing and hover tooltips showed where the mouse last was. Every position reaches
    // ImGui through our callbacks and touch(), so the backend is told once that the pointer is in, and
    // leaving only clears the position.
    ImGui_ImplGlfw_CursorEnterCallback(window_, GLFW_TRUE);
    ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    glfwSetCursorEnterCallback(window_, [](GLFWwindow*, int entered) {
        if (!entered) ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    });
    glfwSetMouseButtonCallback(window_, [](GLFWwindow* w, int button, int action, int mods) {
        ImGui::GetIO().AddMouseSourceEvent(ImGuiMouseSource_Mouse);
        ImGui_ImplGlfw_MouseButtonCallback(w, button, action, mods);
    });
    glfwSetKeyCallback(window_, ImGui_ImplGlfw_KeyCallback);
    glfwSetCharCallback(window_, ImGui_ImplGlfw_CharCallback);
    glfwSetWindowFocusCallback(window_, ImGui_ImplGlfw_WindowFocusCallback);
    ImGui::GetPlatformIO().Platform_SetImeDataFn = [](ImGuiContext*, ImGuiViewport*, ImGuiPlatformImeData* d) {
        js_ime(d->WantVisible ? 1 : 0, d->InputPos.x, d->InputPos.y, d->InputLineHeight);
    };
    // Our wheel handler: positions in CSS pixels, and preventDefault so ctrl+wheel zooms the map, not the page.
    emscripten_set_wheel_callback("#canvas", this, true, [](int, const EmscriptenWheelEvent* e, void*) -> EM_BOOL {
        ImGuiIO& io = ImGui::GetIO();
        io.AddMousePosEvent((float)e->mouse.targetX, (float)e->mouse.targetY);
        io.AddKeyEvent(ImGuiMod_Ctrl, e->mouse.ctrlKey);
        float scale = e->deltaMode == DOM_DELTA_LINE   ? 1.0f / 3.0f
                      : e->deltaMode == DOM_DELTA_PAGE ? 2.0f
                                                       : 1.0f / 100.0f;
        io.AddMouseWheelEvent(-(float)e->deltaX * scale, -(float)e->deltaY * scale);
        return EM_TRUE;
    });
}

void WebRunner::before_frame() {
    double w = 0, h = 0;
    emscripten_get_element_css_size("#canvas", &w, &h);
    const double dpr = emscripten_get_device_pixel_ratio();
    const int bw = (int)std::lround(w * dpr), bh = (int)std::lround(h * dpr);
    if (w != css_w || h != css_h || bw != backing_w || bh != backing_h) {
        css_w = w;
        css_h = h;
        backing_w = bw;
        backing_h = bh;
        emscripten_set_canvas_element_size("#canvas", bw, bh);  // clears the canvas: only on change
        dirty_ = true;
    }
}

void WebRunner::after_platform_new_frame() {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2((float)css_w, (float)css_h);
    io.DisplayFramebufferScale =
        ImVec2(css_w > 0 ? (float)(backing_w / css_w) : 1.0f, css_h > 0 ? (float)(backing_h / css_h) : 1.0f);
}

void WebRunner::after_render() {
    const Rect slot = app_.page_toolbar_slot;
    if (slot.x != docked_.x || slot.y != docked_.y || slot.w != docked_.w || app_.reading.show_help != docked_under_) {
        docked_ = slot;
        docked_under_ = app_.reading.show_help;  // the shortcuts dialog dims the app: the page's buttons go too
        js_dock_toolbar(slot.w > 0 ? 1 : 0, slot.x, slot.y, docked_under_ ? 1 : 0);
    }
    if (app_.reading.theme != last_theme_) {
        js_theme_changed(app_.reading.theme.c_str(), last_theme_.empty() ? 1 : 0);
        last_theme_ = app_.reading.theme;
    }
    if (app_.reading.lang != last_lang_) {
        if (!last_lang_.empty()) js_lang_changed(app_.reading.lang.c_str());
        last_lang_ = app_.reading.lang;
    }
    if (app_.content.get() != last_content_) {
        last_content_ = app_.content.get();
        js_content_changed();
    }
    const std::string hash = hash_of(app_);
    if (hash != last_hash_) {
        last_hash_ = hash;
        const int sel = app_.reading.selected;
        const std::string selected = app_.content && sel >= 0 ? app_.content->nodes[sel].id : "";
        js_view_changed(hash.c_str(), selected.c_str());
    }
    if (first_frame_) {
        first_frame_ = false;
        js_mark("explainer:first-frame");
        js_first_frame();
    }
}

}  // namespace ex

// [SECTION] main ----------------------------------------------------------------------------------------------------

// A string JavaScript allocated (stringToNewUTF8), freed once copied.
static std::string take(char* js) {
    std::string s = js ? js : "";
    free(js);
    return s;
}

int main() {
    js_mark("explainer:main");
    const ex::Args query = ex::parse_query(take(js_location_query()));
    const ex::AppConfig config = ex::web_config(query, take(js_page_lang()), js_prefers_dark() != 0);

    static ex::WebRunner runner;
    ex::attach_bridge(runner);
    ex::RunnerOptions options;
    if (!runner.init(options, config)) {
        js_fatal("webgl2");
        return 1;
    }
    ex::AppContext& app = runner.app();
    // ?content= replaces the bundled article; when it cannot be shown the page says why, rather than showing an
    // unrelated article the reader did not ask for. Either comes through the same checks as explainer.load().
    const std::string label = query.has("content") ? query.get("content") : "article.json";
    const std::string refusal = take(js_content_refusal());
    if (!refusal.empty()) {
        app.problems = {ex::Problem{label, "", refusal, ex::Severity::Error}};
    } else {
        double size = 0;
        char* bytes = js_take_content(&size, (double)ex::limits::kFileBytes);
        ex::load_reply(app, bytes, size, label);
        free(bytes);
        if (app.content && !config.select.empty()) ex::app_select(app, config.select, true);
    }
    js_mark("explainer:content");  // fonts set up, content loaded and laid out
    if (!app.content) js_content_failed(label.c_str(), ex::dump_for_js(ex::error_lines(app)).c_str());
    const std::string hash = take(js_location_hash());
    if (!hash.empty()) ex::apply_link(app, hash);
    js_started();
    ex::run_main_loop(runner);
    return 0;
}
