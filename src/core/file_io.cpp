// file_io.cpp — see file_io.h.
#include "core/file_io.h"

#include <cerrno>
#include <cstdio>

namespace ex {

ReadStatus read_file(const std::string& path, std::string& bytes, size_t max_bytes) {
    bytes.clear();
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return errno == ENOENT ? ReadStatus::Missing : ReadStatus::Unreadable;
    char buf[65536];
    ReadStatus status = ReadStatus::Ok;
    for (;;) {
        const size_t n = std::fread(buf, 1, sizeof buf, f);
        bytes.append(buf, n);
        if (bytes.size() > max_bytes) {
            status = ReadStatus::TooBig;
            break;
        }
        if (n < sizeof buf) {
            if (std::ferror(f)) status = ReadStatus::IoError;
            break;
        }
    }
    std::fclose(f);
    return status;
}

bool file_readable(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (f) std::fclose(f);
    return f != nullptr;
}

bool write_file(const std::string& path, std::string_view bytes) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return false;
    const bool written = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
    return (std::fclose(f) == 0) && written;
}

uint64_t content_hash(std::string_view bytes) {
    uint64_t h = 14695981039346656037ull;
    for (const char c : bytes) {
        h ^= uint64_t(static_cast<unsigned char>(c));
        h *= 1099511628211ull;
    }
    return h;
}

std::string content_hash_hex(std::string_view bytes) {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(content_hash(bytes)));
    return hex;
}

}  // namespace ex
