// main_desktop.cpp — the desktop program: command-line tools, then the GLFW window that sleeps while idle and
// reloads the content file when it is saved (live preview).
//
// Index
//   [SECTION] Usage
//   [SECTION] Live preview and the state report
//   [SECTION] main
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/cli_tools.h"
#include "core/args.h"
#include "core/file_io.h"
#include "core/font_files.h"
#include "core/load.h"
#include "core/path.h"
#include "core/problem.h"
#include "platform/assets.h"
#include "platform/file_watch.h"
#include "platform/runner.h"
#include "platform/screenshot.h"
#include "platform/system_fonts.h"

namespace {

// [SECTION] Usage ---------------------------------------------------------------------------------------------------

// Every option, in the order --help lists them: the parser knows them and which take a value from here too.
const std::vector<ex::OptionSpec> kOptions = {
    {"validate", false, "FILE...", "check content files, print every problem; exit 0 if all are valid"},
    {"export-markdown", false, "[FILE]", "print the content as Markdown"},
    {"export-html", false, "[FILE]", "print the content as an HTML fragment (the web page's text view)"},
    {"export-canvas", true, "OUT [FILE]", "write the map as a JSON Canvas 1.0 file (.canvas)"},
    {"import-canvas", true, "IN", "print a JSON Canvas file converted to content JSON"},
    {"screenshot", true, "OUT.png [FILE]", "render the map offscreen into a PNG (needs a display; xvfb-run works)"},
    {"size", true, "WxH", "window or screenshot size (default 1280x800)"},
    {"select", true, "ID", "open with this node selected"},
    {"require-lang", true, "TAG", "with --validate: also report every text lacking a TAG translation"},
    {"lang", true, "TAG", "language of the text (default en)"},
    {"theme", true, "light|dark", "colour theme (default light)"},
    {"report-state", true, "FILE",
     "(tests) after each content load, once the map is still, write the app's state\n"
     "as JSON to FILE (with \"loads\": load attempts so far)"},
    {"version", false, "", "print the version"},
    {"help", false, "", "this text"},
};

std::string usage() {
    return "usage: explainer [options] [FILE.json]\n"
           "  Opens the explainer on FILE.json (default: the bundled article). A FILE given is watched: saving it\n"
           "  reloads the map, keeping the selection and the camera; a broken save shows its problems and keeps the "
           "map.\n"
           "options:\n" +
           ex::options_usage(kOptions) + "exit codes: 0 ok, 1 bad content, 2 usage\n";
}

int usage_error(const std::string& message) {
    std::cerr << "explainer: " << message << "\n" << usage();
    return 2;
}

bool parse_size(const std::string& s, int& w, int& h) {
    char x = 0, extra = 0;
    return std::sscanf(s.c_str(), "%d%c%d%c", &w, &x, &h, &extra) == 3 && x == 'x' && w >= 64 && h >= 64 && w <= 8192 &&
           h <= 8192;
}

// [SECTION] Live preview and the state report -----------------------------------------------------------------------

// Written to FILE.tmp and renamed, so a reader never sees half a report.
void write_state(const ex::AppContext& app, const std::string& path, int loads) {
    nlohmann::json state = ex::app_state(app);
    state["loads"] = loads;
    const std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << state.dump(2) << "\n";
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) std::cerr << "explainer: cannot write the state report " << path << ": " << ec.message() << "\n";
}

// `watch` is null when no FILE was named (the bundled article does not change).
int run_window(ex::AppConfig config, const ex::RunnerOptions& options, ex::FileWatch* watch,
               const std::string& report) {
    ex::GlfwRunner runner;
    if (!runner.init(options, config)) {
        std::cerr << "explainer: could not open a window (is a display available?)\n";
        return 1;
    }
    ex::AppContext& app = runner.app();
    glfwSetWindowTitle(runner.window(), app.content->meta.title.get(config.lang).c_str());
    int loads = 1;
    bool report_pending = !report.empty(), drawn_since_load = false;
    int owed_frames = 0;
    while (!runner.should_close()) {
        if (owed_frames > 0) {  // ImGui sizes a new auto-resizing window (the problems panel) before showing it
            runner.request_frame();
            --owed_frames;
        }
        drawn_since_load |= runner.frame_if_needed();
        if (report_pending && drawn_since_load && ex::app_wake_in(app) != 0.0) {  // loaded, drawn, and still
            write_state(app, report, loads);
            report_pending = false;
        }
        if (watch && watch->poll(glfwGetTime())) {
            // A reload keeps the reader's place (selection, camera, filters); a broken save keeps the map.
            if (ex::app_reload_file(app, config.content_path, config.content_label))
                glfwSetWindowTitle(runner.window(), app.content->meta.title.get(config.lang).c_str());
            ++loads;
            report_pending = !report.empty();
            drawn_since_load = false;
            owed_frames = 3;
            continue;
        }
        // Sleep until input or until the app's next animation/tooltip deadline: zero frames while idle. While
        // watching a file, wake twice a second to look at it.
        double wake = runner.wake_in();
        if (watch && (wake < 0.0 || wake > ex::FileWatch::kInterval)) wake = ex::FileWatch::kInterval;
        if (wake == 0.0) glfwPollEvents();
        else if (wake > 0.0) glfwWaitEventsTimeout(wake);
        else glfwWaitEvents();
    }
    runner.shutdown();
    return 0;
}

}  // namespace

