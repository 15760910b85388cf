// text_wrap.h — line breaking for mixed Latin and CJK text, independent of how text is measured or drawn.
//
// Latin text breaks at spaces; CJK text breaks between any two characters (and between CJK and Latin), except
// where simple kinsoku rules forbid it: no line starts with closing punctuation (，。、；：！？）》」』”’ …) and no
// line ends with opening punctuation (（《「『“‘ …). A word wider than the line is broken between code points.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <utility>
#include <vector>

namespace ex {

// [begin, end) byte offsets of one line in the input. The spaces where a line was broken are in no line;
// '\n' ends a line and belongs to none.
using LineSpan = std::pair<size_t, size_t>;

// Breaks `utf8` into lines no wider than `width` (except a single code point wider than `width`, which gets a
// line of its own). `measure` returns the width of a piece of the text; it is called on words, single CJK
// characters and runs of spaces, never on a split code point. A text ending in '\n' has no empty last line;
// "" gives no lines. Invalid UTF-8 bytes count as one character each.
std::vector<LineSpan> wrap_lines(std::string_view utf8, float width,
                                 const std::function<float(std::string_view)>& measure);

// Decodes the code point at byte `i` into `cp`; returns its byte length (an invalid or truncated sequence: 1,
// with cp U+FFFD).
size_t decode_utf8(std::string_view s, size_t i, uint32_t& cp);

// The classes the breaker uses, exposed for tests.
bool is_cjk(uint32_t cp);            // ideographs, kana, hangul, CJK/fullwidth punctuation
bool is_no_line_start(uint32_t cp);  // closing punctuation: ，。）》」” …
bool is_no_line_end(uint32_t cp);    // opening punctuation: （《「“ …

}  // namespace ex
