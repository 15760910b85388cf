// test_export_html.cpp — the HTML text view: escaping of hostile content, well-formedness (xmllint), and a round
// trip of every node, edge and tour step of the bundled article.
#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "cli/cli_tools.h"
#include "core/export_html.h"
#include "core/load.h"
#include "core/navigation.h"

namespace {

std::shared_ptr<const ex::Content> load(const std::string& path) {
    ex::LoadResult r = ex::load_content_file(path);
    REQUIRE_MESSAGE(r.ok(), path);
    return r.content;
}
std::string fixture(const std::string& rel) { return std::string(EXPLAINER_FIXTURES) + "/" + rel; }
std::string bundled() { return std::string(EXPLAINER_SOURCE_DIR) + "/assets/content/article.json"; }

// Every '<' in the output must open or close one of the export's own tags, with only its own attributes, and
// every link must stay in the page or go to http(s). Content text has no raw '<', so this finds any leak.
void check_only_own_markup(const std::string& html) {
    static const std::set<std::string> tags = {"div",    "header",     "h1",      "h2",         "h3", "p",  "a",
                                               "cite",   "section",    "article", "ul",         "ol", "li", "span",
                                               "figure", "blockquote", "mark",    "figcaption", "br"};
    static const std::set<std::string> attrs = {"class", "id", "lang", "data-digest", "href", "rel", "tabindex"};
    const std::regex tag(R"(<(/?)([a-z0-9]+)((?:\s+[a-z-]+="[^"<>]*")*)\s*/?>)");
    const std::regex attr(R"(([a-z-]+)="([^"]*)\")");
    size_t tags_seen = 0;
    for (size_t at = html.find('<'); at != std::string::npos; at = html.find('<', at + 1)) {
        std::smatch m;
        const std::string rest = html.substr(at, 600);
        REQUIRE_MESSAGE(std::regex_search(rest, m, tag, std::regex_constants::match_continuous),
                        "not one of our tags at: " << rest.substr(0, 80));
        CHECK_MESSAGE(tags.count(m[2].str()), "tag " << m[2].str());
        const std::string attributes = m[3].str();
        for (std::sregex_iterator it(attributes.begin(), attributes.end(), attr), end; it != end; ++it) {
            CHECK_MESSAGE(attrs.count((*it)[1].str()), "attribute " << (*it)[1].str());
            if ((*it)[1].str() == "href") {
                const std::string v = (*it)[2].str();
                CHECK_MESSAGE((v.rfind("#node-", 0) == 0 || v.rfind("https://", 0) == 0 || v.rfind("http://", 0) == 0),
                              "href " << v);
            }
        }
        ++tags_seen;
    }
    CHECK(tags_seen > 10);
}

// xmllint (Debian's libxml2-utils, installed by scripts/setup.sh --tests) in XML mode: stricter than an HTML
// parser, so a fragment it accepts is well-formed HTML as well. Returns its messages; "" when well-formed.
std::string xmllint(const std::string& html) {
    char name[] = "/tmp/export_html_XXXXXX";
    const int fd = mkstemp(name);
    REQUIRE(fd >= 0);
    { std::ofstream(name) << html; }
    const std::string cmd = std::string("xmllint --noout ") + name + " 2>&1";
    std::string out;
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE_MESSAGE(p, "xmllint could not run (apt-get install libxml2-utils)");
    char buf[512];
    while (fgets(buf, sizeof buf, p)) out += buf;
    const int rc = pclose(p);
    std::remove(name);
    if (rc != 0 && out.empty()) out = "xmllint failed (is libxml2-utils installed?)";
    return out;
}

// The part of the export that is card `id` (its <article> element).
std::string card(const std::string& html, const std::string& id) {
    const std::string open = "<article class=\"card\" id=\"node-" + id + "\"";
    const size_t at = html.find(open);
    if (at == std::string::npos) return "";
    CHECK_MESSAGE(html.find(open, at + 1) == std::string::npos, "card " << id << " written twice");
    return html.substr(at, html.find("</article>", at) - at);
}

}  // namespace

TEST_CASE("export_html: hostile content comes out as inert text") {
    const std::string html = ex::export_html(*load(fixture("good/hostile.json")), "en");
    CAPTURE(html);
    check_only_own_markup(html);
    CHECK(xmllint(html) == "");
    // The words are all there, as text.
    CHECK(html.find("<h1>&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Hostile map</h1>") != std::string::npos);
    CHECK(html.find("&quot;&gt;&lt;img src=x onerror=alert(&#39;summary&#39;)&gt; &amp; &#39;quotes&#39;") !=
          std::string::npos);
    CHECK(html.find("line one<br />line two &lt;iframe") != std::string::npos);
    // The source URL is a link, its quotes escaped inside the attribute.
    CHECK(html.find(
              "<a href=\"https://example.com/?a=1&amp;b=&quot;&gt;&lt;script&gt;alert(&#39;url&#39;)&lt;/script&gt;\" "
              "rel=\"external noopener noreferrer\">A &lt;b&gt;bold&lt;/b&gt; source</a>") != std::string::npos);
    // Bidi embeddings, overrides and isolates are dropped: they could show "exe.png" as "gnp.exe".
    for (const char* bidi : {"\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"})
        CHECK(html.find(bidi) == std::string::npos);
    CHECK(html.find("bidi gnp.exe and isolate done.") != std::string::npos);
    // The quoted words are marked inside the passage, escaped like the rest.
    CHECK(html.find("<mark>&lt;a href=&quot;javascript:alert(&#39;link&#39;)&quot;&gt;a link&lt;/a&gt;</mark>") !=
          std::string::npos);
}

TEST_CASE("export_html: a javascript: source URL never becomes a link; controls are dropped") {
    ex::Content c;
    c.meta.title = ex::Text("Title\twith\ncontrols\x01\x7f and \xc2\x85 C1");
    c.meta.source.title = ex::Text("Source");
    c.meta.source.url = "javascript:alert(1)";
    const std::string html = ex::export_html(c, "en");
    CAPTURE(html);
    CHECK(html.find("href") == std::string::npos);
    CHECK(html.find("<cite>Source</cite>") != std::string::npos);
    CHECK(html.find("<h1>Title with controls and  C1</h1>") != std::string::npos);
    CHECK(ex::html_escape("a\"b'c<d>e&f") == "a&quot;b&#39;c&lt;d&gt;e&amp;f");
    c.meta.source.url = "HTTPS://example.com/x";
    CHECK(ex::export_html(c, "en").find("<a href=\"HTTPS://example.com/x\"") != std::string::npos);
}

TEST_CASE("export_html: the bundled article round-trips every node, edge and tour step, in both languages") {
    const auto c = load(bundled());
    for (const std::string lang : {"en", "zh"}) {
        CAPTURE(lang);
        const std::string html = ex::export_html(*c, lang);
        CHECK(xmllint(html) == "");
        check_only_own_markup(html);
        CHECK(html.rfind("<div class=\"explainer-text\" lang=\"" + lang + "\" data-digest=\"", 0) == 0);
        CHECK(html.find("<h1>" + ex::html_escape(c->meta.title.get(lang)) + "</h1>") != std::string::npos);
        for (const ex::Node& n : c->nodes) {
            const std::string block = card(html, n.id);
            REQUIRE_MESSAGE(!block.empty(), "no card for " << n.id);
            CHECK(block.find("<h3>" + ex::html_escape(n.title.get(lang)) + "</h3>") != std::string::npos);
            CHECK(block.find(ex::html_escape(n.summary.get(lang))) != std::string::npos);
            for (const ex::Text& p : n.body) CHECK(block.find(ex::html_escape(p.get(lang))) != std::string::npos);
            CHECK(block.find("<figure class=\"citation\">") != std::string::npos);
        }
        // Each edge is a link both ways, after the words that say how it reads from that side.
        for (const ex::Edge& e : c->edges) {
            CAPTURE(e.from + " " + e.kind + " " + e.to);
            const ex::EdgeKind& k = c->edge_kinds[e.kind_index];
            const std::regex forward("<li><span class=\"reading\">" + ex::html_escape(k.forward.get(lang)) +
                                     "</span> [^\n]*<a href=\"#node-" + e.to + "\">");
            const std::regex backward("<li><span class=\"reading\">" + ex::html_escape(k.backward.get(lang)) +
                                      "</span> [^\n]*<a href=\"#node-" + e.from + "\">");
            CHECK(std::regex_search(card(html, e.from), forward));
            CHECK(std::regex_search(card(html, e.to), backward));
        }
        for (const ex::Tour& t : c->tours) {
            const size_t at = html.find("<section class=\"tour\" id=\"tour-" + t.id + "\">");
            REQUIRE(at != std::string::npos);
            const std::string list = html.substr(at, html.find("</ol>", at) - at);
            size_t pos = 0;
            for (const ex::TourStep& s : t.steps) {  // in order
                pos = list.find("<li><a href=\"#node-" + s.node + "\">", pos);
                CHECK_MESSAGE(pos != std::string::npos, t.id << " step " << s.node);
                if (pos == std::string::npos) break;
                ++pos;
            }
        }
        // Every link points at a card that exists.
        const std::regex link("href=\"#node-([^\"]+)\"");
        for (std::sregex_iterator it(html.begin(), html.end(), link), end; it != end; ++it)
            CHECK_MESSAGE(c->node_index((*it)[1].str()) >= 0, (*it)[1].str());
    }
    // Same content, same digest; another language, another one.
    CHECK(ex::export_html(*c, "en") == ex::export_html(*c, "en"));
    CHECK(ex::export_html(*c, "en").substr(0, 90) != ex::export_html(*c, "zh").substr(0, 90));
}

TEST_CASE("export_html: the lang attribute says what language the text came out in") {
    const auto c = load(fixture("good/complete.json"));  // English only
    CHECK(ex::export_language(*c, "zh") == "en");
    CHECK(ex::export_html(*c, "zh").rfind("<div class=\"explainer-text\" lang=\"en\"", 0) == 0);
    CHECK(ex::export_language(*load(bundled()), "zh") == "zh");
}

TEST_CASE("cli_export_html writes the fragment, and refuses bad content with its problems") {
    std::ostringstream out, err;
    CHECK(ex::cli_export_html(fixture("good/complete.json"), "en", out, err) == 0);
    CHECK(out.str().find("<h1>Why the talent pipeline matters</h1>") != std::string::npos);
    std::ostringstream out2, err2;
    CHECK(ex::cli_export_html(fixture("bad/dangling-edge-to.json"), "en", out2, err2) == 1);
    CHECK(out2.str().empty());
    CHECK(err2.str().find("nothing exported") != std::string::npos);
}
