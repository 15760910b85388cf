// export_html.cpp — Content → an HTML fragment. Content text is plain text: nothing in it becomes markup.
#include "core/export_html.h"

#include <cctype>

#include "core/export_parts.h"
#include "core/file_io.h"
#include "core/navigation.h"
#include "core/strings.h"

namespace ex {

std::string html_escape(const std::string& s) {
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for (size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = (unsigned char)s[i];
        switch (c) {
            case '&': out += "&amp;"; continue;
            case '<': out += "&lt;"; continue;
            case '>': out += "&gt;"; continue;
            case '"': out += "&quot;"; continue;
            case '\'': out += "&#39;"; continue;
            default: break;
        }
        if (c < 0x20 || c == 0x7F) {  // C0 controls are parse errors in HTML; tabs and newlines are whitespace
            if (c == '\n' || c == '\t') out += (char)c;
            continue;
        }
        if (c == 0xC2 && i + 1 < s.size() && (unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] <= 0x9F) {
            ++i;  // C1 controls
            continue;
        }
        if (c == 0xE2 && i + 2 < s.size() && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] >= 0xAA &&
            (unsigned char)s[i + 2] <= 0xAE) {
            i += 2;  // LRE RLE PDF LRO RLO: embeddings and overrides could reorder the text around them
            continue;
        }
        if (c == 0xE2 && i + 2 < s.size() && (unsigned char)s[i + 1] == 0x81 && (unsigned char)s[i + 2] >= 0xA6 &&
            (unsigned char)s[i + 2] <= 0xA9) {
            i += 2;  // LRI RLI FSI PDI: isolates, the same
            continue;
        }
        if (c == 0xEF && i + 2 < s.size() && (unsigned char)s[i + 1] == 0xBF && (unsigned char)s[i + 2] >= 0xBE) {
            i += 2;  // U+FFFE, U+FFFF: non-characters
            continue;
        }
        out += (char)c;
    }
    return out;
}

namespace {

// Headings, titles and link texts: one line.
std::string one_line(const std::string& s) {
    std::string out = html_escape(s);
    for (char& c : out)
        if (c == '\n' || c == '\t') c = ' ';
    return out;
}

// Paragraph text: a line break in the content stays one.
std::string lines(const std::string& s) {
    const std::string e = html_escape(s);
    std::string out;
    out.reserve(e.size());
    for (char c : e) {
        if (c == '\n') out += "<br />";  // also well-formed XML, so xmllint checks it strictly
        else out += c;
    }
    return out;
}

bool is_web_url(const std::string& url) {
    auto starts = [&](const char* scheme) {
        size_t n = 0;
        for (; scheme[n]; ++n)
            if (n >= url.size() || std::tolower((unsigned char)url[n]) != scheme[n]) return false;
        return url.size() > n;
    };
    return starts("http://") || starts("https://");
}

}  // namespace

std::string export_language(const Content& c, const std::string& lang) {
    for (const auto& item : c.meta.title.items)
        if (item.first == lang) return lang;
    return c.meta.language.empty() ? "en" : c.meta.language;
}

std::string text_view_source(std::string_view content_bytes, const std::string& lang) {
    return content_hash_hex(content_bytes) + "-" + lang;
}

