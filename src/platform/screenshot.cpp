// screenshot.cpp — hidden GLFW window, a framebuffer object to draw into, glReadPixels, stb_image_write.
//
// Why a framebuffer object: the default framebuffer of a hidden (unmapped) window has undefined contents on some
// drivers (pixel ownership), and the runner swaps buffers after each frame; an FBO is ours and keeps its pixels.
#include "platform/screenshot.h"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <vector>

#include "platform/runner.h"

#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_IMAGE_WRITE_STATIC
#include <stb/stb_image_write.h>

#ifndef GL_FRAMEBUFFER
#define GL_FRAMEBUFFER 0x8D40
#define GL_RENDERBUFFER 0x8D41
#define GL_COLOR_ATTACHMENT0 0x8CE0
#define GL_FRAMEBUFFER_COMPLETE 0x8CD5
#endif
#ifndef GL_RGBA8
#define GL_RGBA8 0x8058
#endif

namespace ex {

namespace {

// The few GL 3.0 entry points needed, loaded through GLFW so no GL loader library is required.
struct FboApi {
    void(APIENTRY* gen_framebuffers)(GLsizei, GLuint*) = nullptr;
    void(APIENTRY* bind_framebuffer)(GLenum, GLuint) = nullptr;
    void(APIENTRY* delete_framebuffers)(GLsizei, const GLuint*) = nullptr;
    void(APIENTRY* gen_renderbuffers)(GLsizei, GLuint*) = nullptr;
    void(APIENTRY* bind_renderbuffer)(GLenum, GLuint) = nullptr;
    void(APIENTRY* delete_renderbuffers)(GLsizei, const GLuint*) = nullptr;
    void(APIENTRY* renderbuffer_storage)(GLenum, GLenum, GLsizei, GLsizei) = nullptr;
    void(APIENTRY* framebuffer_renderbuffer)(GLenum, GLenum, GLenum, GLuint) = nullptr;
    GLenum(APIENTRY* check_framebuffer_status)(GLenum) = nullptr;

    template <class F>
    static bool load(F& fn, const char* name) {
        fn = reinterpret_cast<F>(glfwGetProcAddress(name));
        return fn != nullptr;
    }
    bool load_all() {
        return load(gen_framebuffers, "glGenFramebuffers") && load(bind_framebuffer, "glBindFramebuffer") &&
               load(delete_framebuffers, "glDeleteFramebuffers") && load(gen_renderbuffers, "glGenRenderbuffers") &&
               load(bind_renderbuffer, "glBindRenderbuffer") && load(delete_renderbuffers, "glDeleteRenderbuffers") &&
               load(renderbuffer_storage, "glRenderbufferStorage") &&
               load(framebuffer_renderbuffer, "glFramebufferRenderbuffer") &&
               load(check_framebuffer_status, "glCheckFramebufferStatus");
    }
};

// Each frame advances the app's clock by exactly 1/30 s, however long it took to draw, so the fit and camera
// flights finish after a known number of frames.
class OffscreenRunner : public GlfwRunner {
  protected:
    void after_platform_new_frame() override { ImGui::GetIO().DeltaTime = 1.0f / 30.0f; }
};

}  // namespace

int render_screenshot(const AppConfig& config, const ScreenshotOptions& options, std::ostream& err) {
    OffscreenRunner runner;
    RunnerOptions ro;
    ro.width = options.width;
    ro.height = options.height;
    ro.visible = false;
    if (!runner.init(ro, config)) {
        err << "explainer: could not open a window for the screenshot (is a display available? try xvfb-run)\n";
        return 1;
    }
    glfwSwapInterval(0);  // nothing is shown: do not wait for vertical sync
    int w = 0, h = 0;
    glfwGetFramebufferSize(runner.window(), &w, &h);
    FboApi gl;
    GLuint fbo = 0, colour = 0;
    bool ok = w > 0 && h > 0 && gl.load_all();
    if (ok) {
        gl.gen_framebuffers(1, &fbo);
        gl.bind_framebuffer(GL_FRAMEBUFFER, fbo);
        gl.gen_renderbuffers(1, &colour);
        gl.bind_renderbuffer(GL_RENDERBUFFER, colour);
        gl.renderbuffer_storage(GL_RENDERBUFFER, GL_RGBA8, w, h);
        gl.framebuffer_renderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, colour);
        ok = gl.check_framebuffer_status(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    }
    if (!ok) {
        err << "explainer: could not create an offscreen framebuffer (" << w << "x" << h << ")\n";
        runner.shutdown();
        return 1;
    }
    constexpr int kMinFrames = 4, kMaxFrames = 300;  // fonts are baked during the first frames
    for (int frame = 0; frame < kMaxFrames; ++frame) {
        gl.bind_framebuffer(GL_FRAMEBUFFER, fbo);
        runner.request_frame();
        runner.frame_if_needed();
        glfwPollEvents();
        if (frame + 1 >= kMinFrames && app_wake_in(runner.app()) != 0.0) break;
    }
    std::vector<unsigned char> pixels(size_t(w) * size_t(h) * 3);
    gl.bind_framebuffer(GL_FRAMEBUFFER, fbo);
    for (int i = 0; i < 16 && glGetError() != GL_NO_ERROR; ++i) {}  // only the read's own errors count below
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, w, h, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    const bool read_ok = glGetError() == GL_NO_ERROR;
    gl.bind_framebuffer(GL_FRAMEBUFFER, 0);
    gl.delete_renderbuffers(1, &colour);
    gl.delete_framebuffers(1, &fbo);
    runner.shutdown();
    if (!read_ok) {
        err << "explainer: could not read the rendered frame\n";
        return 1;
    }
    stbi_flip_vertically_on_write(1);  // GL rows run bottom-up
    if (!stbi_write_png(options.out_path.c_str(), w, h, 3, pixels.data(), w * 3)) {
        err << "explainer: cannot write " << options.out_path << "\n";
        return 1;
    }
    return 0;
}

}  // namespace ex
