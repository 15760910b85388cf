// export_markdown.cpp — Content → Markdown. Content text is plain text, so Markdown's own characters are escaped.
#include "core/export_markdown.h"

#include <unordered_map>

#include "core/export_parts.h"
#include "core/strings.h"

namespace ex {

namespace {

// Escapes what would otherwise turn plain text into emphasis, code, links, HTML, headings, quotes or lists.
std::string escape(const std::string& s) {
    std::string out;
    out.reserve(s.size() + 8);
    bool line_start = true;
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (line_start) {
            size_t d = i;
            while (d < s.size() && s[d] >= '0' && s[d] <= '9') ++d;
            if (c == '#' || c == '>' || c == '-' || c == '+' || c == '=') out += '\\';
            else if (d > i && d < s.size() && (s[d] == '.' || s[d] == ')')) {  // "1. " would start a list
                out.append(s, i, d - i);
                out += '\\';
                i = d - 1;
                line_start = false;
                continue;
            }
        }
        if (c == '\\' || c == '`' || c == '*' || c == '_' || c == '[' || c == ']' || c == '<' || c == '>' || c == '~' ||
            c == '|')
            if (!(line_start && c == '>')) out += '\\';
        out += c;
        line_start = c == '\n';
        if (line_start)
            while (i + 1 < s.size() && (s[i + 1] == ' ' || s[i + 1] == '\t')) ++i;  // no code blocks
    }
    return out;
}

// For headings, list items and bold spans, which must stay on one line.
std::string one_line(const std::string& s) {
    std::string flat = s;
    for (char& c : flat)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return escape(flat);
}

std::string block_quote(const std::string& s) {
    std::string out = "> ";
    const std::string e = escape(s);
    for (char c : e) {
        out += c;
        if (c == '\n') out += "> ";
    }
    return out + "\n";
}

std::string link_target(const std::string& url) {
    std::string out;
    for (char c : url) {
        if (c == '<') out += "%3C";
        else if (c == '>') out += "%3E";
        else if (c == ' ') out += "%20";
        else out += c;
    }
    return out;
}

}  // namespace

std::string export_markdown(const Content& c, const std::string& lang) {
    const std::string& fallback = c.meta.language;
    auto t = [&](const Text& text) -> const std::string& { return text.get(lang, fallback); };
    auto ui = [&](Str key) { return std::string(tr(lang, key)); };
    const std::string colon = ui(Str::kMdColon);
    std::unordered_map<std::string, const Node*> node_by_id;
    for (const auto& n : c.nodes) node_by_id.emplace(n.id, &n);
    auto node_title = [&](const std::string& id) {
        auto it = node_by_id.find(id);
        return it == node_by_id.end() ? one_line(id) : one_line(t(it->second->title));
    };

    std::string md;
    md += "# " + one_line(t(c.meta.title)) + "\n\n";
    if (!c.meta.subtitle.empty()) md += "*" + one_line(t(c.meta.subtitle)) + "*\n\n";
    if (!c.meta.summary.empty()) md += escape(t(c.meta.summary)) + "\n\n";
    const Source& src = c.meta.source;
    if (!src.title.empty()) {
        md += "**" + ui(Str::kMdSource) + colon + "** ";
        md += src.url.empty() ? "*" + one_line(t(src.title)) + "*"
                              : "[" + one_line(t(src.title)) + "](<" + link_target(src.url) + ">)";
        if (!src.publisher.empty()) md += ui(Str::kMdListSeparator) + one_line(t(src.publisher));
        md += "\n\n";
    }

    auto write_node = [&](const Node& n) {
        md += "### " + one_line(t(n.title)) + "\n\n";
        if (!n.summary.empty()) md += escape(t(n.summary)) + "\n\n";
        for (const auto& p : n.body) md += escape(t(p)) + "\n\n";
        if (!n.tags.empty()) {
            md += "*" + ui(Str::kMdTags) + colon + "* ";
            for (size_t i = 0; i < n.tags.size(); ++i)
                md += (i ? ui(Str::kMdListSeparator) : "") + one_line(t(n.tags[i]));
            md += "\n\n";
        }
        for (const auto& cit : n.citations) {
            const SourceParagraph* para = cited_paragraph(c, cit.paragraph);
            const SourceSection* sec = c.find_section_of(cit.paragraph);
            const std::string where = sec && !sec->heading.empty()
                                          ? "*" + one_line(t(sec->heading)) + "*"
                                          : fill(tr(lang, Str::kMdParagraph), one_line(cit.paragraph));
            md += fill(tr(lang, Str::kMdCitedFrom), where) + colon + "\n\n";
            if (para) md += block_quote(t(para->text)) + "\n";
            if (!cit.quote.empty()) md += fill(tr(lang, Str::kMdQuote), one_line(t(cit.quote))) + "\n\n";
        }
    };

    for (const NodeGroup& g : nodes_by_category(c)) {
        md += "## " + (g.category ? one_line(t(g.category->label)) : ui(Str::kMdOther)) + "\n\n";
        if (g.category && !g.category->description.empty()) md += escape(t(g.category->description)) + "\n\n";
        for (int i : g.nodes) write_node(c.nodes[i]);
    }

    if (!c.edges.empty()) {
        md += "## " + ui(Str::kMdConnections) + "\n\n";
        for (const auto& e : c.edges) {
            const std::string verb = one_line(edge_reading(c, e, lang));
            md += "- **" + node_title(e.from) + "** " + verb + " **" + node_title(e.to) + "**";
            if (!e.label.empty()) md += ui(Str::kMdOpenParen) + one_line(t(e.label)) + ui(Str::kMdCloseParen);
            md += ui(Str::kMdSentenceEnd) + "\n";
        }
        md += "\n";
    }

    if (!c.tours.empty()) {
        md += "## " + ui(Str::kMdTours) + "\n\n";
        for (const auto& tour : c.tours) {
            md += "### " + one_line(t(tour.title)) + "\n\n";
            if (!tour.description.empty()) md += escape(t(tour.description)) + "\n\n";
            for (size_t i = 0; i < tour.steps.size(); ++i)
                md += std::to_string(i + 1) + ". **" + node_title(tour.steps[i].node) + "**" + colon + " " +
                      one_line(t(tour.steps[i].caption)) + "\n";
            md += "\n";
        }
    }
    while (md.size() >= 2 && md[md.size() - 1] == '\n' && md[md.size() - 2] == '\n') md.pop_back();
    return md;
}

}  // namespace ex
