// file_watch.h — notices when a file is saved, by polling its modification time and size (desktop only).
//
// Polling works the same on every platform and file system (network drives, editors that save by writing a new
// file and renaming it over the old one, which briefly leaves no file at all); at one stat() every half second it
// costs nothing measurable. A change is reported once the file exists again.
#pragma once
#include <cstdint>
#include <string>

namespace ex {

class FileWatch {
  public:
    static constexpr double kInterval = 0.5;  // seconds between two looks at the file

    explicit FileWatch(std::string path, double interval = kInterval);
    // Call as often as you like with a monotonic clock in seconds; looks at the file at most every `interval`.
    // True once per change: the file exists and its time or size differs from the last version seen.
    bool poll(double now);
    const std::string& path() const { return path_; }

  private:
    struct Stamp {
        bool     exists = false;
        int64_t  time = 0;
        uint64_t size = 0;
        bool operator==(const Stamp& o) const { return exists == o.exists && time == o.time && size == o.size; }
    };
    Stamp stat() const;

    std::string path_;
    double      interval_;
    double      last_look_ = -1e300;
    Stamp       seen_;                          // the version last reported (or present at the start)
};

}  // namespace ex
