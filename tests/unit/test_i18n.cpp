// test_i18n.cpp — the bundled article in Chinese: search, Markdown export, built-in edge readings, and the
// `--validate --require-lang` translation check.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli_tools.h"
#include "core/export_markdown.h"
#include "core/load.h"
#include "core/search.h"

namespace {

const std::string kArticle = std::string(EXPLAINER_SOURCE_DIR) + "/assets/content/article.json";

std::shared_ptr<const ex::Content> article() {
    static const ex::LoadResult r = ex::load_content_file(kArticle);
    REQUIRE(r.ok());
    return r.content;
}

std::vector<std::string> ids_of(const ex::Content& c, const std::vector<ex::SearchHit>& hits) {
    std::vector<std::string> ids;
    for (const auto& h : hits) ids.push_back(c.nodes[h.node].id);
    return ids;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

std::vector<std::string> lines_of(const std::vector<ex::Problem>& problems) {
    std::vector<std::string> out;
    for (const auto& p : problems) out.push_back(ex::format_problem(p));
    return out;
}

// A valid file with a mix of translated, untranslated and language-neutral texts.
const char* kPartlyTranslated = R"({
  "meta": {
    "title": {"en": "Chips", "zh": "芯片"},
    "summary": "Only in English.",
    "source": {"title": {"en": "The source", "zh": "来源"}, "publisher": "2025",
      "sections": [{"id": "s1", "heading": {"en": "Supply", "zh": "供应"},
        "paragraphs": [{"id": "p1", "text": {"en": "One paragraph.", "zh": "一段。"}},
                       {"id": "p2", "text": {"en": "Two paragraphs."}}]}]}
  },
  "categories": [{"id": "c", "label": {"en": "Ideas", "zh": "观点"}, "colour": "#4a90d9"}],
  "edge_kinds": [{"id": "drives", "forward": {"en": "pushes", "zh": "推"}, "backward": {"en": "is pushed by"}}],
  "nodes": [
    {"id": "a", "category": "c", "title": {"en": "A", "zh": "甲"}, "summary": {"en": "First.", "zh": "第一。"},
     "body": [{"en": "Body one.", "zh": "正文一。"}, "→ 42", "AI"], "tags": [{"en": "tag"}],
     "citations": [{"paragraph": "p1", "quote": {"en": "One"}}]},
    {"id": "b", "category": "c", "title": {"en": "B", "zh": "乙"}, "summary": {"en": "Second.", "zh": "第二。"},
     "citations": [{"paragraph": "p2"}]}
  ],
  "edges": [{"from": "a", "to": "b", "kind": "drives", "label": "via chips"}],
  "tours": [{"id": "t", "title": {"en": "Tour", "zh": "导览"},
             "steps": [{"node": "a", "caption": {"en": "Start.", "zh": "开始。"}},
                       {"node": "b", "caption": {"en": "Then."}}]}]
})";

struct TempFile {
    std::string path;
    explicit TempFile(const std::string& text) {
        path = (std::filesystem::temp_directory_path() /
                ("explainer-i18n-" + std::to_string((long long)std::hash<std::string>{}(text)&0xFFFFFF) + ".json"))
                   .string();
        std::ofstream(path, std::ios::binary) << text;
    }
    ~TempFile() { std::remove(path.c_str()); }
};

}  // namespace

// [SECTION] Search ------------------------------------------------------------------------------------------------

TEST_CASE("Chinese queries find nodes in the Chinese index of the article") {
    const ex::Content& c = *article();
    ex::SearchIndex zh;
    zh.build(c, "zh");

    const auto talent = zh.query("人才");
    const auto talent_ids = ids_of(c, talent);
    CAPTURE(talent_ids.size());
    CHECK(contains(talent_ids, "domestic-talent"));
    CHECK(contains(talent_ids, "talent-challenge"));
    CHECK(contains(talent_ids, "university-education"));
    REQUIRE(!talent.empty());
    CHECK(talent.front().field == "title");  // a title match ranks first

    const auto chips = ids_of(c, zh.query("芯片"));
    CHECK(contains(chips, "ai-chips"));
    CHECK(contains(chips, "chip-access-challenge"));
    CHECK(contains(chips, "limited-tech-access"));
    CHECK_FALSE(contains(chips, "llms"));  // 大语言模型 says nothing about chips

    // Several words, separated by an ASCII or an ideographic space, must all match.
    const auto both = ids_of(c, zh.query("芯片 人才"));
    const auto both_ideographic = ids_of(c, zh.query("芯片\xE3\x80\x80人才"));
    CHECK(both == both_ideographic);
    CHECK(both.size() < chips.size());
    for (const auto& id : both) CHECK(contains(chips, id));
    for (const auto& id : both) CHECK(contains(talent_ids, id));

    CHECK(zh.query("量子引力").empty());  // not in the article
}

TEST_CASE("English queries still work in the English index, and languages do not mix") {
    const ex::Content& c = *article();
    ex::SearchIndex en;
    en.build(c, "en");
    const auto talent = ids_of(c, en.query("talent"));
    CHECK(contains(talent, "domestic-talent"));
    CHECK(contains(talent, "talent-challenge"));
    CHECK(contains(ids_of(c, en.query("Chips")), "ai-chips"));
    CHECK(en.query("人才").empty());  // the English index holds no Chinese text

    ex::SearchIndex zh;
    zh.build(c, "zh");
    CHECK(zh.query("talent").empty());
}

// [SECTION] Markdown export and built-in edge kinds -----------------------------------------------------------------

