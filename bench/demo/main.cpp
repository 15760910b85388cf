// main.cpp — baseline (1) of the web benchmarks: the bare Dear ImGui demo on GLFW + OpenGL3 (WebGL2), as the stock
// example_glfw_opengl3 runs it: a requestAnimationFrame main loop that redraws every frame. Built from the same
// IMGUI_DIR with the app's compile and link flags (bench/demo/CMakeLists.txt).
//
// Differences from the stock example, each so that it measures like the app: no
// ImGui_ImplGlfw_InstallEmscriptenCallbacks (it calls glfwSetWindowSize, which this Emscripten's GLFW turns into a
// refused fullscreen request in headless Chromium), and two hooks for the harness: window.__firstFrame at the end
// of the first frame (the same point where the app sets it) and demo_frames(), the number of frames drawn.
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <GLES3/gl3.h>

namespace {

GLFWwindow* g_window = nullptr;
int g_frames = 0;
bool g_show_demo = true, g_show_another = false;

void frame() {
    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    if (g_show_demo) ImGui::ShowDemoWindow(&g_show_demo);
    {
        // The stock example's second window.
        static float f = 0.0f;
        static int counter = 0;
        ImGui::Begin("Hello, world!");
        ImGui::Text("This is some useful text.");
        ImGui::Checkbox("Demo Window", &g_show_demo);
        ImGui::Checkbox("Another Window", &g_show_another);
        ImGui::SliderFloat("float", &f, 0.0f, 1.0f);
        if (ImGui::Button("Button")) counter++;
        ImGui::SameLine();
        ImGui::Text("counter = %d", counter);
        ImGui::Text("Application average %.3f ms/frame (%.1f FPS)", 1000.0f / ImGui::GetIO().Framerate,
                    ImGui::GetIO().Framerate);
        ImGui::End();
    }
    if (g_show_another) {
        ImGui::Begin("Another Window", &g_show_another);
        ImGui::Text("Hello from another window!");
        if (ImGui::Button("Close Me")) g_show_another = false;
        ImGui::End();
    }
    ImGui::Render();
    int w = 0, h = 0;
    glfwGetFramebufferSize(g_window, &w, &h);
    glViewport(0, 0, w, h);
    glClearColor(0.45f, 0.55f, 0.60f, 1.00f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glfwSwapBuffers(g_window);
    if (++g_frames == 1) EM_ASM({ window.__firstFrame = performance.now(); });
}

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE int demo_frames() { return g_frames; }

int main() {
    if (!glfwInit()) return 1;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    g_window = glfwCreateWindow(1280, 800, "Dear ImGui demo", nullptr, nullptr);
    if (!g_window) return 1;
    glfwMakeContextCurrent(g_window);
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui::GetIO().IniFilename = nullptr;  // the stock example's imgui.ini would be written to MEMFS only
    ImGui::StyleColorsDark();
    ImGui_ImplGlfw_InitForOpenGL(g_window, true);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    emscripten_set_main_loop(frame, 0, false);  // 0 = requestAnimationFrame, every frame
    return 0;
}
