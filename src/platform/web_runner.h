// web_runner.h — the browser's runner (main_web.cpp), as the bridge page.js calls (web_bridge.cpp) sees it.
#pragma once
#include <imgui.h>

#include <string>

#include "platform/runner.h"
#include "ui/touch.h"

namespace ex {

class WebRunner : public GlfwRunner {
  public:
    // Touch, forwarded by page.js in CSS pixels (ui/touch.h).
    void touch(int phase, int count, float x0, float y0, float x1, float y1) {
        if (touch_.touch(app_, phase, count, ImVec2(x0, y0), ImVec2(x1, y1))) dirty_ = true;
    }
    // After a change the page made itself (popstate): adopt the resulting hash without reporting it back.
    std::string settle_hash();
    // The page's buttons changed size; the app's top bar keeps a slot that size for them (hooks.page_covers).
    void set_toolbar_size(float w, float h) {
        toolbar_size_ = ImVec2(w, h);
        dirty_ = true;
    }

    double css_w = 0, css_h = 0;       // canvas size in CSS pixels
    int backing_w = 0, backing_h = 0;  // canvas backing store in device pixels

  protected:
    const char* glsl_version() const override { return "#version 300 es"; }
    // The backend's own callbacks would report backing-store pixels and its Emscripten helpers call
    // glfwSetWindowSize, which this GLFW turns into a refused fullscreen request: install our own.
    bool install_backend_callbacks() const override { return false; }
    void fill_hooks(PlatformHooks& hooks) override;
    void on_backends_ready() override;
    void before_frame() override;
    void after_platform_new_frame() override;
    void framebuffer_size(int& w, int& h) const override {
        w = backing_w;
        h = backing_h;
    }
    void after_render() override;

  private:
    TouchInput touch_;
    std::string clipboard_;                  // what the app last copied; Ctrl+V inside the app pastes it
    ImVec2 toolbar_size_;                    // the page's buttons, as page.js measured them
    bool first_frame_ = false;               // the first frame of content was drawn: tell the page once shown
    const Content* last_content_ = nullptr;  // what the page's text view was built from
    std::string last_lang_, last_theme_;
    std::string last_hash_ = "\x01";  // never a real hash: the first frame always reports
    Rect docked_{-1, -1, 0, 0};       // where the page's toolbar was last put (w = 0: undocked)
    bool docked_under_ = false;       // and whether a dialog covered it
};

// web_bridge.cpp: the runner page.js talks to (set before init: the page may call during start-up), then the main
// loop, which pauses itself while idle.
void attach_bridge(WebRunner& runner);
void run_main_loop(WebRunner& runner);

}  // namespace ex
