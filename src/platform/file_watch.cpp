// file_watch.cpp — stat polling, with a hash of the bytes as the judge.
#include "platform/file_watch.h"

#include <sys/stat.h>

#include "core/file_io.h"
#include "core/load.h"

namespace ex {

FileWatch::FileWatch(std::string path, double interval, double hash_interval)
    : path_(std::move(path)), interval_(interval), hash_interval_(hash_interval) {
    seen_ = stat();
    unreadable_ = seen_.exists && !read(hash_);
}

FileWatch::Stamp FileWatch::stat() const {
    Stamp s;
    struct ::stat st {};
    if (::stat(path_.c_str(), &st) != 0) return s;
    s.exists = true;
#if defined(__APPLE__)
    s.time = int64_t(st.st_mtimespec.tv_sec) * 1000000000 + st.st_mtimespec.tv_nsec;
#else
    s.time = int64_t(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
#endif
    s.size = uint64_t(st.st_size);
    s.device = uint64_t(st.st_dev);
    s.inode = uint64_t(st.st_ino);
    return s;
}

bool FileWatch::read(uint64_t& hash) const {
    std::string bytes;
    // Past the loader's cap the loader refuses the file anyway; the prefix still tells versions apart.
    const ReadStatus status = read_file(path_, bytes, limits::kFileBytes);
    if (status != ReadStatus::Ok && status != ReadStatus::TooBig) return false;
    hash = content_hash(bytes);
    return true;
}

bool FileWatch::poll(double now) {
    if (now - last_look_ < interval_) return false;
    last_look_ = now;
    const Stamp s = stat();
    if (!s.exists) return false;  // an editor is between "delete" and "rename"; wait
    if (s == seen_ && !unreadable_ && now - last_read_ < hash_interval_) return false;
    seen_ = s;
    last_read_ = now;
    uint64_t hash = 0;
    if (!read(hash)) {
        const bool news = !unreadable_;  // say so once; then retry at every look
        unreadable_ = true;
        return news;
    }
    const bool changed = unreadable_ || hash != hash_;
    unreadable_ = false;
    hash_ = hash;
    return changed;
}

}  // namespace ex
