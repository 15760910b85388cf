// core/utf8.h and core/path.h: boundaries, lengths and cuts never split a character; file names from paths.
#include <doctest/doctest.h>

#include "core/utf8.h"

TEST_CASE("utf8_floor backs up to a character's start") {
    const std::string s =
        "a\xE8\x8A\xAF"
        "b";  // a 芯 b
    CHECK(ex::utf8_floor(s, 0) == 0);
    CHECK(ex::utf8_floor(s, 1) == 1);
    CHECK(ex::utf8_floor(s, 2) == 1);
    CHECK(ex::utf8_floor(s, 3) == 1);
    CHECK(ex::utf8_floor(s, 4) == 4);
    CHECK(ex::utf8_floor(s, 99) == 99);  // past the end: unchanged
}

TEST_CASE("utf8_length counts characters") {
    CHECK(ex::utf8_length("") == 0);
    CHECK(ex::utf8_length("abc") == 3);
    CHECK(ex::utf8_length("\xE4\xB8\xAD\xE6\x96\x87") == 2);  // 中文
    CHECK(ex::utf8_length("\xF0\x9F\x98\x80!") == 2);         // an emoji and "!"
}

TEST_CASE("utf8_cut keeps whole characters and stays within the byte budget") {
    CHECK(ex::utf8_cut("short", 10) == "short");
    CHECK(ex::utf8_cut("abcdefghij", 8, "...") == "abcde...");
    const std::string zh = "\xE4\xB8\xAD\xE6\x96\x87\xE5\xAD\x97";  // 中文字, 9 bytes
    const std::string cut = ex::utf8_cut(zh, 8, "...");
    CHECK(cut == "\xE4\xB8\xAD...");  // 中 and "...": 6 bytes; half of 文 would have fit
    CHECK(cut.size() <= 8);
    CHECK(ex::utf8_cut(zh, 2, "...") == "...");
}

#include "core/path.h"

TEST_CASE("base_name and file_stem read either separator and keep a leading dot") {
    CHECK(ex::base_name("dir/sub/name.json") == "name.json");
    CHECK(ex::base_name("C:\\articles\\rates.json") == "rates.json");
    CHECK(ex::base_name("plain.json") == "plain.json");
    CHECK(ex::base_name("dir/") == "");
    CHECK(ex::file_stem("dir/name.tar.json") == "name.tar");
    CHECK(ex::file_stem(".hidden") == ".hidden");
    CHECK(ex::file_stem("noext") == "noext");
}
