// headless.cpp — the null backend for UI tests.
#include "headless.h"

namespace ex::test {

AppConfig default_config() {
    AppConfig c;
    c.content_path = std::string(EXPLAINER_SOURCE_DIR) + "/assets/content/article.json";
    c.content_label = "article.json";
    c.font_dir = std::string(EXPLAINER_BUILD_ASSETS) + "/fonts";
    return c;
}

Headless::Headless(AppConfig config, ImVec2 size) {
    PlatformHooks& hooks = config.hooks;
    FakePlatform& p = platform;
    if (!hooks.open_url)
        hooks.open_url = [&p](const std::string& url) {
            if (p.open_links) p.opened.push_back(url);
            return p.open_links;
        };
    if (!hooks.set_clipboard) hooks.set_clipboard = [&p](const std::string& text) { p.clipboard = text; };
    if (!hooks.get_clipboard) hooks.get_clipboard = [&p] { return p.clipboard.c_str(); };
    if (!hooks.notify) hooks.notify = [&p](const std::string& message) { p.notices.push_back(message); };
    if (!hooks.focus_leave) hooks.focus_leave = [&p](int direction) { p.focus_leaves.push_back(direction); };
    if (!hooks.first_frame) hooks.first_frame = [&p] { ++p.first_frames; };
    if (!hooks.page_covers) hooks.page_covers = [&p] { return p.page_covers; };
    context = ImGui::CreateContext();
    ImGuiIO& io = this->io();
    io.IniFilename = nullptr;
    io.DisplaySize = size;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.BackendFlags |= ImGuiBackendFlags_RendererHasTextures;  // glyphs are baked on demand, as with a GPU
    app_init(app, config);
}

Headless::~Headless() {
    io();
    app_shutdown(app);
    ImGui::DestroyContext(context);
}

ImGuiIO& Headless::io() {
    ImGui::SetCurrentContext(context);  // several apps may be alive: each call acts on its own
    return ImGui::GetIO();
}

void Headless::frame(int count) {
    for (int i = 0; i < count || app.map.fit_settle > 0; ++i) {
        ImGuiIO& io = this->io();
        io.DeltaTime = 1.0f / 60.0f;
        time += io.DeltaTime;
        ImGui::NewFrame();
        app_frame(app);
        ImGui::Render();
        // Play the renderer's part: accept every texture request.
        for (ImTextureData* tex : *ImGui::GetDrawData()->Textures) {
            if (tex->Status == ImTextureStatus_WantCreate) tex->SetTexID((ImTextureID)1);
            if (tex->Status == ImTextureStatus_WantDestroy) tex->SetTexID(ImTextureID_Invalid);
            if (tex->Status != ImTextureStatus_OK && tex->Status != ImTextureStatus_Destroyed)
                tex->SetStatus(tex->Status == ImTextureStatus_WantDestroy ? ImTextureStatus_Destroyed
                                                                          : ImTextureStatus_OK);
        }
    }
}

void Headless::move(ImVec2 pos) {
    io().AddMousePosEvent(pos.x, pos.y);
    frame();
}

void Headless::click(ImVec2 pos, int button) {
    ImGuiIO& io = this->io();
    io.AddMousePosEvent(pos.x, pos.y);
    frame();
    io.AddMouseButtonEvent(button, true);
    frame();
    io.AddMouseButtonEvent(button, false);
    frame(2);
}

void Headless::drag(ImVec2 from, ImVec2 to, int steps) {
    ImGuiIO& io = this->io();
    io.AddMousePosEvent(from.x, from.y);
    frame();
    io.AddMouseButtonEvent(0, true);
    frame();
    for (int i = 1; i <= steps; ++i) {
        const float t = (float)i / steps;
        io.AddMousePosEvent(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t);
        frame();
    }
    io.AddMouseButtonEvent(0, false);
    frame(2);
}

void Headless::wheel(ImVec2 pos, float dy, bool ctrl) {
    ImGuiIO& io = this->io();
    io.AddMousePosEvent(pos.x, pos.y);
    if (ctrl) io.AddKeyEvent(ImGuiMod_Ctrl, true);
    frame();
    io.AddMouseWheelEvent(0, dy);
    frame();
    if (ctrl) io.AddKeyEvent(ImGuiMod_Ctrl, false);
    frame();
}

void Headless::key(ImGuiKey key, ImGuiKeyChord mods) {
    ImGuiIO& io = this->io();
    auto set_mods = [&](bool down) {
        if (mods & ImGuiMod_Ctrl) io.AddKeyEvent(ImGuiMod_Ctrl, down);
        if (mods & ImGuiMod_Shift) io.AddKeyEvent(ImGuiMod_Shift, down);
        if (mods & ImGuiMod_Alt) io.AddKeyEvent(ImGuiMod_Alt, down);
    };
    set_mods(true);
    io.AddKeyEvent(key, true);
    frame();
    io.AddKeyEvent(key, false);
    set_mods(false);
    frame();
}

void Headless::type(const std::string& utf8) {
    io().AddInputCharactersUTF8(utf8.c_str());
    frame(2);
}

}  // namespace ex::test
