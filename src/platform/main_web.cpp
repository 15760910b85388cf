// main_web.cpp — the browser target: a GlfwRunner subclass that sizes the canvas by devicePixelRatio, scales
// input to CSS pixels, skips frames while idle, and exposes the app to page.js (window.explainer).
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>

#include <cfloat>
#include <cmath>
#include <string>

#include "core/args.h"
#include "platform/assets.h"
#include "platform/runner.h"

namespace {

// [SECTION] JavaScript side (page.js defines the receivers) ----------------------------------------------------------

EM_JS(void, js_first_frame, (), { if (Module.onExplainerFirstFrame) Module.onExplainerFirstFrame(); });
EM_JS(char*, js_location_query, (), { return stringToNewUTF8(window.location.search || ""); });
EM_JS(void, js_copy_text, (const char* text), {
    // Works while the click or key that asked for it still counts as user activation (same frame).
    const s = UTF8ToString(text);
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(s).catch(() => {});
});
EM_JS(int, js_open_url, (const char* url), {
    let u;
    try { u = new URL(UTF8ToString(url)); } catch (e) { return 0; }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return 0;
    window.open(u.href, '_blank', 'noopener,noreferrer');
    return 1;
});
EM_JS(int, js_prefers_dark, (), {
    return (window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches) ? 1 : 0;
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
            if (finger_down_) { io.AddMouseButtonEvent(0, false); finger_down_ = false; }  // a pinch is no tap
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

  private:
    bool   finger_down_ = false, pinching_ = false;
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
        glfwSetCursorPosCallback(window_, [](GLFWwindow* w, double x, double y) {
            auto* self = static_cast<WebRunner*>(glfwGetWindowUserPointer(w));
            const double sx = self->backing_w > 0 ? self->css_w / self->backing_w : 1.0;
            const double sy = self->backing_h > 0 ? self->css_h / self->backing_h : 1.0;
            ImGui_ImplGlfw_CursorPosCallback(w, x * sx, y * sy);
        });
        glfwSetCursorEnterCallback(window_, [](GLFWwindow* w, int entered) {
            if (!entered) ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
            ImGui_ImplGlfw_CursorEnterCallback(w, entered);
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
        pio.Platform_OpenInShellFn = [](ImGuiContext*, const char* url) -> bool { return url && js_open_url(url); };
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
        if (app_.first_content_frame) js_first_frame();
    }
};

WebRunner* g_runner = nullptr;  // the one instance the JS bridge talks to
std::string g_reply;            // keeps the last string returned to JS alive

void main_loop(void* runner) { static_cast<WebRunner*>(runner)->frame_if_needed(); }

}  // namespace

// [SECTION] Bridge exported to page.js ------------------------------------------------------------------------------

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* explainer_state_json() {
    g_reply = g_runner ? ex::app_state(g_runner->app()).dump() : "{}";
    return g_reply.c_str();
}

EMSCRIPTEN_KEEPALIVE void explainer_touch(int phase, int count, float x0, float y0, float x1, float y1) {
    if (g_runner) g_runner->touch(phase, count, x0, y0, x1, y1);
}

EMSCRIPTEN_KEEPALIVE int explainer_select(const char* id) {
    if (!g_runner) return 0;
    g_runner->request_frame();
    return ex::app_select(g_runner->app(), id ? id : "", true) ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE void explainer_request_frame() {
    if (g_runner) g_runner->request_frame();
}

}  // extern "C"

int main() {
    char* query_c = js_location_query();
    ex::Args query = ex::parse_query(query_c ? query_c : "");
    free(query_c);

    ex::AppConfig config;
    config.content_path = ex::asset_path("content/article.json");
    config.content_label = "article.json";
    config.font_regular = ex::asset_path("fonts/NotoSans-Regular.subset.ttf");
    config.font_bold = ex::asset_path("fonts/NotoSans-Bold.subset.ttf");
    config.lang = query.get("lang", "en");
    config.theme = query.get("theme", js_prefers_dark() ? "dark" : "light");

    static WebRunner runner;
    g_runner = &runner;
    ex::RunnerOptions options;
    if (!runner.init(options, config)) {
        EM_ASM({ if (Module.onExplainerFatal) Module.onExplainerFatal("The explainer could not start WebGL2."); });
        return 1;
    }
    emscripten_set_main_loop_arg(main_loop, &runner, 0, false);
    return 0;
}
