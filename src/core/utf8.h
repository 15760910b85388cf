// utf8.h — the few UTF-8 facts the code needs, in one place: where characters start, how many there are, and a cut
// that never splits one. Strings here are UTF-8 bytes (the loader rejects anything else).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ex {

inline bool utf8_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// `n` backed up to the start of the character it falls in (n itself when that is a boundary or past the end).
inline size_t utf8_floor(std::string_view s, size_t n) {
    while (n > 0 && n < s.size() && utf8_continuation(s[n])) --n;
    return n;
}

// Characters (code points), not bytes.
inline size_t utf8_length(std::string_view s) {
    size_t n = 0;
    for (char c : s) n += !utf8_continuation(c);
    return n;
}

// `s` when it has at most `max_bytes` bytes; else its longest whole-character prefix that leaves room for
// `ellipsis` within max_bytes, followed by it.
inline std::string utf8_cut(std::string_view s, size_t max_bytes, std::string_view ellipsis = "\u2026") {
    if (s.size() <= max_bytes) return std::string(s);
    const size_t room = max_bytes > ellipsis.size() ? max_bytes - ellipsis.size() : 0;
    std::string out(s.substr(0, utf8_floor(s, room)));
    out += ellipsis;
    return out;
}

}  // namespace ex
