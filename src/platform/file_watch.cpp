// file_watch.cpp — mtime + size polling.
#include "platform/file_watch.h"

#include <filesystem>

namespace ex {

FileWatch::FileWatch(std::string path, double interval) : path_(std::move(path)), interval_(interval) {
    seen_ = stat();
}

FileWatch::Stamp FileWatch::stat() const {
    namespace fs = std::filesystem;
    Stamp s;
    std::error_code ec;
    const auto time = fs::last_write_time(path_, ec);
    if (ec) return s;
    const auto size = fs::file_size(path_, ec);
    if (ec) return s;
    s.exists = true;
    s.time = int64_t(time.time_since_epoch().count());
    s.size = uint64_t(size);
    return s;
}

bool FileWatch::poll(double now) {
    if (now - last_look_ < interval_) return false;
    last_look_ = now;
    const Stamp s = stat();
    if (!s.exists || s == seen_) return false;  // missing: an editor is between "delete" and "rename"; wait
    seen_ = s;
    return true;
}

}  // namespace ex
