// screenshot.h — `explainer --screenshot OUT.png`: one frame of the app rendered offscreen into a PNG (desktop only).
#pragma once
#include <ostream>
#include <string>

#include "ui/app.h"

namespace ex {

struct ScreenshotOptions {
    std::string out_path;
    int width = 1280, height = 800;  // window size; the PNG has the framebuffer's size (equal unless HiDPI)
};

// Opens a hidden window, renders frames on a fixed 30 Hz clock until the app is idle (fonts baked, the first fit
// and any camera flight finished; at most 300 frames) into an offscreen framebuffer, and writes it as an RGB PNG.
// 0 on success; 1 with a message on `err` when no window or framebuffer can be made or the file cannot be written.
int render_screenshot(const AppConfig& config, const ScreenshotOptions& options, std::ostream& err);

}  // namespace ex
