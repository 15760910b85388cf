// main_web.cpp — the browser target: a GlfwRunner subclass that sizes the canvas by devicePixelRatio, scales
// input to CSS pixels, skips frames while idle, and exposes the app to page.js (window.explainer).
//
// Index
//   [SECTION] JavaScript side     calls into web/*.js (the receivers live on Module)
//   [SECTION] WebRunner           canvas size, DPR, input, change reports to the page
//   [SECTION] Idle                the main loop pauses while nothing is owed; input and the bridge resume it
//   [SECTION] Bridge              functions page.js calls (state, select, load, text view, hash, open URL)
//   [SECTION] main                query options (lang, theme, select, embed, content)
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>

#include <algorithm>
#include <cctype>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/args.h"
#include "core/export_html.h"
#include "core/load.h"
#include "core/strings.h"
#include "core/utf8.h"
#include "platform/assets.h"
#include "platform/runner.h"
#include "platform/web_fonts.h"
#include "ui/deep_link.h"

namespace {

// [SECTION] JavaScript side (page.js defines the receivers) ----------------------------------------------------------

// Start-up milestones on the page's performance timeline (bench/web.mjs reads them to say where the time goes).
EM_JS(void, js_mark, (const char* name), { if (self.performance && performance.mark) performance.mark(UTF8ToString(name)); });
EM_JS(void, js_focus_leave, (int direction), { if (Module.onExplainerFocusLeave) Module.onExplainerFocusLeave(direction); });
EM_JS(void, js_first_frame, (), { if (Module.onExplainerFirstFrame) Module.onExplainerFirstFrame(); });
EM_JS(char*, js_location_query, (), { return stringToNewUTF8(window.location.search || ""); });
EM_JS(char*, js_location_hash, (), { return stringToNewUTF8(window.location.hash || ""); });
// The language the page was served in (<html lang>: "zh" at zh/index.html), the default when ?lang= is absent.
EM_JS(char*, js_page_lang, (), { return stringToNewUTF8(Module.explainerPageLang || "en"); });
// The content the page fetched before main (web/page.js: the bundled article, or files.js: ?content=), as
// Module.explainerContent = {bytes} or {error}. The refusal or fetch error ("" when there are bytes):
EM_JS(char*, js_content_refusal, (), {
    const c = Module.explainerContent;
    return stringToNewUTF8(!c ? "was not fetched" : c.bytes ? "" : String(c.error));
});
// ... and the bytes, copied into a malloc'd buffer (null when over explainer_load's cap: it words the refusal).
EM_JS(char*, js_take_content, (double* size, double cap), {
    const bytes = Module.explainerContent.bytes;
    Module.explainerContent = null;  // the page's copy can go
    HEAPF64[size >> 3] = bytes.length;
    if (bytes.length > cap) return 0;
    const p = _malloc(Math.max(1, bytes.length));
    if (p) HEAPU8.set(bytes, p);
    return p;
});
// ?content= could not be shown: the page says so, with the problems (a JSON array of lines), in place of a map.
EM_JS(void, js_content_failed, (const char* label, const char* problems), {
    if (Module.onExplainerContentFailed) Module.onExplainerContentFailed(UTF8ToString(label), JSON.parse(UTF8ToString(problems)));
});
// The app copied text (page.js: the system clipboard, while the click still counts as user activation).
EM_JS(void, js_copy_text, (const char* text), { if (Module.onExplainerCopy) Module.onExplainerCopy(UTF8ToString(text)); });
// A link the reader followed (page.js: http(s) only, in a new tab); 0 when refused.
EM_JS(int, js_open_url, (const char* url), { return Module.onExplainerOpenUrl && Module.onExplainerOpenUrl(UTF8ToString(url)) ? 1 : 0; });
EM_JS(int, js_prefers_dark, (), { return Module.explainerPrefersDark && Module.explainerPrefersDark() ? 1 : 0; });
// The reader switched language (history.js: the page's lang, the URL and the text view follow).
EM_JS(void, js_lang_changed, (const char* lang), { if (Module.onExplainerLang) Module.onExplainerLang(UTF8ToString(lang)); });
// One of the app's text boxes is active (or no longer): ime.js moves a real text field to its caret.
EM_JS(void, js_ime, (int want, float x, float y, float line_height), {
    if (Module.onExplainerIme) Module.onExplainerIme(!!want, x, y, line_height);
});
// Edit mode's "Download", on every route (files.js saves the edited JSON as a file); 0 when the page cannot start
// a download (the app then says so).
EM_JS(int, js_download, (const char* text, const char* name), {
    return Module.onExplainerDownload && Module.onExplainerDownload(UTF8ToString(text), UTF8ToString(name)) ? 1 : 0;
});

// Change reports: the page rebuilds its text view, title and favicon, and keeps the URL hash and history in step.
// The app runs: page.js sends what it measured before (the size of its buttons).
EM_JS(void, js_started, (), { if (Module.onExplainerStarted) Module.onExplainerStarted(); });
// Where the app's top bar keeps the slot for the page's buttons (CSS pixels from the canvas's corner; hidden: none).
EM_JS(void, js_dock_toolbar, (int shown, float x, float y, int under_dialog), {
    if (Module.onExplainerToolbar) Module.onExplainerToolbar(!!shown, x, y, !!under_dialog);
});
// The theme (history.js: the page's colours, and after a switch the URL's ?theme=, as ?lang= keeps the language).
EM_JS(void, js_theme_changed, (const char* theme, int first), {
    if (Module.onExplainerTheme) Module.onExplainerTheme(UTF8ToString(theme), !!first);
});
EM_JS(void, js_content_changed, (), { if (Module.onExplainerContent) Module.onExplainerContent(); });
EM_JS(void, js_view_changed, (const char* hash, const char* selected), {
    if (Module.onExplainerView) Module.onExplainerView(UTF8ToString(hash), UTF8ToString(selected));
});
EM_JS(void, js_notify, (const char* message), {
    if (Module.onExplainerNotice) Module.onExplainerNotice(UTF8ToString(message));
});

// [SECTION] WebRunner -------------------------------------------------------------------------------------------

std::string clipboard_copy;  // what the app last copied; Ctrl+V inside the app pastes it

class WebRunner : public ex::GlfwRunner {
  public:
    // Touch, forwarded by page.js (this GLFW's own touch handling presses at the last mouse position).
    // phase: 0 start, 1 move, 2 end/cancel; count: fingers down after the event; positions in CSS pixels.
    void touch(int phase, int count, float x0, float y0, float x1, float y1) {
        ImGuiIO& io = ImGui::GetIO();
        io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
        if (count >= 2) {
            // A second finger turns the first finger's press into a pinch. Its release must not count as a tap
            // (a click where the first finger landed, often empty canvas: the selection would go).
            app_.map.pinched = true;
            if (finger_down_) { io.AddMouseButtonEvent(0, false); finger_down_ = false; }
            const float d = std::hypot(x1 - x0, y1 - y0);
            const ImVec2 mid((x0 + x1) * 0.5f, (y0 + y1) * 0.5f);
            if (pinching_ && pinch_dist_ > 0 && d > 0)
                ex::app_pinch(app_, mid, d / pinch_dist_, ImVec2(mid.x - pinch_mid_.x, mid.y - pinch_mid_.y));
            pinching_ = true; pinch_dist_ = d; pinch_mid_ = mid;
            dirty_ = true;
            return;
        }
        pinching_ = false;
        io.AddMousePosEvent(x0, y0);
        if (phase == 0 && count == 1 && !finger_down_) { io.AddMouseButtonEvent(0, true); finger_down_ = true; }
        if (phase == 2 && finger_down_) { io.AddMouseButtonEvent(0, false); finger_down_ = false; }
        if (phase == 2 && count == 0) io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);  // no hover left behind by a finger
    }

