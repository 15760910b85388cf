// runner_glfw.cpp — window, GL context, Dear ImGui backends and the idle-aware frame.
#include "platform/runner.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h>  // InputEventsQueue: input that arrived since the last frame

#include <cstdio>

namespace ex {

// A few frames after the last input let ImGui settle hover and release states.
static constexpr double kInputLinger = 0.25;

bool frame_needed(bool input_queued, bool dirty, double since_input, bool app_busy) {
    return input_queued || dirty || app_busy || since_input < kInputLinger;
}

// What RenderDrawData does first: create or update the textures whose glyphs changed (the font atlas grows as text
// is first drawn).
static void upload_textures(const ImDrawData* draw_data) {
    if (!draw_data || !draw_data->Textures) return;
    for (ImTextureData* tex : *draw_data->Textures)
        if (tex->Status != ImTextureStatus_OK) ImGui_ImplOpenGL3_UpdateTexture(tex);
}

const char* GlfwRunner::glsl_version() const { return "#version 130"; }

void GlfwRunner::framebuffer_size(int& w, int& h) const { glfwGetFramebufferSize(window_, &w, &h); }

// The desktop: GLFW's clipboard, and links through Dear ImGui's own opener (xdg-open, open or ShellExecute), as
// before the hooks; the app takes ImGui's functions over once it starts, so the opener is kept from here.
void GlfwRunner::fill_hooks(PlatformHooks& hooks) {
    GLFWwindow* window = window_;
    if (!hooks.set_clipboard)
        hooks.set_clipboard = [window](const std::string& text) { glfwSetClipboardString(window, text.c_str()); };
    if (!hooks.get_clipboard) hooks.get_clipboard = [window] { return glfwGetClipboardString(window); };
    const auto shell = ImGui::GetPlatformIO().Platform_OpenInShellFn;
    if (!hooks.open_url && shell)
        hooks.open_url = [shell](const std::string& url) { return shell(ImGui::GetCurrentContext(), url.c_str()); };
}

bool GlfwRunner::init(const RunnerOptions& options, const AppConfig& config) {
    glfwSetErrorCallback([](int code, const char* msg) { std::fprintf(stderr, "glfw error %d: %s\n", code, msg); });
    if (!glfwInit()) return false;
#if defined(__EMSCRIPTEN__)
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    // ImGui draws 2D with blending only: no depth or stencil buffer, and an opaque canvas (no alpha channel for
    // the page compositor to blend). Less to allocate and clear when the context is made, and every frame.
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    glfwWindowHint(GLFW_ALPHA_BITS, 0);
#else
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    glfwWindowHint(GLFW_VISIBLE, options.visible ? GLFW_TRUE : GLFW_FALSE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
#endif
    window_ = glfwCreateWindow(options.width, options.height, options.title.c_str(), nullptr, nullptr);
    if (!window_) {
        glfwTerminate();
        return false;
    }
    glfwMakeContextCurrent(window_);
#if !defined(__EMSCRIPTEN__)
    glfwSwapInterval(1);
#endif
    glfwSetWindowUserPointer(window_, this);
    // Resizes and exposes carry no ImGui input event; mark a frame owed.
    glfwSetFramebufferSizeCallback(
        window_, [](GLFWwindow* w, int, int) { static_cast<GlfwRunner*>(glfwGetWindowUserPointer(w))->dirty_ = true; });
    glfwSetWindowRefreshCallback(
        window_, [](GLFWwindow* w) { static_cast<GlfwRunner*>(glfwGetWindowUserPointer(w))->dirty_ = true; });

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // the layout is the app's, not a file beside the binary
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplGlfw_InitForOpenGL(window_, install_backend_callbacks());
    ImGui_ImplOpenGL3_Init(glsl_version());
    on_backends_ready();

    AppConfig scaled = config;
    fill_hooks(scaled.hooks);
#if !defined(__EMSCRIPTEN__)
    // HiDPI desktops: X11 and Windows report a content scale; macOS scales the framebuffer instead.
    const float content_scale = ImGui_ImplGlfw_GetContentScaleForWindow(window_);
    if (content_scale > 0.5f && content_scale < 8.0f) scaled.ui_scale *= content_scale;
#endif
    if (!app_init(app_, scaled)) return false;
    return true;
}

bool GlfwRunner::should_close() const { return glfwWindowShouldClose(window_); }

double GlfwRunner::wake_in() const {
    if (dirty_ || frames_owed_ > 0 || glfwGetTime() - last_input_ < kInputLinger) return 0.0;
    return app_wake_in(app_);
}

bool GlfwRunner::frame_if_needed() {
    before_frame();
    const bool queued = ImGui::GetCurrentContext()->InputEventsQueue.Size > 0;
    const double now = glfwGetTime();
    if (queued) {
        last_input_ = now;
        // Input takes effect over a few frames (press, release, then what the click changed): owe them by count
        // as well as by time, since a software-rendered frame can take longer than the whole time linger.
        frames_owed_ = kFramesAfterInput;
    }
    if (!frame_needed(queued, dirty_ || frames_owed_ > 0, now - last_input_, app_wake_in(app_) == 0.0)) return false;
    dirty_ = false;
    if (frames_owed_ > 0) --frames_owed_;

    // While the app lays itself out (panels get their sizes a frame after they appear, and the map is fitted
    // around them) the passes follow each other at once and only the last is shown: waiting for the screen
    // between them cost a quarter of a second per pass on a software GPU, and showed the map jumping.
    for (int pass = 0; pass < kMaxSettlingPasses; ++pass) {
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        after_platform_new_frame();
        ImGui::NewFrame();
        app_frame(app_);
        ImGui::Render();
        // A pass that will not be shown hands the renderer only the glyphs it added: drawing it would cost the GL
        // state read-back and the draw calls, most of the first frame on a software GPU (bench/README.md).
        if (app_settling(app_) && pass + 1 < kMaxSettlingPasses) {
            upload_textures(ImGui::GetDrawData());
            continue;
        }

        int fb_w = 0, fb_h = 0;
        framebuffer_size(fb_w, fb_h);
        glViewport(0, 0, fb_w, fb_h);
        const ImVec4 bg = app_clear_colour(app_);
        glClearColor(bg.x, bg.y, bg.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());  // also uploads the glyphs the pass added
        break;
    }
    glfwSwapBuffers(window_);
    after_render();
    return true;
}

void GlfwRunner::shutdown() {
    app_shutdown(app_);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window_);
    glfwTerminate();
}

}  // namespace ex