// [SECTION] main ----------------------------------------------------------------------------------------------------

int main(int argc, char** argv) {
    const ex::Args args = ex::parse_command_line(argc, argv, kOptions);
    if (!args.errors.empty()) return usage_error(args.errors.front());
    if (args.has("help")) {
        std::cout << usage();
        return 0;
    }
    if (args.has("version")) {
        std::cout << "explainer " << EXPLAINER_VERSION << " (Dear ImGui " << IMGUI_VERSION << ")\n";
        return 0;
    }
    const std::string bundled = ex::asset_path("content/article.json");
    if (args.has("validate")) {
        if (args.positional.empty()) return usage_error("--validate needs at least one FILE");
        const ex::GlyphCoverage fonts(ex::asset_path("fonts"));  // the build's own, not whatever the host has
        return ex::cli_validate(args.positional, std::cout, args.get("require-lang"), &fonts);
    }
    if (args.has("import-canvas")) {
        if (!args.positional.empty()) return usage_error("--import-canvas takes no FILE.json; it prints to stdout");
        return ex::cli_import_canvas(args.get("import-canvas"), std::cout, std::cerr);
    }
    if (args.positional.size() > 1) return usage_error("more than one FILE given");
    const std::string file = args.positional.empty() ? bundled : args.positional.front();
    const std::string lang = args.get("lang", "en");
    if (args.has("export-markdown")) return ex::cli_export_markdown(file, lang, std::cout, std::cerr);
    if (args.has("export-html")) return ex::cli_export_html(file, lang, std::cout, std::cerr);
    if (args.has("export-canvas")) return ex::cli_export_canvas(file, args.get("export-canvas"), lang, std::cerr);

    ex::RunnerOptions options;
    if (args.has("size") && !parse_size(args.get("size"), options.width, options.height))
        return usage_error("--size must be WIDTHxHEIGHT, each from 64 to 8192 (e.g. 1280x800)");

    // Check the content before opening a window: a bad file is reported on the terminal with exit code 1. The watch
    // takes the file's stamp first, so a save during start-up is not missed.
    ex::FileWatch watch(file);
    // As a draft: a card saved in edit mode while still waiting for its citation opens (its problem is listed), so
    // the author can go on and cite it; --validate still fails it.
    ex::LoadResult loaded = ex::load_content_file(file, ex::base_name(file), ex::LoadOptions{true});
    for (const ex::Problem& p : loaded.problems) std::cerr << ex::format_problem(p) << "\n";
    if (!loaded.content) return 1;

    ex::AppConfig config;
    config.content = loaded.content;
    config.content_path = file;
    config.content_label = ex::base_name(file);
    config.font_dir = ex::asset_path("fonts");
    // Characters the build's fonts lack (another script, say) come from the machine's fonts, found once at start;
    // the bundled article needs none, so fontconfig is not even started for it.
    if (std::string bytes; ex::read_file(file, bytes, ex::limits::kFileBytes) == ex::ReadStatus::Ok) {
        const std::vector<uint32_t> missing = ex::undrawn_code_points(bytes, ex::GlyphCoverage(config.font_dir));
        config.fallback_regular = ex::system_fonts_for(missing, false);
        config.fallback_bold = ex::system_fonts_for(missing, true);
    }
    config.lang = lang;
    config.theme = args.get("theme", "light");
    config.select = args.get("select");
    if (config.theme != "light" && config.theme != "dark") return usage_error("--theme must be light or dark");
    if (!config.select.empty() && loaded.content->node_index(config.select) < 0)
        return usage_error("--select: no node with id \"" + config.select + "\" in " + config.content_label);

    if (args.has("screenshot")) {
        ex::ScreenshotOptions shot;
        shot.out_path = args.get("screenshot");
        shot.width = options.width;
        shot.height = options.height;
        return ex::render_screenshot(config, shot, std::cerr);
    }
    return run_window(config, options, args.positional.empty() ? nullptr : &watch, args.get("report-state"));
}
