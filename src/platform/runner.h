// runner.h — the GLFW + OpenGL 3 runner shared by the desktop and the web. It owns the window, the ImGui context
// and the backends, and calls the app through its one seam (app_init / app_frame / app_shutdown). The web runner
// (main_web.cpp) is a small subclass that sizes the canvas and scales input for devicePixelRatio.
#pragma once
#include <string>

#include "ui/app.h"

struct GLFWwindow;

namespace ex {

struct RunnerOptions {
    int width = 1280, height = 800;  // initial window size (desktop)
    std::string title = "Explainer";
    bool visible = true;
};

class GlfwRunner {
  public:
    virtual ~GlfwRunner() = default;
    bool init(const RunnerOptions& options, const AppConfig& config);
    // Draws one frame when something changed (input, animation, resize); returns whether it drew.
    bool frame_if_needed();
    void shutdown();
    // Seconds until the app needs a frame even without input (animations, tooltips); < 0 means never.
    double wake_in() const;
    bool should_close() const;
    AppContext& app() { return app_; }
    GLFWwindow* window() const { return window_; }
    void request_frame() { dirty_ = true; }

  protected:
    virtual const char* glsl_version() const;
    virtual bool install_backend_callbacks() const { return true; }
    // The platform's side of the UI's hooks (ui/app.h); a hook the caller's AppConfig set is kept.
    virtual void fill_hooks(PlatformHooks& hooks);
    virtual void on_backends_ready() {}  // e.g. install our own input callbacks
    virtual void framebuffer_size(int& w, int& h) const;
    virtual void before_frame() {}              // e.g. follow the canvas size before input is read
    virtual void after_platform_new_frame() {}  // e.g. override DisplaySize / DisplayFramebufferScale
    virtual void after_render() {}

    GLFWwindow* window_ = nullptr;
    AppContext app_;
    bool dirty_ = true;                    // a frame is owed (first frame, resize, content change)
    double last_input_ = -1e9;             // glfwGetTime() of the last input event seen
    int frames_owed_ = kFramesAfterInput;  // frames still to draw after the last input; at start, ImGui
                                           // hides auto-sized windows for a frame while it measures them
    static constexpr int kFramesAfterInput = 4;
    static constexpr int kMaxSettlingPasses = 4;  // ImGui passes in one shown frame while the app settles
};

// Idle policy shared by both targets: draw while input is queued or recent, while the app animates, or when dirty.
bool frame_needed(bool input_queued, bool dirty, double since_input, bool app_busy);

}  // namespace ex
