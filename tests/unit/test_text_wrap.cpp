// test_text_wrap.cpp — line breaking with a fake fixed-width measure: every code point is 1 unit wide.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/text_wrap.h"

namespace {

float code_points(std::string_view s) {
    float n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) n += 1;
    return n;
}

std::vector<std::string> wrap(const std::string& s, float width) {
    std::vector<std::string> out;
    for (const auto& l : ex::wrap_lines(s, width, code_points)) {
        REQUIRE(l.first <= l.second);
        REQUIRE(l.second <= s.size());
        out.push_back(s.substr(l.first, l.second - l.first));
    }
    return out;
}

using Lines = std::vector<std::string>;

bool valid_utf8_boundaries(const std::string& s, const std::vector<ex::LineSpan>& lines) {
    auto boundary = [&](size_t i) { return i == s.size() || ((unsigned char)s[i] & 0xC0) != 0x80; };
    for (const auto& l : lines)
        if (!boundary(l.first) || !boundary(l.second)) return false;
    return true;
}

}  // namespace

TEST_CASE("Latin text breaks at spaces and drops the spaces at the break") {
    CHECK(wrap("the quick brown fox", 10) == Lines{"the quick", "brown fox"});
    CHECK(wrap("the quick brown fox", 100) == Lines{"the quick brown fox"});
    CHECK(wrap("one  two", 4) == Lines{"one", "two"});
    CHECK(wrap("ab cd", 5) == Lines{"ab cd"});  // exactly the width fits
    CHECK(wrap("", 10).empty());
}

TEST_CASE("newlines end lines; blank lines stay; a final newline adds no line") {
    CHECK(wrap("a\nb", 10) == Lines{"a", "b"});
    CHECK(wrap("a\n\nb", 10) == Lines{"a", "", "b"});
    CHECK(wrap("a\n", 10) == Lines{"a"});
    CHECK(wrap("a  \nb", 10) == Lines{"a", "b"});
    CHECK(wrap("  indented", 20) == Lines{"  indented"});  // leading spaces of a paragraph are kept
}

TEST_CASE("overlong words are hard-broken between code points") {
    CHECK(wrap("abcdefghij", 4) == Lines{"abcd", "efgh", "ij"});
    CHECK(wrap("hi abcdefghij", 4) == Lines{"hi", "abcd", "efgh", "ij"});
    CHECK(wrap("héllo wörld", 3) == Lines{"hél", "lo", "wör", "ld"});
    // Narrower than one character: still one code point per line, never an empty or split one.
    const std::string s = "日本ab";
    const auto lines = ex::wrap_lines(s, 0.5f, code_points);
    CHECK(valid_utf8_boundaries(s, lines));
    CHECK(wrap(s, 0.5f) == Lines{"日", "本", "a", "b"});
}

TEST_CASE("Chinese breaks between any two characters") {
    CHECK(wrap("中国推动人工智能自给自足", 5) == Lines{"中国推动人", "工智能自给", "自足"});
    // Latin inside Chinese: the Latin word stays whole, breaks are allowed on both sides of it.
    CHECK(wrap("发展AI能力", 4) == Lines{"发展AI", "能力"});
    CHECK(wrap("发展AI能力", 3) == Lines{"发展", "AI", "能力"});  // not "AI能" / "力" (an orphan)
}