    // A deep link named a card this article does not have: the overview stays, and the reader is told why.
    void apply_link(const std::string& hash) {
        std::string missing;
        ex::apply_hash(app_, hash, missing);
        if (missing.empty()) return;
        missing = ex::utf8_cut(missing, 60, "...");
        notify(ex::fill(ex::tr(app_, ex::Str::kNodeNotFound), missing));
    }

    // After a change the page made itself (popstate): adopt the resulting hash without reporting it back.
    std::string settle_hash() { last_hash_ = ex::hash_of(app_); return last_hash_; }

    // The page's buttons sit in a slot of the app's top bar (embedded pages have neither).
    void set_toolbar_size(float w, float h) {
        app_.page_toolbar_size = app_.config.embed ? ImVec2() : ImVec2(w, h);
        dirty_ = true;
    }

    // Notices go to the page (a toast and the live region) and to the app's status line.
    void notify(const std::string& message) {
        ex::app_show_status(app_, message, 4.0);
        js_notify(message.c_str());
        dirty_ = true;
    }

  private:
    bool   finger_down_ = false, pinching_ = false;
    const ex::Content* last_content_ = nullptr;  // what the page's text view was built from
    std::string        last_lang_;
    std::string        last_hash_ = "\x01";     // never a real hash: the first frame always reports
    std::string        last_theme_;
    ex::Rect           docked_{-1, -1, 0, 0};     // where the page's toolbar was last put (w = 0: undocked)
    bool               docked_under_ = false;     // and whether a dialog covered it
    float  pinch_dist_ = 0;
    ImVec2 pinch_mid_;

