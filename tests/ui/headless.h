// headless.h — runs real frames of the app's UI with no window and no GPU (Dear ImGui's null-backend approach):
// textures are acknowledged but never uploaded, draw lists are built and dropped.
#pragma once
#include <imgui.h>

#include <string>
#include <vector>

#include "ui/app.h"

namespace ex::test {

// The platform's side of PlatformHooks, recorded for tests to read (and page_covers / open_links to set).
struct FakePlatform {
    std::string clipboard;
    std::vector<std::string> notices, opened;  // app_notify's messages; URLs opened
    std::vector<int> focus_leaves;             // directions Tab left the map in
    int first_frames = 0;
    ImVec2 page_covers;      // the page's buttons (zero: no page)
    bool open_links = true;  // false: every link is refused
};

struct Headless {
    FakePlatform platform;
    AppContext app;
    double time = 0;
    ImGuiContext* context = nullptr;  // its own: several may be alive at once

    // Fills every hook the config leaves empty from `platform`, except fonts and download (a test that wants the
    // web's Save sets config.hooks.download itself).
    explicit Headless(AppConfig config, ImVec2 size = ImVec2(1280, 800));
    ~Headless();
    Headless(const Headless&) = delete;
    Headless& operator=(const Headless&) = delete;

    void frame(int count = 1);  // advance 1/60 s per frame; more while the first fit
                                // settles (tests act on the map the reader would see)
    // Input, queued like a backend would, then one frame so it takes effect.
    void move(ImVec2 pos);
    void click(ImVec2 pos, int button = 0);
    void drag(ImVec2 from, ImVec2 to, int steps = 8);
    void wheel(ImVec2 pos, float dy, bool ctrl = false);
    void key(ImGuiKey key, ImGuiKeyChord mods = 0);
    void type(const std::string& utf8);
    ImGuiIO& io();  // this app's ImGui context, made current
};

AppConfig default_config();  // the bundled article with the built fonts

}  // namespace ex::test
