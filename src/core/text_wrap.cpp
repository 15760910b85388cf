// text_wrap.cpp — greedy line breaking over "pieces": the runs between two break opportunities. See text_wrap.h.
//
// Each piece is measured once on its own and widths are summed, so wrapping costs one measure call per word or
// CJK character rather than one per candidate line (kerning across pieces is ignored; it is sub-pixel).
#include "core/text_wrap.h"

#include <algorithm>

namespace ex {

size_t decode_utf8(std::string_view s, size_t i, uint32_t& cp) {
    const unsigned char c = (unsigned char)s[i];
    size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) {
        cp = 0xFFFD;
        return 1;
    }
    cp = len == 1 ? c : len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
    for (size_t k = 1; k < len; ++k) {
        const unsigned char cc = (unsigned char)s[i + k];
        if ((cc & 0xC0) != 0x80) {
            cp = 0xFFFD;
            return 1;
        }
        cp = (cp << 6) | (cc & 0x3Fu);
    }
    return len;
}

namespace {

bool is_space(uint32_t cp) { return cp == ' ' || cp == '\t' || cp == 0x3000; }

// A break is allowed between `a` and `b` (neither a space) when either is CJK and kinsoku does not forbid it.
bool may_break_between(uint32_t a, uint32_t b) {
    return (is_cjk(a) || is_cjk(b)) && !is_no_line_end(a) && !is_no_line_start(b);
}

struct Piece {
    size_t begin, end;  // the word: no spaces, may be empty at a paragraph start
    size_t gap_end;     // spaces after the word: [end, gap_end)
    bool hard_break;    // a '\n' follows the gap
};

std::vector<Piece> split_pieces(std::string_view s) {
    std::vector<Piece> pieces;
    size_t begin = 0;
    uint32_t prev = 0;
    bool have_prev = false;  // prev is a non-space code point of this piece
    size_t i = 0;
    while (i < s.size()) {
        uint32_t cp;
        const size_t len = decode_utf8(s, i, cp);
        if (cp == '\n' || is_space(cp)) {
            const size_t end = i;
            size_t j = i;
            uint32_t c2 = cp;
            size_t l2 = len;
            while (j < s.size() && is_space(c2)) {
                j += l2;
                if (j < s.size()) l2 = decode_utf8(s, j, c2);
            }
            const bool hard = j < s.size() && c2 == '\n';
            pieces.push_back({begin, end, j, hard});
            i = hard ? j + 1 : j;
            begin = i;
            have_prev = false;
            continue;
        }
        if (have_prev && may_break_between(prev, cp)) {
            pieces.push_back({begin, i, i, false});
            begin = i;
        }
        prev = cp;
        have_prev = true;
        i += len;
    }
    if (begin < s.size()) pieces.push_back({begin, s.size(), s.size(), false});
    return pieces;
}

// The code point that ends just before `i` (a valid sequence, as the breaker only cuts between code points).
size_t decode_before(std::string_view s, size_t i, uint32_t& cp) {
    size_t b = i - 1;
    while (b > 0 && ((unsigned char)s[b] & 0xC0) == 0x80 && i - b < 4) --b;
    decode_utf8(s, b, cp);
    return b;
}

}  // namespace

// A paragraph's last line holding a single CJK character (with any closing punctuation after it) reads as a stray
// ("竞/争"): the previous line gives it its last character when a break is allowed there. The previous line only
// gets shorter and the last holds two characters, so both still fit.
static void avoid_orphans(std::string_view s, std::vector<LineSpan>& lines) {
    for (size_t k = 1; k < lines.size(); ++k) {
        LineSpan& last = lines[k];
        LineSpan& prev = lines[k - 1];
        const bool paragraph_end =
            k + 1 == lines.size() ||
            s.substr(last.second, lines[k + 1].first - last.second).find('\n') != std::string_view::npos;
        if (!paragraph_end || prev.second != last.first) continue;  // a space or a line break between: not a CJK run
        int chars = 0;
        bool cjk = false;
        for (size_t i = last.first; i < last.second;) {
            uint32_t cp;
            i += decode_utf8(s, i, cp);
            if (!is_no_line_start(cp)) {
                ++chars;
                cjk = is_cjk(cp);
            }
        }
        if (chars != 1 || !cjk) continue;
        uint32_t moved, before;
        const size_t at = decode_before(s, prev.second, moved);
        if (at <= prev.first) continue;  // the previous line would be empty
        decode_before(s, at, before);
        if (!may_break_between(before, moved)) continue;
        prev.second = last.first = at;
    }
}