  public:
    double css_w = 0, css_h = 0;      // canvas size in CSS pixels
    int    backing_w = 0, backing_h = 0;  // canvas backing store in device pixels

  protected:
    const char* glsl_version() const override { return "#version 300 es"; }
    // The backend's own callbacks would report backing-store pixels and its Emscripten helpers call
    // glfwSetWindowSize, which this GLFW turns into a refused fullscreen request: install our own.
    bool install_backend_callbacks() const override { return false; }

    void on_backends_ready() override {
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
        ImGuiPlatformIO& pio = ImGui::GetPlatformIO();
        pio.Platform_SetClipboardTextFn = [](ImGuiContext*, const char* text) {
            clipboard_copy = text ? text : "";
            js_copy_text(clipboard_copy.c_str());
        };
        pio.Platform_GetClipboardTextFn = [](ImGuiContext*) -> const char* { return clipboard_copy.c_str(); };
        pio.Platform_SetImeDataFn = [](ImGuiContext*, ImGuiViewport*, ImGuiPlatformImeData* data) {
            js_ime(data->WantVisible ? 1 : 0, data->InputPos.x, data->InputPos.y, data->InputLineHeight);
        };
        pio.Platform_OpenInShellFn = [](ImGuiContext*, const char* url) -> bool {
            if (url && js_open_url(url)) return true;
            auto* self = static_cast<WebRunner*>(glfwGetWindowUserPointer(glfwGetCurrentContext()));
            const std::string shown = ex::utf8_cut(url ? url : "", 80, "...");  // never half a character
            if (self) self->notify(ex::fill(ex::tr(self->app(), ex::Str::kLinkRefused), shown));
            return false;
        };
        // Our wheel handler: positions in CSS pixels, and preventDefault so ctrl+wheel zooms the map, not the page.
        emscripten_set_wheel_callback("#canvas", this, true, [](int, const EmscriptenWheelEvent* e, void*) -> EM_BOOL {
            ImGuiIO& io = ImGui::GetIO();
            io.AddMousePosEvent((float)e->mouse.targetX, (float)e->mouse.targetY);
            io.AddKeyEvent(ImGuiMod_Ctrl, e->mouse.ctrlKey);
            float scale = e->deltaMode == DOM_DELTA_LINE ? 1.0f / 3.0f : e->deltaMode == DOM_DELTA_PAGE ? 2.0f : 1.0f / 100.0f;
            io.AddMouseWheelEvent(-(float)e->deltaX * scale, -(float)e->deltaY * scale);
            return EM_TRUE;
        });
    }