TEST_CASE("kinsoku: no line starts with closing and no line ends with opening punctuation") {
    // Width 4 would put "。" first on line two; the character before it moves down with it instead.
    CHECK(wrap("人工智能。芯片", 4) == Lines{"人工智", "能。芯片"});
    CHECK(wrap("人工智能，芯片", 4) == Lines{"人工智", "能，芯片"});
    CHECK(wrap("一二“三四”", 3) == Lines{"一二", "“三", "四”"});  // not "一二“"
    CHECK(wrap("芯片（半导体）", 3) == Lines{"芯片", "（半", "导体）"});
    CHECK(wrap("中国《报告》指出", 3) == Lines{"中国", "《报", "告》", "指出"});
    for (const char* s : {"一二三四五六七八，九十。一二「三四」五六、七八！", "“引号”里面（括号）外面：冒号；分号？"}) {
        const std::string text = s;
        for (float w = 2; w <= 8; ++w) {
            const auto lines = ex::wrap_lines(text, w, code_points);
            CHECK(valid_utf8_boundaries(text, lines));
            for (size_t i = 0; i < lines.size(); ++i) {
                const std::string line = text.substr(lines[i].first, lines[i].second - lines[i].first);
                CAPTURE(line);
                CAPTURE(w);
                REQUIRE(!line.empty());
                CHECK(code_points(line) <= w);
                for (const char* closing : {"，", "。", "、", "！", "」", "”", "）", "：", "；", "？"})
                    if (i > 0) CHECK(line.rfind(closing, 0) != 0);
                for (const char* opening : {"「", "“", "（"})
                    if (i + 1 < lines.size() && line.size() >= 3) CHECK(line.compare(line.size() - 3, 3, opening) != 0);
            }
        }
    }
}

TEST_CASE("no paragraph ends with one Chinese character alone on its line") {
    CHECK(wrap("中美之间的竞争", 6) == Lines{"中美之间的", "竞争"});      // not "中美之间的竞" / "争"
    CHECK(wrap("中美之间的竞争。", 6) == Lines{"中美之间的", "竞争。"});  // its closing punctuation goes along
    CHECK(wrap("中美之间的竞争\n第二段落的开始", 6) == Lines{"中美之间的", "竞争", "第二段落的", "开始"});
    CHECK(wrap("一二三四五六", 6) == Lines{"一二三四五六"});            // fits: nothing moves
    CHECK(wrap("growth of AI 争", 12) == Lines{"growth of AI", "争"});  // after a space: no run to take from
}

TEST_CASE("the lines cover the whole text in order") {
    const std::string s = "Xi urged China to build 自己的人工智能能力, from chips to talent。Then: markets.";
    for (float w = 1; w <= 30; ++w) {
        const auto lines = ex::wrap_lines(s, w, code_points);
        CHECK(valid_utf8_boundaries(s, lines));
        std::string joined;
        size_t prev_end = 0;
        for (const auto& l : lines) {
            CHECK(l.first >= prev_end);
            for (size_t k = prev_end; k < l.first; ++k) CHECK(s[k] == ' ');  // only spaces are dropped
            joined += s.substr(l.first, l.second - l.first);
            prev_end = l.second;
        }
        CHECK(prev_end == s.size());
        std::string no_spaces;
        for (char c : s)
            if (c != ' ') no_spaces += c;
        std::string joined_no_spaces;
        for (char c : joined)
            if (c != ' ') joined_no_spaces += c;
        CHECK(joined_no_spaces == no_spaces);
    }
}

TEST_CASE("invalid UTF-8 bytes count as single characters and are never a problem") {
    const std::string s =
        "ab\xE4\xB8 cd\xFF\xFE"
        "ef";
    const auto lines = ex::wrap_lines(s, 2, code_points);
    CHECK(!lines.empty());
    CHECK(lines.back().second == s.size());
}

TEST_CASE("character classes") {
    CHECK(ex::is_cjk(0x4E2D));  // 中
    CHECK(ex::is_cjk(0x3002));  // 。
    CHECK(ex::is_cjk(0xFF0C));  // ，
    CHECK_FALSE(ex::is_cjk('a'));
    CHECK_FALSE(ex::is_cjk(0x00E9));  // é
    CHECK(ex::is_no_line_start(0x3002));
    CHECK(ex::is_no_line_start(0x201D));
    CHECK_FALSE(ex::is_no_line_start(0x4E2D));
    CHECK(ex::is_no_line_end(0xFF08));
    CHECK(ex::is_no_line_end(0x300A));
    CHECK_FALSE(ex::is_no_line_end(0x3002));
}
