// main_desktop.cpp — the desktop program: command-line tools, then the GLFW window that sleeps while idle.
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <iostream>

#include "core/args.h"
#include "core/cli_tools.h"
#include "core/load.h"
#include "core/problem.h"
#include "platform/assets.h"
#include "platform/runner.h"

namespace {

const char* kUsage =
    "usage: explainer [options] [FILE.json]\n"
    "  Opens the explainer on FILE.json (default: the bundled article).\n"
    "options:\n"
    "  --validate FILE...         check content files, print every problem; exit 0 if all are valid\n"
    "  --export-markdown [FILE]   print the content as Markdown\n"
    "  --lang TAG                 language of the text (default en)\n"
    "  --theme light|dark         colour theme (default light)\n"
    "  --version                  print the version\n"
    "  --help                     this text\n"
    "exit codes: 0 ok, 1 bad content, 2 usage\n";

int usage_error(const std::string& message) {
    std::cerr << "explainer: " << message << "\n" << kUsage;
    return 2;
}

std::string base_name(const std::string& path) {
    const size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> flags = {"validate", "export-markdown", "version", "help"};
    const std::vector<std::string> known = {"validate", "export-markdown", "version", "help", "lang", "theme"};
    for (int i = 1; i < argc; ++i) {  // before parsing, so "--nope" is not taken for an option missing its value
        std::string a = argv[i];
        if (a == "--") break;
        if (a.size() < 2 || a[0] != '-') continue;
        a = a.substr(a[1] == '-' ? 2 : 1);
        a = a.substr(0, a.find('='));
        if (std::find(known.begin(), known.end(), a) == known.end()) return usage_error("unknown option " + std::string(argv[i]));
    }
    ex::Args args = ex::parse_command_line(argc, argv, flags);
    if (!args.errors.empty()) return usage_error(args.errors.front());
    if (args.has("help")) { std::cout << kUsage; return 0; }
    if (args.has("version")) {
        std::cout << "explainer " << EXPLAINER_VERSION << " (Dear ImGui " << IMGUI_VERSION << ")\n";
        return 0;
    }
    const std::string bundled = ex::asset_path("content/article.json");
    if (args.has("validate")) {
        if (args.positional.empty()) return usage_error("--validate needs at least one FILE");
        return ex::cli_validate(args.positional, std::cout);
    }
    if (args.positional.size() > 1) return usage_error("more than one FILE given");
    const std::string file = args.positional.empty() ? bundled : args.positional.front();
    if (args.has("export-markdown")) return ex::cli_export_markdown(file, args.get("lang", "en"), std::cout, std::cerr);

    // Check the content before opening a window: a bad file is reported on the terminal with exit code 1.
    ex::LoadResult loaded = ex::load_content_file(file, base_name(file));
    for (const ex::Problem& p : loaded.problems) std::cerr << ex::format_problem(p) << "\n";
    if (!loaded.ok()) return 1;

    ex::AppConfig config;
    config.content = loaded.content;
    config.content_path = file;
    config.content_label = base_name(file);
    config.font_regular = ex::asset_path("fonts/NotoSans-Regular.subset.ttf");
    config.font_bold = ex::asset_path("fonts/NotoSans-Bold.subset.ttf");
    config.lang = args.get("lang", "en");
    config.theme = args.get("theme", "light");
    if (config.theme != "light" && config.theme != "dark") return usage_error("--theme must be light or dark");

    ex::GlfwRunner runner;
    ex::RunnerOptions options;
    if (!runner.init(options, config)) {
        std::cerr << "explainer: could not open a window (is a display available?)\n";
        return 1;
    }
    glfwSetWindowTitle(runner.window(), runner.app().content->meta.title.get(config.lang).c_str());
    while (!runner.should_close()) {
        runner.frame_if_needed();
        // Sleep until input or until the app's next animation/tooltip deadline: zero frames while idle.
        const double wake = runner.wake_in();
        if (wake == 0.0) glfwPollEvents();
        else if (wake > 0.0) glfwWaitEventsTimeout(wake);
        else glfwWaitEvents();
    }
    runner.shutdown();
    return 0;
}
