// file_io.h — whole-file reads and writes through C stdio. iostreams would pull libc++'s locale machinery (about a
// sixth of the browser module) into every target for what is, here, "read these bytes" and "write these bytes".
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace ex {

enum class ReadStatus { Ok, Missing, Unreadable, TooBig, IoError };

// Reads all of `path` into `bytes`, refusing more than `max_bytes` (checked while reading, so pipes and growing
// files are bounded too).
ReadStatus read_file(const std::string& path, std::string& bytes, size_t max_bytes);
bool file_readable(const std::string& path);
// Writes `bytes` to `path` (created or truncated); false on any error, including a short write or a failed close.
bool write_file(const std::string& path, std::string_view bytes);
// FNV-1a, 64 bits: tells whether a file still holds the bytes read earlier without keeping them (not for security).
uint64_t content_hash(std::string_view bytes);
// content_hash as 16 lowercase hex digits: the digests written into exports (text view, JSON Canvas).
std::string content_hash_hex(std::string_view bytes);

}  // namespace ex
