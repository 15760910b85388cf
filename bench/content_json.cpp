// content_json.cpp — see content_json.h. Optional fields are written only when set, as an author would.
#include "content_json.h"

#include <algorithm>

#include "core/load.h"

namespace ex::bench {

namespace {

using nlohmann::json;

// A plain string when the Text holds one untagged entry, else a language map (order kept, as the loader keeps it).
json text_json(const Text& t) {
    if (t.items.size() == 1 && t.items[0].first.empty()) return t.items[0].second;
    json m = json::object();
    for (const auto& [lang, s] : t.items) m[lang] = s;
    return m;
}

void put_text(json& o, const char* key, const Text& t) {
    if (!t.empty()) o[key] = text_json(t);
}

json source_json(const Source& s) {
    json o;
    o["title"] = text_json(s.title);
    put_text(o, "publisher", s.publisher);
    if (!s.url.empty()) o["url"] = s.url;
    json sections = json::array();
    for (const auto& sec : s.sections) {
        json paragraphs = json::array();
        for (const auto& p : sec.paragraphs) paragraphs.push_back({{"id", p.id}, {"text", text_json(p.text)}});
        sections.push_back({{"id", sec.id}, {"heading", text_json(sec.heading)}, {"paragraphs", paragraphs}});
    }
    o["sections"] = sections;
    return o;
}

// Built-in kinds are written only when the content changed how they read.
bool is_unchanged_builtin(const EdgeKind& k) {
    static const std::vector<EdgeKind> builtins = builtin_edge_kinds();
    return std::any_of(builtins.begin(), builtins.end(), [&](const EdgeKind& b) {
        return b.id == k.id && b.forward.items == k.forward.items && b.backward.items == k.backward.items &&
               b.style == k.style;
    });
}

json node_json(const Node& n) {
    json o;
    o["id"] = n.id;
    o["category"] = n.category;
    o["title"] = text_json(n.title);
    o["summary"] = text_json(n.summary);
    if (!n.body.empty()) {
        json body = json::array();
        for (const auto& b : n.body) body.push_back(text_json(b));
        o["body"] = body;
    }
    if (!n.tags.empty()) {
        json tags = json::array();
        for (const auto& t : n.tags) tags.push_back(text_json(t));
        o["tags"] = tags;
    }
    json cites = json::array();
    for (const auto& c : n.citations) {
        json cj = {{"paragraph", c.paragraph}};
        put_text(cj, "quote", c.quote);
        cites.push_back(cj);
    }
    o["citations"] = cites;
    if (n.has_position) o["position"] = {{"x", n.x}, {"y", n.y}};
    return o;
}

}  // namespace

json content_to_json(const Content& c) {
    json doc;
    doc["format"] = 1;
    json meta;
    meta["title"] = text_json(c.meta.title);
    put_text(meta, "subtitle", c.meta.subtitle);
    meta["summary"] = text_json(c.meta.summary);
    meta["language"] = c.meta.language;
    meta["source"] = source_json(c.meta.source);
    doc["meta"] = meta;

    json categories = json::array();
    for (const auto& cat : c.categories) {
        json o = {{"id", cat.id}, {"label", text_json(cat.label)}, {"colour", cat.colour}};
        put_text(o, "description", cat.description);
        categories.push_back(o);
    }
    doc["categories"] = categories;

    json kinds = json::array();
    for (const auto& k : c.edge_kinds) {
        if (is_unchanged_builtin(k)) continue;
        kinds.push_back({{"id", k.id}, {"forward", text_json(k.forward)}, {"backward", text_json(k.backward)},
                         {"style", k.style}});
    }
    if (!kinds.empty()) doc["edge_kinds"] = kinds;

    json nodes = json::array();
    for (const auto& n : c.nodes) nodes.push_back(node_json(n));
    doc["nodes"] = nodes;

    json edges = json::array();
    for (const auto& e : c.edges) {
        json o = {{"from", e.from}, {"to", e.to}, {"kind", e.kind}};
        if (!e.id.empty()) o["id"] = e.id;
        put_text(o, "label", e.label);
        edges.push_back(o);
    }
    doc["edges"] = edges;

    json tours = json::array();
    for (const auto& t : c.tours) {
        json steps = json::array();
        for (const auto& s : t.steps) steps.push_back({{"node", s.node}, {"caption", text_json(s.caption)}});
        json o = {{"id", t.id}, {"title", text_json(t.title)}, {"steps", steps}};
        put_text(o, "description", t.description);
        tours.push_back(o);
    }
    doc["tours"] = tours;
    return doc;
}

std::string content_to_string(const Content& c) { return content_to_json(c).dump(); }

void fit_section_limit(Content& c) {
    auto& sections = c.meta.source.sections;
    if (sections.size() <= limits::kSections) return;
    std::vector<SourceParagraph> all;
    for (auto& s : sections)
        for (auto& p : s.paragraphs) all.push_back(std::move(p));
    const size_t per = (all.size() + limits::kSections - 1) / limits::kSections;
    std::vector<SourceSection> regrouped;
    for (size_t i = 0; i < all.size(); ++i) {
        if (i % per == 0) {
            SourceSection s;
            s.id = "s" + std::to_string(regrouped.size());
            s.heading = Text("Section " + std::to_string(regrouped.size() + 1));
            regrouped.push_back(std::move(s));
        }
        regrouped.back().paragraphs.push_back(std::move(all[i]));
    }
    sections = std::move(regrouped);
    c.rebuild_indices();
}

}  // namespace ex::bench