    void before_frame() override {
        double w = 0, h = 0;
        emscripten_get_element_css_size("#canvas", &w, &h);
        const double dpr = emscripten_get_device_pixel_ratio();
        const int bw = (int)std::lround(w * dpr), bh = (int)std::lround(h * dpr);
        if (w != css_w || h != css_h || bw != backing_w || bh != backing_h) {
            css_w = w; css_h = h; backing_w = bw; backing_h = bh;
            emscripten_set_canvas_element_size("#canvas", bw, bh);  // clears the canvas: only on change
            dirty_ = true;
        }
    }

    void after_platform_new_frame() override {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2((float)css_w, (float)css_h);
        io.DisplayFramebufferScale = ImVec2(css_w > 0 ? (float)(backing_w / css_w) : 1.0f,
                                            css_h > 0 ? (float)(backing_h / css_h) : 1.0f);
    }

    void framebuffer_size(int& w, int& h) const override { w = backing_w; h = backing_h; }

    void after_render() override {
        const ex::Rect slot = app_.page_toolbar_slot;
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
        const std::string hash = ex::hash_of(app_);
        if (hash != last_hash_) {
            last_hash_ = hash;
            const std::string selected = app_.content && app_.reading.selected >= 0 ? app_.content->nodes[app_.reading.selected].id : "";
            js_view_changed(hash.c_str(), selected.c_str());
        }
        if (app_.focus_leave != 0) {
            js_focus_leave(app_.focus_leave);
            app_.focus_leave = 0;
        }
        if (app_.first_content_frame) {
            js_mark("explainer:first-frame");
            js_first_frame();
        }
    }
};

WebRunner* g_runner = nullptr;  // the one instance the JS bridge talks to
std::string g_reply;            // keeps the last string returned to JS alive

// [SECTION] Idle: the main loop pauses itself ------------------------------------------------------------------------
// Skipping frames is not enough for a quiet tab: a running requestAnimationFrame loop keeps the compositor and the
// GPU process ticking 60 times a second. So while nothing is owed the loop pauses, and input (page.js listens in
// the capture phase, before GLFW's own handlers queue the event), the bridge, or a timer for the next animation
// resumes it.
bool     g_paused = false;
unsigned g_timer_id = 0;  // only the newest timer may resume the loop

void resume_loop() {
    if (!g_paused) return;
    g_paused = false;
    emscripten_resume_main_loop();
}

// A change made from outside a frame (the bridge): a frame is owed, and the loop must run to draw it.
void wake(bool dirty = true) {
    if (g_runner && dirty) g_runner->request_frame();
    resume_loop();
}

void main_loop(void* runner) {
    auto* r = static_cast<WebRunner*>(runner);
    if (r->frame_if_needed()) return;
    const double wait = r->wake_in();
    if (wait == 0.0) return;  // owed frames or a linger still running: keep polling
    g_paused = true;
    emscripten_pause_main_loop();
    if (wait > 0.0) {
        const unsigned id = ++g_timer_id;
        emscripten_async_call([](void* arg) { if ((unsigned)(uintptr_t)arg == g_timer_id) resume_loop(); },
                              (void*)(uintptr_t)id, (int)std::ceil(wait * 1000.0));
    }
}

// [SECTION] Bridge exported to page.js ------------------------------------------------------------------------------