TEST_CASE("built-in edge kinds read in English and Chinese") {
    for (const ex::EdgeKind& k : ex::builtin_edge_kinds()) {
        CAPTURE(k.id);
        CHECK(k.forward.has("en"));
        CHECK(k.forward.has("zh"));
        CHECK(k.backward.has("zh"));
        CHECK(k.forward.get("zh") != k.forward.get("en"));
        CHECK(k.backward.get("zh") != k.backward.get("en"));
    }
    CHECK(ex::builtin_edge_kinds()[0].forward.get("zh") == "推动");
    CHECK(ex::builtin_edge_kinds()[0].forward.get("fr") == "drives");  // other languages fall back to English
}

TEST_CASE("the article exported in Chinese has Chinese headings and edge readings") {
    const std::string zh = ex::export_markdown(*article(), "zh");
    CHECK(zh.find("# 中国推动人工智能自给自足\n") == 0);
    for (const char* piece : {"**来源：**", "## 观点之间的联系\n", "## 导览\n", "*标签：*", "引自*新闻概览*："})
        CHECK_MESSAGE(zh.find(piece) != std::string::npos, "missing: " << piece);
    for (const char* english : {"**Source:**", "How the ideas connect", "## Tours", "*Tags:*", "Cited from", " drives ",
                                " threatens ", " is part of "})
        CHECK_MESSAGE(zh.find(english) == std::string::npos, "English left: " << english);
    CHECK(zh.find(" 推动 **") != std::string::npos);
    const std::string en = ex::export_markdown(*article(), "en");
    CHECK(en.find("## How the ideas connect\n") != std::string::npos);
    CHECK(en.find(" drives **") != std::string::npos);
}

// [SECTION] Translation check -----------------------------------------------------------------------------------------

TEST_CASE("missing_translations lists every text without the language, in document order") {
    const auto lines = lines_of(ex::missing_translations(kPartlyTranslated, "zh", "f.json"));
    const std::vector<std::string> expected = {
        "f.json: /meta/summary: missing \"zh\" translation",
        "f.json: /meta/source/sections/0/paragraphs/1/text: missing \"zh\" translation",
        "f.json: /edge_kinds/0/backward: missing \"zh\" translation",
        "f.json: /nodes/0/body/2: missing \"zh\" translation",  // "AI" has letters
        "f.json: /nodes/0/tags/0: missing \"zh\" translation",
        "f.json: /nodes/0/citations/0/quote: missing \"zh\" translation",
        "f.json: /edges/0/label: missing \"zh\" translation",
        "f.json: /tours/0/steps/1/caption: missing \"zh\" translation",
    };
    CHECK(lines == expected);  // "2025" and "→ 42" are language-neutral
    // Plain strings are written in meta.language ("en" when not given): nothing is missing in English.
    CHECK(lines_of(ex::missing_translations(kPartlyTranslated, "en", "f.json")).empty());
    // Declared Chinese, the plain strings are Chinese: English then lacks them, Chinese only lacks the maps' entries.
    std::string zh_file = kPartlyTranslated;
    zh_file.replace(zh_file.find("\"summary\": \"Only"), 0, "\"language\": \"zh\", ");
    CHECK(lines_of(ex::missing_translations(zh_file, "en", "f.json")) ==
          std::vector<std::string>{"f.json: /meta/summary: missing \"en\" translation",
                                   "f.json: /nodes/0/body/2: missing \"en\" translation",
                                   "f.json: /edges/0/label: missing \"en\" translation"});
    CHECK(lines_of(ex::missing_translations(zh_file, "zh", "f.json")).size() == 5);
    CHECK(ex::missing_translations("{ not json", "zh", "f.json").empty());
    CHECK(ex::missing_translations(kPartlyTranslated, "", "f.json").empty());
}

TEST_CASE("the bundled article is completely translated into Chinese") {
    std::ifstream in(kArticle, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    REQUIRE(!bytes.empty());
    CHECK(lines_of(ex::missing_translations(bytes, "zh", "article.json")) == std::vector<std::string>{});
    CHECK(!ex::missing_translations(bytes, "fr", "article.json").empty());
}

TEST_CASE("cli_validate --require-lang reports untranslated texts and fails") {
    TempFile f(kPartlyTranslated);
    std::ostringstream plain;
    CHECK(ex::cli_validate({f.path}, plain) == 0);  // valid content: without the flag, all is well
    CHECK(plain.str().find("missing") == std::string::npos);

    std::ostringstream out;
    CHECK(ex::cli_validate({f.path}, out, "zh") == 1);
    CAPTURE(out.str());
    // Each at its line and column, with the node it is in.
    CHECK(out.str().find(f.path + ":14:74: /nodes/0/tags/0 (a): missing \"zh\" translation\n") != std::string::npos);
    const std::string summary =
        ": ok (2 nodes, 1 edge, 1 tour, 0 warnings), but 8 texts lack a \"zh\" translation "
        "(1 tag, 1 quote, 6 other texts)\n";
    CHECK(out.str().find(f.path + summary) != std::string::npos);

    std::ostringstream english;  // its plain strings are English (meta.language)
    CHECK(ex::cli_validate({f.path}, english, "en") == 0);
    CHECK(english.str().find("every text in \"en\"") != std::string::npos);

    std::ostringstream good;
    CHECK(ex::cli_validate({kArticle}, good, "zh") == 0);
    CHECK(good.str().find("every text in \"zh\"") != std::string::npos);
    CHECK(good.str().find("missing") == std::string::npos);
}