std::string export_html(const Content& c, const std::string& lang, const std::string& source) {
    const std::string& fallback = c.meta.language;
    auto t = [&](const Text& text) -> const std::string& { return text.get(lang, fallback); };
    auto ui = [&](Str key) { return std::string(tr(lang, key)); };
    const std::string colon = ui(Str::kMdColon);
    auto node_link = [&](int index) {
        const Node& n = c.nodes[index];
        return "<a href=\"#node-" + html_escape(n.id) + "\">" + one_line(t(n.title)) + "</a>";
    };

    std::string h;
    h += "<header>\n<h1>" + one_line(t(c.meta.title)) + "</h1>\n";
    if (!c.meta.subtitle.empty()) h += "<p class=\"subtitle\">" + lines(t(c.meta.subtitle)) + "</p>\n";
    if (!c.meta.summary.empty()) h += "<p class=\"summary\">" + lines(t(c.meta.summary)) + "</p>\n";
    const Source& src = c.meta.source;
    if (!src.title.empty()) {
        h += "<p class=\"source\">" + ui(Str::kMdSource) + colon + " ";
        h += is_web_url(src.url) ? "<a href=\"" + html_escape(src.url) + "\" rel=\"external noopener noreferrer\">" +
                                       one_line(t(src.title)) + "</a>"
                                 : "<cite>" + one_line(t(src.title)) + "</cite>";
        if (!src.publisher.empty()) h += ui(Str::kMdListSeparator) + one_line(t(src.publisher));
        h += "</p>\n";
    }
    h += "</header>\n";

    auto write_node = [&](int index) {
        const Node& n = c.nodes[index];
        h += "<article class=\"card\" id=\"node-" + html_escape(n.id) + "\" tabindex=\"-1\">\n";
        h += "<h3>" + one_line(t(n.title)) + "</h3>\n";
        if (!n.summary.empty()) h += "<p class=\"summary\">" + lines(t(n.summary)) + "</p>\n";
        for (const auto& p : n.body) h += "<p>" + lines(t(p)) + "</p>\n";
        if (!n.tags.empty()) {
            h += "<p class=\"tags\">" + ui(Str::kMdTags) + colon + " ";
            for (size_t i = 0; i < n.tags.size(); ++i)
                h += (i ? ui(Str::kMdListSeparator) : "") + one_line(t(n.tags[i]));
            h += "</p>\n";
        }
        const auto groups = grouped_neighbours(c, index, lang);
        if (!groups.empty()) {
            h += "<ul class=\"links\">\n";
            for (const auto& g : groups) {
                h += "<li><span class=\"reading\">" + one_line(g.first) + "</span> ";
                for (size_t i = 0; i < g.second.size(); ++i) {
                    const Neighbour& nb = g.second[i];
                    if (i) h += ui(Str::kMdListSeparator);
                    h += node_link(nb.node);
                    const Edge& e = c.edges[nb.edge];
                    if (!e.label.empty()) h += ui(Str::kMdOpenParen) + one_line(t(e.label)) + ui(Str::kMdCloseParen);
                }
                h += "</li>\n";
            }
            h += "</ul>\n";
        }
        for (const auto& cit : n.citations) {
            const SourceParagraph* para = cited_paragraph(c, cit.paragraph);
            const SourceSection* sec = c.find_section_of(cit.paragraph);
            const std::string where = sec && !sec->heading.empty()
                                          ? "<cite>" + one_line(t(sec->heading)) + "</cite>"
                                          : fill(tr(lang, Str::kMdParagraph), one_line(cit.paragraph));
            h += "<figure class=\"citation\">\n";
            if (para) {
                // The quoted words, when the passage holds them, are marked inside it (each part escaped alone).
                const std::string& text = t(para->text);
                const std::string quote = cit.quote.empty() ? "" : t(cit.quote);
                const size_t at = quote.empty() ? std::string::npos : text.find(quote);
                h += "<blockquote><p>";
                if (at == std::string::npos) h += lines(text);
                else
                    h += lines(text.substr(0, at)) + "<mark>" + lines(quote) + "</mark>" +
                         lines(text.substr(at + quote.size()));
                h += "</p></blockquote>\n";
                if (!quote.empty() && at == std::string::npos)
                    h += "<p>" + fill(tr(lang, Str::kMdQuote), one_line(quote)) + "</p>\n";
            }
            h += "<figcaption>" + fill(tr(lang, Str::kMdCitedFrom), where) + "</figcaption>\n</figure>\n";
        }
        h += "</article>\n";
    };

    for (const NodeGroup& g : nodes_by_category(c)) {
        if (g.nodes.empty()) continue;
        h += g.category ? "<section class=\"category\" id=\"category-" + html_escape(g.category->id) + "\">\n"
                        : std::string("<section class=\"category\">\n");
        h += "<h2>" + (g.category ? one_line(t(g.category->label)) : ui(Str::kMdOther)) + "</h2>\n";
        if (g.category && !g.category->description.empty())
            h += "<p class=\"description\">" + lines(t(g.category->description)) + "</p>\n";
        for (int i : g.nodes) write_node(i);
        h += "</section>\n";
    }

    if (!c.tours.empty()) {
        h += "<section class=\"tours\">\n<h2>" + ui(Str::kMdTours) + "</h2>\n";
        for (const auto& tour : c.tours) {
            h += "<section class=\"tour\" id=\"tour-" + html_escape(tour.id) + "\">\n";
            h += "<h3>" + one_line(t(tour.title)) + "</h3>\n";
            if (!tour.description.empty()) h += "<p>" + lines(t(tour.description)) + "</p>\n";
            h += "<ol>\n";
            for (const auto& step : tour.steps) {
                const int index = step.node_index >= 0 ? step.node_index : c.node_index(step.node);
                h += "<li>" + (index >= 0 ? node_link(index) : one_line(step.node));
                if (!step.caption.empty()) h += colon + " " + lines(t(step.caption));
                h += "</li>\n";
            }
            h += "</ol>\n</section>\n";
        }
        h += "</section>\n";
    }

    const std::string digest = content_hash_hex(h);
    const std::string source_attr = source.empty() ? "" : " data-source=\"" + html_escape(source) + "\"";
    return "<div class=\"explainer-text\" lang=\"" + html_escape(export_language(c, lang)) + "\" data-digest=\"" +
           digest + "\"" + source_attr + ">\n" + h + "</div>\n";
}

}  // namespace ex
