// bench_scale.cpp — the scale benchmark: for each content file, load + validate time, layout time, and the CPU time
// of real UI frames (NewFrame + app_frame + Render, null backend) while the camera pans, at "fit" zoom (every card on
// screen: the worst case) and at zoom 1. Prints one JSON object; bench/run.sh stores it.
//   bench_scale [--runs R] [--frames F] FILE...
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/layout.h"
#include "core/load.h"
#include "headless.h"

namespace {

double thread_cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double wall_ms() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

double percentile(std::vector<double> v, double q) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const size_t i = std::min(v.size() - 1, (size_t)(q * (v.size() - 1) + 0.5));
    return v[i];
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Pans the camera from `start` by a fixed screen distance per frame (as a drag would), back and forth so the view
// stays over the same part of the map, and times each frame. Cards on screen are counted at the start.
nlohmann::json pan_frames(ex::test::Headless& h, int frames, ex::Camera start) {
    ex::AppContext& app = h.app;
    app.map.view.cam = start;
    h.frame(3);  // warm: glyphs baked at this zoom, buffers grown
    int visible = 0;
    const ex::Rect vis = app.map.view.visible_canvas();
    for (const auto& r : app.map.layout.cards)
        if (r.x < vis.x + vis.w && r.x + r.w > vis.x && r.y < vis.y + vis.h && r.y + r.h > vis.y) ++visible;
    std::vector<double> cpu, wall;
    for (int f = 0; f < frames; ++f) {
        const float step = ((f / 20) % 2 == 0 ? 6.0f : -6.0f) / app.map.view.cam.zoom;
        app.map.view.cam.center = ex::Vec2(app.map.view.cam.center.x + step, app.map.view.cam.center.y + step * 0.3f);
        const double c0 = thread_cpu_ms(), w0 = wall_ms();
        h.frame();
        cpu.push_back(thread_cpu_ms() - c0);
        wall.push_back(wall_ms() - w0);
    }
    return {{"zoom", app.map.view.cam.zoom},
            {"cards_on_screen", visible},
            {"frames", frames},
            {"cpu_ms_median", percentile(cpu, 0.5)},
            {"cpu_ms_p95", percentile(cpu, 0.95)},
            {"wall_ms_median", percentile(wall, 0.5)},
            {"fps_from_wall_median", 1000.0 / std::max(1e-6, percentile(wall, 0.5))}};
}

}  // namespace

int main(int argc, char** argv) {
    int runs = 3, frames = 120;
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--runs" && i + 1 < argc) runs = std::atoi(argv[++i]);
        else if (a == "--frames" && i + 1 < argc) frames = std::atoi(argv[++i]);
        else files.push_back(a);
    }
    nlohmann::json out = nlohmann::json::array();
    for (const auto& path : files) {
        const std::string bytes = read_file(path);
        std::vector<double> load_ms, layout_ms;
        std::shared_ptr<const ex::Content> content;
        for (int r = 0; r < runs; ++r) {
            double t0 = wall_ms();
            ex::LoadResult lr = ex::load_content(bytes, path);
            load_ms.push_back(wall_ms() - t0);
            if (!lr.ok()) {
                std::fprintf(stderr, "%s: does not load\n", path.c_str());
                return 1;
            }
            content = lr.content;
            t0 = wall_ms();
            ex::Layout layout = ex::compute_layout(*content);
            layout_ms.push_back(wall_ms() - t0);
        }
        // UI frames: the app loads the file itself, as the desktop program does.
        ex::AppConfig config = ex::test::default_config();
        config.content_path = path;
        config.content_label = "bench.json";
        const double t0 = wall_ms();
        ex::test::Headless h(config, ImVec2(1280, 800));
        h.frame(2);  // the first frame fits the map once the canvas size is known
        const double first_frames_ms = wall_ms() - t0;
        const ex::Camera fit = h.app.map.view.cam;  // the app fitted the whole map
        const ex::Rect middle = h.app.map.layout.cards[h.app.map.layout.cards.size() / 2];
        ex::Camera close;  // zoom 1 over a card in the middle of the map
        close.center = ex::Vec2(middle.x + middle.w / 2, middle.y + middle.h / 2);
        close.zoom = 1.0f;
        nlohmann::json at_fit = pan_frames(h, frames, fit);
        nlohmann::json at_one = pan_frames(h, frames, close);
        out.push_back({{"file", path},
                       {"bytes", bytes.size()},
                       {"nodes", content->nodes.size()},
                       {"edges", content->edges.size()},
                       {"runs", runs},
                       {"load_validate_ms_median", percentile(load_ms, 0.5)},
                       {"layout_ms_median", percentile(layout_ms, 0.5)},
                       {"init_to_second_frame_ms", first_frames_ms},
                       {"pan_fit", at_fit},
                       {"pan_zoom1", at_one}});
        std::fprintf(stderr, "bench_scale: %s done\n", path.c_str());
    }
    std::printf("%s\n", out.dump(2).c_str());
    return 0;
}
