// test_article.cpp — editorial checks on the bundled article: it loads clean, its quotes are verbatim in both
// languages, no card's first body paragraph restates its summary, and its edges keep the shape the map relies on.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli_tools.h"
#include "core/layout.h"
#include "core/load.h"
#include "core/load_match.h"

namespace {

const std::string kArticle = std::string(EXPLAINER_SOURCE_DIR) + "/assets/content/article.json";

std::string article_bytes() {
    std::ifstream in(kArticle, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Units a text is compared by: lower-cased runs of ASCII letters and digits (English words, "GPU" in Chinese)
// and single CJK ideographs (Chinese has no spaces, so a character is the unit). Punctuation and spaces are
// dropped, so "Talent," and "talent" are the same unit.
std::vector<std::string> units(const std::string& s) {
    std::vector<std::string> out;
    std::string word;
    for (size_t i = 0; i < s.size();) {
        const unsigned char b = (unsigned char)s[i];
        if (b < 0x80) {
            if (std::isalnum(b)) word += (char)std::tolower(b);
            else if (!word.empty()) {
                out.push_back(word);
                word.clear();
            }
            ++i;
            continue;
        }
        if (!word.empty()) {
            out.push_back(word);
            word.clear();
        }
        const size_t len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
        uint32_t cp = b & (len == 4 ? 0x07 : len == 3 ? 0x0F : 0x1F);
        for (size_t k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | ((unsigned char)s[i + k] & 0x3F);
        if ((cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF)) out.push_back(s.substr(i, len));
        i += len;
    }
    if (!word.empty()) out.push_back(word);
    return out;
}

// Dice coefficient of the two texts' unit bigrams, counted as multisets: 1 for the same wording, 0 for no
// shared pair. Word bigrams in English and character bigrams in Chinese catch a restatement that swaps a
// word or two, which exact comparison would miss.
double bigram_dice(const std::string& a, const std::string& b) {
    auto bigrams = [](const std::string& s) {
        std::map<std::string, int> m;
        const auto u = units(s);
        for (size_t i = 0; i + 1 < u.size(); ++i) ++m[u[i] + "\x1f" + u[i + 1]];
        return m;
    };
    const auto ma = bigrams(a), mb = bigrams(b);
    int na = 0, nb = 0, shared = 0;
    for (const auto& [k, n] : ma) {
        na += n;
        const auto it = mb.find(k);
        if (it != mb.end()) shared += std::min(n, it->second);
    }
    for (const auto& [k, n] : mb) nb += n;
    return na + nb == 0 ? 0.0 : 2.0 * shared / (na + nb);
}

// A first body paragraph at or above this bigram Dice with its summary says the same thing again. The article
// as first written had 15 cards at 0.35 or more in English (up to 0.71); a body that adds to its summary shares
// a few set phrases ("AI chips", "人工智能") and stays well below.
constexpr double kRepeatThreshold = 0.35;

}  // namespace

TEST_CASE("the bundled article loads with no error and no warning, and is complete in Chinese") {
    const ex::LoadResult r = ex::load_content_file(kArticle);
    REQUIRE(r.ok());
    std::vector<std::string> problems;
    for (const auto& p : r.problems) problems.push_back(ex::format_problem(p));
    CHECK(problems == std::vector<std::string>{});
    std::ostringstream out;
    CHECK(ex::cli_validate({kArticle}, out, "zh") == 0);
    CAPTURE(out.str());
    CHECK(out.str().find(", 0 warnings)") != std::string::npos);
    CHECK(out.str().find("every text in \"zh\"") != std::string::npos);
}

TEST_CASE("every quote in the article occurs word for word in its paragraph, in each of its languages") {
    const ex::LoadResult r = ex::load_content_file(kArticle);
    REQUIRE(r.ok());
    int checked = 0;
    for (const ex::Node& n : r.content->nodes)
        for (const ex::Citation& c : n.citations) {
            const ex::SourceParagraph* p = r.content->find_paragraph(c.paragraph);
            REQUIRE_MESSAGE(p != nullptr, n.id << " cites " << c.paragraph);
            for (const auto& [lang, quote] : c.quote.items) {
                CAPTURE(n.id);
                CAPTURE(lang);
                CAPTURE(quote);
                REQUIRE(!lang.empty());  // a bilingual paragraph is quoted per language
                REQUIRE(p->text.has(lang));
                CHECK(ex::match_quote(quote, p->text.get(lang)).found);
                ++checked;
            }
        }
    CHECK(checked >= 80);  // two languages, about one quote per card

    // The loader refuses the article when one quote is no longer verbatim, at that quote's place.
    nlohmann::json j = nlohmann::json::parse(article_bytes());
    const int talent = r.content->node_index("domestic-talent");
    REQUIRE(talent >= 0);
    std::string& zh = j["nodes"][talent]["citations"][0]["quote"]["zh"].get_ref<std::string&>();
    REQUIRE(zh.rfind("中国", 0) == 0);
    zh.insert(3, "的");  // after the first character: "中的国…"
    const ex::LoadResult bad = ex::load_content(j.dump(), "article.json");
    CHECK_FALSE(bad.ok());
    REQUIRE(bad.problems.size() == 1);
    CAPTURE(ex::format_problem(bad.problems[0]));
    CHECK(ex::format_problem(bad.problems[0])
              .find("/nodes/" + std::to_string(talent) +
                    "/citations/0/quote/zh: quote not found in paragraph \"priority-talent\"") != std::string::npos);
}

TEST_CASE("the repeat measure tells a restated summary from one that is added to") {
    // The talent card as it once was: the body restated the summary in both languages.
    CHECK(bigram_dice("China needs a skilled workforce to drive AI research, development and deployment.",
                      "The second priority is people. The analysis says China needs a skilled workforce to carry AI "
                      "research, development and deployment.") >= kRepeatThreshold);
    CHECK(bigram_dice(
              "中国需要一支技术娴熟的人才队伍来推动人工智能的研究、开发和部署。",
              "第二个重点是人才。分析部分指出，中国需要一支技术娴熟的人才队伍来承担人工智能的研究、开发和部署。") >=
          kRepeatThreshold);
    CHECK(bigram_dice("China needs a skilled workforce.", "The source names no companies.") < kRepeatThreshold);
    CHECK(bigram_dice("中国需要人才队伍。", "原文没有点名任何公司。") < kRepeatThreshold);
    CHECK(bigram_dice("Same words here.", "same, words HERE") == doctest::Approx(1.0));
}

TEST_CASE("no card's first body paragraph repeats its summary, in English or in Chinese") {
    const ex::LoadResult r = ex::load_content_file(kArticle);
    REQUIRE(r.ok());
    double worst = 0;
    for (const ex::Node& n : r.content->nodes) {
        if (n.body.empty()) continue;
        for (const char* lang : {"en", "zh"}) {
            const double d = bigram_dice(n.summary.get(lang), n.body[0].get(lang));
            worst = std::max(worst, d);
            CHECK_MESSAGE(d < kRepeatThreshold, n.id << " (" << lang << "): body 0 repeats the summary, bigram Dice "
                                                     << d << " >= " << kRepeatThreshold);
        }
    }
    MESSAGE("highest summary/body-0 bigram Dice in the article: " << worst);
}

TEST_CASE("the four strategic priorities hang off the call alike, and the map's reading order has no cycle") {
    const ex::LoadResult r = ex::load_content_file(kArticle);
    REQUIRE(r.ok());
    const ex::Content& c = *r.content;
    const int call = c.node_index("xi-call");
    REQUIRE(call >= 0);
    std::vector<std::string> parts_of_call;
    for (const ex::Edge& e : c.edges)
        if (e.kind == "part-of" && e.to_index == call && c.nodes[e.from_index].category == "priorities") {
            parts_of_call.push_back(e.from);
            CHECK(e.label.get("en") == "priority");
            CHECK(e.label.get("zh") == "重点");
        }
    std::sort(parts_of_call.begin(), parts_of_call.end());
    CHECK(parts_of_call == std::vector<std::string>{"basic-research", "domestic-talent", "indigenous-infrastructure",
                                                    "reduce-foreign-reliance"});
    // Each priority is part of the call and of nothing else.
    for (const std::string& p : parts_of_call)
        for (const ex::Edge& e : c.edges)
            if (e.kind == "part-of" && e.from == p) CHECK_MESSAGE(e.to == "xi-call", p << " is also part of " << e.to);

    // Read every edge the way the layout does (its `to` first for part-of, mitigates and requires): the map can
    // only read left to right if that graph has no cycle.
    const int n = (int)c.nodes.size();
    std::vector<std::vector<int>> next(n);
    for (const ex::Edge& e : c.edges) {
        if (ex::reads_backwards(c, e)) next[e.to_index].push_back(e.from_index);
        else next[e.from_index].push_back(e.to_index);
    }
    std::vector<int> state(n, 0);  // 0 unseen, 1 on the current path, 2 done
    std::vector<std::string> cycle;
    std::function<bool(int)> visit = [&](int v) {
        state[v] = 1;
        for (int w : next[v]) {
            if (state[w] == 1 || (state[w] == 0 && visit(w))) {
                cycle.push_back(c.nodes[v].id);
                return true;
            }
        }
        state[v] = 2;
        return false;
    };
    for (int v = 0; v < n && cycle.empty(); ++v)
        if (state[v] == 0) visit(v);
    std::string path;
    for (auto it = cycle.rbegin(); it != cycle.rend(); ++it) path += (path.empty() ? "" : " → ") + *it;
    CHECK_MESSAGE(cycle.empty(), "direction cycle: " << path);
}
