// file_watch.h — notices when a file is saved, by polling it (desktop only).
//
// Polling works the same on every platform and file system (network drives, editors that save by writing a new
// file and renaming it over the old one, which briefly leaves no file at all). Each look is one stat(): a different
// modification time, size or inode (a file renamed over the old one) means "read it and compare". Every few seconds
// the bytes are hashed even when the stat looks the same, because the stat can lie: `cp -p` and `rsync -a` restore
// the old time on a same-size replacement, and a coarse-timestamp file system gives two saves within one step the
// same time. A change counts when the bytes differ from the last version seen. A file that cannot be read is
// reported once (so its problem shows) and read again at every look until it can be, then reported again.
#pragma once
#include <cstdint>
#include <string>

namespace ex {

class FileWatch {
  public:
    static constexpr double kInterval = 0.5;      // seconds between two looks at the file
    static constexpr double kHashInterval = 2.0;  // seconds between two reads when the stat looks the same

    explicit FileWatch(std::string path, double interval = kInterval, double hash_interval = kHashInterval);
    // Call as often as you like with a monotonic clock in seconds; looks at the file at most every `interval`.
    // True once per change: the file exists and its bytes differ from the last version seen, or it became
    // unreadable, or readable again.
    bool poll(double now);
    const std::string& path() const { return path_; }

  private:
    struct Stamp {
        bool exists = false;
        int64_t time = 0;  // modification time, nanoseconds
        uint64_t size = 0, device = 0, inode = 0;
        bool operator==(const Stamp& o) const {
            return exists == o.exists && time == o.time && size == o.size && device == o.device && inode == o.inode;
        }
    };
    Stamp stat() const;
    bool read(uint64_t& hash) const;  // false when the file cannot be read

    std::string path_;
    double interval_, hash_interval_;
    double last_look_ = -1e300, last_read_ = -1e300;
    Stamp seen_;               // at the last read
    uint64_t hash_ = 0;        // of the bytes last read
    bool unreadable_ = false;  // the last read failed
};

}  // namespace ex
