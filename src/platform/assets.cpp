// assets.cpp — where bundled assets are found on each target.
#include "platform/assets.h"

#include "core/file_io.h"
#include "core/font_files.h"

#include <cstdlib>
#include <string>
#if !defined(__EMSCRIPTEN__) && defined(__linux__)
#include <unistd.h>
#endif

namespace ex {

static bool exists(const std::string& p) { return file_readable(p); }

static std::string find_root() {
#if defined(__EMSCRIPTEN__)
    return "/assets";
#else
    if (const char* env = std::getenv("EXPLAINER_ASSETS")) return env;
#if defined(__linux__)
    char buf[4096];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
    if (n > 0) {
        std::string dir(buf, (size_t)n);
        dir = dir.substr(0, dir.find_last_of('/'));
        for (const char* rel : {"/assets", "/../share/explainer/assets"})
            if (exists(dir + rel + "/fonts/" + kRegularFaces[0].file)) return dir + rel;
    }
#endif
    return EXPLAINER_SOURCE_ASSETS;  // a source checkout: content is here, fonts only in a build
#endif
}

std::string asset_path(const std::string& relative) {
    static const std::string root = find_root();
    return root + "/" + relative;
}

}  // namespace ex