// What the page shows around the map: the text view (core/export_html.h) in the reading language, which is also
// the screen readers' path, the title, the theme, embed mode, and the category colours for the favicon.
nlohmann::json page_json(const ex::AppContext& app) {
    using nlohmann::json;
    json out = json::object();
    if (!app.content) return out;
    const ex::Content& c = *app.content;
    out["title"] = ex::app_text(app, c.meta.title);
    out["lang"] = app.reading.lang;
    out["theme"] = app.reading.theme;
    out["embed"] = app.config.embed;
    json colours = json::array();
    for (const ex::Category& cat : c.categories) colours.push_back(cat.colour);
    out["colours"] = colours;
    out["html"] = ex::export_html(c, app.reading.lang);
    // Which of the two page languages the content has (the pre-rendered link to the other page shows only then).
    out["has_lang"] = {{"en", ex::export_language(c, "en") == "en"}, {"zh", ex::export_language(c, "zh") == "zh"}};
    return out;
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* explainer_state_json() {
    g_reply = g_runner ? ex::app_state(g_runner->app()).dump() : "{}";
    return g_reply.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* explainer_page_json() {
    // Invalid UTF-8 cannot reach here (the loader rejects it), but a dump must never throw across the bridge.
    g_reply = g_runner ? page_json(g_runner->app()).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                       : "{}";
    return g_reply.c_str();
}

EMSCRIPTEN_KEEPALIVE void explainer_touch(int phase, int count, float x0, float y0, float x1, float y1) {
    if (g_runner) g_runner->touch(phase, count, x0, y0, x1, y1);
    wake(false);
}

EMSCRIPTEN_KEEPALIVE int explainer_select(const char* id) {
    if (!g_runner) return 0;
    wake();
    return ex::app_select(g_runner->app(), id ? id : "", true) ? 1 : 0;
}

// Text from ime.js (committed compositions, inserted text) for the active text box.
EMSCRIPTEN_KEEPALIVE void explainer_text_input(const char* utf8) {
    if (!g_runner || !utf8) return;
    ImGui::GetIO().AddInputCharactersUTF8(utf8);
    wake();
}

EMSCRIPTEN_KEEPALIVE void explainer_request_frame() { wake(); }

// The page's buttons changed size (language, which buttons show); 0 before the app runs (page.js sends it again
// when the app says it started).
EMSCRIPTEN_KEEPALIVE int explainer_toolbar_size(float w, float h) {
    if (!g_runner) return 0;
    g_runner->set_toolbar_size(w, h);
    wake();
    return 1;
}

// The mouse's back (-1) and forward (+1) buttons, from page.js (this GLFW reports them as the right button).
EMSCRIPTEN_KEEPALIVE int explainer_history(int delta) {
    if (!g_runner) return 0;
    ex::AppContext& app = g_runner->app();
    const bool can = delta < 0 ? app.reading.history.can_back() : app.reading.history.can_forward();
    if (can) delta < 0 ? ex::app_back(app) : ex::app_forward(app);
    wake();
    return can ? 1 : 0;
}

// Input is about to reach GLFW (page.js, capture phase): run the loop, which sees the queued event and draws.
EMSCRIPTEN_KEEPALIVE void explainer_wake() { wake(false); }

// Loads `size` bytes at `bytes` (page.js allocates them with _malloc and frees them after). `bytes` may be null
// when the file is over the size cap: the page then does not copy it, and the cap is reported here.
// Returns {"ok": bool, "errors": ["FILE: /pointer: message", ...]}; a failed load keeps what was shown.
EMSCRIPTEN_KEEPALIVE const char* explainer_load(const char* bytes, double size, const char* label) {
    nlohmann::json reply = {{"ok", false}, {"errors", nlohmann::json::array()}};
    if (g_runner) {
        ex::AppContext& app = g_runner->app();
        const std::string name = label && *label ? label : "content.json";
        bool ok = false;
        if (!bytes || size > (double)ex::limits::kFileBytes) {
            char buf[160];
            std::snprintf(buf, sizeof buf, "the file is %.1f MiB; the limit is %s (%zu bytes)",
                          size / (1024.0 * 1024.0), ex::limits::file_size_text().c_str(), ex::limits::kFileBytes);
            app.problems = {ex::Problem{name, "", buf, ex::Severity::Error}};
        } else {
            ok = ex::app_load(app, std::string_view(bytes, (size_t)size), name);
        }
        reply["ok"] = ok;
        for (const ex::Problem& p : app.problems)
            if (p.severity == ex::Severity::Error) reply["errors"].push_back(ex::format_problem(p));
        wake();
    }
    g_reply = reply.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return g_reply.c_str();
}

EMSCRIPTEN_KEEPALIVE double explainer_max_bytes() { return (double)ex::limits::kFileBytes; }

// Edit mode on (1) or off (0), as the top bar's Edit and the editor's Done do; 1 when it is on/off as asked. Tests
// reach edit mode through it rather than by finding the button on the canvas.
EMSCRIPTEN_KEEPALIVE int explainer_edit(int on) {
    if (!g_runner) return 0;
    ex::AppContext& app = g_runner->app();
    if (on) ex::app_open_editor(app);
    else ex::app_close_editor(app);
    wake();
    return app_editing(app) == (on != 0) ? 1 : 0;
}

// Restores what a URL hash names (popstate, hashchange); returns the hash that now describes the view, which the
// page writes back with replaceState when it differs (an unknown id, a step past the end).
EMSCRIPTEN_KEEPALIVE const char* explainer_apply_hash(const char* hash) {
    if (!g_runner) return "";
    g_runner->apply_link(hash ? hash : "");
    wake();
    g_reply = g_runner->settle_hash();
    return g_reply.c_str();
}

// The same path a link in the app takes (ImGui's OpenInShell hook); 1 when a tab was opened.
EMSCRIPTEN_KEEPALIVE int explainer_open_url(const char* url) {
    if (!g_runner) return 0;
    ImGuiPlatformIO& pio = ImGui::GetPlatformIO();
    wake(false);  // a refusal notice marks a frame owed
    return pio.Platform_OpenInShellFn && pio.Platform_OpenInShellFn(ImGui::GetCurrentContext(), url ? url : "") ? 1 : 0;
}

}  // extern "C"

// [SECTION] main ----------------------------------------------------------------------------------------------------

static bool flag_on(const ex::Args& a, const std::string& key) {
    if (!a.has(key)) return false;
    const std::string v = a.get(key);
    return v != "0" && v != "false" && v != "no";
}

int main() {
    js_mark("explainer:main");
    char* query_c = js_location_query();
    ex::Args query = ex::parse_query(query_c ? query_c : "");
    free(query_c);

    ex::AppConfig config;
    // ?content= replaces the bundled article; when it cannot be shown the page says why, rather than showing an
    // unrelated article the reader did not ask for. Either is loaded below, from the bytes the page fetched.
    const bool custom = query.has("content");
    config.platform_font = ex::add_browser_font;  // no font files on the web: the reader's own fonts
    char* page_lang_c = js_page_lang();
    config.lang = query.get("lang", page_lang_c ? page_lang_c : "en");
    free(page_lang_c);
    config.theme = query.get("theme", js_prefers_dark() ? "dark" : "light");
    config.select = query.get("select");
    config.embed = flag_on(query, "embed");
    config.tab_leaves = true;
    config.authoring = flag_on(query, "edit");  // readers get a reading toolbar; authors add ?edit=1

    static WebRunner runner;
    g_runner = &runner;
    ex::RunnerOptions options;
    if (!runner.init(options, config)) {
        EM_ASM({ if (Module.onExplainerFatal) Module.onExplainerFatal("webgl2"); });
        return 1;
    }
    ex::AppContext& app = runner.app();
    {
        char* refusal_c = js_content_refusal();
        const std::string refusal = refusal_c ? refusal_c : "";
        free(refusal_c);
        const std::string label = custom ? query.get("content") : "article.json";
        if (!refusal.empty()) {
            app.problems = {ex::Problem{label, "", refusal, ex::Severity::Error}};
        } else {
            double size = 0;
            char* bytes = js_take_content(&size, (double)ex::limits::kFileBytes);
            explainer_load(bytes, size, label.c_str());  // the same checks and words as explainer.load()
            free(bytes);
            if (app.content && !config.select.empty()) ex::app_select(app, config.select, true);
        }
        js_mark("explainer:content");  // fonts set up, content loaded and laid out
        if (!app.content) {
            nlohmann::json lines = nlohmann::json::array();
            for (const ex::Problem& p : app.problems)
                if (p.severity == ex::Severity::Error) lines.push_back(ex::format_problem(p));
            js_content_failed(label.c_str(), lines.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
        }
    }
    char* hash_c = js_location_hash();
    const std::string hash = hash_c ? hash_c : "";
    free(hash_c);
    if (!hash.empty()) runner.apply_link(hash);
    runner.app().download = [](const std::string& text, const std::string& name) {
        return js_download(text.c_str(), name.c_str()) == 1;
    };
    js_started();
    emscripten_set_main_loop_arg(main_loop, &runner, 0, false);
    return 0;
}
