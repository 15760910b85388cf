// test_file_watch.cpp — the desktop's file watch sees changes the modification time and size hide: a same-size
// replacement with the old time restored (cp -p, rsync -a), a file renamed over the old one, and a file that could
// not be read and now can.
#include <doctest/doctest.h>

#include <unistd.h>  // getpid: a private temp folder

#include <filesystem>
#include <fstream>

#include "platform/file_watch.h"

namespace fs = std::filesystem;

namespace {

fs::path watch_dir(const char* name) {
    const fs::path dir = fs::temp_directory_path() / (std::string(name) + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

void write(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

}  // namespace

TEST_CASE("file_watch: a same-size rewrite with its old modification time restored is seen by its bytes") {
    const fs::path dir = watch_dir("explainer-watch-mtime-");
    const fs::path path = dir / "map.json";
    write(path, "{\"title\": \"version one\"}");
    const auto time = fs::last_write_time(path) - std::chrono::hours(1);
    fs::last_write_time(path, time);
    ex::FileWatch watch(path.string(), 0.5, 2.0);
    CHECK_FALSE(watch.poll(0.0));

    write(path, "{\"title\": \"version two\"}");  // in place: the same inode
    fs::last_write_time(path, time);              // what cp -p does
    CHECK_FALSE(watch.poll(0.6));                 // the stat alone says "same"
    CHECK(watch.poll(2.1));                       // the bytes say otherwise
    CHECK_FALSE(watch.poll(4.2));                 // once per change
    fs::last_write_time(path, time + std::chrono::hours(2));
    CHECK_FALSE(watch.poll(4.8));  // a touch is no change
    fs::remove_all(dir);
}

TEST_CASE("file_watch: a file renamed over the old one with the same size and time is seen at once (inode)") {
    const fs::path dir = watch_dir("explainer-watch-inode-");
    const fs::path path = dir / "map.json", next = dir / "map.json.new";
    write(path, "{\"title\": \"version one\"}");
    const auto time = fs::last_write_time(path);
    ex::FileWatch watch(path.string(), 0.5, 60.0);
    CHECK_FALSE(watch.poll(0.0));
    write(next, "{\"title\": \"version two\"}");
    fs::last_write_time(next, time);
    fs::rename(next, path);
    CHECK(watch.poll(0.6));
    fs::remove_all(dir);
}

TEST_CASE("file_watch: an unreadable file is reported once, retried, and reported when it can be read again") {
    const fs::path dir = watch_dir("explainer-watch-unreadable-");
    const fs::path path = dir / "map.json";
    write(path, "{\"title\": \"same\"}");
    ex::FileWatch watch(path.string(), 0.5, 60.0);
    CHECK_FALSE(watch.poll(0.0));
    // A directory in its place exists but cannot be read as a file (the root-proof stand-in for chmod 000; the
    // authoring test does the chmod itself).
    fs::remove(path);
    fs::create_directory(path);
    CHECK(watch.poll(0.6));        // the app shows the problem
    CHECK_FALSE(watch.poll(1.2));  // retried, still unreadable: nothing new
    fs::remove(path);
    write(path, "{\"title\": \"same\"}");  // the very same bytes as before: still news, the problem is gone
    CHECK(watch.poll(1.8));
    CHECK_FALSE(watch.poll(2.4));
    fs::remove_all(dir);
}