bool is_cjk(uint32_t cp) {
    return (cp >= 0x1100 && cp <= 0x11FF) ||  // Hangul Jamo
           (cp >= 0x2E80 && cp <= 0x2FFF) ||  // radicals, ideographic description
           (cp >= 0x3000 && cp <= 0x33FF) ||  // CJK punctuation, kana, bopomofo, compatibility
           (cp >= 0x3400 && cp <= 0x4DBF) ||  // Extension A
           (cp >= 0x4E00 && cp <= 0x9FFF) ||  // Unified ideographs
           (cp >= 0xA960 && cp <= 0xA97F) || (cp >= 0xAC00 && cp <= 0xD7AF) ||  // Hangul
           (cp >= 0xF900 && cp <= 0xFAFF) ||                                    // compatibility ideographs
           (cp >= 0xFE30 && cp <= 0xFE4F) ||                                    // CJK compatibility forms
           (cp >= 0xFF00 && cp <= 0xFFEF) ||                                    // fullwidth and halfwidth forms
           (cp >= 0x20000 && cp <= 0x3FFFF);                                    // Extensions B and later
}

bool is_no_line_start(uint32_t cp) {
    static constexpr uint32_t kList[] = {
        0x0021, 0x0029, 0x002C, 0x002E, 0x003A, 0x003B, 0x003F, 0x005D, 0x007D,  // ! ) , . : ; ? ] }
        0x00B7, 0x2019, 0x201D, 0x2026, 0x2025, 0x2030,                          // · ’ ” … ‥ ‰
        0x3001, 0x3002, 0x3009, 0x300B, 0x300D, 0x300F, 0x3011, 0x3015, 0x3017, 0x3019, 0x301F,  // 、。〉》」』】〕〗〙〟
        0x30FC, 0x309D, 0x309E, 0x30FD, 0x30FE, 0x3005,  // ー ゝ ゞ ヽ ヾ 々
        0xFF01, 0xFF09, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF3D, 0xFF5D, 0xFF60, 0xFF61, 0xFF63,
        0xFF64, 0xFE50, 0xFE51, 0xFE52, 0xFE54, 0xFE55, 0xFE56, 0xFE57,  // small form punctuation
    };
    return std::find(std::begin(kList), std::end(kList), cp) != std::end(kList);
}

bool is_no_line_end(uint32_t cp) {
    static constexpr uint32_t kList[] = {
        0x0028, 0x005B, 0x007B, 0x2018, 0x201C,                                  // ( [ { ‘ “
        0x3008, 0x300A, 0x300C, 0x300E, 0x3010, 0x3014, 0x3016, 0x3018, 0x301D,  // 〈《「『【〔〖〘〝
        0xFF08, 0xFF3B, 0xFF5B, 0xFF5F, 0xFF62,                                  // （ ［ ｛ ｟ ｢
    };
    return std::find(std::begin(kList), std::end(kList), cp) != std::end(kList);
}

std::vector<LineSpan> wrap_lines(std::string_view s, float width,
                                 const std::function<float(std::string_view)>& measure) {
    std::vector<LineSpan> lines;
    const std::vector<Piece> pieces = split_pieces(s);

    bool open = false;  // a line has been started
    size_t line_begin = 0, line_end = 0;
    float line_w = 0;
    size_t gap_begin = 0, gap_end = 0;  // spaces after the line's last word
    auto close_line = [&] {
        lines.emplace_back(line_begin, line_end);
        open = false;
    };
    // Starts a line with [b, e), first cutting off full lines while the word alone is too wide.
    auto start_line = [&](size_t b, size_t e, float w) {
        while (w > width && b < e) {
            size_t cut = b;
            float cut_w = 0;
            while (cut < e) {
                uint32_t cp;
                const size_t len = decode_utf8(s, cut, cp);
                const float cw = measure(s.substr(cut, len));
                if (cut > b && cut_w + cw > width) break;  // at least one code point per line
                cut_w += cw;
                cut += len;
            }
            if (cut >= e) break;  // the rest fits after all (measure not additive)
            lines.emplace_back(b, cut);
            b = cut;
            w = measure(s.substr(b, e - b));
        }
        open = true;
        line_begin = b;
        line_end = e;
        line_w = w;
    };

    for (const Piece& p : pieces) {
        const float w = p.end > p.begin ? measure(s.substr(p.begin, p.end - p.begin)) : 0.0f;
        if (!open) {
            start_line(p.begin, p.end, w);
        } else {
            const float gap_w = gap_end > gap_begin ? measure(s.substr(gap_begin, gap_end - gap_begin)) : 0.0f;
            if (line_w + gap_w + w <= width) {
                line_end = p.end;
                line_w += gap_w + w;
            } else {
                close_line();
                start_line(p.begin, p.end, w);
            }
        }
        gap_begin = p.end;
        gap_end = p.gap_end;
        if (p.hard_break) close_line();
    }
    if (open) close_line();
    avoid_orphans(s, lines);
    return lines;
}

}  // namespace ex
