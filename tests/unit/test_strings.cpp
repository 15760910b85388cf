// test_strings.cpp — the UI string table: complete in both languages, placeholders that agree, stable ids.
#include <doctest/doctest.h>

#include <cstring>
#include <set>
#include <string>
#include <vector>

#include "core/strings.h"

namespace {

// The printf conversions of a format string, in order ("%d", "%s", "%.2f"); "%%" is not one.
std::vector<std::string> placeholders(const char* fmt) {
    std::vector<std::string> out;
    for (const char* p = fmt; *p; ++p) {
        if (*p != '%') continue;
        if (p[1] == '%') {
            ++p;
            continue;
        }
        std::string spec = "%";
        for (++p; *p && !std::strchr("diouxXeEfFgGaAcspn", *p); ++p) spec += *p;
        if (*p) spec += *p;
        out.push_back(spec);
        if (!*p) break;
    }
    return out;
}

bool has_letter_or_cjk(const char* s) {
    for (const unsigned char* p = (const unsigned char*)s; *p; ++p)
        if (*p >= 0x80 || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')) return true;
    return false;
}

}  // namespace

TEST_CASE("every key has English and Chinese text, in enum order, with a unique stable id") {
    const ex::StrEntry* table = ex::str_table();
    std::set<std::string> ids;
    for (size_t i = 0; i < ex::kStrCount; ++i) {
        const ex::StrEntry& e = table[i];
        CAPTURE(i);
        CHECK((size_t)e.key == i);
        REQUIRE(e.id != nullptr);
        REQUIRE(e.en != nullptr);
        REQUIRE(e.zh != nullptr);
        CAPTURE(e.id);
        CHECK(std::strlen(e.id) > 0);
        CHECK(std::strlen(e.en) > 0);
        CHECK(std::strlen(e.zh) > 0);
        CHECK(ids.insert(e.id).second);
        for (const char* c = e.id; *c; ++c) CHECK(std::strchr("abcdefghijklmnopqrstuvwxyz_.", *c) != nullptr);
    }
}

TEST_CASE("printf placeholders agree between the languages") {
    CHECK(placeholders("No node matches \"%s\"") == std::vector<std::string>{"%s"});
    CHECK(placeholders("%d of %5.1f%%") == std::vector<std::string>{"%d", "%5.1f"});
    const ex::StrEntry* table = ex::str_table();
    for (size_t i = 0; i < ex::kStrCount; ++i) {
        CAPTURE(table[i].id);
        CHECK(placeholders(table[i].en) == placeholders(table[i].zh));
    }
    CHECK(placeholders(ex::tr("zh", ex::Str::kFoundCount)) == std::vector<std::string>{"%d"});
}

TEST_CASE("tr picks the language; unknown languages fall back to English") {
    CHECK(std::string(ex::tr("en", ex::Str::kFit)) == "Fit");
    CHECK(std::string(ex::tr("zh", ex::Str::kFit)) == "全图");
    CHECK(std::string(ex::tr("zh-CN", ex::Str::kClose)) == "关闭");
    CHECK(std::string(ex::tr("zh-Hans", ex::Str::kClose)) == "关闭");
    CHECK(std::string(ex::tr("fr", ex::Str::kClose)) == "Close");
    CHECK(std::string(ex::tr("", ex::Str::kClose)) == "Close");
    CHECK(std::string(ex::tr("zhx", ex::Str::kClose)) == "Close");  // not a zh tag
    CHECK(std::string(ex::tr("en", ex::Str::kCount)) == "");        // out of range: empty, never null
    // The language switch names the other language.
    CHECK(std::string(ex::tr("en", ex::Str::kLanguageSwitch)) == "中文");
    CHECK(std::string(ex::tr("zh", ex::Str::kLanguageSwitch)) == "English");
}

TEST_CASE("Chinese strings are translated, not copied, where the English has words") {
    // Key names (Tab, Esc, F, ...) may stay as they are; every sentence and label must differ.
    const ex::StrEntry* table = ex::str_table();
    const std::set<std::string> same_ok = {"keys.tab",    "keys.enter",      "keys.esc", "keys.alt_arrows",
                                           "keys.slash",  "keys.plus_minus", "keys.f",   "keys.t",
                                           "keys.ctrl_c", "keys.question"};
    for (size_t i = 0; i < ex::kStrCount; ++i) {
        CAPTURE(table[i].id);
        if (same_ok.count(table[i].id) || !has_letter_or_cjk(table[i].en)) continue;
        CHECK(std::string(table[i].en) != table[i].zh);
    }
}
